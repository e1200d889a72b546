"""The library's catalogue: a SQLite database of what the library holds, for listing, counting and
searching at 100,000 articles.

It is derived data. The user's data is the article files (articles/<id>.json: the article's record
and its annotations, TinyDB), the kept texts and the analysis cache; the catalogue is made from
them (`Catalogue.index`, one article per transaction) and made again whole by `byline library
--rebuild`. A catalogue that cannot be read is moved aside and rebuilt; one that is stale (an
article file changed behind its back: another program, a writer killed between its file and its
catalogue) is brought up to date from the files, never the other way round.

What it keeps, per article: the record (title, site, dates, path, hash …), what the *corrected*
analysis found (actors, quotes as acts of speech, figures; corrections.corrected + speech.acts),
the notes and corrections, and a full-text index (FTS5, BM25) of the text by paragraph, the title,
the quotes and the notes. Across articles: people, kept as running sums per name so the People
screen reads a few hundred rows, not every article; the user's merges and splits of people
(kept in TinyDB, people_merges.py) are applied as overrides at read time.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from .catalogue_rows import ActorRow, Indexed, NoteRow, alias_keys, appearances, people_sums, surname_of, variant
from .fulltext import add_rows, drop_rows
from .library_people import as_text
from .visible import one_line

SCHEMA = 5
FILE = "catalogue.sqlite3"
#: The log is copied into the file every this many pages, not SQLite's 1,000: small checkpoints of
#: a log written over in place, not one add in ten paying 20–50 ms (bench/library.py).
CHECKPOINT_PAGES = 100

_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, file TEXT, sha256 TEXT NOT NULL, path TEXT, url TEXT, title TEXT, source TEXT, site TEXT,
    authors TEXT, published TEXT, kind TEXT, added TEXT, seen TEXT, words INTEGER,
    record TEXT NOT NULL, stamp TEXT,
    analysed INTEGER NOT NULL DEFAULT 0, actors INTEGER, quotes INTEGER, figures INTEGER,
    notes INTEGER, corrections INTEGER, summary TEXT, raw TEXT, skipped TEXT);
CREATE INDEX IF NOT EXISTS articles_added ON articles(added);
CREATE INDEX IF NOT EXISTS articles_date ON articles(coalesce(published, substr(added, 1, 10)), added);
CREATE INDEX IF NOT EXISTS articles_sha ON articles(sha256);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE TABLE IF NOT EXISTS actors(
    article TEXT NOT NULL, actor TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    aliases TEXT NOT NULL, roles TEXT NOT NULL, mentions INTEGER NOT NULL, person TEXT NOT NULL,
    quotes INTEGER NOT NULL, words INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS actors_article ON actors(article);
CREATE INDEX IF NOT EXISTS actors_person ON actors(person);
CREATE TABLE IF NOT EXISTS quotes(
    article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,
    speaker TEXT NOT NULL, person TEXT, anonymous INTEGER NOT NULL, text TEXT NOT NULL,
    words INTEGER NOT NULL, parts TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE INDEX IF NOT EXISTS quotes_person ON quotes(person);
CREATE TABLE IF NOT EXISTS notes(
    id TEXT NOT NULL, article TEXT NOT NULL, kind TEXT NOT NULL, fix TEXT NOT NULL, labels TEXT NOT NULL,
    note TEXT NOT NULL, passage TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    orphan INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS notes_article ON notes(article);
CREATE INDEX IF NOT EXISTS notes_modified ON notes(modified);
CREATE TABLE IF NOT EXISTS people(
    person TEXT PRIMARY KEY, variant TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    surname TEXT NOT NULL, articles INTEGER NOT NULL, quoted_in INTEGER NOT NULL, quotes INTEGER NOT NULL,
    words INTEGER NOT NULL, mentions INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS people_variant ON people(variant);
CREATE INDEX IF NOT EXISTS people_surname ON people(surname);
CREATE INDEX IF NOT EXISTS people_articles ON people(articles);
CREATE TABLE IF NOT EXISTS alias_keys(article TEXT NOT NULL, person TEXT NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS alias_keys_article ON alias_keys(article);
CREATE INDEX IF NOT EXISTS alias_keys_key ON alias_keys(key);
CREATE TABLE IF NOT EXISTS overrides(person TEXT PRIMARY KEY, grp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_rows(
    article TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, shard INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS search_rows_article ON search_rows(article);
"""  # the full-text index: shards made as they are needed (fulltext.py)

