"""The catalogue's full-text index (FTS5), in shards of about SHARD_ROWS rows by age.

BM25 counts, for every word of a query, the rows of the whole index that hold it: at 100,000
articles a word in every article is a scan of millions of entries, 0.2–0.4 s per query
(bench/library.py). A search ranks only the newest matches (search.RANKED), so the index is kept in
shards, oldest to newest, and a search reads the newest shards until it has them: each count is
of one shard. An article's rows are written under rowids kept beside them (search_rows, with their
shard), so they are dropped by rowid, never by a scan (the `article` column is not indexed).
"""

from __future__ import annotations

import sqlite3

#: Rows per shard: a new shard is begun once the newest holds this many.
SHARD_ROWS = 200_000

_COLUMNS = ("body", "title", "who", "labels", "kind", "article", "ref", "site", "date")
_INSERT = f"INSERT INTO {{table}}(rowid, {', '.join(_COLUMNS)}) VALUES ({', '.join('?' * (1 + len(_COLUMNS)))})"
_SHARD = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5("
    "body, title, who, labels, kind UNINDEXED, article UNINDEXED, ref UNINDEXED, site UNINDEXED, "
    "date UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
)


def table(shard: int) -> str:
    """The name of a shard's FTS5 table."""
    return f"search_{int(shard)}"


def shards(db: sqlite3.Connection) -> list[int]:
    """The shards there are, newest first."""
    return list(range(_meta(db, "search_shards", 0) - 1, -1, -1))


def _meta(db: sqlite3.Connection, key: str, default: int) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else default


def _set_meta(db: sqlite3.Connection, key: str, value: int) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, str(value)),
    )


def add_rows(db: sqlite3.Connection, key: str, rows: list[tuple]) -> None:
    """Rows of one article into the full-text index: all in the shard of their first rowid (a new
    shard made when it is the first of it)."""
    if not rows:
        return
    first = _meta(db, "search_next", 1)
    shard = (first - 1) // SHARD_ROWS
    made = _meta(db, "search_shards", 0)
    if shard >= made:
        for n in range(made, shard + 1):
            db.execute(_SHARD.format(table=table(n)))
        _set_meta(db, "search_shards", shard + 1)
    db.executemany(_INSERT.format(table=table(shard)), [(first + i, *r) for i, r in enumerate(rows)])
    db.execute("INSERT INTO search_rows VALUES (?, ?, ?, ?)", (key, first, first + len(rows) - 1, shard))
    _set_meta(db, "search_next", first + len(rows))


def drop_rows(db: sqlite3.Connection, key: str, kind: str | None = None) -> None:
    """One article's rows of the full-text index (only those of `kind` when given)."""
    ranges = db.execute("SELECT first, last, shard FROM search_rows WHERE article = ?", (key,)).fetchall()
    for first, last, shard in ranges:
        if kind is None:
            db.execute(f"DELETE FROM {table(shard)} WHERE rowid BETWEEN ? AND ?", (first, last))
        else:
            db.execute(f"DELETE FROM {table(shard)} WHERE rowid BETWEEN ? AND ? AND kind = ?", (first, last, kind))
    if kind is None:
        db.execute("DELETE FROM search_rows WHERE article = ?", (key,))
