"""Names that say no which body or which meeting: a province's department named without its province
("Sở Tư pháp", "Ban Thường vụ Tỉnh ủy"), a routine or merely numbered meeting with no owner in its
name ("Cuộc họp sơ kết công việc 6 tháng đầu năm", "Phiên họp lần thứ 21")."""
from __future__ import annotations

import re

from ..model import Mention, mention_key, replace
from .lexicon import Lexicon


def _provinces(mentions: list[Mention], lex: Lexicon) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """The provinces (and centrally-run cities) the article names as places: entry key -> its name as a
    body's place ("tỉnh Sơn La", "TP Hà Nội"); and the spans of all its place mentions."""
    provinces: dict[str, str] = {}
    spans = []
    for m in mentions:
        if m.type != "Location":
            continue
        spans.append((m.start, m.end))
        e = lex.entries.get(m.key) if m.key else None
        if e is not None:
            a = dict(e.attrs)
            if a.get("kind") == "province":
                provinces[e.key] = e.name
            elif a.get("kind") == "city" and not a.get("parent"):
                # a centrally-run city is called "TP …" ("TP Hà Nội"); a capital abroad is not
                tp = next((n for n in (e.name, *e.aliases) if n.startswith("TP ")), None)
                if tp:
                    provinces[e.key] = tp
    return provinces, spans


def _names_no_place(after: str) -> bool:
    """Does a locality word ("tỉnh") stop short of a place's name: punctuation after it, or a word in lower case
    ("Bộ đội Biên phòng tỉnh trong đấu tranh …")?"""
    return after[:1] in (")", ",", ".", ";", ":") or (after[:1] == " " and after[1:2].islower())


def local_namesakes(doc_text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A national body's name followed by a bare locality word ("Ban chỉ đạo 389 tỉnh", the province's
    steering committee 389) names the namesake body of the one province the article names, not the national
    one; where the article names none or several, the name says not which, and is no entity."""
    words = lex.lower_location_heads          # ("tỉnh", "thành phố": made once per rule set)
    if not words:
        return mentions
    provinces = None
    out = []
    for m in mentions:
        if m.type == "Organization" and m.key and doc_text.startswith(" ", m.end):
            rest = doc_text[m.end + 1:m.end + 16]
            w = next((w for w in words if rest.startswith(w) and _names_no_place(rest[len(w):])), None)
            e = lex.entries.get(m.key)
            # (a body with a parent has namesakes only if every province has one: "Bộ đội Biên phòng tỉnh",
            # cues.tsv partOf/vertical)
            if w and e is not None and (not dict(e.attrs).get("parent")
                                        or " ".join(doc_text[m.start:m.end].split()).casefold() in lex.vertical_words):
                if provinces is None:
                    provinces = _provinces(mentions, lex)[0]
                if len(provinces) != 1:
                    continue
                place = next(iter(provinces.values()))
                text = doc_text[m.start:m.end]
                attrs = {k: v for k, v in m.attrs if k != "aliases"}
                end = m.end + 1 + len(w)     # (the mention takes its locality word: "Bộ đội Biên phòng tỉnh")
                m = replace(m, end=end, text=doc_text[m.start:end], key="",
                            attrs=tuple(sorted({**attrs, "canonical": f"{text} {place}"}.items())))
        out.append(m)
    return out


def provincial_bodies(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body every province has (cues.tsv provincial: "Sở …", "… Tỉnh ủy"), or a unit of one ("Thanh tra Sở Y tế"),
    named with no place is that of the one province (or centrally-run city) the article names; where it
    names none or several, the name says not which, and is no entity."""
    cues = lex.provincial_cues
    if not cues:
        return mentions
    provinces, spans = _provinces(mentions, lex)
    loc_words = lex.heads_by_first.get("Location", {})    # "tỉnh", "TP": the name has its place
    org_starts = {m.start for m in mentions if m.type == "Organization"}
    out = []
    for m in mentions:
        if m.type == "Organization" and not m.key and not m.attr("canonical") and not m.attr("ref") \
                and not m.attr("identity"):
            # "Sở Tư pháp", "Thanh tra Sở Y tế", "Ban Thường vụ Tỉnh ủy"
            # the cue opens a department's field ("Sở Tư pháp") or closes the name ("Ban Thường vụ Tỉnh ủy");
            # before a lower-case syllable it is another word ("Cục Sở hữu trí tuệ": ownership)
            text = m.text
            cue = next((w for w, rx in cues if w in text and text != w and any(
                after == "" or after[1:2].isupper() for after in rx.findall(text))), None)
            listed = any(m.end + g in org_starts for g in (1, 2))
            if cue and not any(m.start <= a and b <= m.end for a, b in spans) \
                    and not any(w in loc_words for w in m.text.split()[1:]) \
                    and not (listed and len(provinces) != 1):
                # (a body right after it may be its owner: "Sở Y tế, UBND tỉnh X"; in a list of the one
                # province's bodies, "…, Sở Văn hóa Thể thao, Trung tâm …", it is that province's)
                if len(provinces) != 1:
                    continue
                name = next(iter(provinces.values()))
                if m.text.endswith(" " + cue) and not cue.isupper():    # "Ban Thường vụ Tỉnh ủy" + "Sơn La"
                    # (the cue names the place's level itself; an acronym, "Viện KSND", takes "TP Hà Nội" whole)
                    canonical = f"{m.text} {name.split(' ', 1)[1] if name.startswith(('tỉnh ', 'TP ')) else name}"
                else:                                  # "Sở Tư pháp" + "tỉnh Sơn La" / "TP Hà Nội"
                    canonical = f"{m.text} {name}"
                m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": canonical}.items())))
        out.append(m)
    return out


