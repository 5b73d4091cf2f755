"""Find the links between the mentions of a document by running the rules of rules/relations.tsv
(the pattern language is in patterns.py and rules/README.md).

Per sentence, in this order:
1. `name` rules read inside the names of entities ("Hiệp định giữa Việt Nam và Lào …").
2. `apposition` rules, repeated until nothing changes, group an entity with what stands beside it
   and describes it ("Cục Đối ngoại, Bộ Công an", "UNDP tại Việt Nam", "Thiếu tướng X, Cục trưởng
   Cục Y"): each yields its link and the group is then one *unit*, read as its first entity, so a
   list or a subject never mistakes a parent, a post or a seat for one of its members.
3. `clause` and `sentence` rules, in file order, over the skeleton of units. A clause is a stretch
   between ';'. Its subject (a `{S:Subject}` slot) is the party or coordinated parties named right
   before its first verb (a cues.tsv cue of role `verb`), else the previous clause's subject.

The article frame: EVENT is the sentence's event, else the article's main event (the first event it
names); MAIN is always the main event; SIDES the two sides of a bilateral article (see article_sides).
"""
from __future__ import annotations

import re
from operator import gt
from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Document, Mention, RelationMention, SYMMETRIC_RELATIONS, mention_key
from .lexicon import POST_INSIDE_BODY, Lexicon, lowered_part, match_form, org_level as _level, whole_words
from .patterns import ABSORB, ACTS_FOR, BODY_OF, CLOSE, OPEN, SLOT_TYPES, TYPE_CODES, Compiled

PARTY_CODES = frozenset("OC")
SIDES_NEAR = 40          # characters: the two sides of a bilateral article are named together somewhere
FUNCTIONAL = frozenset({"partOf", "country", "basedIn"})
_ACTS = frozenset({"participatedIn", "organized", "cooperatesWith", "funded", "partyTo", "memberOf"})   # what an actor does   # a unit has one parent, one state, one seat
_PLACEHOLDER = re.compile(f"{OPEN}([A-Z])(\\d+){CLOSE}")
_PARENS = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"\w+")
_NEXT_PREDICATE = re.compile(r"\s*và\s+(?:đã|sẽ|cũng|vừa|đang)(?:\s+(?:đã|sẽ|cũng|vừa|đang))*\s*$")
_PAIR_GAP = re.compile(r"\s*[-–—]\s*")                        # "NATO-Ukraine", "Việt Nam - Lào"
_DASH_AFTER = re.compile(r"\s*[-–—]\s*")
_ACRONYM_DASH_BEFORE = re.compile(r"(?<!\w)[A-ZĐ]{2,}\s*[-–—]\s*$")   # "NATO-" before a country
_DASH_ACRONYM_AFTER = re.compile(r"\s*[-–—]\s*([A-ZĐ]{2,})(?!\w)")      # "— NATO" after it


_attr = Mention.attr          # _attr(m, name): m.attr(name), without a call of its own (read everywhere here)


def _locality(name: str, lex: Lexicon) -> str:
    """The locality a body's name ends with ("… tỉnh Lào Cai" -> "tỉnh lào cai"), from the Location
    heads in rules/heads.tsv; "" when it ends with none."""
    words = name.split()
    heads = lex.heads_by_first.get("Location", {})
    for k in range(len(words) - 2, 0, -1):
        for w in dict.fromkeys((words[k], words[k].lower())):      # "UBND Quận Đồ Sơn" as "quận"
            for hw, _, _ in heads.get(w, ()):
                if [x.lower() for x in words[k:k + len(hw)]] == [x.lower() for x in hw] and k + len(hw) < len(words) \
                        and not words[k + len(hw)][:1].islower():         # a place's name: "xã hội" is none
                    return " ".join(words[k:]).casefold()
    return ""


@dataclass
class _Unit:
    """An entity of the sentence with what stands beside it in apposition (local offsets); `took`:
    the relations its appositions gave it."""
    head: Mention
    start: int
    end: int
    code: str
    took: set = field(default_factory=set)
    pending: set = field(default_factory=set)
    acts_for: Mention | None = None   # a head of state or government: the country it acts for
    body: Mention | None = None       # a person: the body the sentence names his post in (the last one)


class _Skeleton:
    """A stretch of text with each unit replaced by OPEN + type code + index + CLOSE."""

    def __init__(self, text: str, units: list[_Unit], lo: int = 0, hi: int | None = None):
        hi = len(text) if hi is None else hi
        parts, pos, n = [], lo, 0
        self.units = units
        self.marks: list[tuple[int, int]] = []     # (skeleton offset, text offset) after each placeholder
        for i, u in enumerate(units):
            if u.start < lo or u.end > hi:
                continue
            parts.append(text[pos:u.start])
            n += u.start - pos
            ph = f"{OPEN}{u.code}{i}{CLOSE}"
            parts.append(ph)
            n += len(ph)
            pos = u.end
            self.marks.append((n, pos))
        parts.append(text[pos:hi])
        self.text = "".join(parts)
        self.lo = lo

    def to_text(self, k: int) -> int:
        """The text offset of skeleton offset `k` (outside placeholders)."""
        skel, txt = 0, self.lo
        for a, b in self.marks:
            if a > k:
                break
            skel, txt = a, b
        return txt + (k - skel)

    def clauses(self) -> list[str]:
        return self.text.split(";")


_INDEX: dict[int, tuple[dict, dict[str, tuple[dict[int, Compiled], frozenset[int]]]]] = {}


def _scope_index(rules: dict[str, list[Compiled]]) -> dict[str, tuple[dict[int, Compiled], frozenset[int]]]:
    """scope -> ({rule number: rule}, the set of those numbers) for a rule table (made once per table)."""
    hit = _INDEX.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = _INDEX[id(rules)] = (rules, {scope: ({c.n: c for c in cs}, frozenset(c.n for c in cs))
                                           for scope, cs in rules.items()})
    return hit[1]


def _in_scope(index: dict[str, tuple[dict[int, Compiled], frozenset[int]]], scope: str,
              candidates: set[int]) -> list[Compiled]:
    """The rules of `scope` among the rule numbers `candidates`, in file order (a rule's number): the
    sets are intersected in C, and only the few rules in both are sorted and looked up."""
    hit = index.get(scope)
    if hit is None:
        return []
    of, numbers = hit
    return list(map(of.__getitem__, sorted(numbers.intersection(candidates))))


class _Event:
    """`_Sentence.event`, the sentence's event, when a rule first asks for it: the main event unless the
    sentence speaks of an unnamed one (a regex search most sentences need not make); then kept in the
    instance, which hides this descriptor (it has no __set__). Not a `__getattr__`: CPython 3.11
    specialises no attribute read of a class that has one."""

    def __get__(self, s: "_Sentence | None", owner=None):
        if s is None:
            return self
        s.event = event = None if s._unnamed_event() else s._main
        return event


def _direct_units(outer: Mention, inner: list[Mention]) -> list[_Unit]:
    """The names directly inside `outer` (not those inside them), as units at offsets in its name."""
    units, last_end = [], -1
    for m in inner:
        if m.start < last_end:
            continue
        units.append(_Unit(m, m.start - outer.start, m.end - outer.start, TYPE_CODES[m.type]))
        last_end = m.end
    return units


def _modified(text: str, a: int, lex: Lexicon) -> bool:
    """Does a noun a country qualifies end right before offset `a` ("300 doanh nghiệp Hà Lan")? The regex
    searches only a text that ends with the last word of one of the nouns (most do not: a cheap look first)."""
    lo = max(0, a - 24)
    return text[lo:a].rstrip().endswith(lex.modified_ends) and lex.modified_before.search(text, lo, a) is not None


