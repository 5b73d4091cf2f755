"""Compile the rule tables into fast matchers: one Aho–Corasick automaton over every gazetteer
name and alias, plus word lists for heads, cues and stop words, and the grammatical glue of cues.tsv
compiled into small regexes (see _compile_glue)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter

import ahocorasick

from ..rules import Rules
from ..text import norm_key, tone_variants
from .patterns import CLOSE, OPEN, letter_trie

GAZETTEERS = (
    ("gazetteer/organizations.tsv", "Organization"),
    ("gazetteer/countries.tsv", "Country"),
    ("gazetteer/locations.tsv", "Location"),
    ("gazetteer/agreements.tsv", "Agreement"),
)
DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "\u00a0": " ", "\t": " "})
# str.translate looks every character up in a dict (slow on non-ASCII text): each odd character is
# replaced on its own instead, when the text has it (`in` and `replace` scan text at C speed)
_ODD_CHARS = tuple((chr(c), r) for c, r in DASHES.items())
PATTERN_TYPES = ("Location", "Organization", "Agreement", "Event")
LOWER_EVENT = "lower-case Event"      # "hội thảo lần thứ nhất": an event head written in lower case
# Punctuation that may stand between two members of a list ("A, B; C (D)"); the words that may
# (cues.tsv: list/joiner, list/and) are added to it from the rules.
LIST_PUNCTUATION = (",", ";", ")", "(", "…", "...")


def match_form(text: str, lowered: str | None = None) -> str:
    """Same-length lower-cased form used for matching (dashes and odd spaces unified; the two tone
    placements are matched by listing both spellings of every name, see text.tone_variants).
    `lowered`: text.lower(), when the caller has it already (the odd characters have no case:
    replacing them after lowering gives the same)."""
    if lowered is not None and len(lowered) == len(text):
        for c, r in _ODD_CHARS:
            if c in lowered:
                lowered = lowered.replace(c, r)
        return lowered
    for c, r in _ODD_CHARS:
        if c in text:
            text = text.replace(c, r)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)   # rare: 'İ' grows when lowered


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"         # the characters of \w


def whole_words(text: str, phrases) -> list[tuple[int, int]]:
    r"""The (start, end) that re.finditer(r"(?<!\w)(?:A|B|…)(?!\w)", text) finds for the literal
    `phrases` A, B, … in that order, without compiling a regex for each new list (most are asked
    once): at each place from the left, the first phrase that stands there with no word character
    right before or after it, the search going on after its end."""
    hits = []
    for rank, p in enumerate(phrases):
        k = text.find(p)
        while k >= 0:
            e = k + len(p)
            if not (k and _word_char(text[k - 1])) and not (e < len(text) and _word_char(text[e])):
                hits.append((k, rank, e))
            k = text.find(p, k + 1)
    out, pos = [], 0
    for k, _, e in sorted(hits):
        if k >= pos:                         # (at one place, the first phrase: the lowest rank sorts first)
            out.append((k, e))
            pos = e if e > k else k + 1
    return out


_LOWERED: tuple[str, str, bool] = ("", "", True)


def lowered(text: str) -> str:
    """text.lower(), for the text of the document being read: the entity, event and relation passes
    all read it, and lowering costs more than slicing (kept for the last text asked)."""
    return _lowered_entry(text)[1]


def lowered_part(text: str, start: int, end: int) -> str:
    """text[start:end].lower(), cut from the document's lowered text where that is the same: every
    character lowered into one (no "İ", whose lower case is two) and none lowered by its context (Σ:
    σ, or ς at the end of a word)."""
    _, low, sliceable = _lowered_entry(text)
    return low[start:end] if sliceable else text[start:end].lower()


def org_level(m, lex: "Lexicon") -> int:
    """An organisation mention's rank (heads.tsv level: 1 ministry … 4 unit; 2 when no head tells it)."""
    lv = m.attr("level")
    if lv:
        return int(lv)
    best = (0, 0)
    text = m.text[:1].upper() + m.text[1:]          # "cục Cảnh sát Hình sự": a known body, its head in lower case
    for head, level in lex.org_heads_by_token.get(text.split(" ", 1)[0], ()):
        if text.startswith(head + " ") and len(head) > best[0]:
            best = (len(head), level)
    return best[1] or 2


_FORM: tuple[str, str] = ("", "")


def document_form(text: str) -> str | None:
    """match_form of the document being read, kept for the last text asked (the entity and event passes
    both read it; a sentence's form is a slice of it), or None where lowering does not slice
    (see lowered_part)."""
    last = _FORM                             # (one tuple, read and replaced whole: safe under threads)
    if last[0] is not text:
        _, low, sliceable = _lowered_entry(text)
        last = _set_form(text, match_form(text, low) if sliceable else None)
    return last[1]


def _set_form(text: str, form: str | None) -> tuple[str, str | None]:
    global _FORM
    _FORM = entry = (text, form)
    return entry


def _lowered_entry(text: str) -> tuple[str, str, bool]:
    last = _LOWERED                          # (one tuple, read and replaced whole: safe under threads)
    if last[0] is not text:
        low = text.lower()
        last = _set_lowered(text, low, len(low) == len(text) and "Σ" not in text)
    return last


def _set_lowered(text: str, low: str, sliceable: bool) -> tuple[str, str, bool]:
    global _LOWERED
    _LOWERED = entry = (text, low, sliceable)
    return entry


# the rule id of a person named after a post whose last word opens the body's name ("Tổng Thanh tra Chính
# phủ Phan Văn Sáu"): entities.py reads him, relations.py gives him the post no pattern sees
POST_INSIDE_BODY = "entities.name-after-chief"

@dataclass(frozen=True)
class GazetteerEntry:
    key: str            # gazetteer id
    type: str
    name: str           # canonical name
    rule: str           # "file:line"
    aliases: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass
