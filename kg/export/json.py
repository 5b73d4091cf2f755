"""Node-link JSON (networkx) — the contract read by ../shared/eval/score.py and by `kg query`."""
from __future__ import annotations

import json

import networkx as nx
from networkx.readwrite import json_graph

from .atomic import write_atomic


def generate_json(g: nx.MultiDiGraph) -> str:
    data = json_graph.node_link_data(g, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_json(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_json(g))


def read_json(path) -> nx.MultiDiGraph:
    """Load a graph written by `write_json`."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return json_graph.node_link_graph(data, directed=True, multigraph=True, edges="links")