class _Sentence:
    event = _Event()

    def __init__(self, doc: Document, si: int, mentions: list[Mention], lex: Lexicon, main: Mention | None,
                 sides: list[Mention]):
        self.doc, self.si, self.lex, self.main, self.sides = doc, si, lex, main, sides
        self.base = doc.sentences[si].start
        self.text = doc.sentences[si].text
        self.all = mentions                   # (in text order: find_relations sorts them)
        owned = [m for m in self.all if m.type == "Event" and self._owned_anaphor(m)]
        if owned:                             # another body's meeting, not the main event: no event of the sentence
            self.all = [m for m in self.all if all(m is not o for o in owned)]
        self.units: list[_Unit] = []
        last_end = -1
        for m in self.all:
            if _attr(m, "nested"):
                continue
            a, b = m.start - self.base, m.end - self.base
            if a < last_end:
                continue                      # overlapping names: the first one stands
            if m.type == "Country" and _modified(self.text, a, lex):
                continue                      # "300 doanh nghiệp Hà Lan": the businesses' nationality, no party
            self.units.append(_Unit(m, a, b, TYPE_CODES[m.type]))
            last_end = b
        self.present = lex.relation_words_in(lowered_part(doc.text, self.base, self.base + len(self.text)))
        self.candidates = lex.relation_candidates(self.present)
        self._skel: _Skeleton | None = None
        self._first_at: dict[tuple[int, str], list[int]] = {}     # (see _starts)
        self.out: list[RelationMention] = []
        self.seen: set[tuple[int, str, int]] = set()
        ev = next((m for m in self.all if m.type == "Event" and not _attr(m, "nested")), None)
        if ev is not None or owned:
            self.event = ev
        else:
            self._main = main                 # (self.event, when a rule asks for it: see _Event)

    def _post_body(self, m: Mention) -> Mention | None:
        """The body a person was named after with his post ("Tổng Thanh tra Chính phủ Phan Văn Sáu"), if any."""
        at = m.attr("post_org") if m.type == "Person" else ""
        return next((o for o in self.all if o.type == "Organization" and o.start == int(at)), None) if at else None

    def _owned_anaphor(self, m: Mention) -> bool:
        """Is m a lower-case event noun that points back to the main event, but is said of a body
        the main event's name does not hold ("phiên họp của Ủy ban X", "cuộc họp Hội đồng Bảo an"), or
        counted ("một cuộc hội thảo": word_classes.tsv numeral)? Then it is another event."""
        if m.type != "Event" or not _attr(m, "anaphor") or not m.text[:1].islower() or self.main is None:
            return False
        before = self.text[:m.start - self.base].split()
        if before and before[-1].lower() in self.lex.event_classifiers:
            before.pop()
        if before and self.lex.word_class.get(before[-1].lower()) == "numeral":
            return True                       # "một cuộc hội thảo": a new event, not the one the article is about: a new event, not the one the article is about
        gap = self.lex.owner_gap.match(self.text, m.end - self.base)
        at = self.base + (gap.end() if gap else m.end - self.base)
        owner = next((o for o in self.all if o.start == at and o.type in ("Organization", "Country")), None)
        main = (_attr(self.main, "canonical") or self.main.text).casefold()
        return owner is not None and owner.text.casefold() not in main

    def _owner_of(self, ev: Mention) -> Mention | None:
        """The body or country named right after an event with "của" (of): the event is its own."""
        gap = self.lex.owner_gap.match(self.text, ev.end - self.base)
        if gap is None or not gap.group().strip():
            return None
        at = self.base + gap.end()
        return next((o for o in self.all if o.start == at and o.type in ("Organization", "Country")), None)

    def _unnamed_event(self) -> bool:
        """Does the sentence speak of an event it names by a lower-case noun only ("Tham dự buổi họp
        báo, …", "phát biểu tại cuộc gặp …"), one that is not the article's main event (whose name
        would hold those words: "buổi sơ kết" of "Cuộc họp sơ kết …")? Then that one is where the
        people it names take part: EVENT is unknown."""
        if self.lex.event_classifier.search(self.text) is None:
            return False                      # (a sentence without "cuộc", "buổi" … is rid of the longer search)
        stops = self.lex.stopwords
        main = self.main.text.lower() if self.main is not None else ""
        for m in self.lex.unnamed_event.finditer(self.text):
            if m.group(1):
                return True                   # "tại các phiên họp này": several events, not the article's one
            words = []
            for w in m.groups()[2:]:
                if not w or not w.islower() or w in stops.get("Event", ()) or w in stops.get("*", ()):
                    break
                words.append(w)
            if words and not whole_words(main, (" ".join(words),)) \
                    and match_form(" ".join([m.group(2), *words])) not in self.lex.generic:
                return True                   # (but "tại lễ khai mạc", generic.tsv: the opening of the article's event)
        return False

    # --- running rules ----------------------------------------------------------------------
    def run(self, rules: dict[str, list[Compiled]]) -> list[RelationMention]:
        names = rules.get("name")
        if names:
            self._run_names(names, len(self.all) > len(self.units))   # does some name hold another?
        # each apposition rule in turn until it changes nothing (a chain of posts "X, Ủy viên A, Bộ
        # trưởng B" takes a round a post), so a body has its acronym, parent and seat before a post
        # takes it; then again from the first rule if anything changed
        codes = {u.code for u in self.units}
        # the candidate rules of each scope, in file order: a sentence has a few of the file's ~100
        index = _scope_index(rules)
        appos = self._screen(_in_scope(index, "apposition", self.candidates), codes, len(self.units))
        self._screened = self.units           # the units `appos` was screened on (until a round merges some)
        for _ in range(3 if appos else 0):
            changed = False
            for c in appos:
                for _ in range(4):
                    if not self._apposition_round(c):
                        break
                    changed = True
            if not changed:
                break
        codes = {u.code for u in self.units}
        n = len(self.units)
        skel = clauses = subjects = None
        for c in self._screen(_in_scope(index, "body", self.candidates), codes, n):    # (the units no longer change)
            if skel is None:
                skel = self._skeleton()
            if c.rule.scope == "sentence":
                for m in self._matches(c, skel.text):
                    self._apply(c, m, self.units, {})
                continue
            if clauses is None:
                clauses = skel.clauses()
            subject = next((name for name, slot in c.slots.items() if slot.special == "Subject"), None)
            if subject and subjects is None:
                subjects = self._subjects(clauses)
            for k, clause in enumerate(clauses):
                bound = {}
                if subject:
                    if not subjects[k]:
                        continue
                    bound[subject] = subjects[k]
                for m in self._matches(c, clause):
                    self._apply(c, m, self.units, bound)
        return self.out

    def _skeleton(self) -> _Skeleton:
        """The skeleton of the current units, made again only when an apposition round has merged some."""
        if self._skel is None or self._skel.units is not self.units:
            self._skel = _Skeleton(self.text, self.units)
        return self._skel

    def _screen(self, rules: list[Compiled], codes, n: int) -> list[Compiled]:
        """The rules that _may_match, among candidates of the sentence (all of `rules`), in one pass."""
        present = self.present
        return [c for c in rules if n >= c.needs_count and not any(map(codes.isdisjoint, c.needs_types))
                and not any(map(present.isdisjoint, c.screen_words))]

    def _may_match(self, c: Compiled, codes, n: int) -> bool:
        """Could the rule match at all: its words occur in the sentence and it names enough entities
        of the slots' types? (Most rules are ruled out here, without a regex.)"""
        if c.n not in self.candidates or n < c.needs_count:
            return False
        present = self.present
        for ws in c.needs_words:
            if ws.isdisjoint(present):
                return False
        for t in c.needs_types:
            if t.isdisjoint(codes):
                return False
        return True

    def _matches(self, c: Compiled, skel: str):
        if c.anchored:
            m = c.rx.match(skel)
            return [m] if m else []
        if c.first is not None:
            out, seen = [], set()
            # past the last placeholder its last slot may take, the rule cannot match (Compiled.tail)
            last = max(map(skel.rfind, c.tail)) if c.tail else len(skel)
            for start in self._starts(c.first, skel):
                if start > last:
                    break
                m = c.rx.match(skel, start)
                if m and m.span() not in seen:
                    seen.add(m.span())
                    out.append(m)
            return out
        # no element to look for first (the pattern opens with an optional part): the regex engine
        # finds every place the whole pattern matches at, then each is read again for its groups
        return [c.rx.match(skel, a.start()) for a in c.ahead.finditer(skel)]

    def _starts(self, first: re.Pattern, skel: str) -> list[int]:
        """Where `first` (a rule's first element) matches in `skel`, as finditer finds them: found once per
        sentence and text, since rules that open with the same element (a list of parties, an actor, a
        post) read the same clauses."""
        key = (id(first), skel)              # (a Pattern's own hash reads its whole compiled code)
        starts = self._first_at.get(key)
        if starts is None:
            starts = self._first_at[key] = [f.start() for f in first.finditer(skel)]
        return starts

    def _bind(self, c: Compiled, m: re.Match, units: list[_Unit], bound: dict) -> dict[str, list]:
        """Slot name -> the units (or mentions) it stands for."""
        out: dict[str, list] = dict(bound)
        for name, slot in c.slots.items():
            if slot.special or name not in m.re.groupindex:
                continue
            g = m.group(name)
            if g is None:
                continue
            out[name] = [units[int(i)] for _, i in _PLACEHOLDER.findall(g)]
        return out

    def _apply(self, c: Compiled, m: re.Match, units: list[_Unit], bound: dict, name: Mention | None = None) -> None:
        b = self._bind(c, m, units, bound)
        if name is not None:
            b["NAME"] = [name]
        if not self._tests(c, b, units):
            return
        for y in c.rule.yields:
            if y.relation == ABSORB:
                continue
            if y.relation == ACTS_FOR:
                for u in b.get(y.source, ()):
                    u.acts_for = next(iter(self._ends(y.target, b, name)), None)
                continue
            srcs, tgts = self._ends(y.source, b, name), self._ends(y.target, b, name)
            if y.relation == "participatedIn":     # a head of state or government takes part for the country
                srcs = srcs + [u.acts_for for u in b.get(y.source, ()) if isinstance(u, _Unit) and u.acts_for]
            elif y.relation == "partyTo":
                # an official signs for his country (a head of state or government) or for the body he
                # holds his post in ("Thứ trưởng Bộ Công an Lê Quý Vương đã ký …"): he is no party himself
                signers = [u for u in b.get(y.source, ()) if isinstance(u, _Unit) and u.head.type == "Person"]
                if signers:
                    srcs = [x for x in srcs if x.type != "Person"] + [u.acts_for or u.body for u in signers
                                                                       if u.acts_for or u.body]
            elif y.relation == "holdsPosition":
                for u in b.get(y.source, ()):
                    if isinstance(u, _Unit) and tgts:
                        u.body = tgts[-1]
            if y.source == y.target:
                pairs = [(s, t) for i, s in enumerate(srcs) for t in srcs[i + 1:]]
            else:
                pairs = [(s, t) for s in srcs for t in tgts]
            for s, t in pairs:
                self.add(s, y.relation, t, c.rule.id)

    def _ends(self, slot: str, b: dict, name: Mention | None) -> list[Mention]:
        if slot == "NAME":
            return [name] if name is not None else []
        if slot == "MAIN":
            return [self.main] if self.main is not None else []
        if slot == "SIDES":
            return list(self.sides)
        if slot == "EVENT" and "EVENT" not in b:
            return [self.event] if self.event is not None else []
        if slot.endswith(BODY_OF):           # "A.body": the bodies the persons of A hold the posts named in
            units = [u for u in b.get(slot[:-len(BODY_OF)], ()) if isinstance(u, _Unit)]
            return [x for x in (u.body or self._post_body(u.head) for u in units) if x is not None]
        return [u.head if isinstance(u, _Unit) else u for u in b.get(slot, ())]

    def _country_of_a_place(self, c: Mention) -> bool:
        """Is the country written right after a place, in parentheses or after a comma ("Manila (Philippines)",
        "Hà Khẩu, Trung Quốc")?"""
        at = c.start - self.base
        before = self.text[:at].rstrip()
        if not before.endswith(("(", ",")):
            return False
        if before.endswith("(") and re.match(r"\s*(?:,|và\s)", self.text[c.end - self.base:]):
            return False                      # "6 nước Tiểu vùng sông Mê Công (Campuchia, Lào …)": the states of a
            # region that spans several, listed, not the one a place lies in
        end = len(before[:-1].rstrip()) + self.base
        return any(m.type == "Location" and m.end == end for m in self.all)

    def _country_of_an_acronym(self, c: Mention) -> bool:
        """Is the country written right after an acronym that names no entity the reader knows ("BHXH Việt Nam")?"""
        before = self.text[:c.start - self.base]
        if not before.endswith(" "):
            return False
        word = before.rstrip().rsplit(" ", 1)[-1]
        if not (len(word) >= 2 and word.isalpha() and word.isupper()):
            return False
        at = c.start - 1 - len(word)
        return not any(m.start <= at < m.end for m in self.all)

    def add(self, a: Mention, rel: str, b: Mention, rule: str) -> None:
        if a is b or not a.text or not b.text or mention_key(a) == mention_key(b):
            return
        if rel == "participatedIn" and b.type == "Event" and b.sentence == self.si and self._owner_of(b) is a:
            return                            # "Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội": a body's own meeting
        if rel == "participatedIn" and b.type == "Event" and a.type == "Organization" and " của " in (b.attr("canonical") or b.text):
            owner = (b.attr("canonical") or b.text).rsplit(" của ", 1)[1].casefold()
            names = {a.text, a.attr("canonical") or ""} | ({self.lex.entries[a.key].name} if a.key in self.lex.entries else set())
            if owner in {x.casefold() for x in names if x}:
                return                        # "Kỳ họp thứ 3 của Quốc hội", said in another sentence: the body's own meeting
        if rel in _ACTS and any(x.type == "Country" and (self._country_of_a_place(x) or self._country_of_an_acronym(x))
                                for x in ((a, b) if rel == "cooperatesWith" else (a,))):
            return                            # "tại Manila (Philippines), Thượng tướng X đã tham dự …": the place's
            # country, not an actor of the clause; "làm việc với BHXH Việt Nam": the country of a body named by an
            # acronym the reader does not know
        if rel == "holdsPosition" and _foreign_person(a) and _home_body(b, self.lex):
            return                            # a foreign official's post named like a Vietnamese one: "Vilay
            # Lakhamphong, Bí thư Trung ương Đảng" sits in the Lao party's central committee, not Việt Nam's
        key = (id(a), rel, id(b))
        if key in self.seen or (rel in SYMMETRIC_RELATIONS and (id(b), rel, id(a)) in self.seen):
            return
        self.seen.add(key)
        self.out.append(RelationMention(a, rel, b, rule, self.si))

    # --- name scope ---------------------------------------------------------------------------
    def _run_names(self, rules: list[Compiled], nested: bool) -> None:
        """Each name read as a skeleton of the names directly inside it (rules that need no entity
        read names that hold none: "Hiệp định … giữa hai nước")."""
        # what _may_match asks of the sentence (a candidate, its words present) is asked once here;
        # what it asks of the name (enough units, of the slots' types) for each name below
        if not self.all:
            return
        present, candidates = self.present, self.candidates
        rules = [c for c in rules if c.n in candidates and not any(map(present.isdisjoint, c.screen_words))]
        if not rules:
            return
        by_type: dict[str, tuple[list[Compiled], int]] = {}   # the rules that read a name of each type, and
        # the fewest names inside it any of them needs
        starts = [m.start for m in self.all] if nested else []   # (self.all is sorted by start)
        for outer in self.all:
            hit = by_type.get(outer.type)
            if hit is None:
                of_type = [c for c in rules if outer.type in c.rule.name_types]
                hit = by_type[outer.type] = (of_type, min((c.needs_count for c in of_type), default=0))
            of_type, least = hit
            if not of_type:
                continue                      # no rule reads this name: its inner names are not needed
            # the names inside it start inside it: only those are looked at (most names hold none)
            lo, hi = (bisect_left(starts, outer.start), bisect_left(starts, outer.end)) if nested else (0, 1)
            if hi - lo - 1 < least:           # (the slice holds the name itself)
                continue
            inner = [m for m in self.all[lo:hi]
                     if m is not outer and m.end <= outer.end and (m.end - m.start) < (outer.end - outer.start)] \
                if nested else []
            units = _direct_units(outer, inner)
            readings = [units]
            if outer.type == "Event" and len(units) == 1 and units[0].code == "A" \
                    and units[0].end == outer.end - outer.start:
                # "Lễ ký Bản ghi nhớ giữa A và B": a ceremony named by the agreement it signs is read
                # through the agreement's name, whose parties are the ceremony's sides
                g = units[0].head
                sides = _direct_units(outer, [m for m in inner if m is not g and g.start <= m.start and m.end <= g.end])
                if sides:                     # (an agreement that names no one stays what the ceremony signs)
                    # a meeting on implementing it ("Hội nghị tổng kết thực hiện Hiệp định … giữa A và B") is
                    # read both ways: the two sides attend it, and it is held under the agreement
                    readings = [sides, units] if self._implements(outer.text[:units[0].start]) else [sides]
            for units in readings:
                codes = {u.code for u in units}
                skel = None
                n = len(units)
                for c in of_type:
                    if n < c.needs_count or any(t.isdisjoint(codes) for t in c.needs_types):
                        continue
                    skel = skel or _Skeleton(outer.text, units).text
                    for m in self._matches(c, skel):
                        self._apply(c, m, units, {}, name=outer)

    def _implements(self, before: str) -> bool:
        """Does the text before an agreement in an event's name end with a word of implementing it
        (cues.tsv underFramework/inner: "thực hiện", "triển khai")?"""
        low = before.rstrip().lower()
        return any(role == "inner" and (low == cue or low.endswith(" " + cue))
                   for cue, _, role in self.lex.cues.get("underFramework", ()))

    # --- apposition ---------------------------------------------------------------------------
    def _apposition_round(self, c: Compiled) -> bool:
        """Run one apposition rule once over the current units; merge what it groups. A unit takes
        one link of each FUNCTIONAL relation (one parent, one country, one seat): after "Cục Lãnh sự
        (Bộ Ngoại giao)", ", Công an tỉnh X" is the next member of a list, not a second parent."""
        if self.units is not self._screened and not self._may_match(c, {u.code for u in self.units}, len(self.units)):
            return False
        sk = self._skeleton()
        matches = self._matches(c, sk.text)
        if not matches:
            return False                      # (most rounds: nothing to merge)
        parent: dict[int, int] = {}           # unit index -> the unit index that absorbs it
        ends: dict[int, int] = {}             # head unit index -> text offset the match reaches
        index = {id(u): i for i, u in enumerate(self.units)}
        rel = c.rule.yields[0].relation
        for m in matches:
            b = self._bind(c, m, self.units, {})
            head = b.get(c.rule.yields[0].source)
            hi = index[id(head[0])] if head else -1
            if not head or (rel in FUNCTIONAL and rel in head[0].took) or not self._tests(c, b, self.units):
                continue
            self._apply(c, m, self.units, {})
            # slots read in a look-ahead ("&[ … ]") stay outside the unit
            members = [index[id(u)] for k, v in b.items() for u in v if isinstance(u, _Unit)
                       and (k not in m.re.groupindex or m.start(k) < m.end())]
            root = self._root(parent, hi)
            for j in range(min(members), max(members) + 1):
                if j != hi and j not in parent and self._root(parent, j) != root:
                    parent[j] = hi
            ends[hi] = max(ends.get(hi, 0), sk.to_text(m.end()))
            head[0].pending.add(rel)
        if not parent and not any(e > self.units[i].end for i, e in ends.items()):
            return False
        merged: dict[int, _Unit] = {}
        for i, u in enumerate(self.units):
            if i not in parent:
                merged[i] = _Unit(u.head, u.start, u.end, u.code, set(u.took) | u.pending, set(), u.acts_for, u.body)
        for i, u in enumerate(self.units):
            k = merged[self._root(parent, i)]
            k.start, k.end = min(k.start, u.start), max(k.end, u.end, ends.get(i, 0))
            if i in parent:
                k.took |= (u.took | u.pending) - FUNCTIONAL
        self.units = [merged[i] for i in sorted(merged)]
        return True

    @staticmethod
    def _root(parent: dict[int, int], i: int) -> int:
        while i in parent:
            i = parent[i]
        return i

    # --- subjects -----------------------------------------------------------------------------
    def _after_intro(self, cl: str) -> int:
        """Where the clause's own words start: after an opening adjunct (cues.tsv intro: "Trong khuôn khổ Dự án do
        X tài trợ, Hội … đã tổ chức …"; "Thông qua X, …") up to its comma, when a verb follows; else 0."""
        rx = self.lex.intro_opening
        close = cl.find(") ") if cl.startswith("(") else -1
        lead = close + 2 if close > 0 else 0      # (after a photo credit: "(Ảnh: X/TTXVN) Theo …")
        if rx is None or not (m := rx.match(cl, lead)):
            return 0
        comma = cl.find(", ", m.end())
        return comma + 2 if comma > 0 and self.lex.verb_cue.search(cl, comma + 2) else 0

    def _subjects(self, clauses: list[str]) -> list[list[_Unit]]:
        out, carried = [], []
        for cl in clauses:
            own = self._after_intro(cl)       # (the opening adjunct's names are no subject)
            v = self.lex.verb_cue.search(cl, own)
            if v is None:
                out.append(carried)
                continue
            before = [(int(i), p.start(), p.end()) for p in _PLACEHOLDER.finditer(cl, own, v.start())
                      for code, i in [p.groups()] if code != "L"]
            while before and self.units[before[-1][0]].code == "C" and cl[before[-1][1] - 1:before[-1][1]] == "(" \
                    and cl[before[-1][2]:before[-1][2] + 1] == ")":
                before.pop()                  # "… Chính quyền châu Hồng Hà (Trung Quốc) tổ chức": a country in
                # parentheses qualifies the words before it (a body no rule named), it does not act
            if not before:
                out.append(carried)
                continue
            subj: list[_Unit] = []
            led = False
            i, a, b = before[-1]
            if self.lex.led_by is not None and self.units[i].code not in PARTY_CODES:
                # "Đoàn công tác Bộ Công an do Thứ trưởng X dẫn đầu đã làm việc với …": the delegation's body, not
                # its leader, is the subject
                for bi in range(len(before) - 2, -1, -1):
                    if self.units[before[bi][0]].code in PARTY_CODES:
                        if self.lex.led_by.fullmatch(_PARENS.sub(" ", cl[before[bi][2]:v.start()])):
                            i, a, b = before[bi]
                            before = before[:bi + 1]
                            led = True
                        break
            tail = _PARENS.sub(" ", cl[b:v.start()])
            last = self.units[i]
            if len(before) > 1 and _NEXT_PREDICATE.fullmatch(tail) and not cl[:before[0][1]].strip():
                # "Việt Nam là thành viên của Tiến trình Bali và đã phê chuẩn Công ước …": the body before
                # "và đã" ends the first predicate; the verb's subject is the party the clause opens with
                lead = [self.units[before[0][0]]]
                for (j, a2, b2), (_, a3, _) in zip(before, before[1:]):
                    if not self.lex.subject_joint.fullmatch(cl[b2:a3]):
                        break
                    lead.append(self.units[before[before.index((j, a2, b2)) + 1][0]])
                if all(u.code in PARTY_CODES for u in lead) and len(lead) < len(before):
                    carried = lead
                    out.append(lead)
                    continue
            # (adverbs may stand between the subject and its verb: "sẽ tiếp tục tài trợ cho …")
            # (or unnamed companions: "Việt Nam cùng 5 nước khác trong khu vực đã ký …")
            near = led or len(_WORD.findall(tail)) <= 2 or (
                self.lex.subject_adverbs is not None and len(_WORD.findall(self.lex.subject_adverbs.sub(" ", tail))) <= 1) \
                or self.lex.subject_companions.fullmatch(tail) is not None
            if last.code in PARTY_CODES and near \
                    and not _object_of_event(last, self.units, self.text, self.lex.list_gaps):
                # (a party right after an event told by a verb is its object: "thăm Nhật Bản và dự …")
                subj = [last]
                for j, a2, b2 in reversed(before[:-1]):
                    u = self.units[j]
                    # (an acronym in parentheses after the first is no gap: "Đài Tiếng nói Việt Nam (VOV) và UBND …")
                    if u.code not in PARTY_CODES or not self.lex.subject_joint.fullmatch(_PARENS.sub(" ", cl[b2:a])):
                        break
                    if u.code == "C" and j > 0 and self.units[j - 1].code == "L" \
                            and self.text[self.units[j - 1].end:u.start].strip() in (",", "("):
                        break                 # "tại Hà Khẩu, Trung Quốc, A và B tổ chức": the place's country
                    subj.insert(0, u)
                    a = a2
                if self.lex.preposition_before.search(cl, 0, a):
                    subj = []                 # "tại Bộ X và Bộ Y nhằm trao đổi …": governed by a preposition
                elif subj and subj[0].code == "C" and self.lex.modified_before.search(cl, 0, a):
                    subj = []                 # "50 doanh nghiệp Việt Nam đã tham dự": the businesses, not the state
            if subj:
                carried = subj
            out.append(subj)
        return out

    # --- pairs --------------------------------------------------------------------------------
    def _paired(self, x, b: dict, units: list[_Unit]) -> bool:
        """Is x one of two parties named as a pair, joined by a dash to a country or a body of no
        country ("Ủy ban NATO-Ukraine", "Phòng Thương mại Hà Lan – Việt Nam", its name cut at the dash)?
        A body so named is binational: neither party is its country. (Without the dash a body before a
        country is its office there: "Ban công tác liên ngành COMMIT Việt Nam".)"""
        if isinstance(x, _Unit):
            text = b["NAME"][0].text if "NAME" in b else self.text
            prev = next((u for u in reversed(units) if u.end <= x.start), None)
            nxt = next((u for u in units if u.start >= x.end), None)
            if prev is not None and self._partner(prev.head) and _PAIR_GAP.fullmatch(text[prev.end:x.start]):
                return True
            if nxt is not None and self._partner(nxt.head) and _PAIR_GAP.fullmatch(text[x.end:nxt.start]):
                return True
            acr = _DASH_ACRONYM_AFTER.match(text, x.end)
            return bool(_ACRONYM_DASH_BEFORE.search(text[:x.start])) or (acr is not None and acr.group(1) not in self.lex.abbreviations)
        end = x.end - self.base                 # a name: what follows it in the sentence
        dash = _DASH_AFTER.match(self.text, end)
        if dash is None:
            return False
        at = self.base + dash.end()
        acr = _DASH_ACRONYM_AFTER.match(self.text, end)   # "— NATO", not a legal form ("-CTCP", abbreviations.tsv)
        if acr is not None and acr.group(1) not in self.lex.abbreviations:
            return True
        return any(m.start == at and self._partner(m) for m in self.all)

    def _partner(self, m: Mention) -> bool:
        """A party a body can be named jointly with: a country, or a body of no country of its own."""
        if m.type == "Country":
            return True
        if m.type != "Organization":
            return False
        if m.key:
            return not dict(self.lex.entries[m.key].attrs).get("country")
        return " " not in m.text and m.text.isupper()

    # --- where-tests --------------------------------------------------------------------------
    def _tests(self, c: Compiled, b: dict, units: list[_Unit]) -> bool:
        for ors in c.rule.tests:
            if not any(self._test(t, b, units) for t in ors):
                return False
        return True

    def _first(self, b: dict, slot: str):
        if slot == "EVENT" and "EVENT" not in b:
            return self.event
        if slot == "MAIN":
            return self.main
        v = b.get(slot)
        return v[0] if v else None

    def _test(self, t, b: dict, units: list[_Unit]) -> bool:
        if t.pred == "count":                 # how many entities a list slot holds
            left = len(b.get(t.args[0], ()))
            ok = {"<": left < t.rhs, "<=": left <= t.rhs, ">": left > t.rhs, ">=": left >= t.rhs,
                  "==": left == t.rhs, "!=": left != t.rhs}[t.op]
            return ok != t.negate
        slots = t.args[:2] if t.pred == "between" else t.args[:1] if t.pred in ("head", "after") else t.args
        args = [self._first(b, a) for a in slots]
        if any(a is None for a in args):
            return True                       # a slot of an optional part that did not match
        ms = [a.head if isinstance(a, _Unit) else a for a in args]
        lex = self.lex
        if t.pred == "rank":
            left = _level(ms[0], lex)
            if isinstance(t.rhs, tuple):
                other = self._first(b, t.rhs[1])
                if other is None:
                    return True
                right = _level(other.head if isinstance(other, _Unit) else other, lex)
            else:
                right = t.rhs
            ok = {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right,
                  "==": left == right, "!=": left != right}[t.op]
        elif t.pred == "same":
            ok = mention_key(ms[0]) == mention_key(ms[1])
        elif t.pred == "same-place":
            loc = _locality(ms[0].text, lex)
            ok = bool(loc) and loc == _locality(ms[1].text, lex)
        elif t.pred == "parent-ok":
            a, o = ms
            parent = dict(lex.entries[a.key].attrs).get("parent", "") if a.key else None
            # a keyless body may be the known parent spelled otherwise ("Bộ Công an Việt Nam"), not another body
            # ("Cục Cảnh sát hình sự, Công an TP HCM": a list of two)
            ok = parent is None or (bool(parent) and (o.key == parent or not o.key and _spells(o, lex.entries.get(parent))))
            if not ok and parent and o.key and o.key in lex.entries \
                    and dict(lex.entries[o.key].attrs).get("parent", "") == parent and _level(o, lex) < _level(a, lex):
                # a level the gazetteer's (current) tree skips: "Cục Cảnh sát hình sự thuộc Tổng cục Cảnh sát" in
                # articles from before 2018, when the department sat under the general department
                ok = True
            if ok and not a.key and any(m.end == a.end and a.start < m.start and m.type == "Organization" and m is not o
                                        and _level(m, lex) < _level(a, lex) and _level(m, lex) <= 2
                                        and not (m.key and not dict(lex.entries[m.key].attrs).get("country"))
                                        for m in self.all):
                ok = False                    # "Phòng Cảnh sát Hình sự Công an tỉnh Hà Tĩnh, Bộ đội Biên phòng Hà
                # Tĩnh": the unit's name ends with its body, so the next body is a peer in a list, not its parent
            named = _attr(a, "canonical")
            if ok and not a.key and named.startswith(a.text + ", "):
                # the entity reader named the unit with its body ("Phòng X, Công an tỉnh Y"): no other parent
                ok = named[len(a.text) + 2:] in (o.text, _attr(o, "canonical"))
        elif t.pred == "head":
            name = ms[0].text.lower()
            ok = any(name == h.lower() or name.startswith(h.lower() + " ") for h in lex.word_classes.get(t.args[1][1:-1], ()))
        elif t.pred == "after":
            u = args[0]
            ok = False
            if isinstance(u, _Unit):
                text = b["NAME"][0].text if "NAME" in b else self.text     # (a name rule's units sit in its name)
                phrases, longest = _lower_class(lex, t.args[1][1:-1])
                before = text[max(0, u.start - longest - 8):u.start].rstrip().lower()
                ok = _ends_with_lower(before, phrases) is not None
        elif t.pred == "seat":
            # "Đại sứ Hoa Kỳ tại Việt Nam X": the place after "tại" right after a country or a body is where that
            # body or envoy sits, not where the clause's event is held
            u = args[0]
            before = self.text[:u.start].rstrip() if isinstance(u, _Unit) else ""
            mark = _ends_with_word(before.lower(), [w.strip() for w in lex.place_marks])
            rest = before[:len(before) - len(mark)].rstrip() if mark else None
            seat = next((v for v in units if v.end == len(rest) and v.code in ("C", "O")), None) if rest else None
            # (a country one goes to is no seat: "… bị lừa bán sang Lào tại tỉnh Điện Biên", cues.tsv heldIn/destination)
            lead = self.text[:seat.start].rstrip().lower() if seat is not None else ""
            ok = seat is not None and _ends_with_word(lead, lex.destinations) is None
        elif t.pred == "acronym":
            w = ms[0].text
            ok = " " not in w and w.upper() == w and any(c.isalpha() for c in w)
        elif t.pred == "known-parent":
            a, o = ms
            ok = bool(a.key and o.key) and dict(lex.entries[a.key].attrs).get("parent", "") == o.key
        elif t.pred == "peer-follows":
            u = args[0]
            nxt = next((x for x in units if x.start >= u.end), None) if isinstance(u, _Unit) else None
            ok = nxt is not None and nxt.code == "O" and self.text[u.end:nxt.start] in lex.list_gaps \
                and _level(nxt.head, lex) >= _level(u.head, lex)
            if ok:
                # "Vụ A, Bộ X và Vụ B, Bộ Y": the body after the list gap has a parent of its own after a comma,
                # so the list is of unit-parent pairs, not of peers of the parent
                own = next((x for x in units if x.start >= nxt.end), None)
                ok = not (own is not None and own.code == "O" and self.text[nxt.end:own.start] == ", "
                          and _level(own.head, lex) < _level(nxt.head, lex))
        elif t.pred == "after-intro":
            u = args[0]
            ok = isinstance(u, _Unit) and lex.intro_before is not None and bool(lex.intro_before.search(self.text[:u.start]))
        elif t.pred == "after-colon":
            u = args[0]
            if isinstance(u, _Unit):
                colon = self.text.rfind(":", 0, u.start)
                ok = colon >= 0 and ";" not in self.text[colon:u.start] \
                    and lex.verb_cue.search(self.text, colon, u.start) is None
            else:
                ok = False
        elif t.pred == "unreal":
            u = args[0]
            if isinstance(u, _Unit):
                v = lex.verb_cue.search(self.text, u.end)
                ok = bool(lex.request_before.search(self.text, 0, u.start)) \
                    or (v is not None and bool(lex.modal_between.search(self.text, u.end, v.start())))
            else:
                ok = False
        elif t.pred == "international":
            m = ms[0]
            ok = m.type == "Organization" and bool(m.key) and not dict(lex.entries[m.key].attrs).get("country")
        elif t.pred == "has-country":
            m = ms[0]
            ok = bool(_attr(m, "country_key")) or bool(m.key and dict(lex.entries[m.key].attrs).get("country"))
        elif t.pred == "posted":
            ok = ms[0].type == "Person" and bool(_attr(ms[0], "post_org"))
        elif t.pred == "same-state":
            a, o = (_state_of(m, lex) for m in ms)
            ok = not (a and o) or a == o
        elif t.pred == "has-parties":
            g = ms[0]
            ok = any(r.relation == "partyTo" and r.target is g for r in self.out)
        elif t.pred == "object":
            u = args[0]
            ok = isinstance(u, _Unit) and _object_of_event(u, units, self.text, lex.list_gaps)
        elif t.pred == "within-ok":
            a, o = ms
            within = lex.head_within.get(a.rule)
            place = _locality(_attr(o, "canonical") or o.text, lex) if within else ""
            ok = not place or any(place.startswith(w.casefold() + " ") for w in within)
        elif t.pred == "names-other":
            g, sides = ms[0], {mention_key(s) for s in self.sides}
            ok = any(m is not g and g.start <= m.start and m.end <= g.end and m.type in ("Country", "Organization", "Location")
                     and mention_key(m) not in sides for m in self.all)
        elif t.pred == "paired":
            ok = self._paired(args[0], b, units)
        elif t.pred == "qualifier":
            ok = bool(_attr(ms[0], "qualifier"))
        elif t.pred == "lower":
            ok = ms[0].text[:1].islower()
        elif t.pred == "between":
            x, y = args
            codes = {TYPE_CODES[ty] for part in t.args[2].split("|") for ty in SLOT_TYPES[part.strip()]}
            if isinstance(x, _Unit) and isinstance(y, _Unit):
                mine = {id(u) for a in t.args[:2] for u in b.get(a, ())}   # a list's own members do not count
                same = {mention_key(x.head), mention_key(y.head)}              # nor the same entity named again
                lo, hi = min(x.end, y.end), max(x.start, y.start)
                ok = any(u.code in codes and lo <= u.start and u.end <= hi and mention_key(u.head) not in same
                         for u in units if id(u) not in mine)
            else:
                ok = False
        else:                                  # the parser refuses unknown tests
            raise AssertionError(t.pred)
        return ok != t.negate


