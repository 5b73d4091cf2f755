"""GraphML for Gephi, yEd, Cytoscape, streamed one node or edge at a time. List and dict
attributes become JSON strings (GraphML has no lists); the file reads back with networkx and igraph.

Each edge has a unique, stable id ("SOURCE|relation|TARGET": Gephi keeps one edge per id), a readable
`label` (English; `label_vi` in Vietnamese), a `weight` (how many articles state it) and the dates of the
first and last of those articles (`first_date`, `last_date`, ISO), besides `relation`, `sentences` (how
many evidence sentences state it) and `sample` (the first of them, cut after 160 characters). A node has its label, type, aliases
and attributes, `mentions`, `articles` (how many articles name it) and a `sample` sentence. The other
evidence (every sentence, article and rule) is in graph.json: GraphML carries what graph tools use."""
from __future__ import annotations

import json
import re
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .atomic import write_atomic
from .jsontext import JsonText
from .vocab import relation_label

_INVALID_XML = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_HAS_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _plain(value) -> str:
    """The value as XML 1.0 can carry it (lists and dicts as JSON), not yet escaped."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    value = str(value)
    if _HAS_INVALID.search(value):
        value = value.translate(_INVALID_XML)   # XML 1.0 cannot carry these characters at all
    return value


def _text(value) -> str:
    return escape(_plain(value))


def _type(values) -> str:
    vals = [v for v in values if v is not None]
    if vals and all(isinstance(v, bool) for v in vals):
        return "boolean"
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return "long"
    if vals and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return "double"
    return "string"


def _xml(text: str) -> str:
    """xml.sax.saxutils.escape, without its call overhead."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


class _Texts:
    """`_text` and `quoteattr(_plain(...))` of one export, each distinct string escaped once (node ids,
    types, labels and above all evidence sentences repeat across many nodes and edges)."""

    def __init__(self):
        self._text: dict[str, str] = {}
        self._numbers: dict[tuple, str] = {}
        self._attr: dict[str, str] = {}
        self._json = JsonText(escape=_xml)       # JSON text has no invalid XML character: json escapes them

    def text(self, value) -> str:
        t = type(value)
        if t is str:
            out = self._text.get(value)
            if out is None:
                out = self._text[value] = _text(value)
            return out
        if t is int or t is float:          # weights and counts: few distinct values, keyed with their type
            key = (t, value)
            out = self._numbers.get(key)
            if out is None:
                out = self._numbers[key] = _text(value)
            return out
        if isinstance(value, (list, dict)):
            return self._json.value(value)
        return _text(value)

    def attr(self, value) -> str:
        key = value if type(value) is str else None
        out = self._attr.get(key) if key is not None else None
        if out is None:
            if key is not None and not _ATTR_SPECIAL.search(key):
                out = f'"{key}"'                # what quoteattr gives a text with nothing to escape
            else:
                out = quoteattr(_plain(value))  # quoteattr escapes: escaping first would double it
            if key is not None:
                self._attr[key] = out
        return out


# what quoteattr(_plain(text)) changes, or that decides its quotes: without any, it is the text in '"'
# (each edge id is new: 140,000 quoteattr calls at 10,000 articles)
_ATTR_SPECIAL = re.compile('[&<>"\'\x00-\x1f]')


def edge_extras(g: nx.MultiDiGraph, relation: str, evidence) -> dict:
    """The attributes Gephi and other tools read on an edge: label, label_vi, weight (articles),
    first_date and last_date (of those articles, where they are dated)."""
    documents = g.graph.get("documents", {})
    docs = {str(e.get("doc")) for e in evidence or ()}
    dates = sorted(d for d in (documents.get(doc, {}).get("date", "") for doc in docs) if d)
    out = {"label": relation_label(relation, "en"), "label_vi": relation_label(relation, "vi"),
           "weight": float(len(docs))}
    if dates:
        out["first_date"], out["last_date"] = dates[0], dates[-1]
    return out


SAMPLE_CHARS = 160         # a sample sentence is cut after this many characters (at a space, with '…')


