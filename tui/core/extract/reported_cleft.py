"""Reported speech told as a pseudo-cleft: "What he would say is that fines rarely work", "What
she found, she says, is that nobody checks": the clause after "is" is what was said, whether the
verb of saying is the "what" clause's or set aside between commas."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def _what_clause(be: Token) -> Token | None:
    """The "What X said" subject of a "be", if it has one."""
    return next(
        (c for c in be.children if c.dep_ == "csubj" and c.i < be.i and c.doc[c.left_edge.i].lower_ == "what"),
        None,
    )


def cleft_report(verb: Token) -> list[Token] | None:
    """The clause after "is" that a verb of saying reports in a pseudo-cleft, or None."""
    be = verb.head
    if be.lemma_ != "be" or be.i < verb.i:
        return None
    what = _what_clause(be)
    if what is None or not (what.i == verb.i or (verb.dep_ == "parataxis" and what.i < verb.i)):
        return None
    clause = next((c for c in be.children if c.dep_ == "ccomp" and c.i > be.i), None)
    if clause is None:
        return None  # "What he said is a lie": a judgement of it, not what was said
    # "... is that A isn't hard, and he's optimistic B": what the parse joined to the "is" goes on
    last = max([clause.right_edge.i, *(c.right_edge.i for c in be.children if c.dep_ == "conj" and c.i > clause.i)])
    tokens = [be.doc[k] for k in range(clause.left_edge.i, last + 1)]
    return [t for t in tokens if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == clause.i)]
