"""Names that say no which body or which meeting: a province's department named without its province
("Sở Tư pháp", "Ban Thường vụ Tỉnh ủy"), a routine or merely numbered meeting with no owner in its
name ("Cuộc họp sơ kết công việc 6 tháng đầu năm", "Phiên họp lần thứ 21")."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Mention, mention_key
from .lexicon import Lexicon


def provincial_bodies(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body every province has (cues.tsv provincial: "Sở …", "… Tỉnh ủy"), or a unit of one ("Thanh tra Sở Y tế"),
    named with no place is that of the one province (or centrally-run city) the article names; where it
    names none or several, the name says not which, and is no entity."""
    cues = lex.provincial_cues
    if not cues:
        return mentions
    provinces: dict[str, str] = {}          # entry key -> its name as a body's place ("tỉnh Sơn La", "TP Hà Nội")
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
            if cue and not any(m.start <= a and b <= m.end for a, b in spans) \
                    and not any(w in loc_words for w in m.text.split()[1:]) \
                    and not any(m.end + g in org_starts for g in (1, 2)):
                if len(provinces) != 1:
                    continue
                name = next(iter(provinces.values()))
                if m.text.endswith(" " + cue):          # "Ban Thường vụ Tỉnh ủy" + "Sơn La"
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
    session), its ordinal ("Phiên họp lần thứ 21", cues.tsv ordinal) names no meeting of its own: every body holds one, and the name says not whose. (Told in lower case
    after its body, "HĐND tỉnh X khai mạc kỳ họp thứ 3", a session is that body's, one event per article;
    so is a routine meeting whose organiser the clause names right before it: "Cục Đối ngoại tổ chức Hội
    nghị giao ban" is that department's, cues.tsv organized/verb.)"""
    heads = lex.heads_by_first.get("Event", {})
    ordinal, periodic = lex.ordinal_number, lex.periodic_re
    sessions, verbs = lex.session_heads, lex.organized_verbs
    org_ends = {(m.sentence, m.end) for m in mentions if m.type == "Organization"}
    out, dropped = [], set()
    for m in mentions:
        if m.type == "Event" and not m.key and not m.attr("ref"):
            before = doc_text[max(0, m.start - 40):m.start].rstrip().lower()
            verb = next((v for v in verbs if before.endswith(" " + v)), None)
            if verb and (m.sentence, len(doc_text[:m.start].rstrip()) - len(verb) - 1) in org_ends:
                out.append(m)           # "<body> tổ chức <routine meeting>": the body's own meeting
                continue
            name = m.attr("canonical") or m.text
            w = name.split()
            hn = max((len(hw) for hw, _, _ in heads.get(w[0][:1].upper() + w[0][1:], ()) if
                      [x.lower() for x in w[:len(hw)]] == [x.lower() for x in hw]), default=0) if w else 0
            rest = " ".join(w[hn:])
            if hn and rest and not any(c.isupper() for c in rest) and not any(q in rest for q in "\"“”'") and (
                    (periodic is not None and periodic.search(rest) and not _SUBJECT.search(rest))
                    or (" ".join(w[:hn]).lower() in sessions and ordinal.fullmatch(rest) and m.text[:1].isupper())):
                dropped.add(mention_key(m))
                continue
        out.append(m)
    # what points back at a dropped meeting ("cuộc họp" later on) goes with it
    return [m for m in out if not (dropped and m.attr("ref") in dropped)] if dropped else out


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