class Lexicon:
    rules: Rules
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    automaton: object = None
    heads: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)   # type -> [(head, rule id, level)]
    cues: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)    # relation -> [(cue, rule id, role)]
    stopwords: dict[str, set[str]] = field(default_factory=dict)                 # type or "*" -> words
    generic: set[str] = field(default_factory=set)
    name_words: set[str] = field(default_factory=set)
    name_compounds: set[tuple[str, ...]] = field(default_factory=set)
    name_phrases: frozenset[str] = frozenset()  # name_words.tsv phrases ("điều tra"): in names whatever their class
    word_class: dict[str, str] = field(default_factory=dict)      # word_classes.tsv: "quản lý" -> "verb"
    compounds: frozenset[str] = frozenset()     # multi-syllable words of the Vietnamese dictionary, lower case
    syllables: frozenset[str] = frozenset()     # every syllable of those words: what a Vietnamese word looks like
    surnames: frozenset[str] = frozenset()      # persons.tsv kind 'surname': a person's name starts here
    head_tails: dict[str, tuple[str, ...]] = field(default_factory=dict)   # head rule id -> adjunct words (heads.tsv tail)
    head_within: dict[str, tuple[str, ...]] = field(default_factory=dict)  # head rule id -> the locality words of its parents
    abbreviations: dict[str, str] = field(default_factory=dict)   # abbreviations.tsv: "UBND" -> "Ủy ban nhân dân"
    abbreviation_re: re.Pattern | None = None
    district_forms: dict[str, str] = field(default_factory=dict)   # "Thốt Nốt" -> "quận Thốt Nốt" (a unique district)
    province_forms: dict[str, str] = field(default_factory=dict)   # "tỉnh Nghệ An", "TP Hà Nội", "Nghệ An" -> bare name
    place_names: frozenset[str] = frozenset()   # every place's name without its word, lower case: "mỹ đức", "thủ đức"
    country_attributes: tuple[str, ...] = ()    # country_words.tsv attribute: "đô la", "tiếng" (+ " ")
    country_qualifiers: dict[str, str] = field(default_factory=dict)   # "Anh" -> vuong-quoc-anh, after a body only
    country_qualifier_words: tuple[str, ...] = ()   # the qualifiers' words, sorted (whole_words' order)
    country_shorts: dict[str, str] = field(default_factory=dict)
    country_short_ends: tuple = ((), ())       # the short forms as a dash's left side ("Việt ", "Việt") and right side   # country_words.tsv short: "Nhật" -> nhat-ban
    qualifier_leads: tuple[str, ...] = ()       # country_words.tsv before: " tại ", " nước " (lower case, spaced)
    qualifier_not_before: frozenset[str] = frozenset()   # country_words.tsv not-before: "em" ("Anh em"), "ấy"
    numbered_heads: frozenset[str] = frozenset()
    capital_heads: frozenset[str] = frozenset()  # Agreement heads of level 2: a capital or number right after
    law_heads: frozenset[str] = frozenset()      # last words of heads named by a noun ("Luật", "Nghị định"), not a verb  # Agreement heads of level 1: named only with a number/capital/quote
    residence_phrases: tuple[str, ...] = ()
    residence_re: re.Pattern | None = None       # residences.tsv: "trú tại" … (places after it are no Locations)
    residences_by_first: dict[str, tuple[str, ...]] = field(default_factory=dict)   # first word -> those phrases
    # gazetteer/subdivisions.tsv: first word's match form -> the names' match forms, longest first
    subdivisions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    posts_and_titles: tuple[str, ...] = ()
    post_before: re.Pattern | None = None        # a post or a title just before a position (then a space)      # persons.tsv posts and titles, longest first
    governments: tuple[tuple[str, str, str], ...] = ()
    government_words: frozenset[str] = frozenset()     # governments.tsv words ("Nhà nước")
    government_re: re.Pattern | None = None   # governments.tsv: (word, default country id, rule), longest first
    government_firsts: tuple[str, ...] = ()   # their first words, each once
    post_heads: dict[str, str] = field(default_factory=dict)
    post_heads_by_first: dict[str, list[tuple[list[str], str]]] = field(default_factory=dict)
    post_first_words: frozenset[str] = frozenset()
    post_first_lower: frozenset[str] = frozenset()     # first words of posts, lower case ("ủy" of "Ủy viên")
    plural_words: tuple[str, ...] = ()                 # cues.tsv plural markers, lower case, with a space
    place_compounds: frozenset[str] = frozenset()      # cues.tsv compound: "liên bang", "bà xã" (no place head)
    street_words: frozenset[str] = frozenset()         # cues.tsv street: "phố", "đường" (a street named after …)
    abroad_words: frozenset[str] = frozenset()         # cues.tsv abroad: bodies Việt Nam has not ("Thượng viện")
    rank_words: frozenset[str] = frozenset()           # cues.tsv rank: "cấp" ("tham vấn cấp Thứ trưởng Ngoại giao")
    region_words_by_first: dict[str, list[list[str]]] = field(default_factory=dict)   # cues.tsv region: "khu vực"
    embassy_heads: frozenset[str] = frozenset()    # cues.tsv basedIn/embassy: "đại sứ quán" (one per host country)
    other_state: re.Pattern | None = None            # cues.tsv other-state: "Bộ Ngoại giao nước này", "hai Bộ Ngoại giao"
    lower_forces: tuple[str, ...] = ()                   # "cảnh sát ", "công an ": a force's word in lower case
    force_fields: frozenset[str] = frozenset()           # cues.tsv force/field: "Tham mưu" (a police staff division)
    force_words: tuple = ()                            # cues.tsv force: forces whose divisions every province has ("Cảnh sát")
    field_expansions: frozenset[str] = frozenset()     # abbreviations.tsv expansions of unit fields ("cảnh sát giao thông")
    body_fields: tuple = ()                            # cues.tsv body-field: "phòng chống" after a body's "về"
    unit_subjects: tuple = ()                          # cues.tsv unit-subject: "tội phạm" ("… tội phạm về ma túy")
    force_owners: tuple = ()                           # cues.tsv force/owner: the body a province's force divisions belong to
    force_division_heads: frozenset[str] = frozenset() # cues.tsv force/division: the head of a province body's division ("Phòng")
    eponymous_words: frozenset[str] = frozenset()      # cues.tsv eponymous: "THPT" (schools named after persons)
    foreign_field_heads: frozenset[str] = frozenset()  # cues.tsv foreign-field: "Cục" (+ a lower-case field + a country)
    post_endings: tuple[str, ...] = ()                 # persons.tsv posts and titles (a text ending with one)
    national_field_heads: frozenset[str] = frozenset()  # cues.tsv national-field: "Hội" (+ a lower-case field + any country)
    clan_words: frozenset[str] = frozenset()           # cues.tsv clan: "Tộc" (a family's name ends with it, no person's)
    firm_heads: frozenset[str] = frozenset()           # cues.tsv firm: "Tập đoàn" + a bare country: a nationality
    construction_words: tuple[str, ...] = ()           # cues.tsv construction, lower case: "mở rộng", "nhà máy"
    adjunct_words: frozenset[str] = frozenset()        # cues.tsv adjunct: "cho", "trong" after a capitalised title
    cited_article: re.Pattern | None = None            # "Điều 150 " before a law: cues.tsv numbered/article
    charge_words: tuple[str, ...] = ()                 # cues.tsv charge: "về tội" (a law cited for an offence)
    count_before: re.Pattern | None = None             # a count before a head, not after a cues.tsv numbered word
    home_country: str = ""                             # gazetteer key of the press's own country (events.tsv home)
    title_first_words: frozenset[str] = frozenset()
    titles: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    untitled_posts_by_first: dict[str, list[list[str]]] = field(default_factory=dict)   # posts that are no titles
    posts_by_first: dict[str, list[list[str]]] = field(default_factory=dict)            # capitalised posts
    posts_and_titles_by_first: dict[str, list[list[str]]] = field(default_factory=dict)  # posts_and_titles by first word
    heads_under_posts: dict = field(default_factory=dict)   # head's first word -> the capitalised words after the
    # head that open a post or title with it ("Bộ" -> {"Trưởng"}: "Bộ Trưởng Bộ Nội vụ" is a post, then a body)
    lower_classes: dict = field(default_factory=dict)   # word class -> (its phrases in lower case, longest length)
    post_or_deputy_first_words: frozenset[str] = frozenset()   # their first words, and the deputy words ("Phó")
    item_openers: frozenset[str] = frozenset()    # one-word cues after which a list's item opens (entities)
    untitled_post_first_words: frozenset[str] = frozenset()
    # first word -> phrases starting with it (longest first): lets the scanners look up, not loop
    heads_by_first: dict[str, dict[str, list[tuple[list[str], str, int]]]] = field(default_factory=dict)
    # type -> first word -> the second words of its heads of two words or more, and its heads of one word: a
    # head is looked for at a word only among those the next word allows (entities._heads_at)
    head_seconds: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    head_singles: dict[str, dict[str, list[tuple[list[str], str, int]]]] = field(default_factory=dict)
    # first word as written -> the words of its Event heads in lower case, and their rule ids ("hội thảo lần thứ …")
    lower_event_heads: dict[str, list[tuple[list[str], str]]] = field(default_factory=dict)
    # the Location heads written in lower case ("tỉnh", "thành phố"), longest first (ownerless.local_namesakes)
    lower_location_heads: tuple[str, ...] = ()
    event_head_of_rule: dict[str, str] = field(default_factory=dict)   # Event head rule id -> its head
    stops_by_first: dict[str, dict[str, list[list[str]]]] = field(default_factory=dict)
    stop_first_words: frozenset[str] = frozenset()      # every key of every stops_by_first bucket
    generic_by_first: dict[str, tuple[str, ...]] = field(default_factory=dict)   # longest first
    titles_by_first: dict[str, list[list[str]]] = field(default_factory=dict)
    titles_longest_first: dict[str, list[str]] = field(default_factory=dict)   # titles_by_first as text, longest first
    title_seconds: dict[str, frozenset[str]] = field(default_factory=dict)   # as head_seconds, for the titles
    title_singles: dict[str, list[list[str]]] = field(default_factory=dict)
    deputies: list[str] = field(default_factory=list)
    # first space-separated token -> [(organisation head, level)], longest first: a name can only
    # start with "head " when its own first token is the head's
    org_heads_by_token: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    pattern_starts: dict[str, frozenset[str]] = field(default_factory=dict)   # memo of heads_starting
    head_first_words: frozenset[str] = frozenset()   # every word a head starts with, as written or capitalised
    country_suffixes: dict[str, tuple[int, str] | None] = field(default_factory=dict)  # memo of country_suffix
    # grammatical glue from cues.tsv, compiled once; never hard-coded in the extractors
    list_openers: tuple[str, ...] = ()           # list, no role: "gồm", "bao gồm" open a list
    and_words: tuple[str, ...] = ()              # list/and: "và" joins two members, two subjects, two sides
    country_pair_separators: tuple[str, ...] = ()   # " và ", ", ", " - ": what joins two countries ("Việt Nam và Anh")
    event_party_words: frozenset[str] = frozenset()   # participatedIn/party: "giữa", "do" before a party in an event's name
    list_joiners: tuple[str, ...] = ()           # list/joiner: "cùng", "đại diện", "các" (never a name's last word)
    list_gaps: tuple[str, ...] = (", ",)         # ", " and " và ": the gap between two peers of a list
    list_separators: re.Pattern = re.compile(r"(?!)")   # a gap between two list members: punctuation, joiners
    subject_adverbs: re.Pattern | None = None         # "sẽ", "tiếp tục": between a subject and its verb
    led_by: re.Pattern | None = None                   # "do X dẫn đầu" between a delegation's body and its verb
    subject_joint: re.Pattern = re.compile(r"(?!)")     # a gap between two coordinated subjects: ",", "và"
    subject_companions: re.Pattern = re.compile(r"(?!)")  # "cùng 5 nước khác": unnamed companions after a subject
    country_links: tuple[str, ...] = ()          # country/linker, as " nước ": "Chính phủ nước Pháp"
    country_possessives: frozenset[str] = frozenset()   # country/of: "của" ("Bộ Nội vụ của Lào")
    country_infixes: tuple[str, ...] = ()        # country/infix, as " quốc gia ": "Tổng cục Cảnh sát quốc gia Campuchia"
    country_headings: tuple[str, ...] = ()       # country/heading: "về phía" (+ a country, over a list of its bodies)
    short_heads: tuple[str, ...] = ()            # short: a body's head written alone ("Hội đã …": the article's Hội)
    short_re: "re.Pattern | None" = None
    country_heading_re: "re.Pattern | None" = None
    country_heading_words: tuple[str, ...] = ()
    place_marks: tuple[str, ...] = ()            # heldIn/place + " ": "tại " before an event's place
    destinations: tuple[str, ...] = ()           # heldIn/destination: "sang", "tới" before a country one goes to
    ordinals: tuple[tuple[str, ...], ...] = ()   # ordinal: "hội thảo lần thứ nhất" (words)
    topics: tuple[tuple[str, ...], ...] = ()     # topic: "tổ chức khóa tập huấn về kỹ năng …" (words)
    delegation_words: frozenset = frozenset()    # events.tsv actor/delegation first words: "Đoàn"
    acronym_glue: frozenset = frozenset()        # closed: "về", "và" inside a name its acronym closes
    especially: tuple[str, ...] = ()             # especially: "đặc biệt là" before a title's list
    scope_words: frozenset = frozenset()         # scope: "quốc gia" may follow a body's acronym in its name
    case_heads: frozenset = frozenset()          # trial: "Vụ" before a person's name is a case, not a department
    passive_words: frozenset = frozenset()       # passive: "bị" right after a title's head makes the head a subject
    item_separator: re.Pattern | None = None
    seat_words: tuple[str, ...] = ()
    seated_heads: frozenset[str] = frozenset()          # heads.tsv rule ids of heads whose tail is a seat word
    unnamed_seats: tuple[str, ...] = ()                  # cues.tsv unnamed-seat: "nước sở tại" (no one place)
    intro_before: re.Pattern | None = None       # intro: "Thông qua X, …" (X is a means, not in apposition)
    intro_opening: re.Pattern | None = None      # intro at a clause's start: its adjunct runs to the first comma
    distributive: re.Pattern | None = None       # distribute: "các Bộ: Quốc phòng, Ngoại giao" (plural + head)
    distributive_head: re.Pattern | None = None  # its heads, when each is one word: a sentence without one is skipped
    distributive_spellings: frozenset[str] | None = None   # every spelling of those heads (any case), when few
    distributive_words: dict[str, bool] = field(default_factory=dict)   # memo of may_distribute: word -> a head?
    # every word find_mentions looks a sentence's words up for (word lists above, "về"), or None: all words needed
    sentence_cues: frozenset[str] | None = None
    distributive_heads: set[str] = field(default_factory=set)     # the words of that memo that are heads
    # relation rules (rules/relations.tsv), compiled once: scope -> rules ("body": clause and sentence
    # rules in file order); the phrases they name, for a quick look at which may match a sentence
    relation_rules: dict = field(default_factory=dict)
    word_classes: dict = field(default_factory=dict)   # class name -> phrases (see word_classes())
    vertical_words: frozenset[str] = frozenset()     # word_classes partOf/vertical, spaces collapsed, casefolded
    # relations.place_countries: the mission heads (basedIn/mission) lower-cased, and the state organs (the vertical
    # words, country/organ with spaces collapsed, casefolded), each with a space after it
    mission_prefixes: tuple[str, ...] = ()
    organ_prefixes: tuple[str, ...] = ()
    service_words: frozenset[str] = frozenset()      # word_classes partOf/service, as written
    relation_phrases: object = None
    relation_by_phrase: dict = field(default_factory=dict)   # phrase -> rules indexed by it (see compile_lexicon)
    relation_free: frozenset = frozenset()                   # rules that need no phrase
    verb_cue: re.Pattern | VerbCue = re.compile(r"(?!)")   # any cue of role verb: ends a clause's subject
    preposition_before: re.Pattern = re.compile(r"(?!)")   # cues.tsv preposition, right before a subject
    modified_before: re.Pattern = re.compile(r"(?!)")      # cues.tsv modified: a noun a country right after qualifies
    modified_ends: tuple[str, ...] = ()                  # the last words of those nouns (see relations._modified)
    request_before: re.Pattern = re.compile(r"(?!)")       # cues.tsv unreal/request: "đề nghị" right before a subject
    modal_between: re.Pattern = re.compile(r"(?!)")        # cues.tsv unreal/modal: "cần" between a subject and its verb
    # an event's place word or an attendance verb, then an events.tsv classifier: "tại buổi …", "dự phiên …"
    # (the word after it, when lower case and no stop word, tells an event the sentence does not name)
    unnamed_event: re.Pattern = re.compile(r"(?!)")
    event_classifier: re.Pattern = re.compile(r"(?!)")   # its classifier part alone: no match, no unnamed event
    owner_gap: re.Pattern = re.compile(r"\s+")   # between an event noun and its body: " ", " của " (memberOf/of)
    event_classifiers: frozenset[str] = frozenset()   # events.tsv classifier, lower case: "cuộc", "buổi"
    periodic_events: tuple[str, ...] = ()       # events.tsv specifier/periodic: "sơ kết", "tổng kết" (lower case)
    # for kg/extract/ownerless.py, made once per rule set: a periodic specifier as a whole word, an ordinal
    # and its number ("lần thứ 21"), the events.tsv session heads and the organized/verb cues (lower case)
    periodic_re: "re.Pattern | None" = None
    field_re: "re.Pattern | None" = None          # events.tsv field: a routine meeting's named field of work
    ordinal_number: re.Pattern = re.compile(r"(?!)")
    session_heads: set = field(default_factory=set)
    organized_verbs: set = field(default_factory=set)
    provincial_cues: tuple = ()                 # cues.tsv provincial: (cue, its regex: as a word, and what follows)
    provincial_words: frozenset = frozenset()   # the same cues as written ("Tỉnh ủy", "Sở")

    def heads_starting(self, word: str) -> frozenset[str]:
        """The types (PATTERN_TYPES, LOWER_EVENT) with a head whose first word is `word`; empty for
        most words of a sentence. Remembered per word: a news corpus keeps using the same words."""
        types = self.pattern_starts.get(word)
        if types is None:
            types = frozenset(t for t in PATTERN_TYPES if self.heads_by_first.get(t, {}).get(word))
            if word[0].islower() and self.heads_by_first.get("Event", {}).get(word.capitalize()):
                types |= {LOWER_EVENT}
            self.pattern_starts[word] = types
        return types

    def relation_words_in(self, lowered: str) -> set[str]:
        """The phrases of the relation rules that occur in the lower-cased `lowered` (maybe inside words)."""
        if self.relation_phrases is None:
            return set()
        return set(map(_second, self.relation_phrases.iter(lowered)))

    def relation_candidates(self, present: set[str]) -> set[int]:
        """The rules (Compiled.n) one of whose rarest needed phrases occurs: the only ones worth trying."""
        # (the rule sets of the phrases that index some, looked up without a Python loop)
        return set(self.relation_free).union(*filter(None, map(self.relation_by_phrase.get, present)))

    def cue_words(self, tokens: list[str]) -> set[str]:
        """The words of a sentence (entities._Sent tokens) that find_mentions looks up in its word lists:
        found in one pass over the tokens; most words of a sentence are in none of the lists, and a set of
        all of them costs more to make."""
        return set(tokens) if self.sentence_cues is None else self.sentence_cues.intersection(tokens)

    def may_distribute(self, words: list[str] | set[str]) -> bool:
        """Could `distributive` match a sentence of these words (entities._Sent tokens)? Its shared
        head stands alone between white space and white space or ':', so it is one of the words;
        a regex search of every sentence costs far more than a look at its words: a look for the heads'
        spellings among them (distributive_spellings), or else a look at each word, remembered per word."""
        if self.distributive_spellings is not None:
            return not self.distributive_spellings.isdisjoint(words)
        if self.distributive_head is None:
            return True
        memo, heads = self.distributive_words, self.distributive_heads
        for w in (words if isinstance(words, set) else set(words)).difference(memo):   # (no Python loop over the words)
            if memo.setdefault(w, self.distributive_head.fullmatch(w) is not None):
                heads.add(w)
        return not heads.isdisjoint(words)

    def gazetteer_matches(self, text: str, form: str | None = None) -> list[tuple[int, int, str]]:
        """All (start, end, surface) hits of gazetteer names in `text`, as candidates
        (`form`: match_form(text), when the caller has it already)."""
        form = match_form(text) if form is None else form
        hits = []
        for end, (surface_lower, keys) in self.automaton.iter(form):
            start = end - len(surface_lower) + 1
            hits.append((start, end + 1, (surface_lower, keys)))
        return hits

    def country_suffix(self, name: str) -> tuple[int, str] | None:
        """(start, key) of the first gazetteer country that ends `name` after a space
        ("Hội Liên hiệp phụ nữ Việt Nam"), or None. Remembered per name."""
        if name not in self.country_suffixes:
            self.country_suffixes[name] = next(
                ((start, keys[0][0]) for start, end, (_, keys) in self.gazetteer_matches(name)
                 if end == len(name) and start > 0 and self.entries[keys[0][0]].type == "Country"
                 and name[start - 1].isspace() and name[start].isupper()), None)
        return self.country_suffixes[name]