# "Hội nghị thường niên về phòng, chống mua bán người": a routine meeting on a named subject is told apart by it
_SUBJECT = re.compile(r"(?:^|\s)về\s")


def routine_meetings(doc_text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A meeting whose title after its head is all lower case and only says it is a routine one
    (events.tsv specifier/periodic: "sơ kết", "định kỳ") or, for a meeting of a standing body (events.tsv
    session), its ordinal ("Phiên họp lần thứ 21", cues.tsv ordinal) names no meeting of its own: every body holds one, and the name says not whose.
    A session whose body the sentence names right after it ("phiên họp thứ hai của Ủy ban X") or as the subject
    that holds it ("HĐND tỉnh X khai mạc kỳ họp thứ 3") is that body's, and is named with it ("Kỳ họp thứ 3 của
    Hội đồng nhân dân tỉnh X"), one event per article. So is a routine meeting whose organiser the clause names
    right before it: "Cục Đối ngoại tổ chức Hội nghị giao ban" is that department's, cues.tsv organized/verb."""
    heads = lex.heads_by_first.get("Event", {})
    ordinal, periodic = lex.ordinal_number, lex.periodic_re
    sessions, verbs = lex.session_heads, lex.organized_verbs
    org_ends = {(m.sentence, m.end) for m in mentions if m.type == "Organization"}
    orgs = [m for m in mentions if m.type == "Organization" and not m.attr("ref")]
    out, dropped, renamed = [], set(), {}
    for m in mentions:
        if m.type == "Event" and not m.key and not m.attr("ref"):
            name = m.attr("canonical") or m.text
            w = name.split()
            hn = max((len(hw) for hw, _, _ in heads.get(w[0][:1].upper() + w[0][1:], ()) if
                      [x.lower() for x in w[:len(hw)]] == [x.lower() for x in hw]), default=0) if w else 0
            rest = " ".join(w[hn:])
            if hn and rest and " ".join(w[:hn]).lower() in sessions and ordinal.fullmatch(rest):
                owner = _session_owner(doc_text, m, orgs, lex)
                if owner is None and (m.text[:1].isupper() or not _name_beside(doc_text, m)):
                    dropped.add(mention_key(m))     # "… trong kỳ họp thứ 41 tại Ba Lan": whose, the text says not
                    continue
                if owner is None:           # a name the rules do not read as a body's ("Thường vụ QH …
                    out.append(m)           # kỳ họp thứ 3 của QH"): the session stays one of the article
                    continue
                # "HĐND tỉnh X khai mạc kỳ họp thứ 3", "phiên họp thứ hai của Ủy ban Y": that body's session
                old = mention_key(m)
                m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": f"{w[0][:1].upper()}{name[1:]} của {owner}"}.items())))
                renamed[old] = mention_key(m)
            elif hn and rest and not any(c.isupper() for c in rest) and not any(q in rest for q in "\"“”'") \
                    and periodic is not None and periodic.search(rest) and not _SUBJECT.search(rest) \
                    and not (lex.field_re is not None and lex.field_re.search(rest)):
                # (a routine meeting on a named field of work, "Hội nghị giao ban công tác phòng, chống mua bán
                # người", is told apart by it, as by "về" + its subject: events.tsv field)
                if not _held_by_body_before(doc_text, m, verbs, org_ends):
                    dropped.add(mention_key(m))     # (but "<body> tổ chức <routine meeting>": the body's own)
                    continue
        out.append(m)
    if renamed:                             # "kỳ họp" later on points back at the session by its new name
        out = [replace(m, attrs=tuple((k, renamed.get(v, v) if k == "ref" else v) for k, v in m.attrs))
               if m.attr("ref") in renamed else m for m in out]
    # what points back at a dropped meeting ("cuộc họp" later on) goes with it
    return [m for m in out if not (dropped and m.attr("ref") in dropped)] if dropped else out


def _held_by_body_before(doc_text: str, m: Mention, verbs, org_ends) -> bool:
    """Does the clause name the body that holds the meeting right before it ("Cục Đối ngoại tổ chức Hội nghị
    giao ban": a body, an organising verb of cues.tsv, the meeting)?"""
    before = doc_text[max(0, m.start - 40):m.start].rstrip().lower()
    verb = next((v for v in verbs if before.endswith(" " + v)), None)
    return bool(verb) and (m.sentence, len(doc_text[:m.start].rstrip()) - len(verb) - 1) in org_ends


# between a body and the session it holds: a verb of one to three lower-case words ("khai mạc", "tổ chức")
_HOLDS = re.compile(r"\s+(?:[^\W\d]+\s+){1,3}")
_OF = re.compile(r"\s+(?:của\s+)?")


_NAME_AFTER = re.compile(r"\s+(?:của\s+)?\w")


def _name_beside(doc_text: str, m: Mention) -> bool:
    """Is a capitalised word right after a session ("kỳ họp thứ 3 của QH") or the last word of the subject that
    holds it right before it ("HĐND tỉnh X khai mạc kỳ họp thứ 3")?"""
    after = _NAME_AFTER.match(doc_text, m.end)
    if after and doc_text[after.end() - 1].isupper():
        return True
    before = doc_text[max(0, m.start - 60):m.start]
    if not before.endswith(" "):
        return False
    words = before.split()
    verb = 0
    while verb < min(3, len(words) - 1) and words[-1 - verb].isalpha() and words[-1 - verb].islower():
        verb += 1
    cap = before.rstrip().rsplit(None, verb + 1)[0] if len(words) > verb + 1 else ""
    if not cap.strip() or cap.rstrip()[-1:] in ".!?:\n" or "\n" in before[len(cap):]:
        return False                        # "… qua. Chuẩn bị cho kỳ họp thứ 4": a sentence's first capital, no subject
    return 0 < verb and words[-1 - verb][:1].isupper() and words[-1 - verb][-1:].isalnum()


def _session_owner(doc_text: str, m: Mention, orgs: list[Mention], lex: Lexicon) -> str | None:
    """The body whose session a meeting named only by its ordinal is: the body right after it ("phiên họp
    thứ hai của Ủy ban X", "kỳ họp thứ 3 Quốc hội") or the subject that holds it right before it ("HĐND
    tỉnh X khai mạc kỳ họp thứ 3"), by its full name."""
    def name(o: Mention) -> str:
        e = lex.entries.get(o.key) if o.key else None
        return e.name if e is not None else (o.attr("canonical") or o.text)
    near = sorted((o for o in orgs if o.sentence == m.sentence), key=lambda o: o.start - o.end)   # longest first
    for o in near:                          # the body after it first: "Ủy ban X tổng kết Kỳ họp thứ 3 của Quốc hội"
        if o.start >= m.end and _OF.fullmatch(doc_text[m.end:o.start]):
            return name(o)
    for o in near:
        if o.end <= m.start and (gap := doc_text[o.end:m.start]) and _HOLDS.fullmatch(gap) and gap.islower():
            return name(o)
    return None


_YEAR_ONLY = re.compile(r"(?:năm )?(?:19|20)\d\d")


def ownerless_agreements(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """An agreement named by its head and only an ordinal or a year ("Thỏa thuận thứ hai", "Hiệp ước
    năm 2013") says not whose agreement it is: every pair of parties may have one. No entity."""
    heads = lex.heads_by_first.get("Agreement", {})
    ordinal = lex.ordinal_number
    out, dropped = [], set()
    for m in mentions:
        if m.type == "Agreement" and not m.key and not m.attr("ref"):
            w = (m.attr("canonical") or m.text).split()
            hn = max((len(hw) for hw, _, _ in heads.get(w[0], ()) if w[:len(hw)] == list(hw)), default=0) if w else 0
            rest = " ".join(w[hn:])
            if hn and rest and (ordinal.fullmatch(rest) or _YEAR_ONLY.fullmatch(rest)):
                dropped.add(mention_key(m))
                continue
        out.append(m)
    return [m for m in out if not (dropped and m.attr("ref") in dropped)] if dropped else out


_NUMBER_ONLY = re.compile(r"(?:số )?\d+")


def numbered_units(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A unit (an organisation head of level 4 in heads.tsv: "Tiểu đoàn", "Đội", "Trung tâm") named by its
    head and only a number ("Tiểu đoàn 2", "Đội 3", "Trung tâm số 2") says not whose unit it is: every
    regiment has a second battalion, every department a third team. Named with its body ("Đội 3, Phòng
    Cảnh sát …") or with its task before the number ("Cụm trinh sát số 1"), it is kept. No entity."""
    heads = lex.heads_by_first.get("Organization", {})
    out, dropped = [], set()
    for m in mentions:
        if m.type == "Organization" and not m.key and not m.attr("ref"):
            w = (m.attr("canonical") or m.text).split()
            hn = max((len(hw) for hw, _, level in heads.get(w[0], ()) if level >= 4 and w[:len(hw)] == list(hw)),
                     default=0) if w else 0
            if hn and _NUMBER_ONLY.fullmatch(" ".join(w[hn:])):
                dropped.add(mention_key(m))
                continue
        out.append(m)
    return [m for m in out if not (dropped and m.attr("ref") in dropped)] if dropped else out


_DATE_ONLY = re.compile(r"[\d./-]+")


def bare_events(doc_text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """An event named by its head and one lower-case word of two syllables at most ("Lễ bàn giao", "Lễ xuất
    quân") or a date only ("Lễ 2.9") says not which ceremony it is: every body holds them. No entity (a quoted
    or capitalised title, a number, an object or a place tells one apart). The head alone is the article's one
    meeting the article only ever calls so ("Hội nghị"), and stays; so does one the clause names its organiser
    right before ("Cục Đối ngoại tổ chức Hội nghị giao ban": that department's)."""
    heads = lex.heads_by_first.get("Event", {})
    verbs = lex.organized_verbs               # (cues.tsv organized/verb, lower case: made once per rule set)
    org_ends = {(m.sentence, m.end) for m in mentions if m.type == "Organization"}
    out, dropped = [], set()
    # a short form of an event the article has named in full before ("Tham dự Lễ ký kết có …" after "Lễ ký
    # kết hợp tác truyền thông giữa …") is that event, not an anonymous ceremony
    titles = [m for m in mentions if m.type == "Event" and not m.key and not m.attr("ref")]
    for m in mentions:
        if m.type == "Event" and not m.key and not m.attr("ref"):
            w = (m.attr("canonical") or m.text).split()
            hn = max((len(hw) for hw, _, _ in heads.get(w[0][:1].upper() + w[0][1:], ()) if
                      [x.lower() for x in w[:len(hw)]] == [x.lower() for x in hw]), default=0) if w else 0
            rest = w[hn:]
            if hn and rest and (_DATE_ONLY.fullmatch(" ".join(rest))
                       or (len(rest) <= 2 and all(x.isalpha() and x.islower() for x in rest)
                           and (len(rest) == 1 or " ".join(rest) in lex.compounds))) \
                    and not _held_by_body_before(doc_text, m, verbs, org_ends):
                short = m.text.lower() + " "
                full = next((t for t in titles if t.start < m.start and t.sentence < m.sentence
                             and (t.attr("canonical") or t.text).lower().startswith(short)), None)
                if full is None:
                    dropped.add(mention_key(m))
                    continue
                m = replace(m, attrs=tuple(sorted({**m._by_name, "anaphor": "1", "ref": mention_key(full)}.items())))
        out.append(m)
    return [m for m in out if not (dropped and m.attr("ref") in dropped)] if dropped else out
