"""A kinship word as a role names whose kin: "his son" beside "Andrew Giuliani" is the son of
whoever "his" is. The pronoun is resolved once the cast knows who is who; a role whose pronoun
cannot be resolved says nothing and is left out."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import KINSHIP

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .cast import Cast

_KIN_ROLE = re.compile(r"^\W*(his|her|their) (\w+)\W*$", re.I)  # "his son," as the title before a name


def name_kin(cast: Cast) -> None:
    """Rewrite each role "his son", "her husband" as "son of <the one the pronoun stands for>",
    or drop it when no one other than the actor can be found."""
    doc = cast.doc
    changed = False
    for actor in cast.actors:
        kin_roles = {
            r: f"{m.group(1).lower()} {m.group(2).lower()}"
            for r in actor.roles
            if (m := _KIN_ROLE.match(r)) and m.group(2).lower() in KINSHIP
        }
        if not kin_roles:
            continue
        changed = True
        owners: dict[str, str] = {}
        for start, end in actor.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for pronoun in _kin_pronouns(span.root, span.start):
                owner = cast.resolve_pronoun(pronoun, other_than=actor)
                if owner is not None and owner is not actor:
                    owners.setdefault(f"{pronoun.lower_} {pronoun.head.lower_}", owner.name)
        roles: list[str] = []
        for role in actor.roles:
            if role in kin_roles:
                owner_name = owners.get(kin_roles[role])
                if owner_name is None:
                    continue
                role = f"{kin_roles[role].split()[1]} of {owner_name}"
            if role.lower() not in {r.lower() for r in roles}:
                roles.append(role)
        actor.roles = roles
    if changed:
        cast.index_roles()


def _kin_pronouns(root: Token, start: int) -> list[Token]:
    """The possessive pronouns of the kinship words written with a name: "his son, Andrew" (the
    name in apposition), "Andrew, her son", "his son Andrew" (the word before it)."""
    doc = root.doc
    words = [root.head] if root.dep_ in ("appos", "compound", "npadvmod") else []
    words += [c for c in root.children if c.dep_ in ("appos", "compound")]
    words += [t for t in doc[max(0, start - 2) : start]]
    found = []
    for word in words:
        if word.lower_ not in KINSHIP:
            continue
        found += [c for c in word.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their")]
    return found