_second = itemgetter(1)
_CACHE: dict[str, Lexicon] = {}
_DICTIONARY: list[frozenset[str]] = []


def dictionary_words() -> frozenset[str]:
    """The multi-syllable words of underthesea's Vietnamese dictionary (Viet74K, shipped with the
    package, read offline), lower case: "thủy sản", "liên bang", "xuất nhập cảnh". Name extraction
    uses them to keep a word whole when only its first syllable is capitalised ("Cục Thủy sản")."""
    if not _DICTIONARY:
        import unicodedata
        from pathlib import Path
        words: set[str] = set()
        try:
            import importlib.util
            spec = importlib.util.find_spec("underthesea")      # located, not imported (a slow import)
            if spec is None or spec.origin is None:
                raise ImportError("underthesea")
            path = Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt"
            # the whole file normalised and lowered at once (a line break stops both composition and
            # the final-sigma rule, so each line comes out as it would alone), then line by line
            for line in unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).lower().splitlines():
                w = line.strip()
                if " " in w:
                    words.update(tone_variants(w))     # the list spells "thuỷ lợi"; articles often "thủy lợi"
        except (ImportError, OSError):
            pass                          # without the dictionary, names fall back to rules/name_words.tsv
        _DICTIONARY.append(frozenset(words))
    return _DICTIONARY[0]



