"""Find entity mentions in a document: gazetteer names first, then head-noun patterns
(head noun + name), persons (title + name), and the article-level glue: acronyms in parentheses,
country-qualified bodies, anaphoric event references."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, compress, count

from ..model import Document, Mention, mention_key, replace
from ..text import norm_key
from . import events, ownerless
from .lexicon import LOWER_EVENT, POST_INSIDE_BODY, Lexicon, document_form, lowered_part, match_form, org_level, whole_words

WORD = re.compile(r"\w+(?:[/.&'’-]\w+)*")
# split() keeps the words: gap, word, gap, … The same words as WORD, written possessively (nothing
# follows the group, so no backtracking could change a match): the engine keeps no backtrack points
WORD_SPLIT = re.compile(r"(\w\w*+(?:[/.&'’-]\w++)*+)")
QUOTES_OPEN = "“\"«"
QUOTES_CLOSE = "”\"»"

# (module-level regexes: compiled with the module, not looked up in re's cache at every call)
_WORD_AT = re.compile(r"\w*")
_HYPHENATED_AT = re.compile(r"\w+-\w")
_LETTERS_WORD = re.compile(r"\w+")
_ONE_OR_TWO_WORDS_AFTER = re.compile(r" (\w+)(?: (\w+))?")
_ACRONYM_BEFORE = re.compile(r"(?<!\w)[A-ZĐ]{2,}\s$")
_TWO_WORDS_AT = re.compile(r"(\w+)(?: (\w+))?")
_WORD_BEFORE_END = re.compile(r"(\w+)\s$")
_WORD_AFTER = re.compile(r" (\w+)")               # (" (\w+)(?!\w)" is the same: \w+ takes the whole word)
_TITLED = "persons.tsv:"                 # the rule of a person named after a title (persons.tsv title)
_REGION_NUMBER = re.compile(r"\d{1,2}|[IVX]{1,5}")    # "khu vực 1", "vùng VII"
_NUMBERED_NAME = re.compile(r"(.+ số )\d{1,3}")
_GLUED_ABBREVIATION = re.compile(r"\b(TP|Tp|TX|H|Q)\.(?=\w)")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _cap(word: str) -> bool:
    """Capitalised word, acronym or code with a capital letter (138/CP, NQ-CP)."""
    return word[:1].isupper() or (any(map(str.isupper, word)) and any(map(str.isalpha, word)))


def _split_words(text: str, _split=WORD_SPLIT.split) -> list[str]:
    """WORD_SPLIT.split(text), read between spaces: a word holds no space, so each piece between two
    spaces splits alone, and a piece of letters and digits only (most of them) is one word as it is."""
    parts: list[str] = []
    append = parts.append
    gap = ""                                 # the text since the last word, up to the space before `piece`
    for piece in text.split(" "):
        if piece.isalnum():                  # (isalnum: the characters of \w but "_")
            append(gap)
            append(piece)
            gap = " "
        elif not piece:
            gap += " "
        elif piece[:-1].isalnum() and not piece[-1].isalnum() and piece[-1] != "_":
            append(gap)                      # "Nội," "tháng.": a word, then one mark (as _split would cut it)
            append(piece[:-1])
            gap = piece[-1] + " "
        else:
            sub = _split(piece)
            if len(sub) == 1:
                gap += piece + " "
            else:
                append(gap + sub[0])
                parts += sub[1:-1]
                gap = sub[-1] + " "
    append(gap[:-1])                         # (no space after the last piece)
    return parts


class _Words:
    """`_Sent.words`, (start, end, word) of each word, made when first asked (a third of the sentences
    never ask) and then kept in the instance, which hides this descriptor (it has no __set__). Not a
    `__getattr__`: CPython 3.11 specialises no attribute read of a class that has one, and a _Sent's
    attributes are read everywhere; nor functools.cached_property, which takes a lock in 3.11."""

    def __get__(self, s: "_Sent | None", owner=None):
        if s is None:
            return self
        # the parts' end offsets are the words' starts and ends in turn (gap 0 ends where word 0 starts):
        # one iterator, read twice per word, pairs them without a list or slices
        ends = accumulate(map(len, s._parts))
        s.words = words = list(zip(ends, ends, s.tokens))
        return words


class _Sent:
    """A sentence with its words, for pattern matching."""

    words = _Words()

    def __init__(self, text: str, lowered: str | None = None, form: str | None = None):
        self.text = text
        self._parts = parts = _split_words(text)         # [gap 0, word 0, gap 1, word 1, …, last gap]
        self.tokens = parts[1::2]
        self.gaps = parts[0::2]
        # (lowered: text.lower(), when the caller has it; form: match_form(text), a slice of the document's)
        self.form = match_form(text, lowered) if form is None else form

    def gap(self, i: int) -> str:
        """Text between word i-1 and word i (before word 0 for i = 0)."""
        return self.gaps[i]

    def phrase_at(self, i: int, phrase_words: list[str], case_sensitive: bool = True) -> bool:
        toks = self.tokens
        n = len(phrase_words)
        if i + n > len(toks):
            return False
        if case_sensitive:
            if n == 1:                       # (most heads and cues are one or two words: no loop for them)
                return toks[i] == phrase_words[0]
            if n == 2:
                return toks[i] == phrase_words[0] and toks[i + 1] == phrase_words[1] and self.gaps[i + 1] == " "
            gaps = self.gaps
            for k, pw in enumerate(phrase_words, i):
                if toks[k] != pw or (k > i and gaps[k] != " "):
                    return False
            return True
        gaps = self.gaps
        for k, pw in enumerate(phrase_words, i):
            if toks[k].lower() != pw.lower() or (k > i and gaps[k] != " "):
                return False
        return True


# --- gazetteer -----------------------------------------------------------------------------

def _gazetteer_spans(text: str, lex: Lexicon, inner: bool = False, form: str | None = None) -> list[tuple[int, int, str]]:
    """Leftmost-longest gazetteer names; with inner=True, the names inside `text` other than itself."""
    cands = []
    for end, (surface_lower, keys) in lex.automaton.iter(match_form(text) if form is None else form):
        start, end = end - len(surface_lower) + 1, end + 1      # (as lex.gazetteer_matches reads the hits)
        if inner and (start, end) == (0, len(text)):
            continue
        if start > 0 and ((c := text[start - 1]).isalnum() or c == "_") \
                or end < len(text) and ((c := text[end]).isalnum() or c == "_"):
            continue                      # (inside a word: _is_word_char, written out, this loop is hot)
        key, surface = keys[0]
        if surface[0].isupper() and not text[start].isupper() and not _lower_head_of_known_body(text, start, end, key, lex):
            continue
        if surface.isupper() and text[start:end] != surface and len(surface) <= 6:
            continue                      # acronyms match in capitals only ("UN" is not "un")
        if " " in surface and lex.entries[key].type in ("Location", "Country") and surface[0].isupper() \
                and all(w[:1].isupper() for w in surface.split()) \
                and not all(w[:1].isupper() for w in text[start:end].split()):
            continue                      # a place writes each syllable with a capital: "Viện Hải dương học"
            # (oceanography) holds no "Hải Dương"
        entry = lex.entries[key]
        if " " not in surface and entry.type == "Country" and surface.lower() in lex.syllables \
                and _touches_capital(text, start, end) and not _foreign_name_follows(text, start, end, lex) \
                and not (_ACRONYM_BEFORE.search(text, max(0, start - 12), start)
                         and not (text[end:end + 1].isspace() and text[end + 1:end + 2].isupper())):
            # (an acronym before it is no syllable of a person's name: "Bộ Tổng Tham mưu QĐND Lào")
            continue                      # "Nguyễn Minh Đức" is a person, not Germany ("Malaysia" is no syllable)
        if " " not in surface and entry.type in ("Country", "Location") and end + 1 < len(text) and text[end] == " " \
                and surface.lower() + " " + _LETTERS.match(text, end + 1).group() in lex.compounds \
                and text[end + 1:end + 2].islower():
            continue                      # "Ủy ban Hiến pháp và Pháp lý" (legal): the syllable begins a word
        if entry.type == "Country" and lex.country_attributes and text[max(0, start - 12):start].lower().endswith(lex.country_attributes):
            continue                      # "đô la Mỹ", "tiếng Anh": an attribute, not the country
        if entry.type in ("Location", "Country") and _after_surname(text, start, lex) \
                and not (entry.type == "Country" and text[max(0, start - 40):start].split()[-1:]
                         and text[max(0, start - 40):start].split()[-1] in lex.delegation_words):
            continue                      # "Nguyễn Hòa Bình" is a person, not the province (but "Đoàn Việt Nam
            # do … dẫn đầu": "Đoàn", a surname, is also the delegation noun, events.tsv actor/delegation)
        if entry.type in ("Location", "Country") and text[end:end + 1] == " " and text[end + 1:end + 2].isupper() \
                and text[end + 1:end + 2].isalpha() and not _starts_entry(text, end + 1, lex) \
                and surface.rsplit(" ", 1)[-1].lower() in lex.syllables \
                and not _starts_head(text, end + 1, lex) and _vietnamese(_WORD_AT.match(text[end + 1:end + 30]).group()) \
                and not _HYPHENATED_AT.match(text[end + 1:end + 30]) \
                and lex.word_class.get(_WORD_AT.match(text[end + 1:end + 30]).group().lower()) not in CLAUSE_CLASSES \
                and not (entry.type == "Country" and _foreign_name_follows(text, start, end, lex)) \
                and not (entry.type == "Country" and " " in surface and _known_body_ends_at(text, start - 1, lex)) \
                and not (entry.type == "Country" and lex.post_before is not None
                         and lex.post_before.search(text, max(0, start - 40), start)):
            continue                      # "Thái Bình Dương" (the Pacific) is not the province Thái Bình
            # (but "Chủ tịch Trung Quốc Tập Cận Bình": a post, its country, then the holder's name)
            # (but "Bộ Ngoại giao Trung Quốc Cảnh Sảng": a known body, its country, then the spokesman's name)
            # (but "Hải quân Mỹ Sam Bendett": a foreign person after the country)
        cands.append((start, end, key))
    return _leftmost_longest(cands)


def _ends_with_org_head(words: list[str], lex: Lexicon) -> bool:
    """Are the last one to three words an Organization head ("Hải quân", "Tổ chức")?"""
    return any(" ".join(words[-k:]) == " ".join(hw) for k in (1, 2, 3) if len(words) >= k
               for hw, _, _ in lex.heads_by_first.get("Organization", {}).get(words[-k], ()))


def _known_body_ends_at(text: str, end: int, lex: Lexicon) -> bool:
    """Does a gazetteer body's name end at `end` (one space before what follows)?"""
    if end <= 0 or text[end:end + 1] != " ":
        return False
    left = max(0, end - 60)
    # a body's head right before it ("Tư lệnh Hải quân Trung Quốc Thẩm Kim Long"), or a known body's name
    if _ends_with_org_head(text[left:end].split(), lex):
        return True
    return any(left + e == end and lex.entries[keys[0][0]].type == "Organization"
               for _, e, (_, keys) in lex.gazetteer_matches(text[left:end]))


def _lower_head_of_known_body(text: str, start: int, end: int, key: str, lex: Lexicon) -> bool:
    """A known body whose head the writer left in lower case, its name after it capitalised ("phối hợp
    cùng cục Cảnh sát Hình sự (Bộ Công an)"): the head is a common noun, the capitals make it the name."""
    if lex.entries[key].type != "Organization":
        return False
    words = text[start:end].split()
    before = text[:start].rstrip().rsplit(" ", 1)[-1].lower()
    # (capitals or a number after the head: "liên minh 8.7" is the known "Liên minh 8.7")
    return len(words) >= 2 and (words[1][:1].isupper() or words[-1][:1].isdigit()) and words[0].isalpha() \
        and any(_same_but_capitals(text[start:end].split()[1:], f.split()[1:], lex)
                for f in (lex.entries[key].name, *lex.entries[key].aliases)) \
        and words[0].capitalize() in lex.org_heads_by_token \
        and (f"{before} {words[0]}" not in lex.compounds    # "cán bộ Công an …" (an officer of): a word's syllable
             or lex.word_class.get(before) in CLAUSE_CLASSES | {"mixed"})   # (but "cùng cục …": "with" the department)


def _same_but_capitals(words: list[str], known: list[str], lex: Lexicon) -> bool:
    """Are the words of a name those of its known form, a lower-case word at most capitalised ("Cảnh sát
    Hình sự" for "Cảnh sát hình sự") but never into a country ("Tư Pháp" is no "Tư pháp": "Pháp" is France)?"""
    if len(words) != len(known):
        return False
    for w, k in zip(words, known):
        if w != k and not (k.islower() and w == k.capitalize()
                           and not any(lex.entries[x].type == "Country" for _, _, (_, keys) in lex.gazetteer_matches(w)
                                       for x, _ in keys)):
            return False
    return True


def _after_surname(text: str, start: int, lex: Lexicon) -> bool:
    """Is the name at `start` part of a person's name: right after a surname, or after a surname and one
    more capitalised word ("Nguyễn Hòa Bình", "Trương Hòa Bình", "Bùi Thị Nga")?"""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return False
    words = text[max(0, start - 24):start].split()
    if words and words[-1] in lex.surnames:
        return True
    return len(words) >= 2 and words[-2] in lex.surnames and words[-1][:1].isupper() and words[-1].isalpha()


_LETTERS = re.compile(r"[^\W\d_]*")


def _starts_head(text: str, pos: int, lex: Lexicon) -> bool:
    """Does an organisation head, or a surname followed by a name, start at `pos` ("… Việt Nam Đại học
    Điện lực", "… tỉnh Quảng Ninh Nguyễn Văn Đọc")? Then the place before it ends there."""
    word = _LETTERS_WORD.match(text[pos:pos + 40])
    if not word:
        return False
    w = word.group()
    if w in lex.surnames:
        return True
    return any(text.startswith(head + " ", pos) for head, _ in lex.org_heads_by_token.get(w, ()))


def _starts_entry(text: str, pos: int, lex: Lexicon) -> bool:
    return any(a == 0 for a, _, _ in lex.gazetteer_matches(text[pos:pos + 60]))


def _touches_capital(text: str, start: int, end: int) -> bool:
    """Is the word just before the name or just after it (one space between) capitalised?"""
    space = start - 1
    if text[space:start] == "\n" and space >= 1 and text[space - 1].isspace():
        space -= 1                            # as the regex "(\w+)\s$" did: "$" also before a final "\n"
    if space >= 1 and text[space].isspace() and _is_word_char(text[space - 1]):
        first = space - 1                     # back to the first letter of that word
        while first > 0 and _is_word_char(text[first - 1]):
            first -= 1
        if text[first].isupper():
            return True
    return end + 1 < len(text) and text[end].isspace() and _is_word_char(text[end + 1]) and text[end + 1].isupper()


# The vowel groups Vietnamese spelling has, tone and vowel marks stripped ("ươi" is "uoi", "uyê" "uye"):
# "Tea", "Sean", "Lee", "Kyung" hold none of them, so they are foreign names, not syllables ("ya" stays:
# the Highlands' names written in Vietnamese letters, "Ya Ly", are not foreign).
_VIET_VOWELS = ("ieu|oai|oao|oay|oeo|uay|uoi|uou|uya|uye|uyu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo"
                "|uu|uy|ya|ye|a|e|i|o|u|y")
_VIET_SYLLABLE = re.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(?:{_VIET_VOWELS})(?:ch|ng|nh|[cmnpt])?")


@lru_cache(maxsize=4096)
def _vietnamese(word: str) -> bool:
    """Could `word` be one Vietnamese syllable? Vietnamese spelling allows one vowel group between a
    few initial consonant clusters and six finals, and no f, j, w, z: "William", "Malaysia",
    "Shahidan" are foreign names; "Hùng", "Nguyễn", "Thủy" are not. (A function of the word alone,
    remembered: an article asks again for the same names, walked letter by letter here.)"""
    base = "".join(c for c in unicodedata.normalize("NFD", word.lower().replace("đ", "d")) if not unicodedata.combining(c))
    return bool(_VIET_SYLLABLE.fullmatch(base))


