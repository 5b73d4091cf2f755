"""Interactive, self-contained HTML explorer of the graph (pyvis data model, our own template).

The page inlines vis-network and all data, so opening it makes no network request. Every string
from the articles travels as JSON inside <script type="application/json"> (with <, >, & and
U+2028/2029 escaped) and reaches the DOM through textContent only; a Content-Security-Policy
with script hashes blocks anything else even if a string slipped through.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

import networkx as nx

from ..model import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS
from .atomic import write_atomic

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
VIS_JS = HERE / "vendor" / "vis-network" / "vis-network.min.js"

# Colour (Okabe-Ito based, colour-blind safe) and vis-network shape per entity type.
TYPE_STYLE = {
    "Organization": ("#0072B2", "dot"),
    "Country": ("#009E73", "square"),
    "Agreement": ("#E69F00", "diamond"),
    "Event": ("#D55E00", "star"),
    "Person": ("#CC79A7", "triangle"),
    "Location": ("#8C6D31", "hexagon"),
}
OTHER_STYLE = ("#777777", "dot")
RELATION_COLORS = {
    "partOf": "#6A3D9A", "country": "#1B9E77", "basedIn": "#66A61E", "organized": "#D95F02",
    "participatedIn": "#E7298A", "cooperatesWith": "#0072B2", "funded": "#B8860B", "partyTo": "#A6761D",
    "memberOf": "#666666", "heldIn": "#8C564B", "underFramework": "#17BECF", "holdsPosition": "#BC80BD"}
OTHER_RELATION_COLOR = "#999999"

LAYOUT_SEED = 7
PX_PER_NODE = 110         # ~spacing between neighbouring nodes on screen, in pixels
SPRING_MAX = 300          # components this big or bigger use the O(n) grid force layout
GAP = 1.5                 # between packed components, in node spacings
EVIDENCE_CAP = 25         # evidence sentences per node or link carried by the page
BIG_GRAPH = 1500          # above this many nodes: no edge labels, edges hidden while dragging
FONT = "DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif"   # all carry Vietnamese diacritics
NODE_ONLY_KEYS = ("country", "date", "place", "kind", "iso", "wikidata")
SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                  ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(obj) -> str:
    """JSON that is inert inside a <script> element: no `</script>`, `<!--` or line separators."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in SCRIPT_ESCAPES:     # str.replace: 10x faster than str.translate on MBs
        text = text.replace(raw, escaped)
    return text


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str, str]:
    """(vis-network JS, our JS, our CSS, page template), read once per process."""
    read = lambda p: p.read_text(encoding="utf-8")  # noqa: E731
    return (read(VIS_JS), read(TEMPLATES / "explorer.js"), read(TEMPLATES / "explorer.css"),
            read(TEMPLATES / "explorer.html.j2"))


# ---------------------------------------------------------------- layout

