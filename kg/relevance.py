"""Is an article about action against trafficking in persons? A rule-based score that explains itself.

The cues and their weights are data (rules/topic.tsv, rules/topic_settings.tsv; rules/README.md,
"Topic"). Every sentence that names trafficking (a `topic` cue, or a `sale` cue beside a `person`)
scores its best cue's weight times the weight of where it stands (title, lead, body), provided an
`action` cue (a body preventing, investigating, rescuing, prosecuting, cooperating …) stands in it
or within `window` sentences of it. The article is on topic when the sum reaches `threshold`.
The decision keeps the cues that made the score, so a researcher can always see why.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
import ahocorasick

from .model import Document
from .rules import Rules, cue_words

# Joins the units before they are normalised in one pass, then splits them again: a letter that
# no Vietnamese or English text uses (an article that does is normalised unit by unit).
_UNIT = "\ua66e"
# Punctuation read as a space between words (str.replace is ten times faster than a regex here).
PUNCTUATION = tuple("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r\xa0«»‘’‚“”„–—―…•·′″‹›")
SEPARATOR = " | "            # between two units of the matched text: no cue spans it
MAX_EXPLAINED = 3            # hits named in a decision's reason


@dataclass(frozen=True)
class Hit:
    """One sentence's contribution: its best topic cue, the action cue beside it, where, how much."""
    zone: str            # title, lead or body
    sentence: int        # index into the article's sentences (-1: the title from the manifest)
    cue: str             # the topic (or sale) cue's phrase as written in topic.tsv
    rule: str            # its rule id
    action: str          # the action cue's phrase, "" when none stands near
    points: float

    def as_dict(self) -> dict:
        return {"zone": self.zone, "sentence": self.sentence, "cue": self.cue, "rule": self.rule,
                "action": self.action, "points": self.points}


@dataclass(frozen=True)
class Relevance:
    """An article's relevance decision: on or off topic, its score, the threshold it was held to,
    the hits that made the score (best first) and a one-line reason."""
    on_topic: bool
    score: float
    threshold: float
    hits: tuple[Hit, ...] = ()
    reason: str = ""

    def as_dict(self) -> dict:
        return {"on_topic": self.on_topic, "score": self.score, "threshold": self.threshold,
                "reason": self.reason, "hits": [h.as_dict() for h in self.hits]}

    @classmethod
    def from_dict(cls, d, checked: bool = True) -> "Relevance":
        """The decision from `as_dict`'s plain data (a cache entry, a message), its shape checked:
        anything else raises ValueError. `checked=False`: data this build's own worker just made."""
        if not checked:
            return cls(d["on_topic"], float(d["score"]), float(d["threshold"]),
                       tuple([Hit(h["zone"], h["sentence"], h["cue"], h["rule"], h["action"], float(h["points"]))
                              for h in d["hits"]]), d["reason"])

        def need(ok: bool) -> None:
            if not ok:
                raise ValueError("not a relevance record")
        need(isinstance(d, dict) and type(d.get("on_topic")) is bool and isinstance(d.get("reason"), str)
             and all(type(d.get(k)) in (int, float) for k in ("score", "threshold"))
             and isinstance(d.get("hits"), (list, tuple)))
        hits = []
        for h in d["hits"]:
            need(isinstance(h, dict) and all(isinstance(h.get(k), str) for k in ("zone", "cue", "rule", "action"))
                 and type(h.get("sentence")) is int and type(h.get("points")) in (int, float))
            hits.append(Hit(h["zone"], h["sentence"], h["cue"], h["rule"], h["action"], float(h["points"])))
        return cls(d["on_topic"], float(d["score"]), float(d["threshold"]), tuple(hits), d["reason"])


def on_topic(rel: Relevance | None) -> bool:
    """Whether an article belongs in the default (on-topic) graph; unjudged articles do."""
    return rel is None or rel.on_topic


@dataclass(frozen=True)
class Topic:
    """topic.tsv and topic_settings.tsv compiled, and the settings. Two automata: the topic and sale
    cues (most articles have none, and need no more), then the action and person cues."""
    name: str
    threshold: float
    zone_weight: dict[str, float]
    lead_sentences: int
    window: int
    unacted: float
    naming: object = field(repr=False, default=None)      # topic, sale and mask cues
    acting: object = field(repr=False, default=None)      # action, person and mask cues
    prefilter: object = field(repr=False, default=None)   # the first two words of every topic and sale cue


_CACHE: dict[str, Topic | None] = {}


def compile_topic(rules: Rules) -> Topic | None:
    """The compiled topic of a rule set (None when it has no topic.tsv), built once per digest."""
    if not rules.digest:
        return _compile(rules)
    if rules.digest not in _CACHE:
        _CACHE[rules.digest] = _compile(rules)
    return _CACHE[rules.digest]


