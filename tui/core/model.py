"""The analysis of one article as plain data: entities, actors, numbers and quotes.

Offsets are character offsets into the loaded article text, end excluded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SCHEMA = "byline.analysis/1"

#: Entity labels that name actors (who is in the story).
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
#: Entity labels that carry a figure.
NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME")


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


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

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict:
        data = {"schema": SCHEMA, **asdict(self)}
        for actor in data["actors"]:
            actor["mentions"] = [list(m) for m in actor["mentions"]]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Analysis":
        return cls(
            source=data["source"],
            title=data["title"],
            sha256=data["sha256"],
            model=data["model"],
            entities=[Entity(**e) for e in data.get("entities", [])],
            actors=[
                Actor(**{**a, "mentions": [tuple(m) for m in a.get("mentions", [])]})
                for a in data.get("actors", [])
            ],
            numbers=[Number(**n) for n in data.get("numbers", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
        )