def _spread_layout(n: int, pairs: list[tuple[int, int]], seed: int, iterations: int = 30) -> list:
    """Fruchterman-Reingold in numpy with repulsion from grid-cell centroids: O(n*cells + m) a step,
    so 10,000 nodes lay out in about a second (networkx's own needs scipy above 500 nodes)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.random((n, 2)) * side
    us = np.fromiter((a for a, _ in pairs), dtype=np.int64, count=len(pairs))
    vs = np.fromiter((b for _, b in pairs), dtype=np.int64, count=len(pairs))
    cells = 12
    temp = side / 8
    for step in range(iterations):
        lo = pos.min(axis=0)
        span = np.maximum(pos.max(axis=0) - lo, 1e-9)
        ij = np.minimum(((pos - lo) / span * cells).astype(np.int64), cells - 1)
        cell = ij[:, 0] * cells + ij[:, 1]
        count = np.bincount(cell, minlength=cells * cells)
        occ = count > 0
        w = count[occ].astype(np.float64)
        cx = (np.bincount(cell, pos[:, 0], cells * cells)[occ] / w).astype(np.float32)
        cy = (np.bincount(cell, pos[:, 1], cells * cells)[occ] / w).astype(np.float32)
        p32 = pos.astype(np.float32)
        dx = p32[:, 0:1] - cx[None, :]
        dy = p32[:, 1:2] - cy[None, :]
        f = dx * dx
        f += dy * dy
        f += np.float32(0.01)
        np.divide(w.astype(np.float32)[None, :], f, out=f)
        disp = np.stack([np.einsum("ij,ij->i", dx, f), np.einsum("ij,ij->i", dy, f)], axis=1).astype(np.float64)
        if len(pairs):
            d = pos[us] - pos[vs]
            pull = d * np.sqrt((d * d).sum(axis=1))[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(us, pull[:, axis], n)
                disp[:, axis] += np.bincount(vs, pull[:, axis], n)
        disp -= (pos - pos.mean(axis=0)) * (0.05 / side)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temp * (1 - step / iterations) + 0.05)
    return pos.tolist()


def _component_layout(members: list[int], pairs: list[tuple[int, int]], seed: int) -> list[tuple[float, float]]:
    """Positions of one connected component, about one unit between neighbouring nodes."""
    n = len(members)
    if n <= 5:
        if n == 1:
            return [(0.0, 0.0)]
        r = 0.5 / math.sin(math.pi / n)
        return [(r * math.cos(2 * math.pi * k / n), r * math.sin(2 * math.pi * k / n)) for k in range(n)]
    local = {m: k for k, m in enumerate(members)}
    local_pairs = [(local[u], local[v]) for u, v in pairs]
    if n < SPRING_MAX:
        simple = nx.Graph()
        simple.add_nodes_from(range(n))
        simple.add_edges_from(local_pairs)
        layout = nx.spring_layout(simple, seed=seed, iterations=60)
        raw = [(float(layout[k][0]), float(layout[k][1])) for k in range(n)]
    else:
        raw = _spread_layout(n, local_pairs, seed)
    xs, ys = [p[0] for p in raw], [p[1] for p in raw]
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale, x0, y0 = 1.6 * math.sqrt(n) / extent, min(xs), min(ys)
    pts = [((x - x0) * scale, (y - y0) * scale) for x, y in raw]
    return _declutter(pts) if n < SPRING_MAX else pts


def _declutter(pts: list[tuple[float, float]], min_dist: float = 1.0, rounds: int = 40) -> list[tuple[float, float]]:
    """Push apart nodes closer than `min_dist` (one node spacing) so that labels stay readable;
    x counts half because labels are wider than tall."""
    import numpy as np
    pos = np.array(pts, dtype=np.float64)
    aspect = np.array([0.5, 1.0])
    for _ in range(rounds):
        d = (pos[:, None, :] - pos[None, :, :]) * aspect
        dist = np.sqrt((d * d).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(min_dist - dist, 0, None)
        if not overlap.any():
            break
        push = (d / np.maximum(dist, 1e-6)[:, :, None] * (overlap / 2)[:, :, None]).sum(axis=1) / aspect
        pos += push
    pos -= pos.min(axis=0)
    return [(float(x), float(y)) for x, y in pos]


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components of nodes 0..n-1, each sorted (union-find: a networkx Graph of a large
    corpus takes longer to build than the whole layout)."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in pairs:
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[ru] = rv
    groups: dict[int, list[int]] = {}
    for m in range(n):
        groups.setdefault(root(m), []).append(m)
    return list(groups.values())


def layout_positions(g: nx.MultiDiGraph, nodes: list, seed: int = LAYOUT_SEED) -> list[tuple[int, int]]:
    """Pixel positions, deterministic for a given graph: each connected component laid out alone
    (networkx spring_layout plus overlap removal below SPRING_MAX nodes, the grid force layout
    above), then packed in rows, biggest first, so that isolated entities do not drift to a far ring."""
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in g.edges() if u != v})
    components = sorted(_components(n, pairs), key=lambda c: (-len(c), c[0]))
    comp_of = {m: k for k, c in enumerate(components) for m in c}
    comp_pairs: list[list] = [[] for _ in components]
    for u, v in pairs:
        comp_pairs[comp_of[u]].append((u, v))
    boxes = []
    for members, cp in zip(components, comp_pairs):
        pts = _component_layout(members, cp, seed)
        boxes.append((members, pts, max(p[0] for p in pts), max(p[1] for p in pts)))
    row_width = max(boxes[0][2] if boxes else 0, 1.2 * math.sqrt(sum((w + GAP) * (h + GAP) for _, _, w, h in boxes)))
    out: list[tuple[int, int]] = [(0, 0)] * n
    x = y = row_height = 0.0
    for members, pts, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for m, (px, py) in zip(members, pts):
            out[m] = (x + px, y + py)
        x += w + GAP
        row_height = max(row_height, h)
    if not out:
        return []
    cx = (max(p[0] for p in out) + min(p[0] for p in out)) / 2
    cy = (max(p[1] for p in out) + min(p[1] for p in out)) / 2
    return [(round((px - cx) * PX_PER_NODE), round((py - cy) * PX_PER_NODE)) for px, py in out]


# ---------------------------------------------------------------- data

def _year(date: str) -> int | None:
    head = (date or "")[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


def _doc_years(doc_ids, doc_year: dict) -> list[int]:
    """Distinct years of the articles' dates; `doc_year` maps article id -> year (dated ones only)."""
    return sorted({doc_year[d] for d in doc_ids if d in doc_year})


