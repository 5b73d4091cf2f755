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


def fold(text: str) -> str:
    """Accent- and case-insensitive key: 'Bộ Công an' -> 'bo cong an' (đ -> d)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.casefold()).strip()


def slug(text: str, max_len: int = 80) -> str:
    """ASCII slug of a Vietnamese name, stable across runs: 'Bộ Công an' -> 'bo-cong-an'."""
    s = _SLUG_STRIP.sub("-", fold(text)).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rstrip("-")
    return s or "x"


def norm_key(text: str) -> str:
    """Case- and space-insensitive, accent-preserving key (NFC, casefold, one space)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).casefold()).strip(" \t\n\"'“”‘’«»()[]{}.,;:-–—")
