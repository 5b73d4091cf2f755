"""Interactive, self-contained HTML explorer of the graph (pyvis data model, sigma.js drawing).

The page inlines its two libraries (graphology and sigma.js, WebGL; vendored with their licences)
and all data, so opening it makes no network request. sigma.js is run only where WebGL works (it
needs a WebGL context as it loads): elsewhere the page says so and its lists and panels still work. What is drawn is a pyvis Network's node and
edge records (label, shape, colour, size, group and a position computed here, once); the page adds
an overview of the most important entities, groups, focus, paths, a timeline and downloads.

Every string from the articles travels as JSON inside <script type="application/json"> (with <, >,
& and U+2028/2029 escaped) and reaches the DOM through textContent only; a Content-Security-Policy
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
from .explore import communities, english_names, importance_order, month_label, months_of, pair_weights
from .layout import LAYOUT_SEED, positions
from .vocab import RELATION_LABELS, TYPE_LABELS

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"

# Colour (Okabe-Ito based, colour-blind safe) and shape per entity type.
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
# The ten biggest groups get their own colour (Tableau 10 without its grey); the rest share grey.
GROUP_COLORS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7",
                "#9C755F", "#2F4B7C")
OTHER_GROUP_COLOR = "#A0A0A0"

EVIDENCE_CAP = 25         # evidence sentences per node or link carried by the page,
EVIDENCE_CAP_LARGE = 10   # ... and in a graph of more than LARGE entities (the page stays quick to open)
LARGE = 5000
OVERVIEW_SIZE = 200       # entities the page opens on
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
def _assets() -> tuple[str, str, str]:
    """(our JS, our CSS, page template), read once per process."""
    read = lambda p: p.read_text(encoding="utf-8")  # noqa: E731
    return read(TEMPLATES / "explorer.js"), read(TEMPLATES / "explorer.css"), read(TEMPLATES / "explorer.html.j2")


# ---------------------------------------------------------------- data

def _short(label: str, limit: int = 48) -> str:
    """Canvas label: long agreement names are cut (the full name is in the panel and the tooltip)."""
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def node_size(degree: int) -> float:
    """Drawn radius in pixels at the overview's zoom: grows with the number of links."""
    return round(min(8.0, 2.5 + 0.8 * math.sqrt(degree)), 1)


class SentenceTable:
    """Evidence sentences stored once per page: a sentence often supports several entities and
    links. Each node and link keeps at most EVIDENCE_CAP indices (all are in graph.json)."""

    def __init__(self, doc_index: dict[str, int], cap: int = EVIDENCE_CAP):
        self.doc_index = doc_index
        self.cap = cap
        self.index: dict[tuple[str, str], int] = {}
        self.rows: list[list] = []

    def refs_of(self, seen: list[tuple[str, str]]) -> tuple[list[int], int]:
        """(indices of the first `cap` distinct (article, sentence) pairs, how many there are)."""
        index = self.index
        refs = []
        for key in seen[:self.cap]:
            i = index.get(key)
            if i is None:
                i = index[key] = len(self.rows)
                self.rows.append([self.doc_index.get(key[0], -1), key[1]])
            refs.append(i)
        return refs, len(seen)


def distinct_sentences(items) -> list[tuple[str, str]]:
    """The distinct (article, sentence) pairs of evidence items, in order (a plain loop: twice as fast
    as dict.fromkeys over a generator)."""
    seen: dict[tuple[str, str], None] = {}
    for e in items or ():
        seen[(str(e.get("doc", "")), str(e.get("sentence", "")))] = None
    return list(seen)


def _documents(documents: dict) -> tuple[list[dict], dict[str, int]]:
    """Articles oldest first (undated last), and article id -> position in that list: a node's or
    link's articles are then listed in time order by their positions."""
    keys = ("title", "date", "outlet", "url", "file")
    rows = [{"id": str(doc), **{k: str((meta or {}).get(k, "") or "") for k in keys}}
            for doc, meta in documents.items()]
    rows.sort(key=lambda r: (r["date"] == "", r["date"], r["id"]))
    return rows, {r["id"]: i for i, r in enumerate(rows)}