def _spells(m: Mention, entry) -> bool:
    """Does m's name open with the gazetteer entry's name or one of its aliases ("Bộ Công an Việt Nam")?"""
    if entry is None:
        return False
    name = (_attr(m, "canonical") or m.text).lower()
    return any(name == x.lower() or name.startswith(x.lower() + " ") for x in (entry.name, *entry.aliases))


def _state_of(m: Mention, lex: Lexicon) -> str:
    """The state a body belongs to, by its name or the gazetteer ("" for none: an international body)."""
    if m.type == "Country":
        return m.key
    return _attr(m, "country_key") or (dict(lex.entries[m.key].attrs).get("country", "") if m.key in lex.entries else "")


def _foreign_person(m: Mention) -> bool:
    """A person whose name has a syllable Vietnamese spelling does not allow ("Tomomi Inada")."""
    from .entities import _vietnamese
    return m.type == "Person" and any(w[:1].isupper() and not _vietnamese(w) for w in _WORD.findall(m.text))


def _home_body(m: Mention, lex: Lexicon) -> bool:
    """A gazetteer body of Việt Nam's named without any country: the reading only the Vietnamese context gives."""
    entry = lex.entries.get(m.key) if m.key else None
    return entry is not None and entry.type == "Organization" and dict(entry.attrs).get("country") == "viet-nam" \
        and not _attr(m, "country")