def compile_lexicon(rules: Rules) -> Lexicon:
    """Compiled matchers for a rule set, built once per rules digest."""
    lex = _CACHE.get(rules.digest)
    if lex is None:
        lex = _CACHE[rules.digest] = _compile(rules)
        from . import events                 # the event rules with the others, and the module their
        from .. import resolve  # noqa: F401  # title matching imports: once per worker, not in the first article
        events.event_rules(lex)
        import gc
        gc.freeze()       # ~10^5 long-lived strings and sets: the collector need not rescan them per article
    return lex


def _compile(rules: Rules) -> Lexicon:
    lex = Lexicon(rules)
    A = ahocorasick.Automaton()
    forms: dict[str, list[tuple[str, str]]] = {}
    for table, etype in GAZETTEERS:
        for r in rules.table(table):
            attrs = tuple((k, r[k]) for k in ("parent", "country", "iso", "wikidata", "kind") if r[k])
            entry = GazetteerEntry(r.id, etype, r["name"], f"{r.file}:{r.line}", r.list("aliases"), attrs)
            lex.entries[r.id] = entry
            for surface in (r["name"], *r.list("aliases")):
                for variant in sorted(tone_variants(surface)):
                    if (r.id, surface) not in forms.setdefault(match_form(variant), []):
                        forms[match_form(variant)].append((r.id, surface))
    for form, keys in forms.items():
        A.add_word(form, (form, tuple(keys)))
    if forms:
        A.make_automaton()
    lex.automaton = A
    for r in rules.table("heads.tsv"):
        lex.heads.setdefault(r["type"], []).append((r["head"], r.id, int(r["level"] or 0)))
        if r["tail"]:
            lex.head_tails[r.id] = r.list("tail")
        if r["within"]:
            lex.head_within[r.id] = r.list("within")
    for heads in lex.heads.values():
        heads.sort(key=lambda h: -len(h[0]))
    lex.numbered_heads = frozenset(h for h, _, level in lex.heads.get("Agreement", ()) if level == 1)
    lex.capital_heads = frozenset(h for h, _, level in lex.heads.get("Agreement", ()) if level == 2)
    lex.law_heads = frozenset(h.split()[-1] for h, _, level in lex.heads.get("Agreement", ())
                              if h.lower() in ("luật", "bộ luật"))
    for r in rules.table("cues.tsv"):
        lex.cues.setdefault(r["relation"], []).append((r["cue"], r.id, r["role"]))
    for cues in lex.cues.values():
        cues.sort(key=lambda c: -len(c[0]))
    for r in rules.table("stopwords.tsv"):
        for t in (r["types"] or "*").split("|"):
            lex.stopwords.setdefault(t.strip(), set()).add(r["word"].lower())
    lex.generic = {match_form(v) for r in rules.table("generic.tsv") for v in tone_variants(r["phrase"])}
    words = [r["word"].lower() for r in rules.table("name_words.tsv")]
    lex.name_words = {w for w in words if " " not in w}
    # two-syllable entries ("ngoại vụ"): the second may follow the first only ("Sở Ngoại vụ"), where
    # alone it is a common noun ("vụ án") that must end a name
    lex.name_compounds = {tuple(w.split()) for w in words if " " in w}
    lex.name_phrases = frozenset(w for w in words if " " in w)
    lex.word_class = {r["word"].lower(): r["class"] for r in rules.table("word_classes.tsv")}
    lex.word_class.update({r["word"].lower(): r["class"] for r in rules.table("words.tsv")})
    # the tagged sample places the tone of "oa", "uy" on the second vowel ("hoà", "uỷ ban"), the press as often on
    # the first ("hòa", "ủy ban"): a word is looked up however its tones are placed (the spelling as listed wins)
    for w, cls in list(lex.word_class.items()):
        for v in tone_variants(w):
            lex.word_class.setdefault(v, cls)
    lex.compounds = dictionary_words() | {w for w in lex.word_class if " " in w}
    lex.syllables = frozenset(x for w in lex.compounds for x in w.split())
    lex.surnames = frozenset(r["word"] for r in rules.table("persons.tsv") if r["kind"] == "surname")
    lex.governments = tuple(sorted(((r["word"], r["country"], f"{r.file}:{r.line}") for r in rules.table("governments.tsv")),
                                   key=lambda g: -len(g[0])))
    lex.government_words = frozenset(w for w, _, _ in lex.governments)
    if lex.governments:
        lex.government_re = re.compile("|".join(re.escape(w) for w, _, _ in lex.governments))
        lex.government_firsts = tuple(dict.fromkeys(w.split(" ", 1)[0] for w, _, _ in lex.governments))
    lex.titles = sorted((r["word"] for r in rules.table("persons.tsv") if r["kind"] == "title"), key=len, reverse=True)
    lex.posts = sorted((r["word"] for r in rules.table("persons.tsv") if r["kind"] == "post"), key=len, reverse=True)
    # a post whose body is named without its head noun: "Trưởng phòng Cảnh sát hình sự …" = of the "Phòng …"
    lex.post_heads = {r["word"]: r["head"] for r in rules.table("persons.tsv") if r["kind"] == "post" and r["head"]}
    for post, head in sorted(lex.post_heads.items(), key=lambda p: -len(p[0])):
        lex.post_heads_by_first.setdefault(post.split()[0], []).append((post.split(), head))
    for etype, heads in lex.heads.items():
        idx = lex.heads_by_first.setdefault(etype, {})
        for head, rid, level in heads:
            words = head.split()
            idx.setdefault(words[0], []).append((words, rid, level))
            idx.setdefault(words[0].lower(), [])
    for etype, idx in lex.heads_by_first.items():
        lex.head_seconds[etype] = {w: frozenset(hw[1] for hw, _, _ in hs if len(hw) > 1) for w, hs in idx.items()}
        lex.head_singles[etype] = {w: [h for h in hs if len(h[0]) == 1] for w, hs in idx.items()}
    lex.lower_event_heads = {w: [([x.lower() for x in hw], rid) for hw, rid, _ in hs]
                             for w, hs in lex.heads_by_first.get("Event", {}).items()}
    lex.lower_location_heads = tuple(sorted({" ".join(hw) for heads in lex.heads_by_first.get("Location", {}).values()
                                             for hw, _, _ in heads if hw[0][:1].islower()}, key=len, reverse=True))
    lex.event_head_of_rule = {rid: h for h, rid, _ in lex.heads.get("Event", ())}
    for etype, words in lex.stopwords.items():
        idx = lex.stops_by_first.setdefault(etype, {})
        for w in sorted(words, key=len, reverse=True):
            idx.setdefault(w.split()[0], []).append(w.split())
    lex.stop_first_words = frozenset(w for idx in lex.stops_by_first.values() for w in idx)
    firsts = {w for etype in PATTERN_TYPES for w, hs in lex.heads_by_first.get(etype, {}).items() if hs}
    # a lower-case event head ("hội thảo lần thứ nhất") starts with the lower-cased first word
    firsts |= {w.lower() for w, hs in lex.heads_by_first.get("Event", {}).items() if hs}
    # (only the words some head really starts with: a sentence's words are looked up here, not one by one)
    lex.head_first_words = frozenset(w for w in firsts if lex.heads_starting(w))
    # a phrase generic only as a whole name ("Cơ quan Công an"; but "Cơ quan Công an tỉnh X" names a body) is
    # not searched as the start of a longer name
    whole = {match_form(v) for r in rules.table("generic.tsv") if r["whole"] == "yes" for v in tone_variants(r["phrase"])}
    for g in sorted(lex.generic - whole, key=len, reverse=True):
        lex.generic_by_first[g.split()[0]] = lex.generic_by_first.get(g.split()[0], ()) + (g,)
    for head, _, level in lex.heads.get("Organization", []):
        lex.org_heads_by_token.setdefault(head.split(" ", 1)[0], []).append((head, level))
    for t in lex.titles:
        lex.titles_by_first.setdefault(t.split()[0], []).append(t.split())
    lex.titles_longest_first = {w: sorted((" ".join(t) for t in ts), key=len, reverse=True) for w, ts in lex.titles_by_first.items()}
    lex.title_seconds = {w: frozenset(t[1] for t in ts if len(t) > 1) for w, ts in lex.titles_by_first.items()}
    lex.title_singles = {w: [t for t in ts if len(t) == 1] for w, ts in lex.titles_by_first.items()}
    lex.abbreviations = {r["short"]: r["long"] for r in rules.table("abbreviations.tsv")}
    if lex.abbreviations:
        # "TP.Biên Hòa": an abbreviation that ends with its dot may touch the next word
        alts = "|".join(re.escape(a) + ("" if a.endswith(".") else r"(?!\w)")
                        for a in sorted(lex.abbreviations, key=len, reverse=True))
        lex.abbreviation_re = re.compile(rf"(?<!\w)(?:{alts})")
    # a province and a centrally-run city, however the name of a body in it spells its place ("UBND tỉnh Nghệ
    # An" / "UBND Nghệ An"); a provincial city ("thành phố Lào Cai") keeps its word: it is not the province
    for e in lex.entries.values():
        a = dict(e.attrs)
        if e.type == "Location" and (a.get("kind") == "province" or (a.get("kind") == "city" and not a.get("parent"))):
            forms = (e.name, *e.aliases)
            bare = min(forms, key=len)
            if all(f == bare or f.endswith(" " + bare) or f.endswith("." + bare) for f in forms):
                for f in forms:
                    lex.province_forms[f] = bare
            else:                        # "TP HCM", "TPHCM", "TP. Hồ Chí Minh": one city however abbreviated
                for f in forms:
                    lex.province_forms.setdefault(f, e.name)
    loc_heads = sorted({" ".join(hw) for hws in lex.heads_by_first.get("Location", {}).values() for hw, _, _ in hws},
                       key=len, reverse=True)
    # a district, however the name of a body in it spells its place ("Đội TTGT Thốt Nốt" / "Đội TTGT quận Thốt
    # Nốt"): the district's name without its word, where no other place has that name
    bare_names: dict[str, list[str]] = {}
    for e in lex.entries.values():
        if e.type == "Location":
            for f in (e.name, *e.aliases):
                h = next((h for h in loc_heads if f.lower().startswith(h.lower() + " ")), None)
                bare_names.setdefault(f[len(h) + 1:] if h else f, []).append(e.name if dict(e.attrs).get("kind") == "district"
                                                                          and h and f == e.name else "")
    lex.district_forms = {b: names[0] for b, names in bare_names.items()
                          if len(names) == 1 and names[0] and b not in lex.province_forms}
    names = set()
    for e in lex.entries.values():
        if e.type == "Location":
            for f in (e.name, *e.aliases):
                h = next((h for h in loc_heads if f.lower().startswith(h.lower() + " ")), None)
                names.add((f[len(h) + 1:] if h else f).lower())
    lex.place_names = frozenset(names)
    lex.country_attributes = tuple(r["word"] + " " for r in rules.table("country_words.tsv") if r["kind"] == "attribute")
    lex.country_qualifiers = {r["word"]: r["country"] for r in rules.table("country_words.tsv") if r["kind"] == "qualifier"}
    lex.country_qualifier_words = tuple(sorted(lex.country_qualifiers))
    lex.country_shorts = {r["word"]: r["country"] for r in rules.table("country_words.tsv") if r["kind"] == "short"}
    lex.country_short_ends = (tuple(w + sp for w in lex.country_shorts for sp in ("", " ")),
                              tuple(sp + w for w in lex.country_shorts for sp in ("", " ")))
    lex.qualifier_leads = tuple(sorted(f" {r['word'].lower()} " for r in rules.table("country_words.tsv")
                                       if r["kind"] == "before"))
    lex.qualifier_not_before = frozenset(r["word"].lower() for r in rules.table("country_words.tsv")
                                         if r["kind"] == "not-before")
    phrases = [r["phrase"] for r in rules.table("residences.tsv")]
    lex.residence_phrases = tuple(phrases)
    if phrases:
        led = _led_alternatives(phrases, r"\w")      # (?<!\w) + the phrases, led by their letters
        lex.residence_re = re.compile(rf"{led}(?!\w)[^);.]*")
        for p in phrases:
            lex.residences_by_first.setdefault(p.split()[0], ())
            lex.residences_by_first[p.split()[0]] += (p,)
    subdivisions: dict[str, set[str]] = {}
    for r in rules.table("gazetteer/subdivisions.tsv"):
        for name in (r["name"], *(a for a in r["aliases"].split("|") if a)):
            form = match_form(name)
            subdivisions.setdefault(re.split(r"[\s-]", form, maxsplit=1)[0], set()).add(form)
    lex.subdivisions = {w: tuple(sorted(fs, key=lambda f: (-len(f), f))) for w, fs in sorted(subdivisions.items())}
    lex.post_endings = tuple(sorted(set(lex.posts + lex.titles)))
    lex.post_first_words = frozenset(lex.post_heads_by_first)
    lex.post_first_lower = frozenset(p.split()[0].lower() for p in lex.posts if " " in p)
    lex.street_words = frozenset(c for c, _, _ in lex.cues.get("street", ()))
    lex.place_compounds = frozenset(c.lower() for c, _, _ in lex.cues.get("compound", ()))
    lex.abroad_words = frozenset(c for c, _, _ in lex.cues.get("abroad", ()))
    lex.rank_words = frozenset(c.lower() for c, _, _ in lex.cues.get("rank", ()))
    for c, _, _ in lex.cues.get("region", ()):
        lex.region_words_by_first.setdefault(c.split()[0], []).append(c.split())
    lex.embassy_heads = frozenset(norm_key(c) for c, _, role in lex.cues.get("basedIn", ()) if role == "embassy")
    after = sorted({c for c, _, role in lex.cues.get("other-state", ()) if role != "before"}, key=len, reverse=True)
    before = sorted({c for c, _, role in lex.cues.get("other-state", ()) if role == "before"}, key=len, reverse=True)
    if after or before:     # one pattern, matched on "<words before>\x00<words after>" around a body's name
        lex.other_state = re.compile("|".join(
            ([r"(?:^|\W)(?:" + "|".join(map(re.escape, before)) + r")\x00"] if before else [])
            + ([r"\x00 (?:" + "|".join(map(re.escape, after)) + r")(?!\w)"] if after else [])), re.IGNORECASE)
    lex.field_expansions = frozenset(v.lower() for v in lex.abbreviations.values() if 2 <= len(v.split()) <= 5)
    lex.body_fields = tuple(c.split() for c in sorted({c for c, _, _ in lex.cues.get("body-field", ())}, key=len, reverse=True))
    lex.unit_subjects = tuple(c.lower() for c, _, _ in lex.cues.get("unit-subject", ()))
    lex.force_words = tuple(c.split() for c, _, role in lex.cues.get("force", ()) if not role)
    lex.force_fields = frozenset(c.lower() for c, _, role in lex.cues.get("force", ()) if role == "field")
    lex.force_owners = tuple(c for c, _, role in lex.cues.get("force", ()) if role == "owner")
    lex.lower_forces = tuple(sorted({w.lower() + " " for w in (*(" ".join(f) for f in lex.force_words), *lex.force_owners)},
                                    key=len, reverse=True))
    lex.force_division_heads = frozenset(c for c, _, role in lex.cues.get("force", ()) if role == "division")
    lex.eponymous_words = frozenset(c for c, _, _ in lex.cues.get("eponymous", ()))
    lex.clan_words = frozenset(c for c, _, _ in lex.cues.get("clan", ()))
    lex.foreign_field_heads = frozenset(c for c, _, _ in lex.cues.get("foreign-field", ()))
    lex.national_field_heads = frozenset(c for c, _, _ in lex.cues.get("national-field", ()))
    lex.firm_heads = frozenset(c for c, _, _ in lex.cues.get("firm", ()))
    lex.adjunct_words = frozenset(c for c, _, _ in lex.cues.get("adjunct", ()))
    numbered = [c for c, _, _ in lex.cues.get("numbered", ())]
    lex.charge_words = tuple(sorted({c for c, _, _ in lex.cues.get("charge", ())}, key=len, reverse=True))
    articles = sorted({c for c, _, role in lex.cues.get("numbered", ()) if role == "article"}, key=len, reverse=True)
    lex.cited_article = re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, articles)) + r")(?: \w+)? \d+\w?\s*$",
                                   re.IGNORECASE) if articles else None
    # a count before a head: "ký 12 Hiệp định …" (twelve agreements); not a numbered item ("điều 246 Bộ luật …")
    lex.count_before = re.compile(rf"(?<!\w)(?!(?:{_alternatives(numbered)})\s)\w+\s+(?:[2-9]|[1-9]\d)$") \
        if numbered else re.compile(r"(?<!\w)\w+\s+(?:[2-9]|[1-9]\d)$")
    lex.construction_words = tuple(sorted({c.lower() for c, _, _ in lex.cues.get("construction", ())}, key=len, reverse=True))
    lex.plural_words = tuple(sorted({" " + c.lower() for c, _, _ in lex.cues.get("plural", ())}, key=len, reverse=True))
    lex.title_first_words = frozenset(lex.titles_by_first)
    titles = set(lex.titles)
    for p in lex.posts:                                   # (longest first) "Cục trưởng Cục Lãnh sự <name>"
        if p not in titles and p[:1].isupper():
            lex.untitled_posts_by_first.setdefault(p.split()[0], []).append(p.split())
    lex.untitled_post_first_words = frozenset(lex.untitled_posts_by_first)
    for p in lex.posts:                                   # (longest first) "Nguyễn Văn A, Thứ trưởng Bộ X"
        if p[:1].isupper():
            lex.posts_by_first.setdefault(p.split()[0], []).append(p.split())
    lex.posts_and_titles = tuple(sorted(set(lex.posts) | set(lex.titles), key=len, reverse=True))
    for p in lex.posts_and_titles:                        # (longest first, as entities._post_at reads them)
        lex.posts_and_titles_by_first.setdefault(p.split()[0], []).append(p.split())
    # organisation heads a longer post or title opens with a capitalised word ("Bộ Trưởng"): entities._heads_at asks
    # only there whether a post, not a body, starts
    under: dict[str, set[str]] = {}
    for by_first in lex.heads_by_first.get("Organization", {}).values():
        for hw, _, _ in by_first:
            for p in lex.posts_and_titles_by_first.get(hw[0], ()):
                if len(p) > len(hw) and p[:len(hw)] == hw and p[len(hw)][:1].isupper():
                    under.setdefault(hw[0], set()).add(p[len(hw)])
    lex.heads_under_posts = {w: frozenset(nxt) for w, nxt in under.items()}
    if lex.posts_and_titles:
        led = _led_alternatives(lex.posts_and_titles, r"\w")     # (?<!\w) + the posts, led by their letters
        lex.post_before = re.compile(rf"{led} $")
    lex.deputies = sorted((r["word"] for r in rules.table("persons.tsv") if r["kind"] == "deputy"), key=len, reverse=True)
    lex.post_or_deputy_first_words = frozenset(lex.posts_by_first) | frozenset(d.split()[0] for d in lex.deputies)
    _compile_glue(lex)
    _compile_relation_rules(lex)
    if lex.distributive is None or lex.distributive_spellings is not None:   # (else may_distribute reads every word)
        lex.sentence_cues = lex.head_first_words | lex.post_first_words | lex.title_first_words \
            | lex.untitled_post_first_words | {"về", "hợp"} | (lex.distributive_spellings or frozenset())
    # the press's own country (events.tsv home: "Việt Nam"), as its gazetteer key
    for r in rules.table("events.tsv"):
        if r["kind"] == "home":
            hits = [keys[0][0] for a, e, (_, keys) in lex.gazetteer_matches(r["phrase"])
                    if a == 0 and e == len(r["phrase"]) and lex.entries[keys[0][0]].type == "Country"]
            lex.home_country = hits[0] if hits else ""
            break
    lex.periodic_events = tuple(r["phrase"].lower() for r in rules.table("events.tsv")
                                if r["kind"] == "specifier" and r["class"] == "periodic")
    _compile_ownerless(lex)
    of = _glue(lex, "memberOf", "of")
    if of:
        from .patterns import words_rx
        lex.owner_gap = re.compile(rf"\s+(?:{words_rx(of)}\s+)?")
    classifiers = [r["phrase"] for r in rules.table("events.tsv") if r["kind"] == "classifier"]
    lex.event_classifiers = frozenset(c.lower() for c in classifiers)
    governors = _glue(lex, "heldIn", "place") + _glue(lex, "participatedIn", "verb")
    if classifiers and governors:
        from .patterns import search_words, words_rx
        # (a plural marker may come between: "tại các phiên họp này", several events, none of them the article's)
        plural = [c for c, _, _ in lex.cues.get("plural", ())]
        lex.unnamed_event = re.compile(rf"{words_rx(governors, True)}\s+(?:({words_rx(plural, True)})\s+)?({words_rx(classifiers, True)})"
                                       rf"\s+(\w+)(?:\s+(\w+))?", re.IGNORECASE)
        lex.event_classifier = search_words(classifiers)     # (words_rx under IGNORECASE)
    return lex


