"""`kg query`, `kg path`, `kg partners`: a thin shell over kg.query that prints tables, CSV or JSON.

Errors (refused or broken queries, unknown names, missing builds) are one line and exit 2 via kg.cli.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from .errors import QueryError


def register(subparsers) -> None:
    from .sparql import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT
    q = subparsers.add_parser(
        "query", help="run a read-only SPARQL query against the built graph",
        description="Run a SPARQL SELECT / ASK / CONSTRUCT / DESCRIBE query against the RDF export of a build. "
        "The default graph is every article's links merged; GRAPH ?article { … } reaches one article's links. "
        "The prefixes kg:, org:, schema:, prov:, dcterms:, skos:, owl:, rdf:, rdfs:, xsd: and wd: are declared. "
        "Read-only and offline: SPARQL Update, SERVICE and FROM of graphs that are not in the export are "
        "refused (decided on the parsed query). Rows are printed as they come; --timeout and Ctrl-C stop it.")
    q.add_argument("sparql", nargs="?", help="the query text (or use --file)")
    q.add_argument("--file", "-f", help="read the query from this file (e.g. queries/agreements-and-parties.rq)")
    q.add_argument("--graph", default="output", help="build folder or RDF file (default: output)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (default), CSV or SPARQL JSON results (CONSTRUCT/DESCRIBE: Turtle, N-Triples, "
                   "JSON-LD)")
    q.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop the query after this long (default: {DEFAULT_TIMEOUT:g}; 0: no limit)")
    q.add_argument("--max-memory", type=_megabytes, default=DEFAULT_MAX_MEMORY, metavar="MB",
                   help=f"memory the query may use (default: {DEFAULT_MAX_MEMORY}; 0: no limit)")
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
        description="Partners of an organisation or country: direct links (cooperatesWith, funded, …), shared "
        "events (both organised, attended or funded) and shared agreements (both parties or funders), "
        "with the articles that state them; most-attested first. The body's own parents, units, country and "
        "office location are listed apart, never as partners; what its units do counts as its own "
        "(--no-units: only its own links).")
    r.add_argument("name", help='a name, alias or id, e.g. "Cục Đối ngoại"')
    r.add_argument("--graph", default="output", help="build folder or graph.json (default: output)")
    r.add_argument("--limit", type=int, default=PARTNERS_SHOWN,
                   help=f"show at most this many partners (default: {PARTNERS_SHOWN}; 0: all); the total is always given")
    r.add_argument("--no-units", action="store_true", help="leave out what the body's units do")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.set_defaults(func=cmd_partners)


# --- kg query -------------------------------------------------------------------------------------

def _seconds(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        x = -1.0
    if not (x >= 0 and x != float("inf")):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0 (0: no limit), got {text!r}")
    return x


def _megabytes(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0 or 0 < n < 256:
        raise argparse.ArgumentTypeError(f"expected a number of MB >= 256 (0: no limit), got {text!r}")
    return n


def cmd_query(args: argparse.Namespace) -> int:
    from .sparql import prepare_job, stream_query
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
    width = shutil.get_terminal_size((0, 0)).columns if args.format == "table" and sys.stdout.isatty() else 0
    job = prepare_job(text, args.graph, args.format, source, width, args.max_memory, index=_index)
    out = sys.stdout
    try:
        for chunk in stream_query(job, args.timeout, source):
            out.write(chunk)
            out.flush()
    except KeyboardInterrupt:
        print("kg: query interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:                  # `kg query … | head`: the reader has what it wanted
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


def _index(folder: Path) -> None:
    """Make the build's query store in a child process (Ctrl-C stops it), saying so on stderr."""
    from .sparql import write_store_in_child
    print(f"kg: indexing {folder}/graph.trig for queries (once per build) …", file=sys.stderr)
    write_store_in_child(folder)


def format_result(result, fmt: str = "table", width: int = 0) -> str:
    """A SparqlResult (kg.sparql.sparql) as an aligned table, W3C SPARQL CSV or JSON results; triples as
    Turtle, N-Triples or JSON-LD."""
    from .sparql_format import ask_text, select_csv, select_json, select_table, triples_text
    if result.kind == "ask":
        return ask_text(result.boolean, fmt)
    if result.kind == "graph":
        return triples_text(result.triples, fmt)
    if fmt == "csv":
        return "".join(select_csv(result.variables, result.rows))
    if fmt == "json":
        return "".join(select_json(result.variables, result.rows))
    return "".join(select_table(result.variables, result.rows, width))


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