def _time_of(on: list[int], doc_dates: list[str], doc_months: list[list[int]]) -> tuple[list[int], str, str]:
    """(months, first date, last date) of articles given by their positions in the date-sorted list:
    the dated ones come first and in order, so no sort is needed but for bare years."""
    months: list[int] = []
    last_k = -1
    for k in on:
        ms = doc_months[k]
        if not ms:
            break                       # undated: so are all after it
        last_k = k
        if len(ms) > 1 or not months or ms[0] != months[-1]:
            months.extend(ms)
    if last_k < 0:
        return [], "", ""
    if len(months) > 1 and any(b <= a for a, b in zip(months, months[1:])):
        months = sorted(set(months))    # a bare year's twelve months overlap the months around them
    return months, doc_dates[on[0]], doc_dates[last_k]


def build_network(g: nx.MultiDiGraph, english: dict[str, str] | None = None, links: list[tuple] | None = None):
    """A pyvis Network filled in bulk (pyvis' add_node is quadratic) plus the explorer's details
    (`links`: list(g.edges(keys=True, data=True)), if already made)."""
    from pyvis.network import Network
    links = list(g.edges(keys=True, data=True)) if links is None else links
    nodes = sorted(g.nodes, key=str)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    english = english_names(g) if english is None else english
    docs, doc_index = _documents(g.graph.get("documents", {}) or {})
    doc_dates = [d["date"] for d in docs]
    doc_months = [months_of(d) for d in doc_dates]
    attrs = [g.nodes[node] for node in nodes]
    labels = [str(d.get("label", node)) for node, d in zip(nodes, attrs)]
    keys = [str(node) for node in nodes]
    degree = [g.degree(node) for node in nodes]
    node_docs = [sorted({doc_index[str(x)] for x in (d.get("docs") or {e.get("doc") for e in d.get("evidence") or ()})
                         if str(x) in doc_index}) for d in attrs]
    articles = [len(d.get("docs") or {e.get("doc") for e in d.get("evidence") or ()}) for d in attrs]
    order = importance_order(articles, degree, labels, keys)
    rank = [0] * n
    for r, i in enumerate(order):
        rank[i] = r
    weights = pair_weights(g, index, links)
    group_of, groups = communities(n, weights, rank, labels)
    xy = positions(n, sorted(weights), group_of, order, LAYOUT_SEED, weights)
    sentences = SentenceTable(doc_index, EVIDENCE_CAP if n <= LARGE else EVIDENCE_CAP_LARGE)

    node_vis, node_info = [], []
    for i, node in enumerate(nodes):
        d = attrs[i]
        typ = str(d.get("type", ""))
        color, shape = TYPE_STYLE.get(typ, OTHER_STYLE)
        node_vis.append({"id": i, "label": _short(labels[i]), "shape": shape, "color": color,
                         "group": group_of[i], "size": node_size(degree[i]), "x": xy[i][0], "y": xy[i][1]})
        own = str(d.get("date", "")) if typ == "Event" else ""
        if months_of(own):
            months, (first, last) = months_of(own), (own, own)
        else:
            months, first, last = _time_of(node_docs[i], doc_dates, doc_months)
        refs, total = sentences.refs_of(distinct_sentences(d.get("evidence")))
        node_info.append({"key": keys[i], "label": labels[i], "en": english.get(keys[i], ""), "type": typ,
                          "aliases": [str(a) for a in d.get("aliases", ())],
                          "attrs": [[k, str(d[k])] for k in NODE_ONLY_KEYS if d.get(k)],
                          "degree": degree[i], "articles": articles[i], "first": first, "last": last,
                          "months": months, "evidence": refs, "evidenceTotal": total})
        if own and len(months) == 1:
            node_info[-1]["eventMonth"] = months[0]        # an event dated to its month: on the timeline

    edge_vis, edge_info = [], []
    edges = sorted((index[u], index[v], str(key), i, d)   # i: ties keep the graph's order
                   for i, (u, v, key, d) in enumerate(links))
    for iu, iv, key, _, d in edges:
        rel = str(d.get("relation", key))
        edge_vis.append({"from": iu, "to": iv, "color": RELATION_COLORS.get(rel, OTHER_RELATION_COLOR)})
        if rel not in SYMMETRIC_RELATIONS:
            edge_vis[-1]["arrows"] = "to"
        seen = distinct_sentences(d.get("evidence"))
        refs, total = sentences.refs_of(seen)
        on = sorted({doc_index[doc] for doc, _ in seen if doc in doc_index})
        # (a link's first and last dates are those of its first and last dated article: the page
        # reads them off `docs`, which lists the articles oldest first)
        edge_info.append({"relation": rel, "docs": on, "evidence": refs, "evidenceTotal": total})

    net = Network(directed=True, height="100%", width="100%")
    net.nodes, net.node_ids = node_vis, [x["id"] for x in node_vis]
    net.node_map = {x["id"]: x for x in node_vis}
    net.edges = edge_vis
    details = {"nodeInfo": node_info, "edgeInfo": edge_info, "order": order,
               "groups": _groups(groups, node_vis), "sentences": sentences.rows, "documents": docs,
               "legend": _legend(node_info, edge_info, doc_months), "overview": OVERVIEW_SIZE}
    return net, details


