"""The people across the library, as their parts: what an article's analysis keeps of its actors
and quotes (`summary`), the names they are compared by (`normalise`, `_full`), which actors the
article names at all (`named`: "the government" is that article's own), and the Person, Appearance
and QuoteRef the screens and commands show. Who is who across articles is decided in the
catalogue (catalogue_rows.person_key, people_merges)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from .model import Analysis

_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev"}


@dataclass(slots=True)
class Appearance:
    """An actor as one article has it."""

    article: str
    title: str
    name: str
    type: str
    roles: list[str]
    mentions: int


@dataclass(slots=True)
class QuoteRef:
    """A quote somewhere in the library: enough to list it and open its article at it."""

    article: str
    title: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str  # as the article names the speaker
    anonymous: bool = False


@dataclass
class Person:
    """A person, organisation, place or group across the library."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    appearances: list[Appearance] = field(default_factory=list)
    quotes: list[QuoteRef] = field(default_factory=list)
    #: as the catalogue counts them (people_merges.py): the group, its person keys, and counts
    #: that hold before `appearances` and `quotes` are filled in
    group: str = ""
    keys: list[str] = field(default_factory=list)
    article_count: int = 0
    quoted_in: int = 0
    quote_count: int = 0
    words: int = 0
    filled: bool = False

    @property
    def counts(self) -> str:
        """What the person's numbers count, in words: "3 quotes, in 1 article; mentioned in 3"."""
        q, where, seen = self.quote_count, self.quoted_in, self.article_count
        said = (
            f"{q} quote{'s' if q != 1 else ''}, in {where} article{'s' if where != 1 else ''}; "
            if q
            else "not quoted; "
        )
        return f"{said}mentioned in {seen}"

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(a.article for a in self.appearances))

    @property
    def roles(self) -> list[str]:
        return list(dict.fromkeys(r for a in self.appearances for r in a.roles))

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": self.aliases,
            "roles": self.roles,
            "articles": self.articles,
            "appearances": [asdict(a) for a in self.appearances],
            "quotes": [asdict(q) for q in self.quotes],
        }


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """A name as compared across articles: no accents, case, punctuation or possessive."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@lru_cache(maxsize=65536)
def _full(name: str) -> str | None:
    """The normalised name when it is a full name (two words or more once titles are set aside)."""
    words = normalise(name).split()
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else None


def summary(analysis: Analysis) -> dict:
    """What the catalogue keeps of an analysis: its actors and its quotes, no more."""
    actors = [
        {
            "id": a.id,
            "name": a.name,
            "type": a.type,
            "roles": list(a.roles),
            "aliases": list(a.aliases),
            "mentions": len(a.mentions),
            **({"unnamed": True} if getattr(a, "unnamed", False) else {}),
        }
        for a in analysis.actors
    ]
    quotes = [
        {
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "kind": q.kind,
            "speaker": q.speaker,
            "actor": q.speaker_actor,
            "anonymous": q.anonymous,
            "source": q.source,
        }
        for q in analysis.quotes
    ]
    return {"sha256": analysis.sha256, "model": analysis.model, "actors": actors, "quotes": quotes}


def as_text(value: object) -> str:
    return value if isinstance(value, str) else ""


def as_count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_PARTICLES = {"de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "el", "ibn", "y"}


@lru_cache(maxsize=65536)
def _looks_like_a_name(alias: str) -> bool:
    """An alias that is a name ("Joe Biden"), not a description ("Ukraine's defence minister").
    Asked of every actor's name and aliases as each article is catalogued: names recur."""
    words = [w for w in re.split(r"[\s-]+", alias) if w]
    return bool(words) and all(w[0].isupper() or w.casefold() in _PARTICLES for w in words if w[0].isalpha())


def named(actor: dict) -> bool:
    """Whether the article names an actor ("Valdoria's Ministry of Transport"), rather than
    describes one it never names ("the government", "state police", "officials"): a name in
    capitals, and not marked unnamed by the analysis (when it marks them)."""
    return not actor.get("unnamed") and _looks_like_a_name(actor["name"])


def _actors(summary: dict) -> list[dict]:
    """An article's actors, well-formed ones only, with a stand-in for a named speaker who is none."""
    actors = []
    for raw in summary.get("actors", []):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and isinstance(raw.get("name"), str):
            aliases = raw.get("aliases")
            roles = raw.get("roles")
            aliases, roles = (v if isinstance(v, list) else [] for v in (aliases, roles))
            actors.append(
                {
                    "id": raw["id"],
                    "name": raw["name"],
                    "type": as_text(raw.get("type")) or "PERSON",
                    "aliases": [a for a in aliases if isinstance(a, str)],
                    "roles": [r for r in roles if isinstance(r, str)],
                    "mentions": as_count(raw.get("mentions")) or 0,
                    "unnamed": raw.get("unnamed") is True,
                }
            )
    known = {a["id"] for a in actors}
    for quote in _quotes(summary):
        if quote["actor"] not in known and quote["speaker"] and not quote["anonymous"]:
            quote["actor"] = "speaker:" + normalise(quote["speaker"])
            if quote["actor"] not in known:
                known.add(quote["actor"])
                actors.append(
                    {
                        "id": quote["actor"],
                        "name": quote["speaker"],
                        "type": "PERSON",
                        "aliases": [],
                        "roles": [],
                        "mentions": 0,
                    }
                )
    return actors


def _quotes(summary: dict) -> list[dict]:
    if "_quotes" not in summary:
        summary["_quotes"] = [
            {
                **q,
                "actor": q.get("actor") if isinstance(q.get("actor"), str) else None,
                "speaker": as_text(q.get("speaker")),
                "anonymous": q.get("anonymous") is True,
            }
            for q in summary.get("quotes", [])
            if isinstance(q, dict)
            and isinstance(q.get("text"), str)
            and as_count(q.get("start")) is not None
            and as_count(q.get("end")) is not None
        ]
    return summary["_quotes"]