PARTNERS_SHOWN = 20           # partners printed by default (the total is always said)
LIST_SHOWN = 5                # articles, events, agreements shown per partner before "(+N more)"


def cmd_partners(args: argparse.Namespace) -> int:
    from .query import load_graph, partners, structure
    g = load_graph(args.graph)
    x, found = partners(g, args.name, units=not args.no_units)
    st = structure(g, x)
    shown = found[:args.limit] if args.limit > 0 else found
    if args.format == "json":
        data = {"entity": _node_json(g, x), "total": len(found), "units_counted": not args.no_units,
                "structure": {"part_of": [_node_json(g, n) for n in st.parents],
                              "units": [_node_json(g, n) for n in st.units],
                              "country": [_node_json(g, n) for n in st.country],
                              "based_in": [_node_json(g, n) for n in st.based_in]},
                "partners": [
                    {**_node_json(g, p.node),
                     "relations": [{"relation": r, "direction": d} for r, d in p.relations],
                     "shared_events": [_node_json(g, e) for e in p.events],
                     "shared_agreements": [_node_json(g, a) for a in p.agreements],
                     "via_units": [_node_json(g, u) for u in p.via], "direct": p.direct,
                     "articles": list(p.docs)} for p in shown]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    sys.stdout.write(format_partners(g, x, shown, total=len(found), st=st, units=not args.no_units))
    return 0


def _some(items, shown: int = LIST_SHOWN) -> str:
    items = list(items)
    more = f" … (+{len(items) - shown} more)" if len(items) > shown else ""
    return "; ".join(items[:shown]) + more


def format_partners(g, x: str, found, total: int | None = None, st=None, units: bool = True) -> str:
    """The partners as numbered entries (long lists cut with '(+N more)'), after one line saying how many
    there are in all and the body's own place (parents, units, country), which are never partners."""
    d = g.nodes[x]
    total = len(found) if total is None else total
    head = f"Partners of {d.get('label', x)} ({d.get('type', '?')}): {total}"
    if len(found) < total:
        head += f", the {len(found)} most attested shown (--limit 0 shows all)"
    out = [head]
    if st is not None:
        if st.units:
            counted = f"counting what its {len(st.units)} unit(s) do" if units else \
                f"its {len(st.units)} unit(s), not counted (--no-units)"
            out.append(f"  {counted}: {_some(_label(g, u) for u in st.units)}")
        for name, ids in (("part of", st.parents), ("country", st.country), ("based in", st.based_in)):
            if ids:
                out.append(f"  {name}: {_some(_label(g, n) for n in ids)}")
    for i, p in enumerate(found, 1):
        out.append("")
        out.append(f"{i}. {p.label} ({p.type}{_place(g, p.node)}) — {len(p.docs)} article(s)")
        if p.relations:
            out.append("   links: " + _some(f"{r} →" if dr == "out" else f"← {r}" for r, dr in p.relations))
        if p.events:
            out.append("   shared events: " + _some(_dated(g, e) for e in p.events))
        if p.agreements:
            out.append("   shared agreements: " + _some(_label(g, a) for a in p.agreements))
        if p.via:
            out.append("   through: " + _some(_label(g, u) for u in p.via) + (" (and directly)" if p.direct else ""))
        if p.docs:
            out.append("   articles: " + _some(p.docs).replace("; ", ", "))
    return "\n".join(out) + "\n"


def _place(g, n) -> str:
    """', Việt Nam' for a body of a country; ', based in Việt Nam' for an office abroad or a country office."""
    own = [g.nodes[v].get("label", v) for _, v, k, d in g.out_edges(n, keys=True, data=True) if d.get("relation", k) == "country"]
    based = [g.nodes[v].get("label", v) for _, v, k, d in g.out_edges(n, keys=True, data=True) if d.get("relation", k) == "basedIn"]
    parts = ([", ".join(sorted(own))] if own else []) + ([f"based in {', '.join(sorted(based))}"] if based else [])
    return "".join(f", {p}" for p in parts)


def _dated(g, n) -> str:
    date = g.nodes[n].get("date")
    return f"{_label(g, n)} ({date})" if date else _label(g, n)
