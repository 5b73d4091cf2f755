"""Text helpers shared by the reader, the extractors and the exporters: NFC with offset maps,
accent folding and slugs."""
from __future__ import annotations

import re
import unicodedata

_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


def nfc_with_offsets(raw: str) -> tuple[str, tuple[int, ...]]:
    """NFC-normalise `raw` and return (text, offsets) with offsets[i] = raw index of text[i].

    Normalisation only ever merges a starter with the combining marks that follow it, so we
    normalise one starter-run at a time and map every output char to the run's raw start.
    """
    if unicodedata.is_normalized("NFC", raw):
        return raw, ()
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", raw[i:j])
        out.append(chunk)
        if len(chunk) == j - i:
            offsets.extend(range(i, j))
        else:
            offsets.extend([i] * len(chunk))
        i = j
    offsets.append(n)
    return "".join(out), tuple(offsets)


# the combining marks of U+0300-U+036F (all but U+034F, the grapheme joiner): a Vietnamese name's accents
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")
_WHITE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Accent- and case-insensitive key: 'Bộ Công an' -> 'bo cong an' (đ -> d)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = _LATIN_MARKS.sub("", text)
    if not text.isascii():      # other scripts' marks: one character at a time (the regex is the quick path)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _WHITE.sub(" ", text.casefold()).strip()


def slug(text: str, max_len: int = 80) -> str:
    """ASCII slug of a Vietnamese name, stable across runs: 'Bộ Công an' -> 'bo-cong-an'."""
    s = _SLUG_STRIP.sub("-", fold(text)).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rstrip("-")
    return s or "x"


# Vietnamese writes the tone of "oa", "oe", "uy" on either vowel ("hoà"/"hòa", "Uỷ ban"/"Ủy ban"): the
# same word, so keys and matching forms put it on the first vowel (same length, offsets unchanged)
_TONE_PAIRS = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
               "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_TONE_PAIRS.update({k.upper(): v.upper() for k, v in list(_TONE_PAIRS.items())})
_TONE_PAIRS.update({k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_TONE_PAIRS.items()) if k.islower()})
# Only in an open syllable: "toàn", "khoảng", "quý", "Quỹ" are spelt alike in either style.
_OLD_TONES = re.compile("(?<![qQ])(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\\w)")
# a dash between two words, however it is spaced ("Lao động - Thương binh", "Lao động-Thương binh")
_DASH = re.compile(r"\s*[-–—‑]\s*")
_SPACES = re.compile(r"\s+")


def new_tone_marks(text: str) -> str:
    """'hoà' -> 'hòa', 'Uỷ ban' -> 'Ủy ban' (same length): one spelling of each word."""
    return _OLD_TONES.sub(_new_tone, text) if _OLD_TONES.search(text) else text


def _new_tone(m: re.Match) -> str:
    return _TONE_PAIRS[m.group()]


_OLD_OF = {v: k for k, v in _TONE_PAIRS.items()}
_NEW_TONES = re.compile("(?<![qQ])(?:" + "|".join(sorted(_OLD_OF)) + ")(?!\\w)")


# any pair either regex above could rewrite, without their context tests: a quick "no" for most words
_ANY_PAIR = re.compile("|".join(map(re.escape, sorted({*_TONE_PAIRS, *_OLD_OF}))))


def tone_variants(text: str) -> set[str]:
    """The spellings of `text` with the tone of an open "oa", "oe", "uy" on either vowel ("Hòa Bình",
    "Hoà Bình"): matchers list both, so the text is read as written, without rewriting it."""
    if not _ANY_PAIR.search(text):
        return {text}
    new = new_tone_marks(text)
    old = _NEW_TONES.sub(lambda m: _OLD_OF[m.group()], new)
    return {text, new, old}


def norm_key(text: str) -> str:
    """Case-, space-, dash-spacing- and tone-placement-insensitive, accent-preserving key."""
    text = new_tone_marks(unicodedata.normalize("NFC", text)).casefold()
    text = _DASH.sub("-", _SPACES.sub(" ", text))
    return text.strip(" \t\n\"'“”‘’«»()[]{}.,;:-–—")
