"""RDF export: Turtle (graph.ttl, every triple once) and TriG (graph.trig, one named graph per article).

Triples come from one plain generator of (graph, subject, predicate, object) tuples of N-Triples terms,
are sorted, and are printed as grouped Turtle/TriG in one pass, so the files are byte-identical across
runs and a million triples take seconds (parsing N-Quads back into Oxigraph just to print them cost
more than everything else together). The output files take a shorter road to the same bytes: quads are
grouped by graph and subject (`subject_tables`) and each subject is printed in one piece, each link's
evidence node (ten of every eleven quads) from one format string, without building its quads at all.
`to_rdf` / `to_dataset` give the same triples as rdflib objects for notebooks and tests.
The modelling (reification + named graphs + PROV-O) is described in docs/rdf.md.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

import networkx as nx

from ..errors import KgError
from ..text import fold, slug
from .atomic import write_atomic
from .vocab import (DCTERMS, FALLBACK_CLASS, KG, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS, TYPE_CLASSES, WD,
                    XSD, name_language, relation_property)

DEFAULT_BASE = "https://kg.example.org/"

# Term form: every term is a string in N-Triples syntax ('<iri>', '"text"@vi', '"5"^^<…#integer>'), so quads
# are tuples of four strings (graph "" = the default graph) that sort fast and print straight into N-Quads.
Quad = tuple[str, str, str, str]

_SAFE_SEGMENT = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_BASE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\x00-\x20<>\"{}|\\^`]*")
_QID = re.compile(r"Q[1-9][0-9]*")
_MAX_SEGMENT = 120
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESCAPES = {**{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
            ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", ord('"'): '\\"', ord("\\"): "\\\\"}


def iri(value: str) -> str:
    return f"<{value}>"


def _quoted(value: str) -> str:
    value = str(value)
    return f'"{value.translate(_ESCAPES)}"' if _NEEDS_ESCAPE.search(value) else f'"{value}"'


def lit(value: str, lang: str = "") -> str:
    """A literal: language-tagged when `lang` is given, else a plain xsd:string."""
    return f"{_quoted(value)}@{lang}" if lang else _quoted(value)


def typed(value, datatype: str) -> str:
    return f"{_quoted(value)}^^<{datatype}>"


@functools.lru_cache(maxsize=8)
def normalize_base(base: str) -> str:
    """The base IRI, checked (absolute, no spaces or <>"{}|\\^`, and valid for RDF readers: a bad
    percent escape, a private-use character or a broken host would give files that Oxigraph and
    `kg query` cannot load) and ending in '/' or '#'."""
    if not isinstance(base, str) or not _BASE_IRI.fullmatch(base):
        raise KgError(f"--base-iri {base!r}: not an absolute IRI (like {DEFAULT_BASE})")
    base = base if base.endswith(("/", "#")) else base + "/"
    import pyoxigraph
    try:
        pyoxigraph.NamedNode(f"{base}id/x")
    except ValueError as exc:
        reason = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in " ".join(str(exc).split()))
        raise KgError(f"--base-iri {base!r}: not a valid IRI ({reason or 'invalid'})") from None
    return base


def segment(text: str) -> str:
    """A readable, IRI-safe path segment for any text, stable across runs.

    Clean lowercase slugs ('bo-cong-an', '000_53ccb9e1') are kept as they are; anything else becomes
    its ASCII slug plus '--' and a hash of the exact text, so different texts never share a segment
    ('--' never occurs in a clean slug).
    """
    text = str(text)
    if len(text) <= _MAX_SEGMENT and _SAFE_SEGMENT.fullmatch(text):
        return text
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug(text, 80)}--{digest}"


def entity_iri(base: str, node_id: str) -> str:
    return f"{normalize_base(base)}id/{segment(node_id)}"


def article_iri(base: str, doc: str) -> str:
    """The article's IRI; it also names the article's graph in the TriG file."""
    return f"{normalize_base(base)}article/{segment(doc)}"


def date_literal(value: str) -> str | None:
    """xsd:date / xsd:gYearMonth / xsd:gYear for ISO dates; None when `value` is no valid date."""
    v = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            datetime.date.fromisoformat(v)
            return typed(v, XSD + "date")
        if re.fullmatch(r"\d{4}-\d{2}", v) and 1 <= int(v[5:]) <= 12:
            return typed(v, XSD + "gYearMonth")
        if re.fullmatch(r"\d{4}", v):
            return typed(v, XSD + "gYear")
    except ValueError:
        return None
    return None


_A = iri(RDF + "type")


class _Terms:
    """IRIs of one export, built once per node / article and shared by every quad that uses them."""

    def __init__(self, base: str, g: nx.MultiDiGraph):
        self.base = normalize_base(base)
        self.node = {n: iri(f"{self.base}id/{segment(n)}") for n in g.nodes}
        self._articles: dict[str, str] = {}
        self._segments: dict[str, str] = {}
        self._lits: dict[tuple, str] = {}

    def article(self, doc: str) -> str:
        a = self._articles.get(doc)
        if a is None:
            a = self._articles[doc] = iri(f"{self.base}article/{segment(doc)}")
        return a

    def sentence(self, doc: str, start: int) -> str:
        """The IRI of the sentence of `doc` starting at raw offset `start` (graph.json's id DOC#START)."""
        seg = self._segments.get(doc)
        if seg is None:
            seg = self._segments[doc] = segment(doc)
        return iri(f"{self.base}sentence/{seg}-{start}")

    def evidence(self, doc: str, key: str) -> str:
        digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        seg = self._segments.get(doc)
        if seg is None:
            seg = self._segments[doc] = segment(doc)
        return iri(f"{self.base}evidence/{seg}-{digest}")

    def name(self, value) -> str:
        """A name as a literal tagged with its language (@vi, or @en for English names)."""
        text = str(value)
        out = self._lits.get((text, None))
        if out is None:
            out = self._lits[(text, None)] = lit(text, name_language(text))
        return out

    def lit(self, value, lang: str = "") -> str:
        """lit(value, lang), one string per distinct value: evidence sentences and rule ids repeat."""
        key = (str(value), lang)
        out = self._lits.get(key)
        if out is None:
            out = self._lits[key] = lit(value, lang)
        return out


def rdf_quads(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Iterator[Quad]:
    """Every quad of the export (unsorted; a quad may repeat). Graph "" is the default graph."""
    for item in _rdf_items(g, base):
        if len(item) == 4:
            yield item
        else:
            yield from _record_quads(item)


def _rdf_items(g: nx.MultiDiGraph, base: str, edges: list[tuple] | None = None) -> Iterator[tuple]:
    """The quads of the export, except that each link's evidence node, each evidence sentence and each
    article's schema:mentions come as one record (see `_link_items`, `_record_pairs`)
    standing for their quads: the writers print them without building them."""
    t = _Terms(base, g)
    by_name = _name_index(g)
    documents = g.graph.get("documents", {})
    docs = set(documents)
    mentioned: dict[str, list[str]] = {}         # article node -> the entities it mentions
    for n, d in g.nodes(data=True):
        docs.update(d.get("docs", ()))
        s = t.node[n]
        yield from _node_quads(t, s, d, by_name)
        for doc in d.get("docs", ()):
            mentioned.setdefault(t.article(str(doc)), []).append(s)
    yield from _link_items(t, g.edges(keys=True, data=True) if edges is None else edges, docs)
    for doc in docs:
        yield from _article_quads(t.article(doc), doc, documents.get(doc, {}))
    for a, entities in mentioned.items():
        yield (a, a, tuple(entities))            # (graph, node, objects): a mentions record


def _name_index(g: nx.MultiDiGraph) -> dict[tuple[str, str], str]:
    """(type, folded name or alias) -> node id, to link a node's `country`/`place` text to a node."""
    index: dict[tuple[str, str], str] = {}
    for n in sorted(g.nodes):
        d = g.nodes[n]
        if d.get("type") in ("Country", "Location"):
            for name in [d.get("label", "")] + list(d.get("aliases", ())):
                index.setdefault((d["type"], fold(name)), n)
    return index


_LABEL, _ALT, _SAME = iri(RDFS + "label"), iri(SKOS + "altLabel"), iri(OWL + "sameAs")
_ISO, _START, _DATE, _LOCATION = iri(KG + "isoCode"), iri(SCHEMA + "startDate"), iri(DCTERMS + "date"), iri(SCHEMA + "location")
_COUNTRY, _COUNTRY_NAME, _KIND = iri(KG + "country"), iri(KG + "countryName"), iri(KG + "kind")
_SOURCE, _MENTIONS = iri(DCTERMS + "source"), iri(SCHEMA + "mentions")


def _node_quads(t: _Terms, s: str, d: dict, by_name: dict) -> Iterator[Quad]:
    etype = d.get("type", "")
    yield ("", s, _A, iri(TYPE_CLASSES.get(etype, FALLBACK_CLASS)))
    yield ("", s, _LABEL, t.name(d.get("label", "")))
    for alias in d.get("aliases", ()):
        yield ("", s, _ALT, t.name(alias))
    if _QID.fullmatch(str(d.get("wikidata", ""))):
        yield ("", s, _SAME, iri(WD + d["wikidata"]))
    if d.get("iso"):
        yield ("", s, _ISO, lit(d["iso"]))
    if d.get("date"):
        when = date_literal(d["date"])
        yield ("", s, _START if etype == "Event" and when else _DATE, when or lit(d["date"]))
    if d.get("place"):
        where = by_name.get(("Location", fold(d["place"]))) or by_name.get(("Country", fold(d["place"])))
        yield ("", s, _LOCATION, t.node[where] if where else t.name(d["place"]))
    if d.get("country"):
        country = by_name.get(("Country", fold(d["country"])))
        yield ("", s, _COUNTRY, t.node[country]) if country else ("", s, _COUNTRY_NAME, t.name(d["country"]))
    if d.get("kind"):
        yield ("", s, _KIND, lit(d["kind"]))
    if d.get("gazetteer"):
        yield ("", s, _SOURCE, lit(d["gazetteer"]))


_EVIDENCE, _STATEMENT = iri(KG + "Evidence"), iri(RDF + "Statement")
_SUBJ, _PRED, _OBJ = iri(RDF + "subject"), iri(RDF + "predicate"), iri(RDF + "object")
_SENTENCE, _BEGIN, _END, _RULE = iri(KG + "sentence"), iri(KG + "startOffset"), iri(KG + "endOffset"), iri(KG + "rule")
_SENTENCE_CLASS, _TEXT, _PART_OF = iri(KG + "Sentence"), iri(KG + "text"), iri(DCTERMS + "isPartOf")
_DERIVED = iri(PROV + "wasDerivedFrom")
_INT = XSD + "integer"


def _integer(n: int) -> str:
    """typed(n, xsd:integer) for an int (whose digits need no escaping)."""
    return f'"{n}"^^<{_INT}>'


def _link_items(t: _Terms, edges: Iterable[tuple], docs: set[str]) -> Iterator[tuple]:
    """For each link in graph order: a sentence record (graph, node, text, start, end) standing for its
    five quads, for each of its evidence sentences not seen before (each sentence once, in its article's
    graph); then, for each evidence item, the link in the graph of the article that states it and one
    reified Evidence node, as an evidence record (graph, node, s, p, o, sentence node, rule literal); a
    link without evidence in the default graph. The articles named go into `docs`. One loop with each
    term made once, the evidence IRI (`_Terms.evidence`) written out: 235,000 evidence items at 10,000
    articles, where the calls per item were a third of the RDF files' grouping."""
    sentences: dict[tuple[str, int], str] = {}          # (doc, start) -> the sentence's IRI
    props: dict[str, str] = {}
    node, article, lit, segments, articles = t.node, t.article, t.lit, t._segments, t._articles
    rules: dict[str, str] = {}                          # rule id -> its literal
    base = t.base
    sha1 = hashlib.sha1
    for u, v, k, d in edges:
        evidence = d.get("evidence", ())
        said = []
        for ev in evidence:
            doc, start = str(ev["doc"]), int(ev["start"])
            docs.add(doc)
            sentence = sentences.get((doc, start))
            if sentence is None:
                sentence = sentences[(doc, start)] = t.sentence(doc, start)
                yield (article(doc), sentence, lit(ev.get("sentence", ""), "vi"), _integer(start),
                       _integer(int(ev["end"])))
            said.append(sentence)
        relation = d.get("relation", k)
        s, o = node[u], node[v]
        p = props.get(relation)
        if p is None:
            p = props[relation] = iri(relation_property(relation))
        if not said:
            yield ("", s, p, o)
            continue
        for ev, sentence in zip(evidence, said):
            doc = str(ev["doc"])
            a = articles.get(doc) or article(doc)
            key = f"{u}\x1f{relation}\x1f{v}\x1f{doc}\x1f{ev['start']}\x1f{ev['end']}\x1f{ev['rule']}"
            digest = sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
            seg = segments.get(doc)         # (set by t.sentence above)
            rule = ev.get("rule", "")
            rule_lit = rules.get(rule) if type(rule) is str else None
            if rule_lit is None:
                rule_lit = lit(rule)
                if type(rule) is str:
                    rules[rule] = rule_lit
            yield (a, s, p, o)
            yield (a, f"<{base}evidence/{seg}-{digest}>", s, p, o, sentence, rule_lit)


def _evidence_pairs(record: tuple) -> list[tuple[str, str]]:
    """The (predicate, object) pairs of an evidence record's node."""
    a, node, s, p, o, sentence, rule = record
    return [(_A, _EVIDENCE), (_A, _STATEMENT), (_SUBJ, s), (_PRED, p), (_OBJ, o), (_SENTENCE, sentence),
            (_RULE, rule), (_DERIVED, a)]


def _sentence_pairs(record: tuple) -> list[tuple[str, str]]:
    """The (predicate, object) pairs of a sentence record's node."""
    a, s, text, start, end = record
    return [(_A, _SENTENCE_CLASS), (_TEXT, text), (_PART_OF, a), (_BEGIN, start), (_END, end)]


def _record_pairs(record: tuple) -> list[tuple[str, str]]:
    """The (predicate, object) pairs of a record's node: an article's mentions (3 items: graph, article,
    the entities, in its own graph), a sentence (5) or a link's evidence (7)."""
    if len(record) == 3:
        return [(_MENTIONS, o) for o in record[2]]
    return _sentence_pairs(record) if len(record) == 5 else _evidence_pairs(record)


def _record_quads(record: tuple) -> Iterator[Quad]:
    a, node = record[0], record[1]
    for p, o in _record_pairs(record):
        yield (a, node, p, o)


def _article_quads(a: str, doc: str, meta: dict) -> Iterator[Quad]:
    yield ("", a, _A, iri(SCHEMA + "NewsArticle"))
    yield ("", a, _A, iri(PROV + "Entity"))
    yield ("", a, iri(DCTERMS + "identifier"), lit(doc))
    if meta.get("title"):
        yield ("", a, iri(DCTERMS + "title"), lit(meta["title"], "vi"))
    if meta.get("date"):
        yield ("", a, _DATE, date_literal(meta["date"]) or lit(meta["date"]))
    if meta.get("outlet"):
        yield ("", a, iri(DCTERMS + "publisher"), lit(meta["outlet"]))
    if meta.get("url"):
        yield ("", a, iri(SCHEMA + "url"), typed(meta["url"], XSD + "anyURI"))
    if meta.get("file"):
        yield ("", a, _SOURCE, lit(meta["file"]))
    rel = meta.get("relevance")
    if rel:                          # the article's relevance decision (kg/relevance.py)
        yield ("", a, _ON_TOPIC, typed("true" if rel.get("on_topic") else "false", XSD + "boolean"))
        yield ("", a, _REL_SCORE, typed(_decimal(rel.get("score", 0)), XSD + "decimal"))
        yield ("", a, _REL_REASON, lit(rel.get("reason", "")))


_ON_TOPIC, _REL_SCORE, _REL_REASON = iri(KG + "onTopic"), iri(KG + "relevanceScore"), iri(KG + "relevanceReason")


def _decimal(x) -> str:
    """An xsd:decimal lexical form ("3.0", "12.5"): never an exponent."""
    text = f"{float(x):.4f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def sorted_quads(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> list[Quad]:
    """Distinct quads in a fixed order: default graph first, then each article's graph.
    (Sorting graph by graph is three times faster than one sort of a million tuples.)"""
    by_graph: dict[str, set[Quad]] = defaultdict(set)
    for q in rdf_quads(g, base):
        by_graph[q[0]].add(q)
    out: list[Quad] = []
    for name in sorted(by_graph):
        out.extend(sorted(by_graph.pop(name)))
    return out


def sorted_triples(quads: Iterable[Quad]) -> list[tuple[str, str, str]]:
    """The merge of all graphs: distinct triples, sorted (cheap on sorted quads: timsort merges the runs)."""
    out: list[tuple[str, str, str]] = []
    last = None
    for t in sorted(q[1:] for q in quads):
        if t != last:
            out.append(t)
            last = t
    return out


def output_prefixes(base: str) -> dict[str, str]:
    base = normalize_base(base)
    return {**PREFIXES, "id": base + "id/", "article": base + "article/", "sentence": base + "sentence/",
            "evidence": base + "evidence/"}


# --- serialisation: grouped Turtle / TriG printed from sorted tuples; N-Quads for rdflib ----------

def nquads_chunks(quads: Iterable[Quad], size: int = 4096) -> Iterator[bytes]:
    """N-Quads (N-Triples for 3-tuples) as UTF-8 chunks; undecodable characters (lone surrogates) become '?'."""
    batch: list[str] = []
    for q in quads:
        if len(q) == 3:
            batch.append(f"{q[0]} {q[1]} {q[2]} .\n")
        else:
            batch.append(f"{q[1]} {q[2]} {q[3]} {q[0]} .\n" if q[0] else f"{q[1]} {q[2]} {q[3]} .\n")
        if len(batch) >= size:
            yield "".join(batch).encode("utf-8", "replace")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8", "replace")


def to_nquads(quads: Iterable[Quad]) -> bytes:
    return b"".join(nquads_chunks(quads))


_INTEGER = f'"^^<{XSD}integer>'
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


class _Compactor:
    """'<iri>' -> 'prefix:local' (when the local part is a plain Turtle name), cached per IRI."""

    def __init__(self, prefixes: dict[str, str]):
        self._ns = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self._cache: dict[str, str] = {}

    def iri(self, term: str) -> str:
        out = self._cache.get(term)
        if out is None:
            out = term
            value = term[1:-1]
            for ns, p in self._ns:
                if value.startswith(ns) and _PN_LOCAL.fullmatch(value[len(ns):]):
                    out = f"{p}:{value[len(ns):]}"
                    break
            self._cache[term] = out
        return out

    def term(self, term: str) -> str:
        if term[0] == "<":
            return self.iri(term)
        if term.endswith(_INTEGER):              # "364"^^xsd:integer -> 364
            lexical = term[1:-len(_INTEGER)]
            if lexical.lstrip("-").isdigit() and lexical.isascii():
                return lexical
        if term[-1] == ">":                       # typed literal: shorten the datatype IRI
            lexical, _, datatype = term.rpartition('"^^<')
            return f'{lexical}"^^{self.iri("<" + datatype)}'
        return term


def _pretty(quads: Iterable, prefixes: dict[str, str]) -> bytes:
    return "".join(pretty_chunks(quads, prefixes)).encode("utf-8", "replace")


def pretty_chunks(quads: Iterable, prefixes: dict[str, str]) -> Iterator[str]:
    """Turtle (from sorted triples) or TriG (from sorted quads): one block per subject, ';' between
    predicates, ',' between objects, one '{ }' block per named graph; byte-identical for equal input.
    The text is plain N-Triples terms with prefixed names, which rdflib and Oxigraph both read (tested)."""
    c = _Compactor(prefixes)
    rdf_type = iri(RDF + "type")
    out: list[str] = [f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()]
    flush_at = 4096
    cur_g = cur_s = cur_p = None
    indent = ""
    for q in quads:
        g, s, p, o = q if len(q) == 4 else ("", *q)
        if g != cur_g:
            if cur_s is not None:
                out.append(" .\n")
            if cur_g:
                out.append("}\n")
            if g:
                out.append(f"{c.iri(g)} {{\n")
            cur_g, cur_s, cur_p, indent = g, None, None, "\t" if g else ""
        pred = "a" if p == rdf_type else c.iri(p)
        if s != cur_s:
            if cur_s is not None:
                out.append(" .\n")
            out.append(f"{indent}{c.iri(s)} {pred} {c.term(o)}")
        elif p != cur_p:
            out.append(f" ;\n{indent}\t{pred} {c.term(o)}")
        else:
            out.append(f" , {c.term(o)}")
        cur_s, cur_p = s, p
        if len(out) >= flush_at:
            yield "".join(out)
            out = []
    if cur_s is not None:
        out.append(" .\n")
    if cur_g:
        out.append("}\n")
    yield "".join(out)


def _fixed_prefix_order(out: bytes, prefixes: dict[str, str]) -> bytes:
    """Rewrite Oxigraph's @prefix block (hash-map order; absent when there are no triples) in our
    fixed order, for byte-identical files."""
    cut = 0
    while out.startswith(b"@prefix ", cut):
        cut = out.index(b"\n", cut) + 1
    return b"".join(f"@prefix {p}: <{ns}> .\n".encode() for p, ns in prefixes.items()) + out[cut:]


def serialize_turtle(triples: Iterable[tuple[str, str, str]], prefixes: dict[str, str]) -> str:
    return _pretty(triples, prefixes).decode("utf-8")


# --- the fast path for the output files: quads grouped by subject, each subject printed in one piece ----

def _add_pair(table: dict, s: str, pair: tuple[str, str]) -> None:
    entry = table.get(s)
    if entry is None:
        table[s] = {pair}
    elif type(entry) is set:
        entry.add(pair)
    else:
        table[s] = _as_pairs(entry) | {pair}


def _add_record(table: dict, node: str, record: tuple) -> None:
    entry = table.get(node)
    if entry is None:
        table[node] = record
    elif entry != record:                  # the same node twice with other values: merge as pairs
        table[node] = _as_pairs(entry) | _as_pairs(record)


def _as_pairs(entry) -> set[tuple[str, str]]:
    return set(entry) if type(entry) is set else set(_record_pairs(entry))


def subject_tables(g: nx.MultiDiGraph, base: str = DEFAULT_BASE,
                   edges: list[tuple] | None = None) -> tuple[dict[str, dict], dict[str, dict]]:
    """The export grouped for printing: ({graph: {subject: entry}}, {subject: entry} of all graphs merged),
    where an entry is the subject's set of distinct (predicate, object) pairs, or one record (an evidence
    node or sentence occurs in one graph only, and prints the same every time)."""
    graphs: dict[str, dict] = defaultdict(dict)
    merged: dict[str, dict] = {}
    for item in _rdf_items(g, base, edges):
        if len(item) == 4:
            name, s, p, o = item
            pair = (p, o)
            table = graphs[name]
            entry = table.get(s)
            if type(entry) is set:          # inlined _add_pair: half a million quads on a large corpus
                entry.add(pair)
            else:
                _add_pair(table, s, pair)
            entry = merged.get(s)
            if type(entry) is set:
                entry.add(pair)
            else:
                _add_pair(merged, s, pair)
        else:                               # inlined _add_record: a third of a million records
            table, node = graphs[item[0]], item[1]
            entry = table.get(node)
            if entry is None:
                table[node] = item
            elif entry != item:
                _add_record(table, node, item)
            entry = merged.get(node)
            if entry is None:
                merged[node] = item
            elif entry != item:
                _add_record(merged, node, item)
    return dict(graphs), merged


class _Printer:
    """One subject's block of Turtle/TriG text (without the closing ' .'), the same bytes that
    `pretty_chunks` prints for its sorted quads."""

    def __init__(self, prefixes: dict[str, str]):
        self.c = _Compactor(prefixes)
        self._templates: dict[tuple[int, str], str] = {}

    def block(self, s: str, entry, indent: str) -> str:
        if type(entry) is set:
            return self._pairs(s, entry, indent)
        size = len(entry)
        if size == 3:
            return self._mentions(s, entry[2], indent)
        template = self.template(size, indent)
        ci, term, get = self.c.iri, self.c.term, self.c._cache.get     # get(x) or ci(x): ci(x), one call less
        if size == 5:
            a, node, text, start, end = entry
            return template.format(get(node) or ci(node), get(a) or ci(a), term(text), term(start), term(end))
        a, node, s_, p, o, sentence, rule = entry
        return template.format(get(node) or ci(node), get(a) or ci(a), get(s_) or ci(s_), get(p) or ci(p),
                               get(o) or ci(o), ci(sentence), term(rule))

    def template(self, size: int, indent: str) -> str:
        """The format string of a record's block (see _template), made once per size and indent."""
        template = self._templates.get((size, indent))
        if template is None:
            template = self._templates[(size, indent)] = self._template(size, indent)
        return template

    def _mentions(self, s: str, entities, indent: str) -> str:
        """`_pairs` of an article's schema:mentions pairs, the one predicate written once."""
        ci, get = self.c.iri, self.c._cache.get
        return (f"{indent}{get(s) or ci(s)} {ci(_MENTIONS)} "
                + " , ".join([get(o) or ci(o) for o in sorted(set(entities))]))

    def _pairs(self, s: str, pairs, indent: str) -> str:
        ci, term, get = self.c.iri, self.c.term, self.c._cache.get
        out = [indent, get(s) or ci(s)]
        cur = None
        for p, o in sorted(pairs):
            obj = (get(o) or ci(o)) if o[0] == "<" else term(o)
            if p != cur:
                pred = "a" if p == _A else get(p) or ci(p)
                out.append(f" {pred} {obj}" if cur is None else f" ;\n{indent}\t{pred} {obj}")
                cur = p
            else:
                out.append(f" , {obj}")
        return "".join(out)

    def _template(self, size: int, indent: str) -> str:
        """The block of a record's node as a format string: fields {0}..{6} (node, article, s, p, o,
        sentence node, rule) for a link's evidence, {0}..{4} (node, article, text, start, end) for a
        sentence. `_pairs` prints it from placeholder terms, which sort like any real ones (their
        predicates are fixed, and the evidence's two rdf:type classes are the only predicate with two
        objects) and which the compactor leaves as they are."""
        mark = ["\x00%d\x00" % i for i in range(size)]
        ref = ["<" + m + ">" for m in mark]
        if size == 5:
            record = (ref[1], ref[0], mark[2], mark[3], mark[4])
        else:
            record = (ref[1], ref[0], ref[2], ref[3], ref[4], mark[5], mark[6])
        text = self._pairs(ref[0], _record_pairs(record), indent).replace("{", "{{").replace("}", "}}")
        for i in range(size):
            text = text.replace(ref[i], "{%d}" % i).replace(mark[i], "{%d}" % i)
        return text


def _graph_chunks(printer: _Printer, graphs: dict[str, dict], prefixes: dict[str, str]) -> Iterator[str]:
    """TriG: the default graph's subjects, then one '{ }' block per named graph, all sorted."""
    out: list[str] = [f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()]
    block = printer.block
    ci, term, get = printer.c.iri, printer.c.term, printer.c._cache.get     # get(x) or ci(x): ci(x), one call less
    for name in sorted(graphs):
        subjects = graphs[name]
        indent = "\t" if name else ""
        # (evidence and sentence records, nine in ten subjects, printed here from their templates with the
        # closing " ." added: Printer.block, one call less per subject)
        evidence_block = printer.template(7, indent) + " .\n"
        sentence_block = printer.template(5, indent) + " .\n"
        if name:
            out.append(f"{printer.c.iri(name)} {{\n")
        for s in sorted(subjects):
            entry = subjects[s]
            size = len(entry) if type(entry) is tuple else 0
            if size == 7:
                a, node, s_, p, o, sentence, rule = entry
                out.append(evidence_block.format(get(node) or ci(node), get(a) or ci(a), get(s_) or ci(s_),
                                                 get(p) or ci(p), get(o) or ci(o), ci(sentence), term(rule)))
            elif size == 5:
                a, node, text, start, end = entry
                out.append(sentence_block.format(get(node) or ci(node), get(a) or ci(a), term(text), term(start),
                                                 term(end)))
            else:
                out.append(block(s, entry, indent) + " .\n")
            if len(out) >= 8192:
                yield "".join(out)
                out = []
        if name:
            out.append("}\n")
    yield "".join(out)


def _turtle_chunks(printer: _Printer, merged: dict[str, dict], prefixes: dict[str, str]) -> Iterator[str]:
    """Turtle: every subject of every graph, sorted."""
    return _graph_chunks(printer, {"": merged}, prefixes)


def rdf_chunk_renderers(g: nx.MultiDiGraph, base: str = DEFAULT_BASE, edges: Callable[[], list] | None = None) -> dict:
    """{"graph.trig": render, "graph.ttl": render}: each render() returns an iterator of text chunks
    for streaming to disk. The quads are grouped once, for whichever file comes first; each file's
    table is released once that file is written. `edges()` gives list(g.edges(keys=True, data=True)),
    if another file lists them too."""
    state: dict = {}
    prefixes = output_prefixes(base)

    def tables() -> dict:
        if not state:
            state["graphs"], state["merged"] = subject_tables(g, base, edges() if edges else None)
            state["printer"] = _Printer(prefixes)
        return state

    def trig():
        st = tables()
        yield from _graph_chunks(st["printer"], st["graphs"], prefixes)
        st["graphs"] = {}

    def ttl():
        st = tables()
        yield from _turtle_chunks(st["printer"], st["merged"], prefixes)
        st["merged"] = {}

    return {"graph.trig": trig, "graph.ttl": ttl}


def render_rdf(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> tuple[bytes, bytes]:
    """(graph.ttl, graph.trig) as UTF-8 bytes from one pass over the graph."""
    render = rdf_chunk_renderers(g, base)
    trig = "".join(render["graph.trig"]()).encode("utf-8", "replace")
    ttl = "".join(render["graph.ttl"]()).encode("utf-8", "replace")
    return ttl, trig


def generate_turtle(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> str:
    """Turtle: the merge of all graphs, every triple once."""
    return render_rdf(g, base)[0].decode("utf-8")


def generate_trig(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> str:
    """TriG: entities and articles in the default graph; each article's links and evidence in its own graph."""
    return render_rdf(g, base)[1].decode("utf-8")


def write_turtle(g: nx.MultiDiGraph, path, base: str = DEFAULT_BASE) -> None:
    write_atomic(path, generate_turtle(g, base))


def write_trig(g: nx.MultiDiGraph, path, base: str = DEFAULT_BASE) -> None:
    write_atomic(path, generate_trig(g, base))


# --- rdflib model (notebooks, tests) ------------------------------------------------------------

def to_rdf(g: nx.MultiDiGraph, base: str = DEFAULT_BASE):
    """The export as an rdflib Graph (every triple once, all articles merged)."""
    from rdflib import Graph
    rdf = Graph()
    for prefix, ns in output_prefixes(base).items():
        rdf.bind(prefix, ns, override=True)
    return rdf.parse(data=to_nquads(sorted_triples(rdf_quads(g, base))), format="nt")


def to_dataset(g: nx.MultiDiGraph, base: str = DEFAULT_BASE):
    """The export as an rdflib Dataset: default graph plus one named graph per article."""
    from rdflib import Dataset
    ds = Dataset()
    for prefix, ns in output_prefixes(base).items():
        ds.bind(prefix, ns, override=True)
    return ds.parse(data=to_nquads(sorted_quads(g, base)), format="nquads")
