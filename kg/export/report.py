"""A short Markdown report: entities per type, most connected organisations, partnerships, articles."""
from __future__ import annotations

from collections import Counter

import networkx as nx

from ..model import ENTITY_TYPES


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def generate_report(g: nx.MultiDiGraph, skipped: list[tuple[str, str]] | None = None) -> str:
    lines = ["# Knowledge graph report", ""]
    docs = g.graph.get("documents", {})
    counts = Counter(d.get("type") for _, d in g.nodes(data=True))
    lines += ["## Entities per type", "", "| type | count |", "|---|---|"]
    lines += [f"| {t} | {counts.get(t, 0)} |" for t in ENTITY_TYPES]
    rel_counts = Counter(d.get("relation") for _, _, d in g.edges(data=True))
    lines += ["", "## Links per relation", "", "| relation | count |", "|---|---|"]
    lines += [f"| {r} | {c} |" for r, c in sorted(rel_counts.items())]
    orgs = [(g.degree(n), g.nodes[n].get("label", n)) for n in g if g.nodes[n].get("type") == "Organization"]
    orgs.sort(key=lambda x: (-x[0], x[1]))
    lines += ["", "## Most connected organisations", "", "| organisation | links |", "|---|---|"]
    lines += [f"| {_md(label)} | {deg} |" for deg, label in orgs[:15]]
    lines += ["", "## Partnerships found (cooperatesWith)", ""]
    partners = sorted((g.nodes[u]["label"], g.nodes[v]["label"], len(d.get("evidence", [])))
                      for u, v, d in g.edges(data=True) if d.get("relation") == "cooperatesWith")
    lines += [f"- {_md(a)} ↔ {_md(b)} ({n} mention{'s' if n != 1 else ''})" for a, b, n in partners] or ["- none"]
    lines += ["", f"## Articles read ({len(docs)})", "", "| id | title | date |", "|---|---|---|"]
    lines += [f"| {_md(i)} | {_md(m.get('title', ''))} | {_md(m.get('date', ''))} |" for i, m in sorted(docs.items())]
    lines += ["", f"## Articles skipped ({len(skipped or [])})", ""]
    lines += [f"- `{_md(p)}`: {_md(r)}" for p, r in (skipped or [])] or ["- none"]
    return "\n".join(lines) + "\n"