#: Record fields with a column of their own (the whole record is kept too, as JSON).
COLUMNS = ("sha256", "path", "url", "title", "source", "site", "authors", "published", "kind", "added", "seen", "words")


def dumps(value: object) -> str:
    """JSON for a column, exact for any string (a file name read as bytes keeps its lone
    surrogates, escaped, where orjson and SQLite's UTF-8 would refuse them)."""
    return json.dumps(value, ensure_ascii=True, sort_keys=True)


def loads(text: str) -> object:
    return json.loads(text)


def column(value: object) -> object:
    """A value as a text column holds it: a string that cannot be UTF-8 (lone surrogates) is
    kept with those characters replaced; the record's JSON keeps it exactly."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return value


class _OtherSchema(Exception):
    """A catalogue written by another version of Byline."""


# -- the database --------------------------------------------------------------------------------
class Catalogue:
    """The catalogue of one store's folder. Writers hold SQLite's own lock, one article per
    transaction; readers never wait for them (WAL)."""

    def __init__(self, path: Path, readonly: bool = False, memory: bool = False) -> None:
        self.path = path
        self.readonly = readonly or memory
        self.memory = memory
        self.notice: str | None = None
        self.db = self._open()

    @classmethod
    def fresh(cls, path: Path, readonly: bool = False) -> Catalogue:
        """An empty catalogue at `path`, its old file removed (a rebuild)."""
        if not readonly:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(f"{path}{suffix}")
        return cls(path, readonly=readonly)

    def _open(self) -> sqlite3.Connection:
        if self.readonly:
            # a store that cannot be written: its catalogue is made in memory, from the files
            db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            db.executescript(_TABLES)
            return db
        try:
            db = self._connect()
        except _OtherSchema:
            for suffix in ("", "-wal", "-shm"):  # derived data of another Byline: made again, quietly
                with contextlib.suppress(OSError):
                    os.unlink(f"{self.path}{suffix}")
            db = self._connect()
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
            self.notice = (
                f"the catalogue {self.path} could not be read ({exc}); moved aside and made again from the articles"
            )
            db = self._connect()
        return db

    def _connect(self) -> sqlite3.Connection:
        with contextlib.suppress(OSError):  # it holds the words of every note: its owner's only
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA):
            db.close()
            raise _OtherSchema(version)
        db.executescript(_TABLES)
        db.execute(f"PRAGMA user_version={SCHEMA}")
        db.execute("SELECT count(*) FROM articles").fetchone()  # reads the pages: a damaged file fails here
        return db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    # -- meta ----------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, db: sqlite3.Connection, key: str, value: str) -> None:
        db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- writing -------------------------------------------------------------------------------
    def put(self, key: str, found: Indexed, db: sqlite3.Connection | None = None, bulk: bool = False) -> None:
        """Replace everything the catalogue holds of one article (one transaction, unless `db`
        is a transaction already open). `bulk`: an article the catalogue does not hold (an
        emptied catalogue, a new article), its people counted by the caller, for many at once
        (`count_people`, `count_added`)."""
        if db is None:
            with self.transaction() as db:
                self.put(key, found, db, bulk)
            return
        if not bulk:
            self.forget(db, key)
        r = found.record
        values = [column(r.get(c)) for c in COLUMNS]
        values[COLUMNS.index("authors")] = dumps(r.get("authors") or [])
        notes: int | None = sum(1 for n in found.notes if n.kind != "correction")
        if found.damaged:
            notes = None
        corrections = sum(1 for n in found.notes if n.kind == "correction")
        summary = orjson.dumps(found.summary).decode() if found.summary is not None else None
        raw = orjson.dumps(found.raw).decode() if found.raw is not None else None
        db.execute(
            f"INSERT INTO articles(id, file, {', '.join(COLUMNS)}, record, stamp, analysed, actors, quotes, figures, "
            f"notes, corrections, summary, raw, skipped) "
            f"VALUES (?, ?, {', '.join('?' * len(COLUMNS))}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                found.file,
                *values,
                dumps(r),
                found.stamp,
                int(found.analysed),
                len(found.actors) if found.analysed else None,
                len(found.quotes) if found.analysed else None,
                found.figures if found.analysed else None,
                notes,
                corrections,
                summary,
                raw,
                dumps(found.skipped) if found.skipped else None,
            ),
        )
        db.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    key,
                    a.actor,
                    a.name,
                    a.type,
                    orjson.dumps(a.aliases).decode(),
                    orjson.dumps(a.roles).decode(),
                    a.mentions,
                    a.person,
                    a.quotes,
                    a.words,
                )
                for a in found.actors
            ],
        )
        db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    key,
                    q.start,
                    q.end,
                    q.kind,
                    q.speaker,
                    q.person,
                    int(q.anonymous),
                    q.text,
                    q.words,
                    orjson.dumps(q.parts).decode(),
                )
                for q in found.quotes
            ],
        )
        db.executemany(
            "INSERT INTO alias_keys VALUES (?, ?, ?)",
            [(key, a.person, k) for a in found.actors for k in alias_keys(a)],
        )
        title, site = as_text(r.get("title")), as_text(r.get("site"))
        date = as_text(r.get("published")) or as_text(r.get("added"))[:10]
        rows: list[tuple] = [(title, title, "", "", "title", key, 0, site, date)]
        rows += [(body, title, "", "", "text", key, start, site, date) for start, body in found.paragraphs]
        rows += [(q.text, title, q.speaker, "", "quote", key, q.start, site, date) for q in found.quotes]
        add_rows(db, key, rows)
        self._insert_notes(db, key, found.notes, title, site, date)
        if not bulk:
            self.count_added(db, people_sums([found.actors]))

    def _insert_notes(
        self, db: sqlite3.Connection, key: str, notes: list[NoteRow], title: str, site: str, date: str
    ) -> None:
        db.executemany(
            "INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    n.id,
                    key,
                    n.kind,
                    n.fix,
                    orjson.dumps(n.labels).decode(),
                    n.note,
                    n.passage,
                    n.start,
                    n.end,
                    int(n.orphan),
                    n.created,
                    n.modified,
                )
                for n in notes
            ],
        )
        add_rows(
            db,
            key,
            [(f"{n.note}\n{n.passage}", title, "", " ".join(n.labels), "note", key, n.id, site, date) for n in notes],
        )

    def put_notes(self, key: str, notes: list[NoteRow], stamp: str | None) -> bool:
        """Replace one article's notes (what its analysis counts is unchanged: a note, not a
        correction, was written), in one transaction; False when the article is not catalogued."""
        with self.transaction() as db:
            row = db.execute("SELECT title, site, published, added FROM articles WHERE id = ?", (key,)).fetchone()
            if row is None:
                return False
            title, site, published, added = (as_text(v) for v in row)
            db.execute("DELETE FROM notes WHERE article = ?", (key,))
            drop_rows(db, key, "note")
            self._insert_notes(db, key, notes, title, site, published or added[:10])
            db.execute(
                "UPDATE articles SET notes = ?, corrections = ?, stamp = ? WHERE id = ?",
                (sum(n.kind != "correction" for n in notes), sum(n.kind == "correction" for n in notes), stamp, key),
            )
        return True

    def count_people(self) -> None:
        """The people across the library counted again from every article's actors (after a bulk
        put): the same sums as one article at a time, in one pass."""

        def articles(db: sqlite3.Connection) -> Iterator[list[ActorRow]]:
            article: str | None = None
            group: list[ActorRow] = []
            query = "SELECT article, actor, name, type, mentions, person, quotes, words FROM actors ORDER BY rowid"
            for row in db.execute(query):
                if row[0] != article and group:
                    yield group
                    group = []
                article = row[0]
                group.append(ActorRow(row[1], row[2], row[3], [], [], row[4], row[5], row[6], row[7]))
            yield group

        with self.transaction() as db:
            totals = people_sums(articles(db))
            db.execute("DELETE FROM people")
            self.count_added(db, totals)

    def count_added(self, db: sqlite3.Connection, totals: dict[str, list]) -> None:
        """Articles put in counted in the people across the library: `totals` are what they add
        (catalogue_rows.people_sums), one row per person."""
        db.executemany(
            "INSERT INTO people(person, variant, kind, name, surname, articles, quoted_in, quotes, words, mentions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(person) DO UPDATE SET "
            "articles = articles + excluded.articles, quoted_in = quoted_in + excluded.quoted_in, "
            "quotes = quotes + excluded.quotes, words = words + excluded.words, mentions = mentions + excluded.mentions, "
            "name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END",
            [(p, variant(p), t[0], t[1], surname_of(p), *t[2:]) for p, t in totals.items()],
        )

    def _uncount(self, db: sqlite3.Connection, actors: Iterable[ActorRow]) -> None:
        for person, a in appearances(actors).items():
            db.execute(
                "UPDATE people SET articles = articles - 1, quoted_in = quoted_in - ?, quotes = quotes - ?, "
                "words = words - ?, mentions = mentions - ? WHERE person = ?",
                (int(a.quotes > 0), a.quotes, a.words, a.mentions, person),
            )
        db.execute("DELETE FROM people WHERE articles <= 0")

    def forget(self, db: sqlite3.Connection, key: str) -> None:
        """Drop all the catalogue holds of one article, within `db`'s transaction."""
        old = [
            ActorRow(r[0], r[1], r[2], [], [], r[3], r[4], r[5], r[6])
            for r in db.execute(
                "SELECT actor, name, type, mentions, person, quotes, words FROM actors WHERE article = ?", (key,)
            )
        ]
        self._uncount(db, old)
        for table in ("actors", "quotes", "notes", "alias_keys"):
            db.execute(f"DELETE FROM {table} WHERE article = ?", (key,))
        drop_rows(db, key)
        db.execute("DELETE FROM articles WHERE id = ?", (key,))

    def remove(self, key: str) -> None:
        with self.transaction() as db:
            self.forget(db, key)

    def set_overrides(self, groups: dict[str, str]) -> None:
        """The user's merges and splits of people, as the group each person key belongs to."""
        with self.transaction() as db:
            db.execute("DELETE FROM overrides")
            db.executemany("INSERT INTO overrides VALUES (?, ?)", list(groups.items()))

    # -- reading -------------------------------------------------------------------------------
    def files(self) -> dict[str, tuple[str, str | None]]:
        """Per article file name, the article it holds and the file's stamp when it was indexed."""
        return {file: (key, stamp) for key, file, stamp in self.db.execute("SELECT id, file, stamp FROM articles")}

    def skipped(self) -> list[str]:
        """The lines said of damaged records in article files, as each article was indexed."""
        found: list[str] = []
        for (lines,) in self.db.execute("SELECT skipped FROM articles WHERE skipped IS NOT NULL ORDER BY rowid"):
            value = loads(lines)
            found += [line for line in value if isinstance(line, str)] if isinstance(value, list) else []
        return found

    def raw(self, key: str) -> dict | None:
        """What the model's own analysis found in an article, as the catalogue kept it."""
        row = self.db.execute("SELECT raw FROM articles WHERE id = ?", (key,)).fetchone()
        return orjson.loads(row[0]) if row and row[0] else None

    def record(self, key: str) -> dict | None:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (key,)).fetchone()
        found = loads(row[0]) if row else None
        return found if isinstance(found, dict) else None

    def records(self) -> list[dict]:
        found = (loads(r[0]) for r in self.db.execute("SELECT record FROM articles ORDER BY added, rowid"))
        return [r for r in found if isinstance(r, dict)]

    def ids_where(self, field: str, value: str) -> list[str]:
        assert field in ("path", "sha256", "id")
        return [
            r[0]
            for r in self.db.execute(f"SELECT id FROM articles WHERE {field} = ? ORDER BY seen DESC", (column(value),))
        ]

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]


def failed_line(path: Path, exc: Exception) -> str:
    """The line that says a catalogue could not be written (and that nothing of the user's is lost)."""
    return one_line(
        f"the catalogue {path} cannot be written ({exc}); every article and note is "
        f"kept, and the lists and counts are made again from them next time"
    )


def stamp_of(path: Path) -> str | None:
    """An article file's stat, as the catalogue compares it (None when there is no file)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


def dir_stamp(path: Path) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_ino}:{st.st_mtime_ns}"