def _object_of_event(u: _Unit, units: list[_Unit], text: str, gaps: tuple[str, ...] = ()) -> bool:
    """Is `u` the object of an event told by a verb right before it ("thăm chính thức Nhật Bản"), or a
    party listed after such an object ("thăm Đức, Hà Lan": `gaps` are the list gaps, ", " and " và ")?"""
    prev = next((x for x in reversed(units) if x.end <= u.start), None)
    while prev is not None and prev.code in PARTY_CODES and text[prev.end:u.start] in gaps:
        u, prev = prev, next((x for x in reversed(units) if x.end <= prev.start), None)
    return prev is not None and prev.code == "E" and bool(_attr(prev.head, "frame")) \
        and len(_WORD.findall(text[prev.end:u.start])) <= 3 and not any(c in text[prev.end:u.start] for c in ",;:")


def main_event(mentions: list[Mention]) -> Mention | None:
    """The article's main event: the first event it names (not a reference back to another); `mentions` in
    text order, as find_relations has them."""
    return next((m for m in mentions if m.type == "Event" and not _attr(m, "ref")), None)


def _side(m: Mention, lex: Lexicon | None) -> bool:
    """A party that can be one side of a bilateral article: a country, or an international body
    of the gazetteer (ASEAN, the EU, IOM) — "quan hệ ASEAN-EU", "hai bên"."""
    if m.type == "Country":
        return True
    return lex is not None and m.type == "Organization" and bool(m.key) and not _attr(m, "nested") \
        and m.key in lex.entries and not dict(lex.entries[m.key].attrs).get("country") \
        and not dict(lex.entries[m.key].attrs).get("parent")


