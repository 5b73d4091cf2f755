"""`kg query`, `kg path`, `kg partners`: a thin shell over kg.query that prints tables, CSV or JSON.

Errors (refused or broken queries, unknown names, missing builds) are one line and exit 2 via kg.cli.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from .errors import QueryError
from .export.vocab import PREFIXES

TABLE_CELL_PAD = 48          # pad columns up to this width; longer cells simply run on


def register(subparsers) -> None:
    q = subparsers.add_parser(
        "query", help="run a read-only SPARQL query against the built graph",
        description="Run a SPARQL SELECT / ASK / CONSTRUCT / DESCRIBE query against the RDF export of a build "
        "(graph.trig, else graph.ttl). The default graph is every article's links merged; GRAPH ?article { … } "
        "reaches one article's links. Read-only and offline: SPARQL Update, SERVICE and FROM of graphs that are "
        "not in the export are refused.")
    q.add_argument("sparql", nargs="?", help="the query text (or use --file)")
    q.add_argument("--file", "-f", help="read the query from this file (e.g. queries/agreements-and-parties.rq)")
    q.add_argument("--graph", default="output", help="build folder or RDF file (default: output)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (default), CSV or SPARQL JSON results")
    q.set_defaults(func=cmd_query)

    p = subparsers.add_parser(
        "path", help="shortest chains of links between two entities, with evidence",
        description="The shortest chains of links between two entities (names or aliases, accent- and "
        "case-insensitive; links are followed in either direction), each step with its evidence sentence.")
    p.add_argument("source", help='a name, alias or id, e.g. "Bộ Công an"')
    p.add_argument("target", help='a name, alias or id, e.g. "UNDP"')
    p.add_argument("--graph", default="output", help="build folder or graph.json (default: output)")
    p.add_argument("--limit", type=int, default=3, help="at most this many chains (default: 3)")
    p.add_argument("--exclude", action="append", default=[], metavar="TYPE_OR_RELATION",
                   help="never pass through entities of this type (e.g. Country) or follow links of this "
                   "relation (e.g. country); repeatable")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_path)

    r = subparsers.add_parser(
        "partners", help="who an organisation works with, how, how often, in which articles",
        description="Partners of an organisation or country: direct links (cooperatesWith, partOf, …), shared "
        "events (both organised, attended or funded) and shared agreements (both parties or funders), "
        "with the articles that state them; most-attested first.")
    r.add_argument("name", help='a name, alias or id, e.g. "Cục Đối ngoại"')
    r.add_argument("--graph", default="output", help="build folder or graph.json (default: output)")
    r.add_argument("--limit", type=int, default=0, help="show at most this many partners (default: all)")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.set_defaults(func=cmd_partners)


# --- kg query -------------------------------------------------------------------------------------

def cmd_query(args: argparse.Namespace) -> int:
    from .query import run_query
    if bool(args.sparql) == bool(args.file):
        raise QueryError("kg query: give the query text or --file FILE (one of them)")
    source = "query"
    text = args.sparql
    if args.file:
        source = args.file
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or exc.__class__.__name__
            raise QueryError(f"{args.file}: cannot be read: {reason}") from None
    result = run_query(text, args.graph, source)
    sys.stdout.write(format_result(result, args.format))
    return 0


def format_result(result, fmt: str = "table") -> str:
    """A SparqlResult as an aligned table, W3C SPARQL CSV, or W3C SPARQL JSON results."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n" if fmt == "json" else \
            ("true\n" if result.boolean else "false\n")
    if result.kind == "graph":
        return _triples_text(result.triples, turtle=fmt == "table")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow(["" if t is None else t.value for t in row])
        return buf.getvalue()
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                    for row in result.rows]
        return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    return _table(result.variables, [[_cell(t) for t in row] for row in result.rows])


def _json_term(t) -> dict:
    import pyoxigraph as ox
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out
    return {"type": "literal", "value": str(t)}


def _cell(t) -> str:
    """Literals as their text; IRIs shortened with the usual prefixes (kg:, org:, schema: …)."""
    import pyoxigraph as ox
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        for pfx, ns in PREFIXES.items():
            if t.value.startswith(ns) and len(t.value) > len(ns):
                return f"{pfx}:{t.value[len(ns):]}"
        return t.value
    if isinstance(t, ox.Literal):
        return " ".join(t.value.split())
    return str(t)


