"""Entities and Relations -> one NetworkX MultiDiGraph with evidence on every node and edge.

Node attributes: label, type, aliases (sorted list), evidence (list of dicts: a sample of the
sentences naming it, see node_evidence), mentions (how many times articles name it), docs (every
article naming it), plus optional
country, iso, wikidata, date, place, kind. Edge key = relation name; edge attributes: relation,
evidence. Graph attribute `documents` maps article id -> {title, date, outlet, url, file}.
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .model import Document, Entity, Relation

NODE_OPTIONAL = ("country", "iso", "wikidata", "date", "place", "kind", "gazetteer")


# A node's evidence is a sample: a ministry named in 5,000 articles would otherwise carry 15,000
# sentences in every output (two thirds of a 10,000-article graph.json). Its `docs` still lists
# every article and `mentions` counts every mention; edges keep all their evidence.
NODE_EVIDENCE_PER_ARTICLE = 3
NODE_EVIDENCE_MAX = 30


def _evidence_list(evidence) -> list[dict]:
    """Sorted, de-duplicated evidence."""
    uniq = {(e.doc, e.start, e.end, e.rule, e.sentence): e for e in evidence}
    return [uniq[k].as_dict() for k in sorted(uniq)]


def node_evidence(evidence, per_article: int = NODE_EVIDENCE_PER_ARTICLE,
                  limit: int = NODE_EVIDENCE_MAX) -> list[dict]:
    """At most `per_article` sentences of each article and `limit` in all, spread over as many
    articles as possible (every article's first mention before any article's second), sorted."""
    uniq = {(e.doc, e.start, e.end, e.rule, e.sentence): e for e in evidence}
    rank: dict[str, int] = {}
    ranked = []
    for k in sorted(uniq):
        i = rank[k[0]] = rank.get(k[0], -1) + 1
        if i < per_article:
            ranked.append((i, k))
    return [uniq[k].as_dict() for k in sorted(k for _, k in sorted(ranked)[:limit])]


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
        attrs["evidence"] = node_evidence(e.evidence)
        attrs["docs"] = sorted({x.doc for x in e.evidence})
        attrs["mentions"] = len({(x.doc, x.start, x.end, x.rule) for x in e.evidence})
        g.add_node(e.id, **attrs)
    for r in sorted(relations, key=lambda r: (r.source, r.relation, r.target)):
        if r.source not in g or r.target not in g or r.source == r.target:
            continue
        g.add_edge(r.source, r.target, key=r.relation, relation=r.relation,
                   evidence=_evidence_list(r.evidence))
    return g


def find_nodes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Node ids whose label or alias equals `name`, accent- and case-insensitively."""
    from .text import fold
    key = fold(name)
    hits = [n for n, d in g.nodes(data=True)
            if fold(d.get("label", "")) == key or any(fold(a) == key for a in d.get("aliases", []))]
    return sorted(hits)
