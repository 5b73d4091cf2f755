"""One article's facts (or whole extraction) as plain data: what workers send to the build process
and what the cache in OUT/.cache/ stores.

MessagePack of maps, arrays, strings and integers only: decoding it can build nothing but those
values, so a crafted cache entry can at worst give wrong facts, never run code (a pickle could).
Every decoded value is checked for shape and types before it becomes model objects; anything
else raises `BadPayload` and the entry is recomputed.

Layout (version 2): a map with "v" (the format version), "kind" ("facts" or "extraction"),
"doc" (the article's metadata: id, path as bytes, title, date, outlet, url) and the kind's
fields below. Readers ignore keys they do not know, so a new optional field (say, a per-article
"relevance" record) is added under a new key with a default when absent; a change to an existing
field bumps FORMAT (and cache.CACHE_FORMAT), which makes every cache entry a miss.

* facts: "str" a table of every string of the article's facts, each stored once (read back, the
  one string object is shared by all its uses, as pickle's memo did), "m" mentions [key, type,
  [surfaces], [alias keys], [[attr, value]…], evidence], "l" links [source key, relation, target
  key, evidence]; evidence = [doc, sentence, start, end, rule]; every string is its index in "str".
* extraction: "text", "raw" (the raw offsets), "sent" sentences [index, start, end, text],
  "men" distinct mentions [doc, sentence, start, end, text, type, rule, key, [[attr, value]…]],
  "mi" the extraction's mentions as indexes into "men", "rel" relations [source, relation,
  target, rule, sentence] with source and target as indexes into "men".
"""
from __future__ import annotations

import os

import msgpack

from .model import ArticleFacts, Document, Evidence, Extraction, Mention, RelationMention, Sentence

FORMAT = 3


# The fields of each model class this format stores, in order: a test compares them with the model,
# so a field added to the model without a place here fails the tests instead of vanishing from caches.
FIELDS = {
    Document: ("id", "path", "text", "sentences", "title", "date", "outlet", "url", "raw_offsets"),
    Sentence: ("index", "start", "end", "text"),
    Mention: ("doc", "sentence", "start", "end", "text", "type", "rule", "key", "attrs"),
    RelationMention: ("source", "relation", "target", "rule", "sentence"),
    Extraction: ("doc", "mentions", "relations"),
    ArticleFacts: ("doc", "mentions", "links", "relevance"),
    Evidence: ("doc", "sentence", "start", "end", "rule"),
}


class BadPayload(ValueError):
    """Bytes that are not a well-formed payload of this format."""


def _path_bytes(path: str) -> bytes:
    return os.fsencode(path)          # a path may hold bytes that are not UTF-8 (kept as surrogates)


def _doc_meta(d: Document) -> list:
    return [d.id, _path_bytes(d.path), d.title, d.date, d.outlet, d.url]


