"""The library: every article opened or added, kept with its text as read, its metadata and where it
came from, and the people and organisations across all of it.

It lives in the store's folder (store.py) and reads fast at library scale, without spaCy and
without loading one analysis:
- the list needs the index (one file: metadata, words, actors and quotes counted when an
  analysis is recorded) and the notes per article, kept in notes.json and counted again only
  for the articles whose annotation file changed since (a stat each);
- people need people.json: per article, its actors (name, type, aliases, roles) and quotes
  (offsets, text, kind), written when its analysis is recorded.

How people are merged across articles: library_people.py.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import ArticleError, StoreError
from .library_people import Appearance, Person, QuoteRef, as_count, as_text, merge, normalise, summary
from .model import Analysis
from .paths import resolved
from .sources import Article
from .store import Store
from .tablefile import DamagedStore, TableFile, read_tables
from .visible import one_line

__all__ = ["Appearance", "Entry", "Library", "Person", "QuoteRef", "normalise", "summary"]

PEOPLE = "people.json"
NOTES = "notes.json"
#: The shortest start of an id that names an article (`byline library` prints 12 characters).
MIN_ID_PREFIX = 4


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
        """The publication date, else the day it was added (`date_kind` says which)."""
        return self.published or self.added[:10]

    @property
    def date_kind(self) -> str:
        """What `date` is: "published" (the article says when) or "added" (to the library)."""
        return "published" if self.published else "added"

    def to_dict(self) -> dict:
        return {**asdict(self), "authors": list(self.authors), "date": self.date, "date_kind": self.date_kind}


class Library:
    """Many articles: list, open, delete; the people across them and every quote of one of them."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store if store is not None else Store()
        self._people: tuple[tuple, list[Person]] | None = None  # the last merge, by file versions
        #: one line per article file that cannot be read, as the last `entries()` met them
        self.damaged: list[str] = []
        #: analysed articles the people file lacks, as the last `people()`/`summaries()` met them
        self.missing = 0

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
            raise StoreError(self.store.why_readonly)
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
        self.store.update_records(
            {key: {"actors": len(s["actors"]), "quotes": len(s["quotes"])} for key, s in summaries.items()}
        )

    # -- listing ----------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        """Every article, newest first: what the Library screen shows (one file read, a stat per
        article, and a count only where an annotation file changed)."""
        records = self.store.records()
        self.damaged = []
        notes = self._notes(records)
        entries = [_entry(record, notes.get(record["id"])) for record in reversed(records)]
        entries.sort(key=lambda e: e.added, reverse=True)  # stable: the last added first on a tie
        return entries

    def entry(self, key: str) -> Entry | None:
        return next((e for e in self.entries() if e.id == key), None)

    def _damaged_file(self, record: dict) -> None:
        path = self.store.article_path(record["id"])
        try:
            read_tables(path, exact=False)
            why = "cannot be read"
        except DamagedStore as exc:
            why = str(exc)
        name = as_text(record.get("title")) or record["id"][:12]
        self.damaged.append(
            one_line(
                f"article file {path} {why}: the notes of {name!r} are not shown; it was left untouched "
                f"(restore a backup of it, or move it aside to start that article's notes again)"
            )
        )

    def _notes(self, records: list[dict]) -> dict[str, int | None]:
        file = self.store.table_file(NOTES, durable=False)
        try:
            known = {
                r["id"]: r
                for r in file.load().get("counts", {}).values()
                if isinstance(r, dict) and isinstance(r.get("id"), str)
            }
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
            if result[key] is None:
                self._damaged_file(record)
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
                raise ArticleError(
                    f"the text of {as_text(record.get('title')) or key!r} is not kept in the library "
                    f"and its file is gone"
                )
            from .sources import load_article

            return load_article(path)
        authors = record.get("authors")
        return Article(
            text=text,
            source=as_text(record.get("source")) or path or key,
            title=as_text(record.get("title")),
            path=Path(path) if path else None,
            url=as_text(record.get("url")) or None,
            site=as_text(record.get("site")) or None,
            authors=tuple(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else (),
            published=as_text(record.get("published")) or None,
            kind=as_text(record.get("kind")) or "text",
        )

    def lookup(self, name: str) -> str | None:
        """The id of the article a name stands for: the path of the file it was opened or added
        from (a relative one from the working folder), its id, or the start of its id as `byline
        library` prints it (ArticleError when that start is more than one article's); None when
        it stands for none."""
        records = self.store.records()
        wanted = None  # the file as the store names it: its whole path (a relative name is from here)
        with contextlib.suppress(OSError, ValueError, RuntimeError):
            wanted = str(resolved(Path(name)))
        by_path = [r for r in records if wanted and r.get("path") == wanted]
        if by_path:
            return max(by_path, key=lambda r: as_text(r.get("seen")))["id"]
        exact = [r["id"] for r in records if r["id"] == name]
        if exact:
            return exact[0]
        if len(name) < MIN_ID_PREFIX:
            return None
        starting = sorted({r["id"] for r in records if r["id"].startswith(name)})
        if len(starting) > 1:
            raise ArticleError(
                f"{one_line(name)} is the start of {len(starting)} library articles' ids "
                f"({', '.join(k[:16] for k in starting[:3])}{', …' if len(starting) > 3 else ''}): "
                f"give more of it"
            )
        return starting[0] if starting else None

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
            self.store.notices.append(
                f"{file.path} {exc}; moved to {aside.name}, people are listed again as articles are analysed"
            )
        return file

    def summaries(self) -> list[tuple[str, dict]]:
        """(article id, what its analysis found: actors and quotes) for every analysed article."""
        records = {r["id"]: r for r in self.store.records()}
        return self._summaries(self._people_file().load(), records)

    def _summaries(self, tables: dict, records: dict[str, dict]) -> list[tuple[str, dict]]:
        """The summaries of the index's articles; counts in `missing` the analysed ones (the
        index has their counts) that people.json lacks: replaced or damaged by hand, it would
        otherwise answer 'nobody' for people it never lost."""
        found = [
            (r["id"], r)
            for r in tables.get("articles", {}).values()
            if isinstance(r, dict)
            and isinstance(r.get("actors"), list)
            and isinstance(r.get("quotes"), list)
            and r.get("id") in records
        ]
        have = {key for key, _ in found}
        self.missing = sum(1 for key, r in records.items() if as_count(r.get("actors")) is not None and key not in have)
        return found

    @property
    def missing_note(self) -> str | None:
        """One line on analysed articles the people file lacks, or None."""
        if not self.missing:
            return None
        return (
            f"{self.missing} analysed article{'s are' if self.missing != 1 else ' is'} missing from "
            f"{self.store.path / PEOPLE} (damaged or replaced): their people and quotes are not counted; "
            f"byline add them again to count them"
        )

    def people(self) -> list[Person]:
        """Everyone across the library, merged by name and alias; most articles first."""
        records = {r["id"]: r for r in self.store.records()}
        file = self._people_file()
        tables = file.load()
        stamp = (file.version, self.store.index.version)
        if self._people is not None and self._people[0] == stamp and None not in stamp:
            return self._people[1]  # neither file changed since: the same merge
        summaries = self._summaries(tables, records)
        people = merge(summaries, {k: as_text(r.get("title")) for k, r in records.items()})
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


def _entry(record: dict, notes: int | None) -> Entry:
    authors = record.get("authors")
    path = record.get("path")
    return Entry(
        id=record["id"],
        title=as_text(record.get("title")),
        source=as_text(record.get("source")) or path or "",
        path=path,
        url=as_text(record.get("url")) or None,
        site=as_text(record.get("site")) or None,
        authors=tuple(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else (),
        published=as_text(record.get("published")) or None,
        kind=as_text(record.get("kind")) or "text",
        added=as_text(record.get("added")),
        seen=as_text(record.get("seen")),
        sha256=record["sha256"],
        words=as_count(record.get("words")),
        actors=as_count(record.get("actors")),
        quotes=as_count(record.get("quotes")),
        notes=notes,
    )
