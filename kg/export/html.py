"""Interactive HTML page of the graph (pyvis). Every string from the articles is HTML-escaped."""
from __future__ import annotations

import html

import networkx as nx

from .atomic import write_atomic

TYPE_COLORS = {"Organization": "#1f77b4", "Country": "#2ca02c", "Agreement": "#ff7f0e",
               "Event": "#d62728", "Person": "#9467bd", "Location": "#8c564b"}


def generate_html(g: nx.MultiDiGraph) -> str:
    from pyvis.network import Network
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for n, d in sorted(g.nodes(data=True)):
        title = html.escape(f"{d.get('label', n)} ({d.get('type', '')})")
        net.add_node(n, label=d.get("label", n), title=title, color=TYPE_COLORS.get(d.get("type"), "#777"))
    for u, v, k, d in sorted(g.edges(keys=True, data=True)):
        net.add_edge(u, v, label=d.get("relation", k), title=html.escape(d.get("relation", k)))
    return net.generate_html(notebook=False)


def write_html(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_html(g))