def _short(label: str, limit: int = 48) -> str:
    """Canvas label: long agreement names are cut (the full name is in the panel and the tooltip)."""
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


class SentenceTable:
    """Evidence sentences stored once per page: a sentence often supports several entities and
    links. Each node and link keeps at most EVIDENCE_CAP indices (all are in graph.json)."""

    def __init__(self):
        self.index: dict[tuple[str, str], int] = {}
        self.rows: list[list[str]] = []

    def refs(self, items) -> tuple[list[int], int]:
        """(indices of the first EVIDENCE_CAP distinct sentences, number of distinct sentences)."""
        return self.refs_of(distinct_sentences(items))

    def refs_of(self, seen: list[tuple[str, str]]) -> tuple[list[int], int]:
        """`refs` of the distinct (article, sentence) pairs `distinct_sentences` found."""
        index = self.index
        refs = []
        for key in seen[:EVIDENCE_CAP]:
            i = index.get(key)
            if i is None:
                i = index[key] = len(self.rows)
                self.rows.append(list(key))
            refs.append(i)
        return refs, len(seen)


def distinct_sentences(items) -> list[tuple[str, str]]:
    """The distinct (article, sentence) pairs of evidence items, in order (a plain loop: twice as fast
    as dict.fromkeys over a generator)."""
    seen: dict[tuple[str, str], None] = {}
    for e in items or ():
        seen[(str(e.get("doc", "")), str(e.get("sentence", "")))] = None
    return list(seen)


def _node_records(g: nx.MultiDiGraph, nodes: list, doc_year: dict, sentences: SentenceTable):
    """vis-network node dicts and the matching detail records (same order, id = index)."""
    positions = layout_positions(g, nodes)
    vis, info = [], []
    for i, node in enumerate(nodes):
        d = g.nodes[node]
        typ = str(d.get("type", ""))
        color, shape = TYPE_STYLE.get(typ, OTHER_STYLE)
        degree = g.degree(node)
        x, y = positions[i]
        vis.append({"id": i, "label": _short(str(d.get("label", node))), "shape": shape, "color": color,
                    "size": round(min(48.0, 10 + 4 * math.sqrt(degree)), 1), "x": x, "y": y})
        event_year = _year(str(d.get("date", ""))) if typ == "Event" else None
        years = [event_year] if event_year else _doc_years(d.get("docs", ()), doc_year)
        info.append({"key": str(node), "label": str(d.get("label", node)), "type": typ,
                     "aliases": [str(a) for a in d.get("aliases", ())],
                     "attrs": [[k, str(d[k])] for k in NODE_ONLY_KEYS if d.get(k)],
                     "degree": degree, "years": years})
        info[-1]["evidence"], info[-1]["evidenceTotal"] = sentences.refs(d.get("evidence"))
    return vis, info


def _edge_records(g: nx.MultiDiGraph, index: dict, doc_year: dict, sentences: SentenceTable, labelled: bool):
    vis, info = [], []
    parallel: dict[tuple[int, int], int] = {}
    edges = sorted((index[u], index[v], str(key), i, key, d)   # i: ties keep the graph's order
                   for i, (u, v, key, d) in enumerate(g.edges(keys=True, data=True)))
    for iu, iv, _, _, key, d in edges:
        rel = str(d.get("relation", key))
        pair = (iu, iv) if iu <= iv else (iv, iu)
        edge = {"id": len(vis), "from": iu, "to": iv,
                "color": RELATION_COLORS.get(rel, OTHER_RELATION_COLOR),
                "arrows": "" if rel in SYMMETRIC_RELATIONS else "to"}
        if labelled:
            edge["label"] = rel
        before = parallel.get(pair, 0)
        if before:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * before}
        parallel[pair] = before + 1
        vis.append(edge)
        seen = distinct_sentences(d.get("evidence"))
        refs, total = sentences.refs_of(seen)
        years = sorted({doc_year[doc] for doc, _ in seen if doc in doc_year})
        info.append({"relation": rel, "years": years, "evidence": refs, "evidenceTotal": total})
    return vis, info


