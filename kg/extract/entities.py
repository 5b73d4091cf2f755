"""Find entity mentions in a document: gazetteer names first, then head-noun patterns."""
from __future__ import annotations

from ..model import Document, Mention
from .lexicon import Lexicon


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def gazetteer_mentions(doc: Document, lex: Lexicon) -> list[Mention]:
    """Leftmost-longest gazetteer hits at word boundaries, respecting the alias's capitalisation."""
    out: list[Mention] = []
    for s in doc.sentences:
        text = s.text
        cands = []
        for start, end, (form, keys) in lex.gazetteer_matches(text):
            if start > 0 and _is_word_char(text[start - 1]) or end < len(text) and _is_word_char(text[end]):
                continue
            key, surface = keys[0]
            if surface[0].isupper() and not text[start].isupper():
                continue
            cands.append((start, end, key))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        pos = 0
        for start, end, key in cands:
            if start < pos:
                continue
            entry = lex.entries[key]
            out.append(Mention(doc.id, s.index, s.start + start, s.start + end, text[start:end],
                               entry.type, entry.rule, key))
            pos = end
    return out


def find_mentions(doc: Document, lex: Lexicon) -> list[Mention]:
    return gazetteer_mentions(doc, lex)
