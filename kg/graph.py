"""Entities and Relations -> one NetworkX MultiDiGraph with evidence on every node and edge.

Node attributes: label, type, aliases (sorted list), evidence (list of dicts: a sample of the
sentences naming it, see node_evidence), mentions (how many times articles name it), docs (every
article naming it), plus optional
country, iso, wikidata, date, place, kind. Edge key = relation name; edge attributes: relation,
evidence. Graph attribute `documents` maps article id -> {title, date, outlet, url, file}.
"""
from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

import networkx as nx

from .model import Document, Entity, Relation

NODE_OPTIONAL = ("country", "iso", "wikidata", "date", "place", "kind", "gazetteer")


# A node's evidence is a sample: a ministry named in 5,000 articles would otherwise carry 15,000
# sentences in every output (two thirds of a 10,000-article graph.json). Its `docs` still lists
# every article and `mentions` counts every mention; edges keep all their evidence.
NODE_EVIDENCE_PER_ARTICLE = 3
NODE_EVIDENCE_MAX = 30


# Evidence is (doc, sentence, start, end, rule); every list of evidence in the graph is in the order
# of (doc, start, end, rule, sentence): these read those fields off an Evidence in C, without a new tuple.
_ORDER = itemgetter(0, 2, 3, 4, 1)
_MENTION = itemgetter(0, 2, 3, 4)        # (doc, start, end, rule): one mention
_DOC = itemgetter(0)


def _evidence_keys(evidence) -> list[tuple]:
    """The distinct evidence, sorted by (doc, start, end, rule, sentence) (set() and an itemgetter key
    compare the same fields as building those tuples would, several times faster)."""
    if len(evidence) == 1:                  # most links: one sentence
        return list(evidence)
    return sorted(set(evidence), key=_ORDER)


def _as_dicts(keys) -> list[dict]:
    """Evidence.as_dict of each distinct evidence, same keys in the same order."""
    return [{"doc": doc, "sentence": sentence, "start": start, "end": end, "rule": rule}
            for doc, sentence, start, end, rule in keys]


def _evidence_list(evidence) -> list[dict]:
    """Sorted, de-duplicated evidence."""
    return _as_dicts(_evidence_keys(evidence))


def node_evidence(evidence, per_article: int = NODE_EVIDENCE_PER_ARTICLE,
                  limit: int = NODE_EVIDENCE_MAX) -> list[dict]:
    """At most `per_article` sentences of each article and `limit` in all, spread over as many
    articles as possible (every article's first mention before any article's second), sorted."""
    return _sample(_evidence_keys(evidence), per_article, limit)


def _sample(keys: list[tuple], per_article: int = NODE_EVIDENCE_PER_ARTICLE,
            limit: int = NODE_EVIDENCE_MAX) -> list[dict]:
    """node_evidence of the sorted distinct evidence of _evidence_keys. Once `limit` articles are seen,
    the sample is their first sentences (every later key is a later article's first or some article's
    second): a body named in thousands of articles is not read to its end."""
    if len(keys) <= min(per_article, limit):
        return _as_dicts(keys)              # all of them, whatever their articles
    rank: dict[str, int] = {}
    ranked = []
    for k in keys:
        i = rank[k[0]] = rank.get(k[0], -1) + 1
        if i == 0 and len(rank) > limit:
            break
        if i < per_article:
            ranked.append((i, _ORDER(k), k))
    return _as_dicts(k for _, _, k in sorted(sorted(ranked)[:limit], key=lambda r: r[1]))


def assemble_graph(entities: Iterable[Entity], relations: Iterable[Relation],
                   documents: Iterable[Document] = ()) -> nx.MultiDiGraph:
    """Build the graph deterministically (sorted nodes, edges and evidence)."""
    g = nx.MultiDiGraph()
    g.graph["documents"] = {
        d.id: {"title": d.title, "date": d.date, "outlet": d.outlet, "url": d.url,
               "file": d.path.replace("\\", "/").rsplit("/", 1)[-1]}
        for d in sorted(documents, key=lambda d: d.id)}
    for e in sorted(entities, key=lambda e: e.id):
        attrs = {"label": e.label, "type": e.type, "aliases": sorted(set(e.aliases) - {e.label})}
        for k, v in sorted(e.attrs):
            if k in NODE_OPTIONAL and v:
                attrs[k] = v
        keys = _evidence_keys(e.evidence)
        attrs["evidence"] = _sample(keys)
        attrs["docs"] = list(dict.fromkeys(map(_DOC, keys)))     # in order: the keys are sorted by article
        attrs["mentions"] = len(set(map(_MENTION, keys)))
        g.add_node(e.id, **attrs)
    _add_links(g, sorted(relations, key=lambda r: (r.source, r.relation, r.target)))
    return g


def _add_links(g: nx.MultiDiGraph, relations: list[Relation]) -> None:
    """g.add_edge(source, target, key=relation, relation=…, evidence=…) for each relation between two
    nodes of `g`, written into g's adjacency as add_edge writes it (the same dicts in the same order):
    140,000 calls of add_edge, with its checks and keyword dicts, cost ~0.3 s more of the serial stage."""
    succ, pred = g._succ, g._pred
    for r in relations:
        u, v, key = r.source, r.target, r.relation
        if u not in succ or v not in succ or u == v:
            continue
        data = {"relation": key, "evidence": _evidence_list(r.evidence)}
        out = succ[u]
        keydict = out.get(v)
        if keydict is None:
            out[v] = pred[v][u] = {key: data}
        elif key in keydict:                   # (a repeated link: add_edge updates its data)
            keydict[key].update(data)
        else:
            keydict[key] = data
    nx._clear_cache(g)


def find_nodes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Node ids whose label or alias equals `name`, accent- and case-insensitively."""
    from .text import fold
    key = fold(name)
    hits = [n for n, d in g.nodes(data=True)
            if fold(d.get("label", "")) == key or any(fold(a) == key for a in d.get("aliases", []))]
    return sorted(hits)