def _compile_ownerless(lex: Lexicon) -> None:
    """What kg/extract/ownerless.py asks of every article, made once."""
    ordinals = [" ".join(o) for o in lex.ordinals] + ["thứ"]
    lex.ordinal_number = re.compile(r"(?:" + "|".join(map(re.escape, ordinals)) + r") (?:\d+|\w+)")
    lex.periodic_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, lex.periodic_events)) + r")(?!\w)") \
        if lex.periodic_events else None
    lex.session_heads = {r["phrase"].lower() for r in lex.rules.table("events.tsv") if r["kind"] == "session"}
    fields = [r["phrase"].lower() for r in lex.rules.table("events.tsv") if r["kind"] == "field"]
    lex.field_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, fields)) + r")(?!\w)") if fields else None
    lex.organized_verbs = {c.lower() for c, _, kind in lex.cues.get("organized", ()) if kind == "verb"}
    lex.provincial_cues = tuple((w, re.compile(rf"(?:^|\s){re.escape(w)}(\s\w|$)"))
                                for w in (c for c, _, _ in lex.cues.get("provincial", ())))
    lex.provincial_words = frozenset(w for w, _ in lex.provincial_cues)


def word_classes(rules: Rules) -> dict[str, tuple[str, ...]]:
    """The word classes a relation pattern may name: cues.tsv "relation/role" (or "relation" for a
    row without a role), persons.tsv "post", "deputy", "title", heads.tsv "head:TYPE"."""
    classes: dict[str, list[str]] = {}
    for r in rules.table("cues.tsv"):
        classes.setdefault(f"{r['relation']}/{r['role']}" if r["role"] else r["relation"], []).append(r["cue"])
    for r in rules.table("persons.tsv"):
        classes.setdefault(r["kind"], []).append(r["word"])
    for r in rules.table("heads.tsv"):
        classes.setdefault(f"head:{r['type']}", []).append(r["head"])
    return {k: tuple(dict.fromkeys(v)) for k, v in classes.items()}


