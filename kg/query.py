"""Questions to a built graph, as plain functions: read-only SPARQL over the RDF export (offline, in an
embedded Oxigraph store), the shortest chains of links between two entities, and who an organisation
works with. The command-line shell over these is kg/query_cli.py.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import networkx as nx

from .errors import QueryError, shown
from .graph import find_nodes
from .text import fold

DEFAULT_OUTPUT = "output"
RDF_FILES = ("graph.trig", "graph.ttl")
EVENT_ROLES = frozenset({"organized", "participatedIn", "funded"})
AGREEMENT_ROLES = frozenset({"partyTo", "funded"})
PARTNER_TYPES = frozenset({"Organization", "Country"})


# --- SPARQL -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SparqlResult:
    """A query's answer: SELECT rows (pyoxigraph terms, None when unbound), an ASK boolean, or triples."""
    kind: str                                 # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple, ...] = ()
    boolean: bool | None = None
    triples: tuple = ()


def rdf_file(path: str | Path = DEFAULT_OUTPUT) -> Path:
    """The RDF file to query: `path` itself, or graph.trig (else graph.ttl) inside the folder `path`."""
    p = Path(path)
    if p.is_dir():
        for name in RDF_FILES:
            if (p / name).is_file():
                return p / name
        raise QueryError(f"{p}/graph.trig: not found; run `kg build` first (or pass --graph)")
    if not p.is_file():
        raise QueryError(f"{p}: not found; run `kg build` first (or pass --graph)")
    return p


def load_store(path: str | Path = DEFAULT_OUTPUT):
    """An in-memory Oxigraph store of the export. Its default graph is the merge of every article's
    graph (each triple once), and each article's named graph stays available to GRAPH queries."""
    import pyoxigraph as ox
    f = rdf_file(path)
    fmt = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS,
           ".nt": ox.RdfFormat.N_TRIPLES}.get(f.suffix.lower())
    if fmt is None:
        raise QueryError(f"{f}: not an RDF file kg can query (.trig, .ttl, .nq or .nt)")
    store = ox.Store()
    try:
        store.load(path=str(f), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{f}: cannot be loaded: {_one_line(exc)}") from None
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")    # our own merge, in Rust
    return store


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


_TOKEN = re.compile(r'''
    (?P<ws>\s+) | (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[^\W\d_][\w.-]*)?:[\w.:%-]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
''', re.X | re.S)
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF else match.group()


def _tokens(query: str) -> list[tuple[str, str]]:
    """SPARQL tokens (minus spaces and comments), after codepoint escapes (\\u0053ERVICE) are decoded
    as the SPARQL grammar says, so an escaped keyword cannot slip past the checks."""
    query = _CODEPOINT.sub(_unescape, query)
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(query) if m.lastgroup not in ("ws", "comment")]


def check_read_only(query: str, graphs: frozenset[str] = frozenset(), source: str = "query") -> None:
    """Refuse what could change data or reach the network: SPARQL Update, SERVICE, and FROM / FROM NAMED
    of any graph that is not one of `graphs` (the named graphs of the loaded export)."""
    toks = _tokens(query)
    prefixes: dict[str, str] = {}
    base = ""
    for i, (kind, text) in enumerate(toks):
        word = text.upper() if kind == "word" else ""
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 2][0] == "iri":
            prefixes[toks[i + 1][1]] = toks[i + 2][1][1:-1]
        elif word == "BASE" and i + 1 < len(toks) and toks[i + 1][0] == "iri":
            base = toks[i + 1][1][1:-1]
        elif word in UPDATE_WORDS:
            raise QueryError(f"{source}: SPARQL Update ({word}) is refused: kg query is read-only")
        elif word == "SERVICE":
            raise QueryError(f"{source}: SERVICE is refused: kg query never reaches the network")
        elif word == "FROM":
            j = i + 2 if i + 1 < len(toks) and toks[i + 1][1].upper() == "NAMED" else i + 1
            target = _graph_iri(toks[j] if j < len(toks) else ("", ""), prefixes, base)
            if target not in graphs:
                raise QueryError(f"{source}: FROM {target or '?'} is refused: only the graphs of the export "
                                 "can be queried, never remote data")


def _graph_iri(tok: tuple[str, str], prefixes: dict[str, str], base: str) -> str:
    kind, text = tok
    if kind == "iri":
        inner = text[1:-1]
        return inner if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", inner) else base + inner
    if kind == "pname":
        pfx, _, local = text.partition(":")
        return prefixes.get(pfx + ":", "") + local if pfx + ":" in prefixes else text
    return text


