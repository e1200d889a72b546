"""Names the model took for people that the article uses as a place, a medium or an organisation's name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicon import FACILITY_WORDS, ORG_WORDS
from .syntax import POSSESSIVE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .people import Named


_PLACE_PREPS = frozenset("in at from near outside throughout across around downtown".split())
_MEDIUM_PREPS = frozenset("on via".split())


def not_people(doc: Doc, mentions: Sequence[Named]) -> None:
    """Names the model took for people that the article shows are not: a name with a digit or
    ending in an organisation's or a building's word ("Levada Center", "Bill C-74"), an acronym,
    and a lone name only ever used as a place ("in Surrey", "Mississauga, Ont.") or a medium ("on
    Twitter"). A surname of someone named in full stays a person."""
    surnames = {m.key.split()[-1] for m in mentions if m.type == "PERSON" and " " in m.key}
    by_key: dict[str, list[Named]] = defaultdict(list)
    for m in mentions:
        if m.type == "PERSON":
            by_key[m.key].append(m)
    for key, ms in by_key.items():
        words = key.split()
        last = words[-1].lower().strip(".")
        code = None
        if any(ch.isdigit() for ch in key) or last in ORG_WORDS or last in FACILITY_WORDS:
            code = "ORG"
        elif len(words) == 1 and key not in surnames:
            if key.isupper() and len(key) > 1:
                code = "ORG"
            elif all(_abbreviated_region(doc, m) for m in ms):
                code = "GPE"  # "Milton, Ont.": the province after a town
            else:
                places = sum(_used_as_place(doc, m) for m in ms)
                media = sum(doc[m.start - 1].lower_ in _MEDIUM_PREPS for m in ms if m.start > 0)
                if places and places + media >= len(ms) / 2:
                    code = "GPE"
                elif media and media >= len(ms) / 2:
                    code = "ORG"
        if code:
            for m in ms:
                m.type = code


def _abbreviated_region(doc: Doc, m: Named) -> bool:
    """ "Ont." in "Milton, Ont.,": a short word cut off by a full stop, after a comma."""
    return (
        m.end - m.start == 1
        and len(doc[m.start]) <= 4
        and m.start > 0
        and doc[m.start - 1].text == ","
        and m.end < len(doc)
        and doc[m.end].text == "."
        and not doc[m.start].whitespace_
    )


def _used_as_place(doc: Doc, m: Named) -> bool:
    """ "in Surrey", "Mississauga, Ont.": a name used where a place goes."""
    after = doc[m.end : m.end + 2]
    if (
        len(after) == 2
        and after[0].text == ","
        and (
            (after[1].is_title and after[1].text.endswith("."))
            or (after[1].is_upper and 2 <= len(after[1]) <= 4)
            or (
                after[1].is_title
                and len(after[1]) <= 4
                and m.end + 2 < len(doc)
                and doc[m.end + 2].text == "."
                and not after[1].whitespace_
            )
        )
    ):
        return True
    if _listed_with_places(doc, m):
        return True
    return (
        m.start > 0
        and doc[m.start - 1].lower_ in _PLACE_PREPS
        and not (m.end < len(doc) and doc[m.end].text in POSSESSIVE)
    )


def _listed_with_places(doc: Doc, m: Named) -> bool:
    """ "in Halden, Larvik, Moss and Sundvik": a name listed after a preposition of place with
    other places, most of the list, is one more place."""
    root = doc[m.end - 1]
    node = root
    for _ in range(6):
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    else:
        return False
    if node is root or node.dep_ != "pobj" or node.head.lower_ not in _PLACE_PREPS:
        return False
    heads = [t for t in node.subtree if t.dep_ == "conj" or t.i == node.i]
    others = [t for t in heads if not m.start <= t.i < m.end]
    places = sum(t.ent_type_ in ("GPE", "LOC") for t in others)
    return places >= 2 and places * 2 >= len(others) and not any(t.ent_type_ in ("PERSON", "NORP") for t in others)
