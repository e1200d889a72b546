"""Pull quotes: a paragraph of someone's words set apart without quote marks and signed with their
name at its end, as pages lift a line out of the story ("... to cut education budgets. Anna
Keller")."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..model import Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .cast import Cast
    from .page import Page

#: A paragraph ending on a sentence and then a name of two to four capitalised words.
_SIGNED = re.compile(
    r"^[^\S\n]*(?P<body>[A-Z][^\n]*?[.!?…])[^\S\n]+(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’.-]+){1,3})[^\S\n]*$",
    re.MULTILINE,
)
_MARKS = frozenset('"“”‘«»')
_MIN_WORDS = 6


def pull_quotes(doc: Doc, cast: Cast) -> list[Quote]:
    """Each paragraph that ends with the name of a person the story names elsewhere, after words
    of their own with no quote marks in them, is that person's quote."""
    found = []
    for m in _SIGNED.finditer(cast.text):
        body = m.group("body")
        if len(body.split()) < _MIN_WORDS or any(c in _MARKS for c in body):
            continue
        span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        actor = cast.actor_in(list(span)) if span is not None else None
        if actor is None or actor.type != "PERSON":
            continue
        if not any(end <= m.start("name") or start >= m.end("name") for start, end in actor.mentions):
            continue  # (named nowhere else: a byline, a photographer)
        found.append(Quote(m.start("body"), m.end("body"), body, "direct", actor.name, actor.id))
    return found


def with_pull_quotes(doc: Doc, cast: Cast, page: Page | None, quotes: list[Quote]) -> list[Quote]:
    """`quotes` and the article's pull quotes (none in page furniture); what was found inside a
    pull quote is a piece of it, not a quote of its own."""
    pulled = [q for q in pull_quotes(doc, cast) if page is None or not page.covers(q.start)]
    if not pulled:
        return quotes
    starts = [p.start for p in pulled]  # (in text order, one paragraph each: they never overlap)

    def inside(q: Quote) -> bool:
        k = bisect_right(starts, q.start) - 1
        return k >= 0 and q.end <= pulled[k].end

    return [q for q in quotes if not inside(q)] + pulled
