"""Find links between mentions of one sentence, from cue words in rules/cues.tsv."""
from __future__ import annotations

from ..model import Document, Mention, RelationMention
from .lexicon import Lexicon


def find_relations(doc: Document, mentions: list[Mention], lex: Lexicon) -> list[RelationMention]:
    return []
