"""Event mentions: events named by a head noun and a title ("Hội thảo …", "hội thảo lần thứ
nhất"), and the article-level glue: references back to the article's main event ("Hội nghị",
"buổi lễ"), and each event's date and place from the sentence that individuates it."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document, Mention, mention_key
from . import entities as _e
from .lexicon import Lexicon

def title_event(doc, si, s, i, hn, lex, etype, rid, gaz) -> Mention | None:
    """An event named by a capitalised head and its title ("Hội thảo tập huấn về …"); a bare head
    ("Dự Hội nghị có …") points back at the article's event."""
    base = doc.sentences[si].start
    ws = s.words[i][0]
    j = i + hn
    if j >= len(s.words) or _e._is_stop(s, j, lex, etype) or s.gap(j).strip() not in ("", ":", "“", "\"", ": “"):
        # a bare capitalised head mid-sentence names the article's event ("Dự Hội nghị có …")
        if etype == "Event" and i > 0:
            text = s.text[ws:s.words[j - 1][1]]
            return Mention(doc.id, si, base + ws, base + ws + len(text), text, etype, rid, attrs=(("bare", "1"),))
        if etype == "Event" and i == 0:
            text = s.text[ws:s.words[j - 1][1]]
            return Mention(doc.id, si, base + ws, base + ws + len(text), text, etype, rid, attrs=(("anaphor", "1"),))
        return None
    long_end = _e._extend_title(s, j, lex, etype, True, gaz)
    short_end = _e._extend_title(s, j, lex, etype, False, gaz)
    tail = s.text[short_end:long_end]
    if tail.count(",") == 1 and len(tail.split()) <= 3:
        long_end = short_end                # ", khu vực" is an adjunct, not part of the title
    text = s.text[ws:long_end].rstrip(" ,-–")
    short = s.text[ws:short_end].rstrip(" ,-–")
    if len(text.split()) < hn + 1:
        return None
    attrs = [("aliases", short)] if short != text else []
    if etype == "Event":
        attrs.append(("date_hint", str(si)))
    return Mention(doc.id, si, base + ws, base + ws + len(text), text, etype, rid, attrs=tuple(attrs))


def lower_event(doc, si, s, i, hn, lex, rid) -> Mention | None:
    """An event head written in lower case: individuated by an ordinal or an organised topic, else a
    reference back to the article's event."""
    base = doc.sentences[si].start
    ws = s.words[i][0]
    before = s.text[:ws].rstrip().lower()
    plural = tuple(c for c, _, _ in lex.cues.get("plural", ()))
    if before.endswith(plural) or re.search(r"\d\s*$", before):
        return None
    j = i + hn
    head_of = s.text[:ws].rstrip().lower()
    organised = s.text[:ws].endswith(" ") and any(
        head_of.endswith(c) for c, _, role in lex.cues.get("organized", ()) if role == "verb")
    topic = next((t for t in lex.topics if s.phrase_at(j, t)), None) if organised and j < len(s.words) else None
    if topic and s.gap(j) == " ":
        # "tổ chức khóa tập huấn về kỹ năng điều tra …": an organised event with its subject ("về",
        # about: a topic word of cues.tsv) is individuated by the article
        t = j + len(topic)                   # the first word of the subject
        end = _e._extend_title(s, t, lex, "Event", True) if t < len(s.words) else s.words[t - 1][1]
        short = _e._extend_title(s, t, lex, "Event", False) if t < len(s.words) else end
        text = s.text[ws:end].rstrip(" ,")
        if len(text.split()) > hn + 2:
            attrs = [("canonical", text[0].upper() + text[1:])]
            if short != end:
                attrs.append(("aliases", s.text[ws:short].rstrip(" ,")))
            return Mention(doc.id, si, base + ws, base + ws + len(text), text, "Event", rid, attrs=tuple(attrs))
    if j < len(s.words) and any(s.phrase_at(j, o) for o in lex.ordinals):   # "hội thảo lần thứ nhất"
        end = _e._extend_title(s, j, lex, "Event", through_commas=False)
        text = s.text[ws:end].rstrip(" ,")
        return Mention(doc.id, si, base + ws, base + ws + len(text), text, "Event", rid,
                       attrs=(("canonical", text[0].upper() + text[1:]),))
    text = s.text[ws:s.words[j - 1][1]]
    return Mention(doc.id, si, base + ws, base + ws + len(text), text, "Event", rid, attrs=(("anaphor", "1"),))


