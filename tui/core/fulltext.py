"""The catalogue's full-text index (FTS5) by article: an article's rows are written under rowids
kept beside them (search_rows), so they are dropped by rowid, never by a scan of the whole index
(its `article` column is not indexed)."""

from __future__ import annotations

import sqlite3

_SEARCH_ROW = (
    "INSERT INTO search(rowid, body, title, who, labels, kind, article, ref, site, date) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def add_rows(db: sqlite3.Connection, key: str, rows: list[tuple]) -> None:
    """Rows of one article into the full-text index, under rowids kept beside by article: an
    article's rows are dropped by rowid, never by a scan of the whole index."""
    if not rows:
        return
    row = db.execute("SELECT value FROM meta WHERE key = 'search_next'").fetchone()
    first = int(row[0]) if row else 1
    db.executemany(_SEARCH_ROW, [(first + i, *r) for i, r in enumerate(rows)])
    db.execute("INSERT INTO search_rows VALUES (?, ?, ?)", (key, first, first + len(rows) - 1))
    db.execute(
        "INSERT INTO meta(key, value) VALUES ('search_next', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(first + len(rows)),),
    )


def drop_rows(db: sqlite3.Connection, key: str, kind: str | None = None) -> None:
    """One article's rows of the full-text index (only those of `kind` when given)."""
    ranges = db.execute("SELECT first, last FROM search_rows WHERE article = ?", (key,)).fetchall()
    for first, last in ranges:
        if kind is None:
            db.execute("DELETE FROM search WHERE rowid BETWEEN ? AND ?", (first, last))
        else:
            db.execute("DELETE FROM search WHERE rowid BETWEEN ? AND ? AND kind = ?", (first, last, kind))
    if kind is None:
        db.execute("DELETE FROM search_rows WHERE article = ?", (key,))
