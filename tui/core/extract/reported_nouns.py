"""Reported speech cued by a noun of saying: "Donald Trump's claim that there have been thousands
of shootings", "a New York Times report that he lost $915 million", "contradicting the police's
earlier claim that he refused": the clause is what its owner said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Quote
from .reported import clause_span
from .speakers import speaker_of
from .syntax import SUBJECT_OR_EXPLETIVE_DEPS, token_list

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .cast import Cast
    from .marks import QuoteMask
    from .page import Page

#: Nouns for something said, whose "that" clause is what was said.
_SAYING_NOUNS = frozenset(
    """claim claims assertion assertions allegation allegations contention insistence argument
    suggestion statement warning report reports promise pledge vow denial admission accusation""".split()
)


def _owner(noun: Token) -> Token | None:
    """Whose the saying is: "Trump's claim", "his claim", "a New York Times report"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return owner


def _said(noun: Token) -> Token | None:
    """The clause right after a noun of saying, opened by "that", with a subject of its own, where
    ever the parse hung it (not "the claim that was made": there "that" is the subject)."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "that" or doc[noun.i + 1].dep_ != "mark":
        return None
    clause = doc[noun.i + 1].head
    if clause.i <= noun.i or not any(c.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for c in clause.children):
        return None
    return clause


def noun_reports(doc: Doc, text: str, cast: Cast, mask: QuoteMask, page: Page | None = None) -> list[Quote]:
    """What a noun of saying with an owner reports, in text order."""
    found: list[Quote] = []
    saying = {doc.vocab.strings[w] for w in _SAYING_NOUNS}  # spaCy's ids: cheaper than each token's text
    for noun in token_list(doc):
        if noun.lower not in saying or noun.pos_ != "NOUN" or mask.find(noun.idx) is not None:
            continue
        if page is not None and page.covers(noun.idx):
            continue
        owner, clause = _owner(noun), _said(noun)
        if owner is None or clause is None:
            continue
        voice = speaker_of(cast, owner)
        span = clause_span(doc, list(clause.subtree))
        if voice.name is None or span is None:
            continue
        start, end = span
        found.append(
            Quote(start, end, text[start:end], "indirect", voice.name, voice.actor, noun.text, voice.anonymous)
        )
    return found