_DATE_PATTERNS = (
    re.compile(r"\b[Tt]ừ ngày (\d{1,2})(?:\s*-\s*\d{1,2})?/(\d{1,2})(?:/(\d{4}))?"),
    # "Từ ngày 3 đến 5/9/2024": the first day, in the month and year given with the last
    re.compile(r"\b[Tt]ừ ngày (\d{1,2}) đến (?:ngày )?\d{1,2}[-/](\d{1,2})(?:[-/](\d{4}))?"),
    re.compile(r"\b(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)(?: ngày)? (\d{1,2})(?:\s*-\s*\d{1,2})?[-/](\d{1,2})(?:[-/](\d{4}))?"),
)
_YEAR = re.compile(r"\b[Nn]ăm (\d{4})\b")


def _date_of(m: re.Match, doc_date: str) -> str:
    if m.re is _YEAR:
        return m.group(1)
    day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    year = year or (doc_date[:4] if doc_date else "")
    return f"{year}-{month:02d}-{day:02d}" if year and 1 <= month <= 12 and 1 <= day <= 31 else ""


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


def event_date(sentence: str, doc_date: str, start: int | None = None, end: int | None = None) -> str:
    """Date stated for the event named at sentence[start:end], completed with the article's year:
    "Từ ngày 10-11/7" in an article of 2024-07-11 -> 2024-07-10; "Năm 2020, …" -> "2020". The date
    nearest before the name (at its level of parentheses) wins, else the nearest after it.
    Nothing stated -> "" (never guessed)."""
    start = len(sentence) if start is None else start
    end = len(sentence) if end is None else end
    lo, hi = _scope(sentence, start, end)
    found = [m for pat in _DATE_PATTERNS for m in pat.finditer(sentence) if lo <= m.start() < hi
             and _outside_parens(sentence, m.start(), lo, hi)]
    if not found:
        found = [m for m in _YEAR.finditer(sentence) if lo <= m.start() < min(hi, start)
                 and _outside_parens(sentence, m.start(), lo, hi)]
    if not found:
        return ""
    before = [m for m in found if m.start() < start]
    best = max(before, key=lambda m: m.start()) if before else min(found, key=lambda m: m.start())
    return _date_of(best, doc_date)


def article_events(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"hội thảo", "buổi lễ", a sentence-initial "Hội thảo": the article's main event (the first one
    it individuates). Dates and places of events come from the sentence that individuates them."""
    events = sorted((m for m in mentions if m.type == "Event" and not dict(m.attrs).get("anaphor")),
                    key=lambda m: m.start)
    named = [m for m in events if not dict(m.attrs).get("bare")]
    # A headline restates the event the lead names in full ("Lễ ký kết hợp tác giữa A và B", then
    # "… tổ chức Lễ ký kết Biên bản ghi nhớ về …"): a headline event whose head noun a body event shares
    # is that event, and the body's event is the article's main one.
    in_title = doc.sentences and doc.title and doc.sentences[0].text.strip() == doc.title.strip()
    body = [m for m in named if not (in_title and m.sentence == 0)]
    restated = {}
    for m in named:
        if in_title and m.sentence == 0:
            twin = next((e for e in body if e.text.split()[0].lower() == m.text.split()[0].lower()), None)
            if twin is not None:
                restated[id(m)] = twin
    named = [m for m in named if id(m) not in restated]
    main = (body or named)[0] if named else (events[0] if events else None)
    out = []
    dated: set[str] = set()
    placed: set[str] = set()
    locations: dict[int, list[Mention]] = {}        # sentence -> its places
    for m in mentions:
        if m.type == "Location":
            locations.setdefault(m.sentence, []).append(m)
    for m in mentions:
        attrs = dict(m.attrs)
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
            if main is None:
                continue
            attrs["ref"] = mention_key(main)
            out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
            continue
        key = mention_key(m) if m.type == "Event" and not attrs.get("nested") else None
        if key is not None and (key not in dated or key not in placed):
            # the first sentence that names the event with a date (a place) dates (places) it
            sent = doc.sentences[m.sentence].text
            s0 = doc.sentences[m.sentence].start
            d = event_date(sent, doc.date, m.start - s0, m.end - s0) if key not in dated else ""
            if d:
                attrs["date"] = d
                dated.add(key)
            lo, hi = _scope(sent, m.start - s0, m.end - s0)
            # "tại Hà Nội": a place right after a heldIn/place word ("tại", at)
            places = [p for p in locations.get(m.sentence, ())
                      if doc.text.endswith(lex.place_marks, 0, p.start)
                      and lo <= p.start - s0 < hi
                      and _outside_parens(sent, p.start - s0, lo, hi)]
            if places and key not in placed:
                place = min(places, key=lambda p: (p.start > m.start, abs(p.start - m.start)))
                attrs["place"] = place.text
                placed.add(key)
            attrs.pop("date_hint", None)
            m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