def encode(value: ArticleFacts | Extraction) -> bytes:
    if isinstance(value, ArticleFacts):
        return _encode_facts(value)
    if isinstance(value, Extraction):
        return _encode_extraction(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def _encode_facts(f: ArticleFacts) -> bytes:
    table: dict[str, int] = {}
    setdefault = table.setdefault

    def i(text: str) -> int:
        return setdefault(text, len(table))

    def ev(e: Evidence) -> list:
        return [i(e.doc), i(e.sentence), e.start, e.end, i(e.rule)]

    mentions = [[i(k), i(t), [i(x) for x in s], [i(x) for x in a], [[i(x), i(y)] for x, y in at], ev(e)]
                for k, t, s, a, at, e in f.mentions]
    links = [[i(s), i(r), i(t), ev(e)] for s, r, t, e in f.links]
    return msgpack.packb({"v": FORMAT, "kind": "facts", "doc": _doc_meta(f.doc), "str": list(table),
                          "m": mentions, "l": links,
                          "rel": f.relevance.as_dict() if f.relevance is not None else None})


def _encode_extraction(x: Extraction) -> bytes:
    d = x.doc
    table: dict[Mention, int] = {}
    index = table.setdefault
    mi = [index(m, len(table)) for m in x.mentions]
    rel = [[index(r.source, len(table)), r.relation, index(r.target, len(table)), r.rule, r.sentence]
           for r in x.relations]
    men = [[m.doc, m.sentence, m.start, m.end, m.text, m.type, m.rule, m.key, m.attrs] for m in table]
    return msgpack.packb({"v": FORMAT, "kind": "extraction", "doc": _doc_meta(d), "text": d.text,
                          "raw": d.raw_offsets, "sent": [[s.index, s.start, s.end, s.text] for s in d.sentences],
                          "men": men, "mi": mi, "rel": rel})


# --------------------------------------------------------------------------- decoding, checked

def decode(payload: bytes, checked: bool = True) -> ArticleFacts | Extraction:
    """The value encoded in `payload`; BadPayload for anything that is not exactly this format.
    `checked=False` skips the checks of each value's type, for facts this build's own worker has just
    encoded (not read from a cache file): a third faster, on the build process's core while workers run."""
    try:
        o = msgpack.unpackb(payload, use_list=False, raw=False, strict_map_key=True)
    except Exception as exc:         # msgpack raises several types for malformed input
        raise BadPayload(f"not MessagePack: {exc}") from None
    if type(o) is not dict or o.get("v") != FORMAT:
        raise BadPayload("not a payload of this format version")
    try:
        if o.get("kind") == "facts":
            return _decode_facts(o) if checked else _decode_own_facts(o)
        if o.get("kind") == "extraction":
            return _decode_extraction(o)
    except (TypeError, ValueError, IndexError, KeyError, UnicodeError) as exc:
        raise BadPayload(f"malformed payload: {exc}") from None
    raise BadPayload("unknown kind")


def _need(ok: bool) -> None:
    if not ok:
        raise ValueError("wrong type")


def _strs(t) -> tuple[str, ...]:
    _need(type(t) is tuple and all(type(x) is str for x in t))
    return t


def _pairs(t) -> tuple[tuple[str, str], ...]:
    _need(type(t) is tuple and all(type(p) is tuple and len(p) == 2 and type(p[0]) is str and type(p[1]) is str
                                   for p in t))
    return t


def _int(x) -> int:
    _need(type(x) is int)
    return x


def _str(x) -> str:
    _need(type(x) is str)
    return x


def _doc(meta, text: str = "", sentences: tuple = (), raw: tuple = ()) -> Document:
    ident, path, title, date, outlet, url = meta
    _need(type(path) is bytes)
    return Document(id=_str(ident), path=os.fsdecode(path), text=text, sentences=sentences, title=_str(title),
                    date=_str(date), outlet=_str(outlet), url=_str(url), raw_offsets=raw)


_ONLY_STR = frozenset((str,))
_ONLY_INT = frozenset((int,))
_FIVE_INTS = (int,) * 5
_THREE_INTS = (int,) * 3


def _decode_facts(o: dict) -> ArticleFacts:
    # The checks are written out inline: this runs for every article of a warm build. Every string
    # is an index into the table: a bad one raises IndexError (a BadPayload).
    S = o["str"]
    _need(type(S) is tuple and set(map(type, S)) <= _ONLY_STR)
    E = Evidence
    g = S.__getitem__
    mentions = []
    add = mentions.append
    for k, t, s, a, at, e in o["m"]:
        _need(type(k) is int and type(t) is int and type(s) is tuple and type(a) is tuple and type(at) is tuple
              and type(e) is tuple and set(map(type, s)) <= _ONLY_INT and set(map(type, a)) <= _ONLY_INT
              and tuple(map(type, e)) == _FIVE_INTS)
        if at:
            _need(all(type(p) is tuple and len(p) == 2 and type(p[0]) is int and type(p[1]) is int for p in at))
            at = tuple((g(x), g(y)) for x, y in at)
        add((g(k), g(t), tuple(map(g, s)), tuple(map(g, a)), at, E(g(e[0]), g(e[1]), e[2], e[3], g(e[4]))))
    links = []
    add = links.append
    for src, r, t, e in o["l"]:
        _need(type(src) is int and type(r) is int and type(t) is int and type(e) is tuple
              and tuple(map(type, e)) == _FIVE_INTS)
        add((g(src), g(r), g(t), E(g(e[0]), g(e[1]), e[2], e[3], g(e[4]))))
    relevance = o.get("rel")
    if relevance is not None:
        from .relevance import Relevance
        relevance = Relevance.from_dict(relevance)      # ValueError (a BadPayload) on a bad shape
    return ArticleFacts(_doc(o["doc"]), tuple(mentions), tuple(links), relevance)


def _decode_own_facts(o: dict) -> ArticleFacts:
    """_decode_facts without the type checks: facts that `encode` made in this build."""
    g = o["str"].__getitem__
    E = Evidence
    mentions = tuple([(g(k), g(t), tuple(map(g, s)), tuple(map(g, a)),
                       tuple([(g(x), g(y)) for x, y in at]) if at else at, E(g(e[0]), g(e[1]), e[2], e[3], g(e[4])))
                      for k, t, s, a, at, e in o["m"]])
    links = tuple([(g(s), g(r), g(t), E(g(e[0]), g(e[1]), e[2], e[3], g(e[4]))) for s, r, t, e in o["l"]])
    relevance = o.get("rel")
    if relevance is not None:
        from .relevance import Relevance
        relevance = Relevance.from_dict(relevance, checked=False)
    return ArticleFacts(_doc(o["doc"]), mentions, links, relevance)


def _decode_extraction(o: dict) -> Extraction:
    raw = o["raw"]
    _need(type(raw) is tuple and all(type(i) is int for i in raw))
    sentences = tuple(Sentence(_int(i), _int(s), _int(e), _str(t)) for i, s, e, t in o["sent"])
    doc = _doc(o["doc"], _str(o["text"]), sentences, raw)
    men = tuple(Mention(_str(d), _int(s), _int(a), _int(b), _str(t), _str(ty), _str(r), _str(k), _pairs(at))
                for d, s, a, b, t, ty, r, k, at in o["men"])

    def m(i) -> Mention:
        _need(type(i) is int and i >= 0)
        return men[i]

    mentions = tuple(m(i) for i in o["mi"])
    relations = tuple(RelationMention(m(s), _str(r), m(t), _str(rule), _int(sentence))
                      for s, r, t, rule, sentence in o["rel"])
    return Extraction(doc, mentions, relations)