def _compile(rules: Rules) -> Topic | None:
    cues = rules.table("topic.tsv")
    settings = {r.id: r["value"] for r in rules.table("topic_settings.tsv")}
    if not cues or not settings:
        return None
    naming, acting, prefilter = ahocorasick.Automaton(), ahocorasick.Automaton(), ahocorasick.Automaton()
    for r in cues:
        if r["kind"] in ("topic", "sale"):
            for key in _prefilter_keys(cue_words(r["cue"])):
                prefilter.add_word(key, True)
        words = cue_words(r["cue"])
        weight = float(r["weight"]) if r["weight"] else 0.0
        value = (r["kind"], len(words) + 2, r["cue"], r.id, weight)
        for A, kinds in ((naming, ("topic", "sale", "mask")), (acting, ("action", "person", "mask"))):
            if r["kind"] in kinds:
                A.add_word(f" {words} ", value)
    for A in (naming, acting, prefilter):
        if len(A):
            A.make_automaton()
    return Topic(name=settings["name"], threshold=float(settings["threshold"]),
                 zone_weight={z: float(settings[z]) for z in ("title", "lead", "body")},
                 lead_sentences=int(float(settings["lead_sentences"])), window=int(float(settings["window"])),
                 unacted=float(settings["unacted"]), naming=naming, acting=acting, prefilter=prefilter)


# Between two words of a cue the prefilter allows these (the matcher itself allows any run of
# punctuation and spaces): real text writes a cue's words as a phrase, and tests/test_relevance.py
# checks on real news that the prefilter lets through every article the matcher finds a cue in.
PREFILTER_GAPS = (" ", "  ", ", ", ",", "-", " - ", "–", " – ")
PREFILTER_MAX_KEYS = 600          # a long cue varies its first gaps only


def _prefilter_keys(words: str) -> list[str]:
    """The forms of a cue in lower-cased raw text (one of them is there when the cue is)."""
    keys = [""]
    for k, w in enumerate(words.split(" ")):
        if k == 0:
            keys = [w]
        elif len(keys) * len(PREFILTER_GAPS) <= PREFILTER_MAX_KEYS:
            keys = [key + gap + w for key in keys for gap in PREFILTER_GAPS]
        else:
            keys = [key + " " + w for key in keys]
    return keys


def article_units(doc: Document, lead_sentences: int) -> list[tuple[str, int, str]]:
    """(zone, sentence index, text) of the title and every sentence: the first sentence is the
    title when it repeats it; otherwise the manifest's title comes first, as sentence -1."""
    units: list[tuple[str, int, str]] = []
    sentences = list(doc.sentences)
    title = " ".join(doc.title.split())
    if sentences and title and " ".join(sentences[0].text.split()) == title:
        units.append(("title", sentences[0].index, sentences[0].text))
        sentences = sentences[1:]
    elif title:
        units.append(("title", -1, title))
    for k, s in enumerate(sentences):
        units.append(("lead" if k < lead_sentences else "body", s.index, s.text))
    return units


def judge(doc: Document, topic: Topic | None) -> Relevance | None:
    """The relevance decision for one article (pure; runs where the article is extracted); None
    when the rules have no topic (every article is then kept)."""
    if topic is None:
        return None
    units = article_units(doc, topic.lead_sentences)
    lowered = _UNIT.join(t for _, _, t in units).lower()
    if not _may_name(topic, lowered):
        return _nothing_named(topic)
    joined, starts = _normalized(lowered, units)
    named_cues = _cues(topic.naming, joined, starts)
    topics, sales = named_cues.get("topic", {}), named_cues.get("sale", {})   # unit -> [(start, end, cue)]
    if not topics and not sales:
        return _nothing_named(topic)
    acting_cues = _cues(topic.acting, joined, starts)
    actions, persons = acting_cues.get("action", {}), acting_cues.get("person", {})
    hits: list[tuple[float, int, Hit]] = []
    named: list[tuple[str, str]] = []           # (zone, cue) of topic cues with no action near
    for u in sorted(set(topics) | (set(sales) & persons.keys())):
        start, end, v = min(topics.get(u, []) + (sales.get(u, []) if u in persons else []),
                            key=lambda c: (-c[2][4], c[0]))        # heaviest cue, first on ties
        _, _, cue, rule, weight = v
        zone, index, _ = units[u]
        action = _action_near(actions, u, start, end, topic.window)
        points = round(weight * topic.zone_weight[zone] * (1.0 if action else topic.unacted), 4)
        if not action:
            named.append((zone, cue))
        if points > 0:
            hits.append((points, u, Hit(zone, index, cue, rule, action, points)))
    score = round(sum(p for p, _, _ in hits), 4)
    ranked = tuple(h for _, _, h in sorted(hits, key=lambda x: (-x[0], x[1])))
    decided = score >= topic.threshold and score > 0
    return Relevance(decided, score, topic.threshold, ranked, _reason(decided, score, topic.threshold, ranked, named))


