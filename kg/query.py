"""Questions to a built graph, as plain functions: the shortest chains of links between two entities, and
who an organisation works with (read-only SPARQL is in kg/sparql.py). The command-line shell over these is
kg/query_cli.py.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import networkx as nx

from .errors import QueryError, shown
from .graph import find_nodes
from .sparql import (RDF_FILES, SparqlResult, _one_line, check_read_only, load_store, rdf_file,  # noqa: F401
                     run_query, sparql)           # SPARQL lives in kg/sparql.py; the names stay importable here
from .text import fold

DEFAULT_OUTPUT = "output"
EVENT_ROLES = frozenset({"organized", "participatedIn", "funded"})
AGREEMENT_ROLES = frozenset({"partyTo", "funded"})
PARTNER_TYPES = frozenset({"Organization", "Country"})


# --- the networkx graph: names, paths, partners --------------------------------------------------

RDF_SUFFIXES = (".ttl", ".trig", ".nq", ".nt", ".rdf", ".owl", ".jsonld")


def graph_file(path: str | Path = DEFAULT_OUTPUT) -> Path:
    p = Path(path)
    f = p / "graph.json" if p.is_dir() else p
    if not f.is_file():
        raise QueryError(f"{f}: not found; run `kg build` first (or pass --graph)")
    if f.suffix.lower() in RDF_SUFFIXES:
        raise QueryError(f"{f}: is RDF; kg path and kg partners read the build's graph.json "
                         f"(pass --graph {f.parent} or --graph {f.parent / 'graph.json'})")
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
    except UnicodeDecodeError:
        raise QueryError(f"{shown(f)}: not a kg graph.json: not UTF-8 text") from None
    except (ValueError, KeyError, TypeError, AttributeError, OSError, json.JSONDecodeError, nx.NetworkXError) as exc:
        raise QueryError(f"{shown(f)}: not a kg graph.json: {_one_line(exc)}") from None
    g.graph.setdefault("source", str(f))
    return g


def _check_node_link(data) -> None:
    """ValueError unless `data` is a node-link graph: an object with a list of nodes that have ids and
    a list of links that have a source and a target."""
    if not isinstance(data, dict):
        raise ValueError(f"a JSON {type(data).__name__}, not an object with nodes and links")
    nodes, links = data.get("nodes"), data.get("edges", data.get("links", []))
    if not isinstance(nodes, list):
        raise ValueError("no list of nodes")
    if not isinstance(links, list):
        raise ValueError("its links are not a list")
    for i, n in enumerate(nodes, 1):
        if not isinstance(n, dict) or "id" not in n:
            raise ValueError(f"node {i} has no id")
    for i, e in enumerate(links, 1):
        if not isinstance(e, dict) or "source" not in e or "target" not in e:
            raise ValueError(f"link {i} has no source and target")


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


STRUCTURE_RELATIONS = frozenset({"partOf", "country", "basedIn"})    # what a body is, not whom it works with


@dataclass(frozen=True)
class Partner:
    """Who an organisation works with, and how: direct links (relation, 'out' / 'in'), shared events and
    agreements (node ids), the articles that state any of it, and which of the body's units the ties
    go through (empty: the body itself)."""
    node: str
    label: str
    type: str
    relations: tuple[tuple[str, str], ...]
    events: tuple[str, ...]
    agreements: tuple[str, ...]
    docs: tuple[str, ...]
    via: tuple[str, ...] = ()
    direct: bool = True             # the body itself has a tie with the partner (not only its units)


@dataclass(frozen=True)
class Structure:
    """What a body is, listed apart from its partners: the bodies it is part of, its units (every level),
    its own country and where it is based."""
    parents: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    based_in: tuple[str, ...] = ()


def _docs(evidence) -> set[str]:
    return {str(e["doc"]) for e in evidence}


def _edges(g, x):
    """(other end, relation, direction, evidence) of every link of x."""
    for _, y, k, d in g.out_edges(x, keys=True, data=True):
        yield y, d.get("relation", k), "out", d.get("evidence", ())
    for y, _, k, d in g.in_edges(x, keys=True, data=True):
        yield y, d.get("relation", k), "in", d.get("evidence", ())


def structure(g: nx.MultiDiGraph, x: str) -> Structure:
    """The body's place: parents (partOf, every level up), units (partOf into it, every level down),
    country and basedIn targets; each sorted by label."""
    def closure(start, step):
        seen, todo = set(), [start]
        while todo:
            n = todo.pop()
            for m in step(n):
                if m not in seen and m != x:
                    seen.add(m)
                    todo.append(m)
        return seen
    part_of = lambda n, out: [v if out else u for u, v, k, d in (g.out_edges(n, keys=True, data=True) if out  # noqa: E731
                              else g.in_edges(n, keys=True, data=True)) if d.get("relation", k) == "partOf"]
    by_label = lambda ids: tuple(sorted(ids, key=lambda i: (g.nodes[i].get("label", i), i)))  # noqa: E731
    targets = lambda rel: {v for _, v, k, d in g.out_edges(x, keys=True, data=True)  # noqa: E731
                           if d.get("relation", k) == rel}
    return Structure(by_label(closure(x, lambda n: part_of(n, True))), by_label(closure(x, lambda n: part_of(n, False))),
                     by_label(targets("country")), by_label(targets("basedIn")))


def partners(g: nx.MultiDiGraph, name: str, units: bool = True) -> tuple[str, list[Partner]]:
    """(the organisation's node id, its partners, most-attested first). Partners are organisations and
    countries it cooperates with, meets at events, shares agreements with or is otherwise linked to —
    never its own parents, units, country or office location (see `structure`). With `units`, what the
    body's units do counts too (each partner says through which unit)."""
    x = find_entity(g, name)
    st = structure(g, x)
    family = {x, *st.parents, *st.units}
    actors = [x, *st.units] if units else [x]
    rel: dict[str, set] = defaultdict(set)
    shared: dict[str, dict[str, set]] = defaultdict(lambda: {"Event": set(), "Agreement": set()})
    docs: dict[str, set] = defaultdict(set)
    via: dict[str, set] = defaultdict(set)
    direct: set[str] = set()
    for a in actors:
        for y, relation, direction, evidence in _edges(g, a):
            if y in family or g.nodes[y].get("type") not in PARTNER_TYPES or relation in STRUCTURE_RELATIONS:
                continue
            rel[y].add((relation, direction))
            docs[y] |= _docs(evidence)
            if a != x:
                via[y].add(a)
            else:
                direct.add(y)
        for _, e, k, d in g.out_edges(a, keys=True, data=True):
            etype = g.nodes[e].get("type")
            roles = EVENT_ROLES if etype == "Event" else AGREEMENT_ROLES if etype == "Agreement" else ()
            if d.get("relation", k) not in roles:
                continue
            for y, _, k2, d2 in g.in_edges(e, keys=True, data=True):
                if y not in family and g.nodes[y].get("type") in PARTNER_TYPES and d2.get("relation", k2) in roles:
                    shared[y][etype].add(e)
                    docs[y] |= _docs(d.get("evidence", ())) | _docs(d2.get("evidence", ()))
                    if a != x:
                        via[y].add(a)
                    else:
                        direct.add(y)
    by_label = lambda ids: tuple(sorted(ids, key=lambda i: (g.nodes[i].get("label", i), i)))  # noqa: E731
    out = []
    for y in set(rel) | set(shared):
        n = g.nodes[y]
        out.append(Partner(y, n.get("label", y), n.get("type", ""), tuple(sorted(rel.get(y, ()))),
                           by_label(shared[y]["Event"]) if y in shared else (),
                           by_label(shared[y]["Agreement"]) if y in shared else (), tuple(sorted(docs[y])),
                           by_label(via.get(y, ())), y in direct))
    out.sort(key=lambda p: (-len(p.docs), -(len(p.relations) + len(p.events) + len(p.agreements)), p.label, p.node))
    return x, out