def article_sides(mentions: list[Mention], lex: Lexicon | None = None) -> list[Mention]:
    """The two sides of a bilateral article ("hai bên", "hai nước"): the two countries it names most
    often, each at least twice and more often than any third, and named together in one sentence at
    least once; none otherwise."""
    count: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if _side(m, lex):
            k = mention_key(m)
            count[k] = count.get(k, 0) + 1
            first.setdefault(k, m)
    # of two named as often, a country before a body; a body as often as the second country is no third side
    ranked = sorted(count, key=lambda k: (-count[k], first[k].type != "Country", first[k].start))
    if len(ranked) < 2 or count[ranked[1]] < 2 or (len(ranked) > 2 and count[ranked[2]] == count[ranked[1]]
                                                   and first[ranked[2]].type == first[ranked[1]].type):
        return []
    # and the article names them together somewhere ("Việt Nam và Malaysia", "Việt Nam – Malaysia")
    a, b = ranked[0], ranked[1]
    at = sorted((m.sentence, m.start, k) for m in mentions if _side(m, lex) and (k := mention_key(m)) in (a, b))
    # (two of them near each other in a sentence: then two neighbours in this order are, with different keys)
    if not any(s1 == s2 and k1 != k2 and p2 - p1 <= SIDES_NEAR for (s1, p1, k1), (s2, p2, k2) in zip(at, at[1:])):
        return []
    return [first[a], first[b]]


