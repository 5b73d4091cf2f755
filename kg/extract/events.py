"""Event mentions, as news prose tells events:
- named by a head noun and a title ("Hội thảo tập huấn về …", "hội thảo “…”", "hội nghị thường
  niên …", "cuộc đối thoại với … ngày 17/5");
- told by a verb: police operations, rescues and handovers ("Đồn Biên phòng X triệt phá đường dây …",
  "… tiếp nhận 11 nạn nhân …", "11 nạn nhân … đã trở về"), visits ("Phó Thủ tướng X thăm chính
  thức Malaysia", "chuyến thăm của Thủ tướng X tới Nhật Bản") and talks ("A hội đàm với B");
and the article-level glue: which mentions are one event, references back to the article's main
event ("Hội nghị", "buổi lễ"), each event's date and place. The words come from rules/events.tsv;
event heads from rules/heads.tsv.

An event told by a verb is a mention whose span is its trigger (the verb, "chuyến thăm"), so that
the bodies and persons of the clause stay top-level mentions for the relation rules; its name
(attribute `canonical`) is built from the clause, and the clause as written is an alias."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain, compress, count, repeat
from operator import itemgetter
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from ..model import Document, Mention, RelationMention, mention_key, replace
from ..text import norm_key
from . import entities as _e
from ..rules import EVENT_GROUPS
from .lexicon import Lexicon, document_form, lowered as lowered_doc, lowered_part, match_form

ACTOR_TYPES = ("Person", "Organization", "Country")
SEP = "§"          # between the parts of an event's identity (mention keys contain "|")
_NUMBER = re.compile(r"^\d+$")
_NUMBER_WORDS = frozenset("một hai ba bốn năm sáu bảy tám chín mười mươi trăm nghìn".split())
_NEGATIONS = frozenset(("chưa", "không", "chẳng"))
_MONTH_YEAR_AFTER = re.compile(r"\s*[Tt]háng \d{1,2}\s*[-/]\s*\d{4}")   # "… tháng 8-2017": a time adjunct


# --- the rules of events.tsv, compiled once per rule set ----------------------------------

@dataclass
class EventRules:
    """events.tsv by kind: first word (lower case) -> [(words, class, rule id)], longest first."""
    phrases: dict[str, dict[str, list[tuple[tuple[str, ...], str, str]]]] = field(default_factory=dict)
    templates: dict[str, tuple[str, str]] = field(default_factory=dict)     # class -> (template, rule id)
    first_words: dict[str, frozenset[str]] = field(default_factory=dict)   # kind -> its first words
    triggers: object = None                         # automaton of the phrases that may tell an event by a verb
    frames: re.Pattern = re.compile(r"(?!)")       # forum frames ("các diễn đàn")
    helper: re.Pattern = re.compile(r"(?!)")       # "sự phối hợp (chặt chẽ) của …" up to the body after it
    home_keys: frozenset[str] | None = None         # gazetteer ids of the home country (events.tsv home)
    reports: tuple[str, ...] = ()                   # date phrases of class report ("cho biết") and flashback
    flashbacks: tuple[str, ...] = ()                # ("Trước đó"), lower case
    plain: frozenset[str] = frozenset()             # titles of address (events.tsv plain), lower case
    purpose_heads: frozenset[str] = frozenset()     # event nouns an aim after them names (events.tsv purpose)
    generic_words: tuple[str, ...] = ()             # nouns of a kind of work (events.tsv generic: "công tác")
    object_starts: frozenset[str] = frozenset()     # first words of operation objects, numbers and manners
    visit_starts: frozenset[str] = frozenset()      # first words of visit details and host words
    meet_starts: frozenset[str] = frozenset()       # actors' first words, "giữa", "với", manner words ("cuộc gặp
    # giữa A và B", "cuộc gặp lần trước giữa …")
    forum_heads: tuple[tuple[tuple[str, ...], str], ...] = ()   # (words, rule id) of the forum heads (class head)
    forum_frame_rule: str = ""                      # the rule id of the first forum frame


_COMPILED: dict[str, EventRules] = {}
_CALLS = ("reception", "meet")         # verbs with the other side right after them ("tiếp X", "gặp X")
# kinds whose trigger opens its sentence to the scanners only when what follows it can give an event
# (_may_tell_event; meetings by their sentence, _frame_events)
_SCREENED = frozenset({"reception", "meet", "operation", "meeting", "visit", "transfer"})
# (an operation verb told in the passive with its agent before it, "được <body> giải cứu", has its object before)
_PASSIVE_BEFORE = re.compile(r"(?<!\w)(?:được|bị) ")


def event_rules(lex: Lexicon) -> EventRules:
    rules = _COMPILED.get(lex.rules.digest)
    if rules is None:
        rules = _COMPILED[lex.rules.digest] = _compile(lex)
    return rules


def _compile(lex: Lexicon) -> EventRules:
    er = EventRules()
    for r in lex.rules.table("events.tsv"):
        rid = f"{r.file}:{r.line}"
        if r["kind"] == "name":
            er.templates.setdefault(r["class"], (r["phrase"], rid))
            continue
        words = tuple(r["phrase"].lower().split())
        er.phrases.setdefault(r["kind"], {}).setdefault(words[0], []).append((words, r["class"], rid))
    # persons.tsv titles and posts open an actor's phrase too ("Thượng tướng Tô Lâm", "Bộ trưởng …")
    for word in (*lex.titles, *lex.posts):
        words = tuple(word.lower().split())
        er.phrases.setdefault("actor", {}).setdefault(words[0], []).append((words, "title", "persons.tsv"))
    for by_first in er.phrases.values():
        for items in by_first.values():
            items.sort(key=lambda p: -len(p[0]))
    er.first_words = {kind: frozenset(by_first) for kind, by_first in er.phrases.items()}
    er.triggers = ahocorasick.Automaton()
    for kind in ("operation", "outcome", "visit", "visit-noun", "talks", "reception", "meet", "meeting", "transfer"):
        for items in er.phrases.get(kind, {}).values():
            for words, _, _ in items:
                phrase = " ".join(words)
                screened = kind in _SCREENED     # (a phrase of two kinds keeps an unscreened kind's)
                if not er.triggers.exists(phrase) or not screened:
                    er.triggers.add_word(phrase, (len(phrase), kind if screened else None))
    er.triggers.make_automaton()
    er.frames = _any_of(er, ("forum",), "frame")
    er.forum_heads = tuple((words, rid) for items in er.phrases.get("forum", {}).values() for words, cls, rid in items
                           if cls == "head")
    er.forum_frame_rule = next((rid for items in er.phrases.get("forum", {}).values() for _, cls, rid in items
                                if cls == "frame"), "")
    er.purpose_heads = frozenset(" ".join(w) for items in er.phrases.get("purpose", {}).values() for w, _, _ in items)
    helpers = _any_of(er, ("helper",)).pattern
    # "với sự phối hợp của C" (with C's help), "với sự phối hợp với C" (working with C): C helps, another body leads
    er.helper = re.compile(helpers[:-len(r"(?!\w)")] + r"(?:\s+\w+){0,2}\s+(?:của|với)\s+[^,;]*$")
    dates = [(" ".join(w), c) for items in er.phrases.get("date", {}).values() for w, c, _ in items]
    er.reports = tuple(p for p, c in dates if c == "report")
    er.flashbacks = tuple(p for p, c in dates if c == "flashback")
    er.plain = frozenset(" ".join(w) for items in er.phrases.get("plain", {}).values() for w, _, _ in items)
    er.generic_words = tuple(" ".join(w) for items in er.phrases.get("generic", {}).values() for w, _, _ in items)
    er.object_starts = er.first_words.get("object", frozenset()) | er.first_words.get("manner", frozenset()) \
        | _NUMBER_WORDS | er.first_words.get("actor", frozenset())   # (a suspect named with a title: "ông X")
    er.visit_starts = er.first_words.get("visit-detail", frozenset()) | er.first_words.get("host", frozenset())
    er.meet_starts = er.first_words.get("actor", frozenset()) | er.first_words.get("between", frozenset()) \
        | er.first_words.get("partner", frozenset()) | er.first_words.get("manner", frozenset())
    return er


def _any_of(er: EventRules, kinds: tuple[str, ...], cls: str | None = None) -> re.Pattern:
    """One regex for the phrases of `kinds` (of class `cls`), whole words, over lower-case text."""
    phrases = sorted({" ".join(w) for k in kinds for items in er.phrases.get(k, {}).values()
                      for w, c, _ in items if cls is None or c == cls}, key=lambda p: (-len(p), p))
    alts = "|".join(_word_start(p) for p in phrases)
    return re.compile(rf"(?:{alts})(?!\w)" if alts else r"(?!)")


def _word_start(phrase: str) -> str:
    """`phrase` as a regex that starts a word: its words joined by any white space, and no word
    character before it. That test stands after the first character, not before it: a regex that
    opens with literal characters is searched by looking for them (fast), one that opens with a
    look-behind is tried at every position of the text."""
    body = r"\s+".join(map(re.escape, phrase.split()))
    first = re.escape(phrase[0])
    return first + r"(?<!\w[\s\S])" + body[len(first):]


# --- one sentence, with its mentions -------------------------------------------------------

def _starting(ctx: "_Ctx", kind: str):
    """The word indices of the sentence where a `kind` phrase may start (its first word is there)."""
    return compress(count(), map(ctx.er.first_words.get(kind, frozenset()).__contains__, ctx.lower))


class _Ctx:
    """A sentence for the event scanners: its words, lower-case words and the mentions in it."""

    def __init__(self, doc: Document, si: int, mentions: list[Mention], lex: Lexicon, er: EventRules):
        self.doc, self.si, self.lex, self.er = doc, si, lex, er
        sent = doc.sentences[si]
        self.base = sent.start
        self.s = _e.sentence_of(doc, si)
        self.text = sent.text
        self.words = self.s.words
        self.lower = list(map(str.lower, self.s.tokens))
        self.n = len(self.words)
        self.mentions = sorted((m for m in mentions if m.sentence == si), key=lambda m: (m.start, -m.end))
        self.word_at = dict(zip(map(itemgetter(0), self.words), count()))       # start -> word index
        self.word_ending = dict(zip(map(itemgetter(1), self.words), count()))   # end -> word index
        self.starts: dict[int, Mention] = {}           # word index -> longest actor/place mention there
        for m in self.mentions:
            if m.type in ACTOR_TYPES + ("Location",) and not dict(m.attrs).get("distributed"):
                i = self.word_at.get(m.start - self.base)
                if i is not None and (i not in self.starts or m.end > self.starts[i].end):
                    self.starts[i] = m

    def gap(self, k: int) -> str:
        return self.s.gap(k)

    def match(self, k: int, kind: str):
        """(number of words, class, rule id) of the longest `kind` phrase at word k, or None."""
        if k >= self.n:
            return None
        lower = self.lower
        for words, cls, rid in self.er.phrases.get(kind, {}).get(lower[k], ()):   # (each starts with lower[k])
            size = len(words)
            if size == 1:
                return 1, cls, rid
            if k + size <= self.n and tuple(lower[k + 1:k + size]) == words[1:] \
                    and all(g == " " for g in self.s.gaps[k + 1:k + size]):
                return size, cls, rid
        return None

    def match_end(self, k: int, kind: str):
        """The longest `kind` phrase ending just before word k: (its first word, class, rule id)."""
        best = None
        for j in range(max(0, k - 5), k):
            hit = self.match(j, kind)
            if hit and j + hit[0] == k and (best is None or j < best[0]):
                best = (j, hit[1], hit[2])
        return best

    def after_mention(self, m: Mention) -> int:
        """Index of the first word after mention m."""
        end = m.end - self.base
        k = self.word_ending.get(end)
        if k is not None:
            return k + 1
        return next((i for i, w in enumerate(self.words) if w[0] >= end), self.n)

    def span(self, a: int, b: int) -> str:
        """Text of words a .. b-1."""
        return self.text[self.words[a][0]:self.words[b - 1][1]]

    def mention(self, a: int, b: int, rule: str, attrs: dict) -> Mention:
        """An Event mention over words a .. b-1 (its trigger); `attrs` as built by the scanner."""
        ws, we = self.words[a][0], self.words[b - 1][1]
        return Mention(self.doc.id, self.si, self.base + ws, self.base + we, self.text[ws:we], "Event", rule,
                       attrs=tuple(sorted((k, v) for k, v in attrs.items() if v)))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(er: EventRules, cls: str, **slots: str) -> str:
    """A name from the `cls` template of events.tsv: [ … ] segments whose slot is empty drop out."""
    template, _ = er.templates.get(cls, ("", ""))

    def optional(m: re.Match) -> str:
        inner = m.group(1)
        names = re.findall(r"\{(\w+)\}", inner)
        return inner if all(slots.get(n) for n in names) else ""
    text = re.sub(r"\[([^\]]*)\]", optional, template)
    return re.sub(r"\{(\w+)\}", lambda m: slots.get(m.group(1), ""), text).strip()


# --- actors: the visitor, the sides of talks, the body that acts --------------------------

_SPACES = (" ", "-", " - ", " – ")


@dataclass(frozen=True)
class _Actor:
    start: int          # word index
    end: int            # word index, exclusive
    key: str            # identity: a person's name, else a body's or country's mention key
    named: bool         # gives a person's name ("Thượng tướng Tô Lâm", "Phó Thủ tướng Hamidi")
    state: bool         # a head of state or government, who acts for a country ("Thủ tướng …")
    complete: bool      # names someone: a person, a leader ("Nhật hoàng"), a body, a country, a
                        # delegation of a body; not a bare "Đoàn", "Phu nhân" or "Trưởng đoàn"
    delegation: bool    # opens with a delegation word ("Đoàn đại biểu cấp cao …")
    foreign: bool = False   # names a country no mention covers ("Thủ tướng Lào Thongloun Sisoulith")
    person: bool = False    # names a person found as such ("Thủ tướng Mark Rutte"; not "Chủ tịch Thượng viện")
    official: bool = False  # speaks for a state or a body: a leader's title, a delegation, a body or a country
    # named in it, or a post in apposition after the name ("ông X, Chủ tịch UBND tỉnh Y"); not "ông X" alone
    posts_end: int = -1     # a person's name with posts in apposition after it: where they end
                            # ("Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an": the body he speaks for)
    for_country: bool = False   # opens with a title that acts for the country named in its phrase, and for
    # none when none is named ("Quốc vương Qatar X", "Ngoại trưởng Nhật Bản Y"; events.tsv class for-country)


_LEADING = ("leader", "state", "for-country")     # actor classes that speak for a state or a body


def _actor_forward(ctx: _Ctx, k: int, coordinate: str = "any") -> _Actor | None:
    """The phrase naming a person, delegation, body or country that starts at word k: titles and
    posts (events.tsv actor, persons.tsv), capitalised names, mentions ("Phó Thủ tướng Malaysia
    Ahmad Zahid Hamidi", "Đoàn đại biểu cấp cao Bộ Nội vụ Cộng hòa Slovakia"). A name is two
    capitalised words or more, or one after a title: a capitalised word alone ("Tháng", "Ngày")
    opens no actor. coordinate: "any" joins "A và B" ("Nhật hoàng và Hoàng hậu"), "companion" only
    "A và Phu nhân", "none" never."""
    start, end = k, None
    runs: list[str] = []
    run: list[str] = []
    run_from: int | None = None            # where the actor ended before the current run began
    named = leader = delegation = titled = state = for_country = False
    person_key = other_key = ""

    def close_run() -> bool:
        """End the current run of capitalised words; False (and the actor cut before it) when it
        cannot be a name: one word with no title before it."""
        nonlocal run, named, titled, end, other_key
        ok = not run or len(run) >= 2 or titled
        country = ctx.lex.country_suffix(" ".join(run)) if len(run) >= 2 else None
        if country is not None and not titled:  # "Cộng hòa Slovakia": a country, not a person
            other_key = "+".join(filter(None, (other_key, country[1])))
        elif run and ok:
            runs.append(" ".join(run))
            named = True
        elif run:
            end = run_from
        run = []
        titled = False
        return ok

    while k < ctx.n:
        if k > start and ctx.gap(k) not in _SPACES and not (
                ctx.gap(k) == ", " and end == k and titled and not (named or run or person_key or other_key or delegation)
                and ctx.match(k, "actor") is not None and _posts_reach_a_person(ctx, k)):
            break                              # (but "Phó Thủ tướng, Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng": a
            # chain of posts, comma by comma, before the one name they all belong to)
        m = ctx.starts.get(k)
        if m is not None and m.type == "Location" and titled and end == k and not run:
            k = end = ctx.after_mention(m)     # "Thống đốc tỉnh Kanagawa", "Thị trưởng Berlin": the post's place
            continue
        if m is not None and m.type != "Location":
            if not close_run():
                break
            if m.type == "Person":
                named = True
                person_key = person_key or (m.attr("name") or m.text)
                # a person named with a rank or a post speaks for his body ("Thứ trưởng X"); with a title of
                # address only ("ông X", events.tsv plain), for no one
                given = m.rule.removeprefix("persons.tsv:")
                leader |= given != m.rule and given.lower() not in ctx.er.plain
                title = ctx.match(k, "actor")          # "Phó Thủ tướng Trương Hòa Bình", title included
                if title is not None and ctx.words[k + title[0] - 1][1] <= m.end - ctx.base:
                    leader |= title[1] in _LEADING
                    state |= title[1] == "state" and k == start
                    for_country |= title[1] == "for-country" and k == start
            else:
                other_key = "+".join(filter(None, (other_key, mention_key(m))))
            k = end = ctx.after_mention(m)
            continue
        hit = ctx.match(k, "actor")
        if hit is not None:
            if not close_run():
                break
            n, cls, _ = hit
            leader |= cls in _LEADING
            state |= cls == "state" and k == start
            for_country |= cls == "for-country" and k == start
            delegation |= cls == "delegation" and k == start
            titled = True
            k += n
            end = k
            continue
        w = ctx.words[k][2]
        if _e._cap(w) and w.isalpha():
            if not run:
                run_from = end
            run.append(w)
            k += 1
            if titled and len(run) == 1 and _completes_noun(ctx, k, w):
                # "Chủ tịch Thượng viện": after a post, a capital that begins a noun, not a name
                run.append(ctx.words[k][2])
                k += 1
            # a lower-case syllable inside a name before its next capitalised word ("Cộng hòa Slovakia")
            while k + 1 < ctx.n and ctx.lower[k] in ctx.lex.name_words and ctx.gap(k) == " " \
                    and ctx.gap(k + 1) == " " and _e._cap(ctx.words[k + 1][2]):
                run += [ctx.words[k][2], ctx.words[k + 1][2]]
                k += 2
            end = k
            continue
        if end == k and k + 1 < ctx.n and (other_key or titled) and not (named or state or leader) \
                and ctx.lower[k] + " " in ctx.lex.place_marks and ctx.gap(k + 1) == " " \
                and (m2 := ctx.starts.get(k + 1)) is not None and m2.type in ("Country", "Location") \
                and (after := ctx.after_mention(m2)) < ctx.n and ctx.gap(after) == " " and _e._cap(ctx.words[after][2]):
            k = end = after                    # "Đại sứ Hoa Kỳ tại Việt Nam Daniel Kritenbrink": the envoy's seat, then
            continue                           # his name (but "Tổng thống Pháp tại Paris": where they met)
        if ctx.lower[k] == "của" and delegation and not other_key and k + 1 < ctx.n and end == k:
            m2 = ctx.starts.get(k + 1)         # "Đoàn công tác của VOV": the delegation's body
            if m2 is not None and m2.type in ("Organization", "Country"):
                k += 1
                continue
        joins = ctx.lower[k] in ctx.lex.and_words or ctx.lower[k] in ctx.er.phrases.get("with", {})
        if joins and coordinate != "none" and k + 1 < ctx.n and end == k:
            nxt = ctx.match(k + 1, "actor")
            # "Thủ tướng X và Phu nhân cùng Đoàn đại biểu cấp cao …": who comes with the named visitor
            with_visitor = nxt and (nxt[1] == "companion" or (nxt[1] == "delegation" and (named or runs or run)))
            if coordinate == "companion" and not with_visitor:
                break
            if nxt or (coordinate == "any" and _e._cap(ctx.words[k + 1][2])):
                if not close_run():
                    break
                k += 1
                continue
        break
    close_run()
    if end is None or end <= start:
        return None
    if person_key:
        key = "Person|" + norm_key(_strip_country(ctx, person_key))
    elif runs:
        key = "Person|" + norm_key(_strip_country(ctx, runs[0]))
    elif other_key:
        key = ("delegation|" if delegation else "") + other_key
    else:
        key = "|" + norm_key(ctx.span(start, end))
    complete = named or leader or bool(other_key)
    foreign = any(_strip_country(ctx, r) != r for r in (*runs, person_key))   # "Thủ tướng Lào Thongloun …"
    return _Actor(start, end, key, named, state, complete, delegation, foreign, person=bool(person_key),
                  official=leader or state or delegation or bool(other_key), for_country=for_country)


def _posts_reach_a_person(ctx: _Ctx, k: int) -> bool:
    """Do the posts from word k run on to a person's name before the next comma ("…, Bộ trưởng Bộ Nội vụ
    Campuchia Samdech Sar Kheng")?"""
    for x in range(k, min(k + 16, ctx.n)):
        if x > k and ctx.gap(x) not in _SPACES:
            return False
        m = ctx.starts.get(x)
        if m is not None and m.type == "Person":
            return True
    return False


def _completes_noun(ctx: _Ctx, k: int, w: str) -> bool:
    """Does the lower-case syllable at word k complete a noun begun by the capital w ("Thượng" + "viện"), and
    start no word with the syllable after it ("Thành công bố": "công bố", announced)?"""
    if k >= ctx.n or ctx.gap(k) != " " or not ctx.lower[k].isalpha() or ctx.words[k][2] != ctx.lower[k]:
        return False
    word = f"{w.lower()} {ctx.lower[k]}"
    if word not in ctx.lex.compounds or ctx.lex.word_class.get(word) in ("verb", "adjective", "adverb", "mixed"):
        return False
    return not (k + 1 < ctx.n and ctx.gap(k + 1) == " " and f"{ctx.lower[k]} {ctx.lower[k + 1]}" in ctx.lex.compounds)


def _strip_country(ctx: _Ctx, name: str) -> str:
    """"Nhật Bản Shinzo Abe" -> "Shinzo Abe": a country named before a foreign leader's name."""
    for a, b, (_, keys) in ctx.lex.gazetteer_matches(name):
        if a == 0 and b < len(name) and name[b] == " " and ctx.lex.entries[keys[0][0]].type == "Country":
            return name[b + 1:]
    return name


def _actor_before(ctx: _Ctx, k: int) -> _Actor | None:
    """The actor phrase that ends just before word k (the subject of a verb there): the longest."""
    best = None
    st = k - 1
    while st >= 0:
        a = _actor_forward(ctx, st, coordinate="companion")
        if a is not None and a.end == k:
            best = a
        if ctx.gap(st) not in _SPACES:
            break
        st -= 1
    if best is not None and ctx.s.phrase_at(best.start, ["và"]):
        return None
    return best


def _subject(ctx: _Ctx, k: int) -> _Actor | None:
    """Who does what the verb at word k says:
    - the actor right before it, adverbs between ("X đã thăm", "X tiếp và hội đàm với");
    - a post in apposition gives way to the person before it ("Thượng tướng Tô Lâm, Ủy viên Bộ
      Chính trị, Bộ trưởng Bộ Công an tiếp …");
    - a delegation led by someone ("Đoàn … do ngài X, Phó Thủ tướng làm Trưởng đoàn sang thăm"): the
      delegation (events.tsv led);
    - a bare "Đoàn" (the delegation): the last delegation the sentence names in full;
    - a verb after a comma ("X đã có cuộc gặp …, hội đàm với Y"): the clause's first actor that is
      not a possessor ("lời mời của Z"), a person's name first.
    None when the text names no one there."""
    j = k
    while j > 0:
        hit = ctx.match_end(j, "adverb") or ctx.match_end(j, "visit-prefix")
        if hit is None or ctx.gap(j if j < ctx.n else j - 1) not in (" ",) and j < ctx.n:
            break
        j = hit[0]
    paren = False
    if j > 0 and ctx.gap(j) == ") ":
        # "ông X, Thống đốc tỉnh Kanagawa (Nhật Bản) thăm …": the actor before its parenthesised qualifier
        o = next((i for i in range(j - 1, max(0, j - 6), -1) if "(" in ctx.gap(i) or ")" in ctx.gap(i)), None)
        if o is not None and ctx.gap(o) == " (":
            j, paren = o, True
    if j > 0 and (ctx.gap(j) == " " or paren):
        led = ctx.match_end(j, "led")
        if led is not None:
            do = next((i for i in range(led[0] - 1, _clause_start(ctx, led[0]) - 1, -1) if ctx.lower[i] == "do"), None)
            if do is not None and do > 0 and ctx.gap(do) == " ":
                j = do
        a = _actor_before(ctx, j)
        if a is None or a.start > 0 and ctx.gap(a.start) == " " and ctx.match_end(a.start, "kin") is not None:
            return None                        # "con trai Tổng thống X hội đàm …": his son acts, no actor we name
        if a.delegation and not a.complete:
            return next((b for b in reversed(_actors_in(ctx, 0, a.start)) if b.delegation and b.complete), None)
        cur = a
        for _ in range(3):                     # up the apposition, to the person's name
            at = cur.start
            if at > 1 and ctx.gap(at) == " " and ctx.words[at - 1][2] in ctx.lex.deputies:
                at -= 1                        # ("ông X, Phó Chủ tịch UBND tỉnh Y thăm …": the deputy's post)
            if a.named or a.delegation or at == 0 or ctx.gap(at) != ", ":
                break                          # (a delegation is in apposition to nobody before it)
            cur = _actor_before(ctx, at)
            if cur is None:
                break
            if cur.named:
                a = replace(cur, posts_end=a.end, official=True)
                break
        return a if a.complete else None
    if j > 0 and ctx.gap(j) == "; " and ctx.words[j][2].islower():
        # "X đã hội đàm với Y; hội kiến Z": activities listed with ";" share the subject of the first
        lo = _clause_start(ctx, j - 1)
        actors = [a for a in _actors_in(ctx, lo, j) if a.complete and not (a.start > 0 and ctx.lower[a.start - 1] == "của")]
        return next((a for a in actors if a.named), None)
    if j > 0 and ctx.gap(j) != ", ":
        return None
    # (not a possessor, "lời mời của Z", nor the other side of earlier talks, "sau cuộc hội đàm với Z, …")
    actors = [a for a in _actors_in(ctx, _clause_start(ctx, k), k)
              if a.complete and not (a.start > 0 and (ctx.lower[a.start - 1] == "của" or ctx.match(a.start - 1, "partner")))
              and not _after_place_mark(ctx, a.start)]
    return next((a for a in actors if a.named), actors[0] if actors else None)


def _after_place_mark(ctx: _Ctx, k: int) -> bool:
    """Is word k a name right after "tại" / "ở" (heldIn/place), or after it and a lower-case place noun ("tại thủ đô
    Phnom Penh")? Such capitals name where, not who."""
    for back in (1, 3):
        i = k - back
        if i >= 0 and all(ctx.gap(x) == " " for x in range(i + 1, k + 1)) \
                and ctx.lower[i] + " " in ctx.lex.place_marks and all(ctx.words[x][2].islower() for x in range(i, k)):
            return True
    return False


def _actors_in(ctx: _Ctx, lo: int, hi: int) -> list[_Actor]:
    """The actor phrases between words lo and hi, left to right."""
    out, i = [], lo
    while i < hi:
        a = _actor_forward(ctx, i, coordinate="companion")
        if a is not None and a.end <= hi:
            out.append(a)
            i = a.end
            continue
        i += 1
    return out


# --- titles of events named by a head noun -------------------------------------------------

def _stop_at(ctx_s, k: int, lex: Lexicon, er: EventRules, first: bool) -> bool:
    """Does an event title end before word k? events.tsv stops (class "first": only right after
    the head), stopwords.tsv stops for events."""
    w = ctx_s.words[k][2].lower()
    if _e._is_stop(ctx_s, k, lex, "Event"):
        if k > 0 and ctx_s.words[k - 1][2][:1].isupper() and _e._completes_word(ctx_s, k, lex):
            return False                    # "… Hiệp định Tự do thương mại": "do" (by) completes "Tự do" (free)
        for words, cls, _ in er.phrases.get("keep", {}).get(w, ()):
            if ctx_s.phrase_at(k, list(words), case_sensitive=False):
                nxt = k + len(words)
                if cls == "owner":          # "Hội nghị lần thứ 20 của Ủy ban hỗn hợp …": after the meeting's
                    # ordinal, "của" (or "của các nước") + a capitalised name says whose meeting it is
                    o = k - 3 if k >= 3 and ctx_s.words[k - 3][2].lower() == "lần" else k - 2
                    head = " ".join(w[2].lower() for w in ctx_s.words[max(0, o - 2):o])
                    # (a session's, "Phiên họp lần thứ 21 của …", is named by kg/extract/ownerless.py)
                    if k >= 2 and ctx_s.words[k - 2][2].lower() == "thứ" and ctx_s.gap(k) == " " \
                            and head not in lex.session_heads:
                        if nxt < len(ctx_s.words) and ctx_s.gap(nxt) == " " and ctx_s.words[nxt][2][:1].isupper():
                            return False
                    continue
                if cls == "work":           # "Hội thảo về công tác phối hợp quản lý biên giới": after a noun of work
                    # (events.tsv generic: "công tác", the work of), the verb names the work the title is about
                    before = " ".join(x[2].lower() for x in ctx_s.words[max(0, k - 3):k])
                    if any(before == g or before.endswith(" " + g) for g in er.generic_words):
                        return False
                    continue
                if cls == "name":           # "… 70 năm ngày Thương binh - Liệt sĩ": the name of a day, not a date
                    if nxt < len(ctx_s.words) and ctx_s.gap(nxt) == " " and ctx_s.words[nxt][2][:1].isupper() \
                            and ctx_s.words[nxt][2].isalpha() and not ctx_s.words[nxt][2].isupper():
                        return False
                    continue
                if cls != "noun":
                    return False
                # "… Thực thi pháp luật trên biển": a preposition before its noun, not "hội nghị trên"
                if nxt < len(ctx_s.words) and ctx_s.gap(nxt) == " " and ctx_s.words[nxt][2].islower() \
                        and lex.word_class.get(ctx_s.words[nxt][2].lower(), "noun") in ("noun", "determiner", "numeral", "mixed"):
                    return False
        return True
    for words, cls, _ in er.phrases.get("stop", {}).get(w, ()):
        if (first or cls != "first") and ctx_s.phrase_at(k, list(words), case_sensitive=False):
            return not _day_name_at(ctx_s, k, er, lex)
    return False


def _day_name_at(ctx_s, k: int, er: EventRules, lex: Lexicon) -> bool:
    """Does a day's name start at word k (events.tsv keep, class name: "ngày" before a capital, "Lễ hưởng
    ứng Ngày Thế giới phòng, chống mua bán người"), rather than a date ("ngày 30/7")?"""
    w = ctx_s.words[k][2].lower()
    for words, cls, _ in er.phrases.get("keep", {}).get(w, ()):
        nxt = k + len(words)
        if cls == "name" and ctx_s.phrase_at(k, list(words), case_sensitive=False) and nxt < len(ctx_s.words) \
                and ctx_s.gap(nxt) == " " and ctx_s.words[nxt][2].isalpha() and not ctx_s.words[nxt][2].isupper() \
                and (ctx_s.words[nxt][2][:1].isupper() or (ctx_s.words[k][2][:1].isupper() and k > 0
                                                         and nxt + 1 < len(ctx_s.words) and ctx_s.gap(nxt + 1) == " "
                                                         and f"{ctx_s.words[nxt][2]} {ctx_s.words[nxt + 1][2]}" in lex.compounds)):
            return True                     # (a day's name written with its capital, then a lower-case noun:
            # "Lễ mít tinh hưởng ứng Ngày toàn dân phòng, chống mua bán người")
    return False



_VERB_KINDS = ("visit", "talks", "reception", "meet", "operation", "meeting", "transfer")


def _verb_kind_at(s, k: int, er: EventRules) -> bool:
    """Does an event verb of events.tsv (a visit, talks, an operation, a meeting, a handover) start at word k?"""
    w = s.words[k][2].lower()
    return any(s.phrase_at(k, list(words), case_sensitive=False)
               for kind in _VERB_KINDS for words, _, _ in er.phrases.get(kind, {}).get(w, ()))


def _actor_word(s, k: int, er: EventRules) -> bool:
    """Does a person's title or a leader's post start at word k ("…, ông Trần Văn A")?"""
    w = s.words[k][2].lower()
    return any(s.phrase_at(k, list(words), case_sensitive=False) for words, _, _ in er.phrases.get("actor", {}).get(w, ()))


def _acronym_at(text: str, pos: int) -> re.Match | None:
    """" (SOM)", " (SOM ARF)", " (ADMM+)" at pos: an acronym in parentheses."""
    return re.match(r" \(([A-ZĐ][A-ZĐ0-9&+-]*(?: [A-ZĐ][A-ZĐ0-9&+-]*)*)\)", text[pos:pos + 40])


def _extend_title(s, j: int, lex: Lexicon, er: EventRules, through_commas: bool, gaz=None) -> tuple[int, list[str]]:
    """(char offset just past an event title that starts at word j, after its head; the acronyms
    given in parentheses inside or right after it). The title runs through lower-case words (long
    noun phrases), hyphens, the pair "phòng, chống", an acronym in parentheses followed by more of
    the name ("Cuộc họp các Quan chức cao cấp (SOM) ASEAN và EU"), and a body whose own name opens
    with an event head ("Hội nghị Quan chức cao cấp Diễn đàn khu vực ASEAN"); it stops at clause
    punctuation, a stop word, a time adjunct ("tháng 8-2017") or a new event of the same head.
    With through_commas, ", " between two lower-case words continues it ("Lễ tiếp nhận, bàn giao")."""
    end, short_end, acronyms = _title_ends(s, j, lex, er, gaz, through_commas)
    return (end if through_commas else short_end), acronyms


def _title_ends(s, j: int, lex: Lexicon, er: EventRules, gaz=None, through_commas: bool = True) -> tuple[int, int, list[str]]:
    """(_extend_title(…, True)[0], _extend_title(…, False)[0], _extend_title(…, True)[1]) in one walk: the
    two walks are the same up to the first ", " that only the first goes through, where the second stops
    (its other branches take no ", ")."""
    n = len(s.words)
    end = s.words[j - 1][1]
    short_end = -1
    acronyms: list[str] = []
    k = j
    if j < n and s.gap(j) == " " and _e._cap(s.words[j][2]) and (h := _e._heads_at(s, j, lex, "Organization")) \
            and j + h[3] < n and s.gap(j + h[3]) == " ":
        # "Cuộc họp Nhóm Chuyên gia và các Nhân vật Nổi tiếng ARF …": the body whose meeting it is is taken
        # whole, as the body's own name runs ("và các" would end a title)
        org_end = _e._extend_org(s, j + h[3], lex, gaz or {}, h[2], False, h[0].split())
        if org_end > j + h[3]:
            k = org_end
            end = s.words[k - 1][1]
    while k < n:
        gap = s.gap(k)
        if gap.strip() in ("", "-", "–", "—"):
            pass
        elif _e._number_list(s, k) or _e._comma_pair(s, k):
            pass
        elif gap == " & " and k > j and _e._cap(s.words[k][2]) \
                and (_e._cap(s.words[k - 1][2]) or _e._completes_word(s, k - 1, lex)):
            pass                            # "… chương trình Khoa học & Công nghệ …": "&" inside the title's name
        elif gap == ", " and through_commas and s.words[k][2][0].islower() and not _stop_at(s, k, lex, er, False) \
                and not _actor_word(s, k, er) and not _verb_after_capitals(s, j, k, lex) \
                and not s.words[k - 1][2].isdigit() \
                and not any(s.text.startswith(p + " ", s.words[k][0]) for p, _, _ in lex.cues.get("plural", ())):
            if short_end < 0:               # but a dated title ends at its year, "…, các cơ quan" starts a clause, and
                # so does a verb after a name: "Tọa đàm Bàn tròn Đầu tư Xanh, tiếp đại diện …" (received)
                short_end = end
        elif gap == ": " and _e._theme_after_colon(s, k, j, lex):
            pass                            # "Hội thảo khoa học: Chính sách tài chính …": the theme names the event
        elif k == j and _e._quote_end(s, end) is not None:
            q = _e._quote_end(s, end)
            end = q
            while k < n and s.words[k][0] < q:
                k += 1
            break
        elif gap.strip() in _e.QUOTES_OPEN and k > j:
            q = _e._quote_end(s, s.words[k - 1][1])
            if q is None:
                break
            end = q
            while k < n and s.words[k][0] < q:
                k += 1
            break
        elif (acr := _acronym_at(s.text, s.words[k - 1][1])) is not None:
            acronyms.append(acr.group(1))
            after = s.words[k - 1][1] + acr.end()
            # the name goes on after the acronym only with a capitalised word ("(SOM) ASEAN và EU")
            nxt = next((i for i in range(k, n) if s.words[i][0] >= after), n)
            if nxt < n and s.words[nxt][0] == after + 1 and _e._cap(s.words[nxt][2]) \
                    and not _stop_at(s, nxt, lex, er, False):
                k = nxt
                end = s.words[k][1]
                k += 1
                continue
            break
        else:
            break
        if _stop_at(s, k, lex, er, k == j) and not _e._topic_possessive_at(s, j, k, lex):
            break                           # ("Hội thảo về vai trò của phụ nữ …": "của" inside the topic goes on)
        if k > j and s.words[k][2] in lex.and_words and k + 1 < n and s.gap(k + 1) == " " \
                and not s.words[k - 1][2].islower() and s.words[k + 1][2].islower() \
                and (_e._word_class_at(s, k + 1, lex) == "verb" or _verb_kind_at(s, k + 1, er)):
            break                           # "Hội nghị Thượng đỉnh G20 và thăm chính thức …": after the name, "và" + a
            # verb is the clause's next action (but "… phát hiện và xử lý …" inside a lower-case title goes on)
        if k > j and lex.word_class.get(s.words[k][2]) == "adverb" and _e._function_word_at(s, k, lex) \
                and _word_class(s, k, lex) == "adverb":
            break                           # "Hội nghị thượng đỉnh G20 vừa diễn ra …": an adverb of the clause (but
            # not the first syllable of a longer word: "Phiên họp Chính phủ thường kỳ", regular)
        if k > j and k + 1 < n and s.gap(k + 1) == " " and s.words[k][2].islower() \
                and lex.word_class.get(s.words[k][2]) == "noun" and _e._word_class_at(s, k + 1, lex) == "pronoun":
            break                           # "Hội nghị thượng đỉnh kiểu này": "this kind of summit", no name
            # (but "… hàng đầu thế giới": "thế giới", the world, is a noun)
        if _MONTH_YEAR_AFTER.match(s.text, s.words[k - 1][1]) and not any(
                s.text[:s.words[k - 1][1]].lower().endswith(" " + p) for p in lex.periodic_events):
            break                           # "… ASEAN-EU tháng 8-2017": when, not which (but a periodic meeting's
            # month says which: "Phiên họp Chính phủ thường kỳ tháng 9/2024", the September session)
        if k > j and s.words[k][2][:1].isupper() and _word_class(s, k, lex) in ("preposition", "conjunction", "adverb") \
                and not s.words[k][2].isupper():
            break                           # "… Việt Nam-Hà Lan Với cơ cấu …": a new sentence glued on
        if _predicate_after_name(s, j, k, lex):
            break                           # "Hội nghị Thượng đỉnh G20 thể hiện …": the sentence goes on
        inner = _e._heads_at(s, k, lex, "Event") if s.words[k][2][0].isupper() and k >= j else None
        if inner and not _forum_head_at(s, k, er):
            break                           # a second event ("Diễn đàn … và Tọa đàm …"), but a forum
                                            # whose meeting this is goes on ("Hội nghị … Diễn đàn …")
        g = (gaz or {}).get(s.words[k][0])
        if g is not None:                   # a known name inside a title is taken whole, with the
            while k < n and s.words[k][0] < g[1]:     # word it ends in ("ASEAN" of "ASEAN-EU")
                k += 1
            end = max(g[1], s.words[k - 1][1])
            continue
        end = s.words[k][1]
        k += 1
    acr = _acronym_at(s.text, end)
    if acr is not None and acr.group(1) not in acronyms:
        acronyms.append(acr.group(1))
    return end, (end if short_end < 0 else short_end), acronyms


def _word_class(s, k: int, lex: Lexicon) -> str:
    """The usual class (word_classes.tsv) of the dictionary word at word k: two syllables first."""
    w = s.words[k][2].lower()
    if k + 1 < len(s.words) and s.gap(k + 1) == " ":
        two = lex.word_class.get(f"{w} {s.words[k + 1][2].lower()}")
        if two:
            return two
    return lex.word_class.get(w, "")


def _verb_after_capitals(s, j: int, k: int, lex: Lexicon) -> bool:
    """After ", ", is word k a verb that follows a title whose last word is capitalised or completes a
    capitalised word ("Tọa đàm Bàn tròn Đầu tư Xanh, tiếp đại diện …": the clause's next act, received)?
    A rite's verbs in lower case go on ("Lễ tiếp nhận, bàn giao …")."""
    prev = s.words[k - 1][2]
    capped = _e._cap(prev) or (k - 2 >= j and _e._cap(s.words[k - 2][2]) and _e._completes_word(s, k - 1, lex))
    return capped and _word_class(s, k, lex) == "verb"


def _predicate_after_name(s, j: int, k: int, lex: Lexicon) -> bool:
    """Does the title that started at word j end before word k because a verb follows its name
    right away? Once a title holds a name (two capitalised words in a row, or an acronym: "Thượng
    đỉnh G20", "Doanh nghiệp Việt Nam – Hà Lan"), a lower-case verb right after the name's last
    word ("thể hiện", "tiếp"), or "và" and a verb ("và chứng kiến"), is what the sentence says of it."""
    w = s.words[k][2]
    if k - 1 < j or not w[:1].islower() or not _e._cap(s.words[k - 1][2]):
        return False
    if f"{s.words[k - 1][2]} {w}".lower() in lex.compounds:
        return False                        # the second syllable of a capitalised word ("Tăng cường")
    caps = [x for x in range(j, k) if _e._cap(s.words[x][2])]
    named = any(s.words[x][2].isupper() and len(s.words[x][2]) > 1 for x in caps) or \
        any(x + 1 in caps for x in caps)
    if not named:
        return False
    if w.lower() in lex.and_words and k + 1 < len(s.words):
        return _word_class(s, k + 1, lex) == "verb"
    return _word_class(s, k, lex) == "verb"


def _head_inside_word(s, j: int, lex: Lexicon) -> bool:
    """Does the head that ends before word j end inside a dictionary word ("Đại hội đồng Liên hợp
    quốc": "hội đồng", a council, so no "Đại hội")?"""
    if not (0 < j < len(s.words) and s.gap(j) == " " and f"{s.words[j - 1][2]} {s.words[j][2]}".lower() in lex.compounds):
        return False
    # (but "buổi thảo luận bàn tròn": the head ends a word of its own, "thảo luận", and the next two syllables
    # make one too, "bàn tròn" (round table); "luận bàn" across them is no word of this phrase)
    return not (j >= 2 and j + 1 < len(s.words) and s.gap(j - 1) == " " and s.gap(j + 1) == " "
                and f"{s.words[j - 2][2]} {s.words[j - 1][2]}".lower() in lex.compounds
                and f"{s.words[j][2]} {s.words[j + 1][2]}".lower() in lex.compounds)


def _forum_head_at(s, k: int, er: EventRules) -> bool:
    w = s.words[k][2].lower()
    return any(cls == "head" and s.phrase_at(k, list(words), case_sensitive=False)
               for words, cls, _ in er.phrases.get("forum", {}).get(w, ()))


_DANGLING = frozenset({"lần"})               # "lần" (the n-th time) without its number: the ordinal was cut off


def title_event(doc, si, s, i, hn, lex, etype, rid, gaz) -> list[Mention]:
    """An event named by a capitalised head and its title ("Hội thảo tập huấn về …"); a bare head
    ("Dự Hội nghị có …") points back at the article's event. After a plural marker ("các Hội thảo
    ARF về A và B") the title names one event per topic, and none without topics."""
    er = event_rules(lex)
    base = doc.sentences[si].start
    ws = s.words[i][0]
    j = i + hn
    if _head_inside_word(s, j, lex):
        return []
    plural = _plural_before(s, i, lex)
    determiner = j < len(s.words) and _word_class(s, j, lex) in ("determiner", "pronoun", "conjunction") and not (
        j + 1 < len(s.words) and s.gap(j + 1) == " " and _e._cap(s.words[j + 1][2]))
    # "… Hội nghị Theo ông A, …": a capitalised preposition opens the next sentence (a headline run on)
    determiner = determiner or (j + 1 < len(s.words) and s.words[j][2][:1].isupper() and not s.words[j][2].isupper()
                                and (_word_class(s, j, lex) == "preposition" or _e._is_stop_word(s.words[j][2].lower(), lex))
                                and s.words[j + 1][2][:1].islower())
    # "Toàn cảnh Hội thảo Tham dự Hội thảo có …": a caption run on into the next sentence, which opens with
    # who came (an attendance cue, capitalised)
    determiner = determiner or (j < len(s.words) and s.words[j][2][:1].isupper() and _e._attendance_opens(s, j, lex))
    if j >= len(s.words) or determiner or _stop_at(s, j, lex, er, True) \
            or s.gap(j).strip() not in ("", ":", "“", "\"", ": “"):
        # "Diễn đàn những thế mạnh" (not "Cuộc họp các Quan chức …") opens no title
        if plural:
            return []
        # a bare capitalised head mid-sentence names the article's event ("Dự Hội nghị có …")
        text = s.text[ws:s.words[j - 1][1]]
        flag = ("bare", "1") if i > 0 else ("anaphor", "1")
        return [Mention(doc.id, si, base + ws, base + ws + len(text), text, etype, rid, attrs=(flag,))]
    long_end, short_end, acronyms = _title_ends(s, j, lex, er, gaz)
    tail = s.text[short_end:long_end]
    if tail.count(",") == 1 and len(tail.split()) <= 3:
        long_end = short_end                # ", khu vực" is an adjunct, not part of the title
    if ws > 0 and s.text[ws - 1] in "“\"«" and s.text.startswith(", ", long_end) \
            and (q := _e._quote_end(s, ws - 1)) is not None and q - 1 > long_end:
        long_end = q - 1                    # "“Hội nghị thường niên Bộ trưởng Công an, Nội vụ Campuchia-Lào-Việt
        # Nam”": a quoted name runs through a comma to its closing quote
    # a title never ends on a function word or a dangling "lần" ("Hội nghị … khóa X về", "Hội nghị G20 lần")
    text = _e._without_trailing_function_words(s.text[ws:long_end].rstrip(" ,-–"), hn, lex, _DANGLING)
    short = _e._without_trailing_function_words(s.text[ws:short_end].rstrip(" ,-–"), hn, lex, _DANGLING)
    if i > 0 and s.gap(i) == " " \
            and (topic_at := min((x for t in lex.topics if (x := text.find(f" {' '.join(t)} ")) > 0), default=-1)) > 0 \
            and any((h := _e._heads_at(s, k, lex, "Agreement")) and k + h[3] == i for k in range(max(0, i - 3), i)):
        # "Nghị quyết Hội nghị Trung ương 5 khóa XII về sắp xếp …": the plenum's resolution; the topic
        # ("về …", about: cues.tsv topic) is the resolution's, the event is the plenum
        text = text[:topic_at]
        short = short if len(short) <= len(text) else text
    if len(text.split()) < hn + 1:
        return []
    if plural:
        return _distributed_titles(doc, si, s, ws, text, lex, rid)
    aliases = [a for a in (short, *acronyms) if a != text]
    attrs = {"aliases": "|".join(aliases)}
    place = _place_of_generic_title(s, ws, ws + len(text), hn, er)
    if place:                              # kept in the name if the article has two (see _places_tell_apart)
        attrs["at_place"] = place
    return [Mention(doc.id, si, base + ws, base + ws + len(text), text, etype, rid,
                    attrs=tuple(sorted((k, v) for k, v in attrs.items() if v)))]


def _place_of_generic_title(s, start: int, end: int, hn: int, er: EventRules) -> str:
    """"ở Thủ đô Washington" after a title whose words after the head are few and lower case
    ("Tọa đàm doanh nghiệp"): the place words (events.tsv at, then a capitalised name), else ""."""
    rest = s.text[start:end].split()[hn:]
    if not rest or len(rest) > 3 or any(_e._cap(w) for w in rest):
        return ""
    k = next((i for i, w in enumerate(s.words) if w[0] >= end), None)
    if k is None or s.gap(k) != " ":
        return ""
    at = next((len(words) for words, _, _ in er.phrases.get("at", {}).get(s.words[k][2].lower(), ())
               if s.phrase_at(k, list(words), case_sensitive=False)), 0)
    j = k + at
    if not at or j >= len(s.words) or s.gap(j) != " ":
        return ""
    e = j
    while e < len(s.words) and e - j < 5 and (e == j or s.gap(e) == " ") and (_e._cap(s.words[e][2]) or (
            s.words[e][2].islower() and any(_e._cap(s.words[x][2]) for x in range(e + 1, min(e + 3, len(s.words)))))):
        e += 1
    if e == j or not any(_e._cap(s.words[x][2]) for x in range(j, e)) or not _e._cap(s.words[e - 1][2]):
        return ""
    return s.text[s.words[k][0]:s.words[e - 1][1]]


def _plural_before(s, i: int, lex: Lexicon, numbers: bool = True) -> bool:
    """Is word i preceded by a plural marker (cues.tsv plural: "các", "những") or, with numbers, a
    number ("2 cuộc đối thoại")?"""
    before = s.text[:s.words[i][0]].rstrip().lower()
    rx, longest = _plural_end(tuple(c for c, _, _ in lex.cues.get("plural", ())))
    # (the marker ends the text: only its last characters are searched; "^" still means the text's start)
    return bool(before) and (rx.search(before, max(0, len(before) - longest - 1)) is not None
                             or (numbers and before[-1:].isdigit() and re.search(r"\d$", before) is not None))


_PLURAL_ENDS: dict[tuple[str, ...], tuple[re.Pattern, int]] = {}


def _plural_end(plural: tuple[str, ...]) -> tuple[re.Pattern, int]:
    """A plural marker at the end of a text, after its start or a non-word character; its longest length."""
    hit = _PLURAL_ENDS.get(plural)
    if hit is None:
        hit = _PLURAL_ENDS[plural] = (re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, plural)) + r")$"),
                                      max(map(len, plural), default=0))
    return hit


