"""Find links between the mentions of one sentence, from cue words in rules/cues.tsv and the
shape of Vietnamese official prose:

- "Cục Đối ngoại, Bộ Công an" and "Cục Lãnh sự (Bộ Ngoại giao)": a lower-ranked body followed by a
  higher-ranked one in apposition is part of it (Vietnamese names a unit by its own name, then its parent).
- A clause has a subject (the body before its verb) that ';'-separated clauses keep ("X đã chủ trì …;
  Tổ chức …; Tham dự …").
- Coordinated lists ("X, Y và Z") distribute the relation to each member.

The small grammatical words that shape a link ("do" before a funder, "của" after "thành viên", "và"
between list members) are rules too: glue roles of rules/cues.tsv, compiled once in the Lexicon.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Mention, RelationMention, mention_key
from .lexicon import Lexicon

PARTY_TYPES = ("Organization", "Country")
MAX_LIST_GAP_WORDS = 6


_ACRONYM_THEN_COMMA = re.compile(r"^ \([^()]{1,30}\)(?=,)")


def _attrs(m: Mention) -> dict:
    return dict(m.attrs)


def _level(m: Mention, lex: Lexicon) -> int:
    lv = _attrs(m).get("level")
    if lv:
        return int(lv)
    best = (0, 0)
    for head, level in lex.org_heads_by_token.get(m.text.split(" ", 1)[0], ()):
        if m.text.startswith(head + " ") and len(head) > best[0]:
            best = (len(head), level)
    return best[1] or 2


def _locality(name: str, lex: Lexicon) -> str:
    """The locality a body's name ends with ("… tỉnh Lào Cai" -> "tỉnh lào cai"), from the Location
    heads in rules/heads.tsv; "" when it ends with none."""
    words = name.split()
    heads = lex.heads_by_first.get("Location", {})
    for k in range(len(words) - 2, 0, -1):
        for hw, _, _ in heads.get(words[k], ()):
            if words[k:k + len(hw)] == list(hw) and k + len(hw) < len(words):
                return " ".join(words[k:]).casefold()
    return ""


@lru_cache(maxsize=1024)
def _cue_regex(cue: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", flags=re.IGNORECASE)


@lru_cache(maxsize=1024)
def _word_regex(word: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


class _SentenceLinks:
    def __init__(self, doc: Document, si: int, mentions: list[Mention], lex: Lexicon, main_event: Mention | None):
        self.doc, self.si, self.lex = doc, si, lex
        self.base = doc.sentences[si].start
        self.text = doc.sentences[si].text
        self.all = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.top = [m for m in self.all if not _attrs(m).get("nested")]
        self.main_event = main_event
        self.out: list[RelationMention] = []
        self.apposed: set[int] = set()        # ids of parents named in apposition (not list members)
        self.posts: set[int] = set()          # ids of bodies named as a person's post
        self.covered = [(m.start - self.base, m.end - self.base) for m in self.all]
        self.present = lex.cues_in(self.text)      # cues occurring in the sentence, maybe inside words
        self.cue_hits: dict[str, list[int]] = {}   # cue -> offsets in this sentence (see cue_at)

    def add(self, a: Mention, rel: str, b: Mention, rule: str) -> None:
        if a is not b and a.text and b.text:
            self.out.append(RelationMention(a, rel, b, rule))

    def local(self, m: Mention) -> tuple[int, int]:
        return m.start - self.base, m.end - self.base

    def gap(self, a: Mention, b: Mention) -> str:
        return self.text[a.end - self.base:b.start - self.base]

    def in_mention(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.covered)

    def cue_at(self, cue: str) -> list[int]:
        """Offsets of a cue as whole words, case-insensitive; found once per sentence (every step
        asks for its cues), and the regex only runs when the cue occurs in the lower-cased text."""
        if cue not in self.present:
            return []
        hits = self.cue_hits.get(cue)
        if hits is None:
            hits = self.cue_hits[cue] = [m.start() for m in _cue_regex(cue).finditer(self.text)]
        return hits

    def cues(self, relation: str, role: str | None = None):
        for cue, rid, r in self.lex.cues.get(relation, []):
            if cue in self.present and (role is None or r == role):
                for pos in self.cue_at(cue):
                    yield pos, pos + len(cue), rid

    # --- structure -------------------------------------------------------------------------
    def _unnamed(self, gap: str, types) -> str:
        """The words of a gap before a list's first member that are not joiners ("đại diện các") nor,
        before a place, location heads ("Cửa khẩu quốc tế")."""
        gap = self.lex.joiner_words.sub(" ", gap)
        if types == ("Location",) and self.lex.location_head_words is not None:
            gap = self.lex.location_head_words.sub(" ", gap)
        return gap

    def _own_acronym(self, m: Mention) -> bool:
        """'Tổ chức Rồng Xanh (Blue Dragon)': a name in parentheses right after the same body's name."""
        a, b = self.local(m)
        if not (self.text[a - 2:a] == " (" and self.text[b:b + 1] == ")"):
            return False
        prev = next((x for x in reversed(self.top) if self.local(x)[1] == a - 2), None)
        return prev is not None and mention_key(prev) == mention_key(m)

    def part_of(self) -> None:
        orgs: list[Mention] = []
        for m in self.top:
            if m.type != "Organization":
                continue
            if self._own_acronym(m):
                continue                     # "Cục Cảnh sát hình sự (C02)": the same body's acronym
            orgs.append(m)
        for i, (a, b) in enumerate(zip(orgs, orgs[1:])):
            # "Cục Cảnh sát hình sự (C02), Bộ Công an": the unit's acronym sits between it and its parent
            g = _ACRONYM_THEN_COMMA.sub("", self.gap(a, b))
            if g in (", ", " (", ",  ") and _level(a, self.lex) >= 3 and _level(b, self.lex) < _level(a, self.lex):
                if g == " (" and not self.text[b.end - self.base:].startswith(")"):
                    continue
                if self._known_other_parent(a, b):
                    continue                 # the gazetteer knows A belongs elsewhere: a list, not apposition
                if self.lex.intro_before is not None and self.lex.intro_before.search(self.text[:self.local(a)[0]]):
                    continue                 # "Thông qua Văn phòng Interpol, Công an tỉnh …": a means, then the subject
                if _locality(a.text, self.lex) and _locality(a.text, self.lex) == _locality(b.text, self.lex):
                    continue                 # "Sở … tỉnh Lào Cai, Hội … tỉnh Lào Cai": peers of one province
                if g == ", " and i + 2 < len(orgs) and self.gap(b, orgs[i + 2]) in self.lex.list_gaps \
                        and _level(orgs[i + 2], self.lex) >= _level(b, self.lex):
                    continue                 # "Cục A, Bộ Tư lệnh B, Cục C": peers in a list
                self.add(a, "partOf", b, "rel.partOf.apposition" if g != " (" else "rel.partOf.parenthesis")
                self.apposed.add(id(b))
        for outer in self.all:
            if outer.type != "Organization" or _level(outer, self.lex) < 3:
                continue
            for inner in self.all:
                if inner is not outer and inner.type == "Organization" and inner.end == outer.end \
                        and inner.start > outer.start and _level(inner, self.lex) < _level(outer, self.lex):
                    self.add(outer, "partOf", inner, "rel.partOf.compound")

    def _known_other_parent(self, a: Mention, b: Mention) -> bool:
        if not a.key:
            return False
        parent = dict(self.lex.entries[a.key].attrs).get("parent", "")
        return not parent or bool(b.key and b.key != parent)

    def _seat_of_body(self, pos: int) -> Mention | None:
        """The body named right before the cue at `pos` (an "(ACRONYM)" between is allowed): a place
        after "<body> tại" is where that body sits, not where an event is held."""
        before = self.text[:pos].rstrip()
        return next((m for m in reversed(self.top) if m.type == "Organization"
                     and (self.local(m)[1] == len(before) or re.fullmatch(r"\s*\([^()]*\)", before[self.local(m)[1]:]))),
                    None)

    def countries(self) -> None:
        by_key = {}
        for m in self.all:
            if m.type == "Country" and m.key:
                by_key.setdefault(m.key, m)
        for m in self.all:
            ck = _attrs(m).get("country_key") if m.type == "Organization" else None
            if ck:
                c = next((x for x in self.all if x.type == "Country" and x.key == ck and m.start <= x.start < m.end + 1), None)
                c = c or by_key.get(ck)
                if c is not None:
                    self.add(m, "country", c, "rel.country.qualifier")
        for pos, end, rid in self.cues("country", "seat"):
            org = self._seat_of_body(pos)
            c = next((m for m in self.top if m.type == "Country" and self.local(m)[0] == end + 1), None)
            if org is not None and c is not None and not _attrs(org).get("country_key"):
                self.add(org, "country", c, rid)     # "Đại sứ quán Hoa Kỳ tại Việt Nam" stays American

    def holds_position(self) -> None:
        persons = [m for m in self.top if m.type == "Person"]
        for p in persons:
            at = _attrs(p).get("post_org")
            org = next((o for o in self.top if o.type == "Organization" and str(o.start) == at), None) if at else None
            if org is not None:
                self.add(p, "holdsPosition", org, "rel.holdsPosition.post-before-name")
                self.posts.add(id(org))
        posts = self.lex.posts
        for p in persons:
            pos = self.local(p)[1]
            while True:
                m = re.match(r"\s*[,\-–—]\s*", self.text[pos:])
                if not m:
                    break
                at = pos + m.end()
                deputy = next((d for d in self.lex.deputies if self.text.startswith(d + " ", at)), None)
                if deputy:
                    at += len(deputy) + 1
                post = next((x for x in posts if self.text.startswith(x, at)), None)
                if post is None:
                    break
                after = at + len(post)
                org = next((o for o in self.top if o.type == "Organization" and at < self.local(o)[1]
                            and at <= self.local(o)[0] <= after + 30
                            and len(self.text[after:self.local(o)[0]].split()) <= 3
                            and not re.search(r"[,;()]", self.text[after:self.local(o)[0]])), None)
                if org is None:
                    break
                self.add(p, "holdsPosition", org, "rel.holdsPosition.post")
                self.posts.add(id(org))
                pos = self.local(org)[1]
                # skip the parent in apposition and a trailing "(ACRONYM)" / seat ("Đại sứ Hoa Kỳ tại
                # Hà Nội": "tại" is a country/seat word; what follows is where the body sits, not a post)
                nxt = self.lex.post_tail.match(self.text, pos)
                pos = nxt.end() if nxt else pos
                ap = next((o for o in self.top if id(o) in self.apposed and self.local(o)[0] in (pos + 2,)), None)
                if ap is not None:
                    pos = self.local(ap)[1]

    # --- clauses ---------------------------------------------------------------------------
    def clauses(self) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for m in re.finditer(r";", self.text):
            bounds.append((start, m.start()))
            start = m.end()
        bounds.append((start, len(self.text)))
        return bounds

    def members(self, lo: int, hi: int, types=PARTY_TYPES, first_gap_free: bool = False,
                allow_lists: bool = True) -> list[Mention]:
        """The coordinated list of entities starting after `lo` (before `hi`)."""
        items: list[Mention] = []
        prev_end = lo
        for m in self.top:
            a, b = self.local(m)
            if a < lo or a >= hi:
                continue
            if id(m) in self.apposed or id(m) in self.posts:
                prev_end = b
                continue
            if m.type == "Event" or m.type == "Agreement":
                if items:
                    break
                prev_end = b
                continue
            if m.type not in types or _attrs(m).get("qualifier"):
                prev_end = max(prev_end, b)
                continue
            gap = self.text[prev_end:a]
            if items:
                # "A, B và C", "A cùng B", "đồng chí A, đồng chí B": punctuation and list/joiner, list/and
                # words; or a list opener ("gồm") between them
                listy = self.lex.list_separators.match(gap) or (allow_lists and any(
                    _word_regex(c).search(gap) for c in self.lex.list_openers))
                if not listy:
                    break
            elif first_gap_free and len(self._unnamed(gap, types).split()) > 2:
                break
            items.append(m)
            prev_end = b
        return items

    def subject(self, lo: int, cue_at: int, carried: list[Mention]) -> list[Mention]:
        """The body (or coordinated bodies) right before the verb; none in the clause -> the carried one."""
        before = [m for m in self.top if lo <= self.local(m)[0] and self.local(m)[1] <= cue_at
                  and m.type != "Location" and id(m) not in self.apposed and id(m) not in self.posts
                  and not self._own_acronym(m)]
        if not before:
            return carried
        last = before[-1]
        if last.type not in PARTY_TYPES:
            return []
        tail_from = max([self.local(last)[1]] + [self.local(m)[1] for m in self.top
                                                  if (id(m) in self.apposed or self._own_acronym(m))
                                                  and self.local(last)[1] <= self.local(m)[0] < cue_at])
        # "X (The Asia Foundation) tổ chức …": a parenthesis after the subject is not a clause
        if len(re.findall(r"\w+", re.sub(r"\([^()]*\)", " ", self.text[tail_from:cue_at]))) > 2:
            return []                        # "X, với vai trò là cơ quan chủ trì": X is not the verb's subject
        group = [last]
        for m in reversed(before[:-1]):
            gap = self.text[self.local(m)[1]:self.local(group[0])[0]]
            if m.type not in PARTY_TYPES or not self.lex.subject_joint.fullmatch(gap):   # "A, B và C"
                break
            group.insert(0, m)
        return group

    def event_after(self, pos: int, hi: int) -> Mention | None:
        for m in self.all:
            if m.type == "Event" and pos <= self.local(m)[0] < hi and "Agreement" not in _attrs(m).get("nested", ""):
                return m
        return None

    def sentence_event(self) -> Mention | None:
        return next((m for m in self.all if m.type == "Event" and not _attrs(m).get("nested")), None)

    def has_anaphor(self) -> bool:
        return any(True for _ in self.cues("anaphor"))

    def clause_links(self) -> None:
        carried: list[Mention] = []
        verb_cues = sorted(((pos, pos + len(cue), rel, rid, role)
                            for rel in ("organized", "cooperatesWith", "participatedIn", "partyTo")
                            for cue, rid, role in self.lex.cues.get(rel, []) if role == "verb" and cue in self.present
                            for pos in self.cue_at(cue)),
                           key=lambda c: (c[0], -(c[1] - c[0])))
        # keep the longest cue at each place, and never a cue inside a name
        chosen, last_end = [], -1
        for c in verb_cues:
            if c[0] >= last_end and not self.in_mention(c[0]):
                chosen.append(c)
                last_end = c[1]
        if not chosen:
            return
        for lo, hi in self.clauses():
            cues = [c for c in chosen if lo <= c[0] < hi]
            if not cues:
                continue
            subj = self.subject(lo, cues[0][0], carried)
            if subj:
                carried = subj
            partners: list[Mention] = []
            for pos, end, rel, rid, role in cues:
                if rel == "cooperatesWith":
                    objs = self.members(end, hi, first_gap_free=True)
                    for s in subj:
                        for o in objs:
                            if o not in subj:
                                self.add(s, "cooperatesWith", o, rid)
                    # a partner word ("với", with) in the cue or later in the clause names a partner,
                    # even one not found; without one ("A và B đã trao đổi về …") the subjects pair up
                    if not objs and not self.lex.partner_word.search(self.text[pos:hi]):
                        for i, a in enumerate(subj):
                            for b in subj[i + 1:]:
                                self.add(a, "cooperatesWith", b, rid)
                    partners += objs
                elif rel == "organized":
                    ev = self.event_after(end, hi)
                    if ev is not None and self.local(ev)[0] - end <= 40:
                        for s in subj + partners:
                            self.add(s, "organized", ev, rid)
                elif rel == "participatedIn":
                    ev = self.event_after(end, hi)
                    if ev is not None and self.local(ev)[0] - end <= 2 and subj:
                        for s in subj:
                            self.add(s, "participatedIn", ev, rid)
                elif rel == "partyTo":
                    # the agreement right after the cue, or named by its last words ("ký kết Thỏa thuận …")
                    ag = next((m for m in self.top if m.type == "Agreement" and pos < self.local(m)[0] <= end + 2), None)
                    if ag is not None:
                        for s in subj:
                            self.add(s, "partyTo", ag, rid)
                    else:                    # "A và B đã ký thỏa thuận hợp tác": an unnamed agreement, but
                        for i, a in enumerate(subj):     # its signatories cooperate
                            for b in subj[i + 1:]:
                                self.add(a, "cooperatesWith", b, rid)

    def participation(self) -> None:
        done = False
        for pos, end, rid in self.cues("participatedIn", "before"):
            if self.in_mention(pos) or done:
                continue
            ev = self._event_for(pos)
            if ev is None:
                continue
            lo = end
            inner = self.event_after(end, len(self.text))
            if inner is not None and self.local(inner)[0] - end <= 2:
                ev, lo = inner, self.local(inner)[1]
            found = self._attendees(lo, ev, rid)
            done = done or bool(found)
        # "Dự Hội nghị có A; B; …": the attendees follow the event and "có" ("there are"), a
        # participatedIn/attendees word
        for cue, rid, role in self.lex.cues.get("participatedIn", []):
            if role != "verb" or done:
                continue
            for pos in self.cue_at(cue):
                ev = self.event_after(pos + len(cue), len(self.text))
                if ev is None or self.local(ev)[0] - (pos + len(cue)) > 2:
                    continue
                after = self.text[self.local(ev)[1]:]
                if not self.lex.attendees_mark.match(after):
                    continue
                done = bool(self._attendees(self.local(ev)[1], ev, rid))
                break
        # "X … tham dự": the clause's subject attended
        for pos, end, rid in self.cues("participatedIn", "after"):
            if self.in_mention(pos) or done:
                continue
            clause = next((c for c in self.clauses() if c[0] <= pos < c[1]))
            subj = [m for m in self.top if clause[0] <= self.local(m)[0] < pos and id(m) not in self.posts
                    and id(m) not in self.apposed and m.type in PARTY_TYPES + ("Person",)]
            if not subj:
                continue
            ev = self.event_after(end, clause[1]) or self._event_for(pos)
            if ev is not None:
                first = subj[0]
                for m in self.members(self.local(first)[0], pos, types=PARTY_TYPES + ("Person",), first_gap_free=True):
                    self.add(m, "participatedIn", ev, rid)
        # "Đối thoại Việt Nam – Australia": the two sides of a dialogue take part in it
        for ev in (m for m in self.all if m.type == "Event"):
            inner = [c for c in self.all if c.type == "Country" and ev.start < c.start and c.end <= ev.end]
            if len(inner) >= 2 and re.search(r"[-–—]", self.doc.text[inner[0].end:inner[1].start]) \
                    and len(self.doc.text[ev.start:inner[0].start].split()) <= 2:
                for c in inner[:2]:
                    self.add(c, "participatedIn", ev, "rel.participatedIn.sides")

    def _attendees(self, lo: int, ev: Mention, rid: str) -> list[Mention]:
        """Everyone listed after `lo`, and again after each "gồm:" that reopens the list."""
        found = self.members(lo, len(self.text), types=PARTY_TYPES + ("Person",))
        for cue in self.lex.list_openers:
            for pos in self.cue_at(cue):
                if pos > lo:
                    start = pos + len(cue) + len(re.match(r"\s*:?", self.text[pos + len(cue):]).group())
                    found += [m for m in self.members(start, len(self.text), types=PARTY_TYPES + ("Person",),
                                                      first_gap_free=True) if m not in found]
        for m in found:
            self.add(m, "participatedIn", ev, rid)
        return found

    def _event_for(self, pos: int) -> Mention | None:
        ev = self.sentence_event()
        return ev if ev is not None else self.main_event

    def funding(self) -> None:
        for cue, rid, role in self.lex.cues.get("funded", []):
            if role == "agent" or cue not in self.present:
                continue                     # funded/agent ("do") only marks where the funders start
            for pos in self.cue_at(cue):
                if self.in_mention(pos):
                    continue
                target = self.sentence_event()
                if target is None and self.has_anaphor():
                    target = self.main_event
                if target is None:           # "Dự án X do USAID tài trợ": a funded project or programme
                    target = next((m for m in reversed(self.top) if m.type == "Agreement"
                                   and self.local(m)[1] <= pos), None)
                if target is None:
                    continue
                if role == "before":         # "với sự tài trợ của X": the funders follow the cue
                    funders = self.members(pos + len(cue), len(self.text), first_gap_free=True)
                else:                        # "do X tài trợ": "do" (by) opens the agent, the cue closes it
                    do, mark = max(((self.text.rfind(w, 0, pos), w) for w in self.lex.funder_marks), default=(-1, ""))
                    funders = self.members(do + len(mark), pos, first_gap_free=True) if do >= 0 else []
                    # "… trong khuôn khổ Dự án Y do X tài trợ": the agent clause belongs to the name right before it
                    named = next((m for m in reversed(self.top) if m.type in ("Event", "Agreement")
                                  and 0 <= do - self.local(m)[1] <= 2), None) if do >= 0 else None
                    target = named or target
                for f in funders:
                    self.add(f, "funded", target, rid)

    def frameworks(self) -> None:
        for pos, end, rid in self.cues("underFramework", "frame"):
            ag = next((m for m in self.top if m.type == "Agreement" and 0 <= self.local(m)[0] - end <= 2), None)
            if ag is None:
                continue
            src = next((m for m in self.top if m.type == "Event"), None)
            if src is None and self.has_anaphor():
                src = self.main_event
            if src is not None:
                self.add(src, "underFramework", ag, rid)
        for pos, end, rid in self.cues("underFramework", "inner"):
            holders = [m for m in self.all if m.type in ("Agreement", "Event") and self.local(m)[0] < pos < self.local(m)[1]]
            inner = next((m for m in self.all if m.type == "Agreement" and 0 <= self.local(m)[0] - end <= 2), None)
            if holders and inner is not None:
                outer = min(holders, key=lambda m: m.end - m.start)
                if outer is not inner:
                    self.add(outer, "underFramework", inner, rid)

    def between(self) -> None:
        """"giữa A và B": parties of the agreement it sits in; otherwise two partners."""
        ands = self.lex.and_words             # "giữa A và B": the two sides are joined by list/and
        for rel, cue, rid, role in [("partyTo", *c) for c in self.lex.cues.get("partyTo", [])] + \
                [("cooperatesWith", *c) for c in self.lex.cues.get("cooperatesWith", [])]:
            if role != "between":
                continue
            for pos in self.cue_at(cue):
                end = pos + len(cue)
                holder = [m for m in self.all if m.type == "Agreement" and self.local(m)[0] < pos < self.local(m)[1]]
                pool = [m for m in self.all if m.type in PARTY_TYPES and self.local(m)[0] > end
                        and not any(o is not m and o.type == "Organization" and o.start <= m.start and m.end <= o.end for o in self.all)]
                if not pool:
                    continue
                first = pool[0]
                if self.local(first)[0] - end > 2:
                    continue
                if holder and rel == "partyTo":
                    ag = min(holder, key=lambda m: m.end - m.start)
                    sides = [m for m in pool if m.end <= ag.end][:2]
                    joint = self.doc.text[sides[0].end:sides[1].start + 1] if len(sides) == 2 else ""
                    if any(f" {w} " in joint for w in ands):
                        for s in sides:
                            self.add(s, "partyTo", ag, rid)
                elif not holder and rel == "cooperatesWith":
                    rest = [m for m in pool[1:] if m.type == first.type]
                    if not rest:
                        continue
                    gap = self.doc.text[first.end:rest[0].start]
                    if not gap.strip().startswith(ands) or len(gap.split()) > 6:
                        continue
                    # inside an event's name ("Lễ ký kết hợp tác giữa A và B") the sides are nested names
                    for o in self.members(self.local(rest[0])[0], len(self.text), first_gap_free=True) or rest[:1]:
                        self.add(first, "cooperatesWith", o, rid)

    def hyphen_parties(self) -> None:
        """"Chương trình hợp tác ASEAN - Australia": the two sides joined by a dash are its parties."""
        for ag in (m for m in self.all if m.type == "Agreement"):
            inner = [c for c in self.all if c.type in PARTY_TYPES and ag.start < c.start and c.end <= ag.end]
            for a, b in zip(inner, inner[1:]):
                if re.fullmatch(r"\s*[-–—]\s*", self.doc.text[a.end:b.start]) and \
                        len(self.doc.text[ag.start:a.start].split()) <= 5:
                    self.add(a, "partyTo", ag, "rel.partyTo.dash")
                    self.add(b, "partyTo", ag, "rel.partyTo.dash")

    def membership(self) -> None:
        for pos, end, rid in self.cues("memberOf", "members"):
            # "X là (một) thành viên (chính thức) của Y", "X trở thành thành viên của Y": a memberOf/become
            # word before the cue makes the subject a member, a memberOf/of word after it names the body
            of = self.lex.member_of.match(self.text, end)
            before = self.text[:pos]
            if of and self.lex.member_become.search(before):
                # "… thành viên của Công ước X và Nghị định thư Y": every body or treaty listed
                targets: list[Mention] = []
                prev_end = of.end()
                for m in self.top:
                    a, b = self.local(m)
                    if a < of.end():
                        continue
                    gap = self.text[prev_end:a]
                    if m.type not in ("Organization", "Agreement") or gap.strip() and not (
                            targets and self.lex.list_separators.match(gap)):
                        break
                    targets.append(m)
                    prev_end = b
                subj = next((m for m in reversed(self.top) if m.type in PARTY_TYPES and self.local(m)[1] <= pos), None)
                for target in targets if subj is not None else ():
                    rel = "partyTo" if target.type == "Agreement" else "memberOf"
                    self.add(subj, rel, target, rid)
                continue
            org = next((m for m in self.top if m.type == "Organization" and 0 <= self.local(m)[0] - end <= 2), None)
            if org is None:
                continue
            # "các nước thành viên ASEAN gồm: A, B": a memberOf/opens word or a colon opens the members
            lst = self.lex.member_opens.match(self.text, self.local(org)[1])
            if not lst or not lst.group().strip():
                continue
            for m in self.members(lst.end(), len(self.text), types=PARTY_TYPES, first_gap_free=True):
                if m is not org:
                    self.add(m, "memberOf", org, rid)

    def held_in(self) -> None:
        events = [m for m in self.all if m.type == "Event" and not _attrs(m).get("nested")]
        if not events:
            return
        for pos, end, rid in self.cues("heldIn", "place"):
            if self._seat_of_body(pos):
                continue                     # "Đại sứ quán Hoa Kỳ tại Hà Nội": where the embassy sits
            places = self.members(end, len(self.text), types=("Location",), first_gap_free=True)
            if not places:
                continue
            ev = min(events, key=lambda e: min(abs(self.local(e)[0] - pos), abs(self.local(e)[1] - pos)))
            for p in places:
                self.add(ev, "heldIn", p, rid)


def find_relations(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[RelationMention]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    events = sorted((m for m in mentions if m.type == "Event" and not _attrs(m).get("ref")), key=lambda m: m.start)
    main_event = events[0] if events else None
    out: list[RelationMention] = []
    for si in sorted(by_sentence):
        links = _SentenceLinks(doc, si, by_sentence[si], lex, main_event)
        links.part_of()
        links.countries()
        links.holds_position()
        links.clause_links()
        links.participation()
        links.funding()
        links.frameworks()
        links.between()
        links.hyphen_parties()
        links.membership()
        links.held_in()
        out += links.out
    return out
