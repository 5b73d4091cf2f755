"""Node-link JSON (networkx) — the contract read by ../shared/eval/score.py and by `kg query`."""
from __future__ import annotations

import json

import networkx as nx
from networkx.readwrite import json_graph

from .atomic import write_atomic


# json.dumps(value, ensure_ascii=False, sort_keys=True) without building an encoder per call
_dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def iter_json(g: nx.MultiDiGraph):
    """The node-link JSON in chunks: keys sorted, one node or link a line (diff-friendly; and the
    C encoder, which indent= would disable, is ten times faster on a large corpus)."""
    data = json_graph.node_link_data(g, edges="links")
    dump = _dump
    yield "{\n"
    for i, key in enumerate(sorted(data)):
        sep = ",\n" if i < len(data) - 1 else "\n"
        value = data[key]
        if key in ("nodes", "links") and value:
            yield f"{dump(key)}: [\n"
            last = len(value) - 1
            for start in range(0, len(value), 1024):        # a chunk of 1024 records
                yield "".join([dump(item) + (",\n" if j < last else "\n")
                               for j, item in enumerate(value[start:start + 1024], start)])
            yield "]" + sep
        else:
            yield f"{dump(key)}: {dump(value)}" + sep
    yield "}\n"


def generate_json(g: nx.MultiDiGraph) -> str:
    return "".join(iter_json(g))


def write_json(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_json(g))


def read_json(path) -> nx.MultiDiGraph:
    """Load a graph written by `write_json`."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return json_graph.node_link_graph(data, directed=True, multigraph=True, edges="links")
