"""Parse helpers every extraction rule shares: a noun phrase's core, tokens as written."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: The possessive ending as spaCy splits it off: "Brown's", "Reuters'".
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: Dependencies of a subject, active or passive.
SUBJECT_DEPS = ("nsubj", "nsubjpass")

_shared: dict[int, list["Token"]] = {}


@contextmanager
def shared_tokens(doc: "Doc") -> Iterator[None]:
    """While reading one article, every rule that walks all its tokens walks one list: spaCy
    makes a new Token object each time a Doc is iterated, and the rules walk it many times."""
    _shared[id(doc)] = list(doc)
    try:
        yield
    finally:
        del _shared[id(doc)]


def token_list(doc: "Doc") -> list["Token"]:
    """The tokens of `doc` as a list (shared while `shared_tokens(doc)` is active)."""
    found = _shared.get(id(doc))
    return found if found is not None else list(doc)


def span_text(doc: "Doc", tokens: list["Token"]) -> str:
    """Tokens as written in the text, from the first to the last."""
    if not tokens:
        return ""
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def np_core(
    doc: "Doc",
    head: "Token",
    rights: tuple[str, ...] = ("prep", "compound", "amod", "nummod", "poss", "cc", "conj", "relcl"),
    preps: tuple[str, ...] | None = None,
) -> list["Token"]:
    """A noun phrase without determiners, clauses after it and trailing punctuation."""
    keep = {head.i}
    for child in head.lefts:
        if child.dep_ not in ("det", "punct", "predet"):
            keep.update(t.i for t in child.subtree)
    for child in head.rights:
        if child.dep_ in rights and (preps is None or child.dep_ != "prep" or child.lower_ in preps):
            keep.update(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep)
    tokens = [doc[k] for k in range(lo, hi + 1)]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc",)):
        tokens.pop()
    while tokens and tokens[0].pos_ in ("DET", "PUNCT"):
        tokens.pop(0)
    return tokens
