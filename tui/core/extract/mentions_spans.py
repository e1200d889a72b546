"""Where a name the model tagged starts and ends: the words it took in that are no part of the name, and those it left out."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import (
    HONORIFICS,
    NAME_SUFFIXES,
    ORG_WORDS,
    PEERAGE,
    POSTNOMINALS,
    ROLE_NOUNS,
    SPEECH_VERB_FORMS,
    TITLE_SMALL_WORDS,
)
from .syntax import POSSESSIVE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


#: Marks the model may take into the start of a name: dashes and quote marks.
_LEADING = frozenset(("―", "—", "–", "-", "--", "“", '"', "‘", "'"))


def clean(doc: Doc, start: int, end: int, code: str) -> tuple[int, int]:
    # ("― Christina Lastra": the model may start a name at the dash or space before it)
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_space or doc[start].text in _LEADING
    ):
        start += 1
    # "Group of Eight (G8": the model ran into a bracket
    for k in range(start + 1, end):
        if doc[k].text in ("(", "[", "/"):
            end = k
            break
    # "Mr Brown's International Finance Facility": the owner is not part of the name, but is
    # the person when the model took it all for one ("Elizabeth May's Greens")
    for k in range(start + 1, end - 1):
        if doc[k].text in POSSESSIVE and all(t.is_title or t.is_upper for t in doc[k + 1 : end]):
            if code == "PERSON":
                end = k
            else:
                start = k + 1
            break
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != ".")
        or (
            end - start > 1
            and doc[end - 1].is_lower  # "Canadian Press that": a name
            and doc[end - 1].pos_ in ("SCONJ", "PRON", "DET", "ADP", "CCONJ")
        )
    ):  # ends in no "that"
        end -= 1
    if code == "PERSON":  # "Councillor Ruth Ames", "Organizer Dwayne Roe": a title, not the name
        while end - start > 1 and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in ROLE_NOUNS):
            start += 1
        # "Clinton Said" in a title-case heading: the verb after the name is no part of it
        while (
            end - start > 1
            and doc[end - 1].is_title
            and doc[end - 1].lower_ in SPEECH_VERB_FORMS
            and _title_case_line(doc, end - 1)
        ):
            end -= 1
    return start, end


def _title_case_line(doc: Doc, i: int) -> bool:
    """Whether token `i` stands in a short line of its own with every word capitalised: a
    heading ("Ann Roe Warns Of A Long Winter"), where "Said" is a verb; in a sentence it may be a
    name ("Dr. Omar Said, a local surgeon")."""
    lo = i
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws and i - lo < 20:
        lo -= 1
    hi = i
    while hi + 1 < len(doc) and "\n" not in doc[hi].text_with_ws and hi - i < 20:
        hi += 1
    words = [t for t in doc[lo : hi + 1] if t.is_alpha]
    if (lo > 0 and "\n" not in doc[lo - 1].text_with_ws) or len(words) > 15:
        return False
    return all(t.is_title or t.is_upper or t.lower_ in TITLE_SMALL_WORDS for t in words)


_ATTITUDE = re.compile(r"(?:anti|pro|non|un|pan|post|pre|ex|neo|pseudo|semi)-[A-Z]")


def defined_abbreviation(doc: Doc, end: int) -> int | None:
    """ "the Group of Eight (G8)": the short form a name is given in brackets right after it (the
    token index of "G8"), whatever its letters."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        short = doc[end + 1].text
        if (
            2 <= len(short) <= 8
            and short[0].isupper()
            and short.replace(".", "").replace("-", "").isalnum()
            and sum(ch.isupper() or ch.isdigit() for ch in short) >= 2
        ):
            return end + 1
    return None


def hyphen_run(doc: Doc, e: int) -> int:
    """ "SNC-Lavalin" tagged as "SNC": the name runs on past its hyphen."""
    while (
        e + 1 < len(doc)
        and doc[e].text == "-"
        and not doc[e - 1].whitespace_
        and not doc[e].whitespace_
        and doc[e + 1].is_title
        and doc[e + 1].pos_ == "PROPN"
    ):
        e += 2
    return e


