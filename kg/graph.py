"""Entities and Relations -> one NetworkX MultiDiGraph with evidence on every node and edge.

Node attributes: label, type, aliases (sorted list), evidence (list of dicts: at most a few
sentences per article), mentions (how many times articles name it), docs, plus optional
country, iso, wikidata, date, place, kind. Edge key = relation name; edge attributes: relation,
evidence. Graph attribute `documents` maps article id -> {title, date, outlet, url, file}.
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .model import Document, Entity, Relation

NODE_OPTIONAL = ("country", "iso", "wikidata", "date", "place", "kind", "gazetteer")


NODE_EVIDENCE_PER_ARTICLE = 3


def _evidence_list(evidence, per_article: int | None = None) -> list[dict]:
    """Sorted, de-duplicated evidence. With `per_article`, only the first few sentences of each
    article: a country named 50,000 times in a news archive keeps one line per article, not all."""
    uniq = {(e.doc, e.start, e.end, e.rule, e.sentence): e for e in evidence}
    keys = sorted(uniq)
    if per_article is not None:
        kept, count = [], {}
        for k in keys:
            if count.get(k[0], 0) < per_article:
                kept.append(k)
                count[k[0]] = count.get(k[0], 0) + 1
        keys = kept
    return [uniq[k].as_dict() for k in keys]


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
        ev = _evidence_list(e.evidence, NODE_EVIDENCE_PER_ARTICLE)
        attrs["evidence"] = ev
        attrs["docs"] = sorted({x["doc"] for x in ev})
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
