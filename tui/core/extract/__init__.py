"""Reading a parsed article: who is in it (actors), what figures it rests on (numbers) and who
said what (quotes). Rules on spaCy's parse; spaCy itself is never imported here at import time."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..model import Analysis

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def extract(doc: Doc, analysis: Analysis) -> Analysis:
    """Fill `analysis` (which carries the article's identity) with what the parse says."""
    from .actors import find_actors
    from .numbers import find_numbers
    from .page import read_page
    from .quotes import find_quotes
    from .syntax import shared_tokens

    text = doc.text  # spaCy joins every token to make it: once
    page = read_page(text)
    with _cycle_collector_paused(), shared_tokens(doc):
        cast = find_actors(doc, page, text)
        analysis.entities = cast.entities
        analysis.actors = cast.actors
        analysis.numbers = find_numbers(doc)
        analysis.quotes = find_quotes(doc, cast, page)
    analysis.credits = page.credits
    return analysis


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """The rules make hundreds of thousands of short-lived Token objects and no reference cycles;
    Python's cycle collector, run on every few hundred allocations, would walk all the live
    tokens of a long article each time (a quarter of the rules' time on 100,000 words).
    Reference counting still frees everything; the collector resumes as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
