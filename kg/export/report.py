"""A short Markdown report: entities per type, most connected organisations, partnerships, articles."""
from __future__ import annotations

from collections import Counter

import networkx as nx

from ..model import ENTITY_TYPES


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def generate_report(g: nx.MultiDiGraph, skipped: list[tuple[str, str]] | None = None) -> str:
    docs = g.graph.get("documents", {})
    lines = [f"# {_md(g.graph.get('title') or 'Knowledge graph')}", "", _topic_line(g), ""]
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
    lines += ["", f"## Articles read ({len(docs)})", ""] + _articles(g)
    lines += ["", f"## Articles skipped ({len(skipped or [])})", ""]
    lines += [f"- `{_md(p)}`: {_md(r)}" for p, r in (skipped or [])] or ["- none"]
    return "\n".join(lines) + "\n"


def _topic_line(g: nx.MultiDiGraph) -> str:
    """Knowledge graph report: which articles the graph holds (all, or those on topic)."""
    rel = g.graph.get("relevance") or {}
    n = len(g.graph.get("documents", {}))
    if not rel.get("topic"):
        return f"Knowledge graph report: {n} article(s) read, all in the graph (relevance not judged)."
    on, off = rel.get("on_topic", 0), rel.get("off_topic", 0)
    kept = "all in the graph (--all-topics)" if rel.get("all_topics") else f"the {on} on topic give the nodes and links"
    return (f"Knowledge graph report: {n} article(s) read, {on} on topic ({_md(rel['topic'])}) and "
            f"{off} off topic; {kept}.")


def _articles(g: nx.MultiDiGraph) -> list[str]:
    """The articles read: one table, or with a topic, those on topic (score) and those off (why)."""
    docs = sorted(g.graph.get("documents", {}).items())
    rel = g.graph.get("relevance") or {}
    if not rel.get("topic"):
        return (["| id | title | date |", "|---|---|---|"]
                + [f"| {_md(i)} | {_md(m.get('title', ''))} | {_md(m.get('date', ''))} |" for i, m in docs])
    judged = [(i, m, m.get("relevance") or {}) for i, m in docs]
    on = [(i, m, r) for i, m, r in judged if r.get("on_topic", True)]
    off = [(i, m, r) for i, m, r in judged if not r.get("on_topic", True)]
    how = "kept in the graph (--all-topics)" if rel.get("all_topics") else "read, but they give no nodes or links"
    lines = [f"### On topic ({len(on)})", ""]
    lines += ["| id | title | date | score |", "|---|---|---|---|"] if on else ["- none"]
    lines += [f"| {_md(i)} | {_md(m.get('title', ''))} | {_md(m.get('date', ''))} | {r.get('score', 0):g} |"
              for i, m, r in on]
    lines += ["", f"### Off topic ({len(off)})", ""]
    if not off:
        return lines + ["- none"]
    lines += [f"Their score is below the threshold ({rel.get('threshold', 0):g}, rules/topic_settings.tsv): {how}.",
              "", "| id | title | date | why |", "|---|---|---|---|"]
    lines += [f"| {_md(i)} | {_md(m.get('title', ''))} | {_md(m.get('date', ''))} | {_md(r.get('reason', ''))} |"
              for i, m, r in off]
    return lines
