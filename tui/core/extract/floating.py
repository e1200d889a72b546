"""Quotes with no attribution of their own ("floating" quotes): the paragraphs of quotation after
"X said" or after a paragraph that turns to a new person are that person's words."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from .syntax import SUBJECT_DEPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..model import Quote
    from .cast import Cast
    from .marks import QuoteMask


def attribute_floating(pending: list[tuple[Quote, int]], attributed: list[Quote], cast: Cast, mask: QuoteMask) -> None:
    """Give each quote in `pending` ((quote, where its mark opens), text order) the voice the
    story last turned to: the speaker of the last attributed quote, or a person the text has
    made its subject since."""
    text = cast.text
    events: list[tuple[int, str | None, str | None, str | None, bool]] = sorted(
        ((q.end, q.speaker, q.speaker_actor, q.cue, q.anonymous) for q in attributed if q.speaker), key=lambda e: e[0]
    )
    ends = [e[0] for e in events]
    for quote, opens in pending:
        pos = bisect_right(ends, quote.start) - 1
        prev = events[pos] if pos >= 0 else None
        lo = prev[0] if prev else max(0, quote.start - 1500)
        turned = [
            (at, actor)
            for at, actor in cast.centers_between(lo, opens)
            if mask.find(at) is None and not _in_a_side_clause(cast.doc, at)
        ]
        if turned:
            at, actor = turned[-1]
            voice: tuple[int, str | None, str | None, str | None, bool] = (at, actor.name, actor.id, None, False)
        elif prev is not None:
            voice = prev
        else:
            continue
        gap = text.count("\n", voice[0], opens)
        whole_paragraph = opens == 0 or text[:opens].rstrip(" \t").endswith("\n")
        if gap > (6 if whole_paragraph else 2):
            continue
        quote.speaker, quote.speaker_actor, quote.anonymous = voice[1], voice[2], voice[4]
        quote.cue = quote.cue or voice[3]
        at = bisect_right(ends, quote.end)
        ends.insert(at, quote.end)
        events.insert(at, (quote.end, *voice[1:]))


def _in_a_side_clause(doc: Doc, at: int) -> bool:
    """ "“...,” Mayor Brooks said at the union hall, where Governor Park also spoke. “...”": the
    subject of a relative clause (not one of a time: "on Tuesday, when Park spoke") is no one the
    story turned to, so the quotation after goes on from the last speaker."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    head = token.head
    if token.dep_ not in SUBJECT_DEPS or token.lower_ in ("who", "whom", "that"):
        return False
    where = any(c.lower_ == "where" and c.i < token.i for c in head.children)
    relative = head.dep_ == "relcl" and head.head.ent_type_ not in ("DATE", "TIME")
    return where or (relative and not any(c.lower_ == "when" for c in head.children))