def letters_after(doc: Doc, s: int, e: int, code: str) -> tuple[int, str, list[str]]:
    """Letters after a name: a role, not part of the name ("Philippe Sands QC"); a short title-case
    "organisation" with such letters is a person."""
    roles: list[str] = []
    while e - s > 1 and (doc[e - 1].text in POSTNOMINALS or doc[e - 1].text in NAME_SUFFIXES):
        if doc[e - 1].text in POSTNOMINALS:
            roles.append(doc[e - 1].text)
            if code == "ORG" and 2 <= e - 1 - s <= 3 and all(t.is_title for t in doc[s : e - 1]):
                code = "PERSON"
        e -= 1
    return e, code, roles


def _group_word_before(doc: Doc, s: int, e: int) -> int:
    """A capitalised word the model left out of a party or group: "Liberal Democrats"."""
    prev = doc[s - 1]
    if (
        prev.is_title
        and not prev.is_sent_start
        and prev.pos_ in ("PROPN", "ADJ")
        and not prev.ent_type_
        and prev.head.i in range(s, e)
        and prev.lower_ not in HONORIFICS
    ):
        return s - 1
    return s


def _joined_by_and(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """ "Heart and Stroke Foundation" tagged as "Stroke Foundation", "Society of Motor Manufacturers
    and Traders" tagged without "and Traders": a body's name joined by "and"."""
    while (
        s > 1
        and doc[s - 1].lower_ in ("and", "&")
        and doc[s - 2].is_title
        and (not doc[s - 2].ent_type_ or doc[s - 2].ent_iob_ == "B")
        and not doc[s - 2].is_sent_start
        and doc[s - 2].pos_ in ("PROPN", "NOUN")
    ):
        s -= 2
    if (
        e + 1 < len(doc)
        and doc[e].lower_ in ("and", "&")
        and doc[e + 1].is_title
        and not doc[e + 1].ent_type_
        and doc[e + 1].pos_ in ("PROPN", "NOUN")
        and (e + 2 >= len(doc) or not doc[e + 2].is_title)
    ):
        e += 2
    return s, e


def _first_name_before(doc: Doc, s: int, e: int) -> int:
    """A first name the model left out: "Mamadou Dia" tagged as "Dia"."""
    while s > 0:
        prev = doc[s - 1]
        if not (
            prev.is_title
            and prev.pos_ == "PROPN"
            and prev.dep_ == "compound"
            and not prev.ent_type_
            and prev.head.i in range(s, e)
            and prev.lower_ not in HONORIFICS
            and prev.lower_ not in ROLE_NOUNS
            and prev.lower_ not in PEERAGE
        ):
            break
        s -= 1
    return s


def titled_person(doc: Doc, s: int, e: int) -> int | None:
    """ "Wet'suwet'en Hereditary Chief Na'moks" tagged as a group: where the person's name starts
    after the title, or None."""
    title = next((k for k in range(s + 1, e - 1) if doc[k].lower_ in HONORIFICS), None)
    if title is None:
        return None
    tail = doc[title + 1 : e]
    if len(tail) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in tail):
        return title + 1
    return None


def widened(doc: Doc, s: int, e: int, code: str) -> tuple[int, int]:
    """The span of a name grown over the words the model left out of it."""
    if code in ("ORG", "NORP") and s > 0:
        s = _group_word_before(doc, s, e)
    if code == "ORG":
        s, e = _joined_by_and(doc, s, e)
    if code == "PERSON":
        s = _first_name_before(doc, s, e)
    return s, e


def peerage_form(doc: Doc, ent_start: int, s: int, e: int) -> str | None:
    """ "Lord Goldsmith", "Baroness Smith of Leigh": the fuller written form of a peer's name."""
    first = ent_start if ent_start < s and doc[ent_start].lower_ in PEERAGE else s - 1
    if first < 0 or doc[first].lower_ not in PEERAGE or not doc[first].is_title:
        return None
    if e + 1 < len(doc) and doc[e].lower_ == "of" and doc[e + 1].pos_ == "PROPN":
        return doc[first : e + 2].text
    return doc[first:e].text


def names_someone(key: str) -> bool:
    """A cleaned entity text that can name an actor: letters, a capital, no address or path, no
    stance ("anti-Russian", "un-Canadian", "pro-Brexit")."""
    if not any(ch.isalpha() for ch in key) or not any(ch.isupper() for ch in key) or "/" in key or "@" in key:
        return False
    return not _ATTITUDE.match(key)
