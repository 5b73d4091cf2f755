"""CSV files for Neo4j in the `neo4j-admin database import` layout (header `name:type`, `:ID`, `:LABEL`,
`:START_ID`, `:END_ID`, `:TYPE`; arrays split on ';'), one ID space:

- neo4j/nodes.csv              entities: label Entity plus their type (Organization, Country …)
- neo4j/articles.csv           articles: label Article (id "article:ID")
- neo4j/sentences.csv          one Sentence node per evidence sentence, stored once (id "sentence:ARTICLE#START",
                               the id graph.json gives it): text, offsets, article
- neo4j/evidence.csv           one Evidence node per (link, sentence, rule) (id "e:" and a hash): relation, rule,
                               article, and the sentence by id
- neo4j/relationships.csv      the links, typed by relation (partOf, basedIn …), with label, weight
                               (articles), first/last article date and the article ids
- neo4j/evidence_relationships.csv  (Evidence)-[:SUBJECT|OBJECT]->(entity), (Evidence)-[:IN_SENTENCE]->(Sentence),
                               (Sentence)-[:IN_ARTICLE]->(Article), (Article)-[:MENTIONS]->(entity)

Every link is one relationship, however many articles state it (the article graphs of graph.trig are
the `articles` property and the Evidence nodes). docs/neo4j.md has the import command and a LOAD CSV
script for a running database.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re

import networkx as nx

from .graphml import article_dates, edge_extras, relation_labels, sorted_edges

FOLDER = "neo4j"
FILES = ("nodes.csv", "articles.csv", "sentences.csv", "evidence.csv", "relationships.csv",
         "evidence_relationships.csv")
NODE_FIELDS = ("country", "date", "place", "iso", "wikidata", "kind", "gazetteer")


def _array(values) -> str:
    """A Neo4j array cell: elements joined by ';' (a ';' inside an element becomes ',')."""
    cells = [v if type(v) is str else str(v) for v in values]
    out = ";".join(cells)
    if out.count(";") == max(len(cells) - 1, 0) and not _SPACE.search(out):
        return out                      # (article ids) nothing to replace or squeeze
    return ";".join(" ".join(c.replace(";", ",").split()) for c in cells)


_SPACE = re.compile(r"\s")             # what str.split() splits at


def _text(value) -> str:
    """One line of text (neo4j-admin then needs no --multiline-fields)."""
    return " ".join(str(value).split())


# each file's header row (the Neo4j admin import's column names and types)
HEADERS = {
    "nodes.csv": ["id:ID", "name", ":LABEL", "type", "aliases:string[]", *NODE_FIELDS, "mentions:int", "articles:string[]"],
    "articles.csv": ["id:ID", ":LABEL", "article", "title", "date", "outlet", "url", "file"],
    "sentences.csv": ["id:ID", ":LABEL", "text", "start:int", "end:int", "article"],
    "evidence.csv": ["id:ID", ":LABEL", "relation", "rule", "article", "sentence"],
    "relationships.csv": [":START_ID", ":END_ID", ":TYPE", "relation", "label", "label_vi", "weight:int", "first_date",
                          "last_date", "articles:string[]"],
    "evidence_relationships.csv": [":START_ID", ":END_ID", ":TYPE"],
}


def _files(nodes: list, articles: list, sentences: list, evidence: str, links: list, ev_links: str) -> dict[str, str]:
    """The six files, from their rows (the two evidence files already rendered: each renderer has its own way)."""
    return {f"{FOLDER}/nodes.csv": _csv(HEADERS["nodes.csv"], nodes),
            f"{FOLDER}/articles.csv": _csv(HEADERS["articles.csv"], articles),
            f"{FOLDER}/sentences.csv": _csv(HEADERS["sentences.csv"], sentences),
            f"{FOLDER}/evidence.csv": evidence,
            f"{FOLDER}/relationships.csv": _csv(HEADERS["relationships.csv"], links),
            f"{FOLDER}/evidence_relationships.csv": ev_links}


def _csv(header, rows) -> str:
    """The rows (lists of strings) as csv.writer(lineterminator="\\n", QUOTE_MINIMAL) writes them, faster:
    a cell is quoted (its quotes doubled) when it holds a comma, a quote or a line feed, as the writer
    does; a row with a carriage return goes through the writer itself (Python versions differ there).
    A million rows of ids take a second instead of three."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    if not rows:
        return buf.getvalue()
    width = len(header) - 1
    text = "\n".join(map(",".join, rows))
    if text.count(",") == width * len(rows) and text.count("\n") == len(rows) - 1 and '"' not in text \
            and "\r" not in text and width > 0:
        return buf.getvalue() + text + "\n"
    out = [buf.getvalue()]
    tail = _Lines()
    slow = csv.writer(tail, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    special = _SPECIAL.search
    for r in rows:
        line = ",".join(r)
        if line.count(",") == width and not special(line):
            out.append(line + "\n")
        elif "\r" in line or len(r) < 2:
            slow.writerow(r)
            out.append(tail.pop())
        else:
            out.append(",".join(['"' + c.replace('"', '""') + '"' if special(c) else c for c in r]) + "\n")
    return "".join(out)


_SPECIAL = re.compile('[,"\n\r]')


class _Lines(list):
    """A file-like list for csv.writer: each written row is one item."""
    write = list.append


def _sorted_rows(rows: list[list[str]]) -> list[list[str]]:
    """The rows (lists of strings, all of one length) sorted as lists, faster: by their cells joined with
    NUL, which orders them the same when no cell holds a NUL (else by the lists themselves)."""
    keys = ["\x00".join(r) for r in rows]
    n = len(rows[0]) - 1 if rows else 0
    if any(k.count("\x00") != n for k in keys):
        return sorted(rows)
    order = sorted(range(len(rows)), key=keys.__getitem__)
    return [rows[i] for i in order]


def article_id(doc: str) -> str:
    return f"article:{doc}"


def sentence_node_id(doc: str, start) -> str:
    return f"sentence:{doc}#{start}"


def evidence_id(u: str, relation: str, v: str, ev: dict) -> str:
    key = "\x1f".join(map(str, (u, relation, v, ev.get("doc"), ev.get("start"), ev.get("end"), ev.get("rule"))))
    return f"e:{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


def render_neo4j(g: nx.MultiDiGraph, edges: list[tuple] | None = None) -> dict[str, str]:
    """{'neo4j/nodes.csv': text, …}: the six files, sorted, byte-identical for the same graph
    (`edges`: graphml.sorted_edges(g), if already made)."""
    edges = sorted_edges(g) if edges is None else edges
    out = _render_keyed(g, edges)
    return out if out is not None else _render_lists(g, edges)


def _render_lists(g: nx.MultiDiGraph, edges: list[tuple] | None = None) -> dict[str, str]:
    """render_neo4j with every row a list of cells: the reference, and the way when a cell holds a NUL."""
    nodes = []
    for n in sorted(g.nodes, key=str):
        d = g.nodes[n]
        etype = str(d.get("type", "Entity")) or "Entity"
        nodes.append([n, _text(d.get("label", n)), ";".join(dict.fromkeys(["Entity", etype])), etype,
                      _array(d.get("aliases", ())), *[_text(d.get(k, "")) for k in NODE_FIELDS],
                      str(int(d.get("mentions", 0) or 0)), _array(d.get("docs", ()))])
    documents = g.graph.get("documents", {})
    docs = set(documents)
    for _, d in g.nodes(data=True):
        docs.update(str(x) for x in d.get("docs", ()))
    for _, _, d in g.edges(data=True):
        docs.update(str(e["doc"]) for e in d.get("evidence", ()))
    articles = [[article_id(doc), "Article", doc, *[_text(documents.get(doc, {}).get(k, ""))
                                                    for k in ("title", "date", "outlet", "url", "file")]]
                for doc in sorted(docs)]
    links, evidence, ev_links = [], [], []
    sentences: dict[str, list] = {}
    for u, v, k, d in sorted_edges(g) if edges is None else edges:
        relation = str(d.get("relation", k))
        extra = edge_extras(g, relation, d.get("evidence", ()))
        evs = d.get("evidence", ())
        links.append([u, v, relation, relation, extra["label"], extra["label_vi"], str(int(extra["weight"])),
                      extra.get("first_date", ""), extra.get("last_date", ""),
                      _array(sorted({str(e["doc"]) for e in evs}))])
        for ev in evs:
            eid = evidence_id(u, relation, v, ev)
            doc = str(ev["doc"])
            sid = sentence_node_id(doc, int(ev["start"]))
            if sid not in sentences:
                sentences[sid] = [sid, "Sentence", _text(ev.get("sentence", "")), str(int(ev["start"])),
                                  str(int(ev["end"])), doc]
                ev_links.append([sid, article_id(doc), "IN_ARTICLE"])
            evidence.append([eid, "Evidence", relation, _text(ev.get("rule", "")), doc, sid])
            ev_links += [[eid, u, "SUBJECT"], [eid, v, "OBJECT"], [eid, sid, "IN_SENTENCE"]]
    for n in sorted(g.nodes, key=str):
        for doc in g.nodes[n].get("docs", ()):
            ev_links.append([article_id(str(doc)), n, "MENTIONS"])
    evidence = _sorted_rows(evidence)
    ev_links = _sorted_rows(ev_links)
    return _files(nodes, articles, [sentences[k] for k in sorted(sentences)], _csv(HEADERS["evidence.csv"], evidence),
                  links, _csv(HEADERS["evidence_relationships.csv"], ev_links))


def _render_keyed(g: nx.MultiDiGraph, edges: list[tuple] | None = None) -> dict[str, str] | None:
    """render_neo4j, faster: the million rows of evidence.csv and evidence_relationships.csv are made as
    their cells joined by NUL (one f-string each instead of a list, a join to sort it and a join to print
    it), sorted as such and printed by replacing the NULs (see _sorted_rows). None when a cell holds a NUL
    (the rows would not split back into their cells): _render_lists then does it."""
    documents = g.graph.get("documents", {})
    docs = set(documents)
    nodes, ev_links = [], []
    for n in sorted(g.nodes, key=str):
        d = g.nodes[n]
        etype = str(d.get("type", "Entity")) or "Entity"
        node_docs = d.get("docs", ())
        nodes.append([n, _text(d.get("label", n)), ";".join(dict.fromkeys(["Entity", etype])), etype,
                      _array(d.get("aliases", ())), *[_text(d.get(k, "")) for k in NODE_FIELDS],
                      str(int(d.get("mentions", 0) or 0)), _array(node_docs)])
        for doc in node_docs:
            doc = str(doc)
            docs.add(doc)
            ev_links.append(f"article:{doc}\0{n}\0MENTIONS")
    labels: dict[str, tuple[str, str]] = {}
    rules: dict = {}                    # rule id -> its cell
    links, evidence = [], []
    sentences: dict[str, list] = {}
    sha1 = hashlib.sha1
    dated: dict[str, str] = {}          # article -> its date
    for u, v, k, d in sorted_edges(g) if edges is None else edges:
        relation = str(d.get("relation", k))
        evs = d.get("evidence", ())
        edge_docs = {str(e["doc"]) for e in evs}
        docs |= edge_docs
        dates = article_dates(edge_docs, documents, dated)
        label = relation_labels(relation, labels)
        # as edge_extras gives them (weight: the articles; the first and last of their dates)
        links.append([u, v, relation, relation, *label, str(len(edge_docs)), min(dates, default=""),
                      max(dates, default=""), _array(sorted(edge_docs))])
        for ev in evs:
            # evidence_id, written out
            key = f"{u}\x1f{relation}\x1f{v}\x1f{ev.get('doc')}\x1f{ev.get('start')}\x1f{ev.get('end')}\x1f{ev.get('rule')}"
            eid = f"e:{sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
            doc = str(ev["doc"])
            start = int(ev["start"])
            sid = f"sentence:{doc}#{start}"
            if sid not in sentences:
                sentences[sid] = [sid, "Sentence", _text(ev.get("sentence", "")), str(start), str(int(ev["end"])), doc]
                ev_links.append(f"{sid}\0article:{doc}\0IN_ARTICLE")
            rule = ev.get("rule", "")
            rule = rules.get(rule) or rules.setdefault(rule, _text(rule))
            evidence.append(f"{eid}\0Evidence\0{relation}\0{rule}\0{doc}\0{sid}")
            ev_links += (f"{eid}\0{u}\0SUBJECT", f"{eid}\0{v}\0OBJECT", f"{eid}\0{sid}\0IN_SENTENCE")
    evidence_csv = _keyed_csv(HEADERS["evidence.csv"], evidence, 5)
    ev_links_csv = _keyed_csv(HEADERS["evidence_relationships.csv"], ev_links, 2) if evidence_csv is not None else None
    if ev_links_csv is None:
        return None                      # a cell holds a NUL
    articles = [[article_id(doc), "Article", doc, *[_text(documents.get(doc, {}).get(k, ""))
                                                    for k in ("title", "date", "outlet", "url", "file")]]
                for doc in sorted(docs)]
    return _files(nodes, articles, [sentences[k] for k in sorted(sentences)], evidence_csv, links, ev_links_csv)


def _keyed_csv(header: list[str], keys: list[str], nuls: int) -> str | None:
    """_csv(header, _sorted_rows(rows)) for rows given as their cells joined by NUL, `nuls` a row; None
    when the rows hold more (a cell holds one: they would not split back into their cells). The NULs are
    counted in the text that is printed anyway, not in a join of their own."""
    keys.sort()
    text = "\n".join(keys)
    if text.count("\0") != nuls * len(keys):
        return None
    if not keys or "," in text or '"' in text or "\r" in text or text.count("\n") != len(keys) - 1:
        return _csv(header, [k.split("\0") for k in keys])      # cells to quote: row by row
    return _csv(header, []) + text.replace("\0", ",") + "\n"
