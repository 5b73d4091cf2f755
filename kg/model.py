"""Frozen records that flow one way: Document -> Mention -> Entity/Relation (with Evidence)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .text import norm_key

if TYPE_CHECKING:
    from .relevance import Relevance

ENTITY_TYPES = ("Organization", "Country", "Agreement", "Event", "Person", "Location")
RELATIONS = ("partOf", "country", "basedIn", "organized", "participatedIn", "cooperatesWith", "funded",
             "partyTo", "memberOf", "heldIn", "underFramework", "holdsPosition")
SYMMETRIC_RELATIONS = frozenset({"cooperatesWith"})


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document; `start`/`end` index the NFC text."""
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """An article: NFC text, its sentences, and a map from NFC offsets back to the raw file text."""
    id: str
    path: str
    text: str
    sentences: tuple[Sentence, ...]
    title: str = ""
    date: str = ""          # ISO 8601 (YYYY-MM-DD) or "" when the article states none
    outlet: str = ""
    url: str = ""
    raw_offsets: tuple[int, ...] = ()   # raw_offsets[i] = raw index of NFC char i; len = len(text)+1

    def raw_offset(self, i: int) -> int:
        """Character offset in the raw (decoded, un-normalised) file for NFC offset `i`."""
        return self.raw_offsets[i] if self.raw_offsets else i


class Evidence(NamedTuple):
    """Where a node or link comes from: article, sentence text, raw character offsets, rule id.
    (An immutable named tuple rather than a dataclass: a 10,000-article build makes ~300,000 of
    them and ships them between processes; tuples pickle and unpickle several times faster.)"""
    doc: str
    sentence: str
    start: int
    end: int
    rule: str

    def as_dict(self) -> dict:
        return {"doc": self.doc, "sentence": self.sentence, "start": self.start,
                "end": self.end, "rule": self.rule}


@dataclass(frozen=True)
class Mention:
    """A span of a sentence that names an entity. `key` is a gazetteer id when one matched."""
    doc: str
    sentence: int           # sentence index in the document
    start: int              # NFC offsets into Document.text
    end: int
    text: str
    type: str
    rule: str
    key: str = ""           # gazetteer id, or "" for pattern-found names
    attrs: tuple[tuple[str, str], ...] = ()   # e.g. (("country", "viet-nam"), ("date", "2024-07-10"))

    def __init__(self, doc: str, sentence: int, start: int, end: int, text: str, type: str, rule: str,
                 key: str = "", attrs: tuple[tuple[str, str], ...] = ()):
        # (the fields in their order, as the generated __init__ would take them: a frozen dataclass's own
        # __init__ sets each field through object.__setattr__, a slow call; an article makes ~25 mentions)
        # (and the attributes as a dict, read by attr: an article asks ~300 times; not a field, so not compared,
        # hashed or shown; the first value of a repeated attribute wins, as it always has)
        self.__dict__.update(doc=doc, sentence=sentence, start=start, end=end, text=text, type=type, rule=rule,
                             key=key, attrs=attrs, _by_name=dict(reversed(attrs)) if attrs else _NO_ATTRS)

    def attr(self, name: str, default: str = "") -> str:
        return self._by_name.get(name, default)

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k != "_by_name"}

    def __setstate__(self, state):
        Mention.__init__(self, **state)


_NO_ATTRS: dict[str, str] = {}


def replace(obj, **changes):
    """dataclasses.replace(obj, **changes); a Mention's fields are its instance dict (Mention.__init__), so
    it is made again from that dict without dataclasses.replace's walk over the fields' metadata."""
    if type(obj) is Mention:
        fields = {**obj.__dict__, **changes}
        del fields["_by_name"]
        return Mention(**fields)
    return dataclasses.replace(obj, **changes)


@dataclass(frozen=True)
class RelationMention:
    """A link stated in one sentence between two mentions (before resolution). `sentence` is where
    the link is stated (-1: the source's sentence); an end may be named elsewhere (the article's event)."""
    source: Mention
    relation: str
    target: Mention
    rule: str
    sentence: int = -1


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document: picklable, cacheable, merged later."""
    doc: Document
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]


# One mention as resolution needs it: (provisional key, type, surface forms, alias keys it
# declares, kept attributes in order, evidence). Plain tuples: a 10,000-article corpus has ~500,000.
MentionFact = tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...], Evidence]
# One link: (source key, relation, target key, evidence).
LinkFact = tuple[str, str, str, Evidence]


@dataclass(frozen=True)
class ArticleFacts:
    """One article's Extraction reduced to what resolution needs (see resolve.summarize): made where
    the article was extracted, so the build process never holds texts, sentences or Mentions."""
    doc: Document                       # metadata only: text, sentences and offsets dropped
    mentions: tuple[MentionFact, ...]
    links: tuple[LinkFact, ...]
    relevance: Relevance | None = None  # on or off topic, judged on the full text (kg/relevance.py)


@dataclass(frozen=True)
class Entity:
    """One real-world thing across the corpus."""
    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Relation:
    source: str
    relation: str
    target: str
    evidence: tuple[Evidence, ...] = field(default=())


# The same few thousand names recur in every article: normalise each spelling once.
_norm_key = lru_cache(maxsize=1 << 18)(norm_key)


def mention_key(m: Mention) -> str:
    """Provisional identity of a mention before merging."""
    if m.key:
        return m.key
    attrs = m._by_name                     # (the first value of a repeated attribute wins)
    if not attrs:
        return f"{m.type}|{_norm_key(m.text)}"
    ref, identity = attrs.get("ref"), attrs.get("identity")
    bare, local = attrs.get("bare"), attrs.get("local")
    name, canonical = attrs.get("name"), attrs.get("canonical")
    if ref:                                # anaphoric reference resolved by the extractor
        return ref
    if identity:                           # the name with its abbreviations spelled out (see entities)
        return f"{m.type}|{identity}"
    if m.type == "Event" and bare:
        return f"{m.type}|{m.doc}|{_norm_key(m.text)}"
    if m.type == "Event" and local:        # an event told by a verb: one per article, merged by resolve
        return f"{m.type}|{m.doc}|{_norm_key(canonical or m.text)}"
    if m.type == "Person":
        return f"Person|{_norm_key(name or m.text)}"
    return f"{m.type}|{_norm_key(canonical or m.text)}"