def sample_text(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The start of a sentence, for a tool's data table: whole if short, else cut at a space + ' …'."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit] + " …"


def _sample(evidence) -> str:
    for e in evidence or ():
        return sample_text(e.get("sentence", "")) if isinstance(e, dict) else ""
    return ""


def node_view(d: dict) -> dict:
    """A node's GraphML attributes: its own, with counts and one sample sentence for its evidence."""
    out = {k: v for k, v in d.items() if k not in ("evidence", "docs")}
    if "docs" in d or "evidence" in d:
        docs = d.get("docs")
        if docs is None:
            docs = {e.get("doc") for e in d.get("evidence") or () if isinstance(e, dict)}
        out["articles"] = len(docs)
        out["sample"] = _sample(d.get("evidence"))
    return out


def edge_view(d: dict, extra: dict) -> dict:
    """An edge's GraphML attributes: `edge_extras`, its own, and a count and sample of its sentences."""
    out = {**extra, **{k: v for k, v in d.items() if k != "evidence"}}
    if "evidence" in d:
        evidence = d.get("evidence") or ()
        out["sentences"] = len({(e.get("doc"), e.get("start")) for e in evidence if isinstance(e, dict)})
        out["sample"] = _sample(evidence)
    return out


def _edge_views(g: nx.MultiDiGraph, edges) -> list[dict]:
    """[edge_view(d, edge_extras(g, relation, evidence)) for each edge], with what repeats across the
    edges worked out once: each relation's labels, each article's date, each sample sentence's cut."""
    documents = g.graph.get("documents", {})
    dates: dict = {}
    labels: dict = {}
    samples: dict = {}
    out = []
    for _, _, k, d in edges:
        relation = d.get("relation", k)
        evidence = d.get("evidence", ()) or ()
        docs = {str(e.get("doc")) for e in evidence}
        on = article_dates(docs, documents, dates)
        label = relation_labels(relation, labels)
        view = {"label": label[0], "label_vi": label[1], "weight": float(len(docs))}
        if on:
            view["first_date"], view["last_date"] = min(on), max(on)
        view.update({a: v for a, v in d.items() if a != "evidence"})
        if "evidence" in d:
            evidence = d.get("evidence") or ()
            view["sentences"] = len({(e.get("doc"), e.get("start")) for e in evidence if isinstance(e, dict)})
            first = evidence[0] if evidence else None
            text = first.get("sentence", "") if isinstance(first, dict) else None
            cut = samples.get(text) if type(text) is str else None
            if cut is None:
                cut = _sample(evidence)
                if type(text) is str:
                    samples[text] = cut
            view["sample"] = cut
        out.append(view)
    return out


def edge_ids(edges) -> list[str]:
    """'SOURCE|key|TARGET' for each (u, v, key) in order; a repeat (only possible when ids contain '|')
    gets '#2', '#3' … so every id is unique."""
    seen: dict[str, int] = {}
    out = []
    for u, v, k in edges:
        base = f"{u}|{k}|{v}"
        n = seen.get(base, 0) + 1
        seen[base] = n
        out.append(base if n == 1 else f"{base}#{n}")
    return out


def article_dates(docs, documents: dict, seen: dict[str, str]) -> list[str]:
    """The dates of the articles `docs` that have one, each article's looked up once per export (`seen`:
    article -> date); a link's first and last dates are their min and max (GraphML, Neo4j)."""
    out = []
    for doc in docs:
        date = seen.get(doc)
        if date is None:
            date = seen[doc] = documents.get(doc, {}).get("date", "")
        if date:
            out.append(date)
    return out


def relation_labels(relation: str, seen: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """A relation's English and Vietnamese labels, made once per export (`seen`: relation -> labels)."""
    label = seen.get(relation)
    if label is None:
        label = seen[relation] = (relation_label(relation, "en"), relation_label(relation, "vi"))
    return label


def sorted_edges(g: nx.MultiDiGraph, edges: list[tuple] | None = None) -> list[tuple]:
    """(u, v, key, data) of every link, sorted as GraphML and the Neo4j files list them (one sort serves both;
    `edges`: list(g.edges(keys=True, data=True)), if already made)."""
    return sorted(g.edges(keys=True, data=True) if edges is None else edges,
                  key=lambda e: (str(e[0]), str(e[1]), str(e[2])))


def iter_graphml(g: nx.MultiDiGraph, edges: list[tuple] | None = None):
    """GraphML lines, deterministic: keys, nodes and edges in sorted order (`edges`: sorted_edges(g), if
    already made)."""
    nodes = {n: node_view(d) for n, d in g.nodes(data=True)}
    node_keys: dict[str, list] = {}
    for d in nodes.values():
        for k, v in d.items():
            node_keys.setdefault(k, []).append(v)
    edges = sorted_edges(g) if edges is None else edges
    views = _edge_views(g, edges)
    edge_keys: dict[str, list] = {}
    for d in views:
        for k, v in d.items():
            edge_keys.setdefault(k, []).append(v)
    ids: dict[tuple[str, str], str] = {}
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    yield "  <!-- Every evidence sentence, article and rule: graph.json of the same build. -->\n"
    for scope, keys in (("node", node_keys), ("edge", edge_keys)):
        for name in sorted(keys):
            kid = f"d{len(ids)}"
            ids[(scope, name)] = kid
            yield (f'  <key id="{kid}" for="{scope}" attr.name={quoteattr(name)} '
                   f'attr.type="{_type(keys[name])}" />\n')
    del node_keys, edge_keys
    yield '  <graph edgedefault="directed">\n'
    # '      <data key="dN">' per attribute name, and the escaped texts, made once per export
    node_open = {name: f'      <data key="{kid}">' for (scope, name), kid in ids.items() if scope == "node"}
    edge_open = {name: f'      <data key="{kid}">' for (scope, name), kid in ids.items() if scope == "edge"}
    texts = _Texts()
    text, attr = texts.text, texts.attr
    known = texts._text.get          # (known(v) or text(v): text(v) for a string escaped before, one call less)
    out: list[str] = []
    for n in sorted(nodes, key=str):
        d = nodes[n]
        out.append(f"    <node id={attr(n)}>\n")
        out.extend([f"{node_open[k]}{(type(d[k]) is str and known(d[k])) or text(d[k])}</data>\n" for k in sorted(d)])
        out.append("    </node>\n")
        if len(out) >= 4096:
            yield "".join(out)
            out = []
    ids = edge_ids((u, v, k) for u, v, k, _ in edges)
    for (u, v, k, _), values, eid in zip(edges, views, ids):
        out.append(f"    <edge source={attr(u)} target={attr(v)} id={attr(eid)}>\n")
        out.extend([f"{edge_open[a]}{(type(values[a]) is str and known(values[a])) or text(values[a])}</data>\n"
                    for a in sorted(values)])
        out.append("    </edge>\n")
        if len(out) >= 4096:
            yield "".join(out)
            out = []
    out.append("  </graph>\n</graphml>\n")
    yield "".join(out)


def generate_graphml(g: nx.MultiDiGraph) -> str:
    return "".join(iter_graphml(g))


def write_graphml(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_graphml(g))