def _distributed_titles(doc, si, s, ws: int, text: str, lex: Lexicon, rid: str) -> list[Mention]:
    """"các Hội thảo ARF về Tăng cường hợp tác … và Gìn giữ hòa bình": one event per capitalised
    topic after the topic word ("về"), each named with the shared head ("Hội thảo ARF về Gìn giữ …")."""
    for t in lex.topics:
        marker = " " + " ".join(t) + " "
        at = text.find(marker)
        if at < 0:
            continue
        stem, topics = text[:at + len(marker)], text[at + len(marker):]
        parts = re.split(r",\s+|\s+(?:" + "|".join(map(re.escape, lex.and_words)) + r")\s+(?=[A-ZĐÀ-Ỹ])", topics)
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            return []
        base = doc.sentences[si].start
        out = []
        pos = ws + at + len(marker)
        for p in parts:
            start = s.text.index(p, pos)
            out.append(Mention(doc.id, si, base + start, base + start + len(p), p, "Event", rid,
                               attrs=(("canonical", stem + p), ("distributed", "1"))))
            pos = start + len(p)
        return out
    return []


# --- lower-case event nouns ----------------------------------------------------------------

@lru_cache(maxsize=16)
def _organised_after_re(agents: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern:
    """"… do Viện X tổ chức" after an event noun: an agent word, its organiser, an organising verb."""
    return re.compile(r"[^.;]*?\s(?:" + "|".join(map(re.escape, agents)) + r")\s[^,.;]{1,80}?\s(?:"
                      + "|".join(map(re.escape, verbs)) + r")(?!\w)")


@lru_cache(maxsize=16)
def _trailing_glue_re(words: tuple[str, ...]) -> re.Pattern:
    """"và" or a list joiner at the end of a title, with the commas and spaces before it."""
    return re.compile(r"(?:[ ,]+(?:" + "|".join(map(re.escape, words)) + r"))+$")


_VERB_CUES: dict[tuple[int, str], tuple[object, tuple[str, ...]]] = {}


def _verb_cues(lex: Lexicon, relation: str) -> tuple[str, ...]:
    """The relation's verb cues (cues.tsv role verb), in file order, once per rule set."""
    hit = _VERB_CUES.get((id(lex.cues), relation))
    if hit is None or hit[0] is not lex.cues:
        hit = _VERB_CUES[(id(lex.cues), relation)] = (lex.cues, tuple(c for c, _, role in lex.cues.get(relation, ())
                                                                     if role == "verb"))
    return hit[1]


def _ends_with_verb(before: str, lex: Lexicon, relation: str) -> bool:
    """Does the lower-cased text before an event noun end with a verb cue of the relation, as a whole word
    ("tổ chức lễ …" organised, "dự lễ …" attended)?"""
    verbs = _verb_cues(lex, relation)
    # (most texts end with none: one endswith of them all first)
    return before.endswith(verbs) and any(before.endswith(c) and not before[-len(c) - 1:-len(c)].isalnum() for c in verbs)


def lower_event(doc, si, s, i, hn, lex, rid) -> Mention | None:
    """An event head written in lower case names an event when the article individuates it: a
    quoted title ("hội thảo “…”"), an ordinal ("lần thứ hai", "thứ tư"), a specifier ("hội nghị
    thường niên …"), an organising verb before it ("tổ chức lễ tiếp nhận, bàn giao …"), a date
    right after it ("cuộc đối thoại với các doanh nghiệp ngày 17/5"). Otherwise it points back at
    the article's event ("hội thảo", "buổi lễ"); after a plural marker it is none."""
    er = event_rules(lex)
    base = doc.sentences[si].start
    ws = s.words[i][0]
    if _head_inside_word(s, i + hn, lex):
        return None
    cls = None
    if i > 0 and s.gap(i) == " " and (c := _classifier_before(s, i, er)) is not None:
        cls = c
    elif hn == 1 and i > 0 and s.gap(i) == " " and f"{s.words[i - 1][2]} {s.words[i][2]}".lower() in lex.compounds:
        # a one-syllable head that ends a word begun before it is that word's ("đại lễ", a grand
        # ceremony; "nghi lễ", a rite; "hôn lễ"): no event of the bare head, nor a pointer back at one
        return None
    first = cls if cls is not None else i
    if _plural_before(s, first, lex):
        return None
    j = i + hn
    n = len(s.words)
    head_of = s.text[:s.words[first][0]].rstrip().lower()
    spaced = s.text[:s.words[first][0]].endswith(" ")
    organised = spaced and _ends_with_verb(head_of, lex, "organized")
    wstart = s.words[first][0]

    def make(end: int, short: int | None = None, canonical: str = "", alias_self: bool = False) -> Mention:
        # a title never ends with "và" or a list joiner ("… lần thứ 228 cùng với X": "cùng" is the clause's)
        text = _trailing_glue_re(lex.and_words + lex.list_joiners).sub("", s.text[wstart:end].rstrip(" ,"))
        attrs = [("canonical", _capitalise(canonical or text))]
        if not alias_self:                   # "kỳ họp thứ 3", "hội nghị sơ kết …": one per article (two
            attrs.append(("local", "1"))     # reports of one day merge, see _signatures); a quoted title is a name
        aliases = [text] if alias_self else []
        if short is not None and short != end:
            aliases.append(s.text[wstart:short].rstrip(" ,"))
        if aliases:
            attrs.append(("aliases", "|".join(dict.fromkeys(aliases))))
        return Mention(doc.id, si, base + wstart, base + wstart + len(text), text, "Event", rid, attrs=tuple(attrs))

    if j < n and s.gap(j).strip() in ("“", "\"", ": “", ":“") and (q := _e._quote_end(s, s.words[j - 1][1])):
        # hội thảo “Vận động chính sách …”: the name without the quotes, the quoted form an alias
        name = f"{s.text[wstart:s.words[j - 1][1]]} {s.text[s.words[j][0]:q].rstrip(QUOTE_CLOSERS)}"
        return make(q, canonical=name, alias_self=True)
    if not organised and j < n:
        # "buổi tọa đàm về bảo vệ nạn nhân do Viện X tổ chức": organised, its organiser named after it ("do")
        verbs = [c for c, _, role in lex.cues.get("organized", ()) if role == "verb"]
        agents = [c for c, _, role in lex.cues.get("funded", ()) if role == "agent"]
        after = s.text[s.words[j - 1][1]:].lower()
        organised = bool(verbs and agents and _organised_after_re(tuple(agents), tuple(verbs)).match(after))
    topic = next((t for t in lex.topics if s.phrase_at(j, t)), None) if organised and j < n else None
    if topic and s.gap(j) == " ":
        # "tổ chức khóa tập huấn về kỹ năng điều tra …": an organised event with its subject ("về",
        # about: a topic word of cues.tsv) is individuated by the article
        t = j + len(topic)                   # the first word of the subject
        end, short, _ = _title_ends(s, t, lex, er) if t < n else (s.words[t - 1][1],) * 3
        if len(s.text[wstart:end].split()) > (j - first) + 2:
            return make(end, short)
    if organised and spaced and topic is None and j < n and s.gap(j) == " " and s.words[j][2].islower() \
            and " ".join(w[2] for w in s.words[i:j]).lower() in er.purpose_heads and not _stop_at(s, j, lex, er, True):
        # "tổ chức lớp tập huấn nâng cao năng lực phòng, chống mua bán người cho …": an organised event named by
        # what it is for, a noun phrase of four words or more, individuates it as "về" + a subject does
        end, short, _ = _title_ends(s, j, lex, er)
        if len(s.text[s.words[j][0]:short].split()) >= 4:
            return make(end, short)
    ordinal = _ordinal_at(s, j, lex)
    if ordinal is not None:                  # "hội thảo lần thứ nhất", "phiên thảo luận đặc biệt thứ tư"
        end, _ = _extend_title(s, j, lex, er, through_commas=False)
        end = max(end, s.words[ordinal - 1][1])
        topic = _topic_after_dated_clause(s, end, lex, er)
        if topic is not None:                # "… thứ tư diễn ra chiều 3/6 về …": the name skips the date
            return make(topic[1], canonical=s.text[wstart:end] + " " + s.text[topic[0]:topic[1]])
        return make(end)
    if j < n and s.gap(j) == " " and any(s.phrase_at(j, list(w), case_sensitive=False)
                                          for w, _, _ in er.phrases.get("between", {}).get(s.words[j][2].lower(), ())):
        # "cuộc họp giữa Bộ Công an Việt Nam và Bộ Công an Lào về …": a meeting named by its two sides, bodies
        # or states (talks, "hội đàm giữa …", have their own frame; "giữa hai nhà lãnh đạo" names no side)
        end, _ = _extend_title(s, j, lex, er, False)
        if j + 1 < n and s.gap(j + 1) == " " and not _talks_head(s, i, j, er) and not _after_event_noun(s, first, lex) \
                and (_e._heads_at(s, j + 1, lex, "Organization") or _party_name_at(s, j + 1, lex)) \
                and len(s.text[s.words[j][0]:end].split()) >= 4:
            return make(end)
    by_head = False
    if j < n and s.gap(j) == " " and s.words[j][2][:1].isupper() \
            and " ".join(w[2] for w in s.words[i:j]).lower() in lex.session_heads \
            and ((by_head := _e._heads_at(s, j, lex, "Organization")) or _party_name_at(s, j, lex, ("Organization",))):
        # "cuộc họp Hội đồng Nga - NATO ngày 13-7": a standing body's meeting, named by the body (not "hội
        # nghị Bộ Tư pháp vừa tổ chức", a relative clause: a verb or an adverb after the body)
        end, _ = _extend_title(s, j, lex, er, False)
        k, numbered = j, False
        while k < n and s.words[k][0] < end:
            numbered = numbered or (s.words[k][2] == "thứ" and _ordinal_at(s, k, lex) is not None)
            if numbered and k + 3 < n and s.words[k + 2][0] < end and s.words[k + 2][2][:1].isupper() \
                    and s.gap(k + 3) == " " and s.words[k + 3][2].islower() \
                    and f"{s.words[k + 2][2].lower()} {s.words[k + 3][2]}" in lex.compounds:
                # "phiên họp UB Thường vụ QH thứ 10 Giải thích lý do …": after the ordinal's number, a capitalised
                # word going on in lower case ("Giải thích", explain) opens a sentence glued on (a lost full stop)
                end = s.words[k + 1][1]
                break
            k += 1
        # a body the gazetteer knows by a name with no head word ("Quốc hội", "UB Thường vụ QH") names one
        # meeting only with its number ("phiên họp UB Thường vụ QH thứ 10"); "mỗi kỳ họp Quốc hội" is any
        if (by_head or numbered) and (k >= n or s.gap(k).strip() or _e._word_class_at(s, k, lex) not in ("verb", "adverb")):
            return make(end)
    spec = j < n and s.gap(j) == " " and (_spec_at(s, j, er) or _spec_at(s, i, er))
    attended = not organised and spaced and _ends_with_verb(head_of, lex, "participatedIn")
    # "tổ chức lễ tiếp nhận …", and "dự / chứng kiến lễ ký Bản ghi nhớ …": a ceremony someone holds or attends
    rite = j < n and s.gap(j) == " " and (organised or attended) and _rite_at(s, j, er)
    if (spec or rite) and not _stop_at(s, j, lex, er, True):
        end, _ = _extend_title(s, j, lex, er, True)
        short, _ = _extend_title(s, j, lex, er, False)
        if len(s.text[s.words[j][0]:end].split()) >= (1 if spec else rite + (1 if organised else 3)):
            # (an attended ceremony needs more than a bare object: "chứng kiến lễ trao thỏa thuận" says not which)
            return make(end, short)
    dated = _dated_np(s, j, lex, er, year_only=cls is None)
    if dated is not None:                    # "cuộc đối thoại với các doanh nghiệp ngày 17/5",
        return make(dated)                   # "điều tra quốc gia về lao động trẻ em năm 2012"
    text = s.text[ws:s.words[j - 1][1]]
    return Mention(doc.id, si, base + ws, base + ws + len(text), text, "Event", rid, attrs=(("anaphor", "1"),))


QUOTE_CLOSERS = "”\"»"


def _after_event_noun(s, i: int, lex: Lexicon) -> bool:
    """Does an event noun end right before word i ("các diễn đàn đối thoại giữa …": "đối thoại" only says
    which forums)?"""
    for k in (1, 2):
        if i - k >= 0 and all(s.gap(x) == " " for x in range(i - k + 1, i + 1)):
            words = [w[2].lower() for w in s.words[i - k:i]]
            first = words[0].capitalize()
            if any([x.lower() for x in hw] == words for hw, _, _ in lex.heads_by_first.get("Event", {}).get(first, ())):
                return True
    return False


def _talks_head(s, i: int, j: int, er: EventRules) -> bool:
    """Is the event noun at words i..j a talks noun ("hội đàm", events.tsv talks)?"""
    return any(s.phrase_at(k, list(w), case_sensitive=False) for k in range(i, j)
               for w, _, _ in er.phrases.get("talks", {}).get(s.words[k][2].lower(), ()))


def _party_name_at(s, k: int, lex: Lexicon, types: tuple[str, ...] = ("Country", "Organization")) -> bool:
    """Does a known country or body's name (one of `types`) start at word k ("UB Thường vụ QH": a body
    the gazetteer knows by its press spelling, whose first word is no head)?"""
    at = s.words[k][0]
    return any(a == 0 and lex.entries[keys[0][0]].type in types
               for a, _, (_, keys) in lex.gazetteer_matches(s.text[at:at + 80]))


def _classifier_before(s, i: int, er: EventRules) -> int | None:
    w = s.words[i - 1][2].lower()
    return i - 1 if any(len(words) == 1 for words, _, _ in er.phrases.get("classifier", {}).get(w, ())) else None


def _talks_classifier(ctx: "_Ctx", k: int) -> int | None:
    """The classifier of a talks noun at word k: the word before it ("cuộc hội đàm"), or its own first word
    when the phrase opens with one ("buổi làm việc", a working session: "làm việc" alone is any work)."""
    if ctx.er.phrases.get("classifier", {}).get(ctx.lower[k]):
        return k
    return _classifier_before(ctx.s, k, ctx.er) if k > 0 and ctx.gap(k) == " " else None


def _rite_at(s, j: int, er: EventRules) -> int:
    """Number of words of the rite (events.tsv rite) at word j: "tiếp nhận" in "lễ tiếp nhận", or 0."""
    w = s.words[j][2].lower()
    return next((len(words) for words, _, _ in er.phrases.get("rite", {}).get(w, ())
                 if s.phrase_at(j, list(words), case_sensitive=False)), 0)


def _spec_at(s, j: int, er: EventRules) -> bool:
    """Does a specifier (events.tsv) start at word j? One of class `named` ("thượng đỉnh") only before a
    proper name: "hội nghị thượng đỉnh G20" is one summit, "tại hội nghị thượng đỉnh" any."""
    w = s.words[j][2].lower()
    for words, cls, _ in er.phrases.get("specifier", {}).get(w, ()):
        if s.phrase_at(j, list(words), case_sensitive=False):
            k = j + len(words)
            return cls != "named" or (k < len(s.words) and s.gap(k) == " " and s.words[k][2][:1].isupper())
    return False


_ORDINAL_WORDS = frozenset("nhất hai ba tư bốn năm sáu bảy tám chín mười".split())


def _ordinal_at(s, j: int, lex: Lexicon) -> int | None:
    """Word index just past an ordinal at j, or after up to two modifiers ("đặc biệt thứ tư"):
    "lần thứ hai" (cues.tsv ordinal), "thứ tư", "thứ 3"; None when there is none."""
    n = len(s.words)
    for skip in range(0, 3):
        k = j + skip
        if k >= n or any(s.gap(x) != " " for x in range(j, k + 1) if x > j - 1 and x < n and x != j) or \
                (skip and not s.words[k - 1][2].islower()):
            return None
        for o in lex.ordinals:
            if s.phrase_at(k, list(o)) and k + len(o) < n:
                return k + len(o) + 1
        if s.words[k][2] == "thứ" and k + 1 < n and s.gap(k + 1) == " " and \
                (s.words[k + 1][2] in _ORDINAL_WORDS or s.words[k + 1][2].isdigit()):
            return k + 2
    return None


def _topic_after_dated_clause(s, end: int, lex: Lexicon, er: EventRules) -> tuple[int, int] | None:
    """After "phiên thảo luận đặc biệt thứ tư", a dated relative clause ("diễn ra chiều 3/6", a
    `dated` phrase then a date) may stand before the topic ("về …"): (start, end) of the topic
    there, which the name keeps while the clause is left out; None when there is none."""
    k = next((i for i, w in enumerate(s.words) if w[0] >= end), len(s.words))
    hit = next((ws for ws, _, _ in er.phrases.get("dated", {}).get(s.words[k][2].lower(), ())
                if s.phrase_at(k, list(ws), False)), None) if k < len(s.words) else None
    if hit is None:
        return None
    clause_at = s.words[k + len(hit) - 1][1]
    m = _DATED_TAIL.match(s.text, clause_at)
    if not m:
        return None
    t = next((i for i, w in enumerate(s.words) if w[0] >= m.end()), len(s.words))
    topic = next((tp for tp in lex.topics if s.phrase_at(t, list(tp))), None)
    if topic is None or t + len(topic) >= len(s.words):
        return None
    topic_end, _ = _extend_title(s, t + len(topic), lex, er, False)
    return s.words[t][0], topic_end


# " chiều 3/6 ", " ngày 21-2 ", " 3/6/2017 ": the date of a dated relative clause, up to the next word
_DATED_TAIL = re.compile(r"\s+(?:(?:vào\s+)?(?:ngày|sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}[-/]\d{1,2}(?:[-/]\d{4})?\s+")


def _dated_np(s, j: int, lex: Lexicon, er: EventRules, year_only: bool = False) -> int | None:
    """A lower-case event noun phrase dated in the clause: "cuộc đối thoại với các doanh nghiệp ngày
    17/5" (the name ends before its day) or "điều tra quốc gia về lao động trẻ em năm 2012" (the year
    is part of the name); the char offset where the name ends, else None. year_only: no day."""
    n = len(s.words)
    k = j
    while k < n and k - j < 15 and s.gap(k) == " ":
        at = s.words[k][0]
        if not year_only and re.match(r"ngày \d{1,2}[-/]\d{1,2}", s.text[at:at + 12]):
            return s.words[k - 1][1] if k > j else None
        year = _YEAR_AT.match(s.text[at:at + 9])
        if year and k > j and _is_year(year.group(1)):
            return at + year.end()
        w = s.words[k][2]
        if not w[0].islower() or (k > j and _stop_at(s, k, lex, er, False) and w.lower() != "với"):
            return None
        k += 1
    return None


# --- events told by a verb -----------------------------------------------------------------

def _quantifier_start(ctx: _Ctx, i: int, lo: int) -> int:
    """Word index where the quantifier before the noun at word i starts ("4 thiếu nữ", "một trong
    3 nạn nhân", "hai đối tượng"): i itself when there is none."""
    while i > lo and ctx.gap(i) == " ":
        w = ctx.lower[i - 1]
        if w.isdigit() or w in _NUMBER_WORDS:
            i -= 1
        elif w == "trong" and i - 2 >= lo and ctx.lower[i - 2] == "một" and ctx.gap(i - 1) == " ":
            i -= 2
        else:
            break
    return i


def _object_at(ctx: _Ctx, k: int, group: str) -> int | None:
    """After an operation verb at word k: the word index just past its object ("một đường dây",
    "11 nạn nhân", a suspect's name), or None when the object is not one the group takes."""
    if k >= ctx.n or ctx.gap(k) != " ":
        return None
    manner = ctx.match(k, "manner")          # "giải cứu thành công 5 phụ nữ"
    if manner is not None and k + manner[0] < ctx.n and ctx.gap(k + manner[0]) == " ":
        k += manner[0]
    q = k
    while q < ctx.n and q - k < 3 and (ctx.lower[q].isdigit() or ctx.lower[q] in _NUMBER_WORDS
                                       or (ctx.lower[q] == "trong" and q > k)):
        q += 1
    if q >= ctx.n or (q > k and ctx.gap(q) != " "):
        return None
    hit = ctx.match(q, "object")
    if hit is not None and group in hit[1].split("|"):
        return q + hit[0]
    if group == "case" and q == k:             # "bắt giữ Nga và Chung": the suspects by name
        m = ctx.starts.get(q)
        if m is not None and m.type == "Person":
            return ctx.after_mention(m)
        if _e._cap(ctx.words[q][2]) and ctx.words[q][2].isalpha() and (m is None or m.type == "Country"):
            return q + 1                       # a suspect whose name is also a country's ("Nga")
    return None


def _phrase_end(ctx: _Ctx, k: int, limit: int = 25) -> int:
    """Word index where the noun phrase or clause that goes on at word k ends: at clause
    punctuation, an events.tsv stop ("tại", "cho", "khi", …) or after `limit` words; never on a
    coordinator ("bắt khẩn cấp 3 đối tượng và …")."""
    start = k
    while k < ctx.n and k - start < limit:
        if k > start and ctx.gap(k) not in (" ", "-", " - ", " – ", " -", "- "):
            break
        if _er_stop(ctx, k):
            break                              # (also right at the start: "tạm giữ 3 đối tượng để làm rõ …")
        k += 1
    while k - 1 >= start and ctx.lower[k - 1] in ctx.lex.and_words:
        k -= 1
    return k


def _er_stop(ctx: _Ctx, k: int) -> bool:
    w = ctx.lower[k]
    return any(cls != "first" and ctx.s.phrase_at(k, list(words), case_sensitive=False)
               for words, cls, _ in ctx.er.phrases.get("stop", {}).get(w, ()))


def _clause_start(ctx: _Ctx, k: int) -> int:
    """First word of the clause of word k: after the last ";" (or the sentence start)."""
    return max((i for i in range(1, k + 1) if ";" in ctx.gap(i)), default=0)


def _after_report(ctx: _Ctx, lo: int, k: int) -> int:
    """Where the reported clause of word k starts: after the last reporting verb (events.tsv date class report)
    and its comma or colon, if any, between lo and k ("X, người phát ngôn Công an tỉnh Y cho biết, Cơ quan CSĐT … đã khởi
    tố …": the spokesman's bodies report the prosecution, they do not make it); lo when there is none, or when the
    reported clause does not open with a body."""
    for i in range(k - 1, lo - 1, -1):
        hit = ctx.match(i, "date")
        if hit is not None and hit[1] == "report" and i + hit[0] < k and ctx.gap(i + hit[0]).strip() in ("", ",", ":"):
            # (unless the reported clause opens with no body: "X cho biết, cơ quan này vừa phối hợp với Y giải cứu …"
            # is X's own act, with Y)
            at = i + hit[0]
            return at if any(ctx.word_at.get(m.start - ctx.base) == at for m in _top(ctx, ("Organization",), at, k)) else lo
    return lo


def _spans(ms) -> str:
    """Mentions as "start:end" offsets, ';'-separated: an event's participants, kept on its mention
    until event_links turns them into links (the mentions may be rewritten in between)."""
    return ";".join(f"{m.start}:{m.end}" for m in ms)


def _top(ctx: _Ctx, types: tuple[str, ...], lo: int, hi: int) -> list[Mention]:
    """The mentions of `types` between words lo and hi that are not inside another name."""
    a = ctx.words[lo][0] + ctx.base if lo < ctx.n else ctx.base + len(ctx.text)
    b = ctx.words[hi - 1][1] + ctx.base if hi > 0 else ctx.base
    return [m for m in ctx.mentions if m.type in types and a <= m.start and m.end <= b and not m.attr("nested")]


def _actor_links(ctx: _Ctx, actor: _Actor, bodies: bool = False) -> tuple[list[Mention], bool]:
    """Who an actor phrase makes take part: its persons, the body of a delegation (with bodies,
    as in talks, also the bodies its officials speak for: "Bộ trưởng Bộ Nội vụ Campuchia X"; a Party
    leader's visit is his own), and the country a delegation or a head of state or government acts
    for; (mentions, acts for the home country: a head of government named without one, "Thủ tướng
    Nguyễn Xuân Phúc")."""
    inside = _top(ctx, ACTOR_TYPES, actor.start, actor.end)
    persons = [m for m in inside if m.type == "Person"]
    orgs = [m for m in inside if m.type == "Organization"]
    countries = [m for m in inside if m.type == "Country"]
    if bodies and actor.posts_end > actor.end:      # the body of his last post ("Ủy viên Bộ Chính trị,
        held = _top(ctx, ("Organization",), actor.end, actor.posts_end)   # Bộ trưởng Bộ Công an": Bộ Công an)
        orgs += [m for m in sorted(held, key=lambda m: m.start)[-1:] if m not in orgs]
    out = persons + (orgs if bodies or actor.delegation or not persons else [])
    if countries and (actor.state or actor.for_country or (actor.delegation and not orgs)
                      or not (persons or orgs or actor.named)):
        out.append(countries[0])
    if actor.delegation:
        out += _delegation_head(ctx, actor.end)
    return out, actor.state and not countries and not orgs and not actor.foreign


def _delegation_head(ctx: _Ctx, k: int) -> list[Mention]:
    """"Đoàn … do ngài Robert Kalinak, Phó Thủ tướng làm Trưởng đoàn": the person who leads the
    delegation named before word k (a `led` phrase closes the "do …" clause) takes part too."""
    if k >= ctx.n or ctx.lower[k] != "do" or ctx.gap(k) != " ":
        return []
    for j in range(k + 2, min(k + 20, ctx.n + 1)):
        if ctx.match_end(j, "led") is not None:
            return _top(ctx, ("Person",), k + 1, j)
        if j < ctx.n and ";" in ctx.gap(j):
            break
    return []


def _level(ctx: _Ctx, m: Mention) -> int:
    """A body's rank (heads.tsv level: 1 = ministry … 4 = unit); a gazetteer body with a parent ranks
    below it; 0 when unknown."""
    if m.attr("level"):
        return int(m.attr("level"))
    entry = ctx.lex.entries.get(m.key)
    if entry is None:
        return 0
    parent = dict(entry.attrs).get("parent", "")
    return 3 if parent else 1


def _organizers(ctx: _Ctx, lo: int, k: int) -> tuple[list[Mention], list[Mention]]:
    """(organizers, helpers) of an operation at word k told in the clause from word lo: the bodies
    that act ("Đồn Biên phòng X phối hợp với Đội Y triệt phá …"), and those that only assist ("với
    sự phối hợp của C", events.tsv helper). A body's parent in apposition ("Đội Y, Bộ đội Biên phòng
    tỉnh Z") and a body named as an owner ("… của X") are not counted again; helpers organise when
    no one else is named."""
    orgs = sorted(_top(ctx, ("Organization",), lo, k), key=lambda m: m.start)
    acting, helping = [], []
    prev = None
    for m in orgs:
        before = ctx.text[:m.start - ctx.base].lower()
        if prev is not None and ctx.text[prev.end - ctx.base:m.start - ctx.base] in (" ", ", ", " (") \
                and (_level(ctx, m) or 2) < _level(ctx, prev):   # (a body of unknown rank after a unit: its parent)
            prev = m
            continue                           # the parent of the body before it ("Đội X, Bộ đội Biên phòng …")
        prev = m
        word_before = re.search(r"(\w+)\s$", before)
        if word_before and ctx.text[m.start - ctx.base - len(word_before.group(0))].isupper() \
                and m.start - ctx.base - len(word_before.group(0)) > 0:
            continue                           # "Thủ trưởng Cơ quan CSĐT …": a post's body, not an actor
        helper = ctx.er.helper.search(before) is not None
        (helping if helper else acting).append(m)
    return (acting or helping), (helping if acting else [])


def _operations(ctx: _Ctx, headline: bool) -> list[Mention]:
    """"Đồn Biên phòng X phối hợp với Y triệt phá một đường dây mua bán người": an operation verb
    (events.tsv operation) with its object, done by a body named before it in the clause; in a
    headline the verb needs no body ("Triệt phá đường dây …"). The name is the verb phrase."""
    out = []
    for k in _starting(ctx, "operation"):
        hit = ctx.match(k, "operation")
        if hit is None or (k > 0 and ctx.lower[k - 1] in ("bị", "được")):
            continue
        n, group, rid = hit
        longer = ctx.match_end(k + n, "operation")
        if longer is not None and longer[0] < k:
            continue                           # the "phá" of "triệt phá"
        kk = k + n
        obj = _object_at(ctx, kk, group)
        if obj is None and kk < ctx.n and (ctx.gap(kk) == ", " or ctx.lower[kk] in ctx.lex.and_words):
            # "tiếp nhận, xác minh 15 công dân", "tiếp nhận và bàn giao …": a second verb of one or two words
            at = kk if ctx.gap(kk) == ", " else kk + 1
            for skip in (1, 2):
                words = range(at, at + skip)
                if at + skip < ctx.n and all(ctx.words[x][2].isalpha() and ctx.words[x][2].islower() for x in words) \
                        and all(ctx.gap(x) == " " for x in words if x > at) \
                        and ctx.match(at, "object") is None:
                    obj = _object_at(ctx, at + skip, group)
                    if obj is not None:
                        break
        if obj is None or any(t < k and ctx.match(t, "tally") is not None for t in _starting(ctx, "tally")):
            continue                           # "trong 5 năm qua, … đã giải cứu 320 nạn nhân": a tally, not one event
        if k > 0 and ctx.gap(k) == " " and ctx.match_end(k, "generic") is not None:
            continue                           # "đẩy mạnh công tác giải cứu nạn nhân": a kind of work, not one operation
        lo = _after_report(ctx, _clause_start(ctx, k), k)
        agent = next((m for m in ctx.mentions if m.type == "Organization" and lo <= ctx.word_at.get(m.start - ctx.base, -1)
                      and m.end - ctx.base <= ctx.words[k][0] and not dict(m.attrs).get("nested")), None)
        if agent is not None and _own_subject_before(ctx, agent, k):
            agent = None                       # "X thưởng … cho ban chuyên án đã bắt giữ …": the unit X rewards did it
        if agent is not None and any(ctx.match(t, "irrealis") is not None for t in _starting(ctx, "irrealis")
                                     if ctx.words[t][0] >= agent.end - ctx.base and t < k):
            continue                           # "X đề nghị cơ quan điều tra ra quyết định tạm giữ …": asked for, not done
        at_head = headline and k == 0
        if agent is None and not at_head:
            continue
        end = _phrase_end(ctx, obj)
        if end == obj and not any(ctx.lower[x].isdigit() or ctx.lower[x] in _NUMBER_WORDS or _e._cap(ctx.words[x][2])
                                  for x in range(k + n, obj)):
            continue                           # "khởi tố vụ án", "bắt giữ đối tượng" and nothing more: no count, no
            # name, no crime says which case or whom; every prosecution reads so
        text = ctx.span(k, end)
        organizers, helpers = _organizers(ctx, lo, k)
        out.append(ctx.mention(k, k + n, rid, {
            "canonical": _capitalise(text), "aliases": text, "trigger": "1", "frame": "operation",
            "group": group, "ident": f"op{SEP}{group}", "agent": mention_key(agent) if agent else "",
            "headline": "1" if at_head else "", "local": "1",
            "organizers": _spans(organizers), "participants": _spans(helpers)}))
    return out


def _own_subject_before(ctx: _Ctx, agent: Mention, k: int) -> bool:
    """Has the verb at word k a subject of its own, a common noun right before it (past its adverbs), after a
    beneficiary word (events.tsv beneficiary: "cho") that follows the body named first ("Bộ Chỉ huy X thưởng nóng cho ban chuyên án đã bắt giữ …": the
    body rewards the task force, which made the arrest)?"""
    j = k
    while j > 0 and (hit := ctx.match_end(j, "adverb")) is not None and hit[0] < j:
        j = hit[0]
    lo = next((i for i in range(k) if ctx.words[i][0] >= agent.end - ctx.base), k)   # the first word after the body
    if j == 0 or j <= lo or ctx.gap(j) != " " or not ctx.words[j - 1][2].islower():
        return False
    if any(m.end - ctx.base == ctx.words[j - 1][1] for m in ctx.mentions):
        return False                           # (a body's name ends there: it is the subject)
    c = next((i + hit[0] for i in range(j - 2, lo - 1, -1) if (hit := ctx.match(i, "beneficiary")) is not None), None)
    # (the noun after "cho" is the beneficiary; "cho biết" (said) is a verb: "X cho biết đã bắt giữ …" is X's act)
    return c is not None and c < j and ctx.lex.word_class.get(ctx.lower[c]) not in ("verb", "mixed") \
        and all(ctx.words[i][2].islower() and ctx.gap(i) == " " for i in range(c, j))


def _outcomes(ctx: _Ctx, headline: bool) -> list[Mention]:
    """"11 nạn nhân bị lừa bán sang Trung Quốc đã trở về", "một trong 3 nạn nhân … đã được giải
    cứu về nước": what victims (an events.tsv object of the outcome's group) underwent, told of
    them as subject. The name is the clause; a rescue is named by its verb ("Giải cứu …")."""
    out = []
    outcome_at = set(_starting(ctx, "outcome"))
    for k in sorted(outcome_at | set(_starting(ctx, "operation"))):
        agent = None
        hit = ctx.match(k, "outcome") if k in outcome_at else None
        if hit is None:
            passive = _passive_agent(ctx, k)
            if passive is None:
                continue
            hit, agent, passive_at = passive
        n, group, rid = hit
        if k > 0 and ctx.lower[k - 1] in _NEGATIONS:
            continue                           # "… chưa được trở về": what has not happened
        lo = _clause_start(ctx, k)
        subj = None
        for i in range(lo, k):
            if ctx.lower[i] not in ctx.er.first_words.get("object", ()):
                continue
            o = ctx.match(i, "object")
            if o is None or group not in o[1].split("|") or _plural_before(ctx.s, i, ctx.lex, numbers=False) \
                    or ctx.text[:ctx.words[i][0]].count("(") > ctx.text[:ctx.words[i][0]].count(")"):
                continue
            subj = i
            break
        if subj is None or k - subj > 40:
            continue
        start = _quantifier_start(ctx, subj, lo)
        verb = passive_at if agent is not None else k
        while verb > start and ctx.match_end(verb, "adverb") is not None:
            verb = ctx.match_end(verb, "adverb")[0]
        end = _phrase_end(ctx, k + n)
        text = ctx.span(start, end)
        if group == "rescue":
            rest = ctx.text[ctx.words[k + n - 1][1]:ctx.words[end - 1][1]] if end > k + n else ""
            name = _fill(ctx.er, "rescue", victims=ctx.span(start, verb), rest=rest)
        else:
            name = _capitalise(text)
        organizers, helpers = ([agent], []) if agent is not None else _organizers(ctx, lo, start)
        out.append(ctx.mention(k, k + n, rid, {
            "passive": "1" if group == "case" and agent is None else "",     # (a body that caught them: its operation)
            "canonical": name, "aliases": text, "trigger": "1", "frame": "operation", "group": group,
            "ident": f"op{SEP}{group}", "headline": "1" if headline and start == 0 else "", "local": "1",
            "organizers": _spans(organizers), "participants": _spans(helpers)}))
    return out


def _passive_agent(ctx: _Ctx, k: int):
    """"các nạn nhân được Công an tỉnh X giải cứu", "đối tượng A bị Công an huyện Y bắt quả tang": an operation
    verb of victims (groups rescue and repatriation, after "được") or of suspects (group case, after "bị") right
    after a body that the passive marker names as its agent. Returns
    ((words, group, rule), the body, index of "được"), or None."""
    if ctx.lower[k] not in ctx.er.first_words.get("operation", ()) or k < 3 or ctx.gap(k) != " ":
        return None
    op = ctx.match(k, "operation")
    if op is None or op[1] not in ("rescue", "repatriation", "case"):
        return None
    marker = "bị" if op[1] == "case" else "được"     # suspects are caught ("bị"), victims rescued ("được")
    at = ctx.words[k][0] + ctx.base - 1
    agent = next((m for m in ctx.mentions if m.type == "Organization" and m.end == at and not m.attr("nested")), None)
    if agent is None:
        return None
    d = next((i for i in range(k - 1, -1, -1) if ctx.words[i][1] + ctx.base <= agent.start), None)
    if d is None or ctx.lower[d] != marker or ctx.words[d][1] + ctx.base + 1 != agent.start:
        return None
    return op, agent, d


def _transfers(ctx: _Ctx) -> list[Mention]:
    """A dated handover of equipment or aid (events.tsv transfer), by a body to a body:
    - "Cục Thủy sản Nhật Bản đã chuyển giao tàu tuần tra cho Cảnh sát biển Việt Nam" (a date in the
      sentence), named by the clause from the giver to the receiver;
    - "… tàu được chuyển đổi từ tàu đánh cá do Cục Thủy sản Nhật Bản chuyển giao vào ngày 5/2/2015":
      the thing, then "do" (by) the giver and the day, named by that clause.
    Victims and suspects handed over are operations, not transfers."""
    out = []
    for k in _starting(ctx, "transfer"):
        if not (hit := ctx.match(k, "transfer")):
            continue
        n, _, rid = hit
        kk = k + n
        agent = _agent_before(ctx, k)
        if agent is None:
            continue
        a = ctx.word_at.get(agent.start - ctx.base, k)
        if a > 0 and ctx.lower[a - 1] == "do":           # the thing handed over comes first
            day = _DAY_AFTER.match(ctx.text, ctx.words[kk - 1][1])
            start = _clause_start(ctx, a)
            while start < a - 1 and (ctx.lower[start] in _NUMBER_WORDS or ctx.lower[start].isdigit()):
                start += 1                     # "Một tàu …": the thing, not its count
            if day is None or not 2 <= a - 1 - start <= 12 or ctx.match(start, "object"):
                continue
            text = ctx.text[ctx.words[start][0]:day.end()]
            links = {"organizers": _spans([agent])}
            ident = f"transfer{SEP}{mention_key(agent)}{SEP}{norm_key(text)}"
        else:                                  # "X chuyển giao <thing> cho Y", dated in the sentence
            to = next((x for x in range(kk + 1, min(kk + 8, ctx.n)) if ctx.lower[x] == "cho" and ctx.gap(x) == " "), None)
            receiver = ctx.starts.get(to + 1) if to is not None and to + 1 < ctx.n else None
            if receiver is None or receiver.type not in ("Organization", "Country") \
                    or any(_object_at(ctx, kk, g) for g in EVENT_GROUPS) \
                    or _e._cap(ctx.words[kk][2]) or not any(p.search(ctx.text) for p in (*_DAY_PATTERNS, _MONTH, _YEAR)):
                continue
            text = ctx.span(a, ctx.after_mention(receiver))
            links = {"organizers": _spans([agent]), "participants": _spans([receiver])}
            ident = f"transfer{SEP}{mention_key(agent)}{SEP}{mention_key(receiver)}"
        out.append(ctx.mention(k, kk, rid, {
            "canonical": _capitalise(text), "aliases": text, "trigger": "1", "frame": "transfer",
            "ident": ident, "local": "1", **links}))
    return out


_DAY_AFTER = re.compile(r" (?:vào )?ngày \d{1,2}[-/]\d{1,2}(?:[-/]\d{4})?")   # "… chuyển giao vào ngày 5/2/2015"


def _agent_before(ctx: _Ctx, k: int) -> Mention | None:
    """The body or country right before word k (adverbs such as "đã" between)."""
    j = k
    while j > 0 and (adv := ctx.match_end(j, "adverb")) is not None:
        j = adv[0]
    if j == 0 or ctx.gap(j) != " ":
        return None
    end = ctx.words[j - 1][1] + ctx.base
    return next((m for m in ctx.mentions if m.end == end and m.type in ("Organization", "Country")
                 and not m.attr("nested")), None)


def _host_after(ctx: _Ctx, kk: int) -> tuple[Mention | None, int]:
    """The host country right at word kk, or after a host word ("tới", "tại"): (mention, word after). After
    a host word the host may be a place of a country ("thăm và làm việc tại bang Virginia")."""
    if kk < ctx.n and ctx.gap(kk) == " ":
        h = ctx.match(kk, "host")
        at = kk + h[0] if h else kk
        m = ctx.starts.get(at) if h else None
        if m is not None and m.type == "Location" and ctx.gap(at) == " ":
            return m, ctx.after_mention(m)
        # the country may follow the words of its state's name ("Vương quốc Hà Lan", "CHLB Đức")
        for skip in range(0, 3):
            x = at + skip
            if x >= ctx.n or ctx.gap(x) != " " or (skip and not _e._cap(ctx.words[at][2])):
                break
            m = ctx.starts.get(x)
            if m is not None and m.type == "Country":
                return m, ctx.after_mention(m)
            if m is not None:
                break
    return None, kk


def _details(ctx: _Ctx, kk: int) -> int:
    """Past the visit details at word kk ("chính thức", ", làm việc", "cấp Nhà nước")."""
    while kk < ctx.n and ctx.gap(kk) in (" ", ", "):
        d = ctx.match(kk, "visit-detail")
        if d is None:
            break
        kk += d[0]
    return kk


def _country_name(ctx: _Ctx, m: Mention) -> str:
    return ctx.lex.entries[m.key].name if m.key in ctx.lex.entries else m.text


def _visits(ctx: _Ctx) -> list[Mention]:
    """Visits told by the verb ("Phó Thủ tướng X đã thăm chính thức Malaysia", "Đoàn … sang thăm,
    làm việc tại Việt Nam", "… tới thăm Khu công nghiệp An ninh") and by the noun ("chuyến thăm
    chính thức Việt Nam của Thủ tướng Nhật Bản Shinzo Abe", "chuyến thăm của X tới Nhật Bản")."""
    out = []
    er = ctx.er
    starts = er.first_words.get("visit-noun", frozenset()) | er.first_words.get("visit", frozenset())
    for k in compress(count(), map(starts.__contains__, ctx.lower)):
        w = ctx.lower[k]
        if w in er.first_words.get("visit-noun", ()) and (hit := ctx.match(k, "visit-noun")):
            m = _visit_noun(ctx, k, hit)
            if m is not None:
                out.append(m)
            continue
        if w not in er.first_words.get("visit", ()) or not (hit := ctx.match(k, "visit")):
            continue
        if ctx.match_end(k + hit[0], "visit-noun") is not None:
            continue                           # the "thăm" of "chuyến thăm"
        pre = ctx.match_end(k, "visit-prefix")
        p = pre[0] if pre is not None and ctx.gap(k) == " " else k
        after_verb = k + hit[0]
        kk = _details(ctx, after_verb)
        host, host_end = _host_after(ctx, kk)
        visitor = _subject(ctx, p)
        if visitor is not None and visitor.start > 0 and ctx.match_end(visitor.start, "irrealis") is not None:
            continue                           # "mời Thủ tướng X thăm Việt Nam": an invitation
        if host is not None and visitor is not None:
            detail = ctx.text[ctx.words[after_verb - 1][1]:host.end - ctx.base]
            vis = ctx.span(visitor.start, visitor.end) if visitor is not None else ""
            name = _fill(er, "visit", detail=detail, visitor=vis)
            adjacent = visitor is not None and visitor.end <= p and not any(
                ctx.gap(x) != " " for x in range(visitor.end, p + 1))
            alias_from = visitor.start if adjacent else p
            alias = ctx.text[ctx.words[alias_from][0]:host.end - ctx.base]
            who, home = _actor_links(ctx, visitor)
            out.append(ctx.mention(p, after_verb, hit[2], {
                "canonical": name, "aliases": alias, "trigger": "1", "frame": "visit",
                "ident": f"visit{SEP}{visitor.key if visitor else ''}{SEP}{host.key or norm_key(host.text)}",
                "visitor": visitor.key if visitor else "", "place": _country_name(ctx, host), "local": "1",
                "visitor_text": norm_key(vis), "participants": _spans(who), "home": "1" if home else "",
                "held": _spans([host])}))
        elif visitor is not None and visitor.complete and (at := _facility(ctx, kk, after_verb, pre is not None)):
            kk, dest = at
            place = ctx.span(kk, dest)
            who, home = _actor_links(ctx, visitor)
            where = [m for m in _top(ctx, ("Location",), kk, dest)]
            out.append(ctx.mention(p, after_verb, hit[2], {
                "canonical": _fill(er, "facility", place=place), "aliases": ctx.span(p, dest), "trigger": "1",
                "frame": "visit", "ident": f"facility{SEP}{norm_key(place)}", "place": place, "local": "1",
                "participants": _spans(who), "held": _spans(where[:1])}))
    return out


def _facility(ctx: _Ctx, kk: int, after_verb: int, moved: bool) -> tuple[int, int] | None:
    """Where a visit told by "thăm" goes when it is no country: a named place or body right after a motion
    verb and "thăm" ("đến thăm Khu công nghiệp An ninh"), a body right after "thăm" ("thăm Đại học X"), or
    a body after the visit's details and a host word ("thăm và làm việc tại Trung tâm X"); (first word,
    word after) or None."""
    if kk == after_verb:
        if moved:
            dest = _destination(ctx, kk)
            return (kk, dest) if dest is not None else None
        m = ctx.starts.get(kk) if kk < ctx.n and ctx.gap(kk) == " " else None
        return (kk, ctx.after_mention(m)) if m is not None and m.type == "Organization" else None
    h = ctx.match(kk, "host") if kk < ctx.n and ctx.gap(kk) == " " else None
    m = ctx.starts.get(kk + h[0]) if h is not None and kk + h[0] < ctx.n else None
    if m is None or m.type != "Organization" or ctx.gap(kk + h[0]) != " ":
        return None
    return kk + h[0], ctx.after_mention(m)


def _destination(ctx: _Ctx, k: int) -> int | None:
    """"Khu công nghiệp An ninh", "Trường Đại học Việt Nhật": a named place or body at word k, as
    the place a delegation visits; the word index after it, or None."""
    if k >= ctx.n or ctx.gap(k) != " " or not ctx.words[k][2][:1].isupper():
        return None
    m = ctx.starts.get(k)
    if m is not None:
        return ctx.after_mention(m) if m.type in ("Organization", "Location") else None
    end = _phrase_end(ctx, k, limit=8)
    e = end
    while e > k + 1 and not _e._cap(ctx.words[e - 1][2]) and not any(_e._cap(ctx.words[x][2]) for x in range(k + 1, e)):
        e -= 1
    last_cap = max((x for x in range(k + 1, end) if _e._cap(ctx.words[x][2])), default=None)
    if last_cap is None:
        return None
    # the name runs through the word after its last capitalised one when that is lower-case ("An ninh")
    stop = last_cap + 1
    if stop < end and ctx.words[stop][2].islower() and stop + 1 == end:
        stop += 1
    return stop


def _visitor_after(ctx: _Ctx, kk: int):
    """"… của Thủ tướng X": the visitor named after the visit noun's host or details, and the word after him."""
    if kk < ctx.n and ctx.gap(kk) == " " and ctx.lower[kk] == "của":
        visitor = _actor_forward(ctx, kk + 1, coordinate="any")
        if visitor is not None and visitor.complete:
            return visitor, visitor.end
    return None, kk


def _visit_noun(ctx: _Ctx, k: int, hit) -> Mention | None:
    if _plural_before(ctx.s, k, ctx.lex):
        return None
    kk = _details(ctx, k + hit[0])
    host, kk = _host_after(ctx, kk) if kk < ctx.n and ctx.match(kk, "host") is None else (None, kk)
    visitor = None
    year = re.match(r" năm \d{4}(?!\w)", ctx.text[ctx.words[kk - 1][1]:ctx.words[kk - 1][1] + 10]) if kk < ctx.n else None
    if year and kk + 2 < ctx.n and ctx.lower[kk + 2] == "của":
        kk += 2                                # "chuyến thăm Hoa Kỳ năm 2015 của …": the year is in the name
    visitor, kk = _visitor_after(ctx, kk)
    if host is None:
        host, kk = _host_after(ctx, kk)
        if visitor is None and host is not None:
            visitor, kk = _visitor_after(ctx, kk)   # "chuyến thăm … tại Hà Lan của Thủ tướng X"
    if visitor is None and host is None:
        return None
    np_text = ctx.span(k, kk)
    name = _capitalise(np_text)
    fv = ctx.match_end(k, "frame-verb") if visitor is None and k > 0 and ctx.gap(k) == " " else None
    if fv is not None and fv[1] != "talks":
        # "Thủ tướng X kết thúc chuyến thăm chính thức Hà Lan": the subject of the verb is the visitor
        subj = _subject(ctx, fv[0])
        if subj is not None and (subj.named or subj.delegation):
            visitor = subj
            detail = ctx.text[ctx.words[k + hit[0] - 1][1]:ctx.words[kk - 1][1]]
            name = _fill(ctx.er, "visit", detail=detail, visitor=ctx.span(subj.start, subj.end))
    comma = kk
    if visitor is None and k > 0 and kk < ctx.n and ctx.gap(kk) == " " and ctx.words[kk][2].islower():
        # "trong chuyến thăm Tây Ban Nha dự lễ kỷ niệm …, Phó Thủ tướng X": what the visit was for, up to its comma
        comma = next((i for i in range(kk + 1, min(kk + 24, ctx.n)) if ctx.gap(i) != " "), kk)
        if ctx.gap(comma) != ", ":
            comma = kk
    if visitor is None and k > 0 and ctx.match_end(k, "opener") is not None and comma < ctx.n and ctx.gap(comma) == ", ":
        # "Tháng 11/2007, trong chuyến thăm Nhật Bản, Chủ tịch nước X đã …", "Tiếp tục chuyến thăm …,
        # chiều 10-7, Thủ tướng X …": the visitor is the subject of the clause after it (a short
        # dated adjunct may come first)
        # (up to two short adjuncts, each a date or a place: "chiều 11/7 (giờ địa phương), tại thủ đô La Hay,")
        at = comma
        for _ in range(2):
            nxt = next((i for i in range(at + 1, min(at + 10, ctx.n)) if ctx.gap(i) in (", ", "), ")), None)
            if _actor_forward(ctx, at, coordinate="companion") is not None or nxt is None \
                    or not (any(c.isdigit() for w in ctx.lower[at:nxt] for c in w) or ctx.match(at, "at") is not None):
                break
            at = nxt
        after = _actor_forward(ctx, at, coordinate="companion")
        if after is not None and after.named:
            visitor = after
            detail = ctx.text[ctx.words[k + hit[0] - 1][1]:ctx.words[kk - 1][1]]
            name = _fill(ctx.er, "visit", detail=detail, visitor=ctx.span(after.start, after.end))
    who, home = _actor_links(ctx, visitor) if visitor is not None else ([], False)
    return ctx.mention(k, k + hit[0], hit[2], {
        "participants": _spans(who), "home": "1" if home else "", "held": _spans([host] if host else []),
        "canonical": name, "aliases": np_text, "trigger": "1", "frame": "visit",
        "ident": f"visit{SEP}{visitor.key if visitor else ''}{SEP}{(host.key or norm_key(host.text)) if host else ''}",
        "visitor": visitor.key if visitor else "", "place": _country_name(ctx, host) if host else "", "local": "1",
        "visitor_text": norm_key(ctx.span(visitor.start, visitor.end)) if visitor else ""})


def _talks(ctx: _Ctx) -> list[Mention]:
    """Talks: "A (tiếp và) hội đàm với B" and "(cuộc) hội đàm giữa A và B", named "Hội đàm giữa A và
    B" (events.tsv name/talks); the sides are persons, delegations, bodies or countries."""
    out = []
    for kind, k in chain(zip(repeat("talks"), _starting(ctx, "talks")), zip(repeat("reception"), _starting(ctx, "reception")),
                         zip(repeat("meet"), _starting(ctx, "meet"))):
        if not (hit := ctx.match(k, kind)):
            continue
        also = None                            # a second person met on the other side
        n, head, rid = hit
        kk = k + n
        start = k
        manner = ctx.match(kk, "manner") if kk < ctx.n and ctx.gap(kk) == " " else None
        if manner is not None and kk + manner[0] < ctx.n:
            kk += manner[0]                    # "cuộc gặp song phương với …" (a bilateral meeting with)
        if kk < ctx.n and ctx.gap(kk) != " ":
            kk = ctx.n                         # "… đã hội đàm." / "…, hội đàm," : no side after it
        if kk < ctx.n and ctx.match(kk, "between"):
            a = _actor_forward(ctx, kk + 1, coordinate="none")
            b = None
            if a is not None and a.end < ctx.n and ctx.gap(a.end) == " " and (
                    ctx.lower[a.end] in ctx.lex.and_words or ctx.match(a.end, "partner") is not None):
                b = _actor_forward(ctx, a.end + 1, coordinate="none")   # "giữa A và B", "giữa A với B"
            elif a is None and kk + 1 < ctx.n and ctx.match(kk + 1, "both") and (pair := _pair_opening(ctx)):
                a, b = pair                    # "A và B nhất trí … tại buổi hội đàm giữa hai nhà lãnh đạo": the two
                # the sentence opens with
            cls = _talks_classifier(ctx, k)
            start = cls if cls is not None else k
        elif kk < ctx.n and (ctx.match(kk, "partner") or _actor_forward(ctx, kk, coordinate="none") is not None
                             or _partner_after_verbs(ctx, kk) is not None) \
                and (kind not in _CALLS or _actor_forward(ctx, kk, coordinate="none") is not None):
            # (a reception's visitor follows the verb: "tiếp và hội đàm với X" are talks with X)
            at = kk + 1 if ctx.match(kk, "partner") else (_partner_after_verbs(ctx, kk) or kk)
            b = _actor_forward(ctx, at, coordinate="none")
            if b is None or not b.named and at == kk and not (b.state and not b.key.startswith("|")) \
                    and not (kind == "reception" and b.delegation and b.complete):
                continue                       # "hội kiến Thủ tướng X" (no "với") needs a name, or a head of state
                # or government with the country he acts for ("hội kiến Tổng thống Pháp"); a reception may receive
                # a body's leaders or delegation ("tiếp lãnh đạo Liên minh X", events.tsv actor delegation)
            if b.end + 1 < ctx.n and ctx.gap(b.end) == " " and ctx.lower[b.end] in ctx.lex.and_words \
                    and (b2 := _actor_forward(ctx, b.end + 1, coordinate="none")) is not None and b2.named and b2.complete:
                also = b2                      # "hội kiến Chủ tịch Thượng viện X và Chủ tịch Hạ viện Y": both met
            # "X đã có cuộc hội đàm với Y": the subject is before the verb that has the talks
            subj_at = k
            cls = _talks_classifier(ctx, k)
            if cls is not None and (fv := ctx.match_end(cls, "frame-verb")) is not None and ctx.gap(cls) == " ":
                subj_at = start = fv[0]
            a = _subject(ctx, subj_at)
            if a is None and kind == "reception" and _fronted(ctx, start):
                a = _subject_after_comma(ctx, b.end)
            if a is not None and a.start > 0 and ctx.match_end(a.start, "irrealis") is not None:
                continue                       # "Cục đề xuất lãnh đạo Bộ tổ chức buổi làm việc với …": proposed
            while start > 0 and (adv := ctx.match_end(start, "adverb")) is not None and ctx.gap(start) == " ":
                start = adv[0]
        elif kind in _CALLS:
            continue                           # a reception is told with its visitor after the verb
        else:
            # "Thủ tướng A và Tổng thống B đã hội đàm": the coordinated subject is both sides; also
            # through the verb that has the talks ("A và B đã tiến hành / tổ chức (cuộc) hội đàm")
            at = k
            cls = _talks_classifier(ctx, k)
            verb_at = cls if cls is not None else k
            if verb_at > 0 and ctx.gap(verb_at) == " " and (fv := ctx.match_end(verb_at, "frame-verb")) is not None:
                at = fv[0]
            pair = _coordinated_before(ctx, at)
            if pair is None:
                continue
            a, b = pair
            start = a.start
            out.append(ctx.mention(k, k + n, rid, {
                "canonical": _fill(ctx.er, "talks", head=head, a=ctx.span(a.start, a.end), b=ctx.span(b.start, b.end)),
                "aliases": ctx.span(start, k + n), "trigger": "1", "frame": "talks", "held": _place_after(ctx, k + n),
                "ident": f"talks{SEP}" + SEP.join(sorted((a.key, b.key))), "local": "1", **_sides(ctx, a, b)}))
            continue
        if a is None or b is None or not (a.complete and b.complete):
            continue
        if kind in _CALLS and (not a.official or a.start > 0 and ctx.gap(a.start) == " "
                               and ctx.match_end(a.start, "host") is not None):
            continue                           # "ông X gặp bà Y": two people meeting, no official call; "… tới
            # Pháp gặp Tổng thống Macron": a country after "tới" is where one goes, not who meets
        if kind == "meet" and not (a.person and b.person):
            continue                           # "Thủ tướng gặp Chủ tịch Thượng viện" (a headline): the one met unnamed
        name = _fill(ctx.er, "talks" if kind == "meet" else kind, head=head, a=ctx.span(a.start, a.end),
                     b=ctx.span(b.start, b.end))
        out.append(ctx.mention(k, k + n, rid, {
            "canonical": name, "aliases": ctx.span(start, b.end), "trigger": "1", "frame": "talks",
            **({"met": "1"} if kind == "meet" else {}), "held": _place_after(ctx, (also or b).end),
            "ident": f"talks{SEP}" + SEP.join(sorted((a.key, b.key))), "local": "1", **_sides(ctx, a, b, also)}))
    return out


def _fronted(ctx: _Ctx, k: int) -> bool:
    """Does the clause at word k open the sentence, alone or after "tại" / an opener ("Tiếp lãnh đạo X, Thủ
    tướng …", "Tại cuộc tiếp X, …")? Such a fronted clause's subject comes after its comma."""
    if k > 0 and ctx.gap(k) == " " and (cls := _classifier_before(ctx.s, k, ctx.er)) is not None:
        k = cls                                # "Tại cuộc tiếp …"
    if k == 0:
        return True
    if ctx.gap(k) != " ":
        return False
    hit = ctx.match_end(k, "opener") or ctx.match_end(k, "host")
    return hit is not None and hit[0] == 0


def _subject_after_comma(ctx: _Ctx, k: int) -> _Actor | None:
    """The actor right after the comma that closes a fronted clause ending near word k (its acronym in
    brackets may come first): "Tiếp lãnh đạo Liên minh X (EABA), Thủ tướng Y đánh giá cao …"."""
    for x in range(k, min(ctx.n, k + 6)):
        gap = ctx.gap(x).strip()
        if gap.lstrip(")") == ",":
            a = _actor_forward(ctx, x, coordinate="companion")
            return a if a is not None and a.complete and a.official else None
        if gap not in ("", "(", ")", "-", "–"):
            break
    return None


def _place_after(ctx: _Ctx, k: int) -> str:
    """"… hội đàm với Thủ tướng X tại La Hay": the place right after the talks' last side, after "tại"
    (cues.tsv heldIn/place), as the span of its mention ("" for none)."""
    if k + 1 < ctx.n and ctx.gap(k) == " " and ctx.lower[k] + " " in ctx.lex.place_marks and ctx.gap(k + 1) == " ":
        m = ctx.starts.get(k + 1)
        if m is not None and m.type in ("Location", "Country"):
            return _spans([m])
    return ""


def _sides(ctx: _Ctx, a: _Actor, b: _Actor, also: _Actor | None = None) -> dict[str, str]:
    """The participants of talks: both sides (see _actor_links), and a second person met on the other side."""
    wa, home_a = _actor_links(ctx, a, bodies=True)
    wb, _ = _actor_links(ctx, b, bodies=True)
    side_b = _spans([m for m in wb if m.type in ("Organization", "Country")])
    if also is not None:                 # (the side stays the first one met's)
        wb = wb + _actor_links(ctx, also, bodies=True)[0]
    # only the subject's head of government is the home press's own ("Thủ tướng X hội đàm với Thủ
    # tướng Y": Y, named without a country, is the other side's)
    # the bodies (and countries) of the two sides work with each other ("Bộ trưởng Bộ Công an X hội
    # đàm với Bộ trưởng Bộ Nội vụ Slovakia Y": the two ministries cooperate)
    parties = ("Organization", "Country")
    return {"participants": _spans(wa + wb), "home": "1" if home_a else "",
            "side_a": _spans([m for m in wa if m.type in parties]), "side_b": side_b,
            "b_leader": "1" if b.state and b.named else ""}     # a head of state or government, by name


def _pair_opening(ctx: _Ctx) -> tuple[_Actor, _Actor] | None:
    """"Thủ tướng A và Thủ tướng B nhất trí …": the two named actors joined by "và" that open the sentence."""
    a = _actor_forward(ctx, 0, coordinate="none")
    if a is None or not a.complete or a.end + 1 >= ctx.n or ctx.lower[a.end] not in ctx.lex.and_words \
            or ctx.gap(a.end) != " ":
        return None
    b = _actor_forward(ctx, a.end + 1, coordinate="none")
    return (a, b) if b is not None and b.complete and (a.named or b.named) else None


def _partner_after_verbs(ctx: _Ctx, kk: int) -> int | None:
    """"hội đàm và dự chiêu đãi với Thủ tướng X": after "và" and up to four lower-case words, the
    word index after the partner word ("với"), else None."""
    if kk >= ctx.n or ctx.lower[kk] not in ctx.lex.and_words:
        return None
    for x in range(kk + 1, min(kk + 6, ctx.n)):
        if ctx.gap(x) != " " or not ctx.words[x][2].islower():
            return None
        if ctx.match(x, "partner") and x > kk + 1:
            return x + 1
    return None


def _coordinated_before(ctx: _Ctx, k: int) -> tuple[_Actor, _Actor] | None:
    """"Thủ tướng A và Tổng thống B (đã) hội đàm": the two actors joined by "và" before word k."""
    j = k
    while j > 0 and (adv := ctx.match_end(j, "adverb")) is not None and ctx.gap(j) == " ":
        j = adv[0]
    if j == 0 or ctx.gap(j) != " ":
        return None
    b = _actor_before(ctx, j)
    if b is None or not b.complete or b.start < 2 or ctx.lower[b.start - 1] not in ctx.lex.and_words:
        return None
    a = _actor_before(ctx, b.start - 1)
    # a person by name, or two bodies or countries ("Bộ Công an và Bộ Nội vụ Lào đã hội đàm")
    if a is None or not a.complete or not (a.named or b.named or not a.key.startswith("|") and not b.key.startswith("|")):
        return None
    return a, b


# after a standing body named like a meeting: its n-th session or the year's ("lần thứ 12", "năm 2017", "2017"),
# also after its acronym in parentheses ("Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng (ADMM+) lần thứ 4")
_EDITION_AFTER = re.compile(r"(?: \([A-Z][A-Za-z0-9+\-]{1,14}\))? (?:lần thứ (?:\d+|[A-ZĐ]+|\w+)|năm \d{4}|(?:19|20)\d\d)(?!\w)")


def _meetings_of_bodies(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Hội nghị Cấp cao Đông Á lần thứ 12": a standing body the gazetteer knows by an event head
    (EAS, ADMM) followed by its session's ordinal or year is that session, an Event."""
    out = []
    for m in mentions:
        if m.type != "Organization" or not m.key or not m.text.split():
            continue
        first = m.text.split()[0]
        if not any(m.text.startswith(" ".join(hw)) for hw, _, _ in lex.heads_by_first.get("Event", {}).get(first, ())):
            continue
        ed = _EDITION_AFTER.match(doc.text, m.end)
        if ed is None:
            continue
        text = doc.text[m.start:ed.end()]
        out.append(Mention(m.doc, m.sentence, m.start, ed.end(), text, "Event", m.rule))
    return out


_YEAR_AT = re.compile(r"năm (\d{4})(?!\w)")
_NHU = re.compile(r"(?<!\w)như(?!\w)")             # "các diễn đàn … như A, B": "như" (such as) opens the list
_LIST_END = re.compile(r",\s+[a-zđà-ỹ]|;|\.(?:\s|$)")  # the list ends at a clause


def _forum_bodies(doc: Document, mentions: list[Mention], er: EventRules, lowered: str) -> list[Mention]:
    """Standing intergovernmental bodies named like events are Organizations: those listed after a
    forum frame ("các diễn đàn khu vực và quốc tế như …, Diễn đàn Khu vực ASEAN (ARF)"), and a forum
    head nested in a meeting's title ("Hội nghị Quan chức cao cấp Diễn đàn khu vực ASEAN")."""
    heads, frame_rule = er.forum_heads, er.forum_frame_rule     # (made once per rule set)
    listed: dict[int, str] = {}
    for si, sent in enumerate(doc.sentences if er.frames.search(lowered) else ()):
        low = lowered_part(doc.text, sent.start, sent.start + len(sent.text))
        for fm in er.frames.finditer(low):
            nhu = _NHU.search(low, fm.end(), fm.end() + 80)
            if nhu is None:
                continue
            stop = _LIST_END.search(sent.text, nhu.end())
            hi = stop.start() if stop else len(sent.text)
            for m in mentions:
                if m.type == "Event" and m.sentence == si and nhu.end() <= m.start - sent.start < hi \
                        and not m.attr("trigger"):
                    listed[id(m)] = frame_rule
    out = []
    for m in mentions:
        if id(m) in listed:
            attrs = {k: v for k, v in m.attrs if k in ("aliases", "canonical")}
            out.append(replace(m, type="Organization", rule=listed[id(m)], attrs=tuple(sorted(attrs.items()))))
            continue
        out.append(m)
        if m.type != "Event" or dict(m.attrs).get("trigger") or dict(m.attrs).get("anaphor") or dict(m.attrs).get("bare"):
            continue
        lowtext = m.text.lower()
        for words, rid in heads:
            at = lowtext.find(" " + " ".join(words) + " ")
            if at > 0 and m.text[at + 1].isupper():
                inner = m.text[at + 1:]
                out.append(Mention(m.doc, m.sentence, m.start + at + 1, m.end, inner, "Organization", rid,
                                   attrs=(("nested", "Event"),)))
                break
    return out


# --- dates ---------------------------------------------------------------------------------

_DAY_PATTERNS = (
    re.compile(r"\b[Tt]ừ ngày (\d{1,2})(?:\s*[-–—]\s*\d{1,2})?/(\d{1,2})(?:/(\d{4}))?"),
    # "Từ ngày 3 đến 5/9/2024": the first day, in the month and year given with the last
    re.compile(r"\b[Tt]ừ ngày (\d{1,2}) đến (?:ngày )?\d{1,2}[-/](\d{1,2})(?:[-/](\d{4}))?"),
    re.compile(r"\b(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)(?: ngày)? (\d{1,2})(?:\s*[-–—]\s*\d{1,2})?[-/](\d{1,2})(?:[-/](\d{4}))?"),
)
_MONTH = re.compile(r"\b[Tt]háng (\d{1,2})\s*[-/]\s*(\d{4})\b")
_YEAR = re.compile(r"\b[Nn]ăm (\d{4})\b")


def _date_of(m: re.Match, doc_date: str) -> tuple[str, str]:
    """(ISO date, "MM-DD" or "") of a date match; the year from the article when the text gives none."""
    if m.re is _YEAR:
        return m.group(1), ""
    if m.re is _MONTH:
        month = int(m.group(1))
        return (f"{m.group(2)}-{month:02d}", "") if 1 <= month <= 12 else ("", "")
    day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return "", ""
    year = year or (doc_date[:4] if doc_date else "")
    return (f"{year}-{month:02d}-{day:02d}" if year else ""), f"{month:02d}-{day:02d}"


def _scope(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence at the mention's level of parentheses: an event named inside
    "( … )" takes its date and place from inside them, and one outside from outside them."""
    open_at = sentence.rfind("(", 0, start)
    if open_at >= 0 and sentence.find(")", open_at) in (-1,) or (open_at >= 0 and sentence.find(")", open_at) >= end):
        close = sentence.find(")", end)
        return open_at + 1, close if close >= 0 else len(sentence)
    return 0, len(sentence)


def _outside_parens(sentence: str, pos: int, lo: int, hi: int) -> bool:
    if (lo, hi) != (0, len(sentence)):
        return True
    depth = sentence[:pos].count("(") - sentence[:pos].count(")")
    return depth <= 0


_DIGIT = re.compile(r"\d")
_DATES: tuple[str | None, list[re.Match]] = (None, [])


def _day_and_month_matches(sentence: str) -> list[re.Match]:
    """The matches of _DAY_PATTERNS then _MONTH in the sentence, in that order (as the loops over them
    found them), remembered for the last sentence: its events ask for them one by one. Each pattern
    needs a digit: a sentence without one has none."""
    global _DATES
    last = _DATES                            # (one tuple, read and replaced whole: safe under threads)
    if last[0] is not sentence:
        found = [m for pat in (*_DAY_PATTERNS, _MONTH) for m in pat.finditer(sentence)] \
            if _DIGIT.search(sentence) else []
        last = _DATES = (sentence, found)
    return last[1]


def _when(sentence: str, doc_date: str, start: int, end: int, reports: tuple[str, ...] = (),
          others: tuple[int, ...] = ()) -> tuple[str, str]:
    """(date, "MM-DD") stated for the event named at sentence[start:end]: the date nearest before
    it (at its level of parentheses) unless a reporting verb stands between ("Ngày 19-5, X cho
    biết đã …": the report's date), else the nearest after it unless another event (starting at
    one of `others`) comes first; a year ("Năm 2020, …") only before."""
    lo, hi = _scope(sentence, start, end)
    found = [m for m in _day_and_month_matches(sentence) if lo <= m.start() < hi
             and _outside_parens(sentence, m.start(), lo, hi)
             and not (m.start() >= end and any(end <= o < m.start() for o in others))]
    if reports:
        low = sentence.lower()
        found = [m for m in found if m.start() >= start or not any(
            re.search(r"(?<!\w)" + re.escape(r) + r"(?!\w)", low[m.end():start]) for r in reports)]
    if not found:
        found = [m for m in _YEAR.finditer(sentence) if lo <= m.start() < min(hi, start)
                 and _outside_parens(sentence, m.start(), lo, hi)]
    if not found:
        return "", ""
    before = [m for m in found if m.start() < start]
    best = max(before, key=lambda m: m.start()) if before else min(found, key=lambda m: m.start())
    return _date_of(best, doc_date)


def event_date(sentence: str, doc_date: str, start: int | None = None, end: int | None = None) -> str:
    """Date stated for the event named at sentence[start:end], completed with the article's year:
    "Từ ngày 10-11/7" in an article of 2024-07-11 -> 2024-07-10; "Năm 2020, …" -> "2020"; "tháng
    4/2009" -> "2009-04". The date nearest before the name (at its level of parentheses) wins,
    else the nearest after it. Nothing stated -> "" (never guessed)."""
    start = len(sentence) if start is None else start
    end = len(sentence) if end is None else end
    return _when(sentence, doc_date, start, end)[0]


# --- the article: which mentions are one event, the main event, dates and places -----------

def _is_title(doc: Document) -> bool:
    return bool(doc.sentences and doc.title and doc.sentences[0].text.strip() == doc.title.strip())


def _frame_events(doc: Document, mentions: list[Mention], lex: Lexicon, er: EventRules, lowered: str) -> list[Mention]:
    """The events told by a verb or a visit noun, sentence by sentence."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    headline = _is_title(doc)
    out: list[Mention] = []
    verbs: set[str] = set()                     # the meeting verb a headline opens with
    low = document_form(doc.text)                 # lower case, same length as the text
    if low is None:
        low = match_form(doc.text, lowered)
    hits, meetings, operations = [], [], set()
    for end, (size, kind) in er.triggers.iter(low):
        if (end - size >= 0 and low[end - size].isalnum()) or (end + 1 < len(low) and low[end + 1].isalnum()):
            continue
        start = end - size + 1
        if kind == "meeting":
            meetings.append(start)
        elif kind is None or _may_tell_event(kind, doc.text, low, start, end + 1, er):
            hits.append(start)
            if kind == "operation":
                operations.add(start)
    if meetings:
        # a meeting verb tells an event in a headline that opens with one and in its body (told again there,
        # _headline_meeting), or with "với" and who met after it in its sentence (_meetings)
        ends = [s.end for s in doc.sentences]
        first = doc.sentences[0] if headline and doc.sentences else None
        titled = first is not None and first.start + len(first.text) - len(first.text.lstrip()) in meetings
        hits += [a for a in meetings
                 if titled or (x := bisect_left(ends, a + 1)) < len(ends) and " với " in low[a:ends[x]]]
    hits.sort()
    for si, sent in enumerate(doc.sentences if hits else ()):
        k = bisect_left(hits, sent.start)
        if k == len(hits) or hits[k] >= sent.end:
            continue                                # no trigger in this sentence
        if not (headline and si == 0) and operations.issuperset(hits[k:bisect_left(hits, sent.end, k)]) \
                and not any(m.type == "Organization" for m in by_sentence.get(si, ())):
            continue                                # operation verbs only, and no body to act (_operations, _outcomes)
        ctx = _Ctx(doc, si, by_sentence.get(si, []), lex, er)
        if not ctx.n:
            continue
        head = headline and si == 0
        names = [(m.start, m.end) for m in ctx.mentions if not m.attr("anaphor") and not m.attr("bare")]
        found = [m for m in _operations(ctx, head) + _outcomes(ctx, head) + _visits(ctx) + _talks(ctx) + _transfers(ctx)
                 if not any(a <= m.start < b for a, b in names)]    # "Lễ tiếp nhận, bàn giao …" is a title
        meeting = _headline_meeting(ctx) if head and not found else None
        if meeting is not None:
            verbs.add(meeting.attr("ident"))
            found.append(meeting)
        else:
            found += [m for m in _meetings(ctx, verbs) if not any(a <= m.start < b for a, b in names)]
        out += found
    # a suspect caught, told in the passive ("đối tượng … đã bị bắt giữ"), is a step of a case the
    # article tells actively; alone it names no operation
    active = {m.attr("group") for m in out if m.attr("frame") == "operation" and not m.attr("passive")}
    return [m for m in out if not (m.attr("passive") and m.attr("group") not in active)]


def _may_tell_event(kind: str, text: str, low: str, start: int, at: int, er: EventRules) -> bool:
    """May the trigger of `kind` between `start` and `at` tell an event, as its scanner reads it? (No: its
    sentence needs no scan.)"""
    if kind == "operation":                # (the passive with its agent before the verb has its object before)
        return _object_may_follow(text, low, at, er.object_starts) \
            or _PASSIVE_BEFORE.search(low, max(0, start - 121), start + 1) is not None
    if kind == "visit":
        return _place_may_follow(text, low, at, er.visit_starts)
    if kind == "transfer":                 # "… chuyển giao <thing> cho Y", "… do X chuyển giao vào ngày D"
        return _DAY_AFTER.match(text, at) is not None or " cho " in low[at:at + 100]
    if kind == "meet":
        return _visitor_may_follow(text, low, at, er.meet_starts, titled=True)
    return _visitor_may_follow(text, low, at, er.first_words.get("actor", frozenset()))     # reception


def _word_after(text: str, low: str, at: int) -> tuple[str, bool] | None:
    """The word after a verb that ends at `at`: (its lower-case form, whether it is capitalised); None unless a
    space follows the verb."""
    if text[at:at + 1] != " ":
        return None
    end = at + 1
    while end < len(low) and low[end].isalnum():
        end += 1
    return low[at + 1:end], text[at + 1:at + 2].isupper()


def _object_may_follow(text: str, low: str, at: int, starts: frozenset) -> bool:
    """After an operation verb, does a word follow that may open its object (_object_at): a capital or a title (a
    suspect's name), a number, a manner word or an object's first word ("phá đường dây"), or a second verb after "," or
    "và" ("tiếp nhận, xác minh 15 công dân")? ("phá hủy", "phá rừng", "khám phá" do not: no scan.)"""
    if low.startswith(", ", at) or low.startswith(" và ", at):
        return True
    nxt = _word_after(text, low, at)
    return nxt is not None and (nxt[1] or nxt[0].isdigit() or nxt[0] in starts)


def _place_may_follow(text: str, low: str, at: int, starts: frozenset) -> bool:
    """After the verb "thăm", does a word follow that may open what _visits reads: a capital (the host, a place or a
    body), a visit detail or a host word ("chính thức", "và làm việc", "tại"), or ", " ("thăm, làm việc tại")?
    ("thăm hỏi", "thăm khám", "thăm dò" do not: no scan.)"""
    if low.startswith(", ", at):
        return True
    nxt = _word_after(text, low, at)
    return nxt is not None and (nxt[1] or nxt[0] in starts)


def _visitor_may_follow(text: str, low: str, at: int, actors: frozenset, titled: bool = False) -> bool:
    """After a reception verb ("tiếp"), does a word follow that may open its visitor: a capital, or an actor's
    first word ("ông", "đoàn")? ("tiếp tục", "tiếp nhận", the commonest, do not: their sentences need no scan.)
    titled: a word of `actors` only (for "gặp", also "giữa", "với": "gặp Thủ tướng X", "cuộc gặp giữa A và B";
    "gặp Thái Lan", "gặp khó khăn" need no scan)."""
    nxt = _word_after(text, low, at)
    return nxt is not None and (nxt[0] in actors or not titled and nxt[1])


def _meeting_head(name: str, lex: Lexicon) -> bool:
    """Does the name open with a meeting's head (cues.tsv participatedIn/meeting: "Hội nghị", "Tọa đàm", …)?"""
    low = name.lower()
    return any(low == h.lower() or low.startswith(h.lower() + " ")
               for h in lex.word_classes.get("participatedIn/meeting", ()))


def _headline_meeting(ctx: _Ctx) -> Mention | None:
    """"Gặp mặt Trưởng các cơ quan đại diện …": a headline that opens with a meeting verb (events.tsv
    meeting) names the article's main event; the whole headline is its name."""
    hit = ctx.match(0, "meeting")
    if hit is None or hit[0] >= ctx.n:
        return None
    text = ctx.text.strip().rstrip(".")
    return ctx.mention(0, hit[0], hit[2], {
        "canonical": _capitalise(text), "aliases": text, "trigger": "1", "frame": "meeting",
        "ident": f"meet{SEP}{' '.join(ctx.lower[:hit[0]])}", "headline": "1", "local": "1"})


def _group_at(ctx: _Ctx, k: int) -> bool:
    """Does a group start at word k: a count ("gần 200 doanh nhân"), a plural marker (cues.tsv plural: "các",
    "một số") or a named body? An official meets a group, or a body; "tiếp xúc với con trai" (met the son)
    is no meeting of note."""
    if k >= ctx.n:
        return False
    if any(c.isdigit() for w in ctx.lower[k:k + 2] for c in w) or k in ctx.starts:
        return True
    # (a role before the plural: "đại sứ các nước ASEAN", the ambassadors of the ASEAN countries)
    for at in range(k, min(k + 3, ctx.n)):
        if at > k and (ctx.gap(at) != " " or not ctx.words[at - 1][2].islower()):
            break
        if any(ctx.text.startswith(p + " ", ctx.words[at][0]) or ctx.text.startswith(p[:1].upper() + p[1:] + " ", ctx.words[at][0])
               for p, _, _ in ctx.lex.cues.get("plural", ())):
            return True
    return False


def _meetings(ctx: _Ctx, headline_verbs: set[str]) -> list[Mention]:
    """Meetings told by a verb with who met: the meeting verb of the headline told again in the
    body ("Chủ tịch Quốc hội X gặp mặt …": the same event, its clause an alias), and an official or
    a body meeting a group ("Thủ tướng X đã gặp gỡ và đối thoại với gần 200 doanh nhân …"), named by
    the verb phrase through the group."""
    out = []
    for k in _starting(ctx, "meeting"):
        hit = ctx.match(k, "meeting")
        if hit is None or (k > 0 and ctx.match_end(k, "meeting") is not None):
            continue                           # the second verb of "gặp gỡ và đối thoại"
        fv = ctx.match_end(k, "frame-verb") if k > 0 and ctx.gap(k) == " " else None
        subj = _subject(ctx, fv[0] if fv is not None else k)    # "X đã có buổi gặp …": the subject of "có"
        if subj is None:
            continue
        verb = f"meet{SEP}{' '.join(ctx.lower[k:k + hit[0]])}"
        kk = k + hit[0]
        if kk < ctx.n and ctx.lower[kk] in ctx.lex.and_words and (second := ctx.match(kk + 1, "meeting")):
            kk += 1 + second[0]
        partner = kk < ctx.n and ctx.gap(kk) == " " and ctx.match(kk, "partner") is not None
        if not partner and (after := _partner_after_verbs(ctx, kk)) is not None:
            kk, partner = after - 1, True       # "buổi gặp và ăn trưa với …": what else they did, then who
        if verb not in headline_verbs and not (partner and (subj.named or subj.state or subj.delegation)
                                               and _group_at(ctx, kk + 1)):
            continue
        end = _phrase_end(ctx, kk + 1 if partner else kk)
        text = ctx.span(k, end)
        who, home = _actor_links(ctx, subj, bodies=True)
        out.append(ctx.mention(k, kk, hit[2], {
            "canonical": _capitalise(text), "aliases": text, "trigger": "1", "frame": "meeting",
            "ident": verb if verb in headline_verbs else f"{verb}{SEP}{subj.key}", "local": "1",
            "participants": _spans(who), "home": "1" if home else ""}))
    return out


def _places_tell_apart(mentions: list[Mention]) -> list[Mention]:
    """"Tọa đàm doanh nghiệp ở Thủ đô Washington" and "… ở thành phố New York" in one article: a
    title that names nothing but its kind, given twice with different places, is two events, each
    named with its place (the place stays a mention of its own)."""
    places: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "Event" and m.attr("at_place"):
            places.setdefault(norm_key(m.text), set()).add(norm_key(m.attr("at_place")))
    out = []
    for m in mentions:
        if m.type == "Event" and m.attr("at_place") and len(places[norm_key(m.text)]) > 1:
            attrs = {**dict(m.attrs), "canonical": f"{m.text} {m.attr('at_place')}", "local": "1"}
            attrs["aliases"] = "|".join(filter(None, [attrs.get("aliases", ""), m.text]))
            m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


def _same_events(mentions: list[Mention], headline: bool) -> list[Mention]:
    """Mentions of one event in an article point to its first mention (attribute `ref`): visits of
    one visitor to one host (a mention without the visitor or the host joins the only visit that
    fits), talks between the same two sides, operations of one group ("triệt phá …", "bắt giữ …"
    are one case); a headline operation of a group the body does not tell is the body's first."""
    frames = sorted((m for m in mentions if m.type == "Event" and m.attr("ident")), key=lambda m: m.start)
    parent = list(range(len(frames)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    idents = [m.attr("ident").split(SEP) for m in frames]
    for i, a in enumerate(idents):
        for j in range(i):
            b = idents[j]
            if a[0] != b[0]:
                continue
            if a[0] == "visit":
                if a[1:] == b[1:] and all(a[1:]):
                    union(i, j)
            elif a == b:
                union(i, j)
    # a visit that lacks its visitor or host joins the only full visit that fits; a visitor named
    # by a title only ("chuyến thăm của Phó Thủ tướng") is the one whose name opens with that title
    def leader_only(a):
        return a[1].startswith("|")
    full = [i for i, a in enumerate(idents) if a[0] == "visit" and a[1] and a[-1] and not leader_only(a)]
    for i, a in enumerate(idents):
        if a[0] == "visit" and leader_only(a):
            title = a[1][1:]
            fits = {find(j) for j in full if frames[j].attr("visitor_text").startswith(title + " ")
                    and (not a[-1] or idents[j][-1] == a[-1])}
            if len(fits) == 1:
                union(i, fits.pop())
            continue
        if a[0] != "visit" or (a[1] and a[-1]):
            continue
        fits = {find(j) for j in full if (a[1] and idents[j][1] == a[1]) or (a[-1] and idents[j][-1] == a[-1])}
        if len(fits) == 1:
            union(i, fits.pop())
        elif not fits:
            same = [j for j in range(len(frames)) if j != i and idents[j][0] == "visit" and not (idents[j][1] and idents[j][-1])
                    and ((a[1] and idents[j][1] == a[1]) or (a[-1] and idents[j][-1] == a[-1]))]
            for j in same:
                union(i, j)
    if headline:
        # "Bộ trưởng Bộ Nội vụ Campuchia thăm Việt Nam", then "Đoàn đại biểu cấp cao Bộ Nội vụ … đã thăm và làm
        # việc tại Việt Nam": the headline's visit to a host is the body's only visit to it, whoever it names
        for i, m in enumerate(frames):
            if idents[i][0] == "visit" and m.sentence == 0 and idents[i][-1]:
                fits = {find(j) for j in range(len(frames)) if frames[j].sentence > 0 and idents[j][0] == "visit"
                        and idents[j][-1] == idents[i][-1] and idents[j][1]}
                if len(fits) == 1:
                    union(i, fits.pop())
        body = [i for i, m in enumerate(frames) if idents[i][0] == "op" and m.sentence > 0]
        for i, m in enumerate(frames):
            if idents[i][0] == "op" and m.sentence == 0 and body and not any(idents[j] == idents[i] for j in body):
                union(i, body[0])
    out_attrs: dict[int, dict[str, str]] = {}
    # "Đối thoại Shangri-La 2017" and "Đối thoại Shangri-La 16" in one article: a year and an edition
    titled: dict[str, Mention] = {}
    for m in sorted((m for m in mentions if m.type == "Event" and not m.attr("ident") and not m.attr("anaphor")
                     and not m.attr("bare") and not m.attr("nested")), key=lambda m: m.start):
        stem = _EDITION.match(m.text)
        if stem is None:
            continue
        first = titled.setdefault(norm_key(stem.group(1)), m)
        if first is not m and _is_year(stem.group(2)) != _is_year(_EDITION.match(first.text).group(2)):
            out_attrs[id(m)] = {**dict(m.attrs), "ref": mention_key(first)}
    # "hội thảo lần thứ hai về …" (lower case, kept per article) after "Hội thảo lần thứ hai về …"
    from ..resolve import same_title
    named_titles = [m for m in mentions if m.type == "Event" and not m.attr("ident") and not m.attr("local")
                    and not m.attr("anaphor") and not m.attr("bare") and not m.attr("nested")]
    for m in mentions:
        if m.type == "Event" and m.attr("local") and not m.attr("ident") and id(m) not in out_attrs:
            twin = next((t for t in named_titles if same_title(m.attr("canonical") or m.text, t.text)), None)
            if twin is not None:
                out_attrs[id(m)] = {**dict(m.attrs), "ref": mention_key(twin)}
    # a visit no mention names the visitor of ("trong chuyến thăm Myanmar, …") tells no one's visit
    visitors = {find(i) for i, a in enumerate(idents) if a[0] == "visit" and a[1]}
    nobody = {id(m) for i, m in enumerate(frames) if idents[i][0] == "visit" and find(i) not in visitors}
    # the talks' own word names them: "hội kiến" / "hội đàm" after "gặp" (meets) in the same article
    named_by: dict[int, int] = {}
    for i, m in enumerate(frames):
        if not m.attr("met"):
            named_by.setdefault(find(i), i)
    for i, m in enumerate(frames):
        root = named_by.get(find(i), find(i))
        if root == i:
            continue
        attrs = dict(m.attrs)
        attrs["ref"] = mention_key(frames[root])
        own = attrs.pop("canonical", "")
        attrs["aliases"] = "|".join(dict.fromkeys(filter(None, [*attrs.get("aliases", "").split("|"), own])))
        out_attrs[id(m)] = attrs
    return [replace(m, attrs=tuple(sorted(out_attrs[id(m)].items()))) if id(m) in out_attrs else m
            for m in mentions if id(m) not in nobody]


_EDITION = re.compile(r"^(.+\S)\s+(\d{1,4})$")      # a title ending in a year or an edition number


def _is_year(number: str) -> bool:
    return len(number) == 4 and number[:2] in ("19", "20")


def article_events(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """The article's events: those told by a verb or a visit noun join the titled ones; bodies named
    like events are Organizations; mentions of one event point to its first one; "hội thảo",
    "buổi lễ", a sentence-initial "Hội thảo" point to the article's main event (the first one it
    individuates). Dates and places come from the sentence that individuates each event."""
    er = event_rules(lex)
    lowered = lowered_doc(doc.text)               # (lowered once: the two scans below read it)
    frame = _frame_events(doc, mentions, lex, er, lowered)
    spans = [(m.start, m.end) for m in frame]
    mentions = [m for m in mentions if not (m.type == "Event" and (m.attr("anaphor") or m.attr("bare"))
                                            and any(a <= m.start < b for a, b in spans))]
    mentions = _forum_bodies(doc, mentions + frame, er, lowered) + _meetings_of_bodies(doc, mentions, lex)
    # "các nguyên tắc của Diễn đàn": a bare head that names a body of the article points back at it
    bodies = {m.text.split()[0].lower() + " " + m.text.split()[1].lower() for m in mentions
              if m.type == "Organization" and len(m.text.split()) > 2}
    mentions = [m for m in mentions if not (m.type == "Event" and (m.attr("bare") or m.attr("anaphor"))
                                            and len(m.text.split()) == 2 and m.text.lower() in bodies
                                            and _forum_head_at(_e._Sent(m.text), 0, er))]
    in_title = _is_title(doc)
    mentions = _places_tell_apart(mentions)
    mentions = _same_events(mentions, in_title)
    events = sorted((m for m in mentions if m.type == "Event" and not m.attr("anaphor") and not m.attr("ref")),
                    key=lambda m: m.start)
    named = [m for m in events if not m.attr("bare")]
    # A headline restates the event the lead names in full ("Lễ ký kết hợp tác giữa A và B", then
    # "… tổ chức Lễ ký kết Biên bản ghi nhớ về …"): a headline event whose head noun a body event shares
    # is that event, and the body's event is the article's main one.
    body = [m for m in named if not (in_title and m.sentence == 0)]
    restated = {}
    for m in named:
        if in_title and m.sentence == 0 and not m.attr("trigger"):
            twin = next((e for e in body if e.text.split()[0].lower() == m.text.split()[0].lower()
                         and not e.attr("trigger")), None)
            if twin is not None:
                restated[id(m)] = twin
        elif in_title and m.sentence == 0 and m.attr("frame") == "talks":
            # "Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Bộ An ninh Lào", then "Đại tướng X, Bộ trưởng Bộ
            # Công an đã hội đàm với Thượng tướng Y …": the headline's talks are the body's, told by name
            twin = next((e for e in body if e.attr("frame") == "talks"
                         and e.text.split()[0].lower() == m.text.split()[0].lower()), None)
            if twin is not None:
                restated[id(m)] = twin
    named = [m for m in named if id(m) not in restated]
    main = (body or named)[0] if named else (events[0] if events else None)
    reports, flashbacks = er.reports, er.flashbacks
    out = []
    dated: dict[str, str] = {}
    days: dict[str, str] = {}
    placed: set[str] = set()
    locations: dict[int, list[Mention]] = {}        # sentence -> its places
    by_sentence: dict[int, list[Mention]] = {}      # sentence -> its events
    for m in mentions:
        if m.type == "Location":
            locations.setdefault(m.sentence, []).append(m)
        elif m.type == "Event" and not m.attr("anaphor") and not m.attr("nested"):
            by_sentence.setdefault(m.sentence, []).append(m)
    for m in mentions:
        attrs = dict(m.attrs)
        if id(m) in restated and m.attr("frame") == "talks":
            # the headline's talks are the body's: one event (its sides stay participants), named as the body names it
            twin = restated[id(m)]
            attrs.update({a: twin.attr(a) for a in ("ident", "sig", "canonical") if twin.attr(a)})
            out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
            continue
        if id(m) in restated:
            attrs["anaphor"] = "1"
            attrs["ref"] = mention_key(restated[id(m)])
            out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
            continue
        if m.type == "Event" and attrs.get("bare") and named:
            same_head = next((e for e in named if e.text.split()[0].lower() == m.text.split()[0].lower()), None)
            if same_head is not None:       # "Dự Hội nghị có …" after "… tổ chức Hội nghị giao ban …"
                attrs["anaphor"] = "1"
                attrs.pop("bare")
                attrs["ref"] = mention_key(same_head)
                out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
                continue
        if m.type == "Event" and attrs.get("anaphor"):
            # "Hội nghị ghi nhận …", "Phát biểu tại hội đàm": the article's main event if it has that
            # head, else the first event named with it before, else the main event
            head = m.text.lower() + " "
            same = [e for e in named if e.start < m.start and (e.attr("canonical") or e.text).lower().startswith(head)]
            target = main if main is None or main in same or not same else same[0]
            bare_head = " ".join(w for w in m.text.lower().split() if w not in er.first_words.get("classifier", ()))
            main_name = (main.attr("canonical") or main.text).lower() if main is not None else ""
            if target is main and main is not None and main not in same and not main_name.startswith(bare_head + " ") \
                    and not (_meeting_head(m.text, lex) and _meeting_head(main_name, lex)):
                continue                    # "UNICEF phát động chiến dịch …" in an article about a meeting: a
                # campaign is no other name of the meeting (a meeting's other names are meetings: "hội nghị")
            if target is None:
                continue
            attrs["ref"] = mention_key(target)
            out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
            continue
        key = mention_key(m) if m.type == "Event" and not attrs.get("nested") else None
        if key is not None and (key not in dated or key not in placed):
            # the first sentence that names the event with a date (a place) dates (places) it
            sent = doc.sentences[m.sentence].text
            s0 = doc.sentences[m.sentence].start
            others = tuple(o.start - s0 for o in by_sentence.get(m.sentence, ()) if o is not m)
            d, day = _when(sent, doc.date, m.start - s0, m.end - s0, reports, others) if key not in dated else ("", "")
            if not d and not day and key not in dated and m.sentence + 1 < len(doc.sentences):
                nxt = doc.sentences[m.sentence + 1].text
                if flashbacks and nxt.lower().startswith(flashbacks):   # "Trước đó, ngày 13-5, …"
                    d, day = _when(nxt, doc.date, len(nxt), len(nxt))
            if d or day:
                if d:
                    attrs["date"] = d
                    dated[key] = d
                days.setdefault(key, day)
            lo, hi = _scope(sent, m.start - s0, m.end - s0)
            # "tại Hà Nội": a place right after a heldIn/place word ("tại", at)
            places = [p for p in locations.get(m.sentence, ())
                      if doc.text.endswith(lex.place_marks, 0, p.start)
                      and lo <= p.start - s0 < hi
                      and _outside_parens(sent, p.start - s0, lo, hi)]
            if places and key not in placed and not attrs.get("place"):
                place = min(places, key=lambda p: (p.start > m.start, abs(p.start - m.start)))
                attrs["place"] = place.text
            if attrs.get("place"):
                placed.add(key)
            m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return _signatures(out, days)


def _signatures(mentions: list[Mention], days: dict[str, str]) -> list[Mention]:
    """Attribute `sig` on the first mention of each event told by a verb: what makes two reports of
    it in different articles one event (resolve.py): a visit's visitor and host, the sides of talks,
    an operation's group, acting body and day."""
    agents: dict[str, str] = {}
    groups: dict[str, str] = {}                 # the group the body tells (not a headline's)
    for m in mentions:
        if m.type == "Event" and m.attr("agent"):
            agents.setdefault(m.attr("ref") or mention_key(m), m.attr("agent"))
        if m.type == "Event" and m.attr("group") and not m.attr("headline"):
            groups.setdefault(m.attr("ref") or mention_key(m), m.attr("group"))
    out = []
    for m in mentions:
        ident = m.attr("ident").split(SEP) if m.type == "Event" and not m.attr("ref") else [""]
        sig = ""
        if ident[0] == "visit" and ident[1] and ident[-1]:
            sig = m.attr("ident")
        elif ident[0] == "talks":
            sig = m.attr("ident")
        elif ident[0] == "op":
            key = mention_key(m)
            if agents.get(key) and days.get(key):
                sig = SEP.join(("op", groups.get(key, ident[1]), agents[key], days[key]))
        elif m.type == "Event" and m.attr("local") and not m.attr("ref") and len(m.attr("date")) == 10:
            sig = SEP.join(("title", norm_key(m.attr("canonical") or m.text), m.attr("date")))
        if sig:
            m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "sig": sig}.items())))
        out.append(m)
    return out


# --- the links an event told by a verb states ------------------------------------------------

def event_links(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[RelationMention]:
    """The links the events told by a verb state themselves, from the parts the scanners found:
    who acted in an operation (`organized`), who visited, held talks or assisted (`participatedIn`;
    a head of government named without a country acts for the home country, events.tsv home), and
    the host country or visited place (`heldIn`). Evidence names the event's rule."""
    er = event_rules(lex)
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_span.setdefault((m.start, m.end), []).append(m)
    if er.home_keys is None:
        er.home_keys = frozenset(keys[0][0] for items in er.phrases.get("home", {}).values() for words, _, _ in items
                                 for _, _, (_, keys) in lex.gazetteer_matches(" ".join(words)))
    home_keys = er.home_keys
    home = next((m for m in mentions if m.type == "Country" and m.key in home_keys), None)
    held_home = {(m.start, m.end) for m in mentions if m.type == "Country" and m.key in home_keys}

    def at(spans: str, types: tuple[str, ...]):
        for span in filter(None, spans.split(";")):
            a, b = map(int, span.split(":"))
            yield from (m for m in by_span.get((a, b), ()) if m.type in types)

    # the one foreign country the article's visits go to: its leader, named without it in talks with the
    # home country's ("Thủ tướng X thăm chính thức Hà Lan …; … hội đàm với Thủ tướng Mark Rutte"), acts for it
    hosts = {m.key: m for ev in mentions if ev.type == "Event" and ev.attr("frame") == "visit"
             for m in at(ev.attr("held"), ("Country",)) if m.key not in home_keys}
    host = next(iter(hosts.values())) if len(hosts) == 1 else None
    out: list[RelationMention] = []
    for ev in mentions:
        if ev.type != "Event" or not ev.attr("trigger"):
            continue
        if host is not None and ev.attr("frame") == "talks" and ev.attr("home") and ev.attr("b_leader") \
                and not ev.attr("side_b"):
            out.append(RelationMention(host, "participatedIn", ev, f"{ev.rule}#participatedIn", ev.sentence))
        for m in at(ev.attr("organizers"), ACTOR_TYPES):
            out.append(RelationMention(m, "organized", ev, f"{ev.rule}#organized"))
        for m in at(ev.attr("participants"), ACTOR_TYPES):
            out.append(RelationMention(m, "participatedIn", ev, f"{ev.rule}#participatedIn"))
        visits_home = any(tuple(map(int, x.split(":"))) in held_home for x in filter(None, ev.attr("held").split(";")))
        if ev.attr("home") and home is not None and not visits_home:
            # a leader named without a country visiting the home country is a foreign one
            # stated where the event is told: the country's own mention may be a headline's
            out.append(RelationMention(home, "participatedIn", ev, f"{ev.rule}#participatedIn", ev.sentence))
        for m in at(ev.attr("held"), ("Country", "Location")):
            out.append(RelationMention(ev, "heldIn", m, f"{ev.rule}#heldIn"))
        for t in ("Organization", "Country"):      # talks: the two sides' bodies, and countries, cooperate
            for a in at(ev.attr("side_a"), (t,)):
                for b in at(ev.attr("side_b"), (t,)):
                    if mention_key(a) != mention_key(b):
                        out.append(RelationMention(a, "cooperatesWith", b, f"{ev.rule}#cooperatesWith"))
    return out