def _local_body(m: Mention, lex: Lexicon) -> tuple[str, str] | None:
    """("công an", "huyen-bat-xat") for "Công an huyện Bát Xát": a body's name that ends with a
    gazetteer locality, as the words before it and the locality's id; None otherwise."""
    name = m.text
    for start, end, (_, keys) in lex.gazetteer_matches(name):
        if end == len(name) and start > 0 and name[start - 1].isspace():
            key = keys[0][0]
            if lex.entries[key].type == "Location":
                return " ".join(name[:start].split()).casefold(), key
    return None


def local_parents(mentions: list[Mention], lex: Lexicon, text: str) -> list[RelationMention]:
    """A district's body is part of the same body of its province named right after it, after a comma
    ("Công an huyện Bát Xát, Công an tỉnh Lào Cai"; the gazetteer gives the district's province): the cue
    FORMAT.md asks for, which the apposition rules do not read between two bodies of one rank. Only bodies of
    a vertical system (cues.tsv partOf/vertical: police, procuracy, courts): a district's People's Committee
    answers to the province's but is no part of it. Two such bodies named apart are not linked: the map, not
    the text, would put one in the other."""
    vertical = lex.vertical_words
    # (the words before the locality are one of them: the name starts with one and a space)
    openers = tuple(v + " " for v in vertical)
    local = []
    for m in mentions:                        # (in text order, as find_relations has them)
        if m.type != "Organization" or _attr(m, "nested") or not " ".join(m.text.split()).casefold().startswith(openers):
            continue
        lb = _local_body(m, lex)
        if lb is not None and lb[0] in vertical:
            local.append((m, lb))
    out, seen = [], set()
    for m, (head, key) in local:
        parent = dict(lex.entries[key].attrs).get("parent", "")
        whole = next((w for w, lb2 in local if lb2 == (head, parent) and w.sentence == m.sentence
                      and w.start == m.end + 2 and text[m.end:w.start] == ", "), None) if parent else None
        if whole is not None and (mention_key(m), parent) not in seen:
            seen.add((mention_key(m), parent))
            out.append(RelationMention(m, "partOf", whole, "r.partOf.locality", m.sentence))
    return out