def _nothing_named(topic: Topic) -> Relevance:
    return Relevance(False, 0.0, topic.threshold, (), _reason(False, 0.0, topic.threshold, (), []))


def _may_name(topic: Topic, lowered: str) -> bool:
    """A cheap first look at the raw lower-cased text: can the article name trafficking at all?
    Most news cannot, and is done with in microseconds instead of being normalised and matched."""
    if not len(topic.prefilter):
        return False
    for _ in topic.prefilter.iter(lowered):
        return True
    return False


def _normalized(lowered: str, units: list[tuple[str, int, str]]) -> tuple[str, list[int]]:
    """The units' words (from their lower-cased join), one space between words and SEPARATOR between
    units, so cues are matched as whole words with punctuation ignored; and where each unit starts."""
    parts = _words(lowered).split(_UNIT)
    if len(parts) != len(units):                     # the article itself uses the joining letter
        parts = [_words(t.lower()) for _, _, t in units]
    parts = [p.strip() for p in parts]
    starts, pos = [], 1
    for p in parts:
        starts.append(pos)
        pos += len(p) + len(SEPARATOR)
    return " " + SEPARATOR.join(parts) + " ", starts


def _words(text: str) -> str:
    """Punctuation as spaces, one space between words (the text is lower-cased already)."""
    for c in PUNCTUATION:
        if c in text:
            text = text.replace(c, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _cues(automaton, joined: str, starts: list[int]) -> dict[str, dict[int, list]]:
    """kind -> unit -> [(start, end, cue entry)] of every cue of the automaton in the text, except
    those inside a mask cue."""
    if not len(automaton):
        return {}
    found = list(automaton.iter(joined))
    masks = [(end - v[1] + 1, end) for end, v in found if v[0] == "mask"]
    out: dict[str, dict[int, list]] = {}
    for end, v in found:
        kind = v[0]
        if kind == "mask":
            continue
        start = end - v[1] + 1
        if masks and any(ms <= start and end <= me for ms, me in masks):
            continue
        unit = bisect.bisect_right(starts, start + 1) - 1
        by_unit = out.get(kind)
        if by_unit is None:
            by_unit = out[kind] = {}
        cues = by_unit.get(unit)
        if cues is None:
            by_unit[unit] = [(start, end, v)]
        else:
            cues.append((start, end, v))
    return out


def _action_near(actions: dict[int, list], u: int, start: int, end: int, window: int) -> str:
    """The action cue that makes unit u's topic cue (at start..end) count: the nearest one in the
    unit itself (the longer on ties: "phòng, chống" before "chống"), else the first one of the
    nearest unit within `window` (the earlier unit on ties); "" when none."""
    own = actions.get(u)
    if own:
        best, key = "", None
        for a_start, a_end, v in own:
            k = (max(a_start - end, start - a_end, 0), a_start - a_end, a_start)
            if key is None or k < key:
                best, key = v[2], k
        return best
    for d in range(1, window + 1):
        for j in (u - d, u + d):
            if actions.get(j):
                return min(actions[j])[2][2]
    return ""


def _fmt(x: float) -> str:
    return f"{x:g}"


def _reason(decided: bool, score: float, threshold: float, hits: tuple[Hit, ...],
            named: list[tuple[str, str]]) -> str:
    """One line: the score against the threshold and the hits that made it (or what was missing)."""
    head = f"score {_fmt(score)} {'>=' if decided else '<'} {_fmt(threshold)}"
    if hits:
        shown = "; ".join(f"{h.zone}: '{h.cue}' + '{h.action}' ({_fmt(h.points)})" if h.action
                          else f"{h.zone}: '{h.cue}' ({_fmt(h.points)})" for h in hits[:MAX_EXPLAINED])
        more = f"; {len(hits) - MAX_EXPLAINED} more" if len(hits) > MAX_EXPLAINED else ""
        text = f"{head}: {shown}{more}"
        if not decided and named:
            text += f"; trafficking named without a body acting on it {len(named)} time(s)"
        return text
    if named:
        zone, cue = named[0]
        return f"{head}: trafficking named ('{cue}', {zone}) but no body acts on it nearby"
    return f"{head}: no trafficking cue"
