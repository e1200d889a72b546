"""Search across the library, and the notes of every article: read from the catalogue.

A query is words ("ferry" finds ferry, Ferry, ferries' stem no: words as written), "phrases in
quotes", prefixes (`ferr*`), and filters:

    speaker:NAME   quotes by someone of that name        label:L      notes tagged L
    site:SITE      articles of that site                 kind:K       text | title | quote | note
    after:DATE     published (else added) on or after    before:DATE  … on or before

Results are ranked by BM25 (SQLite FTS5), each with its article, date and the matching words in
context; `offset` is where in the article the match is, so `enter` opens the article there.
"""

from __future__ import annotations

import re
import shlex
import sqlite3
from dataclasses import asdict, dataclass

import orjson

from . import fulltext
from .catalogue import Catalogue
from .errors import BylineError
from .visible import shown_name

FILTERS = ("speaker", "label", "site", "kind", "after", "before")
KINDS = ("text", "title", "quote", "note")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class QueryError(BylineError):
    """A search the user wrote that cannot be run (one line says why)."""


@dataclass
class Hit:
    article: str
    title: str
    date: str
    site: str
    kind: str  # text | title | quote | note
    snippet: str  # the matching words in context, marked [like this]
    offset: int  # where in the article's text (a note: its passage)
    who: str = ""  # a quote's speaker
    labels: str = ""  # a note's labels
    score: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Query:
    words: str  # the FTS5 expression
    filters: dict[str, str]


def parse(query: str) -> Query:
    """Words, phrases and prefixes as FTS5 understands them, and the filters apart."""
    try:
        parts = shlex.split(query, posix=True)
    except ValueError:
        parts = query.replace('"', " ").split()
    filters: dict[str, str] = {}
    terms: list[str] = []
    for part in parts:
        name, sep, value = part.partition(":")
        if sep and name.lower() in FILTERS and value:
            filters[name.lower()] = value
            continue
        words = re.findall(r"\w+\*?", part)
        if not words:
            continue
        if len(words) > 1:  # a phrase
            terms.append('"' + " ".join(w.rstrip("*") for w in words) + '"')
        else:
            w = words[0]
            terms.append(f'"{w[:-1]}"*' if w.endswith("*") else f'"{w}"')
    kind = filters.get("kind")
    if kind is not None and kind not in KINDS:
        raise QueryError(f"kind:{shown_name(kind)} is not a kind of match: use one of {', '.join(KINDS)}")
    for edge in ("after", "before"):
        if edge in filters:
            check_date(filters[edge], f"{edge}:")
    return Query(" ".join(terms), filters)


def check_date(value: str, what: str) -> str:
    """A date as a filter takes it (2024-05-31, 2024-05 or 2024), else one line saying so."""
    if not _DATE.fullmatch(value):
        raise QueryError(f"{what}{shown_name(value)} is not a date: write it as 2024-05-31 (or 2024-05, or 2024)")
    return value


#: How many of the newest matches a search ranks (BM25) to find its best ones.
RANKED = 5000