def _char_class(chars) -> str:
    """A regex class of exactly `chars`, runs of consecutive code points written as ranges."""
    runs: list[list[int]] = []
    for c in sorted(map(ord, chars)):
        if runs and c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in runs) + "]"


# a capital letter (the class is in every list slot of the relation rules: ranges keep it short)
_UPPER = _char_class(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())


def _phrase_uses(lex: Lexicon):
    """How often a cue phrase occurs, to index relation rules by their rarest needs: a word's count in
    word_classes.tsv (n), punctuation as the most common of all, any other phrase (a name, a phrase of
    several words) as rare."""
    counts = {r["word"].lower(): int(r["n"]) for r in lex.rules.table("word_classes.tsv") if r["n"].isdigit()}
    top = max(counts.values(), default=0) + 1

    def uses(p: str) -> int:
        return counts.get(p, 0) if any(ch.isalnum() for ch in p) else top
    return uses


def _compile_relation_rules(lex: Lexicon) -> None:
    from .patterns import Compiler, Group, Slot, Words, parse_rule, search_words, words_rx
    classes = lex.word_classes = word_classes(lex.rules)
    lex.vertical_words = frozenset(" ".join(w.split()).casefold() for w in classes.get("partOf/vertical", ()))
    lex.mission_prefixes = tuple(h.lower() + " " for h in classes.get("basedIn/mission", ()))
    lex.organ_prefixes = tuple(v + " " for v in lex.vertical_words) \
        + tuple(" ".join(g.split()).casefold() + " " for g in classes.get("country/organ", ()))
    lex.service_words = frozenset(classes.get("partOf/service", ()))
    punct = "|".join(map(re.escape, LIST_PUNCTUATION))
    ands = _alternatives(lex.and_words)
    # between two members of a list, and before the first: joiner words ("đại diện", "các"), and the
    # posts and titles of persons.tsv ("Thứ trưởng các Bộ …, Phó Chánh án Tòa án …")
    people = classes.get("post", ()) + classes.get("deputy", ()) + classes.get("title", ())
    joiners = _glue(lex, "list", "joiner") + _glue(lex, "list", "kind") + people
    joins = _trie_alternatives(joiners + lex.and_words + lex.list_openers)
    # a person's name the entity rules did not read may stand after a member ("Tổng Thanh tra
    # Chính phủ Nguyễn Văn A, Phó Chánh án …"): two to four capitalised words before a separator
    name = rf"(?:\s+(?-i:{_UPPER}[^\W\d_]*)){{2,4}}(?=\s*(?:{punct}))"
    # and a member no rule reads as a name, between two separators ("…; Trung tâm thông tin; …")
    item = rf"(?-i:{_UPPER})[^\W\d_]*(?:\s+[^\W_]+){{0,4}}\s*(?:{punct})\s*"
    # and a kind of the members after a separator, opening examples ("… và các tổ chức quốc tế như UNODC, …"):
    # up to four lower-case words, then an opener of examples (memberOf/opens: "như", "gồm")
    openers = _trie_alternatives(list(dict.fromkeys(_glue(lex, "memberOf", "opens") + lex.list_openers)))
    kind = rf"(?:(?-i:(?!{_UPPER})[^\W\d_]+)\s+){{1,4}}(?i:{openers})(?!\w)\s*:?\s*"
    # and a note in parentheses naming nothing after a member ("với Campuchia (năm 2005), Thái Lan (năm 2008) …")
    note = rf"\s*\([^(){OPEN}{CLOSE}]{{1,30}}\)(?=\s*(?:{punct}|(?<!\w)(?i:{ands})(?!\w)))"
    # (joiner words may head the next items with a colon: "…; các đồng chí: Trần Văn C, …")
    sep = rf"(?:{name}|{note})?(?:\s*(?:{punct}|(?<!\w)(?i:{joins})(?!\w)(?:\s*:)?)\s*)+(?:{kind})?(?:{item})*|\s+"
    join = rf"(?:(?<!\w)(?i:{_trie_alternatives(joiners)})(?!\w)\s*)+"
    compiler = Compiler(classes, sep, join, rf"(?:\s*(?:{punct}|(?<!\w)(?i:{ands})(?!\w))\s*)+")
    rules: dict[str, list] = {"name": [], "apposition": [], "clause": [], "body": []}
    phrases: set[str] = set()
    # a clause's subject ends at its first verb: a cue of role verb, or the words a rule names right
    # after its {S:Subject} slot
    verbs = [cue for rel, cues in lex.cues.items() for cue, _, role in cues if role == "verb"]
    free: set[int] = set()
    uses = _phrase_uses(lex)
    for n, row in enumerate(lex.rules.table("relations.tsv")):
        c = compiler.compile(parse_rule(row, set(classes)))
        c.n = n
        if c.needs_words:
            # indexed by the phrases it needs that a sentence least often has: the set whose phrases are
            # used least (word_classes.tsv n: "ký" rather than "với", "thành viên" rather than "là"), then
            # whose shortest phrase is longest (a post's or a verb's words rather than "," or "và"); a rule
            # needs one of every set, so a sentence without one of these has no use for it
            rare = min(c.needs_words, key=lambda ws: (sum(uses(p) for p in ws), -min(map(len, ws))))
            for p in rare:
                lex.relation_by_phrase.setdefault(p, set()).add(n)
            c.screen_words = tuple(ws for ws in c.needs_words if ws is not rare)
        else:
            free.add(n)
        after = [e for e in c.rule.elements if not (isinstance(e, Group) and e.zero_width)]
        for i, e in enumerate(after[:-1]):
            if isinstance(e, Slot) and e.special == "Subject" and isinstance(after[i + 1], Words):
                verbs += compiler.phrases(after[i + 1])
        if c.rule.scope in ("clause", "sentence"):
            rules["body"].append(c)
        if c.rule.scope != "sentence":
            rules[c.rule.scope].append(c)
        for ws in c.needs_words:
            phrases |= ws
    lex.relation_rules = {k: v for k, v in rules.items() if v}
    lex.relation_free = frozenset(free)
    if phrases:
        A = ahocorasick.Automaton()
        for p in phrases:
            A.add_word(p, p)
        A.make_automaton()
        lex.relation_phrases = A
    lex.verb_cue = verb_search(search_words(verbs), verbs, lex.compounds)
    # "Đoàn công tác Bộ X do Thứ trưởng Y dẫn đầu đã …": a delegation led by a person (events.tsv led)
    # words that may stand between a subject and its verb ("sẽ tiếp tục", events.tsv adverb)
    adverbs = sorted((r["phrase"] for r in lex.rules.table("events.tsv") if r["kind"] == "adverb"), key=len, reverse=True)
    lex.subject_adverbs = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, adverbs)) + r")(?!\w)", re.IGNORECASE) \
        if adverbs else None
    lex.delegation_words = frozenset(r["phrase"].split()[0] for r in lex.rules.table("events.tsv")
                                     if r["kind"] == "actor" and r["class"] == "delegation" and r["phrase"].split())
    led = [r["phrase"] for r in lex.rules.table("events.tsv") if r["kind"] == "led"]
    lex.led_by = re.compile(r"\s*do\s+[^,;]{1,80}?\s(?:" + "|".join(map(re.escape, led)) + r")(?:\s+\w+){0,3}\s*$",
                            re.IGNORECASE) if led else None
    preps = _glue(lex, "preposition", "")
    lex.preposition_before = re.compile(words_rx(preps, ignorecase=True) + r"\s*$", re.IGNORECASE) if preps else re.compile(r"(?!)")
    nouns = _glue(lex, "modified", "")
    lex.modified_before = re.compile(words_rx(nouns) + r"\s*$") if nouns else re.compile(r"(?!)")
    lex.modified_ends = tuple(dict.fromkeys(n.split()[-1] for n in nouns))
    asks = _glue(lex, "unreal", "request")
    lex.request_before = re.compile(words_rx(asks, ignorecase=True) + r"\s*$", re.IGNORECASE) if asks else re.compile(r"(?!)")
    modals = _glue(lex, "unreal", "modal")
    lex.modal_between = re.compile(words_rx(modals, ignorecase=True), re.IGNORECASE) if modals else re.compile(r"(?!)")