def owned_divisions(mentions: list[Mention]) -> list[RelationMention]:
    """A force's division named without its body, in an article about the one province body that owns such
    divisions ("Phòng Cảnh sát Giao thông" + "Công an tỉnh Lai Châu", entities.py): partOf that body."""
    if not any(m.type == "Organization" and _attr(m, "owner") for m in mentions):
        return []                             # (most articles name no such division)
    owners = {f"{m.start}:{m.end}": m for m in mentions if m.type == "Organization"}
    return [RelationMention(m, "partOf", owners[_attr(m, "owner")], "r.partOf.article-owner", m.sentence)
            for m in mentions if m.type == "Organization" and _attr(m, "owner") in owners]


def posts_read_with_names(holders: list[Mention], mentions: list[Mention],
                          found: list[RelationMention]) -> list[RelationMention]:
    """A person the entity reader named after a post whose last word opens the body's name ("Tổng Thanh tra
    Chính phủ Phan Văn Sáu": the inspector general of "Thanh tra Chính phủ") holds a post in that body: the
    patterns, reading the body as one unit, cannot see that post (r.holdsPosition.post-read)."""
    bodies = {m.start: m for m in mentions if m.type == "Organization"}
    held = {(mention_key(r.source), mention_key(r.target)) for r in found if r.relation == "holdsPosition"}
    out = []
    for p in holders:
        body = bodies.get(int(p.attr("post_org") or -1))
        if body is not None and (mention_key(p), mention_key(body)) not in held:
            out.append(RelationMention(p, "holdsPosition", body, "r.holdsPosition.post-read", p.sentence))
    return out


def talks_sides(main: Mention | None, mentions: list[Mention]) -> list[Mention]:
    """Where the article names no two countries as its sides, the two sides of the talks it is about
    ("Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Bộ An ninh Lào … Hai bên đã ký …"): one body or country
    each; none otherwise."""
    if main is None or _attr(main, "frame") != "talks":
        return []
    by_span = {f"{m.start}:{m.end}": m for m in mentions if m.type in ("Organization", "Country")}
    sides = []
    for key in ("side_a", "side_b"):
        spans = [x for x in _attr(main, key).split(";") if x]
        if len(spans) != 1 or spans[0] not in by_span:
            return []
        sides.append(by_span[spans[0]])
    return sides if mention_key(sides[0]) != mention_key(sides[1]) else []


