"""What one article puts in the library's catalogue (catalogue.py): its actors with the person
each is across the library, its quotes counted as acts of speech (speech.py), its notes, and its
text by paragraph for the full-text index. Pure functions of the article's files: no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .entity_types import style_kind
from .library_people import _actors, _full, _looks_like_a_name, _quotes, as_count, as_text, named, normalise
from .speech import acts, words_of

if TYPE_CHECKING:
    from .annotation import Annotation


# -- what an article contributes --------------------------------------------------------------------
@dataclass
class ActorRow:
    actor: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: int
    person: str
    quotes: int = 0
    words: int = 0


@dataclass
class QuoteRow:
    start: int
    end: int
    kind: str
    speaker: str
    speaker_actor: str | None
    anonymous: bool
    text: str
    person: str | None = None
    words: int = 0
    parts: list[dict] = field(default_factory=list)


@dataclass
class NoteRow:
    id: str
    kind: str
    fix: str
    labels: list[str]
    note: str
    passage: str
    start: int
    end: int
    orphan: bool
    created: str
    modified: str


def note_row(ann: Annotation) -> NoteRow:
    """What the catalogue keeps of one annotation."""
    return NoteRow(
        ann.id,
        ann.kind,
        ann.fix or "",
        list(ann.labels),
        ann.note,
        ann.anchor.exact,
        ann.start,
        ann.end,
        bool(ann.orphan),
        ann.created,
        ann.modified,
    )


@dataclass
class Indexed:
    """What one article puts in the catalogue, made from its files (`contents`)."""

    record: dict
    stamp: str | None
    analysed: bool = False
    summary: dict | None = None  # of the corrected analysis (library_people.summary)
    raw: dict | None = None  # of the model's own analysis, to apply corrections to again
    actors: list[ActorRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    figures: int = 0
    notes: list[NoteRow] = field(default_factory=list)
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    damaged: bool = False  # its annotation file cannot be read: notes unknown
    skipped: list[str] = field(default_factory=list)  # lines said of its damaged records
    file: str | None = None  # the name of its file in articles/


_INITIAL = re.compile(r"^[a-z]$")


def variant(person: str) -> str:
    """A person key with the obvious variants of one name folded: middle initials ("donald j
    trump" is "donald trump"). Titles and possessives are gone already (normalise, _full)."""
    kind, _, name = person.partition(":")
    words = name.split()
    if kind == "person" and len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if not _INITIAL.match(w)), words[-1]]
    return f"{kind}:{' '.join(words)}"


def person_key(article: str, actor: dict) -> str:
    """Who an actor of one article is across the library. A named person by a full name (their
    name, else a full name among their aliases, else the one word they are called by); an
    organisation, place or group by an acronym it goes by, else its name; an actor the article
    never names ("the government") is that article's own."""
    if not named(actor):
        return f"local:{article}:{actor['id']}"
    kind = style_kind(actor["type"])
    if kind == "person":
        full = _full(actor["name"]) or next(
            (f for f in (_full(a) for a in actor["aliases"] if _looks_like_a_name(a)) if f), None
        )
        return f"person:{full or normalise(actor['name'])}"
    acronym = next((a for a in [actor["name"], *actor["aliases"]] if len(a) >= 2 and a.isupper() and a.isalpha()), None)
    return f"{kind}:{normalise(acronym or actor['name'])}"


def alias_keys(actor: ActorRow) -> set[str]:
    """The person keys an actor's aliases are full names of ("Bob Okafor" for Robert Okafor): an
    actor of another article by that name is the same person."""
    if actor.person.startswith("local:"):
        return set()
    kind = actor.person.partition(":")[0]
    found = {f"{kind}:{full}" for full in (_full(a) for a in actor.aliases if _looks_like_a_name(a)) if full}
    return found - {actor.person}


def contents(
    key: str, record: dict, stamp: str | None, summary: dict | None, annotations: Sequence, text: str | None
) -> Indexed:
    """What an article puts in the catalogue: `summary` is library_people.summary() of its
    corrected analysis (None when it was never analysed), `annotations` its Annotation objects."""
    found = Indexed(record=record, stamp=stamp, summary=summary)
    if summary is not None:
        found.analysed = True
        found.figures = as_count(summary.get("figures")) or 0
        summary = dict(summary)
        actors = _actors(summary)
        rows = {
            a["id"]: ActorRow(
                a["id"], a["name"], a["type"], a["aliases"], a["roles"], a["mentions"], person_key(key, a)
            )
            for a in actors
        }
        quotes = [
            QuoteRow(
                q["start"],
                q["end"],
                as_text(q.get("kind")) or "direct",
                q["speaker"],
                q["actor"],
                q["anonymous"],
                q["text"],
            )
            for q in _quotes(summary)
        ]
        for carrier, parts in acts(quotes):
            actor = rows.get(carrier.speaker_actor or "") if not carrier.anonymous else None
            carrier.person = actor.person if actor else None
            carrier.words = words_of(carrier.text)
            carrier.parts = [{"start": p.start, "end": p.end, "kind": p.kind, "text": p.text} for p in parts]
            found.quotes.append(carrier)
            if actor:
                actor.quotes += 1
                actor.words += carrier.words
        found.actors = list(rows.values())
    found.notes = [note_row(ann) for ann in annotations]
    if text:
        offset = 0
        for block in text.split("\n"):
            if block.strip():
                found.paragraphs.append((offset, block))
            offset += len(block) + 1
    return found


def appearances(actors: Iterable[ActorRow]) -> dict[str, ActorRow]:
    """One article's actors as one appearance per person (their counts summed, the first's name)."""
    seen: dict[str, ActorRow] = {}
    for a in actors:
        if a.person in seen:
            b = seen[a.person]
            b.quotes, b.words, b.mentions = b.quotes + a.quotes, b.words + a.words, b.mentions + a.mentions
        else:
            seen[a.person] = ActorRow(
                a.actor, a.name, a.type, a.aliases, a.roles, a.mentions, a.person, a.quotes, a.words
            )
    return seen


def people_sums(articles: Iterable[Iterable[ActorRow]]) -> dict[str, list]:
    """What articles add to the people across the library, per person: [kind, name, articles,
    quoted in, quotes, words, mentions] (the longest name, the first of them on a tie; the kind
    of the first). One article at a time gives the same sums (Catalogue.count_added)."""
    totals: dict[str, list] = {}
    for actors in articles:
        for person, a in appearances(actors).items():
            t = totals.get(person)
            if t is None:
                totals[person] = [style_kind(a.type), a.name, 1, int(a.quotes > 0), a.quotes, a.words, a.mentions]
                continue
            t[1] = a.name if len(a.name) > len(t[1]) else t[1]
            t[2], t[3], t[4], t[5], t[6] = (
                t[2] + 1,
                t[3] + int(a.quotes > 0),
                t[4] + a.quotes,
                t[5] + a.words,
                t[6] + a.mentions,
            )
    return totals


def surname_of(person: str) -> str:
    words = [] if person.startswith("local:") else person.partition(":")[2].split()
    return words[-1] if words else ""
