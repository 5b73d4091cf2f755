"""Node-link JSON (networkx) — the contract read by ../shared/eval/score.py, `kg eval`, `kg path` and
`kg partners`. Links are under "edges", the key networkx's `node_link_graph` reads by default (3.4+).

Each evidence sentence is stored once (layout 2, docs/json.md): the top-level table "sentences" holds
every sentence that some node or link cites (id, article, start and end offsets in the raw article
file, text), "articles" holds every article read (id, file, title, date, outlet, url, relevance);
a node's or link's "evidence" is a list of {"sentence": SENTENCE_ID, "rule": RULE_ID}. A sentence's
id is "ARTICLE#START" (its offset in the article): stable while the article is unchanged.
`read_json` gives back the graph `assemble_graph` made (evidence as doc/sentence/start/end/rule dicts,
articles in g.graph["documents"]); files of older builds (sentences inline, "links") still read."""
from __future__ import annotations

import json

import networkx as nx
from networkx.readwrite import json_graph

from .atomic import write_atomic

EDGES_KEY = "edges"
FORMAT = "kg-node-link/2"          # the value of the top-level "format" key


# json.dumps(value, ensure_ascii=False, sort_keys=True) without building an encoder per call
_dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _record_dumper():
    """_dump for the file's records (dicts), with one C encoder made once instead of once per call (as
    JSONEncoder.encode does): 300,000 records at 10,000 articles, 0.25 s less. The same arguments as
    JSONEncoder.iterencode gives it, so the same text; without the C encoder (another Python), _dump."""
    from json import encoder
    make = getattr(encoder, "c_make_encoder", None)
    if make is None:
        return _dump
    e = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
    c = make({}, e.default, encoder.encode_basestring, None, e.key_separator, e.item_separator, e.sort_keys,
             e.skipkeys, e.allow_nan)

    def dump(record) -> str:
        chunks = c(record, 0)
        return chunks[0] if len(chunks) == 1 else "".join(chunks)
    return dump


def sentence_id(doc: str, start: int) -> str:
    """The stable id of the sentence of article `doc` that starts at raw offset `start`."""
    return f"{doc}#{start}"


class SentenceIndex:
    """Every distinct evidence sentence of a graph, keyed (article, start, end), with its id."""

    def __init__(self, g: nx.MultiDiGraph, edges: list[tuple] | None = None):
        found: dict[tuple[str, int, int], str] = {}
        for _, d in g.nodes(data=True):
            for e in d.get("evidence") or ():
                found.setdefault((str(e["doc"]), int(e["start"]), int(e["end"])), str(e.get("sentence", "")))
        for _, _, _, d in g.edges(keys=True, data=True) if edges is None else edges:
            for e in d.get("evidence") or ():
                found.setdefault((str(e["doc"]), int(e["start"]), int(e["end"])), str(e.get("sentence", "")))
        self.keys = sorted(found)
        self.text = found
        self.ids: dict[tuple[str, int, int], str] = {}
        starts: dict[tuple[str, int], int] = {}
        for doc, start, end in self.keys:
            starts[(doc, start)] = starts.get((doc, start), 0) + 1
        for doc, start, end in self.keys:      # two sentences at one offset (never made by kg): add the end
            sid = sentence_id(doc, start)
            self.ids[(doc, start, end)] = sid if starts[(doc, start)] == 1 else f"{sid}-{end}"

    def id_of(self, e: dict) -> str:
        return self.ids[(str(e["doc"]), int(e["start"]), int(e["end"]))]

    def rows(self):
        for key in self.keys:
            doc, start, end = key
            yield {"id": self.ids[key], "article": doc, "start": start, "end": end, "text": self.text[key]}


def _refs(evidence, index: SentenceIndex) -> list[dict]:
    """Each evidence item by reference. Its sentence is looked up by its own (doc, start, end) first:
    for the str and ints kg writes, that is the converted key (equal tuples hash alike)."""
    get, id_of = index.ids.get, index.id_of
    return [{"rule": e.get("rule", ""), "sentence": get((e["doc"], e["start"], e["end"])) or id_of(e)}
            for e in evidence]


