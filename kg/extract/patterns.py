"""The relation pattern language of rules/relations.tsv: parse a rule's pattern, `where` tests and
yields, and compile the pattern once into a regex over a sentence's *skeleton* (its text with every
entity replaced by a typed placeholder). rules/README.md documents the language for researchers;
relations.py runs the compiled rules.

A skeleton replaces each entity (or unit: an entity with its appositions) by
    OPEN + type code + index + CLOSE        e.g. "\\ue000O3\\ue001" for the fourth unit, an Organization
so a pattern is an ordinary regex: cue words are literal alternatives, a slot is a placeholder of
the allowed types, a list is placeholders joined by list separators. Parsing never needs the
lexicon (rules.py validates every line on load with it); compiling fills in the word classes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import RuleError
from ..model import RELATIONS

OPEN, CLOSE = "\ue000", "\ue001"
TYPE_CODES = {"Organization": "O", "Country": "C", "Agreement": "A", "Event": "E", "Person": "P", "Location": "L"}
# slot type names a rule may use -> entity types
SLOT_TYPES = {
    "Org": ("Organization",), "Country": ("Country",), "Agreement": ("Agreement",), "Event": ("Event",),
    "Person": ("Person",), "Place": ("Location",),
    "Party": ("Organization", "Country"), "Actor": ("Organization", "Country", "Person"),
}
SPECIAL_SLOTS = ("Subject",)            # a slot bound by the engine, not by text
FRAME_NAMES = ("EVENT", "MAIN", "NAME", "SIDES")   # reserved slot names (see README: article frame)
SCOPES = ("name", "apposition", "clause", "sentence")
ABSORB = "+"                            # yield "A + B": no link, B is read as part of A's unit
ACTS_FOR = "for"                        # yield "P for C": P acts for C (a head of state or government):
                                        # C takes part wherever P does
BODY_OF = ".body"                       # yield "A.body relation B": the body A's post is held in (A a person)
WORD_CHARS = r"\w[\w/.&'’-]*+"    # possessive: a gap's words are whole words, never split (no backtracking)
DASH = "-–—"

# where-tests: name -> number of slot arguments (rank is the only one that gives a number)
PREDICATES = {"head": 2, "after": 2, "acronym": 1, "same": 2, "same-place": 2, "parent-ok": 2, "known-parent": 2, "peer-follows": 1, "after-intro": 1,
              "international": 1, "has-country": 1, "qualifier": 1, "between": 3, "object": 1, "has-parties": 1,
              "paired": 1, "names-other": 1, "within-ok": 2, "unreal": 1, "after-colon": 1, "same-state": 2, "posted": 1, "seat": 1, "lower": 1}
COMPARISONS = ("<=", ">=", "==", "!=", "<", ">")

_TOKEN = re.compile(r"""
    \{[^{}]*\}            # slot
  | <[^<>]+>              # word class or literal alternatives
  | !\[ | &\[ | \[ | \]    # groups
  | ~\d+                  # gap of up to N words
  | …|\.\.\.              # any stretch
  | \|                    # alternatives inside a group
  | [\^$]                 # scope start / end
  | [,;:()"“”]            # punctuation
  | [-–—]                 # dash
  | [^\s{}<>\[\]|,;:()"“”]+   # a word
""", re.VERBOSE)


# --- syntax tree ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    name: str                 # "" for an anonymous slot ("{Event}")
    types: tuple[str, ...]    # entity types; () for a special slot
    many: bool = False        # "{A:Party+}": a coordinated list
    special: str = ""         # "Subject"


@dataclass(frozen=True)
class Words:
    """One of several phrases (a word class or literal alternatives), whole words, any case."""
    phrases: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()   # "cooperatesWith/verb", "post", "head:Location": their phrases too


@dataclass(frozen=True)
class Punct:
    char: str


@dataclass(frozen=True)
class Gap:
    words: int                # -1: any stretch ("…")


@dataclass(frozen=True)
class Anchor:
    end: bool


@dataclass(frozen=True)
class Group:
    alternatives: tuple[tuple, ...]
    negative: bool = False    # "![ … ]": must not follow here
    ahead: bool = False       # "&[ … ]": must follow here, read but not taken (an apposition ends before it)

    @property
    def zero_width(self) -> bool:
        return self.negative or self.ahead


@dataclass(frozen=True)
class Test:
    """One where-test: `[not] pred(args)` or `rank(X) OP rank(Y)|N`, or several joined by `or`."""
    negate: bool
    pred: str                 # predicate name, or "rank" / "count" (compared)
    args: tuple[str, ...]
    op: str = ""
    rhs: tuple[str, ...] | int | None = None   # ("rank", "B") or a number


@dataclass(frozen=True)
class Yield:
    source: str
    relation: str             # a RELATIONS name, or ABSORB
    target: str


@dataclass(frozen=True)
class RelationRule:
    id: str
    where_: str               # "rules/relations.tsv:12"
    scope: str
    name_types: tuple[str, ...]   # scope "name": the entity types whose names are read
    elements: tuple
    tests: tuple[tuple[Test, ...], ...]    # AND of ORs
    yields: tuple[Yield, ...]
    example: str = ""
    expect: tuple[tuple[bool, str, str, str], ...] = ()   # (present?, source label, relation, target label)

    @property
    def classes(self) -> set[str]:
        """The word classes the pattern and its where-tests read."""
        return set(_classes(self.elements)) | {t.args[1][1:-1] for ors in self.tests for t in ors
                                               if t.pred in ("head", "after")}


# --- parsing ----------------------------------------------------------------------------------

def _err(where: str, msg: str) -> RuleError:
    return RuleError(f"{where}: {msg}")


def parse_pattern(text: str, where: str, classes: set[str] | None = None) -> tuple:
    """The elements of a pattern; `classes`, when given, are the known word-class names."""
    pos, tokens = 0, []
    text = text.strip()
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _TOKEN.match(text, pos)
        if not m:
            raise _err(where, f"pattern: cannot read {text[pos:pos + 12]!r}")
        tokens.append(m.group())
        pos = m.end()
    elements, i = _parse_seq(tokens, 0, where, classes, top=True)
    if not elements:
        raise _err(where, "empty pattern")
    names = [s.name for s in _slots(elements) if s.name]
    dup = next((n for n in names if names.count(n) > 1), None)
    if dup:
        raise _err(where, f"pattern: slot {dup!r} is named twice")
    return elements


def _parse_seq(tokens, i, where, classes, top=False):
    """Elements up to the closing ']' (or the end); returns (alternatives or elements, next index)."""
    seq: list = []
    alts: list[tuple] = []
    while i < len(tokens):
        t = tokens[i]
        if t == "]":
            if top:
                raise _err(where, "pattern: ']' without '['")
            alts.append(tuple(_join_words(seq)))
            return tuple(alts), i + 1
        if t == "|":
            if top:
                raise _err(where, "pattern: '|' outside [ ] (use <a|b> for alternative words)")
            alts.append(tuple(_join_words(seq)))
            seq = []
            i += 1
            continue
        if t in ("[", "![", "&["):
            inner, i = _parse_seq(tokens, i + 1, where, classes)
            if any(not a for a in inner):
                raise _err(where, "pattern: empty alternative in [ ]")
            seq.append(Group(inner, negative=(t == "!["), ahead=(t == "&[")))
            continue
        seq.append(_parse_token(t, where, classes))
        i += 1
    if not top:
        raise _err(where, "pattern: '[' without ']'")
    return tuple(_join_words(seq)), i


def _join_words(seq):
    """Adjacent plain words ("phối", "hợp", "với") are one phrase."""
    out: list = []
    for e in seq:
        if isinstance(e, _Plain) and out and isinstance(out[-1], _Plain):
            out[-1] = _Plain(out[-1].word + " " + e.word)
        else:
            out.append(e)
    return [Words((e.word,)) if isinstance(e, _Plain) else e for e in out]


@dataclass(frozen=True)
class _Plain:
    word: str


def _parse_token(t: str, where: str, classes):
    if t.startswith("{"):
        body = t[1:-1].strip()
        name, _, typ = body.rpartition(":")
        many = typ.endswith("+")
        typ = typ.rstrip("+")
        if name and not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
            raise _err(where, f"pattern: slot name {name!r} must be a capitalised word (A, B, Funder)")
        if typ in SPECIAL_SLOTS:
            if many or not name:
                raise _err(where, f"pattern: {{{body}}}: a {typ} slot is written {{S:{typ}}}")
            return Slot(name, (), False, typ)
        types: list[str] = []
        for part in typ.split("|"):
            if part not in SLOT_TYPES:
                raise _err(where, f"pattern: unknown slot type {part!r} (one of {', '.join(SLOT_TYPES)}, Subject)")
            types += [x for x in SLOT_TYPES[part] if x not in types]
        if name in ("MAIN", "NAME", "SIDES"):
            raise _err(where, f"pattern: {name} is bound by the engine, not by the text")
        return Slot(name, tuple(types), many)
    if t.startswith("<"):
        # <a|b|c>: each alternative is a word class (cues.tsv relation/role, persons.tsv kind, head:TYPE)
        # or literal words
        phrases, names = [], []
        for part in (" ".join(p.split()) for p in t[1:-1].split("|")):
            if not part:
                raise _err(where, f"pattern: empty alternative in {t}")
            is_class = " " not in part and ("/" in part or part.startswith("head:")
                                            or (classes is not None and part in classes))
            if is_class:
                if classes is not None and part not in classes:
                    raise _err(where, f"pattern: unknown word class <{part}> (cues.tsv relation/role, post, "
                                      f"deputy, title, head:TYPE)")
                names.append(part)
            else:
                phrases.append(part)
        return Words(tuple(phrases), tuple(names))
    if t.startswith("~"):
        return Gap(int(t[1:]))
    if t in ("…", "..."):
        return Gap(-1)
    if t in ("^", "$"):
        return Anchor(t == "$")
    if len(t) == 1 and (t in ',;:()"“”' or t in DASH):
        return Punct("-" if t in DASH else t)
    if not any(c.isalnum() for c in t):
        raise _err(where, f"pattern: cannot read {t!r}")
    return _Plain(t)


def _slots(elements):
    for e in elements:
        if isinstance(e, Slot):
            yield e
        elif isinstance(e, Group):
            for alt in e.alternatives:
                yield from _slots(alt)


def _classes(elements):
    for e in elements:
        if isinstance(e, Words):
            yield from e.classes
        elif isinstance(e, Group):
            for alt in e.alternatives:
                yield from _classes(alt)


def required_slots(elements) -> list[Slot]:
    """Slots the text must contain for the pattern to match (not in optional or negative groups)."""
    return [e for e in elements if isinstance(e, Slot)] + [
        s for e in elements if isinstance(e, Group) and e.ahead and len(e.alternatives) == 1
        for s in required_slots(e.alternatives[0])]


def parse_tests(text: str, where: str, slots: set[str]) -> tuple[tuple[Test, ...], ...]:
    out = []
    for clause in filter(None, (c.strip() for c in _split_top(text, ","))):
        ors = []
        for part in re.split(r"\s+or\s+", clause):
            ors.append(_parse_test(part.strip(), where, slots))
        out.append(tuple(ors))
    return tuple(out)


def _split_top(text: str, sep: str) -> list[str]:
    """Split at `sep` outside parentheses."""
    parts, depth, cur = [], 0, ""
    for c in text:
        depth += (c == "(") - (c == ")")
        if c == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    return parts + [cur]


_CALL = re.compile(r"(not\s+)?([a-z][a-z-]*)\(([^()]*)\)\s*(?:(<=|>=|==|!=|<|>)\s*(.+))?$")


def _parse_test(text: str, where: str, slots: set[str]) -> Test:
    m = _CALL.match(text)
    if not m:
        raise _err(where, f"where: cannot read {text!r} (e.g. rank(A) >= 3, not same-place(A, B))")
    negate, pred, args, op, rhs = bool(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)
    args = tuple(a.strip() for a in args.split(",") if a.strip())
    known = slots | set(FRAME_NAMES)
    if pred == "rank":
        if len(args) != 1 or not op:
            raise _err(where, f"where: {text!r}: rank takes one slot and a comparison (rank(A) >= 3)")
        rm = re.fullmatch(r"rank\(\s*([A-Za-z0-9]+)\s*\)|(\d+)", rhs.strip())
        if not rm:
            raise _err(where, f"where: {text!r}: compare rank with a number or rank(B)")
        value = ("rank", rm.group(1)) if rm.group(1) else int(rm.group(2))
        for a in args + ((rm.group(1),) if rm.group(1) else ()):
            if a not in known:
                raise _err(where, f"where: {text!r}: slot {a!r} is not in the pattern")
        return Test(negate, "rank", args, op, value)
    if pred == "count":
        if len(args) != 1 or not op or not rhs.strip().isdigit():
            raise _err(where, f"where: {text!r}: count takes one slot and a comparison with a number (count(S) <= 3)")
        if args[0] not in known:
            raise _err(where, f"where: {text!r}: slot {args[0]!r} is not in the pattern")
        return Test(negate, "count", args, op, int(rhs.strip()))
    if pred not in PREDICATES:
        raise _err(where, f"where: unknown test {pred!r} (one of rank, count, {', '.join(sorted(PREDICATES))})")
    if op:
        raise _err(where, f"where: {text!r}: only rank() and count() are compared")
    n = PREDICATES[pred]
    if len(args) != n:
        raise _err(where, f"where: {pred} takes {n} argument{'s' if n > 1 else ''}")
    slot_args = args[:2] if pred == "between" else args[:1] if pred in ("head", "after") else args
    for a in slot_args:
        if a not in known:
            raise _err(where, f"where: {text!r}: slot {a!r} is not in the pattern")
    if pred in ("head", "after") and not re.fullmatch(r"<[^<>|\s]+>", args[1]):
        raise _err(where, f"where: {text!r}: {pred}(A, <class>) names a word class")
    if pred == "between":
        for t in args[2].split("|"):
            if t.strip() not in SLOT_TYPES:
                raise _err(where, f"where: {text!r}: unknown type {t.strip()!r}")
    return Test(negate, pred, args)


def parse_yields(text: str, where: str, slots: set[str], scope: str) -> tuple[Yield, ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        words = part.split()
        if len(words) != 3:
            raise _err(where, f"yield: {part!r} is not 'A relation B'")
        s, rel, t = words
        if rel in (ABSORB, ACTS_FOR):
            if scope != "apposition":
                raise _err(where, f"yield: {part!r}: 'A {rel} B' is for scope apposition")
        elif rel not in RELATIONS:
            raise _err(where, f"yield: unknown relation {rel!r} (one of {', '.join(RELATIONS)})")
        if s.endswith(BODY_OF) and s[:-len(BODY_OF)] in slots:
            s = s[:-len(BODY_OF)]            # (checked as its slot; the yield keeps the suffix)
            body = True
        else:
            body = False
        for x in (s, t):
            if x not in slots and x not in ("EVENT", "MAIN", "SIDES") and not (x == "NAME" and scope == "name"):
                raise _err(where, f"yield: {x!r} is not a slot of the pattern"
                                  + (" (NAME is for scope name)" if x == "NAME" else ""))
        out.append(Yield(s + BODY_OF if body else s, rel, t))
    if not out:
        raise _err(where, "empty yield")
    if scope == "apposition" and out[0].source not in slots:
        raise _err(where, "yield: in scope apposition the first yield's source is a slot of the pattern")
    return tuple(out)


def parse_expect(text: str, where: str) -> tuple[tuple[bool, str, str, str], ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        present = True
        if part.startswith("not "):
            present, part = False, part[4:].strip()
        m = re.match(r"(.+?)\s+(" + "|".join(RELATIONS) + r")\s+(.+)$", part)
        if not m:
            raise _err(where, f"expect: {part!r} is not 'Source label relation Target label'")
        out.append((present, m.group(1).strip(), m.group(2), m.group(3).strip()))
    return tuple(out)


def parse_rule(row, classes: set[str] | None = None) -> RelationRule:
    """One line of relations.tsv (a kg.rules.Rule) as a RelationRule; RuleError names file:line."""
    where = f"{row.file}:{row.line}"
    scope, _, types = row["scope"].partition(":")
    scope = scope.strip()
    if scope not in SCOPES:
        raise _err(where, f"unknown scope {row['scope']!r} (one of {', '.join(SCOPES)}; name:TYPE)")
    name_types: tuple[str, ...] = ()
    if scope == "name":
        for t in filter(None, (x.strip() for x in types.split("|"))):
            if t not in SLOT_TYPES:
                raise _err(where, f"scope: unknown type {t!r}")
            name_types += SLOT_TYPES[t]
        if not name_types:
            raise _err(where, "scope name needs the types whose names are read (name:Agreement)")
    elif types:
        raise _err(where, f"scope {scope} takes no type")
    elements = parse_pattern(row["pattern"], where, classes)
    slots = {s.name for s in _slots(elements) if s.name}
    if any(s.special for s in _slots(elements)) and scope != "clause":
        raise _err(where, "a Subject slot is for scope clause")
    if scope == "apposition" and not any(isinstance(e, Slot) and e.name for e in elements):
        raise _err(where, "scope apposition needs a named slot")
    tests = parse_tests(row["where"], where, slots)
    for t in (t for ors in tests for t in ors if t.pred in ("head", "after")):
        if classes is not None and t.args[1][1:-1] not in classes:
            raise _err(where, f"where: unknown word class {t.args[1]}")
    yields = parse_yields(row["yield"], where, slots, scope)
    expect = parse_expect(row["expect"], where)
    if not row["example"] or not expect:
        raise _err(where, "every relation rule needs an example and what it gives (expect)")
    return RelationRule(row.id, where, scope, name_types, elements, tests, yields, row["example"], expect)


# --- compiling --------------------------------------------------------------------------------

@dataclass
class Compiled:
    """A rule ready to run: its regex, where candidate matches start, and what a sentence must have."""
    rule: RelationRule
    rx: re.Pattern
    first: re.Pattern | None       # the first required element: candidate start positions (else `ahead`)
    anchored: bool                 # starts with "^": one try, at the scope start
    needs_words: tuple[frozenset[str], ...]   # lower-case phrases: one of each must occur in the text
    needs_types: tuple[frozenset[str], ...]   # per required slot: the type codes it takes
    slots: dict[str, Slot] = field(default_factory=dict)
    needs_count: int = 0           # required slots: the text names at least this many entities
    ahead: re.Pattern | None = None   # the whole pattern as a look-ahead: every place it matches at
    n: int = -1                    # its place in the rule file (see Lexicon.relation_candidates)
    tail: tuple[str, ...] = ()     # how a placeholder of its last required slot opens (see tail_marks)
    # needs_words but the set the rule is indexed by (Lexicon.relation_by_phrase), which a sentence it is a
    # candidate for has already: what a screen of candidates asks (the lexicon sets it)
    screen_words: tuple[frozenset[str], ...] | None = None

    def __post_init__(self):
        if self.screen_words is None:
            self.screen_words = self.needs_words


def _phrase_rx(p: str) -> str:
    if p == "-":
        return "[" + DASH + "]"   # "<,|->": any dash, as the bare "-" element ("Astrid Bant – Trưởng đại diện …")
    body = r"\s+".join(re.escape(w) for w in p.split())
    left = r"(?<!\w)" if p[:1].isalnum() or p[:1] == "_" else ""
    right = r"(?!\w)" if p[-1:].isalnum() or p[-1:] == "_" else ""
    return left + body + right


# letters whose case-insensitive match holds a letter of another lower case ("ſ" matches "s", though
# "ſ".lower() is itself): in a trie of lower-case letters they would be two branches that match alike.
# ("K" and "Å" also match the Kelvin and Ångström signs, but those lower to "k" and "å": not odd)
CASE_ODD = frozenset("ſıİẞßµς")


def letter_trie(phrases) -> str | None:
    """The alternatives of `phrases` under IGNORECASE (any of them, longest first; the words of a
    phrase separated by any run of white space), written as a trie of lower-case letters
    ("phó\\s+(?:chủ\\s+tịch|giám\\s+đốc)"): the same strings match at a place, and a longer one is
    tried before a shorter one (so backtracking meets them in the same order). The regex engine tries
    a flat alternation's phrases one by one at every place (under IGNORECASE not even their first
    letters are screened), a trie's first letters only; and the relation rules repeat the list glue of
    every post and title in each list slot. None for letters whose case folding is not one lower-case
    letter (CASE_ODD), or no phrase."""
    seqs = {tuple(p.split()) for p in phrases}
    seqs.discard(())
    if not seqs or any(c in CASE_ODD or len(c.lower()) != 1 or len(c.upper()) != 1
                       or c.upper().lower() != c.lower() for p in seqs for w in p for c in w):
        return None
    trie: dict = {}
    end = ""                            # key of a phrase's end (no letter is "")
    for words in seqs:
        node = trie
        for k, w in enumerate(words):
            for c in (" " if k else "") + w.lower():
                node = node.setdefault(c, {})
        node[end] = {}

    def render(node: dict) -> str:
        alts = ["\\s+" + render(node[c]) if c == " " else re.escape(c) + render(node[c])
                for c in sorted(node) if c != end]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end in node:                 # a phrase ends here: the longer ones first, then this one
            return "(?:" + body + ")?"
        return body

    return "(?:" + render(trie) + ")"


def words_rx(phrases, ignorecase: bool = False) -> str:
    """Any of `phrases`, longest first, as whole words. The word-boundary checks stand outside the
    alternation when every phrase starts and ends with a letter or digit (the usual case): the regex
    engine then scans for the alternatives' first letters instead of trying each one everywhere.
    `ignorecase`: the regex is compiled with IGNORECASE (then the phrases may be written as a trie)."""
    phrases = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not phrases:
        return "(?!)"
    # atomic: the longest phrase that matches at a place is the cue there; a shorter one ("ký" in
    # "ký kết") is never tried instead when the rest of the pattern fails after the longer one
    if all(_wordy(p[0]) and _wordy(p[-1]) for p in phrases):
        body = (letter_trie(phrases) if ignorecase else None) \
            or "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
        # the look-ahead for the phrases' first letters rules most places out in one step (the
        # regex engine would otherwise enter every alternative at every word it meets)
        firsts = "".join(re.escape(c) for c in sorted({p[0] for p in phrases}))
        return r"(?=[" + firsts + r"])(?<!\w)(?>(?:" + body + r")(?!\w))"
    return "(?>" + "|".join(_phrase_rx(p) for p in phrases) + ")"


# letters whose case-insensitive match is exactly their two cases (checked against every code point:
# not "i", "k", "s", which also match "ı" / "İ", the Kelvin sign, "ſ")
TWO_CASES = frozenset("abcdefghjlmnopqrtuvwxyzđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def search_words(phrases) -> re.Pattern:
    """`words_rx(phrases)` compiled with IGNORECASE, or a regex with the same matches that is faster to
    search: it opens with the class of the phrases' first letters in both cases (the engine looks for
    them instead of entering the pattern at every position), then the word-start test, then the
    phrases of each first letter, in the same order, behind a test of that letter (the rest of each
    under (?i:…), as a trie of letters where it can be): at a place, only the phrases of its letter are
    tried. The second needs every phrase to open with a letter of TWO_CASES."""
    phrases = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not phrases or not all(_wordy(p[0]) and _wordy(p[-1]) and p[0].lower() in TWO_CASES for p in phrases):
        return re.compile(words_rx(phrases, ignorecase=True), re.IGNORECASE)
    by_letter: dict[str, list[str]] = {}     # first letter -> its phrases, longest first
    for p in phrases:
        by_letter.setdefault(p[0].lower(), []).append(p)
    alts = "|".join(rf"(?<=[{c}{c.upper()}])(?i:{_rests_rx(ps)})" for c, ps in sorted(by_letter.items()))
    return re.compile("[" + "".join(c + c.upper() for c in sorted(by_letter)) + r"](?<!\w[\s\S])(?>(?:" + alts + r")(?!\w))")


def _rests_rx(phrases: list[str]) -> str:
    """What follows the first letter of `phrases` (one letter's, longest first), as alternatives: a trie
    when each goes on with a letter of its first word, else one by one in their order."""
    if all(p[1:2].isalnum() for p in phrases) and (trie := letter_trie([p[1:] for p in phrases])):
        return trie
    return "|".join(r"\s+".join(re.escape(w) for w in p.split())[1:] for p in phrases)


def _wordy(c: str) -> bool:
    return c.isalnum() or c == "_"


def placeholder_rx(types) -> str:
    codes = "".join(sorted(TYPE_CODES[t] for t in types))
    return f"{OPEN}[{codes}]\\d+{CLOSE}"


class Compiler:
    """Turns parsed rules into regexes, with the word classes and list glue of one lexicon."""

    def __init__(self, classes: dict[str, tuple[str, ...]], list_sep: str, list_join: str, place_sep: str = ""):
        self.classes = classes
        self.list_sep = list_sep      # regex: the gap between two members of a list
        self.list_join = list_join    # regex: joiner words that may open a list ("đại diện các")
        self.place_sep = place_sep or list_sep   # between two places: punctuation and "và" only

    def phrases(self, w: Words) -> tuple[str, ...]:
        return tuple(w.phrases) + tuple(p for c in w.classes for p in self.classes.get(c, ()))

    def element(self, e) -> str:
        if isinstance(e, Slot):
            if e.special:
                return ""
            ph = placeholder_rx(e.types)
            if "Location" in e.types and set(e.types) <= {"Location", "Country"}:
                # "tại Bangkok (Thái Lan), Đoàn đại biểu Việt Nam …": a delegation's country is no place
                body = f"{ph}(?:(?:{self.place_sep}){ph})*" if e.many else ph
            else:
                body = f"(?:{self.list_join})?{ph}(?:(?:{self.list_sep}){ph})*" if e.many else ph
            return f"(?P<{e.name}>{body})" if e.name else f"(?:{body})"
        if isinstance(e, Words):
            return words_rx(self.phrases(e), ignorecase=True)     # (the rules are compiled with IGNORECASE)
        if isinstance(e, Punct):
            return "[-–—]" if e.char == "-" else re.escape(e.char)
        if isinstance(e, Gap):
            return ".*?" if e.words < 0 else f"(?:\\s*{WORD_CHARS}){{0,{e.words}}}"
        if isinstance(e, Anchor):
            return r"\s*$" if e.end else r"^\s*"
        if isinstance(e, Group):
            alts = "|".join(self.seq(a) for a in e.alternatives)
            if e.negative:
                return f"(?!\\s*(?:{alts}))"
            return f"(?=\\s*(?:{alts}))" if e.ahead else f"(?:{alts})?"
        raise TypeError(e)

    def seq(self, elements) -> str:
        parts = [self.element(e) for e in elements]
        return r"\s*".join(p for p in parts if p)

    def compile(self, rule: RelationRule) -> Compiled:
        try:
            rx = re.compile(self.seq(rule.elements), re.IGNORECASE | re.DOTALL)
        except re.error as exc:             # a bug, not bad input: the parser only lets valid pieces through
            raise _err(rule.where_, f"pattern does not compile ({exc})") from exc
        # zero-width elements (a Subject, a negative group) stand where the next element starts
        concrete = [e for e in rule.elements if not (isinstance(e, Slot) and e.special)
                    and not (isinstance(e, Group) and e.zero_width)]
        head = concrete[0] if concrete else None
        anchored = isinstance(head, Anchor) and not head.end
        first = None
        if isinstance(head, Words):
            first = search_words(self.phrases(head))
        elif isinstance(head, (Slot, Punct)):
            first = re.compile(self.element(head) if not isinstance(head, Slot) else placeholder_rx(head.types)
                               if not head.many else f"(?:{self.list_join})?{placeholder_rx(head.types)}",
                               re.IGNORECASE)
        needs_words = tuple(frozenset(w for p in self.phrases(e) for w in (DASH if p == "-" else (" ".join(p.lower().split()),)))
                            for e in rule.elements if isinstance(e, Words)) + tuple(frozenset({e.char} if e.char != "-" else DASH)
                                                             for e in rule.elements if isinstance(e, Punct))
        needs_types = tuple(frozenset(TYPE_CODES[t] for t in s.types) for s in required_slots(rule.elements)
                            if s.types)
        ahead = None if first is not None or anchored else re.compile(f"(?=(?:{rx.pattern}))", rx.flags)
        return Compiled(rule, rx, first, anchored, needs_words, needs_types,
                        {s.name: s for s in _slots(rule.elements) if s.name}, len(needs_types), ahead,
                        tail=tail_marks(rule.elements))


def tail_marks(elements) -> tuple[str, ...]:
    """The openings (OPEN + type code, in both cases: the rules are compiled with IGNORECASE) of a
    placeholder of the last slot a match must hold (outside groups): a match cannot start after the
    last of them in a text, so a candidate start there is not tried (relations._matches). () when
    the pattern has no such slot."""
    slots = [e for e in elements if isinstance(e, Slot) and not e.special and e.types]
    if not slots:
        return ()
    codes = [TYPE_CODES[t] for t in slots[-1].types]
    return tuple(OPEN + c for code in codes for c in dict.fromkeys((code, code.lower())))