def _groups(groups, node_vis: list[dict]) -> list[dict]:
    out = []
    for k, grp in enumerate(groups):
        xs = [node_vis[m]["x"] for m in grp.members]
        ys = [node_vis[m]["y"] for m in grp.members]
        out.append({"name": grp.name, "size": len(grp.members), "leaders": list(grp.members[:3]),
                    "color": GROUP_COLORS[k] if k < len(GROUP_COLORS) else OTHER_GROUP_COLOR,
                    "x": round(sum(xs) / len(xs)), "y": round(sum(ys) / len(ys))})
    return out


def _legend(node_info: list, edge_info: list, doc_months: list[list[int]]) -> dict:
    types = Counter(x["type"] for x in node_info)
    rels = Counter(e["relation"] for e in edge_info)
    type_order = list(ENTITY_TYPES) + sorted(set(types) - set(ENTITY_TYPES))
    rel_order = list(RELATIONS) + sorted(set(rels) - set(RELATIONS))
    months = sorted({m for ms in doc_months for m in ms} | {m for x in node_info for m in x["months"]})
    return {
        # what a reader sees instead of the code names, in English and Vietnamese (kg/export/vocab.py)
        "words": {"types": {t: list(TYPE_LABELS[t]) for t in type_order if t in TYPE_LABELS},
                  "relations": {r: list(RELATION_LABELS[r]) for r in rel_order if r in RELATION_LABELS}},
        "types": [{"name": t, "color": TYPE_STYLE.get(t, OTHER_STYLE)[0],
                   "shape": TYPE_STYLE.get(t, OTHER_STYLE)[1], "count": types.get(t, 0)} for t in type_order],
        "relations": [{"name": r, "color": RELATION_COLORS.get(r, OTHER_RELATION_COLOR), "count": rels.get(r, 0),
                       "directed": r not in SYMMETRIC_RELATIONS} for r in rel_order],
        "months": [months[0], months[-1]] if months else [],
        "monthLabels": [month_label(months[0]), month_label(months[-1])] if months else [],
    }


# ---------------------------------------------------------------- page

DEFAULT_TITLE = "Knowledge graph"      # a graph built without a title (kg build sets one)


def generate_html(g: nx.MultiDiGraph, english: dict[str, str] | None = None) -> str:
    """The whole page as one string: deterministic (same graph -> same bytes), no external URL.
    `english` maps node ids to English names (default: from the gazetteer rows in rules/). Its title
    is the build's (`g.graph["title"]`), escaped like all text."""
    return "".join(iter_html(g, english))


# Rendered in the data's place, then cut out: escaped text cannot hold '<', and our assets do not hold it.
_DATA_MARK = "<kg-data-goes-here/>"


def iter_html(g: nx.MultiDiGraph, english: dict[str, str] | None = None, links: list[tuple] | None = None):
    """generate_html's page in three chunks (before the data, the data, after it), for streaming to
    disk: the data (tens of MB at 10,000 articles) is not copied into a Markup, nor joined into the page."""
    import jinja2
    app_js, css, template = _assets()
    net, details = build_network(g, english, links)
    data = {"nodes": net.nodes, "edges": net.edges, **details}
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    csp = ("default-src 'none'; script-src " + _csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    data_json = script_json(data)
    values = dict(csp=csp, css=_markup(css), app_js=_markup(app_js), node_count=len(net.nodes),
                  edge_count=len(net.edges), title=str(g.graph.get("title") or DEFAULT_TITLE))
    del data, net, details
    page = env.from_string(template).render(data_json=_markup(_DATA_MARK), **values)
    if page.count(_DATA_MARK) != 1:            # never with our template and assets; kept correct anyway
        yield env.from_string(template).render(data_json=_markup(data_json), **values)
        return
    before, _, after = page.partition(_DATA_MARK)
    yield before
    yield data_json
    yield after


def _markup(text: str):
    from markupsafe import Markup
    return Markup(text)


def write_html(g: nx.MultiDiGraph, path, english: dict[str, str] | None = None) -> None:
    write_atomic(path, generate_html(g, english))
