"""GraphML for Gephi, yEd, Cytoscape: list attributes become JSON strings (GraphML has no lists)."""
from __future__ import annotations

import io
import json

import networkx as nx

from .atomic import write_atomic


def _flat(attrs: dict) -> dict:
    return {k: (json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, (list, dict)) else v)
            for k, v in sorted(attrs.items())}


def generate_graphml(g: nx.MultiDiGraph) -> str:
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **_flat(d))
    for s, t, k, d in g.edges(keys=True, data=True):
        h.add_edge(s, t, key=k, **_flat(d))
    buf = io.BytesIO()
    nx.write_graphml(h, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")


def write_graphml(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_graphml(g))