def sparql(store, query: str, source: str = "query") -> SparqlResult:
    """Run a read-only SPARQL query on `store` (see check_read_only); syntax errors are one line."""
    import pyoxigraph as ox
    graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    check_read_only(query, graphs, source)
    try:
        res = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"{source}: SPARQL syntax error: {_one_line(exc)}") from None
    except OSError as exc:
        raise QueryError(f"{source}: query failed: {_one_line(exc)}") from None
    if isinstance(res, ox.QueryBoolean):
        return SparqlResult("ask", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        variables = tuple(v.value for v in res.variables)
        rows = tuple(tuple(sol[v] for v in variables) for sol in res)
        return SparqlResult("select", variables, rows)
    return SparqlResult("graph", triples=tuple(res))


def run_query(query: str, path: str | Path = DEFAULT_OUTPUT, source: str = "query") -> SparqlResult:
    """Load the export at `path` (a build folder or an RDF file) and run one read-only query on it."""
    return sparql(load_store(path), query, source)


# --- the networkx graph: names, paths, partners --------------------------------------------------

def graph_file(path: str | Path = DEFAULT_OUTPUT) -> Path:
    p = Path(path)
    f = p / "graph.json" if p.is_dir() else p
    if not f.is_file():
        raise QueryError(f"{f}: not found; run `kg build` first (or pass --graph)")
    return f


def load_graph(path: str | Path = DEFAULT_OUTPUT) -> nx.MultiDiGraph:
    """The graph of a build folder (its graph.json) or of a graph.json file."""
    import json
    from .export.json import read_json
    f = graph_file(path)
    try:
        with open(f, encoding="utf-8") as fh:
            _check_node_link(json.load(fh))
        g = read_json(f)
    except (ValueError, KeyError, TypeError, AttributeError, OSError, json.JSONDecodeError) as exc:
        raise QueryError(f"{shown(f)}: not a kg graph.json: {_one_line(exc)}") from None
    g.graph.setdefault("source", str(f))
    return g


def _check_node_link(data) -> None:
    """ValueError unless `data` is a node-link graph whose every link joins two of its nodes (a link
    to a missing node would make networkx invent a node with no name or type)."""
    if not isinstance(data, dict):
        raise ValueError(f"a JSON {type(data).__name__}, not an object with nodes and links")
    nodes, links = data.get("nodes"), data.get("links", data.get("edges"))
    if not isinstance(nodes, list) or not isinstance(links, list):
        raise ValueError("no 'nodes' and 'links' lists")
    ids = set()
    for i, n in enumerate(nodes, 1):
        if not isinstance(n, dict) or "id" not in n or not isinstance(n["id"], (str, int)):
            raise ValueError(f"node {i} has no id")
        ids.add(n["id"])
    for i, e in enumerate(links, 1):
        if not isinstance(e, dict):
            raise ValueError(f"link {i} is not an object")
        for end in ("source", "target"):
            if e.get(end) not in ids:
                raise ValueError(f"link {i} points to {e.get(end)!r}, which is not a node")


def suggest(g: nx.MultiDiGraph, name: str, n: int = 3) -> list[str]:
    """Labels close to `name` (accent- and case-insensitive): names containing it, then difflib matches."""
    key = fold(name)
    names: dict[str, str] = {}
    for node in sorted(g.nodes):
        d = g.nodes[node]
        for x in [d.get("label", "")] + list(d.get("aliases", ())):
            if x:
                names.setdefault(fold(x), d.get("label", x))
    contains = sorted({names[k] for k in names if key and key in k}, key=lambda s: (len(s), s))
    close = [names[k] for k in difflib.get_close_matches(key, list(names), n=n, cutoff=0.6)]
    return list(dict.fromkeys(contains + close))[:n]


def find_entity(g: nx.MultiDiGraph, name: str) -> str:
    """The node called `name` (its id, label or an alias; accent- and case-insensitive).
    Unknown names raise QueryError with a 'did you mean …' hint; ambiguous ones list the candidates."""
    source = g.graph.get("source", "graph")
    if name in g:
        return name
    hits = find_nodes(g, name)
    if len(hits) > 1:
        by_label = [n for n in hits if fold(g.nodes[n].get("label", "")) == fold(name)]
        hits = by_label or hits
    if len(hits) == 1:
        return hits[0]
    if hits:
        listed = "; ".join(f"{n} ({g.nodes[n].get('type', '?')})" for n in hits[:5])
        raise QueryError(f"{source}: {name!r} names {len(hits)} entities: {listed}; give the id instead")
    hint = suggest(g, name)
    did = f"; did you mean {', '.join(repr(s) for s in hint)}?" if hint else ""
    raise QueryError(f"{source}: no entity named {name!r}{did}")


@dataclass(frozen=True)
class Link:
    """One edge of the graph with its evidence (dicts: doc, sentence, start, end, rule)."""
    source: str
    relation: str
    target: str
    evidence: tuple[dict, ...]


@dataclass(frozen=True)
class Chain:
    """A shortest chain: nodes[0] … nodes[-1]; steps[i] are all the links between nodes[i] and nodes[i+1]."""
    nodes: tuple[str, ...]
    steps: tuple[tuple[Link, ...], ...]


def links_between(g: nx.MultiDiGraph, a: str, b: str, exclude_relations=frozenset()) -> tuple[Link, ...]:
    """Every edge between a and b, in either direction, sorted (minus relations in `exclude_relations`)."""
    out = []
    for u, v in ((a, b), (b, a)):
        for key, d in sorted((g.get_edge_data(u, v) or {}).items()):
            if d.get("relation", key) not in exclude_relations:
                out.append(Link(u, d.get("relation", key), v, tuple(d.get("evidence", ()))))
    return tuple(out)


def shortest_chains(g: nx.MultiDiGraph, source: str, target: str, limit: int = 3,
                    exclude_types=frozenset(), exclude_relations=frozenset()) -> list[Chain]:
    """The shortest chains of links between two named entities (links followed in either direction),
    never passing through nodes of `exclude_types` nor following `exclude_relations`; at most `limit`,
    in a stable order (by the labels along the chain)."""
    a, b = find_entity(g, source), find_entity(g, target)
    if a == b:
        return [Chain((a,), ())]
    und = nx.Graph()
    und.add_nodes_from(n for n, d in g.nodes(data=True) if n in (a, b) or d.get("type") not in exclude_types)
    und.add_edges_from((u, v) for u, v, k, d in g.edges(keys=True, data=True)
                       if u in und and v in und and d.get("relation", k) not in exclude_relations)
    try:
        paths = list(islice(nx.all_shortest_paths(und, a, b), 2000))
    except nx.NetworkXNoPath:
        return []
    label = lambda n: g.nodes[n].get("label", n)    # noqa: E731
    paths.sort(key=lambda p: ([label(n) for n in p], p))
    return [Chain(tuple(p), tuple(links_between(g, x, y, exclude_relations) for x, y in zip(p, p[1:])))
            for p in paths[:limit]]


@dataclass(frozen=True)
class Partner:
    """Who an organisation works with, and how: direct links (relation, 'out' / 'in'), shared events and
    agreements (node ids), and the articles that state any of it."""
    node: str
    label: str
    type: str
    relations: tuple[tuple[str, str], ...]
    events: tuple[str, ...]
    agreements: tuple[str, ...]
    docs: tuple[str, ...]


def _docs(evidence) -> set[str]:
    return {str(e["doc"]) for e in evidence}


def partners(g: nx.MultiDiGraph, name: str) -> tuple[str, list[Partner]]:
    """(the organisation's node id, its partners, most-attested first)."""
    x = find_entity(g, name)
    rel: dict[str, set] = defaultdict(set)
    shared: dict[str, dict[str, set]] = defaultdict(lambda: {"Event": set(), "Agreement": set()})
    docs: dict[str, set] = defaultdict(set)
    for _, y, k, d in g.out_edges(x, keys=True, data=True):
        if g.nodes[y].get("type") in PARTNER_TYPES:
            rel[y].add((d.get("relation", k), "out"))
            docs[y] |= _docs(d.get("evidence", ()))
    for y, _, k, d in g.in_edges(x, keys=True, data=True):
        if g.nodes[y].get("type") in PARTNER_TYPES:
            rel[y].add((d.get("relation", k), "in"))
            docs[y] |= _docs(d.get("evidence", ()))
    for _, e, k, d in g.out_edges(x, keys=True, data=True):
        etype = g.nodes[e].get("type")
        roles = EVENT_ROLES if etype == "Event" else AGREEMENT_ROLES if etype == "Agreement" else ()
        if d.get("relation", k) not in roles:
            continue
        for y, _, k2, d2 in g.in_edges(e, keys=True, data=True):
            if y != x and g.nodes[y].get("type") in PARTNER_TYPES and d2.get("relation", k2) in roles:
                shared[y][etype].add(e)
                docs[y] |= _docs(d.get("evidence", ())) | _docs(d2.get("evidence", ()))
    out = []
    for y in set(rel) | set(shared):
        n = g.nodes[y]
        by_label = lambda ids: tuple(sorted(ids, key=lambda i: (g.nodes[i].get("label", i), i)))  # noqa: E731
        out.append(Partner(y, n.get("label", y), n.get("type", ""), tuple(sorted(rel.get(y, ()))),
                           by_label(shared[y]["Event"]) if y in shared else (),
                           by_label(shared[y]["Agreement"]) if y in shared else (), tuple(sorted(docs[y]))))
    out.sort(key=lambda p: (-len(p.docs), -(len(p.relations) + len(p.events) + len(p.agreements)), p.label, p.node))
    return x, out
