"""Parse helpers every extraction rule shares: a noun phrase's core, tokens as written."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

#: The possessive ending as spaCy splits it off: "Brown's", "Reuters'".
POSSESSIVE = frozenset({"'s", "’s", "‘s", "'", "’"})
#: Dependencies of a subject, active or passive.
SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: A subject or the expletive that holds its place ("there is", "it is clear that").
SUBJECT_OR_EXPLETIVE_DEPS = (*SUBJECT_DEPS, "expl")
#: Marks that close a quotation, as the tokenizer gives them.
CLOSING_MARKS = frozenset(("”", '"', "''", "’"))
#: Tags of a finite verb or auxiliary: a past or present tense, or a modal.
FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))
#: Any subject of a clause, a clausal one too ("what he said was ...").
ANY_SUBJECT_DEPS = (*SUBJECT_OR_EXPLETIVE_DEPS, "csubj")

#: Characters a web page hides in words ("Traeger\u200b"): never part of a name as shown.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

_shared: dict[int, list[Token]] = {}
_shared_ents: dict[int, Sequence[Span]] = {}
_shared_starts: dict[int, list[int]] = {}


@contextmanager
def shared_tokens(doc: Doc) -> Iterator[None]:
    """While reading one article, every rule that walks all its tokens (or entities) walks one
    list: spaCy makes new Token and Span objects each time a Doc or its entities are iterated,
    and the rules walk them many times."""
    _shared[id(doc)] = tokens = list(doc)
    _shared_ents[id(doc)] = doc.ents
    _shared_starts[id(doc)] = [t.i for t in tokens if t.is_sent_start] or [0]
    try:
        yield
    finally:
        del _shared[id(doc)]
        del _shared_ents[id(doc)]
        del _shared_starts[id(doc)]


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the shared tokens while `shared_tokens(doc)` is active (spaCy's own
    makes every Token anew to join them)."""
    found = _shared.get(id(doc))
    return "".join([t.text_with_ws for t in found]) if found is not None else doc.text


def token_list(doc: Doc) -> list[Token]:
    """The tokens of `doc` as a list (shared while `shared_tokens(doc)` is active)."""
    found = _shared.get(id(doc))
    return found if found is not None else list(doc)


def sentence_start(token: Token) -> int:
    """The index of the first token of `token`'s sentence (cheaper than `token.sent.start`,
    which builds a Span by walking the sentence)."""
    starts = _shared_starts.get(id(token.doc))
    if starts is None:
        return token.sent.start
    return starts[bisect_right(starts, token.i) - 1]


def sentence_bounds(token: Token) -> tuple[int, int]:
    """The first token of `token`'s sentence and the one after its last, like `token.sent`'s
    start and end, without building the sentence (read from the shared starts when there are)."""
    starts = _shared_starts.get(id(token.doc))
    if starts is None:
        sent = token.sent
        return sent.start, sent.end
    k = bisect_right(starts, token.i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(token.doc)


def entity_list(doc: Doc) -> Sequence[Span]:
    """The named entities of `doc` (shared while `shared_tokens(doc)` is active)."""
    found = _shared_ents.get(id(doc))
    return found if found is not None else doc.ents


def span_text(doc: Doc, tokens: list[Token]) -> str:
    """Tokens as written in the text, from the first to the last."""
    if not tokens:
        return ""
    return _INVISIBLE.sub("", doc[tokens[0].i : tokens[-1].i + 1].text).strip()


def np_core(
    doc: Doc,
    head: Token,
    rights: tuple[str, ...] = ("prep", "compound", "amod", "nummod", "poss", "cc", "conj", "relcl"),
    preps: tuple[str, ...] | None = None,
) -> list[Token]:
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


#: Verbs whose passive subject is whom something was told: "was told he had three months".
_HEARER_VERBS = frozenset("tell ask warn advise inform assure urge notify remind caution brief instruct".split())


def told_in_passive(verb: Token) -> bool:
    """ "Cable was told he had three months to live", "having been told ...", "was diagnosed and
    told ...": a verb of telling in the passive, whose subject is whom it was told."""
    if verb.lemma_ not in _HEARER_VERBS or verb.tag_ not in ("VBN", "VBD"):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # (joined to a passive: the tagger may read the participle they share as a past tense; not
    # one with whom it warned as its object: "said the port was closed and warned shippers to ...")
    return (
        verb.dep_ == "conj"
        and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def agent_of(verb: Token) -> Token | None:
    """Who did what a passive verb says: "was told by the mayor"."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
