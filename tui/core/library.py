"""The library: every article opened or added, kept with its text as read, its metadata and where it
came from, and the people and organisations across all of it.

It lives in the store's folder (store.py) and reads fast at library scale, without spaCy and
without loading one analysis:
- the list needs the index (one file: metadata, words, actors and quotes counted when an
  analysis is recorded) and the notes per article, kept in notes.json and counted again only
  for the articles whose annotation file changed since (a stat each);
- people need people.json: per article, its actors (name, type, aliases, roles) and quotes
  (offsets, text, kind), written when its analysis is recorded.

Actors are merged across articles conservatively, within one kind (people, organisations, places,
groups): by a full name (two words or more, titles aside), or by an alias that is the full name
of another (descriptions never join); an organisation or a place also by its one-word name, and
an acronym alias. "Smith" alone never joins two articles' Smiths.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .entity_types import style_kind
from .errors import ArticleError, StoreError
from .model import Analysis
from .sources import Article
from .store import Store
from .tablefile import DamagedStore, TableFile

PEOPLE = "people.json"
NOTES = "notes.json"
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev"}


@dataclass(frozen=True)
class Entry:
    """One row of the Library screen."""

    id: str
    title: str
    source: str
    path: str | None
    url: str | None
    site: str | None
    authors: tuple[str, ...]
    published: str | None
    kind: str
    added: str
    seen: str
    sha256: str
    words: int | None
    actors: int | None  # None until an analysis is recorded
    quotes: int | None
    notes: int | None  # None when its annotation file cannot be read

    @property
    def date(self) -> str:
        """The publication date, else the day it was added."""
        return self.published or self.added[:10]

    def to_dict(self) -> dict:
        return {**asdict(self), "authors": list(self.authors), "date": self.date}


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

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(a.article for a in self.appearances))

    @property
    def roles(self) -> list[str]:
        return list(dict.fromkeys(r for a in self.appearances for r in a.roles))

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "aliases": self.aliases, "roles": self.roles,
                "articles": self.articles, "appearances": [asdict(a) for a in self.appearances],
                "quotes": [asdict(q) for q in self.quotes]}


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
    """What people.json keeps of an analysis: its actors and its quotes, no more."""
    actors = [{"id": a.id, "name": a.name, "type": a.type, "roles": list(a.roles), "aliases": list(a.aliases),
               "mentions": len(a.mentions)} for a in analysis.actors]
    quotes = [{"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "speaker": q.speaker,
               "actor": q.speaker_actor, "anonymous": q.anonymous} for q in analysis.quotes]
    return {"sha256": analysis.sha256, "model": analysis.model, "actors": actors, "quotes": quotes}


class Library:
    """Many articles: list, open, delete; the people across them and every quote of one of them."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store if store is not None else Store()
        self._people: tuple[tuple, list[Person]] | None = None  # the last merge, by file versions

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    @property
    def problem(self) -> str | None:
        return self.store.problem

    @property
    def skipped(self) -> list[str]:
        return self.store.skipped

    # -- adding -----------------------------------------------------------------------------
    def add(self, article: Article, analysis: Analysis | None = None) -> str:
        """Keep an article (and what its analysis found); returns its id. The same text from
        another place is the same article."""
        return self.add_many([(article, analysis)])[0]

    def add_many(self, items: Iterable[tuple[Article, Analysis | None]]) -> list[str]:
        """Keep several articles, writing the people and the counts once for all of them."""
        if self.store.readonly:
            raise StoreError(self.store.problem or "the store is read-only")
        keys, found = [], {}
        for article, analysis in items:
            key, _ = self.store.article_id(article)
            keys.append(key)
            if analysis is not None and analysis.sha256 == article.sha256:
                found[key] = analysis
        if found:
            self._record(found)
        return keys

    def _record(self, analyses: dict[str, Analysis]) -> None:
        """Write the people of these articles, and their counts in the index (when they changed)."""
        summaries = {key: summary(a) for key, a in analyses.items()}
        file = self._people_file()

        def change(tables: dict) -> bool:
            table = tables.setdefault("articles", {})
            keys = file.ids(tables, "articles")[0]
            dirty = False
            for key, record in summaries.items():
                doc = keys.get(key)
                if doc is not None and table.get(doc) == {"id": key, **record}:
                    continue
                if doc is None:
                    file.insert(tables, "articles", {"id": key, **record})
                else:
                    table[doc] = {"id": key, **record}
                dirty = True
            return dirty

        self._modify_people(file, change)
        self.store.update_records({key: {"actors": len(s["actors"]), "quotes": len(s["quotes"])}
                                   for key, s in summaries.items()})

    # -- listing ----------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        """Every article, newest first: what the Library screen shows (one file read, a stat per
        article, and a count only where an annotation file changed)."""
        records = self.store.records()
        notes = self._notes(records)
        entries = [_entry(record, notes.get(record["id"])) for record in reversed(records)]
        entries.sort(key=lambda e: e.added, reverse=True)  # stable: the last added first on a tie
        return entries

    def entry(self, key: str) -> Entry | None:
        return next((e for e in self.entries() if e.id == key), None)

    def _notes(self, records: list[dict]) -> dict[str, int | None]:
        file = self.store.table_file(NOTES, durable=False)
        try:
            known = {r["id"]: r for r in file.load().get("counts", {}).values()
                     if isinstance(r, dict) and isinstance(r.get("id"), str)}
        except DamagedStore:
            known = {}  # a cache of counts: counted again, and replaced
        result, dirty = {}, False
        for record in records:
            key = record["id"]
            try:
                st = os.stat(self.store.article_path(key))
            except OSError:
                result[key] = 0
                continue
            stamp = [st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size]
            old = known.get(key)
            if old is not None and old.get("stat") == stamp and isinstance(old.get("notes"), int):
                result[key] = old["notes"]
                continue
            result[key] = self.store.count_notes(key)
            known[key] = {"id": key, "stat": stamp, "notes": result[key]}
            dirty = True
        if dirty and not self.store.readonly:
            kept = [r for k, r in known.items() if k in result]
            try:
                file.write({"meta": {"1": {"schema": 1}}, "counts": {str(i): r for i, r in enumerate(kept, 1)}})
            except Exception:  # noqa: BLE001 - a cache that could not be written is counted again next time
                pass
        return result

    # -- one article ------------------------------------------------------------------------
    def _record_of(self, key: str) -> dict:
        record = next((r for r in self.store.records() if r["id"] == key), None)
        if record is None:
            raise ArticleError("that article is no longer in the library")
        return record

    def open(self, key: str) -> Article:
        """The article as it was read, from the library (its file or page is not needed). Kept
        from before the library, without its text: read again from its file."""
        record = self._record_of(key)
        text = self.store.text(key, record["sha256"])
        path = record.get("path")
        if text is None:
            if not path or not Path(path).is_file():
                raise ArticleError(f"the text of {_text(record.get('title')) or key!r} is not kept in the library "
                                   f"and its file is gone")
            from .sources import load_article

            return load_article(path)
        authors = record.get("authors")
        return Article(
            text=text, source=_text(record.get("source")) or path or key, title=_text(record.get("title")),
            path=Path(path) if path else None, url=_text(record.get("url")) or None,
            site=_text(record.get("site")) or None,
            authors=tuple(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else (),
            published=_text(record.get("published")) or None, kind=_text(record.get("kind")) or "text")

    def delete(self, key: str) -> bool:
        """Take an article out of the library (ask first: its annotations go with it, into the
        store's deleted/ folder)."""
        removed = self.store.remove_article(key)
        file = self._people_file()

        def change(tables: dict) -> bool:
            doc = file.ids(tables, "articles")[0].pop(key, None)
            return doc is not None and tables.get("articles", {}).pop(doc, None) is not None

        self._modify_people(file, change)
        return removed

    # -- people -----------------------------------------------------------------------------
    def _modify_people(self, file: TableFile, change) -> None:
        try:
            file.modify(change)
        except DamagedStore as exc:
            raise StoreError(f"{file.path} {exc}") from None

    def _people_file(self) -> TableFile:
        file = self.store.table_file(PEOPLE)
        try:
            file.load()
        except DamagedStore as exc:
            # made from analyses, so it can be made again: kept aside, never overwritten
            aside = file.path.with_name(f"people.damaged-{os.getpid()}-{len(self.store.notices)}.json")
            try:
                os.replace(file.path, aside)
            except OSError as err:
                raise StoreError(f"{file.path} {exc} and cannot be moved aside ({err.strerror or err})") from None
            self.store.notices.append(f"{file.path} {exc}; moved to {aside.name}, people are listed again "
                                      f"as articles are analysed")
        return file

    def summaries(self) -> list[tuple[str, dict]]:
        """(article id, what its analysis found: actors and quotes) for every analysed article."""
        records = {r["id"] for r in self.store.records()}
        tables = self._people_file().load()
        return [(r["id"], r) for r in tables.get("articles", {}).values()
                if isinstance(r, dict) and r.get("id") in records]

    def people(self) -> list[Person]:
        """Everyone across the library, merged by name and alias; most articles first."""
        records = {r["id"]: r for r in self.store.records()}
        file = self._people_file()
        tables = file.load()
        stamp = (file.version, self.store.index.version)
        if self._people is not None and self._people[0] == stamp and None not in stamp:
            return self._people[1]  # neither file changed since: the same merge
        summaries = [(r["id"], r) for r in tables.get("articles", {}).values()
                     if isinstance(r, dict) and r.get("id") in records]
        people = _merge(summaries, {k: _text(r.get("title")) for k, r in records.items()})
        self._people = (stamp, people)
        return people

    def find(self, name: str) -> list[Person]:
        """The people a name stands for: a name or alias as given; a single word ("Smith") finds
        every person of that surname, each on their own."""
        wanted = normalise(name)
        if not wanted:
            return []
        people = self.people()
        if " " in wanted:
            return [p for p in people if wanted in {normalise(n) for n in (p.name, *p.aliases)}]
        return [p for p in people if any(normalise(n).split()[-1:] == [wanted] for n in (p.name, *p.aliases))]

    def quotes_by(self, name: str) -> list[QuoteRef]:
        """Every quote of the person (or people) a name stands for, across the library."""
        return [q for person in self.find(name) for q in person.quotes]

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Names close to one that found nobody (a typo, another spelling)."""
        from rapidfuzz import fuzz, process

        names = sorted({n for p in self.people() for n in (p.name, *p.aliases)})
        return [hit for hit, _, _ in process.extract(name, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=75)]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _entry(record: dict, notes: int | None) -> Entry:
    authors = record.get("authors")
    path = record.get("path")
    return Entry(
        id=record["id"], title=_text(record.get("title")), source=_text(record.get("source")) or path or "",
        path=path, url=_text(record.get("url")) or None, site=_text(record.get("site")) or None,
        authors=tuple(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else (),
        published=_text(record.get("published")) or None, kind=_text(record.get("kind")) or "text",
        added=_text(record.get("added")), seen=_text(record.get("seen")), sha256=record["sha256"],
        words=_count(record.get("words")), actors=_count(record.get("actors")), quotes=_count(record.get("quotes")),
        notes=notes)


_PARTICLES = {"de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "el", "ibn", "y"}


def _looks_like_a_name(alias: str) -> bool:
    """An alias that is a name ("Joe Biden"), not a description ("Ukraine's defence minister")."""
    words = [w for w in re.split(r"[\s-]+", alias) if w]
    return bool(words) and all(w[0].isupper() or w.casefold() in _PARTICLES for w in words if w[0].isalpha())


def _keys(actor: dict) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """What an actor is known by across articles: its names (a full name; for an organisation,
    place or group its name too), and aliases that join an actor whose name they are."""
    kind = style_kind(actor["type"])
    names = {(kind, full) for full in [_full(actor["name"])] if full}
    aliases = {(kind, full) for full in (_full(a) for a in actor["aliases"] if _looks_like_a_name(a)) if full}
    if kind != "person":
        names.add((kind, normalise(actor["name"])))
        aliases |= {(kind, normalise(a)) for a in actor["aliases"] if len(a) >= 2 and a.isupper()}
    return {k for k in names if k[1]}, {k for k in aliases if k[1]}


def _actors(summary: dict) -> list[dict]:
    """An article's actors, well-formed ones only, with a stand-in for a named speaker who is none."""
    actors = []
    for raw in summary.get("actors", []):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and isinstance(raw.get("name"), str):
            aliases = raw.get("aliases") if isinstance(raw.get("aliases"), list) else []
            roles = raw.get("roles") if isinstance(raw.get("roles"), list) else []
            actors.append({"id": raw["id"], "name": raw["name"], "type": _text(raw.get("type")) or "PERSON",
                           "aliases": [a for a in aliases if isinstance(a, str)],
                           "roles": [r for r in roles if isinstance(r, str)], "mentions": _count(raw.get("mentions")) or 0})
    known = {a["id"] for a in actors}
    for quote in _quotes(summary):
        if quote["actor"] not in known and quote["speaker"] and not quote["anonymous"]:
            quote["actor"] = "speaker:" + normalise(quote["speaker"])
            if quote["actor"] not in known:
                known.add(quote["actor"])
                actors.append({"id": quote["actor"], "name": quote["speaker"], "type": "PERSON", "aliases": [],
                               "roles": [], "mentions": 0})
    return actors


def _quotes(summary: dict) -> list[dict]:
    if "_quotes" not in summary:
        summary["_quotes"] = [
            {**q, "actor": q.get("actor") if isinstance(q.get("actor"), str) else None,
             "speaker": _text(q.get("speaker")), "anonymous": q.get("anonymous") is True}
            for q in summary.get("quotes", []) if isinstance(q, dict) and isinstance(q.get("text"), str)
            and _count(q.get("start")) is not None and _count(q.get("end")) is not None]
    return summary["_quotes"]


def _merge(summaries: list[tuple[str, dict]], titles: dict[str, str]) -> list[Person]:
    """Union of the actors that share a merge key, across articles."""
    nodes: list[tuple[str, dict]] = []
    parent: list[int] = []
    by_key: dict[tuple[str, str], int] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    known_as: list[set[tuple[str, str]]] = []
    for article, raw in summaries:
        summary = dict(raw)
        actors = _actors(summary)
        said: dict[str | None, list[dict]] = {}
        for quote in _quotes(summary):
            said.setdefault(quote["actor"], []).append(quote)
        for actor in actors:
            i = len(nodes)
            nodes.append((article, actor))
            parent.append(i)
            actor["_quotes"] = said.get(actor["id"], [])
            names, aliases = _keys(actor)
            known_as.append(aliases)
            for key in names:
                if key in by_key:
                    parent[root(i)] = root(by_key[key])
                else:
                    by_key[key] = i
    for i, aliases in enumerate(known_as):  # an alias joins the actor whose name it is
        for key in aliases:
            if key in by_key:
                parent[root(i)] = root(by_key[key])
    groups: dict[int, list[tuple[str, dict]]] = {}
    for i, node in enumerate(nodes):
        groups.setdefault(root(i), []).append(node)
    people = [_person(members, titles) for members in groups.values()]
    people.sort(key=lambda p: (-len(p.articles), -len(p.quotes), p.name.casefold()))
    return people


def _person(members: list[tuple[str, dict]], titles: dict[str, str]) -> Person:
    names: dict[str, int] = {}
    types: dict[str, int] = {}
    for _, actor in members:
        names[actor["name"]] = names.get(actor["name"], 0) + 1 + (_full(actor["name"]) is not None)
        types[actor["type"]] = types.get(actor["type"], 0) + 1
    name = max(names, key=lambda n: (names[n], len(n)))
    aliases = list(dict.fromkeys(n for _, a in members for n in (a["name"], *a["aliases"]) if n != name))
    person = Person(name, max(types, key=types.get), aliases)
    for article, actor in members:
        title = titles.get(article, "")
        person.appearances.append(Appearance(article, title, actor["name"], actor["type"], actor["roles"],
                                             actor["mentions"]))
        person.quotes += [QuoteRef(article, title, q["start"], q["end"], q["text"], _text(q.get("kind")),
                                   q["speaker"] or actor["name"], q["anonymous"]) for q in actor["_quotes"]]
    return person
