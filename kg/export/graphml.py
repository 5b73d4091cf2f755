"""GraphML for Gephi, yEd, Cytoscape, streamed one node or edge at a time. List and dict
attributes become JSON strings (GraphML has no lists); the file reads back with networkx."""
from __future__ import annotations

import json
import re
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .atomic import write_atomic

_INVALID_XML = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_HAS_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value) -> str:
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    value = str(value)
    if _HAS_INVALID.search(value):
        value = value.translate(_INVALID_XML)   # XML 1.0 cannot carry these characters at all
    return escape(value)


def _type(values) -> str:
    vals = [v for v in values if v is not None]
    if vals and all(isinstance(v, bool) for v in vals):
        return "boolean"
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return "long"
    if vals and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return "double"
    return "string"


def iter_graphml(g: nx.MultiDiGraph):
    """GraphML lines, deterministic: keys, nodes and edges in sorted order."""
    node_keys: dict[str, list] = {}
    for _, d in g.nodes(data=True):
        for k, v in d.items():
            node_keys.setdefault(k, []).append(v)
    edge_keys: dict[str, list] = {}
    for _, _, d in g.edges(data=True):
        for k, v in d.items():
            edge_keys.setdefault(k, []).append(v)
    ids: dict[tuple[str, str], str] = {}
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for scope, keys in (("node", node_keys), ("edge", edge_keys)):
        for name in sorted(keys):
            kid = f"d{len(ids)}"
            ids[(scope, name)] = kid
            yield (f'  <key id="{kid}" for="{scope}" attr.name={quoteattr(name)} '
                   f'attr.type="{_type(keys[name])}" />\n')
    yield '  <graph edgedefault="directed">\n'
    for n in sorted(g.nodes, key=str):
        d = g.nodes[n]
        data = "".join(f'      <data key="{ids[("node", k)]}">{_text(d[k])}</data>\n' for k in sorted(d))
        yield f'    <node id={quoteattr(_text(n))}>\n{data}    </node>\n'
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        data = "".join(f'      <data key="{ids[("edge", a)]}">{_text(d[a])}</data>\n' for a in sorted(d))
        yield (f'    <edge source={quoteattr(_text(u))} target={quoteattr(_text(v))} id={quoteattr(_text(k))}>\n'
               f'{data}    </edge>\n')
    yield "  </graph>\n</graphml>\n"


def generate_graphml(g: nx.MultiDiGraph) -> str:
    return "".join(iter_graphml(g))


def write_graphml(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_graphml(g))
