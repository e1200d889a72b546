"""The library: every article opened or added, kept with its text as read, its metadata and where it
came from, and the people, quotes and notes across all of it.

The store (store.py) keeps what cannot be made again: the index of articles, each article's
annotations and corrections, the texts. Everything the library lists, counts and searches comes
from the catalogue (catalogue.py, SQLite): made from the store and the analyses *as the user
corrected them*, one article per transaction, brought up to date from the files whenever they
changed behind its back, and made again whole by `rebuild()`.

How people are named across articles: catalogue.person_key; the user's merges: people_merges.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from . import people_merges
from .cache import latest
from .catalogue import FILE as CATALOGUE
from .catalogue import Catalogue, dir_stamp, dumps, loads, stamp_of
from .catalogue_rows import contents
from .corrections import corrected
from .errors import ArticleError, StoreError
from .library_people import Appearance, Person, QuoteRef, as_count, as_text, normalise
from .library_people import summary as people_summary
from .model import Analysis
from .paths import resolved, stored_path
from .search import Hit, NoteRef, notes_of
from .search import search as search_catalogue
from .sources import Article
from .store import Store, write_atomic
from .store import _file_key as file_key
from .tablefile import DamagedStore, read_tables
from .visible import one_line
from .voices import from_summary

__all__ = ["Appearance", "Entry", "Library", "Person", "QuoteRef", "normalise"]

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
    unread: bool = False  # arrived from a feed and not opened yet
    feed: str | None = None  # the feed it came from (its title)

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
    """Many articles: list, open, delete, search; the people across them and every quote of one."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store if store is not None else Store()
        self._catalogue: Catalogue | None = None

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    @property
    def problem(self) -> str | None:
        return self.store.problem

    @property
    def skipped(self) -> list[str]:
        """What the store skipped as damaged (one line each) in what this Library read."""
        return self.store.skipped

    @property
    def damaged_records(self) -> list[str]:
        """The damaged records of every article file, as the catalogue met them (the listing
        says them; the records stay in their files)."""
        return [line for line in self.catalogue.skipped() if line not in self.store.skipped]

    # -- the catalogue ------------------------------------------------------------------------
    @property
    def catalogue(self) -> Catalogue:
        """The catalogue, up to date with the store (read-only stores get one in memory)."""
        if self._catalogue is None:
            path = self.store.path / CATALOGUE
            try:
                self._catalogue = Catalogue(path, readonly=self.store.readonly)
            except (sqlite3.Error, OSError) as exc:
                self.store.notices.append(one_line(f"the catalogue {path} cannot be used ({exc}); kept in memory"))
                self._catalogue = Catalogue(path, readonly=True, memory=True)
            if self._catalogue.notice:
                self.store.notices.append(self._catalogue.notice)
        try:
            self.sync()
        except sqlite3.Error as exc:  # a full disk: the catalogue is derived, made in memory meanwhile
            self._catalogue_failed(exc)
            self._catalogue = Catalogue(self.store.path / CATALOGUE, memory=True)
            self.sync()
        return self._catalogue

    def _catalogue_failed(self, exc: Exception) -> None:
        """Say once that the catalogue could not be written; what the user wrote is kept, and the
        catalogue is made again from it next time."""
        line = one_line(
            f"the catalogue {self.store.path / CATALOGUE} cannot be written ({exc}); every article and note is "
            f"kept, and the lists and counts are made again from them next time"
        )
        if line not in self.store.notices:
            self.store.notices.append(line)

    def _stamp(self) -> str:
        return f"{dir_stamp(self.store.index.path)}|{dir_stamp(self.store.path / 'articles')}|{people_merges.stamp(self.store)}"

    def sync(self, force: bool = False) -> int:
        """Bring the catalogue up to date with the store: index what changed, drop what is gone.
        Cheap when nothing changed (two stats); returns how many articles were indexed again."""
        cat = self._catalogue
        assert cat is not None
        stamp = self._stamp()
        if not force and cat.get_meta("stamp") == stamp:
            return 0
        records = {r["id"]: r for r in self.store.records()}
        known = cat.stamps()
        done = 0
        for key, record in records.items():
            file_stamp = stamp_of(self.store.article_path(key))
            old = known.get(key)
            if force or old is None or old != f"{record.get('sha256')}|{file_stamp}|{_record_stamp(record)}":
                self.index(key, record=record)
                done += 1
        for key in set(known) - set(records):
            cat.remove(key)
        self._settle(cat)
        return done

    def _settle(self, cat: Catalogue) -> None:
        """After articles were indexed: who is who across them, and the catalogue's stamp."""
        cat.set_overrides(people_merges.groups(self.store, cat))
        with cat.transaction() as db:
            cat.set_meta(db, "stamp", self._stamp())

    def rebuild(self) -> int:
        """Make the catalogue again from the store, whole; returns how many articles it holds."""
        cat = self.catalogue
        with cat.transaction() as db:
            for table in ("articles", "actors", "quotes", "notes", "search", "people", "meta"):
                db.execute(f"DELETE FROM {table}")
        self.sync(force=True)
        return cat.count()

    def index(self, key: str, record: dict | None = None, analysis: Analysis | None = None) -> None:
        """Put one article in the catalogue as the user sees it: its record, its notes, and what
        its analysis found with every correction applied (the analysis given, else the cached
        one of its text, else the one the catalogue kept)."""
        cat = self._catalogue
        assert cat is not None
        record = record or next((r for r in self.store.records() if r["id"] == key), None)
        if record is None:
            cat.remove(key)
            return
        path = self.store.article_path(key)
        file_stamp = stamp_of(path)
        damaged = bool(file_stamp) and self.store.count_notes(key, report=False) is None
        said = len(self.store.skipped)
        annotations = self.store.annotations(key) if file_stamp and not damaged else []
        skipped = self.store.skipped[said:]  # kept with the article, said where it is listed
        del self.store.skipped[said:]
        text = self.store.text(key, record["sha256"])
        raw = analysis if analysis is not None and analysis.sha256 == record["sha256"] else None
        if raw is None:
            raw = latest(record["sha256"])
        if raw is None:
            for kept in (self._kept_analysis(key), cat.raw(key)):
                if kept and kept.get("sha256") == record["sha256"]:
                    raw = from_summary(kept)
                    break
        summary = None
        if raw is not None:
            analysis_now = corrected(raw, [a for a in annotations if a.kind == "correction"], text) if text else raw
            summary = {**people_summary(analysis_now), "figures": len(analysis_now.numbers)}
        found = contents(
            key, record, f"{record.get('sha256')}|{file_stamp}|{_record_stamp(record)}", summary, annotations, text
        )
        found.damaged, found.skipped = damaged, skipped
        if raw is not None:
            found.raw = {**people_summary(raw), "mentions": {a.id: [list(m) for m in a.mentions] for a in raw.actors}}
            if analysis is not None and not self.store.readonly:
                self._keep_analysis(key, found.raw)
        cat.put(key, found)

    def _analysis_path(self, key: str) -> Path:
        return self.store.path / "analyses" / f"{file_key(key)}.json"

    def _keep_analysis(self, key: str, raw: dict) -> None:
        """What the model found in an article, kept beside it: the catalogue is made again from
        it without spaCy when the analysis cache was cleared (derived data: not fsynced)."""
        path = self._analysis_path(key)
        try:
            path.parent.mkdir(exist_ok=True)
            write_atomic(path, orjson.dumps(raw), durable=False)
        except OSError:
            pass  # the cache and the catalogue still have it

    def _kept_analysis(self, key: str) -> dict | None:
        try:
            data = orjson.loads(self._analysis_path(key).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        return data if isinstance(data, dict) else None

    # -- adding -----------------------------------------------------------------------------
    def add(self, article: Article, analysis: Analysis | None = None) -> str:
        """Keep an article (and what its analysis found); returns its id. The same text from
        another place is the same article."""
        return self.add_many([(article, analysis)])[0]

    def add_many(self, items: Iterable[tuple[Article, Analysis | None]]) -> list[str]:
        """Keep several articles, each indexed in the catalogue in its own transaction."""
        if self.store.readonly:
            raise StoreError(self.store.why_readonly)
        keys = []
        cat = self.catalogue
        for article, analysis in items:
            key, _ = self.store.article_id(article)
            keys.append(key)
            try:
                self.index(
                    key, analysis=analysis if analysis is not None and analysis.sha256 == article.sha256 else None
                )
            except sqlite3.Error as exc:  # derived: made again from the store at the next sync
                self._catalogue_failed(exc)
        try:
            self._settle(cat)  # what changed is indexed already
        except sqlite3.Error as exc:
            self._catalogue_failed(exc)
        return keys

    # -- listing ----------------------------------------------------------------------------
    def entries(self, limit: int | None = None, offset: int = 0) -> list[Entry]:
        """Articles, newest first: what the Library screen shows."""
        cat = self.catalogue
        sql = f"SELECT {_ENTRY_COLUMNS} FROM articles ORDER BY added DESC, rowid DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [_entry(row) for row in cat.db.execute(sql)]

    def count(self) -> int:
        return self.catalogue.count()

    def entry(self, key: str) -> Entry | None:
        row = self.catalogue.db.execute(f"SELECT {_ENTRY_COLUMNS} FROM articles WHERE id = ?", (key,)).fetchone()
        return _entry(row) if row else None

    @property
    def damaged(self) -> list[str]:
        """One line per article whose file cannot be read (its notes are not shown)."""
        rows = self.catalogue.db.execute("SELECT id, title FROM articles WHERE notes IS NULL ORDER BY rowid")
        return [self._damaged_line(key, title) for key, title in rows]

    def _damaged_line(self, key: str, title: str | None) -> str:
        path = self.store.article_path(key)
        try:
            read_tables(path, exact=False)
            why = "cannot be read"
        except DamagedStore as exc:
            why = str(exc)
        name = as_text(title) or key[:12]
        return one_line(
            f"article file {path} {why}: the notes of {name!r} are not shown; it was left untouched "
            f"(restore a backup of it, or move it aside to start that article's notes again)"
        )

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
            wanted = stored_path(resolved(Path(name)))
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

    def mark_read(self, key: str, read: bool = True) -> None:
        """Mark an article read (it was opened) or unread again."""
        self.store.update_records({key: {"unread": not read}})

    def delete(self, key: str) -> bool:
        """Take an article out of the library (ask first: its annotations go with it, into the
        store's deleted/ folder)."""
        removed = self.store.remove_article(key)
        with contextlib.suppress(OSError):
            self._analysis_path(key).unlink()
        cat = self.catalogue  # syncs: the article is gone from the index
        cat.remove(key)
        return removed

    # -- people -----------------------------------------------------------------------------
    def summaries(self) -> list[tuple[str, dict]]:
        """(article id, what its corrected analysis found: actors and quotes) per analysed article."""
        rows = self.catalogue.db.execute("SELECT id, summary FROM articles WHERE summary IS NOT NULL ORDER BY rowid")
        return [(key, orjson.loads(summary)) for key, summary in rows]

    def people(self, limit: int | None = None, words: str = "") -> list[Person]:
        """People across the library, most articles first, each with their counts. With a limit
        (a screen's first rows) their appearances and quotes are left for `fill()`."""
        found = people_merges.people(self.catalogue, limit=limit, words=words)
        return found if limit is not None else [self.fill(p) for p in found]

    def fill(self, person: Person) -> Person:
        """A person's appearances and quotes, from the catalogue."""
        return people_merges.fill(self.catalogue, person)

    def find(self, name: str) -> list[Person]:
        """The people a name stands for: a name or alias as given; a single word ("Smith") finds
        every person of that surname, each on their own."""
        return [self.fill(p) for p in people_merges.find(self.catalogue, name)]

    def quotes_by(self, name: str) -> list[QuoteRef]:
        """Every quote of the person (or people) a name stands for, across the library."""
        return [q for person in self.find(name) for q in person.quotes]

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Names close to one that found nobody (a typo, another spelling)."""
        from rapidfuzz import fuzz, process

        names = [r[0] for r in self.catalogue.db.execute("SELECT name FROM people ORDER BY articles DESC LIMIT 20000")]
        return [hit for hit, _, _ in process.extract(name, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=75)]

    # -- search and notes -------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """What a search finds across the library, best first (search.py)."""
        return search_catalogue(self.catalogue, query, limit)

    def notes(
        self,
        label: str | None = None,
        words: str = "",
        article: str | None = None,
        since: str | None = None,
        limit: int | None = None,
    ) -> list[NoteRef]:
        """Every note and correction across the library, newest first."""
        return notes_of(self.catalogue, label=label, words=words, article=article, since=since, limit=limit)


def _record_stamp(record: dict) -> str:
    """What of a record the catalogue shows, as one string (a changed title is indexed again)."""
    return hashlib.blake2b(dumps(record).encode("ascii"), digest_size=8).hexdigest()


_ENTRY_COLUMNS = "id, title, source, path, url, site, authors, published, kind, added, seen, sha256, words, actors, quotes, notes, record"


def _entry(row: tuple) -> Entry:
    (
        key,
        title,
        source,
        path,
        url,
        site,
        authors,
        published,
        kind,
        added,
        seen,
        sha,
        words,
        actors,
        quotes,
        notes,
        record,
    ) = row
    try:
        names = loads(authors) if authors else []
    except ValueError:
        names = []
    try:  # what the catalogue has no column for: from a feed, unread (feeds_refresh.py)
        extra = loads(record) if record else {}
    except ValueError:
        extra = {}
    if not isinstance(extra, dict):
        extra = {}
    return Entry(
        id=key,
        title=as_text(title),
        source=as_text(source) or path or "",
        path=path,
        url=as_text(url) or None,
        site=as_text(site) or None,
        authors=tuple(a for a in names if isinstance(a, str)) if isinstance(names, list) else (),
        published=as_text(published) or None,
        kind=as_text(kind) or "text",
        added=as_text(added),
        seen=as_text(seen),
        sha256=sha,
        words=as_count(words),
        actors=as_count(actors),
        quotes=as_count(quotes),
        notes=as_count(notes),
        unread=extra.get("unread") is True,
        feed=as_text(extra.get("feed")) or None,
    )