@dataclass(frozen=True)
class VerbCue:
    """Finds verb cues, but not a one-syllable cue that opens a longer dictionary word: "Dự kiến, Bộ X sẽ tổ
    chức …" (expected), "Dự án …" (a project) hold no "dự" (attend), so the clause's subject is not cut there."""
    cue: re.Pattern
    compound: re.Pattern

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        m = self.cue.search(text, pos, end)
        while m is not None and self.compound.match(text, m.start(), end):
            m = self.cue.search(text, m.end(), end)
        return m


def verb_search(cue: re.Pattern, verbs, compounds: frozenset[str]) -> re.Pattern | VerbCue:
    """`cue`, skipping the one-syllable verbs that open a two-syllable dictionary word which is no cue itself."""
    cues = {" ".join(v.lower().split()) for v in verbs}
    seconds: dict[str, list[str]] = {}
    for w in compounds:
        first, _, second = w.partition(" ")
        if first in cues and second and " " not in second and w not in cues:
            seconds.setdefault(first, []).append(second)
    if not seconds:
        return cue
    alts = "|".join(rf"{re.escape(f)}\s+{_alternatives(sorted(ss))}" for f, ss in sorted(seconds.items()))
    return VerbCue(cue, re.compile(rf"(?:{alts})(?!\w)", re.IGNORECASE))


def _glue(lex: Lexicon, relation: str, role: str) -> tuple[str, ...]:
    """The cue phrases of one relation and role, longest first (the order of lex.cues)."""
    return tuple(dict.fromkeys(cue for cue, _, r in lex.cues.get(relation, ()) if r == role))


def _trie_alternatives(phrases) -> str:
    """The regex of `_alternatives(phrases)` under IGNORECASE, written as a trie of lower-case letters
    (patterns.letter_trie); `_alternatives` itself for letters whose case folding is not one lower-case letter."""
    return letter_trie(phrases) or _alternatives(phrases)