def _vis_options(n: int) -> dict:
    big = n > BIG_GRAPH
    return {
        "autoResize": True,
        "physics": {"enabled": False, "solver": "forceAtlas2Based", "stabilization": {"enabled": False},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90}},
        "layout": {"improvedLayout": False, "randomSeed": LAYOUT_SEED},
        "interaction": {"hover": True, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "tooltipDelay": 120, "keyboard": False},
        "nodes": {"borderWidth": 1, "widthConstraint": {"maximum": 160},
                  "font": {"size": 18, "face": FONT, "color": "#1a1a1a", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "width": 1.4, "selectionWidth": 2,
                  "arrows": {"to": {"scaleFactor": 0.5}},
                  "font": {"size": 12, "align": "middle", "color": "#444444", "strokeWidth": 3, "face": FONT}},
    }


def build_network(g: nx.MultiDiGraph):
    """A pyvis Network filled in bulk (pyvis' add_node is quadratic) plus the explorer's details."""
    from pyvis.network import Network
    nodes = sorted(g.nodes, key=str)
    index = {node: i for i, node in enumerate(nodes)}
    documents = g.graph.get("documents", {}) or {}
    doc_year = {doc: y for doc, meta in documents.items() if (y := _year(str((meta or {}).get("date", ""))))}
    sentences = SentenceTable()
    node_vis, node_info = _node_records(g, nodes, doc_year, sentences)
    edge_vis, edge_info = _edge_records(g, index, doc_year, sentences, labelled=len(nodes) <= BIG_GRAPH)
    net = Network(directed=True, height="100%", width="100%")
    net.nodes, net.node_ids = node_vis, [n["id"] for n in node_vis]
    net.node_map = {n["id"]: n for n in node_vis}
    net.edges = edge_vis
    net.options = _vis_options(len(nodes))
    details = {"nodeInfo": node_info, "edgeInfo": edge_info, "sentences": sentences.rows,
               "documents": _documents(documents),
               "legend": _legend(node_info, edge_info)}
    return net, details


def _documents(documents: dict) -> dict:
    keys = ("title", "date", "outlet", "url", "file")
    return {str(doc): {k: str((meta or {}).get(k, "") or "") for k in keys}
            for doc, meta in sorted(documents.items())}


def _legend(node_info: list, edge_info: list) -> dict:
    types = Counter(n["type"] for n in node_info)
    rels = Counter(e["relation"] for e in edge_info)
    type_order = list(ENTITY_TYPES) + sorted(set(types) - set(ENTITY_TYPES))
    rel_order = list(RELATIONS) + sorted(set(rels) - set(RELATIONS))
    years = sorted({y for rec in node_info + edge_info for y in rec["years"]})
    return {
        "types": [{"name": t, "color": TYPE_STYLE.get(t, OTHER_STYLE)[0],
                   "shape": TYPE_STYLE.get(t, OTHER_STYLE)[1], "count": types.get(t, 0)} for t in type_order],
        "relations": [{"name": r, "color": RELATION_COLORS.get(r, OTHER_RELATION_COLOR), "count": rels.get(r, 0),
                       "directed": r not in SYMMETRIC_RELATIONS} for r in rel_order],
        "years": [years[0], years[-1]] if years else [],
    }


# ---------------------------------------------------------------- page

def generate_html(g: nx.MultiDiGraph) -> str:
    """The whole page as one string: deterministic (same graph -> same bytes), no external URL."""
    import jinja2
    vis_js, app_js, css, template = _assets()
    net, details = build_network(g)
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options, **details}
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return env.from_string(template).render(
        csp=csp, css=_markup(css),
        vis_js=_markup(vis_js), app_js=_markup(app_js), data_json=_markup(script_json(data)),
        node_count=len(net.nodes), edge_count=len(net.edges))


def _markup(text: str):
    from markupsafe import Markup
    return Markup(text)


def write_html(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_html(g))