def node_link_records(g: nx.MultiDiGraph, links: list[tuple] | None = None) -> dict:
    """The file's top-level values: nodes and edges with evidence by reference, and the two tables
    (`links`: list(g.edges(keys=True, data=True)), if already made)."""
    links = list(g.edges(keys=True, data=True)) if links is None else links
    index = SentenceIndex(g, links)
    nodes = []
    for n, d in g.nodes(data=True):
        rec = {k: v for k, v in d.items() if k != "evidence"}
        if "evidence" in d:
            rec["evidence"] = _refs(d["evidence"], index)
        rec["id"] = n
        nodes.append(rec)
    edges = []
    for u, v, k, d in links:
        rec = {kk: vv for kk, vv in d.items() if kk != "evidence"}
        if "evidence" in d:
            rec["evidence"] = _refs(d["evidence"], index)
        rec.update(source=u, target=v, key=k)
        edges.append(rec)
    graph = {k: v for k, v in g.graph.items() if k != "documents"}
    articles = [{**meta, "id": doc} for doc, meta in sorted(g.graph.get("documents", {}).items())]
    return {"articles": articles, "directed": g.is_directed(), EDGES_KEY: edges, "format": FORMAT,
            "graph": graph, "multigraph": g.is_multigraph(), "nodes": nodes, "sentences": list(index.rows())}


def iter_json(g: nx.MultiDiGraph, edges: list[tuple] | None = None):
    """The node-link JSON in chunks: keys sorted, one node, link, article or sentence a line
    (diff-friendly; and the C encoder, which indent= would disable, is ten times faster)."""
    data = node_link_records(g, edges)
    dump = _dump
    record = _record_dumper()
    yield "{\n"
    keys = sorted(data)
    for i, key in enumerate(keys):
        sep = ",\n" if i < len(keys) - 1 else "\n"
        value = data.pop(key)
        if key in ("nodes", EDGES_KEY, "articles", "sentences") and value:
            yield f"{dump(key)}: [\n"
            last = len(value) - 1
            for start in range(0, len(value), 1024):        # a chunk of 1024 records
                yield "".join([record(item) + (",\n" if j < last else "\n")
                               for j, item in enumerate(value[start:start + 1024], start)])
            yield "]" + sep
        else:
            yield f"{dump(key)}: {dump(value)}" + sep
    yield "}\n"


def generate_json(g: nx.MultiDiGraph) -> str:
    return "".join(iter_json(g))


def write_json(g: nx.MultiDiGraph, path) -> None:
    write_atomic(path, generate_json(g))


def graph_from_data(data: dict) -> nx.MultiDiGraph:
    """The graph of a loaded graph.json (this layout or an older one), evidence resolved to dicts of
    doc, sentence (text), start, end and rule; the articles table back in g.graph["documents"]."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise ValueError("not a node-link graph (no list of nodes)")
    key = EDGES_KEY if EDGES_KEY in data or "links" not in data else "links"
    data = dict(data)
    data.setdefault(key, [])
    sentences = data.pop("sentences", None)
    articles = data.pop("articles", None)
    data.pop("format", None)
    if isinstance(sentences, list):
        table = {str(s["id"]): s for s in sentences if isinstance(s, dict) and "id" in s}

        def resolve(evidence):
            out = []
            for e in evidence or ():
                s = table.get(str(e.get("sentence"))) if isinstance(e, dict) else None
                if s is None:
                    raise ValueError(f"evidence names no sentence of the table: {e!r}")
                out.append({"doc": s.get("article", ""), "end": s.get("end", 0), "rule": e.get("rule", ""),
                            "sentence": s.get("text", ""), "start": s.get("start", 0)})
            return out
        data["nodes"] = [{**n, "evidence": resolve(n["evidence"])} if isinstance(n, dict) and "evidence" in n
                         else n for n in data["nodes"]]
        data[key] = [{**e, "evidence": resolve(e["evidence"])} if isinstance(e, dict) and "evidence" in e
                     else e for e in data[key]]
    g = json_graph.node_link_graph(data, directed=True, multigraph=True, edges=key)
    if isinstance(articles, list):
        g.graph["documents"] = {str(a["id"]): {k: v for k, v in a.items() if k != "id"}
                                for a in articles if isinstance(a, dict) and "id" in a}
    return g


def read_json(path) -> nx.MultiDiGraph:
    """Load a graph written by `write_json` (or by an older build: sentences inline, links under "links")."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return graph_from_data(data)