def _foreign_name_follows(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Is the capitalised word after a name a foreign one, with no capital before the name ("Hải quân
    Mỹ William Byrne")? Then the name is no part of a Vietnamese person's name ("Nguyễn Minh Đức")."""
    after = _ONE_OR_TWO_WORDS_AFTER.match(text[end:end + 40])
    before = _WORD_BEFORE_END.search(text[max(0, start - 30):start])
    # ("Hải quân Mỹ Sam Bendett": "Sam" could be a Vietnamese syllable, "Bendett" could not)
    second = after.group(2) if after else None
    # ("Bộ Ngoại giao Nga Ma-ri-a Gia-kha-rô-va": a name transliterated syllable by syllable, joined by
    # hyphens before a lower-case syllable, is foreign; Vietnamese names are never hyphenated, and places
    # joined by a hyphen ("Bà Rịa-Vũng Tàu") capitalise both)
    return bool(after) and after.group(1)[:1].isupper() and (
        not _vietnamese(after.group(1))
        or text[end + 1 + len(after.group(1)):end + 2 + len(after.group(1))] == "-"
        and text[end + 2 + len(after.group(1)):end + 3 + len(after.group(1))].islower()
        or bool(second) and second[:1].isupper() and len(second) > 2 and not _vietnamese(second)) \
        and not (before and before.group(1)[:1].isupper())


def _leftmost_longest(cands):
    if len(cands) < 2:
        return list(cands)                    # (most sentences name one gazetteer entry or none)
    cands = sorted(cands, key=lambda c: (c[0], -(c[1] - c[0])))
    out, pos = [], 0
    for c in cands:
        if c[0] >= pos:
            out.append(c)
            pos = c[1]
    return out


# --- head-noun patterns --------------------------------------------------------------------

def _heads_at(s: _Sent, i: int, lex: Lexicon, etype: str):
    """The longest head of `etype` at word i: (head, rule id, level, its word count), or None (none there,
    or it is the first syllable of a longer word)."""
    toks, w = s.tokens, s.tokens[i]
    heads = lex.heads_by_first.get(etype, {}).get(w, ())
    if heads and (i + 1 == len(toks) or s.gaps[i + 1] != " " or toks[i + 1] not in lex.head_seconds[etype][w]):
        heads = lex.head_singles[etype][w]   # no longer head goes on with the next word: a one-word one, if any
    for hw, rid, level in heads:
        if s.phrase_at(i, hw):
            if _head_is_part_of_a_word(s, i + len(hw), hw[-1], lex, " ".join(hw)):
                return None
            if w in lex.heads_under_posts and etype == "Organization" and i + len(hw) < len(toks) \
                    and toks[i + len(hw)] in lex.heads_under_posts[w] \
                    and any(len(p) > len(hw) and s.phrase_at(i, p) for p in lex.posts_and_titles_by_first.get(w, ())):
                return None                 # "Bộ Trưởng Bộ Nội vụ": a post written with a capital, not a body
            return " ".join(hw), rid, level, len(hw)
    return None


def _inside_document_number(text: str, a: int, b: int) -> bool:
    """Is text[a:b] part of a document's number ("Thông tư liên tịch số 01/2014/TTLT-BCA-BQP"): a
    run without spaces holding a digit and a slash? The issuers' codes in it name no body of the story."""
    if (a == 0 or text[a - 1] not in "-/") and (b >= len(text) or text[b] not in "-/"):
        return False
    lo, hi = text.rfind(" ", 0, a) + 1, text.find(" ", b)
    token = text[lo:hi if hi >= 0 else len(text)]
    return "/" in token and any(c.isdigit() for c in token)


def _head_is_part_of_a_word(s: _Sent, j: int, last: str, lex: Lexicon, head: str = "") -> bool:
    """A head noun is a word of its own, not the first syllable of a longer one: "Bộ trưởng" (minister),
    "Vụ án" (a case), "Luật sư" (a lawyer), "Trường hợp" (a case), "Hội nghị" (for an organisation
    head "Hội") are dictionary words, so no name starts there."""
    if j >= len(s.words) or s.gap(j) != " ":
        return False
    nxt = s.words[j][2]
    if "-" in nxt[1:-1]:
        nxt = nxt.split("-", 1)[0]          # "Cục trưởng-Chánh Văn phòng": two posts joined by a dash
    if not (nxt.islower() and (f"{last.lower()} {nxt}" in lex.compounds or f"{head.lower()} {nxt}" in lex.compounds)):
        return False                        # ("Chiến lược gia", a strategist: the whole head and the next syllable)
    # "Ban công tác …": "công tác" (work) is a word too, and the head reading wins over "ban công"
    after = s.words[j + 1][2] if j + 1 < len(s.words) and s.gap(j + 1) == " " else ""
    if nxt == "số" and after[:1].isdigit():
        return False                        # "Nghị định số 62/2012/NĐ-CP": "số" + a numeral numbers the
        # document (not "định số", fate)
    return not (after.islower() and f"{nxt} {after}" in lex.compounds)


def _is_stop(s: _Sent, j: int, lex: Lexicon, etype: str) -> bool:
    """Does a stop word for `etype` start at word j?"""
    w = s.words[j][2]
    if not w[0].islower() or w not in lex.stop_first_words:
        return False
    for bucket in ("*", etype):
        for sw in lex.stops_by_first.get(bucket, {}).get(w, ()):
            if s.phrase_at(j, sw, case_sensitive=False):
                # (but a title's topic may open with a verb: "Nghị quyết … về tiếp tục đổi mới …", a
                # resolution on continuing to reform)
                k = j + len(sw)
                return not (etype == "Agreement" and j > 0 and s.gap(j) == " "
                            and (s.words[j - 1][2],) in lex.topics and lex.word_class.get(" ".join(sw).lower()) == "verb"
                            and k < len(s.words) and s.gap(k) == " " and s.words[k][2].islower()
                            and lex.word_class.get(s.words[k][2]) not in CLAUSE_CLASSES)
    return False


def _comma_pair(s: _Sent, k: int) -> bool:
    """Word k is the "chống" of "phòng, chống" / "phòng ngừa, chống" (prevention and combat): the
    comma does not end a name or title ("Cục Phòng, chống ma túy", "Luật Phòng, chống mua bán người")."""
    return s.gap(k) == ", " and s.words[k][2] == "chống"


def _number_list(s: _Sent, k: int) -> bool:
    """Words k-1 and k are two numbers written with a comma and no space ("mức độ 3,4", levels 3 and 4; or a
    decimal): the comma does not end a title."""
    return s.gap(k) == "," and s.words[k - 1][2].isdigit() and s.words[k][2].isdigit()


def _extend_org(s: _Sent, j: int, lex: Lexicon, gaz: dict[int, tuple[int, int, str]], level: int = 0,
                after_post: bool = False, own_head: list[str] | None = None) -> int:
    """Word index just past an organisation's name that starts at word j (after its head).

    Vietnamese writes only the first syllable of a name's distinctive part in capitals
    ("Phòng Quản lý xuất nhập cảnh", "Tổng cục Công nghiệp Quốc phòng", "Vụ Bình đẳng giới"): the
    name runs on through lower-case syllables that complete a dictionary word begun by a capital
    ("Công nghiệp"), through nouns and adjectives after its capitalised part ("… xuất nhập cảnh"),
    and stops at a verb or a function word ("UBND TP chỉ đạo …"). A locality closes the name: the
    place comes last in a body's name ("Công an tỉnh Quảng Ninh điều tra …": the police investigate)."""
    n = len(s.words)
    end = j
    saw_cap = False
    k = j
    gaps = s.gaps
    while k < n:
        if k > j and gaps[k] == ", " and _lists_fields(level, own_head, lex) \
                and (e := _lower_fields_end(s, j, k, lex, gaz)):
            k = end = e                     # "Cục Quốc tịch, hộ tịch và chứng thực": fields in lower case
            saw_cap = True
            break
        if k > j and s.gap(k) != " " and not (s.gap(k).strip() in ("-", "–") and _cap(s.words[k][2])
                                               and not _heads_at(s, k, lex, "Organization")
                                               and not _byline_at(s, k)) \
                and not _comma_pair(s, k) and not (_lists_fields(level, own_head, lex) and _fields_listed(s, k, lex, gaz)) \
                and not _ampersand_joins(s, k, lex) and not _dash_joins_compound(s, k, lex, gaz) \
                and not _dash_joins_services(s, k, lex):
            break
        w = s.words[k][2]
        g = gaz.get(s.words[k][0])
        if k > j and gaps[k] == " " and w in lex.titles_by_first and (t := next(
                (t for t in lex.titles_by_first[w] if len(t) >= 2 and s.phrase_at(k, t)), None)) is not None \
                and k + len(t) < n and gaps[k + len(t)] == " " and _cap(s.words[k + len(t)][2]) \
                and not _heads_at(s, k + len(t), lex, "Organization"):
            break                           # "Tổng tư lệnh Quân đội Hoàng gia Thống tướng Pol Saroeun": a rank and
            # a name after the body are its head's (but "Văn phòng Chủ tịch nước": a title inside a body's name)
        if k > j and s.gap(k).strip() in ("-", "–") and (
                (g is not None and lex.entries[g[2]].type == "Organization")
                or any(s.phrase_at(k, t) for t in lex.titles_by_first.get(w, ()))
                or _post_at(s, k, lex)):
            break                           # "Tổng cục VIII-Bộ Công an", "Tổng cục Thủy lợi-Ủy viên …": two things
        if k > j and len(w) == 1 and w.isupper() and w not in "YÝIVX" and w.isalpha():
            break                           # "Đội T B T B", "Đội Việt Nam C": a table's letters, a team's letter
        if k > j and own_head and s.phrase_at(k, own_head):
            break                           # "Đại học Nội vụ Đại học Tài nguyên …": a list written without commas
        if k > j and level >= 3 and _cap(w) and (sib := _heads_at(s, k, lex, "Organization")) and sib[2] == level \
                and s.gap(k) == " " and k + sib[3] < n and s.gap(k + sib[3]) == " " and _cap(s.words[k + sib[3]][2]):
            break                           # "Đại học Lâm nghiệp Học viện Nông nghiệp …": a sibling of the same rank
            # with a name of its own (but "Vụ Giáo dục Đại học (…)": higher education, the department's subject)
        if (k > j or own_head and len(own_head) >= 2 and own_head[0].islower() and any(_cap(x) for x in own_head[1:])) \
                and level >= 3 \
                and not (k - j in (1, 2) and g is None and _capital_verb_before(s, k, j, lex, True)) \
                and _parent_starts(s, k, lex, g, level):
            # (but "Trung tâm Phát triển Quỹ Đất": a body named by a verb alone takes its object, even one with a
            # head; "Phòng Quản lý Đào tạo Trường …" has its object, then its parent)
            # (a head that is a whole unit's name, "cơ quan CSĐT", may be followed by its parent at once)
            saw_cap = True                  # ("Phòng nghiệp vụ Công an tỉnh …": a unit named in lower case, then its parent)
            break                           # "Phòng Quản lý xuất nhập cảnh Công an tỉnh Lào Cai": the unit, then its parent
        if g is not None:
            etype = lex.entries[g[2]].type
            if etype == "Country":
                if (pair := _party_pair_at(s, k, lex, gaz, acronyms=k == j)) > k and (j == 0 or s.words[j - 1][0] not in gaz) \
                        and (k > j or s.words[pair - 1][2].rsplit("-", 1)[-1].isupper()):
                    end = pair              # "Phòng Thương mại Hà Lan – Việt Nam", "Hội đồng Nga - NATO": a joint
                    saw_cap = True          # body of two sides (a known body's country is its own: "Bộ Quốc phòng
                    break                   # Việt Nam - Lào" names two ministries)
                if k > j and own_head and " ".join(own_head) in lex.firm_heads:
                    saw_cap = True          # "Tập đoàn đóng tàu Hà Lan": a firm named by its trade, then its nationality
                elif k > j and _field_before_foreign_country(s, j, lex) == k - j:
                    saw_cap = True          # "Bộ an ninh nội địa Mỹ": a foreign body's field in lower case, its country
                break                       # a country after a name qualifies it; handled later
            # consume the whole gazetteer span (a location or a parent body inside the name)
            kk = k
            while kk < n and s.words[kk][1] <= g[1]:
                kk += 1
            if kk < n and s.words[kk][0] < g[1] and s.text[g[1]:g[1] + 1] == "-" and s.text[g[1] + 1:g[1] + 2].isupper():
                kk += 1                     # ("Hà Nội-Amsterdam": the name ends inside the hyphenated word "Nội-Amsterdam")
            # a gazetteer name may end inside a hyphenated word ("ASEAN" in "ASEAN-Hàn Quốc"):
            # the word is still consumed, so the loop always advances
            k = end = max(kk, k + 1)
            saw_cap = True
            if etype == "Location" and own_head and " ".join(own_head) in lex.firm_heads and k < n \
                    and s.gap(k) == " " and _cap(s.words[k][2]) and not _vietnamese(s.words[k][2]) \
                    and s.words[k][0] not in gaz and not _heads_at(s, k, lex, "Organization"):
                continue                    # "Công ty An Giang Samho": a firm's name with a place in it, then a foreign word
            if etype == "Location":
                break                       # "Công an tỉnh Lào Cai": the locality ends the name
            continue
        inner = _heads_at(s, k, lex, "Organization") if k == j and _cap(w) else None
        if inner and level >= 3 and k + inner[3] < n and s.gap(k + inner[3]) == " " \
                and s.words[k + inner[3]][2][:1].islower() and not any(_cap(x) for x in inner[0].split()[1:]):
            inner = None                    # "Phòng Cảnh sát hình sự Công an tỉnh X": "Cảnh sát hình sự" (criminal
            # police) is the unit's subject, not a body's name; the unit's parent may still follow (but a head
            # with a capital of its own is a body's: "Văn phòng Ban Chỉ huy phòng chống thiên tai …")
        if inner and level >= 3 and _sibling_parent_follows(s, k + inner[3], inner[2], lex, gaz, level):
            inner = None                    # "Đội Cảnh sát Hình sự Công an quận X": the field written in capitals;
            # a body of the inner head's own rank after it ("Công an", as "Cảnh sát") cannot be inside its
            # name, so it is the unit's parent (but "Văn phòng Cơ quan Thường trực Ban Chỉ đạo …": a higher body)
        if inner:                           # "Văn phòng Cơ quan Thường trực Ban Chỉ đạo 138/CP": the office
            k = end = k + inner[3]          # of a body whose own head opens the name
            saw_cap = True
            level = 0                       # the body's full name follows, its parent included
            own_head = inner[0].split()
            continue
        if w == "và" and k + 1 < n and _cap(s.words[k + 1][2]) and not _heads_at(s, k + 1, lex, "Organization") \
                and s.words[k + 1][0] not in gaz and not _post_at(s, k + 1, lex) and _vietnamese(s.words[k + 1][2]) \
                and _vietnamese(s.words[k - 1][2]):
            k += 1                          # "… Thương binh và Xã hội": "và" joins two words of one name
            continue                        # (the name ends after the word it joins, never on "và")
        if w == "và" and k > j and k + 1 < n and s.gap(k + 1) == " " and _short_acronym(s.words[k - 1][2]) \
                and _short_acronym(s.words[k + 1][2]) and not _heads_at(s, k + 1, lex, "Organization") \
                and s.words[k + 1][0] not in gaz:
            k = end = k + 2                 # "Sở TN và MT": "và" joins two abbreviated words of one name
            continue
        if w == "và" and k > j and s.words[k - 1][2].islower() and saw_cap and k + 1 < n and s.gap(k + 1) == " " \
                and s.words[k + 1][2].islower():
            run = _lower_run(s, k + 1, lex, False, j)
            after = k + 1 + run
            while run and after < n and s.gap(after) == " " and s.words[after][2].islower() \
                    and not _is_stop(s, after, lex, "Organization"):
                more = _lower_run(s, after, lex, False, j)      # "… Đổi mới và phát triển doanh nghiệp"
                if not more:
                    break
                after += more
            if run and (after >= n or s.gap(after).strip() in (",", ";", ".", ")", "(") or _is_stop(s, after, lex, "Organization")
                        or s.words[after][2] == "số" or _heads_at(s, after, lex, "Organization")
                        or (s.gap(after) == " " and len(s.words[after][2]) > 1 and s.words[after][2].isupper())
                        or (s.gap(after) == " " and (ga := gaz.get(s.words[after][0])) is not None
                            and lex.entries[ga[2]].type == "Location")):
                k = end = after             # "Đội Đặc nhiệm phòng chống ma túy và tội phạm, …": two nouns of one name
                # (or before the acronym that closes it: "Cục Quản lý nhà và thị trường BĐS")
                # (or before its place: "Ban Chỉ huy phòng chống lụt bão và tìm kiếm cứu nạn Quảng Ninh")
                continue
        if k > j and saw_cap and s.phrase_at(k, ["và", "các"]) and k + 2 < n and s.gap(k + 2) == " " \
                and _cap(s.words[k + 2][2]) and not s.words[k + 2][2].isupper() \
                and any(x < n and s.gap(x) == " " and _cap(s.words[x][2]) for x in (k + 3, k + 4)) \
                and not _heads_at(s, k + 2, lex, "Organization") and s.words[k + 2][0] not in gaz \
                and not _post_at(s, k + 2, lex) and (s.words[k - 1][2][:1].isupper() or (
                    k - 2 >= j and s.words[k - 2][2][:1].isupper()
                    and f"{s.words[k - 2][2].lower()} {s.words[k - 1][2]}" in lex.compounds)):
            k += 2                          # "Nhóm Chuyên gia và các Nhân vật Nổi tiếng": one name, in capitals
            continue                        # (but "Bộ Công an và các Bộ, ngành": a body, then others)
        if k > j and w.islower() and s.gap(k) == " " and _cap(s.words[k - 1][2]) and not s.words[k - 1][2].isupper() \
                and k + 1 < n and s.gap(k + 1) == " " and s.words[k + 1][2].islower() \
                and f"{s.words[k - 1][2].lower()} {w} {s.words[k + 1][2]}" in lex.compounds:
            k = end = k + 2                 # "Tổng Công ty Dầu và Cây" + "có dầu": the rest of a three-syllable word
            continue                        # begun by a capital, a stop word ("có", has) inside it
        if k > j and w.islower() and s.gap(k) == " " and _cap(s.words[k - 1][2]) and not s.words[k - 1][2].isupper() \
                and f"{s.words[k - 1][2].lower()} {w}" in lex.compounds and _is_stop(s, k, lex, "Organization") \
                and not (k - 2 >= j and s.gap(k - 1) == " " and _cap(s.words[k - 2][2])
                         and f"{s.words[k - 2][2].lower()} {s.words[k - 1][2].lower()}" in lex.compounds):
            k = end = k + 1                 # "Đảng Tự do", "Quỹ Tự do": a stop word ("do", by) that completes the
            continue                        # word a capital began ("tự do", free)
        if _is_stop(s, k, lex, "Organization"):
            break
        # a body every province has is named by its place, never after a person: "Tỉnh ủy Hoàng Quốc Khánh"
        # is the committee, then its member (but "Tỉnh ủy Hà Giang": a place the gazetteer knows)
        provincial = k == j and own_head is not None and w in lex.surnames \
            and (g is None or lex.entries[g[2]].type != "Location") \
            and " ".join(own_head) in lex.provincial_words
        if (k > j or ((after_post or provincial) and (not _vietnamese(w) or w in lex.surnames))) \
                and _person_starts(s, k, lex, after_post or provincial):
            saw_cap = saw_cap or after_post  # "Chánh án Tòa liên bang Raus bin Sharif": the body, then its head
            break                           # "… Cục Cảnh sát hình sự Nguyễn Văn A": the name is a person's
        if w[:1].isupper() and not w.isupper() and (
                lex.word_class.get(w.lower()) in CLAUSE_CLASSES or _is_stop_word(w.lower(), lex)) \
                and not (k + 1 < n and s.gap(k + 1) == " "
                         and lex.word_class.get(f"{w.lower()} {s.words[k + 1][2].lower()}") in NAME_CLASSES) \
                and not (k > j and s.gap(k) == " " and _cap(s.words[k - 1][2]) and not s.words[k - 1][2].isupper()
                         and lex.word_class.get(f"{s.words[k - 1][2].lower()} {w.lower()}") in NAME_CLASSES) \
                and (k > j or (k + 1 < n and s.words[k + 1][2].islower()
                               and _word_class_at(s, k, lex) in ("preposition", "adverb"))):
            break                           # "Bộ GTVT Theo thông tin …": a capitalised preposition opens a new sentence
            # (also right after the head: "diễn viên Quốc Trường Trước đó, …" names no school; but a capital that
            # completes the word the capital before it began is the name's: "Trường Đại học Kinh tế - Tài Chính")
        if k > j + 1 and saw_cap and w[:1].isupper() and not w.isupper() and s.gap(k) == " " \
                and s.words[k - 1][2] not in lex.and_words and _word_class_at(s, k, lex) in ("verb", "mixed") \
                and k + (size := _word_size_at(s, k, lex)) < n and size > 1 and s.gap(k + size) == " " \
                and s.words[k + size][2].islower() and lex.word_class.get(s.words[k + size][2]) == "preposition":
            break                           # "Đại học Ngoại thương Căn cứ vào …", "… Kinh tế Quốc dân Nhận định về …": a
            # heading's name, then the next sentence's verb and its preposition
        if k > j and w[:1].isupper() and not w.isupper() and k + 1 < n and s.gap(k + 1) == " " \
                and s.words[k + 1][2].islower() and lex.word_class.get(f"{w.lower()} {s.words[k + 1][2]}") in CLAUSE_CLASSES:
            break                           # "… Cục chống tham nhũng Bên cạnh đó, …": a capitalised adverb of two syllables
        if _heads_at(s, k, lex, "Location") and (not _cap(w) or w.isupper()):
            loc = _heads_at(s, k, lex, "Location")
            kk = k + loc[3]
            known = gaz.get(s.words[kk][0]) if kk < n else None
            if known is not None and lex.entries[known[2]].type == "Location":
                while kk < n and s.words[kk][1] <= known[1]:
                    kk += 1                 # "tỉnh Thừa Thiên – Huế": a known place, dash and all
            dotted = kk == k + loc[3] and kk + 1 < n and w.isupper() and s.gap(kk) in (".", ". ") \
                and s.gap(kk + 1) == " " and _cap(s.words[kk + 1][2]) and not s.words[kk + 1][2].isupper()
            if kk == k + loc[3] and kk < n and s.gap(kk) == " " and s.words[kk][2].isdigit() and len(s.words[kk][2]) <= 2 \
                    and (kk + 1 >= n or s.gap(kk + 1) != " " or not s.words[kk + 1][2][:1].isalnum()
                         or _name_ends_at(s, kk + 1, lex)):
                kk += 1                     # "Tòa án nhân dân quận 1", "Công an quận 3 đã …": a numbered district
            while kk < n and (s.gap(kk) == " " or dotted) and (
                    s.words[kk][2][:1].isupper() and not s.words[kk][2].isupper()
                    and (dotted or not _person_starts(s, kk, lex, True) or kk == k + loc[3] and _capitals_run(s, kk) == 2)
                    or not dotted and kk > k + loc[3] and _completes_word(s, kk, lex) and s.words[kk - 1][2][:1].isupper()
                    and not _is_stop(s, kk, lex, "Organization")):   # ("Móng Cái" + "đã" is no word "cái đã")
                kk += 1                     # ("TX. Long Khánh": an abbreviated locality word, its dot, the place;
                dotted = False              # "cửa khẩu Quốc tế Lào Cai": "tế" completes "Quốc tế")
            if kk > k + loc[3]:             # "UBND quận Tân Bình chủ động …": the locality closes the name
                end = kk
                saw_cap = True
                break
        if k > j and w == "số" and k + 1 < n and s.gap(k + 1) == " " and _NUMBER.fullmatch(s.words[k + 1][2]):
            k = end = k + 2                 # "Đội Quản lý thị trường số 9": the number tells the unit
            saw_cap = True
            continue
        if k > j and w in lex.region_words_by_first and (rw := next((len(r) for r in lex.region_words_by_first[w]
                                                                   if s.phrase_at(k, r)), 0)) \
                and k + rw < n and s.gap(k + rw) == " " and _REGION_NUMBER.fullmatch(s.words[k + rw][2]):
            end = k + rw + 1                # "Chi cục Kiểm dịch thực vật vùng VII", "Công ty Dịch vụ MobiFone khu vực I":
            saw_cap = True                  # the unit of a numbered region (cues.tsv region), one of several; the
            break                           # number closes the name
        if k > j and _NUMBER.fullmatch(w) and w.isdigit() and len(w) <= 3 and (
                _cap(s.words[k - 1][2]) or (k - 2 >= j - 1 and _cap(s.words[k - 2][2])
                                            and f"{s.words[k - 2][2].lower()} {s.words[k - 1][2]}" in lex.compounds)
                or (saw_cap and s.gap(k) == " " and _name_ends_at(s, k + 1, lex))) \
                and (k + 1 >= n or s.gap(k + 1).strip() in (",", ".", ";", ")", "(") or _is_stop(s, k + 1, lex, "Organization")
                     or (not _cap(s.words[k - 1][2]) and _name_ends_at(s, k + 1, lex))
                     or (s.gap(k + 1) == " " and (gl := gaz.get(s.words[k + 1][0])) is not None
                         and lex.entries[gl[2]].type == "Location")):
            # ("Trung tâm Cấp cứu 115 Hà Nội": the number, then the place that closes the name)
            k = end = k + 1                 # "Bộ Tư lệnh Quân khu 4, …", "Tổng cục 2;", "Trường Sĩ quan lục quân 2 lấy
            # …": a numbered unit (after its name's lower-case words, where the name visibly ends)
            saw_cap = True
            continue
        if _NUMBER.fullmatch(w) and (k == j or s.words[k - 1][2].isupper() or s.words[k - 1][2] == "số") \
                and not (k == j and len(w) == 4 and w[:2] in ("19", "20") and w.isdigit()) \
                and not (k == j and k + 1 < n and s.gap(k + 1) == " " and s.words[k + 1][2].islower()
                         and not (_word_class_at(s, k + 1, lex) == "verb" or _is_stop(s, k + 1, lex, "Organization"))):
            # (but "Tổ chức 04 lớp tập huấn" counts classes: a verb, then a number and its noun; a year right after
            # the head dates it, "Đại học 2017" is the year's university admissions, no body)
            k = end = k + 1                 # "Phòng PC 45", "Cụm trinh sát số 1", "Liên minh 8.7": a number names it
            saw_cap = True
            continue
        if _cap(w):
            saw_cap = True
        elif k > j and s.words[k - 1][2].isupper() and len(s.words[k - 1][2]) > 1 \
                and not (w == "số" and k + 1 < n and _NUMBER.fullmatch(s.words[k + 1][2])) \
                and not _subject_follows(s, k, lex) and not _nouns_before_place(s, k, lex, gaz) \
                and not _scope_after_acronym(s, k, lex):
            break                           # an acronym closes a name: "UBND TP chỉ đạo …" (directs), not "Đội X số 1"
            # nor "Cục THA dân sự TP.HCM" (civil judgment enforcement): nouns, then the body's place
        else:
            run = _lower_run(s, k, lex, k == j, j)
            if not run:
                break
            k = end = k + run
            continue
        k += 1
        end = k
    if not saw_cap and end > j and (end >= n or s.gap(end).strip()[:1] == ";") and j > 0 \
            and ";" in s.text[s.words[j][0]:] + s.gap(j - 1) and _colon_list_before(s, j, lex):
        saw_cap = True                      # "… trực thuộc gồm: …; Trung tâm thông tin; Trung tâm huấn luyện; …": a
        # unit named in lower case, one item of a list of units that a colon opens and semicolons separate
    # drop trailing lower-case words that only a later capital would have justified
    while end > j and not _cap(s.words[end - 1][2]) and not saw_cap:
        end -= 1
    return end if saw_cap else j


def _scope_after_acronym(s: _Sent, k: int, lex: Lexicon) -> bool:
    """After an acronym, does a word of a body's reach (cues.tsv scope) end the name ("Hội đồng HLV quốc gia
    tại …": the national coaches' council)? A verb ("UBND TP chỉ đạo") or more words after it are the clause."""
    if k + 2 > len(s.words) or s.gap(k + 1) != " " or not s.words[k + 1][2].islower():
        return False
    return f"{s.words[k][2]} {s.words[k + 1][2]}" in lex.scope_words and _name_ends_at(s, k + 2, lex) \
        and not _heads_at(s, k + 2, lex, "Organization")


def _ampersand_joins(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does "&" join two capitalised words of one name before word k ("Quỹ Bill & Melinda Gates", "Trường ĐH
    Công nghệ & Kinh doanh": after a capital, or a word one began)?"""
    return s.gap(k) == " & " and _cap(s.words[k][2]) and not _heads_at(s, k, lex, "Organization") \
        and (_cap(s.words[k - 1][2]) or k > 1 and _cap(s.words[k - 2][2]) and _completes_word(s, k - 1, lex))


def _dash_joins_compound(s: _Sent, k: int, lex: Lexicon, gaz) -> bool:
    """Does a dash before word k join a capitalised word of a name to a lower-case dictionary noun of
    the same name, which then runs on to its country ("Tập đoàn Công nghiệp Than - khoáng sản Việt Nam":
    coal and minerals)? An apposition after a dash ("Bộ Công an - cơ quan thường trực …") has no country."""
    if s.gap(k).strip() not in ("-", "–") or not s.words[k][2].islower():
        return False
    if not _cap(s.words[k - 1][2]) and not (k > 1 and _cap(s.words[k - 2][2]) and _completes_word(s, k - 1, lex)):
        return False                        # (after a capital, or a word one began: "Hóa chất")
    size = _word_size_at(s, k, lex)
    if size < 2 or _word_class_at(s, k, lex) not in (None, "noun"):
        return False
    after = k + size
    g = gaz.get(s.words[after][0]) if after < len(s.words) and s.gap(after) == " " else None
    return g is not None and lex.entries[g[2]].type in ("Country", "Location")


def _dash_joins_services(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does a dash before word k join two armed services into one (cues.tsv partOf/service: "Quân chủng
    Phòng không - Không quân", the air defence and air force service)?"""
    if s.gap(k).strip() not in ("-", "–") or k < 2:
        return False
    before = f"{s.words[k - 2][2]} {s.words[k - 1][2]}"
    return before in lex.service_words and any(s.phrase_at(k, w.split()) for w in lex.service_words)


NAME_CLASSES = frozenset({"noun", "adjective"})
NAME_PARTICLES = frozenset({"bin", "binti", "van", "von", "de", "da", "al", "el", "bte"})
CLAUSE_CLASSES = frozenset({"preposition", "conjunction", "adverb", "pronoun", "determiner", "particle"})
_CLAUSE_OR_VERB = CLAUSE_CLASSES | {"verb"}


def _nouns_before_place(s: _Sent, k: int, lex: Lexicon, gaz) -> bool:
    """From word k, do one or two dictionary nouns run up to a known place ("THA dân sự TP.HCM")?"""
    n = len(s.words)
    x = k
    while x < n and x - k < 5 and s.gap(x) == " ":
        g = gaz.get(s.words[x][0])
        if g is not None or _heads_at(s, x, lex, "Location"):
            return x > k and (g is None or lex.entries[g[2]].type == "Location")
        size = _word_size_at(s, x, lex)
        if not s.words[x][2].islower() or size < 2 \
                or lex.word_class.get(" ".join(s.words[x + i][2] for i in range(size))) != "noun":
            return False
        x += size
    return False


def _lists_fields(level: int, own_head: list[str] | None, lex: Lexicon) -> bool:
    """May a body of this head be named by a list of fields ("Bộ Văn hóa, Thể thao và Du lịch", "Cục Rượu,
    Thuốc lá, Súng đạn và Chất nổ")? A ministry, or an agency up to a department's rank (heads.tsv level 1-3);
    but after a head said once for many bodies (cues.tsv distribute: "Sở Tư pháp, Nội vụ và Y tế" are three
    departments) only a ministry, whose fields the gazetteer knows."""
    if level == 1:
        return True
    return 2 <= level <= 3 and not (own_head and " ".join(own_head) in _glue_words(lex, "distribute"))


def _glue_words(lex: Lexicon, relation: str) -> frozenset[str]:
    return frozenset(cue for cue, _, _ in lex.cues.get(relation, ()))


def _lower_fields_end(s: _Sent, j: int, k: int, lex: Lexicon, gaz) -> int:
    """After a body's capitalised field, does ", " open more fields written in lower case, closed by "và" and
    ending the name ("Cục Quốc tịch, hộ tịch và chứng thực cho biết …")? Each field a noun of up to three
    syllables (no head, no known name, no function word); after the last, the name ends: punctuation, a
    verb or a function word. The word index after the last field, else 0."""
    n = len(s.words)
    if s.gap(k) != ", " or k - 1 < j or not any(_cap(s.words[x][2]) for x in range(max(j, k - 3), k)):
        return 0
    x, saw_and = k, False
    while x < n:
        size = _word_size_at(s, x, lex)
        words = [s.words[x + i][2] for i in range(size)]
        phrase = " ".join(words).lower()
        if not all(w.isalpha() and w.islower() for w in words) or s.words[x][0] in gaz \
                or _heads_at(s, x, lex, "Organization") or _is_stop(s, x, lex, "Organization") \
                or lex.word_class.get(phrase) not in (None, "noun") or (size == 1 and lex.word_class.get(phrase) is None):
            return 0
        x += size
        if saw_and:
            ends = x >= n or s.gap(x).strip() in (",", ".", ";", ":", ")", "(") or _is_stop(s, x, lex, "Organization") \
                or _word_class_at(s, x, lex) in _CLAUSE_OR_VERB or s.words[x][2] in lex.surnames   # (the head's holder)
            return x if ends else 0
        if x < n and s.gap(x) == " " and s.words[x][2] in lex.and_words:
            saw_and = True
            x += 1
            if x >= n or s.gap(x) != " ":
                return 0
        elif not (x < n and s.gap(x) == ", " and x - k < 10):
            return 0
    return 0


def _fields_listed(s: _Sent, k: int, lex: Lexicon, gaz) -> bool:
    """After a ministry's first field, does ", " open the rest of a list of fields closed by "và" ("Bộ Chính
    sách, Xã hội và Việc làm Hà Lan", like "Bộ Văn hóa, Thể thao và Du lịch")? Capitalised words (and the
    syllables that complete them), no head, no known name, and "và" with a capitalised word within four words."""
    n = len(s.words)
    if s.gap(k) != ", ":
        return False
    x = k
    item = k                                # where the field being read starts
    while x < n and x - item < 4 and x - k < 12 and (x == item or s.gap(x) == " " or (s.gap(x) == ", " and x > item)):
        if x > item and s.gap(x) == ", ":
            item = x                        # "Cục Rượu, Thuốc lá, Súng đạn và Chất nổ": more fields, comma by comma
        w = s.words[x][2]
        if w in lex.and_words:
            return x > k and x + 1 < n and s.gap(x + 1) == " " and _cap(s.words[x + 1][2]) \
                and not _heads_at(s, x + 1, lex, "Organization") and s.words[x + 1][0] not in gaz
        if x > k and w.islower() and f"{s.words[x - 1][2].lower()} {w}" in lex.compounds:
            x += 1                          # "Xã" + "hội": a field written with its first capital only
            continue
        if not _cap(w) or w.isupper() or s.words[x][0] in gaz or _heads_at(s, x, lex, "Organization"):
            return False
        x += 1
    return False


def _after_cue(s: _Sent, k: int, cues: frozenset[str]) -> bool:
    """Does one of `cues` end right before word k (as whole words)?"""
    before = s.text[max(0, s.words[k][0] - 30):s.words[k][0]].rstrip()
    return any(before.endswith(c) and (len(before) == len(c) or not _is_word_char(before[-len(c) - 1])) for c in cues)


def _subject_follows(s: _Sent, k: int, lex: Lexicon) -> bool:
    """After an acronym, does a noun and a "về" phrase follow ("Đội CSĐT tội phạm về ma túy": the police
    squad (CSĐT) for drug crime)? Then the noun is the unit's subject, not the clause."""
    for size in (2, 1):
        q = k + size
        if q < len(s.words) and s.words[q][2] == "về" and all(s.gap(k + i) == " " for i in range(1, size + 1)):
            phrase = " ".join(s.words[k + i][2] for i in range(size))
            return phrase.islower() and lex.word_class.get(phrase) == "noun"
    return False


def _country_or_region_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does a country's or a continent's name start at word k ("Hà Lan", "châu Âu")?"""
    text = s.text[s.words[k][0]:s.words[k][0] + 40]
    return any(a == 0 and (lex.entries[keys[0][0]].type == "Country"
                           or dict(lex.entries[keys[0][0]].attrs).get("kind") == "region")
               for a, e, (_, keys) in lex.gazetteer_matches(text))


def _place_entry_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does a gazetteer place's name (a province or a city, written bare) start at word k ("Sài Gòn")?"""
    text = s.text[s.words[k][0]:s.words[k][0] + 40]
    return any(a == 0 and lex.entries[keys[0][0]].type == "Location" for a, e, (_, keys) in lex.gazetteer_matches(text))


def _region_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does a region's name (gazetteer kind region: "Châu Á", "Đông Nam Á") start at word k?"""
    text = s.text[s.words[k][0]:s.words[k][0] + 40]
    return any(a == 0 and dict(lex.entries[keys[0][0]].attrs).get("kind") == "region"
               for a, e, (_, keys) in lex.gazetteer_matches(text))


def _byline_at(s: _Sent, k: int) -> bool:
    """Is word k, after a dash, a reporter's byline ("… Môi trường - PV", "- TTXVN" at a caption's end):
    a short acronym that ends the sentence or a clause?"""
    w = s.words[k][2]
    return w.isupper() and len(w) <= 5 and (k + 1 >= len(s.words) or s.gap(k + 1).strip()[:1] in (",", ".", ")", ";", ":"))


def _initial_at(s: _Sent, k: int) -> bool:
    """Is word k an initial with its dot ("H." in "trường CĐ H."), the way the press hides a name? Roman
    numerals ("Quân khu V.") are numbers."""
    w = s.words[k][2]
    return len(w) == 1 and w.isupper() and w.isalpha() and w not in "IVX" \
        and s.text[s.words[k][1]:s.words[k][1] + 1] == "."


def _short_acronym(word: str) -> bool:
    """An abbreviated word of a name: two to four capitals ("TN", "MT", "KH", "ĐT")."""
    return 2 <= len(word) <= 4 and word.isalpha() and word.isupper()


def _is_stop_word(word: str, lex: Lexicon) -> bool:
    return word in lex.stopwords.get("*", ()) or word in lex.stopwords.get("Organization", ())


def _parent_starts(s: _Sent, k: int, lex: Lexicon, g, level: int) -> bool:
    """Does the name of a higher-ranked body start at word k, inside a unit's name? Vietnamese names a
    unit, then the body it belongs to, often without a comma ("Phòng Cảnh sát hình sự Công an tỉnh Lào
    Cai", "Cục Đối ngoại Bộ Công an"): a capitalised head of a lower level, or a known body whose own
    name opens with such a head."""
    w = s.words[k][2]
    if not w[:1].isupper():
        return False
    h = _heads_at(s, k, lex, "Organization")
    if h and 0 < h[2] < level and k > 0 and not s.words[k - 1][2][:1].isdigit() \
            and h[0] in lex.service_words:
        return False                        # "Trường Sĩ quan Không quân": the service is the school's field
    if h and 0 < h[2] < level and (k + h[3] >= len(s.words) or s.gap(k + h[3]) != " "
                                   or not s.words[k + h[3]][2][:1].isupper()) \
            and h[0] in lex.provincial_words:
        return False                        # "Ban Thường vụ Tỉnh ủy,": a body every province has, named bare, is
        # the rest of the unit's name (the article's province's: ownerless.provincial_bodies)
    if h and 0 < h[2] < level:
        # "… Nông lâm Nam Bộ": a head that completes a word with the capital before it is that word's
        return not (k > 0 and s.gap(k) == " " and h[3] == 1 and s.words[k - 1][2][:1].isupper()
                    and f"{s.words[k - 1][2].lower()} {w.lower()}" in lex.compounds)
    if g is not None and lex.entries[g[2]].type == "Organization":
        name = s.text[g[0]:g[1]]             # as written here: "Bộ Công an" opens with a head, "COMMIT" does not
        first = name.split(" ", 1)[0]
        return any(name.startswith(head + " ") and 0 < lv < level for head, lv in lex.org_heads_by_token.get(first, ()))
    return False


def _bare_locality_at(s: _Sent, j: int, lex: Lexicon) -> int:
    """Words of a locality word at word j ("tỉnh", "thành phố") that no place name follows: the level of a
    body's locality, not which one ("Công an tỉnh đã …"); 0 when there is none."""
    w = s.words[j][2]
    if w[:1].isupper() and w != "TP":
        return 0
    n = len(s.words)
    for hw, _, _ in lex.heads_by_first.get("Location", {}).get(w, ()):
        size = len(hw)
        if s.phrase_at(j, list(hw)) and (j + size >= n or s.gap(j + size) != " "
                                         or not (_cap(s.words[j + size][2]) or s.words[j + size][2][:1].isdigit())):
            return size
    return 0


def _sibling_parent_follows(s: _Sent, k: int, rank: int, lex: Lexicon, gaz, level: int) -> bool:
    """After an inner head at a unit's start, do a few capitalised words lead to a parent head of that
    inner head's own rank? ("Đội Cảnh sát Hình sự Công an quận Cẩm Lệ": "Công an", as "Cảnh sát")"""
    n = len(s.words)
    if k >= n or not _cap(s.words[k][2]):
        return False
    for x in range(k, min(k + 4, n)):
        if s.gap(x) != " ":
            return False
        h = _cap(s.words[x][2]) and _heads_at(s, x, lex, "Organization")
        if h:
            return h[2] == rank and _parent_starts(s, x, lex, gaz.get(s.words[x][0]), level)
    return False


_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_ROMANISED_NAME = re.compile(r"[A-Z][a-z]*-[a-z]+")   # "Ki-moon", "Jae-in": Korean given names, plain Latin letters
_ACRONYM_AHEAD = re.compile(r"[^,;:()“”\"]{1,90}? \([A-ZĐ][A-ZĐ0-9&+-]{1,11}\)")


_OWN_ACRONYM = re.compile(r" \([A-Z][A-Z0-9]{1,7}\)")


def _up_to_own_acronym(s: _Sent, end: int, lex: Lexicon) -> int:
    """A name cut at lower-case words that its acronym in parentheses closes a few words on ("Tổ chức Các
    nước xuất khẩu dầu mỏ (OPEC)"): the words between are the rest of the name. Up to six plain lower-case
    words, no stop word, no place; the body's country may stand before the acronym."""
    n, k = len(s.words), end
    # ("Cục Cảnh sát điều tra tội phạm về kinh tế và tham nhũng (C46)": "về" and "và" inside, the
    # acronym a letter and a number)
    while k < n and k - end < 8 and s.gap(k) == " " and s.words[k][2].isalpha() and s.words[k][2].islower() \
            and (not _is_stop(s, k, lex, "Organization") or s.words[k][2] in lex.acronym_glue) \
            and not _heads_at(s, k, lex, "Location"):
        k += 1
    if end < k < n and s.gap(k) == " " and s.words[k][2][:1].isupper():
        # "Cục Quản lý thực phẩm và dược phẩm Mỹ (FDA)": the body's country between its words and its acronym
        at = s.words[k][0]
        if any(a == 0 and lex.entries[keys[0][0]].type == "Country" and _OWN_ACRONYM.match(s.text, at + e)
               for a, e, (_, keys) in lex.gazetteer_matches(s.text[at:at + 40])):
            return k
    acronym = s.words[k][2] if k < n else ""
    if end < k and s.gap(k) == " (" and acronym.isalnum() and acronym[:1].isalpha() and acronym.isupper() \
            and 2 <= len(acronym) <= 8 and s.text.startswith(")", s.words[k][1]) \
            and s.words[k - 1][2] not in lex.acronym_glue:
        return k
    return end



def _proper_name_follows(s: _Sent, j: int, lex: Lexicon) -> bool:
    """After a lower-case head, does a proper name follow, directly or after one trade word ("tập đoàn
    truyền thông Nikkei")? A capitalised word that is not a function word, an acronym, or a foreign word."""
    for k in (j, j + 1, j + 2):
        if k >= len(s.words) or s.gap(k) != " ":
            return False
        w = s.words[k][2]
        if w[:1].isupper():
            # "công ty Thổ Nhĩ Kỳ", "tập đoàn Hà Lan": a nationality, not a name
            country = any(a == 0 and lex.entries[keys[0][0]].type == "Country"
                          for a, e, (_, keys) in lex.gazetteer_matches(s.text[s.words[k][0]:s.words[k][0] + 40]))
            return not country and lex.word_class.get(w.lower()) not in CLAUSE_CLASSES and not any(
                s.phrase_at(k, t) for t in lex.titles_by_first.get(w, ()))
        if k == j + 2 or not (w.islower() and f"{w} {s.words[k + 1][2]}" in lex.compounds if k + 1 < len(s.words) else False):
            if k > j and f"{s.words[k - 1][2]} {w}" in lex.compounds:
                continue
            return False
    return False


def _field_after_topic(s: _Sent, k: int, lex: Lexicon) -> int:
    """"… về phòng chống thiên tai", "… về phòng, chống mua bán người": after a body's "về", a field of work
    (cues.tsv body-field: "phòng chống") and the one dictionary word it fights (two when the first is a verb
    and the second its object noun: "mua bán người") are the body's subject. Word index past them, or k."""
    n = len(s.words)
    if not s.words[k][2].islower():
        return k                            # (a capitalised subject is read as a name: _org_tail)
    cue = next((c for c in lex.body_fields if s.phrase_at(k, c)
                or s.text.startswith(" ".join(c[:1]) + ", " + " ".join(c[1:]), s.words[k][0])), None)
    if cue is None:
        return k
    x = k + len(cue)
    if x >= n or s.gap(x) != " " or not s.words[x][2].isalpha() or _is_stop(s, x, lex, "Organization"):
        return k
    size = _word_size_at(s, x, lex)
    cls = _word_class_at(s, x, lex)
    if cls in CLAUSE_CLASSES:
        return k
    x += size
    if cls == "verb" and x < n and s.gap(x) == " " and s.words[x][2].islower() and _word_class_at(s, x, lex) == "noun":
        x += _word_size_at(s, x, lex)      # "mua bán" + "người": the verb's object
    return x


def _org_tail(s: _Sent, end: int, lex: Lexicon, gaz, tails: tuple[str, ...], level: int = 0) -> int:
    """A name may go on with an adjunct its head allows (heads.tsv, column tail): "Đại sứ quán Việt Nam
    tại Philippines" (where a mission sits), "Ủy ban liên Chính phủ ASEAN về nhân quyền (AICHR)",
    "Nhóm giữa kỳ ARF về An ninh biển" (what a committee is about). "về" is taken when its phrase is
    closed by the body's acronym in parentheses or opens with a capital; "tại" when a known country
    or place follows. A unit's "về" phrase may also be written in lower case when the body it belongs
    to closes it ("Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện X": the police's drug squad).
    Returns the word index past the name."""
    n = len(s.words)
    if end >= n or s.gap(end) != " " or s.words[end][2] not in tails or end + 1 >= n or s.gap(end + 1) != " ":
        return end
    word, k = s.words[end][2], end + 1
    g = gaz.get(s.words[k][0])
    if g is not None and lex.entries[g[2]].type in ("Country", "Location"):
        if word not in lex.seat_words:
            return end
        kk = k
        while kk < n and s.words[kk][1] <= g[1]:
            kk += 1
        return max(kk, k + 1)
    if word in lex.seat_words:
        return end
    if (fe := _field_after_topic(s, k, lex)) > k:
        return fe                           # "Ban Chỉ đạo Trung ương về phòng chống thiên tai yêu cầu …"
    if level:
        kk = k
        while kk < n and kk - k < 8 and (kk == k or s.gap(kk) == " ") and s.words[kk][2].islower() \
                and (kk > k and s.words[kk][2] in lex.and_words or not _is_stop(s, kk, lex, "Organization")) \
                and _word_class_at(s, kk, lex) != "verb" \
                and not (kk > k and _heads_at(s, kk, lex, "Location")):
            kk += _word_size_at(s, kk, lex)
        if k < kk < n and s.gap(kk).strip() in ("", ",") and _parent_starts(s, kk, lex, gaz.get(s.words[kk][0]), level):
            return kk
        if k < kk and any(s.text[:s.words[end][0]].rstrip().lower().endswith(" " + c) for c in lex.unit_subjects):
            return kk                       # "Phòng Cảnh sát điều tra tội phạm về ma túy phối hợp …": a unit named for
            # a crime (cues.tsv unit-subject) takes the crime's field in lower case, up to the clause's verb
        if k < kk < n and s.gap(kk) == " " and (loc := _heads_at(s, kk, lex, "Location")) and not _cap(s.words[kk][2]) \
                and kk + loc[3] < n and _cap(s.words[kk + loc[3]][2]):
            return kk                       # "… về ma túy quận Hà Đông": the district's squad (the place is qualified later)
    ahead = _ACRONYM_AHEAD.match(s.text, s.words[k][0])
    if ahead:                               # "… về chống Ma túy và Tội phạm (UNODC)"
        stop = ahead.end() - len(ahead.group().rsplit(" (", 1)[1]) - 2
        while k < n and s.words[k][1] <= stop:
            k += 1
        return k
    if _cap(s.words[k][2]) and not _heads_at(s, k, lex, "Organization") and not _post_at(s, k, lex) \
            and not _person_starts(s, k, lex, True):
        more = _extend_org(s, k, lex, gaz)  # (but "Ủy ban Kiểm tra Trung ương về Thứ trưởng X": what it said of a person)
        return more if more > k else end
    return end


def _person_starts(s: _Sent, k: int, lex: Lexicon, after_post: bool = False) -> bool:
    """Does a person's name start at word k, inside what would otherwise run on as a body's name?
    A Vietnamese surname after the lower-case part of the name ("… hình sự Nguyễn Văn A"), or two
    capitalised words that are not Vietnamese syllables after a Vietnamese one ("Hội đồng An ninh
    Quốc gia Shahidan Bin Kassim": a foreign official named after his body)."""
    w, prev = s.words[k][2], s.words[k - 1][2]
    if not w[:1].isupper() or w.isupper() or s.gap(k) != " ":
        return False
    nxt = s.words[k + 1][2] if k + 1 < len(s.words) and s.gap(k + 1) == " " else ""
    if nxt in NAME_PARTICLES and k + 2 < len(s.words) and s.gap(k + 2) == " ":
        nxt = s.words[k + 2][2]             # "Raus bin Sharif": a particle inside a foreign name
    if w in lex.surnames and nxt[:1].isupper() and (after_post or prev.isupper()) \
            and not _after_cue(s, k, lex.eponymous_words) and not _clan_name_at(s, k, lex):
        return True                         # "Thứ trưởng Bộ GTVT Nguyễn Văn Công": after a post, the holder
        # (but "Trường THPT Nguyễn Hữu Tiến": a school is named after a person, cues.tsv eponymous)
        # (without a post, "Trường Trung học phổ thông Trần Phú" is named after a person)
    return bool(nxt[:1].isupper() and not nxt.isupper() and w.isalpha() and not _vietnamese(w)
                and _vietnamese(prev))


def _clan_name_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Do the capitalised words from word k end with a clan word ("Nguyễn Phước Tộc": tộc = clan, cues.tsv
    clan)? Then they name a family, not a person, and stay in the body's name ("Hội đồng Trị sự …")."""
    e = k
    while e < len(s.words) and e - k < 4 and s.gap(e) == " " and s.words[e][2][:1].isupper():
        if s.words[e][2] in lex.clan_words:
            return True
        e += 1
    return e < len(s.words) and s.gap(e) == " " and s.words[e][2] in lex.clan_words    # "Nguyễn Phúc tộc"


def _ends_with_head(before: str, heads) -> bool:
    """Does `before` end with one of `heads` as whole words?"""
    return any(before.endswith(h) and (len(before) == len(h) or not before[-len(h) - 1].isalnum()) for h in heads)


def _field_before_foreign_country(s: _Sent, k: int, lex: Lexicon) -> int:
    """"Cục điều tra phòng chống tham nhũng Singapore", "Bộ an ninh nội địa Mỹ": the press often writes a
    foreign body's field in lower case, right after its head (cues.tsv foreign-field heads) and before its
    country. Up to seven lower-case words with no function word (stopwords.tsv), then a foreign country:
    the words are the name's (their verbs, "điều tra", name the body's field, not the clause's). So it
    writes a national association's ("Hội tim mạch Việt Nam", "Liên đoàn bóng đá Hàn Quốc"; cues.tsv
    national-field heads), Việt Nam's too."""
    before = s.text[:s.words[k][0]].rstrip()
    if k < 1:
        return 0
    national = _ends_with_head(before, lex.national_field_heads) \
        and f"{s.words[k - 1][2].lower()} {s.words[k][2]}" not in lex.compounds    # ("Hội chợ", "hội nhập": no field)
    if not national and not _ends_with_head(before, lex.foreign_field_heads):
        return 0
    words, stops = s.words, lex.stops_by_first
    e = k
    while e < len(words) and e - k < 7 and words[e][2].isalpha() and words[e][2].islower() \
            and (e == k or s.gap(e) == " ") and not any(s.phrase_at(e, stop) for t in ("*", "Organization")
                                                         for stop in stops.get(t, {}).get(words[e][2], ())):
        e += 1
    if e == k or e >= len(words) or s.gap(e) != " ":
        return 0
    if e - k <= 2 and lex.word_class.get(" ".join(w[2] for w in words[k:e])) in CLAUSE_CLASSES | {"verb"}:
        return 0                            # "Bộ hỗ trợ Lào": the ministry helps Laos (one verb is the clause's)
    at = words[e][0] - words[k][0]
    text = s.text[words[k][0]:words[e][0] + 40]
    found = list(lex.gazetteer_matches(text))
    country = next((keys[0][0] for a, _, (_, keys) in found if a == at and lex.entries[keys[0][0]].type == "Country"), "")
    if any(a < at < b for a, b, _ in found):
        return 0                            # "Văn phòng đăng ký đất đai huyện Mỹ Đức": a place holds the country's name
    return e - k if country and (country != lex.home_country or national) else 0


def _ends_known_field(s: _Sent, start: int, k: int, lex: Lexicon) -> bool:
    """Do the words right before word k (two to five, after the name's head) spell out a unit's field the
    abbreviations know ("Cảnh sát Giao thông" for CSGT)?"""
    if not lex.field_expansions:
        return False
    for size in (5, 4, 3, 2):
        if k - size >= start and all(s.gap(x) == " " for x in range(k - size + 1, k)):
            if " ".join(s.words[x][2] for x in range(k - size, k)).lower() in lex.field_expansions:
                return True
    return False


def _capitals_run(s: _Sent, k: int) -> int:
    """How many capitalised words (no acronyms) run from word k, joined by spaces. A place's name after its
    locality word is mostly two ("phường Quan Hoa", "phường Trần Phú": wards are named after people too), a
    Vietnamese person's three ("Chủ tịch UBND TP Lê Thanh Liêm": the city left unnamed, then the chairman)."""
    e = k
    while e < len(s.words) and (e == k or s.gap(e) == " ") and _cap(s.words[e][2]) and not s.words[e][2].isupper():
        e += 1
    return e - k


def _lower_run(s: _Sent, k: int, lex: Lexicon, first: bool, start: int = 0) -> int:
    """How many lower-case words from word k belong to the name before them (0: the name ends).

    - A word begun by the capitalised syllable before it ("Thủy" + "sản", "Liên" + "bang", "Y" +
      "dược") is completed, unless that capital already closes a word with another capital
      ("Trung Quốc" + "tế" is not "quốc tế").
    - Otherwise the dictionary word starting here decides: one listed in rules/name_words.tsv, or
      usually a noun or an adjective, continues the name ("Quản lý" + "xuất nhập cảnh"); a verb or an
      adverb ends it, even when its syllables occur in names ("chính thức", officially). A word the
      tagged sample does not know continues the name only before a body, a place or a known name.
    - A single syllable continues it by rules/name_words.tsv, or as a noun where the name visibly ends."""
    if first and (run := _field_before_foreign_country(s, k, lex)):
        return run
    words = s.words
    prev = words[k - 1][2]
    w = words[k][2].lower()
    if not first and _cap(prev) and (not prev.isupper() or len(prev) == 1) and f"{prev.lower()} {w}" in lex.compounds \
            and not (k - 2 >= start and s.gap(k - 1) == " " and words[k - 2][2][:1].isupper()
                     and f"{words[k - 2][2].lower()} {prev.lower()}" in lex.compounds
                     and (f"{words[k - 2][2].lower()} {prev.lower()}" in lex.place_names
                          or _is_country_name(f"{words[k - 2][2]} {prev}", lex))):
        return 1                            # (but "Nông Lâm" + "sản": farm and forest products, no place)
    if not first and k - 2 >= start and prev.islower() and s.gap(k - 1) == " " and _cap(words[k - 2][2]) \
            and not words[k - 2][2].isupper() and f"{words[k - 2][2].lower()} {prev} {w}" in lex.compounds:
        return 1                            # "Hiệp hội Công tố" + "viên": a three-syllable word begun by a capital
    if not first and k - 2 >= start and prev.islower() and s.gap(k - 1) == " " and _cap(words[k - 2][2]) \
            and not words[k - 2][2].isupper() and f"{words[k - 2][2].lower()} {prev}" in lex.compounds \
            and f"{prev} {w}" in lex.compounds and _word_size_at(s, k, lex) == 1:
        return 1                            # "Nông lâm" + "sản": a word that overlaps the one a capital began
        # ("nông lâm", "lâm sản": farm and forest products; but "Tài chính" + "phủ nhận" is the clause)
    if prev[:1].isupper() and prev.isalpha() and not prev.isupper() and not _vietnamese(prev):
        return 0                            # "… Nikkei đưa tin": after a foreign name, Vietnamese words are the clause
    if not first and (prev.lower(), w) in lex.name_compounds:
        return 1                            # "Sở Ngoại" + "vụ": the second syllable of a listed pair
    for size in (3, 2, 1):                  # a word before a quantity is a verb and its object follows:
        q = k + size                        # "Ủy ban Kiểm tra Trung ương kỷ luật 7 cán bộ" (disciplines seven)
        if q + 1 < len(words) and words[q][2].isdigit() and s.gap(q) == " " and words[q + 1][2].islower() \
                and _word_class_at(s, q + 1, lex) != "verb" and not _is_stop(s, q + 1, lex, "Organization") \
                and all(words[k + i][2].islower() and s.gap(k + i) == " " for i in range(size)) \
                and (size == 1 or " ".join(words[k + i][2] for i in range(size)).lower() in lex.compounds):
            return 0
    for size in (4, 3, 2):                  # the longest dictionary word starting here
        # "xuất - nhập cảnh" is the word "xuất nhập cảnh" written with a dash
        if k + size <= len(words) and all(s.gap(k + i).strip() in ("", "-", "–") for i in range(1, size)) \
                and all(words[k + i][2].islower() for i in range(size)):
            phrase = " ".join(words[k + i][2] for i in range(size)).lower()
            if phrase in lex.name_phrases:
                if not first and lex.word_class.get(phrase) == "verb" and _ends_known_field(s, start, k, lex):
                    return 0                # "… với Phòng Cảnh sát Giao thông điều tra, xác minh": after a unit's whole
                    # field (rules/abbreviations.tsv: CSGT), a verb is the clause's ("Cảnh sát điều tra" is one field)
                return size
            if phrase in lex.compounds:
                cls = lex.word_class.get(phrase)
                if first:                   # right after the head: a trade word before a proper name only
                    after = k + size        # ("Tập đoàn truyền thông Nikkei"; not "Bộ cơ cấu lực lượng …")
                    ok = after < len(words) and s.gap(after) == " " and words[after][2][:1].isupper() \
                        and not words[after][2].isupper() and lex.word_class.get(words[after][2].lower()) not in CLAUSE_CLASSES
                    if all(x in lex.name_words for x in phrase.split()):
                        return size         # "Ban công tác liên ngành …": words of names (rules/name_words.tsv)
                    if after + 1 < len(words) and words[after][2] == "số" and _NUMBER.fullmatch(words[after + 1][2]):
                        return size         # "Cụm trinh sát số 1": a numbered unit named by its task
                    if after < len(words) and s.gap(after) == " " and cls in (None, "noun") \
                            and _heads_at(s, after, lex, "Organization"):
                        return size         # "Phòng nghiệp vụ Công an tỉnh Lào Cai": the unit, then its body
                    if cls in (None, "noun") and (after >= len(words) or s.gap(after).strip()[:1] == ";") \
                            and _colon_list_before(s, k, lex):
                        return size         # a unit named in lower case in a list of units (see _extend_org)
                    if after < len(words) and s.gap(after) == " " and cls not in CLAUSE_CLASSES \
                            and _country_or_region_at(s, after, lex):
                        return size         # "Tập đoàn đóng tàu Hà Lan", "Công ty trực thăng châu Âu": a trade and
                        # the firm's nationality (a verb of the trade, "đóng tàu", builds ships)
                    return size if ok and cls in (None, "noun", "adjective") else 0
                if cls is not None:
                    if cls == "adjective" and prev[:1].isupper() and phrase not in lex.name_phrases:
                        return 0            # "Công ty Nhật Cường khẩn trương …": an adjective after a proper name is the clause
                    if cls == "adjective" and k + size < len(words) and s.gap(k + size) == " " \
                            and _word_class_at(s, k + size, lex) == "verb" and phrase not in lex.name_phrases:
                        return 0            # "Bộ Giáo dục - Đào tạo chính thức công bố …": an adverb of the verb
                    if cls == "verb" and not first and _capital_verb_before(s, k, start, lex, True) \
                            and not (k + size + 1 < len(words) and s.gap(k + size) == ", "
                                     and _word_class_at(s, k + size, lex) == "verb") \
                            and (_name_ends_at(s, k + size, lex)
                                 or (k + size < len(words) and s.gap(k + size) == " " and len(words[k + size][2]) > 1
                                     and words[k + size][2].isupper() and _name_ends_at(s, k + size + 1, lex))):
                        return size         # "Viện Nghiên cứu lập pháp.": the object of the naming verb, a word
                                            # the sample tags as a verb ("lập pháp", legislate/legislative); also
                                            # before the acronym that closes it ("… Tư vấn thiết kế GTVT (Tedi)")
                    return size if cls in NAME_CLASSES else 0
                after = k + size
                if all(x in lex.name_words for x in phrase.split()) and not first:
                    return size
                if not first and _capital_verb_before(s, k, start, lex):
                    return size             # "Trung tâm Bảo tồn di tích …": the object of the verb that names the body
                if not first and after < len(words) and s.gap(after) == " " and words[after][2].isdigit() \
                        and len(words[after][2]) <= 3 and _name_ends_at(s, after + 1, lex):
                    return size             # "Trường Sĩ quan lục quân 2 lấy …": a numbered unit of a word the sample
                    # does not tag (the number is taken with it, see _extend_org)
                if not first and after + 1 < len(words) and s.gap(after) == " " and words[after][2] in lex.and_words \
                        and s.gap(after + 1) == " " and _cap(words[after + 1][2]) and not words[after + 1][2].isupper() \
                        and _vietnamese(words[after + 1][2]) and _cap(prev):
                    return size             # "Hội Bảo trợ Người khuyết tật và Trẻ mồ côi": a word the sample does not
                    # tag, after a capital and before "và" and a capital: one name's two parts (see _extend_org)
                if not first and after < len(words) and s.gap(after).strip()[:1] in (",", ";", "(", ")"):
                    return size             # "Vụ Giáo dục đại học (Bộ GD-ĐT)": a word the sample does not tag, where
                    # the name visibly ends inside the sentence (a headline's last word is often its verb)
                if after < len(words) and s.gap(after) == " " and words[after][2][:1].isupper() \
                        and not words[after][2].isupper() and lex.word_class.get(words[after][2].lower()) not in CLAUSE_CLASSES \
                        and (first or words[after][2] not in lex.surnames):
                    return size             # "Tập đoàn truyền thông Nikkei", "Công ty Luật hợp danh Thiên Quang":
                                            # the trade (a word the sample does not tag), then the proper name
                return size if (after < len(words) and s.gap(after) == " " and (
                    _heads_at(s, after, lex, "Organization") or _heads_at(s, after, lex, "Location")
                    or (words[after][2][:1].isupper() and _starts_entry(s.text, words[after][0], lex)))) else 0
    if w in lex.name_words:
        return 1
    # a lower-case syllable between two capitalised words of one name ("Hội đồng Điểm sàn Quốc gia", "Hội
    # đồng Hợp tác vùng Vịnh": after a word begun by a capital)
    if not first and (prev[:1].isupper() or (k - 2 >= start and words[k - 2][2][:1].isupper() and s.gap(k - 1) == " "
                                             and f"{words[k - 2][2].lower()} {prev}" in lex.compounds)) \
            and w.isalpha() and _vietnamese(w) \
            and lex.word_class.get(w) in (None, "noun") and k + 1 < len(words) and s.gap(k + 1) == " " \
            and words[k + 1][2][:1].isupper() and not words[k + 1][2].isupper() \
            and lex.word_class.get(words[k + 1][2].lower()) not in CLAUSE_CLASSES \
            and words[k + 1][2] not in lex.surnames and not _heads_at(s, k + 1, lex, "Organization") \
            and not _heads_at(s, k + 1, lex, "Location") \
            and (not _starts_entry(s.text, words[k + 1][0], lex)
                 or ((_country_or_region_at(s, k + 1, lex) or _place_entry_at(s, k + 1, lex))
                     and not _is_stop(s, k, lex, "Organization"))):
        return 1                            # (and before the body's country: "Hội Tư vấn thuế Việt Nam")
    # a single noun may close the name where it visibly ends ("Vụ Bình đẳng giới phát biểu …")
    if not first and lex.word_class.get(w) == "noun" and not words[k - 1][2][:1].isupper():
        after = k + 1
        if after >= len(words) or s.gap(after) != " " or _is_stop(s, after, lex, "Organization") \
                or lex.word_class.get(words[after][2]) == "verb":
            return 1
    if not first and lex.word_class.get(w) == "adjective" and not words[k - 1][2][:1].isupper() \
            and (k + 1 >= len(words) or s.gap(k + 1).strip()[:1] in (",", "(", ".", ";", ")")
                 or (s.gap(k + 1) == " " and (_heads_at(s, k + 1, lex, "Location") or _place_entry_at(s, k + 1, lex)))):
        return 1                            # "Tổ chức Hòa bình xanh (Greenpeace)": an adjective the punctuation closes
        # (or the body's place: "Hội Bảo trợ bệnh nhân nghèo tỉnh Cà Mau")
    return 0


def _colon_list_before(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Is word k inside a list of items separated by ';' that a list word and a colon open ("gồm:")?"""
    before = s.text[:s.words[k][0]]
    colon = before.rfind(":")
    return colon > 0 and any(before[:colon].rstrip().endswith(w) for w in lex.list_openers)


def _name_ends_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does a name visibly end before word k: punctuation, the sentence's end, a function word, a verb,
    or another body or place?"""
    return k >= len(s.words) or s.gap(k) != " " or _is_stop(s, k, lex, "Organization") \
        or _word_class_at(s, k, lex) == "verb" \
        or bool(_heads_at(s, k, lex, "Organization") or _heads_at(s, k, lex, "Location"))


def _lone_proper_word_before(s: _Sent, i: int, lex: Lexicon, gaz_spans) -> bool:
    """Is the head at word i the second syllable of a proper name: one capitalised word right before it,
    itself after a lower-case word ("tiếng Tây Ban Nha" (Spanish), "phố Bùi Viện", "phim Tân Sở Lưu
    Hương")? A body's name never follows a lone capitalised word; a function word ("Theo Bộ …"), a
    head ("Đoàn Bộ Công an"), a post or a known name before it are something else."""
    if i < 2 or s.gap(i) != " " or s.gap(i - 1) != " ":
        return False
    p, before = s.words[i - 1][2], s.words[i - 2][2]
    if not (p[:1].isupper() and p[1:].islower() and p.isalpha() and before.isalpha() and before.islower()):
        return False
    if lex.word_class.get(p.lower()) in CLAUSE_CLASSES or _is_stop_word(p.lower(), lex) \
            or any(_heads_at(s, i - 1, lex, t) for t in ("Organization", "Event", "Agreement")) or _post_at(s, i - 1, lex) \
            or p.lower() in lex.post_first_lower or p in lex.title_first_words or p.lower() in lex.name_words:
        return False
    a = s.words[i - 1][0]
    return not any(g[0] <= a < g[1] for g in gaz_spans)


def _is_country_name(text: str, lex: Lexicon) -> bool:
    return any(a == 0 and e == len(text) and lex.entries[keys[0][0]].type == "Country"
               for a, e, (_, keys) in lex.gazetteer_matches(text))


def _post_starts(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does a post start at word k, or a deputy word and a post ("Phó Chủ nhiệm …")? A name written before its
    post without a comma ends there ("bà Hou Samith Quốc vụ khanh")."""
    return _post_at(s, k, lex) or (s.words[k][2] in lex.deputies and k + 1 < len(s.words) and s.gap(k + 1) == " "
                                   and _post_at(s, k + 1, lex))


def _post_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does a post or a title start at word k ("Thủ tướng", "Bộ trưởng")? A person follows, not a name."""
    return any(s.phrase_at(k, p) for p in lex.posts_and_titles_by_first.get(s.words[k][2], ()))


def _capital_verb_before(s: _Sent, k: int, start: int, lex: Lexicon, opens_name: bool = False) -> bool:
    """Does a capitalised verb end right before word k, inside the name? A body is often named by what
    it does, a verb and its object ("Trung tâm Bảo tồn di tích cố đô", "Trung tâm Sản xuất phim truyền
    hình", "Cục Quản lý xuất nhập cảnh"): only the verb takes the capital, and its object, a noun the
    tagged sample may not know, still belongs to the name."""
    words = s.words
    for size in (2, 1):
        a = k - size
        if a < start or not words[a][2][:1].isupper() or any(s.gap(a + i) != " " for i in range(1, size)):
            continue
        if opens_name and size == 1 and a != start:
            continue                        # with opens_name, a one-syllable verb must open the name ("Cục
            # Chống …"), not end a proper name ("Công Thương", "Hòa Phát")
        phrase = " ".join(words[a + i][2] for i in range(size)).lower()
        if (size == 1 or phrase in lex.compounds) and (lex.word_class.get(phrase) == "verb" or (
                size == 2 and lex.word_class.get(phrase) is None
                and "verb" in (lex.word_class.get(x) for x in phrase.split())
                and all(lex.word_class.get(x) in (None, "verb") for x in phrase.split()))
                or size == 2 and phrase in lex.name_phrases and lex.word_class.get(phrase) is None
                and words[a + 1][2].islower()):
            # (a listed name phrase the sample does not tag, its first syllable capitalised, is the verb that names the body:
            # "Phòng Quản lý đào tạo", training management; in lower case it stays a name's noun, "Luật quản
            # lý ngoại thương")
            return True                     # ("gìn giữ", which the sample does not tag, is made of verbs; "Công
            # Thương" (industry and trade) has a noun in it: "Sở Công Thương tổng hợp …" ends at the verb)
    return False


def _quote_end(s: _Sent, pos: int) -> int | None:
    """If a quotation opens at text offset `pos` (after optional ': '), the offset after it closes."""
    m = re.match(r":?\s*([“\"«])", s.text[pos:])
    if not m:
        return None
    close = s.text.find("”" if m.group(1) == "“" else ("»" if m.group(1) == "«" else "\""), pos + m.end())
    return close + 1 if close > 0 else None


def _extend_title(s: _Sent, j: int, lex: Lexicon, etype: str, through_commas: bool, gaz=None) -> int:
    """Char offset just past an agreement or event title starting at word j (after its head).

    Titles run through lower-case words (they are long noun phrases), hyphens ("2022 - 2025",
    "ASEAN - Australia"), and the fixed pair "phòng, chống" (prevention and combat), and stop at
    clause punctuation, a parenthesis, or a stop word. With through_commas, ", " between two
    lower-case words continues the title ("Lễ tiếp nhận, bàn giao nạn nhân")."""
    long_end, short_end = _title_ends(s, j, lex, etype, gaz, through_commas)
    return long_end if through_commas else short_end


def _title_ends(s: _Sent, j: int, lex: Lexicon, etype: str, gaz=None, through_commas: bool = True) -> tuple[int, int]:
    """(_extend_title(…, True), _extend_title(…, False)) in one walk: the two walks are the same up to the
    first ", " that only the first goes through, where the second stops (its other branches take no ", ")."""
    n = len(s.words)
    end = s.words[j - 1][1]
    short_end = -1
    k = j
    while k < n:
        gap = s.gap(k)
        if gap == ", " and k > j and etype == "Agreement" and (e := _especially_nouns_end(s, k, lex)):
            end = s.words[e - 1][1]         # "…, đặc biệt là phụ nữ và trẻ em, bổ sung …": inside the title
            k = e
            continue
        if gap.strip() in ("", "-", "–", "—"):
            pass
        elif _number_list(s, k) or _comma_pair(s, k):
            pass
        elif gap == ", " and through_commas and s.words[k][2][0].islower() and not _is_stop(s, k, lex, etype) \
                and not s.words[k - 1][2].isdigit() and not s.words[k - 1][2][:1].isupper() \
                and not _YEARS.fullmatch(s.text[s.words[k - 1][0]:s.words[k - 1][1]]) \
                and not (s.words[k][2] in ("năm", "tháng", "ngày") and k + 1 < n and s.words[k + 1][2][:1].isdigit()) \
                and not any(s.text.startswith(p + " ", s.words[k][0]) for p, _, _ in lex.cues.get("plural", ())):
            if short_end < 0:               # but a dated title ends at its year, and "…, các cơ quan" starts a clause
                short_end = end
        elif k == j and _quote_end(s, end) is not None:
            q = _quote_end(s, end)
            end = q
            while k < n and s.words[k][0] < q:
                k += 1
            break
        elif gap.strip() in QUOTES_OPEN and k > j:
            q = _quote_end(s, s.words[k - 1][1])
            if q is None:
                break
            end = q
            while k < n and s.words[k][0] < q:
                k += 1
            break
        else:
            break
        if k > j and k + 1 < n and s.gap(k) == " " and s.gap(k + 1) == " " and s.words[k][2] in lex.and_words \
                and " ".join(s.words[i][2] for i in (k - 1, k, k + 1)).lower() in lex.compounds:
            end = s.words[k + 1][1]         # "… doanh nghiệp nhỏ và vừa": a word with "và" inside (rules/words.tsv)
            k += 2
            continue
        if etype == "Agreement" and _second_party_at(s, j, k, lex):
            k += 1                          # "… giữa bang Virginia với các đối tác …": "giữa A với B" is "giữa A và B"
            if any(s.text.startswith(p + " ", s.words[k][0]) for p, _, _ in lex.cues.get("plural", ())):
                k += 1                      # (the partners may be many: "với các …")
            end = s.words[k - 1][1]
            continue
        owner = etype == "Agreement" and _owner_before_topic(s, k, lex, gaz) \
            and not any(c.isdigit() for c in s.text[s.words[j - 1][0]:s.words[k - 1][1]])   # (a numbered document is
        # named by its number: "Nghị quyết 35/NQ-CP của Chính phủ về …" stays "Nghị quyết 35/NQ-CP")
        if _is_stop(s, k, lex, etype) and not _stop_word_completes(s, k, lex) and not owner \
                and not (etype == "Agreement" and _implements_title_at(s, k, lex)) and not _topic_possessive_at(s, j, k, lex):
            break                           # ("tự do": "do" (by) ends a title, but not the word "tự do", free)
        if etype == "Agreement" and not owner and not _agreement_goes_on(s, k, j, lex, gaz):
            break
        if etype == "Event" and k > j and _heads_at(s, k, lex, "Event") and s.words[k][2][0].isupper():
            break
        if k > j and s.gap(k) == " " and s.words[k][2].islower() and _word_class_at(s, k, lex) == "verb" \
                and len(s.words[k - 1][2]) > 1 and s.words[k - 1][2].isalnum() and s.words[k - 1][2].upper() == s.words[k - 1][2] \
                and any(c.isalpha() for c in s.words[k - 1][2]) and not _stop_word_completes(s, k, lex):
            break                           # "Hội nghị thượng đỉnh G20 chụp ảnh …": after an acronym, a verb is the clause's
        if etype == "Agreement" and k > j and s.words[k][2] in lex.and_words and _new_title_follows(s, k, lex):
            break                           # "Hiệp định về dẫn độ … và dự thảo Hiệp định về …": two titles
        if etype == "Agreement" and k > j + 1 and s.words[k][2] in lex.and_words and k + 1 < n and s.gap(k + 1) == " " \
                and _cap(s.words[j][2]) and s.words[k + 1][2] == s.words[j][2] \
                and (k + 2 >= n or j + 1 >= n or s.words[k + 2][2] == s.words[j + 1][2]):
            break                           # "Thỏa thuận Đối tác chiến lược về X và Đối tác chiến lược về Y": the
            # head said once for two titles that open with the same words
        if etype == "Agreement" and k > j and s.words[k][2] in lex.and_words \
                and _YEARS.fullmatch(s.text[s.words[k - 1][0]:s.words[k - 1][1]]) \
                and not any(_YEARS.fullmatch(s.words[i][2]) for i in range(k + 1, min(k + 6, n))):
            # "… giai đoạn 2018-2022 và ra Tuyên bố …": a dated title ends at its year, unless what follows
            # names a horizon ("… 2021-2025 và định hướng đến năm 2030")
            break
        if etype == "Agreement" and k > j and s.words[k][2] in lex.and_words and s.gap(k) == " " \
                and any(c.isdigit() for c in s.words[k - 1][2]) \
                and not _YEARS.fullmatch(s.text[s.words[k - 1][0]:s.words[k - 1][1]]):
            break                           # "Nghị quyết 29 và bước đầu …", "Nghị quyết 382 và Kết luận 763": a
            # title its number names ends there (a year may go on to a horizon, above)
        g = (gaz or {}).get(s.words[k][0])
        if g is not None:                   # a known name inside a title is taken whole, with the
            while k < n and s.words[k][0] < g[1]:     # word it ends in ("Việt Nam" of "Việt Nam-EU")
                k += 1
            end = max(g[1], s.words[k - 1][1])
            continue
        end = s.words[k][1]
        k += 1
    return end, (end if short_end < 0 else short_end)


_YEARS = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?")


_PARTNER_WORDS: dict[int, tuple[object, frozenset[str], frozenset[str]]] = {}


def _partner_words(lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """cues.tsv cooperatesWith/partner ("với") and cooperatesWith/between ("giữa"), once per lexicon."""
    hit = _PARTNER_WORDS.get(id(lex.cues))
    if hit is None or hit[0] is not lex.cues:
        coop = lex.cues.get("cooperatesWith", ())
        hit = _PARTNER_WORDS[id(lex.cues)] = (lex.cues, frozenset(c for c, _, r in coop if r == "partner"),
                                              frozenset(c for c, _, r in coop if r == "between"))
    return hit[1], hit[2]


def _owner_before_topic(s: _Sent, k: int, lex: Lexicon, gaz) -> bool:
    """Is word k a "của" (of) that names the title's owner, a body or country the gazetteer knows, right before the
    title's "về" (on)? "Kế hoạch hành động của ASEAN về phòng chống buôn bán người", "Công ước khung của Liên hợp
    quốc về biến đổi khí hậu": one name (elsewhere "của" ends a title: "Hiệp định … của Chính phủ")."""
    if s.words[k][2] != "của" or k + 2 >= len(s.words) or s.gap(k + 1) != " " or not gaz:
        return False
    g = gaz.get(s.words[k + 1][0])
    if g is None or lex.entries[g[2]].type not in ("Organization", "Country"):
        return False
    x = k + 1
    while x < len(s.words) and s.words[x][0] < g[1]:
        x += 1
    return x < len(s.words) and s.gap(x) == " " and (s.words[x][2],) in lex.topics


def _second_party_at(s: _Sent, j: int, k: int, lex: Lexicon) -> bool:
    """Is word k the partner word ("với") after a title's "giữa A" (between A), A a proper name that no "và" has
    closed? "Thỏa thuận hợp tác giữa bang Virginia với các đối tác Việt Nam": "giữa A với B" is "giữa A và B"
    (but "… giữa hai bộ với sự chứng kiến …": both sides are named, and "với sự" opens an adjunct)."""
    partner, between = _partner_words(lex)
    if k + 1 >= len(s.words) or s.words[k][2] not in partner or s.gap(k) != " " or s.gap(k + 1) != " " \
            or s.words[k + 1][2] == "sự":
        return False
    opened = max((i for i in range(j, k) if s.words[i][2] in between), default=-1)
    return opened >= 0 and k - opened <= 6 and any(_cap(s.words[i][2]) for i in range(opened + 1, k)) \
        and not any(s.words[i][2] in lex.and_words or s.gap(i).strip() for i in range(opened + 1, k))


def _lower_words(s: _Sent, k: int, lex: Lexicon, most: int, through_stops: bool = False) -> int:
    """Word index past the lower-case dictionary words from word k (at most `most` syllables): compounds
    of any class but function words, single syllables that are nouns, adjectives or name words.
    through_stops: stop words too (a committee's kind: "Nhóm làm việc chung")."""
    n, start = len(s.words), k
    while k < n and (k == start or s.gap(k) == " ") and s.words[k][2].isalpha() and s.words[k][2].islower() \
            and (through_stops or not _is_stop(s, k, lex, "Organization")):
        for size in (3, 2, 1):
            if k + size > n or any(s.gap(k + i) != " " or not s.words[k + i][2].islower() for i in range(1, size)):
                continue
            phrase = " ".join(s.words[k + i][2] for i in range(size))
            cls = lex.word_class.get(phrase)
            if size > 1 and phrase in lex.compounds and cls not in CLAUSE_CLASSES:
                break
            if size == 1 and (phrase in lex.name_words or cls in NAME_CLASSES):
                break
        else:
            break
        if k + size - start > most:
            break
        k += size
    return k


def _named_by_subject(s: _Sent, j: int, lex: Lexicon, tails: tuple[str, ...], gaz=None) -> int:
    """Word index past a committee's or a group's name written all in lower case after its capitalised
    head: a few words of its kind, then "về" and its subject, up to punctuation or the clause's verb
    ("Nhóm làm việc chung về hợp tác hải quân;", the joint working group on naval cooperation), or then
    the two parties it joins ("Ủy ban hỗn hợp Việt Nam - Lào", "Nhóm công tác chung Việt Nam - Campuchia").
    j if there is none."""
    if "về" not in tails:
        return j
    # (the kind's words may be ones that end a name elsewhere: "làm việc" in "Nhóm làm việc chung về …";
    # the subject or the parties after them must follow for it to be a name)
    k = _lower_words(s, j, lex, 4, through_stops=True)
    n = len(s.words)
    if k > j and k < n and s.gap(k) == " " and gaz:
        pair = _party_pair_at(s, k, lex, gaz)
        if pair > k:
            return pair
    if k == j or k + 1 >= n or s.words[k][2] != "về" or s.gap(k) != " " or s.gap(k + 1) != " ":
        return j
    t = _lower_words(s, k + 1, lex, 6)
    # "phòng, chống mua bán người": a dictionary word ("phòng chống", prevent and combat) written as two
    # actions with a comma between them is one subject, not the subject's end
    while t + 1 < n and s.gap(t).strip() == "," and s.words[t][2].islower() \
            and f"{s.words[t - 1][2].lower()} {s.words[t][2]}" in lex.compounds:
        t = _lower_words(s, t, lex, 6)
    if t == k + 1 or (t < n and s.gap(t).strip()[:1] not in (",", ";", ".", ")", "(", ":")
                      and not (s.gap(t) == " " and _word_class_at(s, t, lex) in ("verb", "adverb"))):
        return j                            # (the subject ends at punctuation or at the clause's verb: "… đã họp")
    return t


def _party_pair_at(s: _Sent, k: int, lex: Lexicon, gaz, acronyms: bool = False) -> int:
    """Word index past two countries joined by a dash from word k ("Việt Nam - Lào"), or k. With
    acronyms, the second side may be a known body written as an acronym ("Nga - NATO")."""
    first = gaz.get(s.words[k][0])
    if first is None or lex.entries[first[2]].type != "Country":
        return k
    m = next((x for x in range(k, len(s.words)) if s.words[x][0] >= first[1]), len(s.words))
    if m > k and s.text[first[1]:first[1] + 1] == "-" and s.words[m - 1][1] > first[1] + 1:
        # "Hội đồng Nga-NATO": the second side inside the same hyphenated word
        rest = s.text[first[1] + 1:first[1] + 61]
        hits = [(b, keys[0][0]) for a, b, (_, keys) in lex.gazetteer_matches(rest) if a == 0]
        b, hit = max(hits, default=(0, None))
        end = first[1] + 1 + b
        if hit is not None and hit != first[2] and not s.text[end:end + 1].isalnum() and (
                lex.entries[hit].type == "Country"
                or acronyms and lex.entries[hit].type == "Organization" and rest[:b].isupper()):
            return next((x for x in range(m - 1, len(s.words)) if s.words[x][0] >= end), len(s.words))
        return k
    if m >= len(s.words) or s.gap(m).strip() not in ("-", "–", "—"):
        return k
    second = gaz.get(s.words[m][0])
    w = s.words[m][2]
    if second is None and acronyms and w.isupper() and w.isalpha() and len(w) >= 3 and not _byline_at(s, m) \
            and (m + 1 >= len(s.words) or s.gap(m + 1) != "-"):
        return m + 1                        # "Nga - NATO": a body the gazetteer lacks, by its acronym
    if second is None or second[2] == first[2] or not (
            lex.entries[second[2]].type == "Country"
            or acronyms and lex.entries[second[2]].type == "Organization" and s.text[s.words[m][0]:second[1]].isupper()):
        return k
    return next((x for x in range(m, len(s.words)) if s.words[x][0] >= second[1]), len(s.words))


def _theme_after_colon(s: _Sent, k: int, j: int, lex: Lexicon) -> bool:
    """After a generic event head and a colon ("Hội thảo khoa học: …"), does a theme follow: a
    capitalised word that opens no name of a person, body or post?"""
    w = s.words[k][2]
    if not _cap(w) or w.isupper() or w in lex.surnames or _word_class_at(s, k, lex) in CLAUSE_CLASSES:
        return False
    if k == j or any(_cap(s.words[i][2]) for i in range(j, k)):
        return False                        # the event already has its name; a bare "Hội thảo:" is a caption's label
    return not (_heads_at(s, k, lex, "Organization") or _heads_at(s, k, lex, "Event") or _post_at(s, k, lex)
                or any(s.phrase_at(k, t) for t in lex.titles_by_first.get(w, ())))


def _inside_capitalised_name(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does word k close a capitalised word mid-sentence ("Đối tác" before "Chiến lược")? Then a head
    right after it continues that name rather than opening a title of its own."""
    w = s.words[k][2]
    if k >= 1 and not w[:1].isupper() and _completes_word(s, k, lex):
        k -= 1                               # "Đối tác": the word's capitalised first syllable
        w = s.words[k][2]
    if k > 0 and w.isupper() and len(w) > 1 and any(c.isalpha() for c in w) and w not in lex.abbreviations:
        return False
    if w.isupper() and len(w) > 1 and w in lex.abbreviations:
        return True                          # "ĐH Luật TP.HCM": the law school, not a law
    return (k > 0 and w[:1].isupper() and not w.isupper() and not _heads_at(s, k, lex, "Agreement")
            and lex.word_class.get(w.lower()) not in CLAUSE_CLASSES)


_DOC_NUMBER = re.compile(r"(?:số\s+)?\d+[\w/.-]*")


def _topic_list_before(s: _Sent, j: int, k: int, lex: Lexicon) -> bool:
    """Is "và" at word k the last joint of a list in the title's topic: a topic word (cues.tsv topic, "về"),
    then lower-case words only, with a comma among them ("về phòng ngừa, trấn áp và …")?"""
    for v in range(k - 1, max(j - 1, 0) - 1, -1):
        if (s.words[v][2],) in lex.topics and s.gap(v + 1) == " ":
            return v + 1 < k - 1 and any(s.gap(x).strip() == "," for x in range(v + 2, k)) \
                and all(s.words[x][2].islower() for x in range(v + 1, k))
    return False


_TERM_NUMBER = re.compile(r"[IVXL]+|\d{1,2}")      # a term ("khóa XII", "khóa 14") of a Party or an assembly


def _attendance_opens(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does word k open an attendance cue of cues.tsv ("Tham dự", "Cùng dự có", "Phát biểu tại"), as a whole
    word ("Dự án" is a project, not "dự", attend)?"""
    for cue, _, role in lex.cues.get("participatedIn", ()):
        words = cue.split()
        if role in ("before", "verb", "after") and s.phrase_at(k, words, case_sensitive=False) and not (
                k + len(words) < len(s.words) and s.gap(k + len(words)) == " "
                and f"{s.words[k + len(words) - 1][2].lower()} {s.words[k + len(words)][2].lower()}" in lex.compounds):
            return True
    return False


def _agreement_goes_on(s: _Sent, k: int, j: int, lex: Lexicon, gaz) -> bool:
    """May an agreement's title go on with word k (j: its first word after the head)?

    - Not with a conjunction, an adverb, a pronoun, a particle or a determiner ("Luật phải …",
      "Thỏa thuận trị giá 3,9 tỉ USD này …", "… vì cho rằng"): the title was the clause's subject.
      "và" is a conjunction of titles too, and is left to the caller.
    - After a document number ("Nghị định 46/2016", "Nghị quyết số 26"), only with "về" (on) or its
      date: "Nghị định 46/2016 không phải …" ends at the number.
    - A dash joins two sides or two years ("ASEAN - Australia", "2021 - 2025"), not a caption's parts."""
    w = s.words[k][2]
    if k > j and _implements_title_at(s, k, lex):
        return True                         # "Kế hoạch … giai đoạn 2017-2019 thực hiện Hiệp định …": the plan of an agreement
    if w in lex.and_words:
        nxt = s.words[k + 1][2].lower() if k + 1 < len(s.words) else ""
        if k + 1 < len(s.words) and _word_class_at(s, k + 1, lex) == "verb":
            size = 2 if k + 2 < len(s.words) and f"{nxt} {s.words[k + 2][2].lower()}" in lex.compounds else 1
            after = k + 1 + size
            if after + 1 < len(s.words) and s.words[after][2].islower() and (
                    _word_class_at(s, after, lex) == "verb"
                    or f"{s.words[after][2]} {s.words[after + 1][2].lower()}" in lex.compounds
                    and lex.word_class.get(f"{s.words[after][2]} {s.words[after + 1][2].lower()}") is None) \
                    and not _topic_list_before(s, j, k, lex):
                return False                # "… trường lớp và tiến hành bế mạc …": "và" + two verbs, a clause
                # (but "Nghị định thư về phòng ngừa, trấn áp và trừng trị buôn bán người": the last of a
                # topic's listed actions)
        return not (nxt == "một" or nxt[:1].isdigit() or any(s.text.startswith(p + " ", s.words[k + 1][0])
                                                              for p, _, _ in lex.cues.get("plural", ())))
        # "Luật Dự trữ và một loạt các văn bản …": a quantity after "và" starts another noun phrase
    if k > j and w in lex.adjunct_words and s.gap(k) == " " and s.words[k - 1][2][:1].isupper():
        return False                        # "Chương trình Thương hiệu Thực phẩm Việt Nam cho đại diện …": after
        # a title's capitalised last word, "cho" (for), "trong", "ở", "từ", "vì" open the clause's adjunct
    if k > j and s.gap(k).strip() == "," and not _comma_pair(s, k) and (
            w.lower() in (s.words[j - 1][2].lower(), s.words[max(0, j - 2)][2].lower())
            or lex.word_class.get(w.lower()) in ("preposition", "conjunction")):
        return False                        # "Dự án A, dự án B": a list; "…, vì việc …": a clause
    if k > j and w in lex.titles_by_first and any(s.phrase_at(k, t) for t in lex.titles_by_first[w]):
        return False                        # "Quyết định bổ nhiệm ông Trần Văn Dũng": a person, not a title
        # (but "Luật Luật sư": the law on lawyers)
    if k > j and w.islower() and s.words[k - 1][2].isupper() and len(s.words[k - 1][2]) > 1 \
            and s.words[j - 1][2] in lex.law_heads and _word_class_at(s, k, lex) == "verb":
        return False                        # "Luật BHYT thuộc thẩm quyền …": a verb after the acronym is the clause
    if k > j + 1 and w.islower() and s.gap(k) == " " and s.gap(k - 1).strip() in ("-", "–", "—") \
            and s.words[k - 1][2][:1].isupper() and "verb" in (_word_class_at(s, k, lex), lex.word_class.get(w)):
        return False                        # "Hiệp định thương mại tự do Việt Nam - EU mang lại …": after the
        # pair of sides that closes a title, a verb is the clause's
    if k > j and w.isdigit() and len(w) <= 2 and s.words[j - 1][2] in lex.law_heads \
            and s.text.startswith(".", s.words[k][1]) and (k + 1 == len(s.words) or s.words[k + 1][2][:1].isupper()):
        return False                        # "Điều 122 Bộ luật hình sự 1. Người nào …": a law is named by its year,
        # the small number is the numbered clause that opens the next sentence
    if k == j and w in lex.passive_words:
        return False                        # "Dự án bị ban lãnh đạo … gạt đi": the project is the subject (but "nạn
        # nhân bị mua bán" inside a title: victims who were trafficked)
    if k == j and w.islower() and _word_class_at(s, k, lex) == "verb" and s.words[k - 1][2] in lex.law_heads:
        return False                        # "Luật điều chỉnh theo hướng …": the law is the subject of a verb
    if k > j and s.gap(k).strip() == "," and not _comma_pair(s, k) and s.words[k - 1][2].isupper() \
            and len(s.words[k - 1][2]) > 1:
        return False                        # "Hiệp định … AFTA, mức thuế …": after a proper name, a comma ends the title
    if w.islower() and _word_class_at(s, k, lex) == "verb" and _verb_before_quantity(s, k, lex):
        return False                        # "Luật Trợ giúp pháp lý bao gồm 8 chương …": the law's verb and its object
    if k > j and w[:1].isupper() and not w.isupper() and s.words[k - 1][2].isdigit() \
            and _word_class_at(s, k, lex) == "verb":
        return False                        # "… Luật Du lịch 2017 Thực hiện: …": after the year, a caption's verb
    if k > j and w[:1].isupper() and s.words[k - 1][2][:1].isdigit() and _heads_at(s, k, lex, "Agreement"):
        return False                        # "Luật Du lịch 2017  Luật …": a dated title, then another title
    if k > j and w[:1].isupper() and not w.isupper() and (
            _word_class_at(s, k, lex) in CLAUSE_CLASSES or _is_stop_word(w.lower(), lex)) \
            and k + 1 < len(s.words) and (s.words[k + 1][2][:1].islower() or s.words[k - 1][2][:1].isdigit()):
        return False                        # "… Vòng loại U23 châu Á 2018 Từ ngày …": a new sentence
        # (a title written in title case goes on: "Hiệp Định Về Hợp Tác …")
    if s.gap(k).strip() == "," and (_word_class_at(s, k, lex) == "verb" and not _comma_pair(s, k)
                                    and not _pair_of_actions(s, k, lex)
                                    or any(s.phrase_at(k, t) for t in lex.titles_by_first.get(w, ()))):
        return False                        # "…, nâng tổng số …", "…, ông Hermen Borst …": a clause or a person
    if _function_word_at(s, k, lex) and not (k > j and s.gap(k) == " " and ((s.words[k - 1][2],) in lex.topics
                                                                          or s.words[k - 1][2] in _partner_words(lex)[1])
                                             and lex.word_class.get(w) == "determiner" and k + 1 < len(s.words)
                                             and s.gap(k + 1) == " " and s.words[k + 1][2].islower()):
        return False                        # (but "Ý định thư về các dự án …": a plural topic after "về"; "Hiệp định
        # khung về hợp tác giữa các nước ASEAN": the many sides after "giữa")
    prev = s.text[s.words[k - 1][0]:s.words[k - 1][1]] if k > j else ""
    if k > j and _DOC_NUMBER.fullmatch(prev) and any(c.isdigit() for c in prev) and s.gap(k) == " " \
            and w not in ("về", "ngày", "năm", "của", "giữa", "và") and not w[:1].isupper() \
            and not (w == "khóa" and k + 1 < len(s.words) and _TERM_NUMBER.fullmatch(s.words[k + 1][2])):
        return False                        # (but "Nghị quyết Trung ương 5 khóa XII": the term names it too)
    if s.gap(k).strip() in ("-", "–", "—") and not (w[:1].isdigit() or (gaz or {}).get(s.words[k][0]) is not None
                                                     or (k > 0 and s.words[k - 1][2][:1].isdigit())
                                                     or (k > 0 and w[:1].isupper() and s.words[k - 1][2][:1].isupper())):
        return False                        # ("Nhật - Việt", "ASEAN - EU": two capitalised sides)
    return True


def _verb_before_quantity(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Is the verb at word k followed by a counted object ("bao gồm 8 chương", includes eight chapters)?
    A title names a thing; a count after a verb is what the clause says of it."""
    toks, gaps, n = s.tokens, s.gaps, len(s.tokens)
    # the verb: the longest dictionary word of three, two syllables, or one, each followed by a space
    if k + 4 < n and gaps[k + 1] == " " and gaps[k + 2] == " " and gaps[k + 3] == " " \
            and f"{toks[k]} {toks[k + 1]} {toks[k + 2]}".lower() in lex.compounds:
        q = k + 3
    elif k + 3 < n and gaps[k + 1] == " " and gaps[k + 2] == " " and f"{toks[k]} {toks[k + 1]}".lower() in lex.compounds:
        q = k + 2
    elif k + 2 < n and gaps[k + 1] == " ":
        q = k + 1
    else:
        return False
    return bool(_NUMBER.fullmatch(toks[q])) and gaps[q + 1] == " " and toks[q + 1].islower()


def _function_word_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Is word k a lower-case conjunction, adverb, pronoun, particle or determiner, which ends a title
    ("Luật phải …", "Hội nghị thượng đỉnh G20 vừa diễn ra"), unless it completes a word or opens a noun
    ("chính" in "chính sách", policy)?"""
    w = s.words[k][2]
    if not w.islower() or lex.word_class.get(w) not in ("conjunction", "adverb", "pronoun", "particle", "determiner") \
            or _completes_word(s, k, lex):
        return False
    if k + 1 < len(s.words) and s.gap(k + 1) == " ":
        pair = f"{w} {s.words[k + 1][2].lower()}"
        if lex.word_class.get(pair, "noun" if pair in lex.compounds else "") in ("noun", "adjective"):
            return False
        if k > 0 and (s.words[k - 1][2],) in lex.topics and lex.word_class.get(pair) == "verb":
            return False                    # "Nghị quyết … về sắp xếp, đổi mới …": a topic's verb ("sắp xếp", to
            # arrange) whose first syllable alone is an adverb ("sắp", about to)
    return True


_IMPLEMENT_LEADS = (("để",), ("triển", "khai"))


def _implements_title_at(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does "(để) (triển khai) thực hiện <Agreement>" start at word k? A plan named by the agreement it
    implements keeps it in its name ("Kế hoạch hành động quốc gia để thực hiện Chương trình Nghị sự
    2030 …"); the implementing verbs are the underFramework/inner cues of cues.tsv."""
    toks, n = s.tokens, len(s.tokens)
    i = k
    for lead in _IMPLEMENT_LEADS:           # (their words are in lower case: phrase_at's first test, then the rest)
        if i < n and toks[i].lower() == lead[0] and s.phrase_at(i, lead, case_sensitive=False):
            i += len(lead)
    if i >= n:
        return False                        # (no word left for a cue: phrase_at would say no to each)
    first = toks[i].lower()
    for cue, _, role in lex.cues.get("underFramework", ()):
        if role != "inner":
            continue
        cw = cue.split()
        if cw and cw[0].lower() != first:
            continue                        # (phrase_at's first test)
        if s.phrase_at(i, cw, case_sensitive=False) and i + len(cw) < len(s.words) \
                and s.words[i + len(cw)][2][:1].isupper() and _heads_at(s, i + len(cw), lex, "Agreement"):
            return True
    return False


def _word_size_at(s: _Sent, k: int, lex: Lexicon) -> int:
    """Syllables in the longest dictionary word starting at word k (1 when none is longer)."""
    toks, gaps, n = s.tokens, s.gaps, len(s.tokens)
    if k + 3 <= n and gaps[k + 1] == " " and gaps[k + 2] == " " \
            and f"{toks[k]} {toks[k + 1]} {toks[k + 2]}".lower() in lex.compounds:
        return 3
    if k + 2 <= n and gaps[k + 1] == " " and f"{toks[k]} {toks[k + 1]}".lower() in lex.compounds:
        return 2
    return 1


def _pair_of_actions(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Is the word before the comma at word k an action too ("Quản lý, sử dụng", "Sửa đổi, bổ sung":
    a verb, or a compound the sample does not tag), so that the two verbs name the title's subject?"""
    size = _word_size_before(s, k, lex)
    if size > 1 and s.words[k - 1][2][:1].isupper():
        return False                        # "… sông Cửu Long, thúc đẩy …": a proper name, then the clause
    cls = _word_class_at(s, k - size, lex)
    return cls == "verb" or (size > 1 and cls is None and s.words[k - size][2][:1].isupper())
    # (an untagged compound counts as an action only as the title's capitalised first word: "Quản lý")


def _word_size_before(s: _Sent, k: int, lex: Lexicon) -> int:
    """Syllables in the longest dictionary word that ends just before word k (1 when none is longer)."""
    for size in (3, 2):
        if k - size >= 0 and all(s.gap(k - size + i) == " " for i in range(1, size)) \
                and " ".join(s.words[k - size + i][2] for i in range(size)).lower() in lex.compounds:
            return size
    return 1


def _word_class_at(s: _Sent, k: int, lex: Lexicon) -> str | None:
    """The class of the longest dictionary word starting at word k ("điều chỉnh": verb)."""
    toks, gaps, n = s.tokens, s.gaps, len(s.tokens)
    if k + 2 <= n and gaps[k + 1] == " ":   # (as _word_size_at)
        if k + 3 <= n and gaps[k + 2] == " ":
            word = f"{toks[k]} {toks[k + 1]} {toks[k + 2]}".lower()
            if word in lex.compounds:
                return lex.word_class.get(word)
        word = f"{toks[k]} {toks[k + 1]}".lower()
        if word in lex.compounds:
            return lex.word_class.get(word)
    return lex.word_class.get(toks[k].lower())


def _subdivision_end(s: _Sent, k: int, lex: Lexicon) -> int | None:
    """The word after a foreign state's or province's name starting at word k (gazetteer/subdivisions.tsv:
    "New South Wales", "Virginia"), or None when no listed name starts there."""
    if k >= len(s.words) or s.gap(k) != " " or not lex.subdivisions:
        return None
    at = s.words[k][0]
    for f in lex.subdivisions.get(s.form[at:s.words[k][1]], ()):
        end = at + len(f)
        if s.form.startswith(f, at) and not _is_word_char(s.form[end:end + 1] or " "):
            x = k
            while x < len(s.words) and s.words[x][0] < end:
                x += 1
            return x
    return None


def _completes_word(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does word k finish a dictionary word begun by the word before it ("tự" + "do")?"""
    return k > 0 and s.gap(k) == " " and f"{s.words[k - 1][2].lower()} {s.words[k][2].lower()}" in lex.compounds


def _topic_possessive_at(s: _Sent, j: int, k: int, lex: Lexicon) -> bool:
    """Is word k a "của" (of) inside the topic a title's "về" opened, before a lower-case noun? "Tuyên bố ASEAN
    về bảo vệ quyền của người lao động di cư": the possessive belongs to the topic; after a title with no
    "về" ("Hiệp định … của Chính phủ"), or before a capital, a pronoun or a determiner, "của" ends it."""
    if s.words[k][2] != "của" or k + 1 >= len(s.words) or s.gap(k) != " " or s.gap(k + 1) != " ":
        return False
    nxt = s.words[k + 1][2]
    if not (nxt.isalpha() and nxt.islower()) or not any(s.words[i][2] == "về" for i in range(j, k)):
        return False
    two = f"{nxt} {s.words[k + 2][2]}" if k + 2 < len(s.words) and s.gap(k + 2) == " " else ""
    return lex.word_class.get(nxt) == "noun" or (two in lex.compounds and lex.word_class.get(two) not in CLAUSE_CLASSES)


def _stop_word_completes(s: _Sent, k: int, lex: Lexicon) -> bool:
    """Does the stop word k finish a dictionary word begun by the word before it ("tự do": free, not
    "do", by)? Not when that word already ends one begun before it: "quốc gia" + "từ" is not "gia từ"
    (the words of a phrase are read left to right)."""
    if k > 1 and s.gap(k) == " " and s.gap(k - 1) == " " \
            and " ".join(s.words[i][2].lower() for i in (k - 2, k - 1, k)) in lex.compounds:
        return True                         # "thích ứng với" (adapt to, words.tsv): a verb with its preposition
    return _completes_word(s, k, lex) and not (
        k > 1 and s.gap(k - 1) == " " and f"{s.words[k - 2][2].lower()} {s.words[k - 1][2].lower()}" in lex.compounds)


def _new_title_follows(s: _Sent, k: int, lex: Lexicon) -> bool:
    """After "và" at word k, does a capitalised Agreement head come within three words ("và dự thảo
    Hiệp định …")? Then the title before "và" is complete and a second one starts."""
    for i in range(k + 1, min(k + 4, len(s.words))):
        if s.words[i][2][:1].isupper() and _heads_at(s, i, lex, "Agreement"):
            return True
    return False


_LOWER_AGREEMENT: dict[int, tuple[object, re.Pattern | None]] = {}


def _lower_agreement_rx(lex: Lexicon) -> re.Pattern | None:
    """Once per lexicon: a signing or negotiating verb (cues.tsv partyTo/negotiate), then a
    treaty head in lower case (partyTo/treaty) and "về" (on): "đàm phán thỏa thuận về hợp tác nghề cá"."""
    hit = _LOWER_AGREEMENT.get(id(lex.cues))
    if hit is None or hit[0] is not lex.cues:
        verbs = sorted({match_form(c) for c, _, r in lex.cues.get("partyTo", ()) if r == "negotiate"}, key=len, reverse=True)
        heads = sorted({match_form(c) for c, _, r in lex.cues.get("partyTo", ()) if r == "treaty"}, key=len, reverse=True)
        # (or "hợp tác" and more words: "ký kết bản ghi nhớ hợp tác giữa Bộ Công an và IOM", a cooperation
        # memorandum named by what follows; "ký thỏa thuận hợp tác." alone names none)
        # (or, without the verb, the parties after "giữa" (between) in the same phrase: "theo quy định tại bản ghi
        # nhớ về tuyển dụng lao động giữa hai nước", "thỏa thuận hợp tác công nghệ giữa Nhật Bản và ASEAN")
        alts = "|".join(map(re.escape, heads))
        rx = re.compile(r"(?<!\w)(?:(?:%s) ((?:%s) (?:về (?!việc\b)|hợp tác (?=[^\W\d_])(?!với\b|và\b|để\b|nhằm\b)))"
                        r"|((?:%s) (?:về (?!việc\b)|hợp tác ))(?=[^.;:,()]{1,60}? giữa (?!các\b)\w))"
                        % ("|".join(map(re.escape, verbs)), alts, alts)) \
            if verbs and heads else None
        hit = _LOWER_AGREEMENT[id(lex.cues)] = (lex.cues, rx)
    return hit[1]


def _parties_named_after_between(title: str) -> bool:
    """Does "giữa" (between) in a title go on with a name or "hai" (the two …)?"""
    at = title.find(" giữa ")
    nxt = title[at + 6:].split(" ", 1)[0] if at >= 0 else ""
    return nxt == "hai" or nxt[:1].isupper()


def _lower_agreements(doc: Document, si: int, s: _Sent, lex: Lexicon, hits: dict[int, tuple[str, bool]], taken) -> list[Mention]:
    """A treaty named in lower case right after the verb that signs or negotiates it, by its topic: "hai
    bên nhất trí sớm đàm phán thỏa thuận về hợp tác nghề cá" is the Agreement "Thỏa thuận về hợp tác nghề
    cá" (a business's "thỏa thuận về việc …" is not)."""
    out = []
    for i, (ws, _, w) in enumerate(s.words):
        h, signed = hits.get(ws, (None, False)) if w.islower() else (None, False)   # (start -> its words, after a verb?)
        if h is None:
            continue
        hn = len(h.split()) - (1 if h.endswith(" về ") else 2)     # the head's words, without "về" / "hợp tác"
        heads = lex.heads_by_first.get("Agreement", {}).get(w.capitalize(), ())
        rid = next((r for hw, r, _ in heads if [match_form(x) for x in hw] == h.split()[:hn]), None)
        if rid is None or any(a <= ws < b for a, b in taken):
            continue
        m = _title_mention(doc, si, s, i, hn, lex, "Agreement", rid, {})
        if m is not None and not signed and not _parties_named_after_between(m.text):
            continue                        # (without its verb, the parties must be named: "giữa Nhật Bản và ASEAN",
            # "giữa hai nước"; "thỏa thuận hợp tác đầu tiên giữa một bang …" names none)
        between = m.text.find(" giữa ") if m is not None else -1
        if between > 0 and (cut := m.text.find(", ", between)) > 0:
            m = replace(m, end=m.start + cut, text=m.text[:cut])   # "… giữa hai nước, người lao động …": the parties end it
        if m is not None:
            out.append(replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": m.text[0].upper() + m.text[1:]}.items()))))
    return out


def _pattern_mentions(doc: Document, si: int, s: _Sent, lex: Lexicon, gaz_spans) -> list[Mention]:
    firsts = lex.head_first_words
    if firsts.isdisjoint(s.tokens):
        return []                            # no word of the sentence starts a head
    base = doc.sentences[si].start
    gaz = {g[0]: g for g in gaz_spans}
    covered = [(g[0], g[1]) for g in gaz_spans]
    out: list[Mention] = []
    org_taken: list[tuple[int, int]] = []

    def inside(a, b, spans):
        return any(x <= a and b <= y for x, y in spans)

    form = s.form
    starts = lex.pattern_starts              # word -> types with a head starting with it (memo)
    generic_by_first = lex.generic_by_first
    heads = list(compress(count(), map(firsts.__contains__, s.tokens)))
    generic_end = -1
    for i in heads:                          # most words start no head: nothing to do there
        ws, we, w = s.words[i]
        types = starts.get(w) or lex.heads_starting(w)
        generics = generic_by_first.get(w.lower())
        g_len = next((len(g) for g in generics
                      if form.startswith(g, ws) and not _is_word_char(form[ws + len(g):ws + len(g) + 1] or " ")), 0) \
            if generics and form.startswith(generics, ws) else 0
        if g_len:
            generic_end = ws + g_len
            continue                         # "Ban Tổ chức", "Lễ khai mạc": generic, not a name
        if ws < generic_end:
            continue                         # nor is a head inside it ("Tổ chức" of "Ban Tổ chức …")
        capital = w[0].isupper()
        # Locations no gazetteer lists: "huyện Mường Tè", "cửa khẩu Lao Bảo"
        hl = _heads_at(s, i, lex, "Location") if "Location" in types else None
        if hl and i > 0 and s.gap(i) == " " and f"{s.words[i - 1][2].lower()} {w.lower()}" in lex.place_compounds:
            hl = None                        # "Liên bang Xô Viết": "bang" of "liên bang" (federal); "bà xã X" (his wife)
        if hl and not inside(ws, we, covered) and not inside(ws, we, org_taken):
            k = i + hl[3]
            listed = _subdivision_end(s, k, lex) if hl[2] and k < len(s.words) and s.words[k][0] not in gaz else None
            # (a head that names a foreign state, one with a level in heads.tsv ("bang"): a state the list
            # knows ends with its name ("bang New South Wales", "bang Virginia Terry McAuliffe"); another
            # runs through at most the level's number of capitalised words. Other heads: 3)
            capitals, most = 0, (0 if listed else hl[2] or 3)
            if listed:
                k = listed
            while k < len(s.words) and capitals < most and s.gap(k) == " ":
                if s.words[k][2][:1].isupper() and not s.words[k][2].isupper() and s.words[k][0] not in gaz:
                    capitals += 1
                elif most == 3 and k > i + hl[3] and _completes_word(s, k, lex) and s.words[k - 1][2][:1].isupper() \
                        and k + 1 < len(s.words) and s.gap(k + 1) == " " and s.words[k + 1][2][:1].isupper():
                    most = 4                 # a place's kind spelt out in it ("Sân bay Quốc tế Nội Bài") has one more word
                elif not (k > i + hl[3] and _completes_word(s, k, lex) and s.words[k - 1][2][:1].isupper()
                          and k + 1 < len(s.words) and s.gap(k + 1) == " " and s.words[k + 1][2][:1].isupper()):
                    break                    # ("cửa khẩu Quốc tế Móng Cái": "tế" completes "Quốc tế", the name goes on)
                k += 1
            known = gaz.get(s.words[k][0]) if k > i + hl[3] and k < len(s.words) and s.gap(k) == " " else None
            if known is not None and lex.entries[known[2]].type == "Location" and s.words[k - 1][2].islower():
                while k < len(s.words) and s.words[k][1] <= known[1]:
                    k += 1                   # "cửa khẩu Quốc tế Móng Cái": the kind of gate, then its known place
            if k > i + hl[3]:
                a, b = ws, s.words[k - 1][1]
                out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Location", hl[1]))
                covered.append((a, b))
                if listed and k < len(s.words) and s.text[:ws].rstrip().endswith(lex.post_endings):
                    # "Thống đốc bang Virginia Terry McAuliffe": a post, its state, then its holder's name
                    holder = _foreign_name_after_head(doc, si, s, k, lex)
                    out += holder
                    covered += [(m.start - base, m.end - base) for m in holder]
        # Organizations: capitalised head + name; a lower-case head before a proper name ("tập đoàn
        # truyền thông Nikkei", "đảng UMNO"): the press writes a company's or a party's kind in lower case
        h = _heads_at(s, i, lex, "Organization") if "Organization" in types else None
        if h and (not capital and not _proper_name_follows(s, i + h[3], lex) and not _force_division_head(h[0], lex)
                  or (" " + s.text[max(0, ws - 12):ws].rstrip().lower()).endswith(lex.plural_words)):
            h = None                         # ("các công ty IT", "Nhiều Trường Đại học …": many, not one)
        if h and capital and i > 0 and s.gap(i) == " " and s.words[i - 1][2] in lex.street_words:
            h = None                         # "phố Đội Cấn", "đường Trường Chinh": a street named after a unit or a person
        if h and capital and i >= 2 and s.gap(i) == " " and s.gap(i - 1) == " " and s.words[i - 2][2] in lex.surnames \
                and s.words[i - 1][2][:1].isupper() and s.words[i - 1][2][1:].islower():
            h = None                         # "bà Nguyễn Hải Trường An": a person's name, not a school ("Trường")
        if h and capital and i >= 1 and s.gap(i) == " " and s.words[i - 1][2] in lex.surnames \
                and i + h[3] < len(s.words) and s.gap(i + h[3]) == " " and _cap(s.words[i + h[3]][2]) \
                and not s.words[i + h[3]][2].isupper() and (i + h[3] + 1 >= len(s.words) or s.gap(i + h[3] + 1) != " "
                                                            or not s.words[i + h[3] + 1][2][:1].isupper()):
            h = None                         # "Nguyễn Trường Giang", "Lưu Trường Phổ": a surname, then a given name
        if h and capital and _lone_proper_word_before(s, i, lex, gaz_spans):
            h = None                         # "tiếng Tây Ban Nha", "phố Bùi Viện", "phố Đội Cấn": inside a proper name
        if h and any(t in types and (o := _heads_at(s, i, lex, t)) and o[3] > h[3] for t in ("Agreement", "Event")):
            h = None                         # longest head wins: "Bộ luật Hình sự" is a code of law, not a "Bộ"
        if h and ws not in gaz and not inside(ws, we, covered) and not inside(ws, we, org_taken):
            head, rid, level, hn = h
            j = i + hn
            if s.phrase_at(j, head.split()) and not (
                    j + hn < len(s.words) and s.gap(j + hn) == " " and s.words[j + hn][2].islower()
                    and f"{s.words[j + hn - 1][2].lower()} {s.words[j + hn][2]}" in lex.compounds):
                continue                     # "Phó Tổng cục Tổng cục TDTT": the name starts at the head written again
                # (but "Phòng Phòng chống ma túy và tội phạm": the division of drug prevention, whose field opens
                # with the head's syllable in a word of its own, "phòng chống")
            if not capital and _force_division_head(head, lex) and (
                    _name_ends_at(s, j, lex) or s.words[j][2].islower() and not _lower_run(s, j, lex, True)):
                a, b = ws, s.words[j - 1][1]     # "phối hợp với phòng CSGT giải cứu …": a division named whole in
                out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Organization", rid,   # lower case
                                   attrs=(("level", str(level)), ("whole", "1"))))
                org_taken.append((a, b))
                continue
            if j < len(s.words) and s.gap(j) == " ":
                nxt = s.words[j][2]
                if nxt[:1].isupper() and _ROMANISED_NAME.fullmatch(nxt):
                    continue                 # "Ban Ki-moon": a foreign person's name, not the board ("Ban") of a body
                if head in lex.case_heads and nxt in lex.surnames and s.words[j][0] not in gaz and j + 2 < len(s.words) \
                        and all(s.gap(x) == " " and _cap(s.words[x][2]) and not s.words[x][2].isupper()
                                and _vietnamese(s.words[x][2]) for x in (j + 1, j + 2)) \
                        and _name_ends_at(s, j + 3, lex):
                    continue                 # "Vụ Trần Văn A: …": a case named after its defendant (cues.tsv trial)
                if head in lex.case_heads and nxt.isdigit() and j + 1 < len(s.words) and s.gap(j + 1) == " " \
                        and s.words[j + 1][2].islower():
                    continue                 # "Vụ 7 thanh tra giao thông …": the case of seven people, not a department
                    # (but "Vụ 1, Văn phòng Chính phủ": a numbered department)
                if head in lex.case_heads and s.words[j][0] not in gaz and any(c.isalpha() for c in nxt) \
                        and not _vietnamese(nxt) \
                        and (not nxt.isupper() or any(c.isdigit() for c in nxt) and not nxt.isdigit()):
                    continue                 # "Vụ Ceballos bị trì hoãn", "Vụ B-2 ném bom …": a case named by a foreign
                    # name or a code; a department's name is Vietnamese words or an acronym ("Vụ ASEAN")
                if capital and level <= 2 and (bare := _bare_locality_at(s, j, lex)):
                    # "Công an tỉnh", "UBND tỉnh": a provincial body named by its level, not its province (the
                    # article's one province: _bare_local_bodies; if it names none or several, no entity)
                    a, b = ws, s.words[j + bare - 1][1]
                    out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Organization", rid,
                                       attrs=(("level", str(level)), ("locality", s.text[s.words[j][0]:b]))))
                    org_taken.append((a, b))
                    continue
                subject_end = _named_by_subject(s, j, lex, lex.head_tails.get(rid, ()), gaz) if capital and nxt.islower() else j
                if subject_end > j:
                    a, b = ws, s.words[subject_end - 1][1]
                    out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Organization", rid,
                                       attrs=(("level", str(level)),)))
                    org_taken.append((a, b))
                elif _cap(nxt) or nxt.lower() in lex.name_words or s.words[j][0] in gaz \
                        or _NUMBER.fullmatch(nxt) and head not in lex.service_words \
                        or (nxt.islower() and _lower_run(s, j, lex, True)):
                    after_post = bool(lex.post_before.search(s.text, max(0, ws - 40), ws)
                                      # "Chánh Văn phòng Tổng cục …": a post that ends with the head itself
                                      or lex.post_before.search(s.text, max(0, ws - 40), s.words[j][0])) \
                        if lex.post_before else False
                    end = _extend_org(s, j, lex, gaz, level, after_post, head.split())
                    if end > j:
                        end = _up_to_own_acronym(s, end, lex)
                    if end > j and lex.head_tails.get(rid):
                        end = _org_tail(s, end, lex, gaz, lex.head_tails[rid], level)
                    g = gaz.get(s.words[j][0])
                    if end == j and g is not None and lex.entries[g[2]].type == "Country" and level >= 4:
                        pass                   # "Đội Hàn Quốc", "Đội Đài Bắc Trung Quốc": a country's team, not a unit
                    elif end == j and g is not None and lex.entries[g[2]].type == "Country" and head in lex.firm_heads:
                        pass                   # "Tập đoàn Hà Lan": a Dutch group (cues.tsv firm), no name
                    elif end == j and g is not None and lex.entries[g[2]].type == "Country":
                        end = j + 0            # "Đại sứ quán Hoa Kỳ": the head alone, qualified below
                        a, b = ws, s.words[j - 1][1]
                        text = s.text[a:b]
                        out.append(Mention(doc.id, si, base + a, base + b, text, "Organization", rid,
                                           attrs=(("level", str(level)),)))
                        org_taken.append((a, b))
                    elif end == j and (head in lex.abroad_words or len(head.split()) >= 2 and head[:1].islower()
                                       and any(_cap(x) for x in head.split()[1:])
                                       and level >= 3 and _parent_starts(s, j, lex, g, level)):
                        # "Thượng viện Sanasee …": the senate, then its president; "cơ quan CSĐT Công an tỉnh X": a
                        # lower-case head that is a whole unit's name, then the body it belongs to ("Cơ quan Thường
                        # trực Ban Chỉ đạo 138/CP" is no such head: a standing office is named with its parent)
                        a, b = ws, s.words[j - 1][1]
                        out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Organization", rid,
                                           attrs=(("level", str(level)),)))
                        org_taken.append((a, b))
                    elif end > j and level >= 4 and _is_country_name(s.text[s.words[j][0]:s.words[end - 1][1]], lex):
                        pass                   # "Đội Hàn Quốc A": a country's team, not a unit
                    elif end > j and s.text[s.words[j][0]:s.words[end - 1][1]] in lex.eponymous_words:
                        pass                   # "Trường THPT" alone: a school of that kind, not one school
                    elif end > j and level >= 4 and all(_cap(s.words[x][2]) for x in range(j, end)) \
                            and end < len(s.words) and s.gap(end) == " " and (ge := gaz.get(s.words[end][0])) is not None \
                            and lex.entries[ge[2]].type == "Country":
                        pass                   # "Đội Đài Bắc Trung Quốc" (Chinese Taipei): a team named by a place and a country
                    elif end > j and _initial_at(s, end - 1):
                        pass                   # "trường CĐ H. đang theo học": an initial hides the name
                    elif end > j:
                        a, b = ws, s.words[end - 1][1]
                        text = s.text[a:b]
                        if match_form(text) not in lex.generic:
                            attrs = (("level", str(level)),) if capital else \
                                (("canonical", text[0].upper() + text[1:]), ("level", str(level)))
                            out.append(Mention(doc.id, si, base + a, base + b, text, "Organization", rid, attrs=attrs))
                            org_taken.append((a, b))
        # Agreements and events: capitalised head + title (may nest inside another title)
        for etype in ("Agreement", "Event") if capital else ():
            h = _heads_at(s, i, lex, etype) if etype in types else None
            if not h or (ws in gaz and lex.entries[gaz[ws][2]].type != etype) or inside(ws, we, org_taken):
                continue
            if ws in gaz:
                continue                     # a gazetteer agreement: already found
            head, rid, _, hn = h
            if etype == "Event":
                out += events.title_event(doc, si, s, i, hn, lex, etype, rid, gaz)
                continue
            if etype == "Agreement" and i > 1 and s.gap(i) == " " and _inside_capitalised_name(s, i - 1, lex):
                continue                     # "quan hệ Đối tác Chiến lược giữa hai nước": inside another name
            m = _title_mention(doc, si, s, i, hn, lex, etype, rid, gaz)
            if m:
                out.append(m)
        # lower-case event heads: ordinal events ("hội thảo lần thứ nhất") or references
        if LOWER_EVENT in types:
            for hw, rid in lex.lower_event_heads[w.capitalize()]:
                if s.phrase_at(i, hw, case_sensitive=True):
                    m = events.lower_event(doc, si, s, i, len(hw), lex, rid)
                    if m:
                        out.append(m)
                    break
    return out


def _title_mention(doc, si, s: _Sent, i, hn, lex, etype, rid, gaz) -> Mention | None:
    """An agreement's title after its head ("Hiệp định giữa … về …"); events: see events.title_event."""
    base = doc.sentences[si].start
    ws = s.words[i][0]
    j = i + hn
    if j >= len(s.words) or _is_stop(s, j, lex, etype) or s.gap(j).strip() not in ("", ":", "“", "\"", ": “"):
        return None
    long_end, short_end = _title_ends(s, j, lex, etype, gaz)
    if etype == "Agreement":
        long_end = short_end = _up_to_acronym(s, long_end, lex)
        long_end = short_end = _through_especially(s, long_end, lex)
        if lex.cited_article is not None and s.words[j - 1][2] in lex.law_heads \
                and lex.cited_article.search(s.text, max(0, ws - 30), ws) and (v := s.text.find(" về ", ws, long_end)) > 0:
            long_end = short_end = v        # "theo Điều 150 Bộ luật Hình sự năm 2015 về tội mua bán người": the
            # article's offence, not the law's subject
        elif s.words[j - 1][2] in lex.law_heads and (v := _charge_at(s.text, ws, long_end, lex)):
            long_end = short_end = v        # "bị khởi tố theo Bộ luật Hình sự về tội mua bán người": the charge
    tail = s.text[short_end:long_end]
    if tail.count(",") == 1 and len(tail.split()) <= 3:
        long_end = short_end                # ", khu vực" is an adjunct, not part of the title
    text = _without_trailing_function_words(s.text[ws:long_end].rstrip(" ,-–"), hn, lex)
    short = _without_trailing_function_words(s.text[ws:short_end].rstrip(" ,-–"), hn, lex)
    if len(text.split()) < hn + 1:
        return None
    before = s.text[max(0, ws - 24):ws].rstrip().lower()
    if etype == "Agreement" and ((" " + before).endswith(lex.plural_words) or (lex.count_before and lex.count_before.search(before))) \
            and not any(w[:1].isupper() or w[:1].isdigit() for w in text.split()[hn:]):
        return None                         # "12 Hiệp định thương mại tự do", "các Đề án …": a kind, not one document
    if etype == "Agreement" and not _named_enough(text, hn, lex):
        return None
    attrs = [("aliases", short)] if short != text else []
    return Mention(doc.id, si, base + ws, base + ws + len(text), text, etype, rid, attrs=tuple(attrs))


def _especially_nouns_end(s: _Sent, k: int, lex: Lexicon) -> int:
    """"…, đặc biệt là phụ nữ và trẻ em, …": word k opens an "especially" phrase (cues.tsv especially) followed
    by a few lower-case words with no verb, up to a comma or the sentence's end: the word index after them
    (a title goes on through them), else 0."""
    for phrase in lex.especially:
        size = len(phrase.split())
        if not s.phrase_at(k, phrase.split()):
            continue
        e = k + size
        while e < len(s.words) and s.gap(e) == " " and e - k - size < 6:
            e += 1
        words = [s.words[x][2] for x in range(k + size, e)]
        if words and (e == len(s.words) or s.gap(e).strip() in (",", ".", ";")) \
                and all(w.islower() and w.isalpha() for w in words) \
                and not any(_word_class_at(s, x, lex) in ("verb", "adverb") for x in range(k + size, e)):
            return e
    return 0


def _charge_at(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where a charge (cues.tsv charge: "về tội" + the offence) starts in text[start:end], or 0; "về tội phạm
    mạng" (on cybercrime) is a subject: "tội phạm" is one word (rules/words.tsv), not "tội" + an offence."""
    for cue in lex.charge_words:
        at = text.find(" " + cue + " ", start, end)
        if at > 0:
            nxt = _LETTERS_WORD.match(text, at + len(cue) + 2)
            if nxt and f"{cue.split()[-1]} {nxt.group()}".lower() not in lex.compounds:
                return at
    return 0


def _through_especially(s: _Sent, end: int, lex: Lexicon) -> int:
    """"Kế hoạch …, đặc biệt là khu vực biên giới đang …": an "especially" phrase the title could not take
    in (a clause follows it, not a few nouns) is no part of it: the title ends before its comma."""
    for phrase in lex.especially:
        head = ", " + phrase.rsplit(" ", 1)[0]
        if s.text.endswith(head, 0, end) and s.text.startswith(phrase[len(head) - 2:], end):
            return end - len(head)
    return end


def _up_to_acronym(s: _Sent, end: int, lex: Lexicon) -> int:
    """"Tuyên bố về ứng xử của các bên ở Biển Đông (DOC)": a title the text closes with its acronym in
    parentheses runs to it, through "của các bên" that would end a title elsewhere, when the words in
    between hold no verb and no clause punctuation (no clause of the sentence comes in between)."""
    ahead = _ACRONYM_AHEAD.match(s.text, end)
    if not ahead or not s.text[end:end + 1] == " ":
        return end
    stop = ahead.end() - len(ahead.group().rsplit(" (", 1)[1]) - 2
    # "…, đặc biệt là phụ nữ và trẻ em (ACTIP)": "especially" (cues.tsv especially), no clause's verb
    between = s.text[end:stop]
    for phrase in lex.especially:
        between = between.replace(phrase, phrase.rsplit(" ", 1)[0])
    between = between.split()
    if between[:1] and any(s.text[:end].rstrip().endswith(p.rsplit(" ", 1)[0]) and between[0] == p.rsplit(" ", 1)[1]
                           for p in lex.especially if " " in p):
        between = between[1:]
    if not between or len(between) > 8 or any(lex.word_class.get(w.lower()) in ("verb", "adverb") for w in between):
        return end
    return stop


_TRAILING = frozenset({"preposition", "conjunction", "determiner", "particle"})


def _without_trailing_function_words(title: str, hn: int, lex: Lexicon, dangling: frozenset[str] = frozenset()) -> str:
    """"… thực phẩm quốc gia trong", "… đối với", "… và": a title never ends on a function word (the
    phrase it opened was cut off), nor on a `dangling` word that needs what follows ("lần", time)."""
    words = title.split(" ")
    while len(words) > hn + 1:
        last = words[-1].lower()
        if last in dangling:
            words = words[:-1]
            continue
        pair = " ".join(words[-2:]).lower()
        if pair in lex.compounds and lex.word_class.get(pair) in _TRAILING:
            words = words[:-2]
        elif pair in lex.compounds:
            break                           # "tự do" (free) ends a word, not on "do" (by)
        elif last in lex.and_words or (words[-1].isalpha() and words[-1].islower() and lex.word_class.get(last) in _TRAILING):
            words = words[:-1]
        else:
            break
    return " ".join(words)


def _identifying_number(word: str, before: str) -> bool:
    """A number that tells one document from another: a year, a code ("46/2016/NĐ-CP", "30a") or a
    number after "số"; not a quantity ("kéo dài 2 năm")."""
    if not any(c.isdigit() for c in word):
        return False
    return bool(_YEARS.fullmatch(word)) or not word.isdigit() or before.lower() == "số"


_TITLE_PREPOSITIONS = frozenset({"về", "giữa"})
_CLAUSE_OPENERS = frozenset({"adverb", "adjective", "pronoun", "particle", "determiner", "preposition", "conjunction"})


def _clause_after_law(rest: list[str], lex: Lexicon) -> bool:
    """"Luật thực sự đi vào cuộc sống", "Luật bởi thực ra …": the capitalised "Luật" (the Law the article
    is about) followed by a clause, not a title written in lower case ("Luật giao thông đường bộ",
    "Luật bảo vệ, chăm sóc và giáo dục trẻ em"): the first word is an adverb, an adjective or a
    preposition other than "về"/"giữa" (a title's first word is a noun or the verb of its subject)."""
    words = [w.strip(",").lower() for w in rest[:2]]
    phrase = " ".join(words) if len(words) == 2 and " ".join(words) in lex.compounds else words[0]
    cls = lex.word_class.get(phrase)
    return cls in _CLAUSE_OPENERS and phrase not in _TITLE_PREPOSITIONS and phrase not in lex.name_phrases \
        and not all(x in lex.name_words for x in phrase.split())


@lru_cache(maxsize=4)
def _followed_by_space(words: tuple[str, ...]) -> tuple[str, ...]:
    """Each of `words` with a space after it, made once per word list (not at every title)."""
    return tuple(w + " " for w in words)


def _named_enough(title: str, hn: int, lex: Lexicon) -> bool:
    """Does an agreement's title say which one it is? A capital, a number or a quotation after the
    head does, unless the quotation opens in lower case ('Kế hoạch "xuất khẩu" cầu thủ' only puts a word
    in scare quotes); so do three or more lower-case words ("Hiệp định dẫn độ tội phạm"). One or two
    ("Chương trình kỳ họp", "Kế hoạch đổ bể", "Hiệp định phù hợp") are a common noun and what the
    sentence says of it. A title may not start with "và" ("Luật và một số nội dung khác")."""
    rest = title.split()[hn:]
    if not rest or rest[0] in lex.and_words:
        return False
    if title.split()[hn - 1] in lex.law_heads and rest[0].islower() and _clause_after_law(rest, lex):
        return False
    if lex.construction_words and (" ".join(rest).lower() + " ").startswith(_followed_by_space(lex.construction_words)):
        return False                         # "Dự án mở rộng sân bay …", "Dự án Bãi đỗ xe …": building works, not an agreement
    if " ".join(title.split()[:hn]) in lex.capital_heads:
        # "Mục tiêu Phát triển Bền vững", "Tầm nhìn ASEAN 2025"; "Mục tiêu hàng đầu …" is a common noun
        first = rest[0].lstrip(QUOTES_OPEN)      # (or a quotation opening with a capital: 'Dự án "Đấu tranh …"')
        return first[:1].isupper() and not first.isdigit() and (len(rest) > 1 or first.isupper())
    if any(w[:1].isupper() or w[:1] in QUOTES_OPEN and not w[1:2].islower() or _identifying_number(w, rest[i - 1] if i else "số")
           for i, w in enumerate(rest)):                # (a number right after the head names it: "Nghị định 46")
        return True
    if " ".join(title.split()[:hn]) in lex.numbered_heads:
        return False                         # "Quyết định cấp giấy chứng nhận …" decides; it is not named
    if len(rest) == 2 and " ".join(rest).lower() in lex.compounds:
        # one word: a subject ("Hiệp định dẫn độ", on extradition), not what the sentence says of it
        return lex.word_class.get(" ".join(rest).lower()) not in ("verb", "adjective", "adverb")
    return len(rest) >= 3


# --- persons -------------------------------------------------------------------------------

def _titles_at(s: _Sent, i: int, lex: Lexicon) -> list[list[str]]:
    """The titles (persons.tsv) of the first word i that may start there, longest first: those of one word
    unless the next word is the second word of a longer one (as _heads_at)."""
    toks, w = s.tokens, s.tokens[i]
    if i + 1 < len(toks) and s.gaps[i + 1] == " " and toks[i + 1] in lex.title_seconds[w]:
        return lex.titles_by_first[w]
    return lex.title_singles[w]


def _person_mentions(doc: Document, si: int, s: _Sent, lex: Lexicon, taken, places=()) -> list[Mention]:
    base = doc.sentences[si].start
    out = []
    titles = lex.titles_by_first
    for i in compress(count(), map(titles.__contains__, s.tokens)):
        for tw in _titles_at(s, i, lex):
            if not s.phrase_at(i, tw):
                continue
            title = " ".join(tw)
            j = i + len(tw)
            if j + 1 < len(s.words) and title[0].isupper() and s.words[j][2] in lex.country_qualifiers \
                    and s.gap(j) == " " and s.gap(j + 1) == " " and (
                    _cap(s.words[j + 1][2]) and not _vietnamese(s.words[j + 1][2]) or s.words[j + 1][2] == "tại") \
                    and lex.country_qualifiers[s.words[j][2]] in lex.entries:
                # "Thủ tướng Anh Theresa May", "Đại sứ Anh tại Việt Nam Gareth Ward": "Anh" (Britain; also "he",
                # "elder brother") between a post and a foreign name, or the seat of a mission, is the post's
                # country (country_words.tsv qualifier)
                a, b = s.words[j][0], s.words[j][1]
                out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Country", "country_words.tsv",
                                   lex.country_qualifiers[s.words[j][2]]))
                out += _name_after_post(doc, si, s, j, [*taken, (a, b)], lex)
                break
            if j < len(s.words) and title[0].isupper() and s.gap(j) == " " and s.words[j][2].isupper() \
                    and any(x <= s.words[j][0] < y for x, y in taken):
                out += _name_after_post(doc, si, s, j, taken, lex)      # "Trưởng Phái đoàn IOM … <name>"
                break
            if j < len(s.words) and s.words[j][2] in titles and any(s.phrase_at(j, t) for t in titles[s.words[j][2]]):
                break                       # "ngài Phó Thủ tướng …": the next title opens the name
            if any(x == s.words[i][0] for x, _ in places):
                break                       # "Bà Rịa - Vũng Tàu": a place, not a lady
            k = j
            while k < len(s.words) and s.gap(k) == " " and k - j < 5 \
                    and not (k - j >= 2 and s.words[k][2] in lex.post_or_deputy_first_words and _post_starts(s, k, lex)) \
                    and (not s.words[k][2].isupper() or (
                    len(s.words[k][2]) == 1 and k > j)) and (
                    s.words[k][2][:1].isupper() or (k > j and s.words[k][2] in NAME_PARTICLES and k + 1 < len(s.words)
                                                     and s.words[k + 1][2][:1].isupper() and not _vietnamese(s.words[k - 1][2]))):
                k += 1                      # ("Mohamed Apandi bin Ali": "bin", son of, inside a Malay name)
            if j < len(s.words) and any(x <= s.words[j][0] < y for x, y in taken) and title[0].isupper():
                out += _name_after_post(doc, si, s, j, taken, lex)      # "Bộ trưởng Quốc phòng Malaysia <name>"
                break
            if k > j and k < len(s.words) and s.gap(k) == " " and s.words[k][2].islower() \
                    and f"{s.words[k - 1][2].lower()} {s.words[k][2]}" in lex.compounds \
                    and (k - j == 1 or s.words[j][2] not in lex.surnames
                         or lex.word_class.get(f"{s.words[k - 1][2].lower()} {s.words[k][2]}")
                         or lex.word_class.get(s.words[k - 1][2].lower()) in CLAUSE_CLASSES | {"verb"}):
                # (but a full name from its surname is a person's when its last syllable and the next spell only a
                # rare dictionary word: "Bộ trưởng Lương Tam Quang dẫn đầu", not "quang dẫn"; a common one,
                # "… Phó Chủ tịch", or a last capital that is a function word or a verb ("… Sơn Theo thời gian", a
                # caption run on into the text) means the capitals ran on into the next words)
                h = _heads_at(s, j, lex, "Organization")
                if h and title[0].isupper():  # "Chủ tịch Thượng viện Sanasee Vigneswaran": a body named by its
                    out += _foreign_name_after_head(doc, si, s, j + h[3], lex)     # head alone, then its holder
                break                       # "Bộ trưởng Quốc phòng", "Chánh án Tòa án": a post's body, not a name
            if k - j >= 2 or (k - j >= 1 and title[0].isupper() and title not in ("Ông", "Bà")):
                a, b = s.words[i][0], s.words[k - 1][1]
                if any(x <= s.words[j][0] < y for x, y in taken):
                    out += _name_after_post(doc, si, s, j, taken, lex)
                    break
                name = s.text[s.words[j][0]:b]
                out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Person", _TITLED + title,
                                   attrs=(("name", name), ("canonical", name))))
            elif k - j == 1 and s.words[j][2].isalpha() and not any(x <= s.words[j][0] < y for x, y in places):
                # "ông Putin", "bà Merkel", "ông Phúc": one word after a title of address names a person only
                # as the short form of a fuller name in the article (_short_person_names keeps it then)
                a, b = s.words[i][0], s.words[j][1]
                name = s.words[j][2]
                out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Person", _TITLED + title,
                                   attrs=(("canonical", name), ("name", name), ("short", "1"))))
            break
    return out


def _holders_after_post_and_body(doc: Document, si: int, s: _Sent, lex: Lexicon, taken, found: list[Mention],
                                 places=()) -> list[Mention]:
    """"Cục trưởng Cục Lãnh sự Nguyễn Văn Bình", "Vụ trưởng Vụ Pháp chế …": a post that is no title of address
    (persons.tsv post), the body it is held in, then the holder's name (never a place: "Chỉ huy trưởng Bộ đội
    Biên phòng Quảng Trị" names the province's border guard)."""
    base = doc.sentences[si].start
    if not taken:
        return []
    posts = lex.untitled_posts_by_first
    have = {(p.start, p.end) for p in found}
    out = []
    for i in compress(count(), map(posts.__contains__, s.tokens)):
        for pw in posts[s.words[i][2]]:
            j = i + len(pw)
            if not s.phrase_at(i, pw) or j >= len(s.words):
                continue
            inside = s.gap(j) != " " or not any(x == s.words[j][0] for x, _ in taken)
            if inside:
                # "Tổng Thanh tra Chính phủ Phan Văn Sáu": the post's last word opens the body's name (the
                # general inspector heads "Thanh tra Chính phủ"); no pattern sees that post (relations.py)
                j = next((k for k in range(i + 1, j) if any(x == s.words[k][0] for x, _ in taken)), None)
                if j is None:
                    continue
            for m in _name_after_post(doc, si, s, j, taken, lex, inside):
                if any(a < m.end - base and m.start - base < b for a, b in places):
                    continue
                words = m.text.split()
                if len(words) < 3 and all(_vietnamese(w) for w in words):
                    continue                # "Đội trưởng Đội TTGT Ninh Kiều": two Vietnamese syllables after a
                    # body are its place; a Vietnamese holder is named in full
                if (m.start, m.end) not in have:
                    have.add((m.start, m.end))
                    out.append(m)
            break
    return out


def _holders_before_post(doc: Document, si: int, s: _Sent, lex: Lexicon, taken, found: list[Mention]) -> list[Mention]:
    """"Nguyễn Văn A, Thứ trưởng Bộ Công an; Lê Thị B, Phó Chủ tịch …": in a list of guests (a sentence with a
    semicolon: looking in every sentence cost 1.3 % of extraction), a full Vietnamese name (a surname and
    one to three capitalised syllables) with no title before it, then a comma and a post (persons.tsv post,
    maybe after a deputy word). The name must open the sentence or an item of a list (after ":", ";", ",",
    "(" or a cue word such as "có", "và", "cùng", "gồm"), so that the capitals of a body or a place before it are not read as one."""
    posts = [i for i in compress(count(), map(lex.post_or_deputy_first_words.__contains__, s.tokens))
             if i >= 2 and s.gap(i).strip() == "," and _capital_post_at(s, i, lex)]
    if not posts:
        return []
    base = doc.sentences[si].start
    have = {(p.start, p.end) for p in found}
    out = []
    for i in posts:
        k = j = i                                 # the name is words j .. k-1
        while j > 0 and k - j < 4 and (j == k or s.gap(j) == " "):
            w = s.words[j - 1][2]
            if not (w[:1].isupper() and w.isalpha() and not w.isupper()) or any(a <= s.words[j - 1][0] < b for a, b in taken):
                break
            j -= 1
            if s.words[j][2] in lex.surnames and k - j >= 2 and _opens_item(s, j, lex):
                a, b = s.words[j][0], s.words[k - 1][1]
                if (base + a, base + b) not in have:
                    name = s.text[a:b]
                    have.add((base + a, base + b))
                    out.append(Mention(doc.id, si, base + a, base + b, name, "Person", "entities.name-before-post",
                                       attrs=(("canonical", name), ("name", name))))
                break
    return out


def _capital_post_at(s: _Sent, i: int, lex: Lexicon) -> bool:
    """Does a capitalised post (persons.tsv post, maybe after a deputy word: "Phó Chủ tịch") start at word i?"""
    w = s.words[i][2]
    if w in lex.deputies and i + 1 < len(s.words) and s.gap(i + 1) == " ":
        i, w = i + 1, s.words[i + 1][2]
    return any(s.phrase_at(i, p) for p in lex.posts_by_first.get(w, ()))


def _opens_item(s: _Sent, j: int, lex: Lexicon) -> bool:
    """Does word j open the sentence or an item of a list (after punctuation or lex.item_openers)?"""
    if j == 0:
        return True
    gap = s.gap(j).strip()
    if gap and gap[-1] in ":;,(":
        return True
    return not gap and s.words[j - 1][2].lower() in lex.item_openers


def _foreign_name_after_head(doc: Document, si: int, s: _Sent, k: int, lex: Lexicon) -> list[Mention]:
    """The holder's foreign name right after a post and a body named by its head alone ("Chủ tịch
    Thượng viện Sanasee Vigneswaran"): two or more capitalised words that are not Vietnamese syllables."""
    e = k
    while e < len(s.words) and e - k < 4 and s.gap(e) in (" ", "-") and s.words[e][2][:1].isupper() \
            and (not _vietnamese(s.words[e][2]) or s.words[e][2] in NAME_PARTICLES or e > k):
        e += 1
    if e - k < 2 or _vietnamese(s.words[k][2]) or any(_region_at(s, x, lex) for x in range(k, e)):
        return []                           # ("Ủy ban Olympic Châu Á": a continent is in no person's name)
    base = doc.sentences[si].start
    a, b = s.words[k][0], s.words[e - 1][1]
    name = s.text[a:b]
    return [Mention(doc.id, si, base + a, base + b, name, "Person", "entities.name-after-post",
                    attrs=(("canonical", name), ("name", name)))]


_ACRONYM_AFTER_BODY = re.compile(r" \((?=[^()]*[A-Z])[A-Z0-9+&\-]{2,12}\)(?= )")     # " (WIPO)" after a body's name


def _name_after_post(doc: Document, si: int, s: _Sent, j: int, taken, lex: Lexicon, inside: bool = False) -> list[Mention]:
    """"Thứ trưởng Bộ Công an Nguyễn Văn Long": a post, the body it is held in, then the name."""
    org_end = max(y for x, y in taken if x <= s.words[j][0] < y)
    country = next((y for x, y in taken if x == org_end + 1 and s.text[org_end:org_end + 1] == " "), None)
    if country is not None:
        org_end = country                   # "Bộ trưởng Quốc phòng Malaysia <name>": the body's country, then the name
    acr = _ACRONYM_AFTER_BODY.match(s.text, org_end)
    if acr is not None:
        org_end = acr.end()                 # "Tổng Giám đốc Tổ chức Sở hữu trí tuệ thế giới (WIPO) Francis Gurry"
    if s.text[org_end:org_end + 1] == " ":
        rest = s.text[org_end + 1:org_end + 40]
        place = max((e for a, e, (_, keys) in lex.gazetteer_matches(rest) if a == 0
                     and lex.entries[keys[0][0]].type == "Location" and not _is_word_char(rest[e:e + 1] or " ")), default=0)
        org_end += place + 1 if place else 0    # "Viện phó VKSND tỉnh Cao Bằng Đàm Nghĩa Quân": the body's place, then the name
    # "Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper": the body's seat (country/seat cue + a known name) first
    for seat in lex.seat_words:
        if s.text.startswith(f" {seat} ", org_end):
            after = org_end + len(seat) + 2
            rest = s.text[after:after + 60]
            known = [e for a, e, _ in lex.gazetteer_matches(rest) if a == 0 and not _is_word_char(rest[e:e + 1] or " ")]
            org_end = after + max(known) if known else next((y for x, y in taken if x == after), org_end)
            break
    k = next((i for i, w in enumerate(s.words) if w[0] >= org_end), None)
    if k is None or s.text[org_end:s.words[k][0]] != " ":
        return []
    e, particles = k, 0
    # (up to four words of a name, five of a foreign one ("Adel Mohamed Ali Ba Hamid"), besides the particles of
    # Arabic and Malay names: "Tamim Bin Hamad Al Thani")
    most = 4 if _vietnamese(s.words[k][2]) else 5
    while e < len(s.words) and e - k - particles < most and s.words[e][2][:1].isupper() and not s.words[e][2].isupper() \
            and (e == k or s.gap(e) in (" ", "-")) and not any(x <= s.words[e][0] < y for x, y in taken):
        particles += e > k and s.words[e][2].lower() in NAME_PARTICLES
        e += 1
    if e - k > 2 and e < len(s.words) and s.gap(e) == " " and s.words[e][2].islower() \
            and f"{s.words[e - 1][2].lower()} {s.words[e][2]}" in lex.compounds:
        e -= 1                              # "Thứ trưởng Bộ GD&ĐT Bùi Văn Ga Thí sinh …": "Thí sinh" (candidates)
        # is a word going on in lower case: the next sentence, glued on, begins there
    if e - k < 2 or any(_region_at(s, x, lex) for x in range(k, e)) or s.words[e - 1][2] in lex.clan_words \
            or (e < len(s.words) and s.gap(e) == " " and s.words[e][2] in lex.clan_words):
        return []                           # "Ủy ban Olympic Châu Á": a continent is in no person's name;
        # "Hội đồng Trị sự Nguyễn Phước Tộc": a family (tộc = clan), not its chairman
    base = doc.sentences[si].start
    a, b = s.words[k][0], s.words[e - 1][1]
    name = s.text[a:b]
    return [Mention(doc.id, si, base + a, base + b, name, "Person", POST_INSIDE_BODY if inside else "entities.name-after-post",
                    attrs=(("canonical", name), ("name", name), ("post_org", str(base + s.words[j][0]))))]


# --- document-level glue -------------------------------------------------------------------

_SENTENCES: tuple = (None, {})     # (the document find_mentions reads or read last, its sentences' _Sent by index)


def sentence_of(doc: Document, si: int) -> _Sent:
    """Sentence si of doc as a _Sent: the one find_mentions made, when it reads or read this document last
    (the event pass reads some sentences again), else a new one."""
    last = _SENTENCES                        # (one tuple, read and replaced whole: safe under threads)
    s = last[1].get(si) if last[0] is doc else None
    return s if s is not None else _Sent(doc.sentences[si].text)


def find_mentions(doc: Document, lex: Lexicon) -> list[Mention]:
    global _SENTENCES
    out: list[Mention] = []
    made: dict[int, _Sent] = {}
    _SENTENCES = (doc, made)
    governments = _government_words_at(doc.text, lex)
    titled_persons = False                   # (a person named with a persons.tsv title: see _titles_written_alone)
    doc_form = document_form(doc.text)       # (a sentence's form is a slice of the document's)
    for si, sent in enumerate(doc.sentences):
        s = made[si] = _Sent(sent.text, None, doc_form[sent.start:sent.start + len(sent.text)]) if doc_form is not None \
            else _Sent(sent.text, lowered_part(doc.text, sent.start, sent.start + len(sent.text)))
        if not s.tokens:
            continue
        words = lex.cue_words(s.tokens)      # (those of its words the word lists below are looked up for)
        form = s.form                        # match_form keeps lengths: a span's form is a slice of it
        gaz_spans = [g for g in _gazetteer_spans(sent.text, lex, form=form) if form[g[0]:g[1]] not in lex.generic
                     and not _inside_document_number(sent.text, g[0], g[1])]
        base = sent.start
        first = len(out)                     # this sentence's mentions are out[first:]
        rules_of: dict[int, str] = {}
        if governments and (g := bisect_left(governments, sent.start)) < len(governments) and governments[g] < sent.end:
            gaz_spans, rules_of = _governments(sent.text, lex, gaz_spans)
        for a, b, key in gaz_spans:
            e = lex.entries[key]
            out.append(Mention(doc.id, si, base + a, base + b, sent.text[a:b], e.type, rules_of.get(a, e.rule), key))
        if not lex.head_first_words.isdisjoint(words):
            out += _pattern_mentions(doc, si, s, lex, gaz_spans)
        if ("về" in words or "hợp" in words) and (rx := _lower_agreement_rx(lex)) is not None \
                and (hits := {m.start(g): (m.group(g), g == 1) for m in rx.finditer(s.form) for g in (1, 2) if m.group(g)}):
            out += _lower_agreements(doc, si, s, lex, hits, [(m.start - base, m.end - base) for m in out[first:]])
        if lex.distributive is not None and lex.may_distribute(words) and lex.distributive.search(sent.text):
            out += _distributed_mentions(doc, si, sent.text, lex, [(m.start - base, m.end - base) for m in out[first:]])
        if not lex.post_first_words.isdisjoint(words):
            gaz = {g[0]: g for g in gaz_spans}
            out += _bodies_named_by_posts(doc, si, s, lex, gaz, [(m.start - base, m.end - base) for m in out[first:]])
        titled = not lex.title_first_words.isdisjoint(words)
        posted = not lex.untitled_post_first_words.isdisjoint(words)
        if not titled and not posted:
            continue                         # no title and no post, no person
        # a post names a body or a country ("Đại sứ Hoa Kỳ"), never a person: the name comes after it
        taken = [(m.start - base, m.end - base) for m in out[first:] if m.type in ("Organization", "Country")]
        places = [(m.start - base, m.end - base) for m in out[first:] if m.type == "Location"]
        persons = _person_mentions(doc, si, s, lex, taken, places) if titled else []
        if posted:
            persons += _holders_after_post_and_body(doc, si, s, lex, taken, persons, places)
        if ";" in sent.text:             # (guests listed by name and post: "… có A, Thứ trưởng Bộ X; B, …")
            persons += _holders_before_post(doc, si, s, lex, taken + places, persons)
        if persons:
            # a person's name is not a place nor another person: "Nguyễn Hòa Bình" names no province,
            # "Phó Thủ tướng Thường trực Trương Hòa Bình" no "Thủ tướng Thường"
            persons = [p for p in persons if p.type != "Person" or not any(
                q.start <= p.start and p.end <= q.end and q.end - q.start > p.end - p.start for q in persons)]
            names = [(p.end - len(p.attr("name") or p.text), p.end) for p in persons if p.type == "Person"]
            out[first:] = [m for m in out[first:] if not (m.type in ("Location", "Country", "Person")
                                                           and any(a <= m.start and m.end <= b for a, b in names))]
            out += persons
            titled_persons = titled_persons or any(p.rule.startswith(_TITLED) for p in persons)
    out = _bare_local_bodies(out, lex)
    out = _numbered_siblings(doc, out)
    out = _given_names_are_not_countries(doc, out, lex)
    out = _one_syllable_countries(doc, out, lex)
    out = _short_country_pairs(doc, out, lex)
    out = _residences_are_not_places(doc, out, lex)
    out = _inner_names(doc, out, lex)
    out = _acronyms(doc, out)
    out = _event_acronyms(doc, out, lex)
    out = _parenthesised_short_names(doc, out)
    out = _inner_acronyms(doc, out, lex)
    out = _qualify_by_country(doc, out, lex)
    out = _foreign_forces_in_lower_case(doc, out, lex)
    out = _missions_named_without_their_seat(out)
    out = _bodies_under_a_country(doc, out, lex)
    out = _units_of_foreign_bodies(doc, out, lex)
    out = _posts_of_a_foreign_official(doc, out, lex)
    out = _bodies_only_abroad(doc, out, lex)
    out = _bodies_of_foreign_officials(doc, out, lex)
    out = _bodies_of_unnamed_states(doc, out, lex)
    out = _bare_bodies_of_the_named_state(doc, out, lex)
    out = _implied_heads(doc, out, lex)
    out = _units_of_local_bodies(doc, out, lex)
    out = _complete_short_names(out)
    out = _officials_after_their_place(doc, out)
    out = _short_person_names(out)
    out = _titles_through_their_agreement(doc, out)
    out = _mark_nesting(out)
    out = _no_titles_inside_known_bodies(out)
    out = _no_bare_governments_inside_bodies(out, lex)
    if lex.generic:                          # "Luật hình sự" (criminal law, the field), "Lễ tiễn đoàn": generic.tsv
        out = [m for m in out if m.key or m.type not in ("Agreement", "Event")
               or match_form(m.attr("canonical") or m.text) not in lex.generic]
    if titled_persons:                                     # (before events: their visitors are read by span)
        out = _titles_written_alone(doc, out, lex)
    out = ownerless.local_namesakes(doc.text, out, lex)    # (before events: their organisers are read by span)
    out = events.article_events(doc, out, lex)
    out = _local_acronyms(out)
    out = _drop_incomplete_locals(doc, out, lex)
    out = ownerless.provincial_bodies(out, lex)
    out = ownerless.routine_meetings(doc.text, out, lex)
    out = ownerless.ownerless_agreements(out, lex)
    out = ownerless.numbered_units(out, lex)
    out = ownerless.bare_events(doc.text, out, lex)
    out = _identities(doc, out, lex)
    out = _short_forms(doc, out, lex)
    return sorted(out, key=lambda m: (m.start, -m.end, m.type, m.text))


def _titles_written_alone(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Thủ tướng Nguyễn Xuân Phúc đã hội đàm … Thủ tướng cũng đã tham dự Hội nghị …": a title (persons.tsv
    title) written alone as a clause's subject, a lower-case word after it, is the one person the article
    named with that title right before the name. It is that person (a reference, not a new name); where the
    article named two so, or none, it is none. A title with a country ("Thủ tướng Hà Lan Mark Rutte") is
    another state's: the bare one in a Vietnamese article is the home one's, as an unqualified "Chính phủ" is."""
    plain = events.event_rules(lex).plain      # ("ông", "bà": a title of address, and a pronoun when alone)
    titled = [(m.rule[len(_TITLED):], m) for m in mentions if m.type == "Person" and m.rule.startswith(_TITLED)]
    titled = [(w, m) for w, m in titled if w.lower() not in plain]     # (the title each was named with)
    if not titled:
        return mentions
    text, out, since = doc.text, None, min(m.end for _, m in titled)
    firsts = {w.split(" ", 1)[0] for w, _ in titled}
    for first in firsts | {f[:1].upper() + f[1:] for f in firsts}:   # ("bà Haley" … "Bà cho biết")
        q = text.find(first + " ", since)
        while q >= 0:
            at, q = q, text.find(first + " ", q + 1)
            # a clause's start: a sentence's, or after a semicolon or an opening adjunct's comma ("Trong
            # chuyến thăm, Thủ tướng cũng đã …")
            if text[at - 2:at] not in (". ", "; ", ", ", "? ", "! ") and text[at - 1] != "\n":
                continue
            t = next((t for t in lex.titles_longest_first.get(first, ()) if text.startswith(t + " ", at)), None)
            after = _WORD_AFTER.match(text, at + len(t)) if t else None
            if after is None or not after.group(1).islower():
                continue             # "Thủ tướng Nguyễn Xuân Phúc": a name, read elsewhere
            low = t.lower()
            named = {mention_key(m): m for w, m in titled if m.end <= at
                     and (w.lower().startswith(low) or low.startswith(w.lower()))}
            if len(named) != 1 or any(m.start <= at < m.end for m in mentions):
                continue
            who = next(iter(named.values()))
            si = next((i for i, sent in enumerate(doc.sentences) if sent.start <= at < sent.end), None)
            if si is None:
                continue
            name = who.attr("name") or who.attr("canonical") or who.text
            if out is None:
                out = list(mentions)
            out.append(Mention(doc.id, si, at, at + len(t), t, "Person", "entities.title-alone",
                               attrs=(("anaphor", "1"), ("canonical", name), ("name", name))))
    return mentions if out is None else out


def _short_forms(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Hội Liên hiệp Phụ nữ Việt Nam … Hội đã phối hợp với …": a body's head noun written alone with a
    capital (cues.tsv short: "Hội", "Bộ", "Cục") is the one body of that head the article named before it.
    It is that entity (a reference, not a new name); where the article named several, or none, it is none.
    Not a head that forms a word with the next one ("Bộ trưởng", "Hội nghị")."""
    if not lex.short_heads:
        return mentions
    orgs = sorted((m for m in mentions if m.type == "Organization" and not m.attr("nested")), key=lambda m: m.start)
    if not orgs:
        return mentions                  # (no body named before a head: the text need not be searched)
    starts = {m.start for m in mentions}
    hits = [h for h in lex.short_re.finditer(doc.text) if h.start(1) not in starts
            and doc.text[h.end(1):h.end(1) + 1] == " " and doc.text[h.end(1) + 1:h.end(1) + 2].islower()]
    if not hits:                         # (most heads open a name: "Bộ Công an")
        return mentions
    spans = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    for hit in hits:
        a, b = hit.start(1), hit.end(1)
        if any(x <= a < y for x, y in spans):
            continue
        nxt = _WORD_AFTER.match(doc.text[b:b + 30])
        if nxt is None or not nxt.group(1).islower():
            continue                     # "Hội Nông dân …": a name, read elsewhere; "Hội." ends nothing
        if lex.word_class.get(nxt.group(1)) == "noun" or match_form(f"{hit.group(1)} {nxt.group(1)}") in lex.generic:
            continue                     # "Trung tâm dự báo …", "Bộ ngành": a name in lower case, a generic phrase
        if f"{hit.group(1).lower()} {nxt.group(1)}" in lex.compounds or \
                any(doc.text.startswith(" ".join(t), a) for t in lex.titles_by_first.get(hit.group(1), ())):
            continue                     # "Bộ trưởng", "Hội nghị", "Ban chỉ đạo": another word
        head = hit.group(1) + " "
        named = {mention_key(m): m for m in orgs if m.end <= a and (m.attr("canonical") or m.text).startswith(head)}
        if len(named) != 1:
            continue
        (key, body), = named.items()
        si = next((i for i, sent in enumerate(doc.sentences) if sent.start <= a < sent.start + len(sent.text)), None)
        if si is None:
            continue
        out.append(Mention(doc.id, si, a, b, doc.text[a:b], "Organization", "entities.short-form", body.key,
                           attrs=tuple(sorted({**{k: v for k, v in body.attrs if k in ("level", "country", "country_key")},
                                               "anaphor": "1", **({} if body.key else {"ref": key})}.items()))))
    return out


_MORE_NUMBERS = re.compile(r"(?:,\s*|\s+và\s+)số\s+(\d{1,3})\b")


def _numbered_siblings(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """"Cụm trinh sát số 1, số 2", "Đội … số 1, số 2 và số 3": numbered units listed by their numbers
    alone after the first one's full name are units of their own, named like the first."""
    out = list(mentions)
    for m in mentions:
        if m.type != "Organization" or m.key:
            continue
        head = _NUMBERED_NAME.fullmatch(m.text)
        if not head:
            continue
        pos = m.end
        while (more := _MORE_NUMBERS.match(doc.text, pos)) is not None:
            a, b = doc.text.index("số", more.start()), more.end(1)
            out.append(Mention(m.doc, m.sentence, a, b, doc.text[a:b], "Organization", m.rule,
                               attrs=tuple(sorted(dict(m.attrs, canonical=head.group(1) + more.group(1)).items()))))
            pos = more.end()
    return out


def _residences_are_not_places(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Places where a victim or a suspect lives ("trú tại xã X, huyện Y", rules/residences.tsv) are
    no Locations: nothing in the story happens there."""
    if lex.residence_re is None or not any(m.type == "Location" for m in mentions):
        return mentions
    spans = _residence_spans(doc.text, lex)
    if not spans:
        return mentions
    return [m for m in mentions if not (m.type == "Location" and any(a <= m.start and m.end <= b for a, b in spans))]


def _residence_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of lex.residence_re.finditer(text), in an article where a phrase is written as it is listed
    (none otherwise). The regex (a phrase's words apart by any white space) is tried only where a phrase's
    first word stands: a search of the whole text tries the phrases at every one of their first letters."""
    at, written = set(), False
    for first, phrases in lex.residences_by_first.items():
        k = text.find(first)
        while k >= 0:
            at.add(k)
            written = written or any(text.startswith(p, k) for p in phrases)
            k = text.find(first, k + 1)
    spans: list[tuple[int, int]] = []
    if not written:
        return spans
    pos = 0
    for k in sorted(at):                     # (as finditer: the leftmost match, then on after its end)
        if k >= pos and (r := lex.residence_re.match(text, k)):
            spans.append(r.span())
            pos = r.end()
    return spans


def _given_names_are_not_countries(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A one-syllable country name that ends a person's full name in the article ("Bùi Thị Nga") is
    that person's given name wherever the article uses it alone ("bắt giữ Nga và Chung"), not Russia."""
    singles = {m.text for m in mentions if m.type == "Country" and " " not in m.text and m.text.lower() in lex.syllables}
    if not singles or not lex.surnames:
        return mentions
    given = set()
    # the given name: the 3rd or 4th word of a name that opens with a surname ("Bùi Thị Nga")
    for a, b in whole_words(doc.text, sorted(singles)):
        if a < 2 or doc.text[a - 1] != " ":
            continue
        before = doc.text[max(0, a - 40):a].split()
        if len(before) >= 2 and before[-1][:1].isupper() and (
                before[-2] in lex.surnames and before[-1].isalpha()
                or len(before) >= 3 and before[-3] in lex.surnames and before[-2][:1].isupper()
                and before[-1].isalpha() and before[-2].isalpha()):
            given.add(doc.text[a:b])        # (a name's words are whole words with no punctuation: "… và Thái Lan.
            # Lào đã ký …" names no "Thái Lan Lào")
    if not given:
        return mentions
    return [m for m in mentions if not (m.type == "Country" and m.text in given)]




def _one_syllable_countries(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"sang Anh", "tại Ý", "Việt Nam và Anh": a one-syllable country name (country_words.tsv qualifier), capitalised
    inside a sentence, is the country after a word that takes a place or a state (country_words.tsv before) or
    after another country and "và", a comma or a dash. Elsewhere it stays no country: "Anh" is also "he", "elder
    brother" and a given name, and a capitalised word after it makes it part of a name ("Anh Dũng", "Anh
    hùng" after a title word is no lead), as do the words of country_words.tsv not-before ("Anh em", "Anh ấy")."""
    if not lex.qualifier_leads:
        return mentions
    text = doc.text
    separators = lex.country_pair_separators
    starts = None
    country_ends = None
    added = []
    for a, b in whole_words(text, lex.country_qualifier_words):
        if a < 2 or text[a - 1] != " " or not (text.endswith(separators, 0, a)
                                              or (" " + text[max(0, a - 16):a].lower()).endswith(lex.qualifier_leads)):
            continue                         # (the cheap tests first: most are given names, "Tuấn Anh")
        after = _WORD_AFTER.match(text, b)
        if after and (after.group(1)[:1].isupper() or after.group(1).lower() in lex.qualifier_not_before):
            continue                         # "Anh Dũng", "Anh em"
        if starts is None:
            starts = [s.start for s in doc.sentences]
        si = bisect_right(starts, a) - 1
        if si < 0 or a >= doc.sentences[si].end or doc.sentences[si].start >= a - 1:
            continue                         # a sentence's first word: the pronoun ("Anh cho biết …")
        lead = (" " + text[max(doc.sentences[si].start, a - 30):a].lower()).endswith(lex.qualifier_leads)
        if not lead:
            if country_ends is None:
                country_ends = {m.end for m in mentions if m.type == "Country"}
            if not any(text.endswith(sep, 0, a) and (a - len(sep)) in country_ends for sep in separators):
                continue
        key = lex.country_qualifiers[text[a:b]]
        if key in lex.entries and not any(m.start < b and a < m.end for m in mentions if m.sentence == si):
            added.append(Mention(doc.id, si, a, b, text[a:b], "Country", "country_words.tsv", key))
    return mentions + added if added else mentions


_DASHES = ("-", "–", "—")
_WORD_BEFORE_DASH = re.compile(r"(\w+) ?$")
_WORD_AFTER_DASH = re.compile(r" ?(\w+)")


def _capital_word_before(text: str, at: int) -> bool:
    """Is the word before offset `at` (after one space) capitalised ("Hà Nội - …": "Nội" ends a name)?"""
    if at < 2 or text[at - 1] != " ":
        return False
    k = text.rfind(" ", 0, at - 1)
    return text[k + 1:k + 2].isupper()


def _short_country_pairs(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"quan hệ Việt - Trung", "Ủy ban hợp tác Nhật-Việt": a state's one-syllable short form (country_words.tsv
    short) is the state in a pair joined by a dash with another short form or a country ("Việt - Lào"); alone it
    is a word ("Trung" also means middle: "miền Trung - Tây Nguyên" pairs no states). Only the words beside a
    dash are read (most articles have a few dashes, and "Việt", "Trung" in every line)."""
    if not lex.country_shorts:
        return mentions
    text = doc.text
    shorts = lex.country_shorts
    sides = []                               # (start, end, the other side's span) of short forms beside a dash
    before, after = lex.country_short_ends
    for dash in _DASHES:
        d = text.find(dash)
        while d >= 0:
            if not (text.endswith(before, 0, d) or text.startswith(after, d + 1)):
                d = text.find(dash, d + 1)
                continue                     # (most dashes join years or a byline: no short form beside them)
            left = _WORD_BEFORE_DASH.search(text, max(0, d - 12), d)
            right = _WORD_AFTER_DASH.match(text, d + 1)
            if left and right and (left.start(1) == 0 or not _is_word_char(text[left.start(1) - 1])) \
                    and (left.group(1) in shorts and not _capital_word_before(text, left.start(1))
                         or right.group(1) in shorts and not text[right.end(1) + 1:right.end(1) + 2].isupper()
                         or right.group(1) in shorts and text[right.end(1):right.end(1) + 1] != " "):
                # ("- Việt Nam": "Việt" begins the name "Việt Nam", no short form)
                sides.append((left.start(1), left.end(1), right.start(1), right.end(1)))
            d = text.find(dash, d + 1)
    if not sides:
        return mentions
    countries = [m for m in mentions if m.type == "Country"]
    country_at = {m.start for m in countries}
    country_end = {m.end for m in countries}
    starts = [s.start for s in doc.sentences]
    added = []
    for la, lb, ra, rb in sides:
        left, right = text[la:lb], text[ra:rb]
        for a, b, word, other_ok in ((la, lb, left, right in shorts or ra in country_at),
                                     (ra, rb, right, left in shorts or lb in country_end)):
            if word not in shorts or not other_ok or (a, b) in {(m.start, m.end) for m in added}:
                continue
            si = bisect_right(starts, a) - 1
            if si >= 0 and not any(m.start < b and a < m.end for m in mentions
                                   if m.sentence == si and m.type in ("Country", "Location", "Person")):
                added.append(Mention(doc.id, si, a, b, word, "Country", "country_words.tsv", shorts[word]))
    return mentions + added if added else mentions


def _government_words_at(text: str, lex: Lexicon) -> list[int]:
    """Where the article's text holds the first word of a government word (governments.tsv), in order: only
    a sentence with one of them is searched for government words (a regex search of every sentence costs
    several times more than a look for a few words in the whole text)."""
    if lex.government_re is None:
        return []
    out = []
    for w in lex.government_firsts:
        k = text.find(w)
        while k >= 0:
            out.append(k)
            k = text.find(w, k + 1)
    return sorted(out)


def _governments(text: str, lex: Lexicon, gaz_spans):
    """A government is its country: "Chính phủ Nhật Bản", "Chính phủ nước CHDCND Lào", "Chính phủ
    Hoàng gia Campuchia" widen the country's gazetteer span to the whole phrase (kept as an alias of
    the country); an unqualified "Chính phủ" is the default country of rules/governments.tsv, except
    in a person's post ("Thủ tướng Chính phủ"). Returns the spans and, by start, the rule of each widened one."""
    if lex.government_re is None or not lex.government_re.search(text):
        return gaz_spans, {}
    by_start = {a: (a, b, key) for a, b, key in gaz_spans}
    spans = list(gaz_spans)
    rules_of: dict[int, str] = {}
    taken: list[tuple[int, int]] = []
    for word, default, rule in lex.governments:
        for a, pos in whole_words(text, (word,)):
            if any(x <= a < y for x, y in taken):
                continue                     # inside a longer government word already read
            link = next((w for w in lex.country_links if text.startswith(w, pos)), None)
            after = pos + len(link) if link else pos + 1
            country = by_start.get(after)
            if country is not None and text[pos:pos + 1] == " " and lex.entries[country[2]].type == "Country":
                spans.remove(country)
                spans.append((a, country[1], country[2]))
                rules_of[a] = rule
                taken.append((a, country[1]))
                continue
            if not default or default not in lex.entries or any(x <= a < y for x, y, _ in spans):
                continue
            before = text[:a].rstrip()
            if any(before.endswith(t) for t in lex.titles):
                continue                     # "Thủ tướng Chính phủ": a post, not the government acting
            if text[pos:pos + 1] == " " and text[pos + 1:pos + 2].isupper():
                continue                     # "Tổ chức Nhà nước Hồi giáo tự xưng": a word of another name
            if _ends_with_org_head(before.split(), lex):
                continue                     # "Thanh tra Nhà nước", "Tổ chức Nhà nước …": a body's name
            spans.append((a, pos, default))
            rules_of[a] = rule
            taken.append((a, pos))
    return sorted(spans), rules_of


def _distributed_mentions(doc: Document, si: int, text: str, lex: Lexicon, spans) -> list[Mention]:
    """"đại diện các Bộ: Quốc phòng, Ngoại giao và Tư pháp": after a plural marker, one head word
    (cues.tsv: distribute) shared by a list of short names, each of them a body only with the head
    ("Bộ Quốc phòng"). Only names the gazetteer knows are taken. The first one's span starts at the
    plural marker so that the list reads as one; the short forms are not kept as aliases."""
    if lex.distributive is None:
        return []
    base = doc.sentences[si].start
    out: list[Mention] = []
    for m in lex.distributive.finditer(text):
        head = m.group(1)
        head = head[0].upper() + head[1:]
        pos, first = m.end(), m.start()
        while pos < len(text) and text[pos].isupper():
            cand = f"{head} {text[pos:pos + 120]}"
            hits = [(e, keys[0][0]) for a, e, (_, keys) in lex.gazetteer_matches(cand)
                    if a == 0 and lex.entries[keys[0][0]].type == "Organization"
                    and not _is_word_char(cand[e:e + 1] or " ")]
            if not hits:
                break
            end, key = max(hits)
            item_end = pos + end - len(head) - 1
            if not any(a < item_end and pos < b for a, b in spans):     # not already a name here
                e = lex.entries[key]
                start = first if first is not None else pos
                out.append(Mention(doc.id, si, base + start, base + item_end, text[start:item_end], "Organization",
                                   e.rule, key, (("distributed", "1"),)))
            first = None
            sep = lex.item_separator.match(text, item_end)
            if not sep:
                break
            pos = sep.end()
    return out


_ACRONYM_DEF = re.compile(r" \(([A-ZĐ][A-ZĐ0-9&-]{1,11})\)")
_PAREN_AFTER = re.compile(r" \([^()]{1,40}\) ")      # "Tổ chức Di cư quốc tế (IOM) Việt Nam"


def _initials(words: str, keep_and: bool = False) -> str:
    """The capital letters an acronym keeps of a phrase: "Sở hữu trí tuệ" -> "SHTT", "Khoa học và Công
    nghệ" -> "KHCN" ("và" and "&" drop, unless keep_and: "nhỏ và vừa" -> "NVV"); of an acronym, its letters."""
    if " " not in words and words.upper() == words:
        return words.replace("&", "").replace("-", "")
    dropped = ("&",) if keep_and else ("và", "&")
    return "".join(w[0].upper() for w in words.replace("-", " ").split() if w not in dropped and w[0].isalpha())


def _abbreviates_a_tail(name: str, acronym: str) -> bool:
    """Are the acronym's letters those of the name's last words only, not of its head ("… doanh nghiệp nhỏ và
    vừa (DNNVV)")?"""
    words = name.split()
    letters = _initials(acronym)
    # ("và" may keep its letter: "nhỏ và vừa" is NVV in DNNVV)
    return len(letters) >= 2 and any(letters in (_initials(tail), _initials(tail, keep_and=True))
                                     for tail in (" ".join(words[i:]) for i in range(1, len(words))))


_TAIL_OF_A_NAME = re.compile(r"(?:[-–—] ?|(?<![.!?:;,(“\"] )\b([^\W\d_]+) )$")


def _ends_a_longer_name(text: str, start: int) -> bool:
    """Does a longer name run on into the name at `start`: a dash, or a capitalised word that does not
    open the sentence, right before it ("… châu Âu - ASEAN", "… Phụ nữ G20")?"""
    before = _TAIL_OF_A_NAME.search(text, max(0, start - 40), start)
    return before is not None and (before.group(1) is None or before.group(1)[0].isupper())


def _acronyms(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """"Tổ chức Hỗ trợ Nạn nhân (VSO)": an acronym defined in parentheses after a name found by a
    pattern is its alias, and later bare uses of the acronym in the article name the same body."""
    defined: dict[str, Mention] = {}
    out = []
    for m in mentions:
        if m.type in ("Organization", "Agreement") and (not m.key or m.type == "Organization"):
            # (a known body too: "Đài Tiếng nói Việt Nam (VOV)" tells the acronym the article then uses)
            d = _ACRONYM_DEF.match(doc.text, m.end)
            if d and m.key and (_ends_a_longer_name(doc.text, m.start)
                                or any(o.start < m.start and m.end <= o.end for o in mentions if o.sentence == m.sentence)):
                d = None                     # "Diễn đàn Phụ nữ G20 (W20)", "Liên minh Doanh nghiệp châu Âu - ASEAN
                # (EABA)": a known body at the end of a longer name; the acronym is that name's, not the body's
            known = d and not m.key and next((x for x in mentions if x.start == d.start(1) and x.end == d.end(1)
                                              and x.key and x.type == m.type), None)
            if known:
                # "Nhóm Các nước xuất khẩu dầu mỏ (OPEC)": a press name of a known body, told by its acronym
                out.append(replace(m, key=known.key))
                continue
            if d and m.type == "Agreement" and _abbreviates_a_tail(m.attr("canonical") or m.text, d.group(1)):
                out.append(m)                # "Luật Hỗ trợ doanh nghiệp nhỏ và vừa (DNNVV)": the letters are the
                continue                     # topic's (small and medium firms), not the law's
            if d and not any(x.start == d.start(1) for x in mentions):
                attrs = dict(m.attrs)
                head, _, field = (attrs.get("canonical") or m.text).partition(" ")
                if _initials(field) == _initials(d.group(1)):
                    # "Cục Sở hữu trí tuệ (SHTT)": the letters stand for the field after the head, so the body is
                    # "Cục SHTT"; a bare "SHTT" later ("quyền SHTT") is the field, not the body
                    attrs["aliases"] = "|".join(filter(None, [attrs.get("aliases", ""), f"{head} {d.group(1)}"]))
                    m = replace(m, attrs=tuple(sorted(attrs.items())))
                    out.append(m)
                    continue
                attrs["aliases"] = "|".join(filter(None, [attrs.get("aliases", ""), d.group(1)]))
                m = replace(m, attrs=tuple(sorted(attrs.items())))
                defined.setdefault(d.group(1), m)
        out.append(m)
    taken = [(m.start, m.end) for m in out]
    for acr, m in defined.items():
        canonical = dict(m.attrs).get("canonical") or m.text
        for start, end in whole_words(doc.text, (acr,)):
            if any(a <= start < b for a, b in taken):
                continue
            si = next((s.index for s in doc.sentences if s.start <= start < s.end), None)
            if si is not None:
                out.append(Mention(doc.id, si, start, end, acr, m.type, "entities.acronym", m.key,
                                   attrs=() if m.key else (("canonical", canonical),)))
    return out


_EVENT_ACRONYM = re.compile(r" \(([A-ZĐ][A-ZĐ0-9&-]{1,11}(?: \d{1,3})?)\)")


def _event_acronyms(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Cuộc họp lần thứ 53 Nhóm công tác … (AWGIPC 53)", then "Cuộc họp AWGIPC 53": an event's head with the
    acronym given in parentheses after its title names the same event."""
    heads = lex.event_head_of_rule           # (rule id -> head, made once per rule set)
    short: dict[str, str] = {}
    for m in mentions:
        if m.type == "Event" and m.rule in heads and (d := _EVENT_ACRONYM.match(doc.text, m.end)):
            short.setdefault(f"{heads[m.rule]} {d.group(1)}".lower(), m.attr("canonical") or m.text)
    if not short:
        return mentions
    out = []
    for m in mentions:
        name = short.get(m.text.lower()) if m.type == "Event" and not m.attr("canonical") else None
        if name is not None and name != m.text:
            m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": name}.items())))
        out.append(m)
    return out


def _parenthesised_short_names(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """"Chương trình hành động quốc gia phòng, chống tội phạm mua bán người giai đoạn 2011 - 2015 (Chương
    trình 130)": a shorter name of the same head in parentheses right after an agreement's is what the
    article calls it from then on, the same agreement."""
    agreements = {m.start: m for m in mentions if m.type == "Agreement"}
    same: dict[int, str] = {}
    for m in agreements.values():
        p = agreements.get(m.end + 2)
        if p is not None and doc.text[m.end:m.end + 2] == " (" and doc.text[p.end:p.end + 1] == ")" \
                and not p.key and len(p.text) < len(m.text) \
                and p.text.split()[0].lower() == m.text.split()[0].lower():
            same[id(p)] = m.attr("canonical") or m.text
    if not same:
        return mentions
    return [replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": same[id(m)]}.items()))) if id(m) in same else m
            for m in mentions]


def _inner_acronyms(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Quỹ Dân số Liên hợp quốc (LHQ) tại Việt Nam (UNFPA)": an acronym in parentheses right after a body's
    name that abbreviates only the name's last words (another body, "Liên hợp quốc") explains those
    words; it names no second body beside the first."""
    orgs = {(m.sentence, m.start): m for m in mentions if m.type == "Organization" and m.key}
    if not orgs:
        return mentions
    drop = set()
    for m in mentions:
        if m.type != "Organization" or doc.text[m.end:m.end + 2] != " (":
            continue
        a = orgs.get((m.sentence, m.end + 2))
        if a is None or a.key == m.key or not a.text.isupper() or doc.text[a.end:a.end + 1] != ")":
            continue
        e = lex.entries[a.key]
        name = " " + norm_key(m.attr("canonical") or m.text)
        if any(name.endswith(" " + norm_key(n)) for n in (e.name, *e.aliases) if " " in n):
            drop.add(id(a))
    return [m for m in mentions if id(m) not in drop] if drop else mentions


def _local_acronyms(mentions: list[Mention]) -> list[Mention]:
    """An acronym an article defines for a local body ("Bộ đội Biên phòng (BĐBP) tỉnh Quảng Ninh") is
    that body wherever the article uses it alone, not the national body the gazetteer knows by it."""
    local = {m.attr("acronym"): m for m in mentions if m.attr("acronym")}
    if not local:
        return mentions
    out = []
    for m in mentions:
        body = local.get(m.text) if m.key else None
        if body is not None and body.type == m.type:
            m = replace(m, key="", rule="entities.acronym",
                        attrs=tuple(sorted({**dict(m.attrs), "canonical": body.attr("canonical") or body.text}.items())))
        out.append(m)
    return out


def _inner_names(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Countries and bodies named inside a gazetteer title ("Chương trình hợp tác ASEAN - Australia …")
    are mentions too: they are the title's parties; so is the parent named at the end of a gazetteer
    body's name ("Cục Lãnh sự Bộ Ngoại giao")."""
    have = {(m.start, m.end) for m in mentions}
    extra = []
    for m in mentions:
        if m.type == "Organization" and m.key:
            # "Cục Lãnh sự Bộ Ngoại giao", "Hội đồng Bảo an LHQ": a gazetteer body written with its
            # parent's name after its own holds that parent, a mention of its own (the partOf pair)
            parent = dict(lex.entries[m.key].attrs).get("parent")
            if parent and " " in m.text:
                for a, b, key in _gazetteer_spans(m.text, lex, inner=True):
                    if key == parent and a > 0 and b == len(m.text) and (m.start + a, m.end) not in have:
                        e = lex.entries[key]
                        extra.append(Mention(doc.id, m.sentence, m.start + a, m.end, m.text[a:], e.type, e.rule, key))
            continue
        if m.type not in ("Agreement", "Event") or not m.key:
            continue
        spans, rules_of = _governments(m.text, lex, _gazetteer_spans(m.text, lex, inner=True))
        for a, b, key in spans:
            if (a, b) == (0, len(m.text)) or (m.start + a, m.start + b) in have:
                continue
            e = lex.entries[key]
            if e.type in ("Organization", "Country"):
                extra.append(Mention(doc.id, m.sentence, m.start + a, m.start + b, m.text[a:b], e.type,
                                     rules_of.get(a, e.rule), key))
    return mentions + extra


def _qualify_by_country(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Bộ Nội vụ Vương quốc Anh": a body followed by a country is that country's body. When the
    body's own country is that country, or it has none ("IOM Việt Nam"), it stays the same body."""
    by_start = {(m.sentence, m.start): m for m in mentions if m.type == "Country"}
    locs = {(m.sentence, m.start): m for m in mentions if m.type == "Location"}
    orgs = [m for m in mentions if m.type == "Organization"]
    orgs_in: dict[int, list[Mention]] = {}          # sentence -> its organisations
    for o in orgs:
        orgs_in.setdefault(o.sentence, []).append(o)
    qualifiers = set()
    extra_countries: list[Mention] = []
    text = doc.text
    parens = {}                                  # id(org) -> "(…)" right after it, when there is one
    for m in orgs:
        if not text.startswith(" (", m.end):     # (both tests below need one)
            continue
        paren = parens[id(m)] = _PAREN_AFTER.match(text[m.end:m.end + 44])
        if paren and (m.sentence, m.end + paren.end()) in by_start:
            qualifiers.add((m.sentence, m.end + paren.end()))
        if _country_in_parentheses(doc, m, by_start) is not None:
            qualifiers.add((m.sentence, m.end + 2))
    comma_countries: list[Mention] = []          # one-syllable countries read only there ("Anh")
    commas = {}                                  # id(org) -> the country after its comma ("Đại học Cambridge, Anh")
    for m in orgs:
        if text.startswith(", ", m.end) and (c := _country_after_comma(doc, m, by_start, lex)) is not None:
            commas[id(m)] = c
            if c.rule != "country_words.tsv":
                qualifiers.add((m.sentence, c.start))
            else:
                comma_countries.append(c)
    if qualifiers:
        mentions = [replace(m, attrs=tuple(sorted({**dict(m.attrs), "qualifier": "1"}.items())))
                    if (m.sentence, m.start) in qualifiers and m.type == "Country" else m for m in mentions]
    out = []
    for m in mentions:
        if m.type == "Organization" and not m.key and not m.attr("canonical") and doc.text[m.end:m.end + 1] == " " \
                and (m.sentence, m.end + 1) not in by_start and (end := _country_starts(doc.text, m.end + 1, lex)):
            # "… Học viện Chiến tranh Hải quân Mỹ" where "Mỹ" is also someone's given name (no country was read
            # there), or a body inside a longer name: the country after the body is still its own
            m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": " ".join(doc.text[m.start:end].split())}.items())))
            out.append(m)
            continue
        if m.type != "Organization" or any(o is not m and o.start <= m.start and m.end <= o.end
                                           and (o.end - o.start) > (m.end - m.start) for o in orgs_in.get(m.sentence, ())):
            out.append(m)
            continue
        acr = _ACRONYM_DEF.match(doc.text, m.end) if m.key else None
        loc = locs.get((m.sentence, m.end + 1)) or (locs.get((m.sentence, acr.end() + 1)) if acr else None)
        kind = _heads_at(_Sent(loc.text), 0, lex, "Location") if loc is not None else None   # "tỉnh …"
        bare = loc is not None and not kind and loc.key in lex.entries \
            and dict(lex.entries[loc.key].attrs).get("kind") == "province" \
            and " ".join(doc.text[m.start:m.end].split()).casefold() in _vertical_words(lex)
        if m.key and loc is not None and (bare or kind):
            # "Bộ đội Biên phòng tỉnh An Giang", "Hội Liên hiệp Phụ nữ tỉnh An Giang": the province's own body;
            # "Bộ đội Biên phòng (BĐBP) tỉnh Quảng Ninh" also says that "BĐBP" is that body in this article;
            # "Bộ đội Biên phòng Quảng Trị": the province named without its word "tỉnh"
            text = doc.text[m.start:loc.end]
            place = lex.entries[loc.key].name if bare else loc.text
            attrs = {**dict(m.attrs), "canonical": f"{doc.text[m.start:m.end]} {place}"}
            if acr and loc.start == acr.end() + 1:
                attrs["aliases"] = "|".join(filter(None, [attrs.get("aliases", ""), text]))
                attrs["acronym"] = acr.group(1)
            out.append(replace(m, end=loc.end, text=text, key="", rule="entities.local-body",
                               attrs=tuple(sorted(attrs.items()))))
            continue
        # "Chính phủ nước Cộng hòa Pháp": "nước" (country), a country/linker word, may join them
        link = ""
        for w in lex.country_links if doc.text.startswith(lex.country_links, m.end) else ():
            if doc.text.startswith(w, m.end):     # (the loop only where one of them stands: most names have none)
                link = w
                break
        c = by_start.get((m.sentence, m.end + 1)) or (
            by_start.get((m.sentence, m.end + len(link))) if link else None)
        if c is None and m.key:
            # "Tổng cục Cảnh sát quốc gia Campuchia": a gazetteer name, a lower-case word of the foreign
            # body's own name ("quốc gia" = national), then the country: the whole is that country's body
            w = next((w for w in lex.country_infixes if doc.text.startswith(w, m.end)), "") \
                if doc.text.startswith(lex.country_infixes, m.end) else ""
            c = by_start.get((m.sentence, m.end + len(w))) if w else None
            if c is not None and dict(lex.entries[m.key].attrs).get("country", "") in ("", c.key):
                c = None                     # its own country or an international body: not another body
        if c is None and doc.text.startswith(", ", m.end) and (fields := _fields_to_country(doc, m, by_start, lex)):
            # "Bộ Y tế, Lao động và Phúc lợi Nhật Bản": a foreign ministry of several fields, listed by commas and
            # "và" after its head, then its country: one body of that country, not Việt Nam's "Bộ Y tế"
            c, name = fields
            attrs = dict(m.attrs)
            attrs["country"] = lex.entries[c.key].name
            attrs["country_key"] = c.key
            attrs["canonical"] = doc.text[m.start:c.end]
            attrs["identity"] = f"{norm_key(name)}|{c.key}"
            out.append(replace(m, end=c.end, text=doc.text[m.start:c.end], key="", rule="entities.foreign-fields",
                               attrs=tuple(sorted(attrs.items()))))
            continue
        if c is None and lex.country_qualifiers:
            q = _WORD_AFTER.match(doc.text[m.end:m.end + 20])
            last = m.text.rsplit(" ", 1)[-1]
            if q and q.group(1) in lex.country_qualifiers and lex.country_qualifiers[q.group(1)] in lex.entries \
                    and f"{last} {q.group(1)}".lower() not in lex.place_names \
                    and not _place_name_before(m.text, lex):     # "Công an Mỹ Đức": a district
                # "Bộ Nội vụ Anh": a one-syllable country name, read as a country only after a body
                key = lex.country_qualifiers[q.group(1)]
                c = Mention(doc.id, m.sentence, m.end + 1, m.end + q.end(), q.group(1), "Country",
                            "country_words.tsv", key)
                extra_countries.append(c)
        paren = parens.get(id(m))
        if c is None:                        # "Công an thành phố Đông Hưng (Trung Quốc)"
            c = _country_in_parentheses(doc, m, by_start)
            home = dict(lex.entries[m.key].attrs).get("country", "") if m.key else ""
            if c is not None and home in ("", c.key):
                attrs = dict(m.attrs)
                attrs["country"] = lex.entries[c.key].name if c.key else c.text
                attrs["country_key"] = c.key
                out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
                continue
            c = None
        if c is None and id(m) in commas:    # "Đại học Nebraska-Lincoln, Mỹ đã …": the foreign body's country
            c = commas[id(m)]
            attrs = dict(m.attrs)
            attrs["country"] = lex.entries[c.key].name
            attrs["country_key"] = c.key
            out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
            continue
        if c is None and paren:              # "Tổ chức Di cư quốc tế (IOM) Việt Nam"
            c = by_start.get((m.sentence, m.end + paren.end()))
            if c is not None:
                attrs = dict(m.attrs)
                attrs["country"] = lex.entries[c.key].name if c.key else c.text
                attrs["country_key"] = c.key
                out.append(replace(m, attrs=tuple(sorted(attrs.items()))))
                continue
        if c is None or (not doc.text[m.end:m.end + 1].isspace() and not link):
            out += _gazetteer_suffix_country(doc, m, lex)
            continue
        home = dict(lex.entries[m.key].attrs).get("country", "") if m.key else ""
        if link and link.strip() in lex.country_possessives and not (home and home != c.key):
            # "công ty Konsberg của Na Uy", "Bộ Công an của Việt Nam": the body's name stops before "của" (the
            # country link is a relation rule's); "SOM ASEAN của Thái Lan" is Thailand's delegate to ASEAN's
            # meeting, not a body of Thailand. Only a body of another state than its gazetteer entry's
            # ("Bộ Nội vụ của Lào": not Việt Nam's ministry) takes the country into its name below.
            out.append(m)
            continue
        text = doc.text[m.start:c.end]
        attrs = dict(m.attrs)
        attrs["country"] = lex.entries[c.key].name if c.key else c.text
        attrs["country_key"] = c.key
        if m.key and home in ("", c.key):
            attrs["aliases"] = "|".join(filter(None, [attrs.get("aliases", ""), text]))
            out.append(replace(m, end=c.end, text=text, attrs=tuple(sorted(attrs.items()))))
        else:
            end = c.end
            seat = _seat_after(doc, c.end, m, lex, by_start, locs)
            mission = m.rule in lex.seated_heads  # (a head that may take a seat: "Đại sứ quán … tại …")
            if mission:
                head = norm_key(_spelled_out(doc.text[m.start:m.end], lex))
                attrs["mission"] = f"{head}|{c.key or norm_key(c.text)}"  # (see _missions_named_without_their_seat)
                if seat is None and _unnamed_seat_after(doc.text, c.end, m, lex):
                    continue                 # "Đại sứ quán Việt Nam tại nước sở tại": the embassy wherever, no one body
            if seat is not None:             # "Đại sứ quán Việt Nam tại Philippines": the mission and where it sits
                end = seat.end
                text = doc.text[m.start:end]
                attrs["seat"] = seat.key or seat.text
                host = seat.key if seat.type == "Country" else \
                    dict(lex.entries[seat.key].attrs).get("country", "") if seat.key in lex.entries else ""
                if mission and c.key and host and host != c.key and head in lex.embassy_heads:
                    # "Đại sứ quán Việt Nam tại La Hay" is the one "tại Hà Lan" (and "ĐSQ …"): a state has one
                    # embassy in each country, wherever the press places it (cues.tsv basedIn/embassy; not a consulate)
                    attrs["identity"] = f"{head}|{c.key}|{host}"
            # "Bộ Nội vụ của Lào" (of Laos) is "Bộ Nội vụ Lào": the name is read without the linker word
            attrs["canonical"] = f"{doc.text[m.start:m.end]} {doc.text[c.start:end]}" if link else text
            if c.key and not seat:
                # "Bộ Nội vụ Slovakia" and "Bộ Nội vụ Cộng hòa Slovakia": one body, however its country is written
                attrs["identity"] = f"{norm_key(doc.text[m.start:m.end])}|{c.key}"
            out.append(replace(m, end=end, text=text, key="", attrs=tuple(sorted(attrs.items()))))
    return out + [replace(c, attrs=(("nested", "Organization"),)) for c in extra_countries] \
        + [replace(c, attrs=(("qualifier", "1"),)) for c in comma_countries]


# a field of a ministry's name after its head: a capitalised word and up to three more ("Lao động", "Phúc lợi")
_FIELD = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?: [^\W\d_]+){0,3}"
_FIELDS = re.compile(rf", {_FIELD}(?:, {_FIELD})* và {_FIELD} ")


def _fields_to_country(doc: Document, m: Mention, by_start: dict, lex: Lexicon) -> tuple[Mention, str] | None:
    """The foreign country after a list of fields that goes on a ministry's name ("Bộ Y tế, Lao động và Phúc lợi
    Nhật Bản"), with the name before the country; None when the commas list bodies ("Bộ Y tế, Bộ Công an …": a
    field never opens with an organisation's head) or no foreign country closes the list."""
    if " và " not in doc.text[m.end:m.end + 90]:
        return None
    heads = lex.heads_by_first.get("Organization", {})
    words = m.text.split()
    ministry = [hw for hw, _, level in heads.get(words[0], ()) if words[:len(hw)] == hw]
    if not ministry or max(map(len, ministry)) > 1 or not any(
            level == 1 for hw, _, level in heads.get(words[0], ()) if len(hw) == 1):
        return None                          # a ministry's head alone ("Bộ", not "Bộ Tư lệnh")
    for c in sorted((c for (si, st), c in by_start.items() if si == m.sentence and m.end < st <= m.end + 90),
                    key=lambda c: c.start):
        if not c.key or c.key == lex.home_country or c.key not in lex.entries:
            continue
        if _FIELDS.fullmatch(doc.text, m.end, c.start):
            parts = re.split(r", | và ", doc.text[m.end + 2:c.start - 1])
            if any(heads.get(p.split()[0]) for p in parts):
                return None
            return c, doc.text[m.start:c.start - 1]
    return None


_HEADING = r"\s*[,:]?\s*(?:(?:có|gồm có|gồm|bao gồm|là|như)\s*:?\s*)?(?:(?:đại diện|lãnh đạo|các)\s+)*"
_HEADING_TO_LIST = re.compile(_HEADING + "$")
_LIST_OPENER = re.compile(r"(?<!\w)(?:có|gồm|bao gồm|là|như)(?!\w)")
# between two bodies of such a list, members the reader did not take for bodies: capitalised phrases between
# commas ("các cơ quan của Singapore như Cơ quan quản lý giao thông đô thị, Cục điều tra tham nhũng, Bộ Nội vụ")
_UNREAD = r"[A-ZĐ][^\W\d_]*(?: [^\W\d_]+){0,8}"
_UNREAD_MEMBERS = re.compile(rf"(?:\s*,\s*{_UNREAD})+\s*,\s*")
_HEADING_TO_UNREAD = re.compile(rf"{_HEADING}{_UNREAD}(?:\s*,\s*{_UNREAD})*\s*,\s*")


def _place_name_before(name: str, lex: Lexicon) -> bool:
    """Does the name end with a locality word and a capitalised word ("Trạm Y tế xã Đạo"), so that a country's
    one-syllable name after it ("Đức") ends the place's name ("xã Đạo Đức"), not the body's country?"""
    words = name.split()
    return len(words) >= 3 and words[-1][:1].isupper() and any(
        h[0] == [words[-2]] for h in lex.heads_by_first.get("Location", {}).get(words[-2], ()))


def _bodies_under_a_country(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Về phía Campuchia có Bộ Nội vụ, Bộ Tư pháp …", "các Bộ, ngành của Lào: Bộ Ngoại giao, …": a list
    of bodies right after a heading that names a country (cues.tsv country/heading) are that country's.
    A Vietnamese ministry's name under another country's heading is that country's ministry, with its
    own identity ("Bộ Nội vụ" under "Về phía Campuchia" is Cambodia's); a body that names its own
    country keeps it. The list ends at anything but a list separator between two bodies."""
    if not lex.country_headings:
        return mentions
    countries = {(m.sentence, m.start): m for m in mentions if m.type == "Country" and m.key}
    orgs_of: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.type == "Organization":
            orgs_of.setdefault(m.sentence, []).append(m)
    under: dict[int, Mention] = {}               # id(org) -> the country heading its list
    # a heading counts before a country with bodies after it: only sentences naming both are read; the
    # article as a whole must hold a heading too (its text is searched once a sentence has one)
    with_country = {si for si, _ in countries}
    whole = None
    for si, sent in enumerate(doc.sentences):
        if si not in orgs_of or si not in with_country:
            continue
        for h in lex.country_heading_re.finditer(sent.text):
            c = countries.get((si, sent.start + h.end()))
            if c is None:
                continue
            if whole is None:
                whole = any(w in doc.text for w in lex.country_heading_words) \
                    and lex.country_heading_re.search(doc.text) is not None
            if not whole:
                return mentions
            pos = c.end
            # "các bộ, ngành của Việt Nam, đại diện Đại sứ quán Hoa Kỳ …": a possessive heading ("của" X) followed by
            # a comma only is itself a member of a list, not over it; it heads one after a colon or "gồm", "như" …
            possessive = h.group().rstrip().rsplit(" ", 1)[-1].lower() in lex.country_possessives
            for o in sorted(orgs_of[si], key=lambda o: o.start):
                if o.start < pos:
                    continue
                gap = doc.text[pos:o.start]
                if possessive and pos == c.end and ":" not in gap and not _LIST_OPENER.search(gap):
                    break
                if not ((_HEADING_TO_LIST.fullmatch(gap) or _HEADING_TO_UNREAD.fullmatch(gap)) if pos == c.end
                        else lex.list_separators.match(gap) or _UNREAD_MEMBERS.fullmatch(gap)):
                    break
                under[id(o)] = c
                pos = o.end
    if not under:
        return mentions
    out = []
    for m in mentions:
        c = under.get(id(m))
        if c is None or m.attr("country_key"):
            out.append(m)
            continue
        home = dict(lex.entries[m.key].attrs).get("country", "") if m.key else ""
        name = lex.entries[c.key].name
        attrs = {**dict(m.attrs), "country": name, "country_key": c.key, "country_at": str(c.start),
                 "country_rule": "r.country.heading"}
        if m.key and home and home != c.key:
            # Việt Nam's ministry's name, said of another state: that state's ministry
            attrs.update(canonical=f"{m.text} {name}", identity=f"{norm_key(m.text)}|{c.key}")
            m = replace(m, key="", attrs=tuple(sorted(attrs.items())))
        elif not m.key or home == c.key:
            m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


_UNDER_PARENT = re.compile(r"\s*(?:,|\(|,?\s*(?:trực\s+)?thuộc)\s*")
_UNIT_LIST_GAP = re.compile(r",\s*|\s+và\s+")


def _inside_longer(spans: list[tuple[int, int]]):
    """A test of whether (start, end) lies inside a longer one of `spans`, the same as
    `any(a <= start and end <= b and b - a > end - start for a, b in spans)` but without a loop over every
    span for every name (name-dense articles have hundreds): with the spans sorted, one that starts
    before `start` and ends at `end` or later, or one that starts at `start` and ends after `end`."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))      # the furthest end of the spans so far

    def test(start: int, end: int) -> bool:
        k = bisect_left(starts, start)
        if k and reach[k - 1] >= end:
            return True
        j = bisect_right(starts, start, k)
        return j > k and ordered[j - 1][1] > end
    return test


def _units_of_foreign_bodies(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Tổng cục Cảnh sát, Bộ An ninh Lào", "Cục Cảnh sát hình sự (thuộc Bộ Công an Lào)": a unit the gazetteer
    knows as Việt Nam's (or no gazetteer lists), named with a parent of higher rank that is another state's
    body, is that state's unit, with an identity of its own (the Lao police department, not Việt Nam's)."""
    foreign = [m for m in mentions if m.type == "Organization" and m.attrs and m.attr("country_key") and not m.attr("nested")]
    if not foreign:
        return mentions
    by_start = {(m.sentence, m.start): m for m in foreign}
    inside_longer = _inside_longer([(m.start, m.end) for m in mentions if m.type in ("Organization", "Event", "Agreement")])
    orgs_at = {(m.sentence, m.start): m for m in mentions if m.type == "Organization"}
    out = []
    for m in mentions:
        if m.type != "Organization":
            out.append(m)
            continue
        # (a unit no gazetteer lists is read as the home country's when its parent is not named: "Tổng cục An ninh")
        home = dict(lex.entries[m.key].attrs).get("country", "") if m.key else lex.home_country
        if not home or m.attr("country_key") or m.attr("nested") or inside_longer(m.start, m.end):
            out.append(m)
            continue
        p, last = None, m
        for _ in range(4):                   # "Tổng cục Cảnh sát, Tổng cục An ninh thuộc Bộ An ninh Lào": the parent
            gap = _UNDER_PARENT.match(doc.text, last.end)     # after a list of units of one rank is each one's
            p = by_start.get((m.sentence, gap.end())) if gap and gap.end() > last.end else None
            if p is not None:
                break
            sep = _UNIT_LIST_GAP.match(doc.text, last.end)
            last = orgs_at.get((m.sentence, sep.end())) if sep else None
            if last is None or org_level(last, lex) != org_level(m, lex):
                break
        if p is None or p.attr("country_key") == home or org_level(p, lex) >= org_level(m, lex):
            out.append(m)
            continue
        parent = p.attr("canonical") or p.text
        attrs = {**dict(m.attrs), "country": p.attr("country"), "country_key": p.attr("country_key"),
                 "canonical": f"{m.text}, {parent}", "identity": f"{norm_key(m.text)}, {p.attr('identity') or norm_key(parent)}"}
        out.append(replace(m, key="", attrs=tuple(sorted(attrs.items()))))
    return out


_POST_OF = re.compile(r", [^,;.()]{2,40}? của $")


def _posts_of_a_foreign_official(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Bí thư thường trực Bộ Ngoại giao, Trưởng SOM ASEAN của Thái Lan, bà Busaya Mathelin": a chain of
    posts before a person, the next of which says whose ("của Thái Lan"), names bodies of that state:
    the ministry is Thailand's, not Việt Nam's of the same name."""
    if not any(f" {w} " in doc.text for w in lex.country_possessives):
        return mentions
    by_sentence: dict[int, list[Mention]] = {}     # (made on first need)
    def union(x: Mention) -> bool:           # "Trưởng SOM ASEAN của EU": a union of states stands for them
        return x.type == "Organization" and bool(x.key) and x.key in lex.entries \
            and not dict(lex.entries[x.key].attrs).get("country") and not dict(lex.entries[x.key].attrs).get("parent")

    renamed: dict[int, Mention] = {}
    for m in mentions:
        if m.type != "Organization" or m.attr("country_key") or m.attr("nested"):
            continue
        if not any(doc.text.find(f" {w} ", m.end, m.end + 48) >= 0 for w in lex.country_possessives):
            continue
        home = dict(lex.entries[m.key].attrs).get("country", "") if m.key else ""
        if m.key and not home:
            continue                          # an international body's post ("Trưởng SOM ASEAN") is no state's
        if not by_sentence:
            for x in mentions:
                by_sentence.setdefault(x.sentence, []).append(x)
        after = sorted((x for x in by_sentence[m.sentence] if x.start >= m.end), key=lambda x: x.start)
        c = next((x for x in after if ((x.type == "Country" and x.key) or union(x))
                  and _POST_OF.fullmatch(doc.text[m.end:x.start])), None)
        if c is None or c.key == home:
            continue
        person = next((x for x in after if x.type == "Person" and x.start > c.end), None)
        if person is None or not re.fullmatch(r",\s*(?:\w+\s+)?", doc.text[c.end:person.start]) \
                and doc.text[c.end:person.start].strip() != ",":
            continue
        name = lex.entries[c.key].name
        attrs = {**dict(m.attrs), "country": name, "country_key": c.key, "country_at": str(c.start)}
        if m.key and c.type == "Country":     # Việt Nam's ministry's name, said of another state
            attrs.update(canonical=f"{m.text} {name}", identity=f"{norm_key(m.text)}|{c.key}")
            renamed[id(m)] = replace(m, key="", attrs=tuple(sorted(attrs.items())))
        elif not m.key:                       # "Vụ Châu Á-Thái Bình Dương, Trưởng SOM ASEAN của EU, ông X"
            renamed[id(m)] = replace(m, attrs=tuple(sorted(attrs.items())))
    return [renamed.get(id(m), m) for m in mentions] if renamed else mentions


def _vertical_words(lex: Lexicon) -> frozenset[str]:
    """The bodies of a vertical system (cues.tsv partOf/vertical: police, courts, border guards), which have
    a body in every province: "Bộ đội Biên phòng Quảng Trị" is the province's, even without "tỉnh"."""
    return lex.vertical_words            # (made once, with the lexicon)


def _bodies_only_abroad(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Chủ tịch Thượng viện Sanasee Vigneswaran": Việt Nam has no senate (cues.tsv abroad), so a senate
    named without its country is that of the one foreign country the article names (or names at least
    twice as often as any other); where it names none or several as often, the name says not which, and
    is no entity."""
    if not lex.abroad_words:
        return mentions
    # the one foreign country the article names, or the one it names at least twice as often as any other
    # (a visit to Malaysia that mentions North Korea once)
    foreign = None                       # (found when a body first needs it: most articles name none)
    out = []
    for m in mentions:
        if m.type == "Organization" and not m.key and not m.attr("country") \
                and (m.text in lex.abroad_words
                     or not m.attr("canonical") and _abroad_inside(m.text, lex.abroad_words)):
            if foreign is None:
                foreign = _dominant_foreign_country(mentions, lex)
            if not foreign:
                continue
            c = foreign
            name = lex.entries[c].name
            # "Hội đồng Liên bang" + "Liên bang Nga": the words the two share are written once
            tw, nw = m.text.split(), name.split()
            overlap = next((k for k in range(min(len(tw), len(nw)), 0, -1)
                            if [w.lower() for w in tw[-k:]] == [w.lower() for w in nw[:k]]), 0)
            attrs = {**dict(m.attrs), "canonical": " ".join(tw + nw[overlap:]), "country": name, "country_key": c,
                     "identity": f"{norm_key(m.text)}|{c}"}
            m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


def _abroad_inside(name: str, abroad: frozenset[str]) -> bool:
    """Is a word of a body Việt Nam has not (cues.tsv abroad) inside a body's name, not opening a country's name
    ("Ủy ban Tình báo Thượng viện", "Cục Dự trữ Liên bang"; but "Đại sứ quán Liên bang Nga")? Each word is
    judged where it first occurs."""
    words = name.split()
    lowered = [w.lower() for w in words]
    later = set(lowered[1:])
    for word in abroad:
        cue = word.lower().split()
        if cue[0] not in later:
            continue                     # (most names hold none of the words)
        for k in range(1, len(words) - len(cue) + 1):
            if lowered[k:k + len(cue)] == cue:
                rest = words[k + len(cue):]
                if not (rest and rest[0][:1].isupper()):
                    return True
                break
    return False


def _dominant_foreign_country(mentions: list[Mention], lex: Lexicon) -> str:
    """The one foreign country the article names, or the one it names at least twice as often as any
    other; "" when there is none such."""
    named: dict[str, int] = {}
    for m in mentions:
        if m.type == "Country" and m.key and m.key != lex.home_country:
            named[m.key] = named.get(m.key, 0) + 1
    ranked = sorted(named, key=lambda k: (-named[k], k))
    if len(ranked) == 1 or (ranked and named[ranked[0]] >= 2 * named[ranked[1]]):
        return ranked[0]
    return ""


def _bodies_of_unnamed_states(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Bộ Ngoại giao nước này", "Bộ Ngoại giao hai nước", "hai Bộ Ngoại giao": a body the gazetteer knows
    as Việt Nam's, named for another state ("nước này": the country just spoken of) or for both sides
    (cues.tsv other-state), is not Việt Nam's body; the words do not say which state's, so it is no entity."""
    if lex.other_state is None or not lex.home_country:
        return mentions
    text = doc.text
    out = []
    for m in mentions:
        if m.type == "Organization" and m.key and not m.attr("country") \
                and dict(lex.entries[m.key].attrs).get("country") == lex.home_country \
                and lex.other_state.search(f"{text[max(0, m.start - 12):m.start].rstrip()}\x00{text[m.end:m.end + 16]}"):
            continue
        out.append(m)
    return out


def _bare_bodies_of_the_named_state(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Bộ Ngoại giao Mỹ hôm 11/7 tuyên bố … quyết định của Bộ Ngoại giao": in foreign news (an article that names
    neither Việt Nam nor a place in it) a body named with one foreign state and then written bare is that state's,
    as a reader takes it; it stays Việt Nam's (the gazetteer's) where the article names Việt Nam or one of its
    places ("dự án do Bộ Nội vụ Vương quốc Anh tài trợ tại Hà Nội … Bộ Nội vụ ban hành": the partner at home), or
    that body of another state too."""
    if not lex.home_country:
        return mentions
    named: dict[str, dict[str, list[Mention]]] = {}    # a body's name -> state -> its mentions with that state
    for m in mentions:
        if m.type == "Organization" and "|" in (ident := m.attr("identity")) and m.attr("country_key"):
            name, _, state = ident.rpartition("|")
            named.setdefault(name, {}).setdefault(state, []).append(m)
    if not named:
        return mentions                      # (most articles name no body with its state)
    if any(m.type == "Country" and m.key == lex.home_country
           or m.type == "Location" and m.key in lex.entries and not dict(lex.entries[m.key].attrs).get("country")
           for m in mentions):
        return mentions                      # (the article speaks of Việt Nam or a place in it: a bare body may be its own)
    out = []
    for m in mentions:
        if m.type == "Organization" and m.key and not m.attr("country") and not m.attr("canonical") \
                and dict(lex.entries[m.key].attrs).get("country") == lex.home_country \
                and len(states := named.get(norm_key(m.text), {})) == 1:
            (state, firsts), = states.items()
            first = firsts[0]
            if state != lex.home_country and first.start < m.start:
                m = replace(m, key="", rule="entities.named-state-body",
                            attrs=tuple(sorted({k: v for k, v in first.attrs if k in ("canonical", "country", "country_key",
                                                                                     "identity", "level")}.items())))
        out.append(m)
    return out


def _bodies_of_foreign_officials(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Phó Thủ tướng, Bộ trưởng Bộ Nội vụ Sar Kheng": a post in a ministry the gazetteer knows as Việt Nam's,
    held by a person whose name is not Vietnamese, is that post in the foreign country the article is about
    (the one it names, or names twice as often as any other); with none such, the body stays as read."""
    if lex.post_before is None or not lex.home_country:
        return mentions
    persons = {(m.sentence, m.start): m for m in mentions if m.type == "Person"}
    cands = [m for m in mentions if m.type == "Organization" and m.key and not m.attr("country")
             and dict(lex.entries[m.key].attrs).get("country") == lex.home_country
             and (m.sentence, m.end + 1) in persons and lex.post_before.search(doc.text, max(0, m.start - 40), m.start)]
    if not cands:
        return mentions
    foreign = _dominant_foreign_country(mentions, lex)
    if not foreign:
        return mentions
    change = {}
    for m in cands:
        p = persons[(m.sentence, m.end + 1)]
        words = (p.attr("name") or p.text).split()
        if words and words[0] not in lex.surnames and not all(_vietnamese(w) for w in words):
            name = lex.entries[foreign].name
            change[id(m)] = replace(m, key="", attrs=tuple(sorted({**dict(m.attrs), "canonical": f"{m.text} {name}",
                                                                    "country": name, "country_key": foreign,
                                                                    "identity": f"{norm_key(m.text)}|{foreign}"}.items())))
    return [change.get(id(m), m) for m in mentions]


def _seat_after(doc: Document, pos: int, m: Mention, lex: Lexicon, countries: dict, places: dict) -> Mention | None:
    """The country or place after a seat word (cues.tsv country/seat: "tại", "ở") at `pos`, when the head of
    body `m` takes that word as its tail (heads.tsv)."""
    word = next((w for w in lex.seat_words if doc.text.startswith(f" {w} ", pos)), None)
    if word is None or word not in lex.head_tails.get(m.rule, ()):
        return None
    key = (m.sentence, pos + len(word) + 2)
    return countries.get(key) or places.get(key)


def _missions_named_without_their_seat(mentions: list[Mention]) -> list[Mention]:
    """"… liên hệ với Đại sứ quán Việt Nam …" in an article that names "Đại sứ quán Việt Nam tại Malaysia": a
    state's mission written without where it sits is the one mission of that state and head the article seats
    somewhere; with none, or two ("… tại Malaysia", "… tại Thái Lan"), the name stays as written."""
    seated: dict[str, dict[str, Mention]] = {}
    for m in mentions:
        if m.type == "Organization" and m.attr("seat") and (k := m.attr("mission")):
            seated.setdefault(k, {}).setdefault(m.attr("identity") or norm_key(m.attr("canonical") or m.text), m)
    if not seated:
        return mentions
    out = []
    for m in mentions:
        if m.type == "Organization" and not m.attr("seat") and len(bodies := seated.get(m.attr("mission"), {})) == 1:
            (body,) = bodies.values()
            attrs = {k: v for k, v in m.attrs if k != "identity"}
            attrs.update({k: v for k, v in body.attrs if k in ("canonical", "identity", "seat")})
            m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


def _foreign_forces_in_lower_case(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"cảnh sát Indonesia đã phá …", "phía công an Trung Quốc đã bàn giao …": the press writes a foreign state's
    police in lower case, the force's word (cues.tsv force, force/owner) and the state: that state's police, the
    body the capitalised "Cảnh sát Indonesia" names. Not Việt Nam's ("lực lượng công an Việt Nam": police in
    general), nor a word inside another name."""
    text = doc.text
    after: dict[int, str] = {}               # offset right after a force's word in lower case -> the word
    for w in lex.lower_forces:
        at = text.find(w)
        while at >= 0:
            if not (at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-")):
                after[at + len(w)] = w
            at = text.find(w, at + 1)
    if not after:
        return mentions                      # (most articles write no force in lower case)
    inside = None
    out, made = [], []
    for m in mentions:
        if m.start in after and m.type == "Country" and m.key and m.key != lex.home_country and m.key in lex.entries \
                and not m.attr("nested"):
            if inside is None:
                inside = [(o.start, o.end) for o in mentions if o.type in ("Organization", "Event", "Agreement")]
            w = after[m.start]
            start = m.start - len(w)
            if not any(a <= m.start < b for a, b in inside):
                head = w.strip().capitalize()
                name = lex.entries[m.key].name
                made.append(Mention(doc.id, m.sentence, start, m.end, text[start:m.end], "Organization",
                                    "entities.foreign-force", attrs=tuple(sorted({
                                        "canonical": f"{head} {m.text}", "country": name, "country_key": m.key,
                                        "identity": f"{norm_key(head)}|{m.key}", "level": "2"}.items()))))
                m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "nested": "Organization"}.items())))
        out.append(m)
    return out + made


_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(\w)|(?:và|cùng|hay|hoặc|với)\s)")


def _unnamed_seat_after(text: str, pos: int, m: Mention, lex: Lexicon) -> bool:
    """Is a seat word then a place that is no one place (cues.tsv unnamed-seat: "tại nước sở tại", "ở nước
    ngoài") after a mission at `pos`? Its missions in every country, not one body."""
    return any(text.startswith(f" {w} {u}", pos) for w in lex.seat_words if w in lex.head_tails.get(m.rule, ())
               for u in lex.unnamed_seats)


def _country_after_comma(doc: Document, m: Mention, by_start: dict, lex: Lexicon) -> Mention | None:
    """The foreign country after a comma that closes a foreign-named body's name ("Đại học Cambridge, Anh (…)",
    "ĐH Quốc gia Chungnam, Hàn Quốc."): where the press puts a foreign school's or institute's state. Only a name
    with a word no Vietnamese syllable spells (a Vietnamese body, "Bộ Công an, Lào", is an item of a list), no
    country of its own yet, and a country that ends the phrase: not one of a list ("…, Anh, Pháp và Đức")."""
    if m.key:
        return None
    c = by_start.get((m.sentence, m.end + 2))
    if c is None and lex.country_qualifiers:
        q = _WORD_AFTER.match(doc.text, m.end + 1, m.end + 24)
        if q and q.group(1) in lex.country_qualifiers and lex.country_qualifiers[q.group(1)] in lex.entries:
            c = Mention(doc.id, m.sentence, m.end + 2, q.end(), q.group(1), "Country", "country_words.tsv",
                        lex.country_qualifiers[q.group(1)])
    if c is None or not c.key or c.key == lex.home_country or c.key not in lex.entries:
        return None                          # (most commas after a body open a list of bodies, not a country)
    if m.attr("country") or m.attr("canonical"):
        return None
    if not any(w[:1].isupper() and not w.isupper() and not all(map(_vietnamese, w.split("-")))
               for w in m.text.split()[1:]):
        return None
    more = _LIST_GOES_ON.match(doc.text, c.end, c.end + 40)
    if more and (more.group(1) is None or more.group(1).isupper()):
        return None                          # a list of places or bodies goes on after it
    return c


def _country_in_parentheses(doc: Document, m: Mention, by_start: dict) -> Mention | None:
    """The country named alone in parentheses right after a body, or None."""
    if doc.text[m.end:m.end + 2] != " (":
        return None
    c = by_start.get((m.sentence, m.end + 2))
    return c if c is not None and doc.text[c.end:c.end + 1] == ")" else None


def _gazetteer_suffix_country(doc, m: Mention, lex: Lexicon) -> list[Mention]:
    """A body whose own name ends in a country ("Hội Liên hiệp phụ nữ Việt Nam"): its country."""
    suffix = lex.country_suffix(m.text)
    if suffix is None:
        return [m]
    start, key = suffix
    if any(a < start and e >= len(m.text) and lex.entries[keys[0][0]].type == "Location"
           for a, e, (_, keys) in lex.gazetteer_matches(m.text)):
        return [m]                          # "Công an huyện Mỹ Đức": the name ends in a place, "Đức" is no country
    before = m.text[:start].split()
    if any(" ".join(before[-k:] + [m.text[start:]]).lower() in lex.place_names for k in (1, 2) if len(before) > k):
        return [m]                          # "Công an Mỹ Đức", "VKSND Thủ Đức": a district named without its word
    if " " not in m.text[start:].strip() and _place_name_before(m.text[:start].rstrip(), lex):
        return [m]                          # "Trạm Y tế xã Đạo Đức": a commune's name the gazetteer has not
    attrs = dict(m.attrs)
    attrs["country"] = lex.entries[key].name
    attrs["country_key"] = key
    c = Mention(doc.id, m.sentence, m.start + start, m.end, m.text[start:], "Country", lex.entries[key].rule, key)
    return [replace(m, attrs=tuple(sorted(attrs.items()))), c]


def _locality_of(name: str, lex: Lexicon) -> str:
    """The locality a body's name ends with ("Công an tỉnh Lào Cai" -> "tỉnh Lào Cai"), or ""."""
    words = _GLUED_ABBREVIATION.sub(r"\1 ", name).split()   # "TP.Kon Tum" is "TP Kon Tum"
    if words and words[0] in lex.abbreviations:
        words[:1] = lex.abbreviations[words[0]].split()   # "CATP Việt Trì": "Công an thành phố Việt Trì"
    heads = lex.heads_by_first.get("Location", {})
    for k in range(len(words) - 2, 0, -1):
        for hw, _, _ in heads.get(words[k], ()):
            if words[k:k + len(hw)] == list(hw) and k + len(hw) < len(words) and words[k + len(hw)][:1].isupper():
                return " ".join(words[k:])  # a place word before a proper name ("xã Tân Bình"; not "xã hội")
    # a province named without its place word ("Công an Nghệ An"): the known place the name ends with
    spans = [g for g in _gazetteer_spans(name, lex) if g[1] == len(name) and g[0] > 0]
    if spans and lex.entries[spans[-1][2]].type == "Location" \
            and dict(lex.entries[spans[-1][2]].attrs).get("kind") in ("province", "city"):
        return name[spans[-1][0]:]
    return ""


def _names_a_locality(name: str, lex: Lexicon) -> bool:
    """Does a body's name end with a locality, its place word written in capitals or not ("UBND Quận Đồ Sơn")?"""
    heads = lex.heads_by_first.get("Location", {})
    return bool(_locality_of(" ".join(w.lower() if w[:1].isupper() and w.lower() in heads else w
                                      for w in name.split()), lex))


# between a unit and the body it belongs to: "Phòng X Công an tỉnh Y", "Phòng X, Công an …", "Đội X – Cục Hải quan …",
# "Viện X thuộc Đại học Y", "Phòng X (Công an …)", "Phòng X của Công an …"
_UNIT_GAPS = (" ", ", ", " - ", " – ", " thuộc ", ", thuộc ", " (thuộc ", " (", " của ")
_ACRONYM_BETWEEN = re.compile(r" \([A-ZĐ][A-ZĐ0-9]{1,7}\),? ")
_LIST_HEAD = re.compile(r" (?:gồm có|gồm|bao gồm|là)\s*:?\s*")


def _units_of_local_bodies(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A unit named with the local body it belongs to ("Phòng Cảnh sát hình sự Công an tỉnh Lào Cai",
    "Đội Đặc nhiệm …, Bộ đội Biên phòng tỉnh Quảng Ninh") is that body's unit: every province has a
    "Phòng Cảnh sát hình sự", so the unit is named "unit, body" and is not merged with its namesakes
    elsewhere. The short and the run-on forms stay as its names."""
    orgs = sorted((m for m in mentions if m.type == "Organization"), key=lambda m: m.start)
    by_start = {m.start: m for m in orgs}
    by_end = {m.end: m for m in orgs}
    out = []
    own: dict[int, tuple[str, str]] = {}
    renamed_units: dict[str, str] = {}       # a unit's name -> its name with its parent's, for its acronym's later uses
    reach: dict[int, int] = {}               # a unit named with its parent: where the parent's own name ends
    # right to left: a parent named with its own parent first ("Đội X Phòng Y – Công an tỉnh Z": the team of
    # "Phòng Y, Công an tỉnh Z")
    for m in sorted(mentions, key=lambda m: -m.start):
        if m.type != "Organization" or m.key:
            out.append(m)
            continue                         # (only a body the gazetteer does not know is a local unit)
        level = int(m.attr("level") or 0)
        acr = None
        implied = m.attr("canonical") or ""
        implied = implied if implied.endswith(" " + m.text) else ""     # "Trưởng phòng Bưu chính …": "Phòng" implied
        if (not m.attr("canonical") or implied) \
                and (level >= 3 or level and doc.text.startswith((" thuộc ", ", thuộc ", " (thuộc "), m.end)):
            # (a committee or a council "thuộc" a body: "Ủy ban Hiến pháp và Pháp lý thuộc Hạ viện Brazil")
            name = implied or m.text
            gap = next((g for g in _UNIT_GAPS if doc.text.startswith(g, m.end) and (m.end + len(g)) in by_start), None)
            parent = by_start.get(m.end + len(gap)) if gap else None
            acr = _ACRONYM_BETWEEN.match(doc.text, m.end)
            if acr and acr.end() in by_start:
                parent, gap = by_start[acr.end()], ", "     # "Phòng Cảnh sát hình sự (PC45) Công an TP HCM"
            head = _LIST_HEAD.search(doc.text, max(0, m.start - 60), m.start)
            owner = by_end.get(head.start()) if head and head.end() == m.start else None
            if owner is not None and doc.text[max(0, owner.start - 12):owner.start].rstrip().endswith("thuộc"):
                # "các đơn vị thuộc Công an tỉnh Lào Cai gồm Phòng Cảnh sát hình sự, Công an huyện Bát Xát …":
                # the first unit of a list "thuộc" (of) a body is that body's, not the next member's
                parent, gap = owner, ", "
            place = _locality_of(parent.attr("canonical") or parent.text, lex) if parent is not None else ""
            within = lex.head_within.get(m.rule)
            if within and place and not any(place.startswith(w + " ") for w in within):
                place = ""                  # "Sở Quy hoạch - Kiến trúc, UBND quận Tân Bình": a province's department is
                # no unit of a district (heads.tsv within): the two are listed side by side
            if place and gap != " " and _locality_of(name, lex) == place:
                place = ""                  # "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn, Hội Liên hiệp Phụ nữ tỉnh
                # Lạng Sơn": a body that names its own province is no unit of the next one of that province, but
                # its peer in a list
            if parent is not None and not place and gap == " " and parent.attr("country") \
                    and parent.attr("country_key") != lex.home_country:
                place = parent.attr("country")  # "Trung tâm Phân tích Hải quân Mỹ": a unit of a foreign body
            if parent is not None and not place and gap == " " and len(m.text.split()) > 1 \
                    and not any(_cap(x) for x in m.text.split()[1:]):
                place = "-"                 # "Văn phòng thường trực Ban Chỉ đạo …": a unit named by a common word
                # only ("standing office") is its parent's, whatever the parent
            member = gap in (" thuộc ", ", thuộc ", " (thuộc ")
            if parent is not None and not place and (level >= 4 and gap in (", ", " - ", " – ", " (") or member and not parent.key
                                                     or level == 3 and gap == " " and doc.text.startswith(gap, m.end)
                                                     and 0 < int(parent.attr("level") or 0 or 2) < 3
                                                     and not _names_a_locality(parent.attr("canonical") or parent.text, lex)) \
                    and parent.text.split()[0] != m.text.split()[0] and parent.rule != "entities.acronym" \
                    and not (gap == " (" and parent.text.isupper() and " " not in parent.text) \
                    and not _listed(doc.text, m, parent, by_start, by_end):
                place = "-"                 # "Đội Điều tra tổng hợp, Công an quận Hoàng Mai", "Trung tâm Sản xuất phim
                # (and a department run on into the ministry or general department it belongs to, which every one of
                # them has: "Vụ Kế hoạch tài chính Tổng cục TDTT"; after a comma, "Vụ ASEAN, Bộ Ngoại giao", the
                # department keeps its own name and the link says whose it is; never a local body's)
                # truyền hình - Đài Truyền hình Việt Nam", "Viện Tâm thần học thuộc Đại học King's College London": a unit,
                # then the body it belongs to, is that body's (but "Phòng A, Sở B, Công an C": a list of bodies; and
                # "Đội 3 (PC45)": an acronym's body is named in full where it is defined; "Nhóm Các nước xuất khẩu
                # dầu mỏ (OPEC)": a bare acronym in parentheses is the name's own, even a known body's)
            if parent is not None and parent.text != m.text and parent.attr("canonical") != m.text \
                    and 0 < int(parent.attr("level") or 0 or 2) < level + (1 if member else 0) \
                    and place \
                    and (not gap.startswith(" (") or doc.text.startswith(")", reach.get(parent.start, parent.end))):
                pname = parent.attr("canonical") or parent.text
                attrs = dict(m.attrs)
                attrs["canonical"] = f"{name[:1].upper()}{name[1:]}, {pname}"     # ("cơ quan CSĐT" opens a sentence's name)
                attrs["aliases"] = "|".join(filter(None, [attrs.get("aliases", ""), f"{name} {pname}"]))
                if acr and by_start.get(m.end + 2) is not None:
                    own[m.end + 2] = (m.text, attrs["canonical"])   # its acronym in the parentheses goes with it
                if m.attr("aliases"):
                    renamed_units.setdefault(m.text, attrs["canonical"])
                m = replace(m, attrs=tuple(sorted(attrs.items())))
                if by_start.get(m.start) is not None and by_start[m.start].end == m.end:
                    by_start[m.start] = by_end[m.end] = m
                    reach[m.start] = reach.get(parent.start, parent.end)    # "(Phòng X Công an tỉnh Y)"
        out.append(m)
    out.reverse()
    if own:
        out = [replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": own[m.start][1]}.items())))
               if m.type == "Organization" and m.start in own and m.attr("canonical") == own[m.start][0] else m
               for m in out]
    if renamed_units:
        # "Phòng Cảnh sát hình sự (PC45) Công an TP HCM … Đội 3 (PC45)": the acronym used alone later is the unit
        # of that body, as its definition is
        out = [replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": renamed_units[m.attr("canonical")]}.items())))
               if m.rule == "entities.acronym" and m.attr("canonical") in renamed_units else m for m in out]
    return out


def _listed(text: str, m: Mention, parent: Mention, by_start: dict, by_end: dict) -> bool:
    """Are a unit and the body after it members of a list ("phối hợp với Phòng A, Viện B, Sở C": a body
    follows the second, or one precedes the first, after a comma or "và")?"""
    after = re.match(r", (?:và |cùng )?| và | cùng ", text[parent.end:parent.end + 7])
    if after and after.end() and parent.end + after.end() in by_start:
        return True
    if text[max(0, m.start - 4):m.start] == " và ":
        return True                          # "trường Đại học và Trung tâm nghiên cứu X, Viện Y": a list's second member
    return any(text[k:m.start] in (", ", " và ", ", và ") and k in by_end for k in range(max(0, m.start - 5), m.start))


def _force_division_head(head: str, lex: Lexicon) -> bool:
    """Is a head a whole division's name by a force's field, written in lower case ("phòng CSGT", "phòng Cảnh sát
    hình sự": cues.tsv force/division, then the force and its field)? Alone, it is a province police's division."""
    words = head.split()
    return len(words) > 1 and words[0].capitalize() in lex.force_division_heads and _names_a_force(words[1:], lex)


def _names_a_force(words: list[str], lex: Lexicon) -> bool:
    """Do a unit's words after its head open with a force (cues.tsv force) and go on with its field ("Cảnh sát
    kinh tế"; "CSGT", "Cảnh sát giao thông" in abbreviations.tsv), or name one of the force's own fields (role
    field: "Tham mưu", the staff division)?"""
    first = lex.abbreviations.get(words[0], words[0]).split() + words[1:]
    if " ".join(first).lower() in lex.force_fields:
        return True                          # "Phòng Tham mưu": a division every province's police has, by its field alone
    return any([w.lower() for w in first[:len(fw)]] == [w.lower() for w in fw] and len(first) > len(fw)
               for fw in lex.force_words)


_UNIT_CODE = re.compile(r"P[A-Z]\d{2,3}")       # a provincial police division's code: "PC45", "PA88", "PK02"


def _drop_incomplete_locals(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Trung tâm Công tác xã hội tỉnh", "UBND TP": a local body named without its place is the body of
    the one such place the article names ("tỉnh Lào Cai"); where it names none or several, the name
    says no which, and is no entity."""
    loc_words = lex.heads_by_first.get("Location", {})
    places = sorted({lex.entries[m.key].name for m in mentions if m.type == "Location" and m.key in lex.entries})
    org_starts = {(m.start) for m in mentions if m.type == "Organization"}
    place_after = {m.start: m for m in mentions if m.type == "Location"}
    owners = None                            # (found when a force's division first needs one: most articles name none)
    out = []
    for m in mentions:
        if m.type == "Organization" and not m.key and not m.attr("canonical") and not m.attr("ref"):
            words = m.text.split()
            if int(m.attr("level") or 0) >= 4 and len(words) == 2 and len(words[1]) == 1 and words[1].isupper() \
                    and words[1] not in "IVX":
                continue                    # "Đội T B T B": a results table's letters, no unit
            if int(m.attr("level") or 0) >= 4 and len(words) == 2 \
                    and ((words[1].isupper() and words[1].isalpha() and len(words[1]) > 1) or words[1].isdigit()
                         or _UNIT_CODE.fullmatch(words[1])) \
                    and not any(m.end + g in org_starts for g in (1, 2)) \
                    and not _force_division_head(m.text, lex):     # (a province police's division: read below)
                continue                    # "Đội QLTT", "Đội CSGT", "Đội 1", "Phòng PC67": a unit every district or
                # province has, named by its task, its number or its police code alone, with no body it belongs to
            if int(m.attr("level") or 0) >= 4 and len(words) > 1 and _names_a_force(words[1:], lex) \
                    and not any(w in loc_words or w[:1].isdigit() for w in words[1:]) \
                    and not (words[-1][:1].isupper() and words[-1][1:].islower()) \
                    and not any(m.end + g in org_starts for g in (1, 2, 3)):
                place = place_after.get(m.end + 1)
                if place is not None and place.text.split()[0] in loc_words:
                    # "Đội CSĐT tội phạm về quản lý kinh tế và chức vụ quận Hà Đông": the district's squad
                    out.append(replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": f"{m.text} {place.text}"}.items()))))
                    continue
                if owners is None:
                    owners = _provincial_owners(mentions, lex)
                nxt = _TWO_WORDS_AT.match(doc.text, m.end + 1) if doc.text[m.end:m.end + 1] == " " else None
                if len(owners) == 1 and words[0].capitalize() in lex.force_division_heads \
                        and not any(o.sentence == m.sentence and o.start > m.start and o.type == "Organization"
                                    and o.text.startswith(lex.force_owners) for o in mentions) \
                        and not (nxt and not m.attr("whole") and nxt.group(1).islower() and not _is_stop_word(nxt.group(1), lex)
                                 and lex.word_class.get(nxt.group(1)) not in _CLAUSE_OR_VERB
                                 and lex.word_class.get(f"{nxt.group(1)} {nxt.group(2)}".lower()) not in _CLAUSE_OR_VERB):
                    # (not a name cut before lower-case words that go on with it: "Phòng Cảnh sát điều trội phạm …")
                    # "Ban Giám đốc Công an tỉnh đã chỉ đạo Phòng Cảnh sát Điều tra tội phạm về ma túy …": a province
                    # police's division, in an article about the one province police it names
                    owner = owners[0]
                    out.append(replace(m, attrs=tuple(sorted({**dict(m.attrs), "owner": f"{owner.start}:{owner.end}",
                                                              "canonical": f"{m.text[0].upper()}{m.text[1:]}, "
                                                                           f"{owner.attr('canonical') or owner.text}"}.items()))))
                    continue
                continue                    # "Phòng Cảnh sát kinh tế", "Đội CSGT": a force's division every province
                # or district has, named by its field alone, with no body it belongs to (but "Đội CSGT Hàng Xanh":
                # named by its place)
            if int(m.attr("level") or 0) >= 4 and len(words) == 2 and words[1][:1].isupper() and words[1][1:].islower() \
                    and _vietnamese(words[1]) \
                    and not any(len(hw) == 1 for hw, _, _ in lex.heads_by_first.get("Organization", {}).get(words[1], ())) \
                    and not any(m.end + g in org_starts for g in (1, 2)):
                continue                    # "Trường Hải", "Trường Tín" (Công ty Ô tô Trường Hải, DNTN Trường Tín):
                # a school or a unit is named by its kind or field, never by one Vietnamese syllable of a given name
                # (but "Nhóm Airwars": a foreign group's name)
            if int(m.attr("level") or 0) >= 5 and len(words) > 3 and words[-2] == "số" and words[-1].isdigit() \
                    and not any(m.end + g in org_starts for g in (1, 2)):
                continue                    # "Đội QLTT số 1", "Đội Cảnh sát giao thông số 4": every district's
                # market watch or traffic police has its team number 1; without its body, the name says not whose
            size = next((len(hw) for k in (2, 1) if len(words) > k
                         for hw, _, _ in loc_words.get(words[-k], ()) if list(hw) == words[-k:]), 0)
            if size:                        # "UBND tỉnh", "UBND thành phố": the locality word, no place after it
                which = _one_place_of_kind(" ".join(words[-size:]), places, lex)
                if which is None:
                    continue
                attrs = dict(m.attrs)
                attrs["canonical"] = f"{m.text} {which}"
                m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


def _one_place_of_kind(word: str, places: list[str], lex: Lexicon) -> str | None:
    """The name of the one place of a locality word's kind ("tỉnh", "thành phố") among the article's places
    ("tỉnh Lào Cai" -> "Lào Cai"; "TP Đà Nẵng" is a "thành phố"); None when it names none or several."""
    kind = lex.abbreviations.get(word, word).lower()
    which = []
    for p in places:
        first, _, rest = p.partition(" ")
        if rest and lex.abbreviations.get(first, first).lower() == kind:
            which.append(rest)
        elif p.lower().startswith(kind + " "):
            which.append(p[len(kind) + 1:])
    return which[0] if len(set(which)) == 1 else None


def _bare_local_bodies(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Công an tỉnh", "UBND tỉnh" (entities._bare_locality_at): the body of the one place of that kind the
    article names, named so before units are named after it ("Cơ quan CSĐT, Công an tỉnh" is Phú Yên's); where
    the article names none or several, the name says not which, and is no entity."""
    if not any(m.attr("locality") for m in mentions):
        return mentions
    places = sorted({lex.entries[m.key].name for m in mentions if m.type == "Location" and m.key in lex.entries})
    out = []
    for m in mentions:
        if m.attr("locality"):
            which = _one_place_of_kind(m.attr("locality"), places, lex)
            if which is None:
                continue
            m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": f"{m.text} {which}"}.items())))
        out.append(m)
    return out


def _provincial_owners(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """The bodies that own a force's divisions (cues.tsv force/owner: "Công an") of a province or centrally-run
    city, one mention per body, that the article names ("Công an tỉnh Lai Châu")."""
    found: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        if m.type != "Organization" or m.attr("nested") or m.key:
            continue
        name = m.attr("canonical") or m.text
        opener = next((o for o in lex.force_owners if name.startswith(o + " ")), None)
        if opener is None:
            continue
        rest = name[len(opener) + 1:]
        place = next((keys[0][0] for a, e, (_, keys) in lex.gazetteer_matches(rest) if e == len(rest)
                      and lex.entries[keys[0][0]].type == "Location"
                      and dict(lex.entries[keys[0][0]].attrs).get("kind") in ("province", "city")
                      and not dict(lex.entries[keys[0][0]].attrs).get("parent")
                      and (a == 0 or rest[:a].strip().split()[-1:] and rest[:a].strip().split()[-1] in
                           lex.heads_by_first.get("Location", {}))), None)
        if place is not None:                # ("Công an Lai Châu" and "Công an tỉnh Lai Châu" are one body,
            k = (opener, place)              # named in full)
            if k not in found or len(name) > len(found[k].attr("canonical") or found[k].text):
                found[k] = m
    return list(found.values())


def _identities(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """What tells a body found by pattern from another, beyond its spelling: abbreviations spelled
    out ("UBND TP Hà Nội" is "Ủy ban nhân dân thành phố Hà Nội", rules/abbreviations.tsv), and, for a
    name that stops at a locality word without saying which ("UBND TP", "Công an tỉnh"), the article:
    the city of one article is not the city of another."""
    out = []
    loc_words = lex.heads_by_first.get("Location", {})
    for m in mentions:
        if m.type == "Agreement" and not m.key and not m.attr("ref"):
            # "Hiệp định dẫn độ" (an extradition treaty) names no parties, no year, no proper name:
            # which treaty it is, the article says; two articles' extradition treaties are two
            name = m.attr("canonical") or m.text
            if not _distinctive_words(name):
                m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "identity": f"{doc.id}|{norm_key(name)}"}.items())))
            out.append(m)
            continue
        if m.type == "Organization" and not m.key and not m.attr("ref") and not m.attr("identity"):
            name = m.attr("canonical") or m.text
            form = _division_by_code(_spelled_out(name, lex), lex)
            last = name.split()[-1] if name.split() else ""
            local = any(hw == [last] for hw, _, _ in loc_words.get(last, ()))
            # "UBND tỉnh Nghệ An" and "UBND Nghệ An": the province's name, with or without its word
            ws = form.split()
            place = next((k for k in range(1, min(5, len(ws) - 1) + 1) if " ".join(ws[-k:]) in lex.province_forms
                          and " ".join(ws[-k - 1:]) not in lex.province_forms), None) if len(ws) > 2 else None
            if place:
                form = " ".join(ws[:-place] + [lex.province_forms[" ".join(ws[-place:])]])
            elif len(ws) > 2 and (d := next((k for k in (3, 2, 1) if len(ws) > k + 1 and " ".join(ws[-k:]) in lex.district_forms
                                             and ws[-k - 1].lower() not in loc_words), None)):
                # "Đội TTGT Thốt Nốt" is "Đội TTGT Q.Thốt Nốt": a district's name without its word ("quận")
                form = " ".join(ws[:-d] + [lex.district_forms[" ".join(ws[-d:])]])
            if form != name or local:
                identity = norm_key(form)
                if local:
                    identity = f"{doc.id}|{identity}"
                m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "identity": identity}.items())))
        out.append(m)
    return out


def _spelled_out(name: str, lex: Lexicon) -> str:
    """The name with its abbreviations spelled out ("UBND TP Hà Nội": "Ủy ban nhân dân thành phố Hà Nội",
    rules/abbreviations.tsv)."""
    return lex.abbreviation_re.sub(lambda a: lex.abbreviations[a.group()] + " ", name).strip() \
        if lex.abbreviation_re else name


_DIVISION_CODE = re.compile(r"(\w+) P([CAK]) ?(\d{2,3})(?!\w)")


def _division_by_code(name: str, lex: Lexicon) -> str:
    """"Phòng PC 45, Công an tỉnh Lào Cai" is "Phòng Cảnh sát hình sự, Công an tỉnh Lào Cai": a province's
    police division is coded P + the code of the ministry's department of its field (C45: Cục Cảnh sát
    hình sự, in the gazetteer), so the two names are one body."""
    code = _DIVISION_CODE.match(name)
    if not code:
        return name
    for a, b, key in _gazetteer_spans(code.group(2) + code.group(3), lex):
        entry = lex.entries[key]
        if a == 0 and entry.type == "Organization" and entry.name.startswith("Cục "):
            return f"{code.group(1)} {entry.name[4:]}{name[code.end():]}"
    return name


def _distinctive_words(name: str) -> list[str]:
    """Proper names and numbers after a title's first word: what tells one agreement from another."""
    words = re.findall(r"\w+", name)[1:]
    return [w for w in words if w[:1].isupper() or any(c.isdigit() for c in w)]


def _implied_heads(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Trưởng phòng Cảnh sát hình sự Công an tỉnh Tây Ninh": the post names its body's head noun
    ("phòng", division), the body follows without it; it is the "Phòng Cảnh sát hình sự …"."""
    if not lex.post_heads:
        return mentions
    out = []
    for m in mentions:
        name = m.attr("canonical") or m.text
        if m.type == "Organization" and not m.key and (not m.attr("canonical") or m.rule.startswith("persons.tsv")):
            before = doc.text[max(0, m.start - 40):m.start]
            head = next((h for post, h in lex.post_heads.items() if before.endswith(post + " ")), "")
            if head and not _opens_with_head(name, head, lex):
                attrs = dict(m.attrs)
                attrs["canonical"] = f"{head} {name}"
                rank = next((lv for h, lv in lex.org_heads_by_token.get(head.split(" ", 1)[0], ()) if h == head), 0)
                if rank > int(attrs.get("level") or 0):
                    attrs["level"] = str(rank)       # the unit ranks as its head: "Phòng … số 3 (Cảnh sát PCCC X)"
                if attrs.get("identity"):
                    attrs["identity"] = f"{head.lower()} {attrs['identity']}"
                known = [keys[0][0] for a, e, (_, keys) in lex.gazetteer_matches(attrs["canonical"])
                         if a == 0 and e == len(attrs["canonical"]) and lex.entries[keys[0][0]].type == "Organization"]
                if known and not attrs.get("country"):
                    m = replace(m, key=known[0])     # "Thứ trưởng Ngoại giao" serves the Bộ Ngoại giao the gazetteer knows
                m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


def _opens_with_head(name: str, head: str, lex: Lexicon) -> bool:
    """Does the body's name open with the head noun its holder's post names? Not when the head's syllable opens
    a word of the name's own ("Trưởng phòng Phòng chống ma túy và tội phạm": "phòng chống", prevention, is the
    division's field, so the body is the "Phòng Phòng chống ma túy và tội phạm")."""
    words, n = name.split(), len(head.split())
    return name.lower().startswith(head.lower() + " ") \
        and f"{words[n - 1].lower()} {words[n].lower()}" not in lex.compounds


def _bodies_named_by_posts(doc: Document, si: int, s: _Sent, lex: Lexicon, gaz, spans) -> list[Mention]:
    """"Bộ trưởng Quốc phòng Malaysia", "Thứ trưởng Ngoại giao": a post whose title holds its body's
    head noun ("Bộ trưởng": the minister of a "Bộ") names the body by the rest ("Quốc phòng …"). The
    head is added back by _implied_heads, after the body's country is read."""
    base = doc.sentences[si].start
    out = []
    posts = lex.post_heads_by_first
    for i in [i for i, w in enumerate(s.tokens) if w in posts]:
        # the longest post written there is the post ("Thứ trưởng Thường trực Bộ Ngoại giao": the standing
        # deputy minister of a body named in full, not "Thứ trưởng" of a "Thường trực …")
        for pw, head in [next(((pw, head) for pw, head in posts[s.tokens[i]] if s.phrase_at(i, pw)), (None, None))]:
            if pw is None:
                continue
            if i > 0 and s.gap(i) == " " and s.words[i - 1][2].lower() in lex.rank_words:
                continue                    # "tham vấn cấp Thứ trưởng Ngoại giao": a rank of talks, no one's post
            post = " ".join(pw)
            j = i + len(pw)
            if j >= len(s.words) or s.gap(j) != " " or not s.words[j][2][:1].isupper() or s.words[j][2].isupper() \
                    or any(a <= s.words[j][0] < b for a, b in spans) or s.words[j][2] in lex.surnames \
                    or _heads_at(s, j, lex, "Organization") \
                    or any(s.phrase_at(j, t) for t in lex.titles_by_first.get(s.words[j][2], ())):
                continue
            if not (j + 1 < len(s.words) and s.gap(j + 1) == " "
                    and f"{s.words[j][2].lower()} {s.words[j + 1][2].lower()}" in lex.compounds):
                continue                    # a ministry's field is a word of two syllables ("Quốc phòng");
                # "Thứ trưởng Công cho biết" names the deputy minister, Mr Công
            level = next((lv for h, lv in lex.org_heads_by_token.get(head, ()) if h == head), 3)
            end = _extend_org(s, j, lex, gaz, level, True)
            if end - 1 > j + 1 and len(s.words[end - 1][2]) == 1 and s.words[end - 1][2].isupper():
                end -= 1                    # "Thứ trưởng Ngoại giao V K Singh": an initial opens the person's name
            foreign_holder = False
            # "Thứ trưởng Ngoại giao Shannon", "Bộ trưởng Quốc phòng Tea Banh": the first capitalised word that
            # can be no Vietnamese syllable, and no place or body, opens the minister's own name
            first_foreign = next((k for k in range(j + 2, end) if s.words[k][2][:1].isupper()
                                  and not _vietnamese(s.words[k][2]) and s.words[k][0] not in gaz), None)
            if first_foreign is not None:
                end, foreign_holder = first_foreign, True
            if end + 1 < len(s.words) and s.gap(end) == " " and s.gap(end + 1) == " " and len(s.words[end][2]) == 1 \
                    and s.words[end][2].isupper() and s.words[end + 1][2][:1].isupper():
                foreign_holder = True       # "Thứ trưởng Ngoại giao V K Singh": initials open a foreign holder's name
            if end + 1 < len(s.words) and s.gap(end).strip() in ("", '"', "”") and s.gap(end + 1) == " " \
                    and s.words[end][0] not in gaz \
                    and all(_cap(s.words[x][2]) and not s.words[x][2].isupper() for x in (end, end + 1)) \
                    and not (_vietnamese(s.words[end][2]) and _vietnamese(s.words[end + 1][2])):
                foreign_holder = True       # "Bộ trưởng Quốc phòng Tomomi Inada": a foreign name right after the body
            if foreign_holder and not any(s.words[k][0] in gaz or s.words[k][2] in lex.country_qualifiers
                                          for k in range(j, end)):
                continue                    # a foreign official's ministry, its country unsaid: not Việt Nam's
            if any((g := gaz.get(s.words[k][0])) is not None and lex.entries[g[2]].type == "Organization"
                   and not dict(lex.entries[g[2]].attrs).get("country") for k in range(j + 1, end)):
                continue                    # "các Bộ trưởng Ngoại giao ASEAN": the member states' ministers, no
                # ministry of the international body
            if end > j:
                a, b = s.words[j][0], s.words[end - 1][1]
                out.append(Mention(doc.id, si, base + a, base + b, s.text[a:b], "Organization", f"persons.tsv:{post}",
                                   attrs=(("level", str(level)),)))
    return out


_PARTIES_IN_TITLE = re.compile(r" giữa .+? (?=về )")


def _country_starts(text: str, pos: int, lex: Lexicon) -> int:
    """Where the country's name (whole words) that starts at pos ends, or 0."""
    window = text[pos:pos + 40]
    return max((e for a, e, (_, keys) in lex.gazetteer_matches(window)
                if a == 0 and not _is_word_char(window[e:e + 1] or " ") and lex.entries[keys[0][0]].type == "Country"),
               default=-pos) + pos


def _complete_short_names(mentions: list[Mention]) -> list[Mention]:
    """Within one article, "Bộ Chỉ huy Quân sự tỉnh" is the "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh"
    named elsewhere in it, and "Chương trình phòng, chống mua bán người" the "Chương trình phòng,
    chống mua bán người giai đoạn 2021-2025 …": a pattern name that is a prefix of a longer one of
    the same type takes its identity."""
    names = {t: sorted({m.text for m in mentions if m.type == t and not m.key}, key=lambda n: (len(n), n))
             for t in ("Organization", "Agreement")}

    def words(name: str) -> str:             # "Hiệp định về chuyển giao …" = "Hiệp định chuyển giao …"
        return " " + " ".join(w for w in name.split() if w != "về") + " "
    forms = {n: words(n) for t in names.values() for n in t}
    # "Hiệp định giữa Chính phủ nước … Việt Nam và Chính phủ nước … Trung Hoa về hợp tác phòng, chống mua
    # bán người", then "Hiệp định về hợp tác phòng, chống mua bán người": the short form leaves out the
    # parties ("giữa … " up to the topic), when one agreement of the article has them
    unparty = {n: words(_PARTIES_IN_TITLE.sub(" ", n)) for n in names["Agreement"] if _PARTIES_IN_TITLE.search(n)}
    # "Đội CSGT số 5 đã có mặt … Đội CSGT số 5 (Phòng CSGT Công an TP Hà Nội) cho biết": a unit the article
    # names once with its body is that body's unit wherever it names it alone
    with_body: dict[str, set[str]] = {}
    for m in mentions:
        c = m.attr("canonical")
        if m.type == "Organization" and not m.key and c and c.startswith(m.text + ", "):
            with_body.setdefault(m.text, set()).add(c)
    out = []
    for m in mentions:
        if m.type == "Organization" and not m.key and not m.attr("canonical") and len(with_body.get(m.text, ())) == 1:
            m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "canonical": next(iter(with_body[m.text]))}.items())))
        if m.type in names and not m.key and not dict(m.attrs).get("canonical"):
            short = forms[m.text]
            longer = [n for n in names[m.type] if len(n) > len(m.text) and forms[n].startswith(short)]
            if not longer and m.type == "Agreement" and " giữa " not in m.text:
                bare = [n for n, f in unparty.items() if len(n) > len(m.text) and f.startswith(short)]
                longer = bare if len(bare) == 1 else []
            # two different completions ("… giai đoạn 2012 - 2015", "… 2016 - 2020"): the short one is ambiguous
            if longer and all(forms[n].startswith(forms[longer[0]]) for n in longer):
                attrs = dict(m.attrs)
                attrs["canonical"] = longer[0]
                m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


def _officials_after_their_place(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """"Thống đốc bang Virginia Terry McAuliffe", "Thống đốc tỉnh Kanagawa Kuroiwa Yuji": a foreign place
    found by its head ("bang", "tỉnh") runs on through every capitalised word, the holder's name too. When
    its last words are a person the article names elsewhere (in either order: "ông Yuji Kuroiwa"), the
    place ends before them and they are that person."""
    people = {frozenset(n.split()) for m in mentions if m.type == "Person" and " " in (n := m.attr("name"))}
    if not people:
        return mentions
    out = []
    for m in mentions:
        if m.type == "Location" and not m.key and m.rule.startswith("loc.") and m.text.count(" ") >= 3:
            words = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.text)]
            cut = next((t for t in range(2, len(words) - 1)
                        if words[t - 1][1][:1].isupper() and frozenset(w for _, w in words[t:]) in people), None)
            if cut is not None:
                at = words[cut][0]
                name = m.text[at:]
                place = m.text[:at].rstrip()
                out.append(replace(m, end=m.start + len(place), text=place))
                out.append(Mention(doc.id, m.sentence, m.start + at, m.end, name, "Person", "entities.name-after-place",
                                   attrs=(("canonical", name), ("name", name))))
                continue
        out.append(m)
    return out


def _short_person_names(mentions: list[Mention]) -> list[Mention]:
    """"Phó Thủ tướng Hamidi" after "Phó Thủ tướng Ahmad Zahid Hamidi", "Bộ trưởng Lâm" after "Thượng
    tướng Tô Lâm": within one article, a person named by the last words of a fuller name is that person
    (when only one fuller name ends so); so is one named with the same words in another order."""
    full = sorted({m.attr("name") for m in mentions if m.type == "Person" and m.attr("name") and not m.attr("short")},
                  key=len)
    shorts = any(m.attr("short") for m in mentions if m.type == "Person")
    if not full and shorts:
        return [m for m in mentions if not m.attr("short")]
    if len(full) < 2 and not shorts:
        return mentions
    # a foreign name given in both orders ("Kuroiwa Yuji", then "Yuji Kuroiwa"): the first spelling
    first_order: dict[frozenset[str], str] = {}
    for m in sorted((m for m in mentions if m.type == "Person" and " " in m.attr("name")), key=lambda m: m.start):
        first_order.setdefault(frozenset(m.attr("name").split()), m.attr("name"))
    out = []
    for m in mentions:
        name = m.attr("name")
        if m.type == "Person" and name:
            # (also a double-barrelled surname given with its first part only: "Ankie Broekers" for
            # "Ankie Broekers-Knol")
            longer = [n for n in full if len(n) > len(name) and (n.endswith(" " + name) or n.startswith(name + "-")
                                                                  and n[len(name) + 1:][:1].isupper())]
            same = longer[-1] if len(longer) == 1 or (longer and all(longer[-1].endswith(n) for n in longer)) \
                else first_order.get(frozenset(name.split()), name)
            if same == name and name.count(" ") >= 2 and not m.attr("short") \
                    and len(opened := [n for n in full if n.startswith(name + " ")]) == 1 \
                    and not all(_vietnamese(w) for w in name.split()):
                same = opened[0]            # a long foreign name cut by the word limit after a post ("Đại sứ Cộng
                # hòa Yemen Adel Mohamed Ali Ba" for Adel Mohamed Ali Ba Hamid): the one fuller name it opens
            if same == name and m.attr("short"):
                # a Chinese or Korean leader goes by his surname, which comes first ("ông Tập" for Tập Cận
                # Bình, "ông Moon" for Moon Jae-in); a short form that names no one fuller is no person
                first = [n for n in full if n.startswith(name + " ") and _surname_first(n)]
                if len(first) != 1 or longer:
                    continue
                same = first[0]
            if same != name:
                attrs = dict(m.attrs)
                attrs["name"] = attrs["canonical"] = same
                attrs.pop("short", None)
                m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out


def _surname_first(name: str) -> bool:
    """Is `name` written surname first, as Chinese names are in Vietnamese ("Tập Cận Bình": three
    syllables spelled as Vietnamese) and Korean ones ("Moon Jae-in": a hyphenated given name)?"""
    words = name.split()
    return (len(words) == 3 and all(map(_vietnamese, words))) or (len(words) == 2 and "-" in words[1])


def _no_overlap(spans: list[tuple[int, int, str]]) -> bool:
    """Do the spans follow one another, each ending before the next starts?"""
    spans = sorted(spans)
    return all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1))


def _no_bare_governments_inside_bodies(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Tổng cục Dự trữ Nhà nước" (the State Reserves department): a government word alone (governments.tsv,
    no country after it) inside a body's name is a word of that name ("State"), not the country."""
    bare = lex.government_words
    if not any(m.type == "Country" and m.text in bare for m in mentions):
        return mentions                     # (most articles name no government word alone)
    return [m for m in mentions if not (m.type == "Country" and m.text in bare and "Organization" in m.attr("nested"))]


def _no_titles_inside_known_bodies(mentions: list[Mention]) -> list[Mention]:
    """"Tổ chức Tầm nhìn Thế giới" (World Vision) is a body the gazetteer knows: the agreement head "Tầm nhìn"
    (vision) inside its name opens no agreement. A pattern-found agreement or event inside a known body's name
    is part of that proper name."""
    known = [m for m in mentions if m.type == "Organization" and m.key and m.attr("nested") == ""]
    if not known:
        return mentions
    return [m for m in mentions
            if not (m.type in ("Agreement", "Event") and not m.key and m.attr("nested")
                    and any(o.sentence == m.sentence and o.start <= m.start and m.end <= o.end for o in known))]


def _titles_through_their_agreement(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """"Lễ ký Thỏa thuận hợp tác giữa bang Virginia với các đối tác Việt Nam": an event's title that ends
    inside the agreement it names (a signing, a review of a plan) runs on to the agreement's end: the
    agreement's name is whole inside it."""
    agreements = [m for m in mentions if m.type == "Agreement"]
    if not agreements:
        return mentions
    out = []
    for m in mentions:
        if m.type == "Event" and not m.key and (m.attr("canonical") or m.text) == m.text:
            a = next((a for a in agreements if a.sentence == m.sentence and m.start < a.start < m.end < a.end), None)
            if a is not None:
                m = replace(m, end=a.end, text=doc.text[m.start:a.end])
        out.append(m)
    return out


def _mark_nesting(mentions: list[Mention]) -> list[Mention]:
    """Flag mentions that sit inside a longer mention of the same sentence (names inside titles)."""
    out = []
    spans: dict[int, list[tuple[int, int, str]]] = {}      # sentence -> (start, end, type)
    for m in mentions:
        spans.setdefault(m.sentence, []).append((m.start, m.end, m.type))
    # a sentence whose names each end before the next starts holds no name inside another (most of them)
    flat = {si for si, sp in spans.items() if len(sp) == 1 or _no_overlap(sp)}
    for m in mentions:
        if m.sentence in flat:
            out.append(m)
            continue
        outer = [t for (a, b, t) in spans[m.sentence] if a <= m.start and m.end <= b and (b - a) > (m.end - m.start)]
        if outer:
            attrs = dict(m.attrs)
            attrs["nested"] = "|".join(sorted(set(outer)))
            m = replace(m, attrs=tuple(sorted(attrs.items())))
        out.append(m)
    return out
