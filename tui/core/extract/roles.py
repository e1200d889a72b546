"""Roles and titles: what a name is written with ("NATO Secretary-General Jens Stoltenberg",
"Omar Haddad, chief executive of a bank", "X is the ...")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..entity_types import ACTOR_CODES
from .lexicon import COURTESY, HONORIFICS, NAME_SUFFIXES, POSTNOMINALS, ROLE_NOUNS, SPEECH_VERBS
from .syntax import POSSESSIVE, np_core, sentence_start, span_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .mentions import Mention

_BREAKS = {",", ";", ":", "(", ")", "—", "–", '"', "“", "”", "‘", "’", "'", "[", "]"}


def role_key(text: str) -> str:
    """A role as a key: no article, one kind of apostrophe, lower case."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"\s+", " ", text.replace("’", "'")).lower()


def _descends_within(token: Token, root: Token, lo: int, hi: int) -> bool:
    node = token
    for _ in range(12):
        if node.i == root.i:
            return True
        if node.head.i == node.i or not lo <= node.head.i < hi or node.head.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False


def _is_role(tokens: list[Token], limit: int = 10) -> bool:
    words = [t for t in tokens if any(ch.isalpha() for ch in t.text)]
    if not words or len(tokens) > limit or all(t.lower_ in COURTESY for t in words):
        return False
    if any("/" in t.text for t in tokens):
        return False  # a photo credit run into the text, not a title
    return any(t.lower_ in ROLE_NOUNS or t.lower_ in HONORIFICS or (t.pos_ == "NOUN" and t.is_lower) for t in words)


_ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ive", "ate", "man", "woman", "ee", "ess")


def _role_head(token: Token) -> bool:
    """Whether a noun can head a role: a known role noun, or one that names a doer."""
    low = token.lower_
    return low in ROLE_NOUNS or low in HONORIFICS or low.endswith(_ROLE_SUFFIXES)


def _with_suffix(doc: Doc, end: int) -> int:
    """The end of a name with the letters after it ("Jr.", "II", "QC"), which the parse may
    make its head."""
    while end < len(doc) and (doc[end].text in NAME_SUFFIXES or doc[end].text in POSTNOMINALS):
        end += 1
    return end


def role_before(doc: Doc, start: int, end: int) -> tuple[int, str] | None:
    """The title written before a name ("NATO Secretary-General Jens Stoltenberg")."""
    end = _with_suffix(doc, end)
    root = doc[start:end].root
    sent_start = sentence_start(doc[start])
    if start > 0 and doc[start - 1].text in POSSESSIVE:
        return None  # "Mr Brown's International Finance Facility": an owner, not a title
    j, first = start - 1, start
    while j >= sent_start:
        t = doc[j]
        if t.text in _BREAKS or t.pos_ in ("VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ", "NUM"):
            break
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL") or (
            t.text in "-–—" and (t.whitespace_ or doc[j - 1].whitespace_)
        ):
            break
        if t.pos_ == "ADP" and t.lower_ != "of" and not (not t.whitespace_ and doc[j + 1].text == "-"):
            break  # but "Under-Secretary", "Over-Sight": a word joined by its hyphen
        if not _descends_within(t, root, sent_start, end):
            break
        first = j
        j -= 1
    tokens = [doc[k] for k in range(first, start)]
    while tokens and (tokens[0].pos_ in ("ADP", "PUNCT") or tokens[0].text in POSSESSIVE):
        tokens.pop(0)
    while tokens and (
        tokens[-1].lower_ in COURTESY or tokens[-1].lower_ in ("dr", "dr.", "prof", "prof.", "rev", "rev.")
    ):
        tokens.pop()  # "lead author Dr. Allan Garland": the role is "lead author"
    if tokens and _is_role(tokens):
        return tokens[0].i, span_text(doc, tokens)
    return None


def roles_around(doc: Doc, start: int, end: int) -> list[str]:
    """Roles stated beside a name: apposition either side, and "X is/was the ..."."""
    end = _with_suffix(doc, end)
    root = doc[start:end].root
    found = [role for role in (_apposed_after(doc, root), _apposed_before(doc, root, start)) if role]
    head = root.head
    claimed = head.dep_ == "ccomp" and head.head.lemma_ in SPEECH_VERBS  # "Lee says Roe is the worst ...": a claim
    if root.dep_ == "nsubj" and head.lemma_ == "be" and not claimed:
        for child in head.rights:
            if child.dep_ == "attr" and child.pos_ == "NOUN" and _role_head(child):  # not "the biggest challenge"
                tokens = np_core(doc, child)
                if tokens and _is_role(tokens, limit=25):
                    found.append(span_text(doc, tokens))
    return found


def _apposed_after(doc: Doc, root: Token) -> str | None:
    """ "Ann Roe, the director of the fund,": a role in apposition after the name."""
    appos = [c for c in root.rights if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN", "ADJ") and not c.ent_type_]
    if not appos or not any(_role_head(c) for c in appos):
        return None
    tokens = sorted({t for c in appos for t in np_core(doc, c)}, key=lambda t: t.i)
    tokens = [doc[k] for k in range(tokens[0].i, tokens[-1].i + 1)]
    cut = next((k for k, t in enumerate(tokens) if t.ent_type_ == "PERSON"), len(tokens))
    tokens = tokens[:cut]
    while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
        tokens.pop()
    return span_text(doc, tokens) if _is_role(tokens, limit=25) else None


def _apposed_before(doc: Doc, root: Token, start: int) -> str | None:
    """ "the fund's director, Ann Roe": a role the name is in apposition to, before it."""
    head = root.head
    if not (
        root.dep_ == "appos"
        and head.pos_ in ("NOUN", "PROPN")
        and head.ent_type_ not in ACTOR_CODES
        and head.i < start
        and _role_head(head)
    ):
        return None
    tokens = [t for t in np_core(doc, head) if t.i < start]
    return span_text(doc, tokens) if tokens and _is_role(tokens, limit=25) else None


def with_roles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Attach to each person and organisation the roles written with it, and drop the names
    inside a title ("State" in "Secretary of State Antony Blinken")."""
    inside_role = bytearray(len(doc))
    for m in mentions:
        if m.type in ("PERSON", "ORG"):
            before = role_before(doc, m.start, m.end)
            if before:
                inside_role[before[0] : m.start] = b"\x01" * (m.start - before[0])
                m.roles.insert(0, before[1])
            m.roles.extend(roles_around(doc, m.start, m.end))
    return [m for m in mentions if not (inside_role[m.start] and m.type not in ("GPE", "NORP"))]