def _table(header, rows) -> str:
    if not header:
        return ""
    widths = [min(TABLE_CELL_PAD, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(header)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _triples_text(triples, turtle: bool) -> str:
    """CONSTRUCT / DESCRIBE results: Turtle for the table format, N-Triples otherwise."""
    import pyoxigraph as ox
    from .export.rdf import _fixed_prefix_order
    if not turtle:
        return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    out = ox.serialize(list(triples), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return _fixed_prefix_order(out, PREFIXES).decode("utf-8")


# --- kg path --------------------------------------------------------------------------------------

def cmd_path(args: argparse.Namespace) -> int:
    from .model import ENTITY_TYPES, RELATIONS
    from .query import load_graph, shortest_chains
    bad = sorted(set(args.exclude) - set(ENTITY_TYPES) - set(RELATIONS))
    if bad:
        raise QueryError(f"kg path: --exclude {bad[0]!r} is neither a type ({', '.join(ENTITY_TYPES)}) "
                         f"nor a relation ({', '.join(RELATIONS)})")
    g = load_graph(args.graph)
    chains = shortest_chains(g, args.source, args.target, max(1, args.limit),
                             frozenset(args.exclude) & set(ENTITY_TYPES), frozenset(args.exclude) & set(RELATIONS))
    if args.format == "json":
        data = [{"nodes": [_node_json(g, n) for n in c.nodes],
                 "steps": [[_link_json(link) for link in step] for step in c.steps]} for c in chains]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    sys.stdout.write(format_chains(g, chains, args.source, args.target))
    return 0


def _label(g, n) -> str:
    return g.nodes[n].get("label", n)


def _node_json(g, n) -> dict:
    return {"id": n, "label": _label(g, n), "type": g.nodes[n].get("type", "")}


def _link_json(link) -> dict:
    return {"source": link.source, "relation": link.relation, "target": link.target,
            "evidence": list(link.evidence)}


def format_chains(g, chains, source: str, target: str) -> str:
    """Each chain as numbered steps 'A —relation→ B' with the first evidence sentence and its article."""
    if not chains:
        return f"No chain of links between {source!r} and {target!r}.\n"
    hops = len(chains[0].steps)
    out = [f"{len(chains)} shortest chain(s) of {hops} link(s) between {_label(g, chains[0].nodes[0])} "
           f"and {_label(g, chains[0].nodes[-1])}:"]
    for i, c in enumerate(chains, 1):
        out.append("")
        out.append(f"{i}. " + " … ".join(_label(g, n) for n in c.nodes))
        for step in c.steps:
            for link in step:
                out.append(f"   {_label(g, link.source)} —{link.relation}→ {_label(g, link.target)}")
                out.extend(_evidence_lines(link.evidence))
    return "\n".join(out) + "\n"


def _evidence_lines(evidence, indent: str = "      ") -> list[str]:
    if not evidence:
        return [f"{indent}(no evidence sentence)"]
    ev = evidence[0]
    more = f" (+{len(evidence) - 1} more)" if len(evidence) > 1 else ""
    return [f"{indent}“{' '.join(str(ev.get('sentence', '')).split())}”",
            f"{indent}— {ev.get('doc')} [{ev.get('start')}:{ev.get('end')}], rule {ev.get('rule')}{more}"]


# --- kg partners ----------------------------------------------------------------------------------

def cmd_partners(args: argparse.Namespace) -> int:
    from .query import load_graph, partners
    g = load_graph(args.graph)
    x, found = partners(g, args.name)
    if args.limit > 0:
        found = found[:args.limit]
    if args.format == "json":
        data = {"entity": _node_json(g, x), "partners": [
            {**_node_json(g, p.node),
             "relations": [{"relation": r, "direction": d} for r, d in p.relations],
             "shared_events": [_node_json(g, e) for e in p.events],
             "shared_agreements": [_node_json(g, a) for a in p.agreements],
             "articles": list(p.docs)} for p in found]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    sys.stdout.write(format_partners(g, x, found))
    return 0


def format_partners(g, x: str, found) -> str:
    d = g.nodes[x]
    out = [f"Partners of {d.get('label', x)} ({d.get('type', '?')}): {len(found)}"]
    for i, p in enumerate(found, 1):
        out.append("")
        out.append(f"{i}. {p.label} ({p.type}) — {len(p.docs)} article(s)")
        if p.relations:
            out.append("   links: " + "; ".join(f"{r} →" if dr == "out" else f"← {r}" for r, dr in p.relations))
        if p.events:
            out.append("   shared events: " + "; ".join(_dated(g, e) for e in p.events))
        if p.agreements:
            out.append("   shared agreements: " + "; ".join(_label(g, a) for a in p.agreements))
        if p.docs:
            out.append("   articles: " + ", ".join(p.docs))
    return "\n".join(out) + "\n"


def _dated(g, n) -> str:
    date = g.nodes[n].get("date")
    return f"{_label(g, n)} ({date})" if date else _label(g, n)
