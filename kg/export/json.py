"""Node-link JSON (networkx) — the contract read by ../shared/eval/score.py, `kg eval`, `kg path` and
`kg partners`. Links are under "edges", the key networkx's `node_link_graph` reads by default (3.4+), so
`nx.node_link_graph(json.load(f))` loads the file as it is; files of older builds ("links") still read."""
from __future__ import annotations

import json

import networkx as nx
from networkx.readwrite import json_graph

from .atomic import write_atomic

EDGES_KEY = "edges"


# json.dumps(value, ensure_ascii=False, sort_keys=True) without building an encoder per call
_dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def iter_json(g: nx.MultiDiGraph):
    """The node-link JSON in chunks: keys sorted, one node or link a line (diff-friendly; and the
    C encoder, which indent= would disable, is ten times faster on a large corpus)."""
    data = json_graph.node_link_data(g, edges=EDGES_KEY)
    dump = _dump
    yield "{\n"
    for i, key in enumerate(sorted(data)):
        sep = ",\n" if i < len(data) - 1 else "\n"
        value = data[key]
        if key in ("nodes", EDGES_KEY) and value:
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
    """Load a graph written by `write_json` (or by an older build, whose links are under "links")."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise ValueError("not a node-link graph (no list of nodes)")
    key = EDGES_KEY if EDGES_KEY in data or "links" not in data else "links"
    data.setdefault(key, [])
    return json_graph.node_link_graph(data, directed=True, multigraph=True, edges=key)
