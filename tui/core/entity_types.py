"""The one table of entity types: spaCy's codes, the words the reader sees, and the style kind
the article and the legend colour them by. Everything that names or colours a type reads it here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    code: str  # spaCy's label, as stored in analyses and exports
    word: str  # what the reader sees: "person", "organisation", ...
    kind: str  # the style family: person | org | place | group
    description: str  # for the correction dialog


#: Types that name actors (who is in the story), in the order the correction dialog offers them.
ACTOR_TYPES: tuple[EntityType, ...] = (
    EntityType("PERSON", "person", "person", "person"),
    EntityType("ORG", "organisation", "org", "organisation"),
    EntityType("GPE", "place", "place", "country, city, state"),
    EntityType("LOC", "place", "place", "other place"),
    EntityType("NORP", "group", "group", "nationality, religious or political group"),
    EntityType("FAC", "place", "place", "building, airport, road"),
)
ACTOR_CODES = tuple(t.code for t in ACTOR_TYPES)
BY_CODE = {t.code: t for t in ACTOR_TYPES}

#: spaCy types that carry a figure.
NUMBER_CODES = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME")

#: The type an entity correction uses to say "this is not an entity".
REJECTED = "REJECTED"

#: Style kinds in legend order, with the legend's word for each.
LEGEND = (
    ("person", "people"),
    ("org", "organisations"),
    ("place", "places"),
    ("group", "groups"),
    ("number", "figures"),
    ("mark", "marked"),
)


def type_word(code: str) -> str:
    """The reader's word for a type: "person", "organisation", ..."""
    found = BY_CODE.get(code)
    return found.word if found else code.lower()


def style_kind(code: str) -> str:
    """The style family an entity of this type is drawn with."""
    found = BY_CODE.get(code)
    return found.kind if found else "org"
