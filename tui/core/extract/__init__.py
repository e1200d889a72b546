"""Reading a parsed article: who is in it (actors), what figures it rests on (numbers) and who
said what (quotes). Rules on spaCy's parse; spaCy itself is never imported here at import time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..collector import cycle_collector_paused
from ..model import Analysis

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def extract(doc: Doc, analysis: Analysis) -> Analysis:
    """Fill `analysis` (which carries the article's identity) with what the parse says."""
    from .actors import find_actors
    from .numbers import find_numbers
    from .page import read_page
    from .quotes import find_quotes
    from .syntax import doc_text, shared_tokens

    with cycle_collector_paused(), shared_tokens(doc):  # many Token objects, no cycles
        text = doc_text(doc)  # spaCy joins every token to make it: once, from the shared tokens
        page = read_page(text)
        cast = find_actors(doc, page, text)
        analysis.entities = cast.entities
        analysis.actors = cast.actors
        analysis.numbers = find_numbers(doc)
        analysis.quotes = find_quotes(doc, cast, page)
    analysis.credits = page.credits
    return analysis
