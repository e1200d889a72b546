"""The library: every article opened or added, kept with its text as read, its metadata and where it
came from, and the people, quotes and notes across all of it.

The store (store.py) keeps what cannot be made again: each article's record, annotations and
corrections (one file per article), the texts. Everything the library lists, counts and searches comes
from the catalogue (catalogue.py, SQLite): made from the store and the analyses *as the user
corrected them*, one article per transaction, brought up to date from the files whenever they
changed behind its back, and made again whole by `rebuild()`.

How people are named across articles: catalogue.person_key; the user's merges: people_merges.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from . import people_merges
from .bulk import Added, add_articles
from .catalogue import Catalogue, loads
from .errors import ArticleError, StoreError
from .indexing import analysis_path, not_in_a_spawned_script, sync
from .library_people import Appearance, Person, QuoteRef, as_count, as_text, normalise
from .model import Analysis
from .paths import resolved, stored_path
from .search import Hit, NoteRef, notes_of
from .search import search as search_catalogue
from .sources import Article
from .store import Store
from .tablefile import DamagedStore, read_tables
from .visible import one_line

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
        """The catalogue, up to date with the store's files (Store.catalogue)."""
        return self.store.catalogue

    def sync(self, force: bool = False) -> int:
        """Bring the catalogue up to date with the store's files; returns how many articles were
        indexed again (none when nothing changed: two stats)."""
        return sync(self.store, self.catalogue, force)

    def rebuild(self) -> int:
        """Make the catalogue again from the store, whole (a new file); returns how many articles
        it holds."""
        not_in_a_spawned_script()  # before its file is removed
        cat = self.store.new_catalogue()
        sync(self.store, cat, force=True, empty=True)
        return cat.count()

    def index(self, key: str, analysis: Analysis | None = None) -> None:
        """Put one article in the catalogue again as the user sees it, with this analysis of it."""
        self.store.index_again(key, analysis)

    # -- adding -----------------------------------------------------------------------------
    def add(self, article: Article, analysis: Analysis | None = None) -> str:
        """Keep an article (and what its analysis found); returns its id. The same text from
        another place is the same article."""
        return self.add_many([(article, analysis)])[0]

    def add_many(self, items: Iterable[tuple[Article, Analysis | None]]) -> list[str]:
        """Keep several articles; their ids, in the order given."""
        return self.add_batch(items).keys

    def add_batch(self, items: Iterable[tuple[Article, Analysis | None]]) -> Added:
        """Keep several articles, those new to the library as one batch (bulk.py): their ids, and
        which are new."""
        if self.store.readonly:
            raise StoreError(self.store.why_readonly)
        usable = [(a, x if x is not None and x.sha256 == a.sha256 else None) for a, x in items]
        return add_articles(self.store, usable)

    # -- listing ----------------------------------------------------------------------------
    def entries(self, limit: int | None = None, offset: int = 0, by_date: bool = False) -> list[Entry]:
        """Articles, newest added first (by their date, published or added, when `by_date`):
        what the Library screen shows. The whole list looks at every file once (`Store.look`)."""
        cat = self.catalogue if limit is not None else self.store.look()
        order = "coalesce(published, substr(added, 1, 10)) DESC, " if by_date else ""
        sql = f"SELECT {_ENTRY_COLUMNS} FROM articles ORDER BY {order}added DESC, rowid DESC"
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
        record = self.store.record(key)
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
            analysis_path(self.store, key).unlink()
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

    def find(self, name: str, appearances: bool = True) -> list[Person]:
        """The people a name stands for: a name or alias as given; a single word ("Smith") finds
        every person of that surname, each on their own. Their quotes and aliases filled in, and
        every appearance unless not wanted (its counts say how many)."""
        return [people_merges.fill(self.catalogue, p, appearances) for p in people_merges.find(self.catalogue, name)]

    def quotes_by(self, name: str) -> list[QuoteRef]:
        """Every quote of the person (or people) a name stands for, across the library."""
        found = people_merges.find(self.catalogue, name)
        return [q for p in found for q in people_merges.fill(self.catalogue, p, appearances=False).quotes]

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
