"""Document -> Mentions and relation mentions, driven by the rules in `rules/`."""
from __future__ import annotations

from ..model import Document, Extraction
from .entities import find_mentions
from .events import event_links
from .lexicon import Lexicon, compile_lexicon
from .relations import find_relations

__all__ = ["extract_document", "compile_lexicon", "Lexicon"]


def extract_document(doc: Document, lexicon: Lexicon) -> Extraction:
    """All mentions and relation mentions of one article (pure; safe to run in a worker)."""
    mentions = find_mentions(doc, lexicon)
    relations = find_relations(doc, mentions, lexicon) + event_links(doc, mentions, lexicon)
    # a relation may end at an entity the text implies without naming it: the country of a foreign place
    # in a body's name (relations.place_countries)
    known = set(mentions)
    implied = [r.target for r in relations if r.target not in known]
    mentions = mentions + list(dict.fromkeys(implied))
    return Extraction(doc, tuple(mentions), tuple(relations))
