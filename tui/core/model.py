"""The analysis of one article as plain data: entities, actors, numbers and quotes.

Offsets are character offsets into the loaded article text, end excluded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

import orjson

SCHEMA = "byline.analysis/2"

#: The kinds of source of a quote, as researchers of sourcing count them apart (Quote.source).
SourceKind = Literal["named", "unnamed", "anonymous"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("named", "unnamed", "anonymous")


@dataclass
class Entity:
    start: int
    end: int
    text: str
    type: str  # the model's entity type (entity_types.py), never a reader's label
    actor: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    #: the article never names it, only describes it ("the government", "state police"): the
    #: library does not take two such descriptions in two articles for the same actor
    unnamed: bool = False

    @property
    def aka(self) -> list[str]:
        """The other names it goes by: its aliases but the ones that only repeat a role."""
        return other_names(self.aliases, self.roles)


def other_names(aliases: list[str], roles: list[str]) -> list[str]:
    """`aliases` without those that are one of `roles` as written ("council's chief engineer"
    is said once, as the role, not again after "aka")."""

    def key(phrase: str) -> str:
        words = phrase.lower().split()
        return " ".join(words[1:] if words[:1] == ["the"] else words)

    said = {key(role) for role in roles}
    return [alias for alias in aliases if key(alias) not in said]


@dataclass
class Number:
    start: int
    end: int
    text: str
    value: float | int | None
    unit: str | None
    qualifier: str | None
    kind: str


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    speaker: str | None = None
    speaker_actor: str | None = None
    cue: str | None = None
    #: the speaker is an unnamed person or group of people ("a senior official", "sources close
    #: to ..."), grouped by their phrase in Voices; `source` tells a description from anonymity
    anonymous: bool = False
    #: what kind of source the speaker is (SOURCE_KINDS), None when no one is identified:
    #: "named", an actor the article names; "unnamed", one it describes by role or institution
    #: ("fire officials", "the ministry"); "anonymous", one granted or stated anonymity ("a nurse
    #: who asked not to be named", "a source familiar with the talks"). Analyses cached before
    #: it existed read "unnamed" for an anonymous quote with a speaker and "named" for another.
    source: SourceKind | None = None

    def __post_init__(self) -> None:
        if self.source is None and self.speaker:
            self.source = "unnamed" if self.anonymous else "named"


@dataclass
class Credit:
    """Who made the article, not who is in it: a byline's author, a photo or an agency credit."""

    name: str
    kind: str  # author | photo | agency
    start: int
    end: int


@dataclass
class Analysis:
    source: str
    title: str
    sha256: str
    model: str
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict:
        """As JSON holds it (mentions as lists); `asdict` only for what orjson refuses (a string
        that is no UTF-8, an integer beyond 64 bits)."""
        try:
            return orjson.loads(self.to_json())
        except (TypeError, orjson.JSONEncodeError):
            data = {"schema": SCHEMA, **asdict(self)}
        for actor in data["actors"]:
            actor["mentions"] = [list(m) for m in actor["mentions"]]
        return data

    def to_json(self) -> bytes:
        """`to_dict` as JSON, written by orjson from the dataclasses in one pass (an analysis of
        a long article: 7 ms through `asdict`, 0.35 ms); raises what orjson raises."""
        return b'{"schema":' + orjson.dumps(SCHEMA) + b"," + orjson.dumps(self)[1:]

    @classmethod
    def from_dict(cls, data: dict) -> Analysis:
        return cls(
            source=data["source"],
            title=data["title"],
            sha256=data["sha256"],
            model=data["model"],
            entities=[Entity(**e) for e in data.get("entities", [])],
            actors=[
                Actor(**{**a, "mentions": [tuple(m) for m in a.get("mentions", [])]}) for a in data.get("actors", [])
            ],
            numbers=[Number(**n) for n in data.get("numbers", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            credits=[Credit(**c) for c in data.get("credits", [])],
        )