def find_relations(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[RelationMention]:
    by_sentence: dict[int, list[Mention]] = {}
    # each sentence reads its names in text order, longer first where two start together: the order
    # find_mentions gives them in (a caller's own list is sorted here, once, not again for every sentence)
    starts = [m.start for m in mentions]
    if any(map(gt, starts, starts[1:])):
        mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    holders = [m for m in mentions if m.rule == POST_INSIDE_BODY]
    main = main_event(mentions)
    sides = article_sides(mentions, lex) or talks_sides(main, mentions)
    out: list[RelationMention] = []
    # a sentence that names nobody may still speak of the two sides ("Hai bên nhất trí hợp tác …")
    for si in range(len(doc.sentences)) if sides else sorted(by_sentence):
        out += _Sentence(doc, si, by_sentence.get(si, []), lex, main, sides).run(lex.relation_rules)
    out += local_parents(mentions, lex, doc.text)
    out += owned_divisions(mentions)
    if holders:
        out += posts_read_with_names(holders, mentions, out)
    out = _without_cooperation_inside_a_body(out, lex)
    out = _no_body_at_its_own_meeting(out, main, lex)
    out += stated_countries(mentions, out)
    out += place_countries(mentions, out, lex)
    return out + parent_countries(out, lex)


def _lower_class(lex: Lexicon, name: str) -> tuple[tuple[str, ...], int]:
    """A word class's phrases in lower case and the longest one's length, made once per lexicon."""
    hit = lex.lower_classes.get(name)
    if hit is None:
        phrases = tuple(w.lower() for w in lex.word_classes.get(name, ()))
        hit = lex.lower_classes[name] = (phrases, max(map(len, phrases), default=0))
    return hit


def _ends_with_word(text: str, phrases) -> str | None:
    """The first of `phrases` (lower case) that `text` (lower case) ends with as whole words, or None."""
    return _ends_with_lower(text, [w.lower() for w in phrases])


def _ends_with_lower(text: str, phrases) -> str | None:
    """_ends_with_word for phrases already in lower case."""
    return next((w for w in phrases if text.endswith(w) and (len(text) == len(w) or not text[-len(w) - 1].isalnum())),
                None)


def parent_countries(found: list[RelationMention], lex: Lexicon) -> list[RelationMention]:
    """"Cục Cảnh sát điều tra, Bộ An ninh Lào", "Phòng Quản lý xuất nhập cảnh, Công an tỉnh Vân Nam": a unit named
    with a foreign body it is part of is that body's state's (r.country.parent): FORMAT.md links a body to the
    country named in or right after its name, and the unit's full name ends with its parent's. A unit of a body
    of the press's own country gets none from it (a Vietnamese body named without a country gets none)."""
    parents = [r for r in found if r.relation == "partOf"]
    if not parents:
        return []
    country: dict[str, Mention] = {}
    for r in found:
        if r.relation == "country":
            country.setdefault(mention_key(r.source), r.target)
    out: list[RelationMention] = []
    grew = True
    while grew:                               # (up a chain: "Phòng X, Cục Y, Bộ An ninh Lào")
        grew = False
        for r in parents:
            unit, c = mention_key(r.source), country.get(mention_key(r.target))
            if c is None or unit in country or mention_key(c) == lex.home_country:
                continue
            country[unit] = c
            out.append(RelationMention(r.source, "country", c, "r.country.parent", r.sentence))
            grew = True
    return out


def place_countries(mentions: list[Mention], found: list[RelationMention], lex: Lexicon) -> list[RelationMention]:
    """"Công an tỉnh Vân Nam", "Công an Hà Khẩu", "Chính quyền nhân dân tỉnh Vân Nam": a state organ (a body of
    a vertical system, cues.tsv partOf/vertical, or a place's government, country/organ) named with a foreign place (a
    locations.tsv row with a country) is that country's, when nothing else in the article gives it a country
    (r.country.place); any other body named with a place ("Hội phê bình Điện ảnh Thượng Hải", "Văn phòng Nhà
    Trắng") gets no country from it, as FORMAT.md links a body to the country the text names with it. A
    mission named with the foreign city it sits in ("Đại sứ quán Việt Nam tại Bắc Kinh") is based in that
    city's country (r.basedIn.place)."""
    places = [m for m in mentions if m.type == "Location" and m.key
              and dict(lex.entries[m.key].attrs).get("country")] if mentions else []
    if not places:
        return []
    has = {(mention_key(r.source), r.relation) for r in found if r.relation in ("country", "basedIn")}
    missions, organs = lex.mission_prefixes, lex.organ_prefixes     # (made once per rule set)
    out, done = [], set()
    for m in mentions:
        if m.type != "Organization" or _attr(m, "nested"):
            continue
        k = mention_key(m)
        mission = m.text.lower().startswith(missions) if missions else False
        if not mission and not " ".join(m.text.split()).casefold().startswith(organs):
            continue
        rel = "basedIn" if mission else "country"
        if (k, rel) in has or (k, rel) in done or (not mission and (_attr(m, "country_key") or (
                m.key and dict(lex.entries[m.key].attrs).get("country")))):
            continue
        place = next((p for p in places if p.sentence == m.sentence and m.start < p.start and p.end <= m.end), None)
        if place is None or any(p.type == "Location" and p.key and p.sentence == m.sentence and m.start < p.start
                                and p.end <= m.end and not dict(lex.entries[p.key].attrs).get("country") for p in mentions):
            continue                          # (a name with a home place too: "Trường THPT Chuyên Hà Nội-Amsterdam")
        c = dict(lex.entries[place.key].attrs)["country"]
        country = Mention(m.doc, m.sentence, place.start, place.end, lex.entries[c].name, "Country",
                          "gazetteer/locations.tsv:country", c, (("nested", "Location"),))
        done.add((k, rel))
        out.append(RelationMention(m, rel, country, f"r.{rel}.place", m.sentence))
    return out


_DASHES = ("-", "–", "—")


def _no_body_at_its_own_meeting(found: list[RelationMention], main: Mention | None,
                                lex: Lexicon) -> list[RelationMention]:
    """A body does not take part in its own meeting (FORMAT.md): "Hội nghị quan chức cao cấp Tiến trình COMMIT lần
    thứ 14", "Hội nghị Bộ trưởng ASEAN …" are the body's; its members and guests take part. A body named in the
    event's name as a party (after a word of cues.tsv participatedIn/party or a dash, or before list/and or a dash:
    "… giữa Bộ Công an và IOM", "… do X trao trả", "Việt Nam - Lào") still does. A bare head ("Tham dự Hội nghị
    có …") is the article's main event."""
    party_words, and_words = lex.event_party_words, lex.and_words
    def own(body: Mention, event: Mention) -> bool:
        if main is not None and (_attr(event, "bare") or _attr(event, "anaphor")):
            event = main
        name = _attr(event, "canonical") or event.text
        for form in {body.text, _attr(body, "canonical") or body.text}:
            at = name.find(form)
            while at > 0:
                end = at + len(form)
                before = name[:at].split()
                if (end == len(name) or not name[end].isalnum()) and name[at - 1] == " " and before \
                        and before[-1].lower() not in party_words and before[-1] not in _DASHES \
                        and not name[end:].lstrip().startswith(_DASHES) \
                        and not any(name[end:].split(" ", 2)[1:2] == [w] for w in and_words):
                    return True
                at = name.find(form, at + 1)
        return False
    return [r for r in found if not (r.relation == "participatedIn" and r.source.type == "Organization"
                                     and r.target.type == "Event" and own(r.source, r.target))]


def _without_cooperation_inside_a_body(found: list[RelationMention], lex: Lexicon) -> list[RelationMention]:
    """A body does not cooperate with its own unit: "Cục Cảnh sát hình sự (C45, Bộ Công an) đang phối hợp
    điều tra" is the department at work, not a partnership of the ministry and the department. Units are
    known by the partOf links of the article and by the gazetteer's parents, at any depth."""
    coop = [r for r in found if r.relation == "cooperatesWith"]
    if not coop:
        return found
    parents: dict[str, set[str]] = {}
    for r in found:
        if r.relation == "partOf":
            parents.setdefault(mention_key(r.source), set()).add(mention_key(r.target))

    def above(k: str) -> set[str]:
        seen, todo = set(), [k]
        while todo:
            x = todo.pop()
            ups = set(parents.get(x, ()))
            entry = lex.entries.get(x)
            if entry is not None and (p := dict(entry.attrs).get("parent")):
                ups.add(p)
            todo += [u for u in ups if u not in seen]
            seen |= ups
        return seen

    inside = {id(r) for r in coop
              if (a := mention_key(r.source)) and (b := mention_key(r.target)) and (b in above(a) or a in above(b))}
    return [r for r in found if id(r) not in inside] if inside else found


def stated_countries(mentions: list[Mention], found: list[RelationMention]) -> list[RelationMention]:
    """A body the entity reader gave the country a post chain names ("Bí thư thường trực Bộ Ngoại giao,
    Trưởng SOM ASEAN của Thái Lan, bà X": attribute country_at) is that country's (r.country.post-of), as
    is a body of a list under a country's heading that the pattern rule did not reach (r.country.heading)."""
    stated = [(m, at) for m in mentions if m.type == "Organization" and (at := _attr(m, "country_at"))]
    if not stated:
        return []
    has = {id(r.source) for r in found if r.relation == "country"}
    countries = {m.start: m for m in mentions if m.type in ("Country", "Organization") and not _attr(m, "nested")}
    out = []
    for m, at in stated:
        if id(m) not in has and int(at) in countries:
            out.append(RelationMention(m, "country", countries[int(at)], _attr(m, "country_rule") or "r.country.post-of",
                                       m.sentence))
    return out
