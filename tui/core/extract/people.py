"""Names the model took for an organisation, a place or a nationality that the article shows are
people: a title, a family word or an age beside them, a list of people they stand in, a "he" or
"she" they are the only one who can be."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from .lexicon import (
    AGENCY_WORDS,
    CAPITALS,
    FACILITY_WORDS,
    GROUP_ROLE_NOUNS,
    HONORIFICS,
    KINSHIP,
    ORG_WORDS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SYNONYM_OF,
)
from .syntax import SUBJECT_DEPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


class Named(Protocol):
    """A mention as these rules read and retype it (mentions.Mention)."""

    start: int
    end: int
    type: str
    key: str


def people_by_evidence(doc: Doc, mentions: Sequence[Named]) -> None:
    """Names the model took for an organisation or a place that the article shows are people: a
    title or a family word before or beside them ("Musk's brother, Kimbal", "Alison Uncles,
    editor-in-chief of ...", "coach Rocco Vale"), or an age ("Nina Ros, 34,")."""
    by_key: dict[str, list[Named]] = defaultdict(list)
    for m in mentions:
        if m.type in ("ORG", "GPE", "FAC", "LOC"):
            by_key[m.key].append(m)
    for key, ms in by_key.items():
        words = key.split()
        if (
            len(words) > 4
            or key in CAPITALS
            or key in SYNONYM_OF
            or key.isupper()
            or any(
                w.lower().strip(".") in ORG_WORDS
                or w.lower() in FACILITY_WORDS
                or w.lower() in AGENCY_WORDS
                or not w[:1].isupper()
                for w in words
            )
        ):
            continue
        if any(_shown_as_person(doc, m) for m in ms):
            for m in ms:
                m.type = "PERSON"


def _shown_as_person(doc: Doc, m: Named) -> bool:
    root = doc[m.start : m.end].root
    before = doc[m.start - 1] if m.start > 0 else None
    if (
        before is not None
        and before.lower_ not in ("the", "a", "an")
        and (before.lower_ in HONORIFICS or before.lower_ in ROLE_NOUNS or before.lower_ in KINSHIP)
    ):
        return before.i in [t.i for t in root.lefts] or before.head.i == root.i or root.head.i == before.i
    people = PERSON_NOUNS - GROUP_ROLE_NOUNS
    if root.dep_ == "appos" and root.head.lower_ in people:
        return True  # "Musk's brother, Kimbal"
    if any(c.dep_ == "appos" and (c.lower_ in people or c.lower_ == "editor-in-chief") for c in root.children):
        return True  # "Alison Uncles, editor-in-chief of ..."
    after = doc[m.end : m.end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ","


#: Pronouns only a person takes, and the ones a body or a thing takes.
_PERSON_WORDS = frozenset("he she him her his hers himself herself".split())
_THING_WORDS = frozenset("it its itself".split())


def people_in_context(doc: Doc, mentions: Sequence[Named]) -> None:
    """One-word names the model took for a body, a place or a nationality ("Colton", "Elyse")
    that the article shows are people: listed with two or more people ("Demi, Bri, Tracy and
    Elyse"), or the only name and the subject in two sentences that say "he" or "she" and never
    "it"."""
    person_tokens = {k for m in mentions if m.type == "PERSON" for k in range(m.start, m.end)}
    by_key: dict[str, list[Named]] = defaultdict(list)
    for m in mentions:
        if (
            m.type in ("ORG", "GPE", "NORP", "LOC", "FAC")
            and " " not in m.key
            and _could_be_a_name(m.key)
            and doc[m.end - 1].tag_ != "NNPS"
        ):  # "Albertans": a people, not a person
            by_key[m.key].append(m)
    for ms in by_key.values():
        listed = any(_listed_with_people(doc, m, person_tokens) for m in ms)
        if listed or _called_he_or_she(doc, ms, person_tokens):
            for m in ms:
                m.type = "PERSON"


def _could_be_a_name(key: str) -> bool:
    low = key.lower().strip(".")
    return (
        key[:1].isupper()
        and not key.isupper()
        and key.isalpha()
        and key not in CAPITALS
        and key not in SYNONYM_OF
        and low not in ORG_WORDS
        and low not in FACILITY_WORDS
        and low not in AGENCY_WORDS
    )


def _listed_with_people(doc: Doc, m: Named, person_tokens: set[int]) -> bool:
    """Whether the name stands in a coordination with two or more people."""
    top = doc[m.start : m.end].root
    for _ in range(30):
        if top.dep_ != "conj" or top.head.i == top.i:
            break
        top = top.head
    members: list[Token] = []
    stack = [top]
    while stack and len(members) < 40:
        node = stack.pop()
        members.append(node)
        stack.extend(c for c in node.children if c.dep_ == "conj")
    others = [t for t in members if not m.start <= t.i < m.end]
    return sum(1 for t in others if t.i in person_tokens) >= 2


def _called_he_or_she(doc: Doc, ms: Sequence[Named], person_tokens: set[int]) -> bool:
    person = thing = 0
    for m in ms:
        root = doc[m.start : m.end].root
        if root.dep_ not in SUBJECT_DEPS:
            continue
        said: list[str] = []  # the pronouns that are subjects or owners in the rest of the sentence
        for k in range(m.end, min(len(doc), m.end + 30)):
            t = doc[k]
            if t.is_sent_start or t.is_space or k in person_tokens:
                break  # the sentence ends, or names someone else whose pronoun it may be
            if t.dep_ in SUBJECT_DEPS or t.dep_ == "poss":
                said.append(t.lower_)
        person += any(w in _PERSON_WORDS for w in said)
        thing += any(w in _THING_WORDS for w in said)
    return person >= 2 and person > thing
