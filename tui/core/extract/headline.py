"""The headline's words: a headline capitalises every word it stresses, and the model then takes
a common noun for a name ("Harbour plan approved" -> "Harbour", a nationality). A word the model
itself parses as a common noun, typed a group or a place, that the article never names again
below the headline names no one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Longest first line still read as a headline, in tokens.
_HEADLINE_TOKENS = 25


class Named(Protocol):
    """A mention as this rule reads it (mentions.Mention)."""

    start: int
    end: int
    type: str
    key: str


M = TypeVar("M", bound=Named)


def headline_end(doc: Doc) -> int:
    """The token where the article's headline ends: its first line, when it is short and is not a
    sentence (no full stop, question or exclamation mark at its end); 0 when there is none."""
    for token in doc[:_HEADLINE_TOKENS]:
        if token.is_space and "\n" in token.text or "\n" in token.whitespace_:
            last = token.i - 1 if token.is_space else token.i
            if last < 0 or doc[last].text in (".", "!", "?"):
                return 0
            return last + 1
    return 0


def without_headline_nouns(doc: Doc, mentions: list[M]) -> list[M]:
    """`mentions` but a group or place in the headline that is a common noun by the model's own
    parse and has no mention below the headline."""
    end = headline_end(doc)
    if not end:
        return mentions
    below = {m.key for m in mentions if m.start >= end}
    return [
        m
        for m in mentions
        if not (
            m.end <= end
            and m.type in ("NORP", "GPE")
            and m.key not in below
            and all(t.pos_ == "NOUN" for t in doc[m.start : m.end])
        )
    ]