def search(cat: Catalogue, text: str, limit: int = 50) -> list[Hit]:
    """The best `limit` matches of a query across the library (among its newest RANKED matches)."""
    q = parse(text)
    where: list[str] = []
    args: list[object] = []
    match = f"body : ({q.words})" if q.words else ""  # titles are rows of their own (kind:title)
    speaker, label = q.filters.get("speaker"), q.filters.get("label")
    column_terms = []
    if speaker:
        column_terms.append("who : " + " ".join(f'"{w}"' for w in re.findall(r"\w+", speaker)))
        where.append("kind = 'quote'")
    if label:
        column_terms.append("labels : " + " ".join(f'"{w}"' for w in re.findall(r"\w+", label)))
        where.append("kind = 'note'")
    if column_terms:
        match = " AND ".join(filter(None, [match, *column_terms]))
    if not match:
        if not q.filters:
            return []
        raise QueryError("give some words to look for beside the filters (or use `byline notes --label`)")
    if "kind" in q.filters:
        where.append("kind = ?")
        args.append(q.filters["kind"])
    if "site" in q.filters:
        where.append("lower(site) LIKE ?")
        args.append("%" + q.filters["site"].lower() + "%")
    if "after" in q.filters:
        where.append("date >= ?")
        args.append(q.filters["after"])
    if "before" in q.filters:
        where.append("substr(date, 1, ?) <= ?")
        args += [len(q.filters["before"]), q.filters["before"]]
    filters = "".join(f" AND {w}" for w in where)
    found: list[tuple[str, tuple]] = []
    left = RANKED  # ranked among the newest RANKED matches: a word in every article is not scored 100,000 times
    try:
        for shard in fulltext.shards(cat.db):  # newest first, until the newest RANKED matches are read
            name = fulltext.table(shard)
            where_match = f"FROM {name} WHERE {name} MATCH ?{filters}"
            newest = cat.db.execute(f"SELECT rowid {where_match} ORDER BY rowid DESC LIMIT {left}", (match, *args))
            rowids = newest.fetchall()
            if not rowids:
                continue
            ranked = cat.db.execute(
                f"SELECT article, title, date, site, kind, snippet({name}, 0, '[', ']', '…', 12), ref, who, labels, "
                f"bm25({name}, 10.0, 4.0, 2.0, 2.0) AS score, rowid {where_match} AND rowid >= ? ORDER BY score LIMIT ?",
                (match, *args, rowids[-1][0], limit),
            )
            found += [(name, row) for row in ranked]
            left -= len(rowids)
            if left <= 0:
                break
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search {shown_name(text)!r} cannot be read ({exc})") from None
    found.sort(key=lambda one: one[1][9])  # BM25: the lower, the better
    hits = []
    for name, (article, title, date, site, kind, snippet, ref, who, labels, score, rowid) in found[:limit]:
        offset = ref if isinstance(ref, int) else 0
        if kind == "note":
            row = cat.db.execute("SELECT start FROM notes WHERE id = ? AND article = ?", (ref, article)).fetchone()
            offset = row[0] if row else 0
        elif kind in ("text", "quote"):
            body = cat.db.execute(f"SELECT body FROM {name} WHERE rowid = ?", (rowid,)).fetchone()
            offset += _first_match(snippet, body[0] if body else "")
        hits.append(
            Hit(article, title or "", date or "", site or "", kind, snippet, offset, who or "", labels or "", score)
        )
    return hits


def _first_match(snippet: str, body: str) -> int:
    """Where in a paragraph (`body`) the snippet's first marked word is: 0 when not found."""
    marked = re.search(r"\[([^\]]+)\]", snippet)
    if not marked:
        return 0
    found = re.search(r"\b" + re.escape(marked.group(1)), body, re.IGNORECASE)
    return found.start() if found else 0


@dataclass
class NoteRef:
    """A note or correction somewhere in the library: enough to list it and open it."""

    id: str
    article: str
    title: str
    kind: str  # annotation | correction
    fix: str
    labels: list[str]
    note: str
    passage: str
    start: int
    end: int
    orphan: bool
    created: str
    modified: str

    def to_dict(self) -> dict:
        return asdict(self)


def notes_of(
    cat: Catalogue,
    label: str | None = None,
    words: str = "",
    article: str | None = None,
    since: str | None = None,
    limit: int | None = None,
) -> list[NoteRef]:
    """Every note and correction of the library, newest first: with a label, holding some words
    (in the note or its passage), of one article, changed since a date."""
    where: list[str] = []
    args: list[object] = []
    if label:
        where.append("EXISTS (SELECT 1 FROM json_each(n.labels) WHERE lower(json_each.value) = lower(?))")
        args.append(label)
    if words.strip():
        for w in words.split():
            where.append("(n.note LIKE ? ESCAPE '\\' OR n.passage LIKE ? ESCAPE '\\' OR r.title LIKE ? ESCAPE '\\')")
            like = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            args += [like, like, like]
    if article:
        where.append("n.article = ?")
        args.append(article)
    if since:
        where.append("n.modified >= ?")
        args.append(since)
    sql = (
        "SELECT n.id, n.article, r.title, n.kind, n.fix, n.labels, n.note, n.passage, n.start, n.end, n.orphan, "
        "n.created, n.modified FROM notes n JOIN articles r ON r.id = n.article"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY n.modified DESC, n.rowid DESC"
        + (f" LIMIT {int(limit)}" if limit is not None else "")
    )
    return [
        NoteRef(i, a, t or "", k, f, orjson.loads(lab), n, p, s, e, bool(o), c, m)
        for i, a, t, k, f, lab, n, p, s, e, o, c, m in cat.db.execute(sql, args)
    ]