def _alternatives(phrases) -> str:
    """A regex group matching any of `phrases` literally, longest first; the words of a phrase
    may be separated by any run of white space. No phrase: a group that never matches."""
    alts = sorted({r"\s+".join(map(re.escape, p.split())) for p in phrases}, key=lambda a: (-len(a), a))
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _case_spellings(words, limit: int = 1024) -> frozenset[str] | None:
    """Every string that re.fullmatch("(?i:A|B|…)") matches for the one-word `words` A, B, … (None when more
    than `limit`): the product of each letter's equals, which re itself finds among the characters of the
    Basic Multilingual Plane ("ſ" is an "s" to it; no character beyond that plane equals one within it)."""
    bmp = "".join(map(chr, range(0x10000)))
    equals: dict[str, list[str]] = {}
    out: set[str] = set()
    for w in words:
        spellings = [""]
        for c in w:
            if c not in equals:
                equals[c] = sorted(set(re.findall(f"(?i:{re.escape(c)})", bmp)))
            spellings = [x + e for x in spellings for e in equals[c]]
            if len(out) + len(spellings) > limit:
                return None
        out.update(spellings)
    return frozenset(out)


def _led_alternatives(phrases, before: str) -> str:
    """`(?<!before)` + `_alternatives(phrases)`, the same matches in the same order, with the test put
    after each phrase's first character: a regex that opens with literal characters is searched by
    looking for them, one that opens with a look-behind is tried at every position of the text."""
    alts = sorted({r"\s+".join(map(re.escape, p.split())) for p in phrases}, key=lambda a: (-len(a), a))
    if not alts or any(not a[:1].isalpha() for a in alts):
        return rf"(?<!{before}){_alternatives(phrases)}"
    return "(?:" + "|".join(rf"{a[0]}(?<!{before}[\s\S]){a[1:]}" for a in alts) + ")"


def _led_ignorecase(phrases) -> str:
    r"""`(?<!\w)(?i:` + `_alternatives(phrases)` + `)`, the same matches in the same order, opening with
    the class of the phrases' first letters (both cases): the regex is searched by looking for them
    rather than tried at every position. Each first letter must be a letter whose case-insensitive
    match is its two cases alone (patterns.TWO_CASES: not i, k, s); otherwise the plain form."""
    from .patterns import TWO_CASES
    alts = sorted({r"\s+".join(map(re.escape, p.split())) for p in phrases}, key=lambda a: (-len(a), a))
    if not alts or any(a[:1].lower() not in TWO_CASES for a in alts):
        return rf"(?<!\w)(?i:{_alternatives(phrases)})"
    groups: dict[str, list[str]] = {}
    for a in alts:                       # in each group, the order of the alternation
        groups.setdefault(a[0].lower(), []).append(a[1:])
    firsts = "".join(c + c.upper() for c in groups)
    return rf"[{firsts}](?<!\w[\s\S])(?:" + "|".join(
        rf"(?<=[{c}{c.upper()}])(?i:" + "|".join(rest) + ")" for c, rest in groups.items()) + ")"


def _compile_glue(lex: Lexicon) -> None:
    lex.list_openers = _glue(lex, "list", "")
    lex.and_words = _glue(lex, "list", "and")
    lex.event_party_words = frozenset(_glue(lex, "participatedIn", "party"))
    lex.country_pair_separators = (*(f" {w} " for w in lex.and_words), ", ", " - ", " – ")
    lex.list_joiners = _glue(lex, "list", "joiner")
    lex.list_gaps = (", ",) + tuple(f" {w} " for w in lex.and_words)
    joins = _alternatives(_glue(lex, "list", "joiner") + lex.and_words)
    punct = "|".join(map(re.escape, LIST_PUNCTUATION))
    lex.list_separators = re.compile(rf"^(?:\s*(?:{punct}|{joins})\s*)+$|^\s+$")
    joint = lex.and_words + _glue(lex, "list", "with")        # "và", "cùng": words that join two subjects
    ands = _alternatives(joint)
    # "Việt Nam và các nước thành viên ASEAN đã ký …": after "và", a bloc's member states (list/fellows) act as
    # the bloc, a subject beside the first
    fellows = _glue(lex, "list", "fellows")
    lex.subject_joint = re.compile(rf"\s*(?:,|(?:,\s*)?{ands}(?:\s+{_alternatives(fellows)})?)\s*"
                                   if fellows else rf"\s*(?:,|{ands}|,\s*{ands})\s*")
    # a word after which an item of a list opens ("và", "cùng", "gồm", "có": "Tới dự có Nguyễn Văn A, Thứ trưởng …")
    lex.item_openers = frozenset(w.lower() for w in joint + lex.list_openers
                                 + _glue(lex, "participatedIn", "attendees") if " " not in w)
    # "Việt Nam cùng 5 nước khác đã ký …": a subject, then unnamed companions before its verb
    groups = _glue(lex, "list", "companions")
    lex.subject_companions = re.compile(
        rf"\s*,?\s*{ands}\s+(?:{_alternatives(groups)}|\d+)(?:\s+(?:[^\W\d_]+|{OPEN}L\d+{CLOSE})){{1,6}}\s*",
        re.IGNORECASE) \
        if groups else re.compile(r"(?!)")
    # between two items of a list after a shared head ("các Bộ: Quốc phòng, Ngoại giao và Tư pháp")
    lex.item_separator = re.compile(rf"\s*[,;]\s*(?:{ands}\s+)?|\s+{ands}\s+")
    lex.country_possessives = frozenset(_glue(lex, "country", "of"))
    lex.country_headings = _glue(lex, "country", "heading")
    # a cheap test before the regex: each heading's longest word, as written ("phía", "ngành")
    lex.country_heading_words = tuple({max(h.replace(",", " ").split(), key=len) for h in lex.country_headings})
    lex.short_heads = _glue(lex, "short", "")
    if lex.short_heads:                   # a capitalised head alone, as a whole word (see entities._short_forms)
        edge = r"[\w\-/]"
        lex.short_re = re.compile(rf"({_led_alternatives(lex.short_heads, edge)})(?!{edge})")
    if lex.country_headings:
        lex.country_heading_re = re.compile(rf"{_led_ignorecase(lex.country_headings)} (?=\w)")
    lex.country_links = tuple(f" {w} " for w in _glue(lex, "country", "linker") + _glue(lex, "country", "of"))
    lex.country_infixes = tuple(f" {w} " for w in _glue(lex, "country", "infix"))
    lex.place_marks = tuple(w + " " for w in _glue(lex, "heldIn", "place"))
    lex.destinations = _glue(lex, "heldIn", "destination")
    lex.seat_words = _glue(lex, "country", "seat")
    lex.seated_heads = frozenset(rid for rid, tails in lex.head_tails.items() if set(tails) & set(lex.seat_words))
    lex.unnamed_seats = tuple(sorted({c for c, _, _ in lex.cues.get("unnamed-seat", ())}, key=len, reverse=True))
    lex.ordinals = tuple(tuple(p.split()) for p in _glue(lex, "ordinal", ""))
    lex.topics = tuple(tuple(p.split()) for p in _glue(lex, "topic", ""))
    lex.acronym_glue = frozenset(_glue(lex, "closed", ""))
    lex.especially = _glue(lex, "especially", "")
    lex.scope_words = frozenset(_glue(lex, "scope", ""))
    lex.case_heads = frozenset(_glue(lex, "trial", ""))
    lex.passive_words = frozenset(_glue(lex, "passive", ""))
    intro = _glue(lex, "intro", "")
    lex.intro_before = re.compile(rf"(?:^|[,;:]\s*)(?i:{_alternatives(intro)})\s+$") if intro else None
    lex.intro_opening = re.compile(rf"\s*(?i:{_alternatives(intro)})\s") if intro else None
    documents = _glue(lex, "intro", "document")
    if documents:      # ("Theo Quyết định số 1043 của Bộ trưởng Bộ X, Cục Y sẽ đăng cai …": the document's body is no subject)
        opening = rf"\s*(?i:{_alternatives(documents)})\s+{OPEN}A\d+{CLOSE}"
        lex.intro_opening = re.compile(rf"{lex.intro_opening.pattern}|{opening}" if intro else opening)
    heads = _glue(lex, "distribute", "")
    plural = _led_alternatives(_glue(lex, "plural", ""), r"\w")      # (?<!\w) + the plural words, led by their letters
    # ("các bộ, ngành: Công an, Ngoại giao …": ministries and agencies, a colon then the ministries' fields)
    companions = _glue(lex, "distribute", "companion")
    second = rf",\s*(?i:{_alternatives(companions)})\s*:|" if companions else ""
    lex.distributive = re.compile(rf"{plural}\s+(?i:({_alternatives(heads)}))(?:{second}\s*:?)\s+") \
        if heads else None
    if heads and all(re.fullmatch(r"[^\W\d_]+", h) for h in heads):     # one word of letters each
        lex.distributive_head = re.compile(rf"(?i:{_alternatives(heads)})")
        lex.distributive_spellings = _case_spellings(heads)
