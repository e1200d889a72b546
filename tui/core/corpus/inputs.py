"""What a corpus is made of, read as a stream of Items at constant memory.

An input is a folder (its article files, as `byline analyze` reads them), an article file, a URL
or "-", or a corpus file: JSON Lines (.jsonl .ndjson), CSV (.csv .tsv), Parquet (.parquet), or a
crawl's WARC file (.warc .warc.gz). Records carry their text in a field ("text" unless
`--text-field` names another) and optionally an id, URL, title, date and site; a WARC file's
HTML responses are read like web pages. Each Item has an id that stays the same from one run to
the next: the record's id field, else the file and line or row; a file's path; a WARC record's
id. That id is what a restarted run skips.

A record that cannot be an article (no text, a line that is no JSON) is an Item with an error:
one line in the errors file, and the others go on. Nothing is parsed by hand: csv, orjson,
pyarrow and warcio read their formats.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from ..errors import ArticleError, BylineError
from ..sources import Article, is_url
from ..visible import one_line

#: Corpus files by how their names end; anything else is an article file.
FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".csv.gz": "csv",
    ".tsv.gz": "csv",
    ".parquet": "parquet",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
}
#: A record's text longer than this is refused, as an article file of more than 8 MiB is.
MAX_TEXT = 8 * 1024 * 1024


@dataclass(frozen=True)
class Fields:
    """The names of a record's fields (JSON Lines, CSV, Parquet): only `text` is required."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    title: str = "title"
    date: str = "date"
    site: str = "site"


@dataclass(frozen=True)
class Item:
    """One article of a corpus, as small as it can travel to a worker: where to load it from
    (`location`), or its text and metadata, or a crawled page's bytes; or why it cannot be one."""

    id: str
    location: str | None = None  # a file or a URL, loaded where it is analysed
    text: str | None = None  # a record's text
    html: bytes | None = None  # a crawled page
    data: bytes | None = None  # a file's bytes, read here for a worker on another machine
    path: str | None = None  # that file, resolved
    charset: str | None = None  # what the page's server declared
    source: str = ""
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    article: Article | None = None  # already loaded here (standard input)
    error: str | None = None  # read, but no article
    seq: int = 0  # its place in the corpus (for output in input order)


def kind_of(location: str) -> str:
    """ "folder", "jsonl", "csv", "parquet", "warc", or "article" (a file, URL or -)."""
    if location == "-" or is_url(location) or not location.strip():
        return "article"
    path = Path(location).expanduser()
    try:
        if path.is_dir():
            return "folder"
    except (OSError, ValueError):  # a name no file can have (too long): an article that says so
        return "article"
    name = path.name.lower()
    for suffix, kind in FORMATS.items():
        if name.endswith(suffix):
            return kind
    return "article"


def read_items(inputs: list[str], fields: Fields | None = None) -> Iterator[Item]:
    """Every article of the inputs, in order, one at a time. A corpus file that cannot be
    opened raises ArticleError before any of its items; a bad record is an Item with an error."""
    from ..batch import expand

    fields = fields or Fields()
    for location in inputs:
        kind = kind_of(location)
        if kind in ("article", "folder"):
            for found in expand([location]):
                yield _article_item(found)
        else:
            yield from READERS[kind](Path(location).expanduser(), fields)


def count_items(inputs: list[str], fields: Fields | None = None) -> int:
    """How many items `read_items` will give, reading as little as each format allows (a
    Parquet file's footer; a pass over the others without making articles)."""
    from ..batch import expand

    fields = fields or Fields()
    total = 0
    for location in inputs:
        kind = kind_of(location)
        if kind in ("article", "folder"):
            total += len(expand([location]))
        else:
            total += COUNTERS[kind](Path(location).expanduser(), fields)
    return total


def _article_item(location: str) -> Item:
    if location == "-":  # standard input belongs to this process: read here, now
        from ..sources import load_article

        try:
            return Item(id="-", source="<stdin>", article=load_article("-"))
        except BylineError as exc:
            return Item(id="-", source="<stdin>", error=str(exc))
    return Item(id=location, location=location, source=location)


# -- records: JSON Lines, CSV, Parquet ---------------------------------------------------------


def _record_item(record: dict[str, Any], fields: Fields, file: Path, place: str) -> Item:
    """An Item from one record; `place` ("line 4", "row 4") names it when it has no id."""
    raw_id = record.get(fields.id)
    key = _text(raw_id) if raw_id is not None and _text(raw_id) else f"{file.name}:{place}"
    text = record.get(fields.text)
    name = f"{one_line(str(file))}: {place}"
    if not isinstance(text, str) or not text.strip():
        why = "has no text" if text is None or isinstance(text, str) else "has a text that is not a string"
        return Item(id=key, source=name, error=f"{name} {why} (field {fields.text!r})")
    if len(text) > MAX_TEXT:
        return Item(id=key, source=name, error=f"{name}: the text is over {MAX_TEXT // 2**20} MiB")
    url = _optional(record.get(fields.url))
    return Item(
        id=key,
        text=text,
        source=url or f"{file}#{key}",
        title=_optional(record.get(fields.title)),
        url=url,
        site=_optional(record.get(fields.site)),
        published=_optional(record.get(fields.date)),
    )


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _optional(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):  # a date or timestamp column
        return str(value.isoformat())
    text = _text(value)
    return text or None


def _open_text(file: Path) -> IO[str]:
    """A corpus file as UTF-8 text (gzip when its name says so), or one line saying why not. A
    byte-order mark, as spreadsheets write one, is dropped; a byte that is not UTF-8 becomes
    U+FFFD rather than stopping the run."""
    try:
        if file.name.lower().endswith(".gz"):
            return io.TextIOWrapper(gzip.open(file, "rb"), encoding="utf-8-sig", errors="replace", newline="")
        return open(file, encoding="utf-8-sig", errors="replace", newline="")  # noqa: SIM115 - a stream we return
    except FileNotFoundError:
        raise ArticleError(f"{one_line(str(file))}: no such file") from None
    except OSError as exc:
        raise ArticleError(f"{one_line(str(file))}: cannot be read ({exc.strerror or exc})") from None


def _read_jsonl(file: Path, fields: Fields) -> Iterator[Item]:
    import orjson

    with _open_text(file) as stream:
        for number, line in enumerate(_lines(stream, file), start=1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield Item(
                    id=f"{file.name}:line {number}", error=f"{one_line(str(file))}: line {number} is not JSON ({exc})"
                )
                continue
            if not isinstance(record, dict):
                yield Item(
                    id=f"{file.name}:line {number}", error=f"{one_line(str(file))}: line {number} is not a record"
                )
                continue
            yield _record_item(record, fields, file, f"line {number}")


def _lines(stream: IO[str], file: Path) -> Iterator[str]:
    try:
        yield from stream
    except (OSError, EOFError) as exc:  # a damaged gzip stream
        raise ArticleError(f"{one_line(str(file))}: cannot be read to the end ({exc})") from None


def _count_jsonl(file: Path, fields: Fields) -> int:
    with _open_text(file) as stream:
        return sum(1 for line in _lines(stream, file) if line.strip())


def _csv_rows(file: Path, text_field: str) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is longer than csv's 128 KiB default
    with _open_text(file) as stream:
        dialect = "excel-tab" if file.name.lower().removesuffix(".gz").endswith(".tsv") else "excel"
        try:
            rows = csv.DictReader(_lines(stream, file), dialect=dialect)
            if rows.fieldnames is not None and text_field not in rows.fieldnames:
                raise _no_column(file, text_field, list(rows.fieldnames))
            yield from rows
        except csv.Error as exc:
            raise ArticleError(f"{one_line(str(file))}: not a CSV file this can read ({exc})") from None


def _no_column(file: Path, name: str, columns: list[str]) -> ArticleError:
    shown = ", ".join(one_line(str(c)) for c in columns[:12])
    return ArticleError(
        f"{one_line(str(file))}: no column {one_line(name)!r} (name the text's column with --text-field; "
        f"its columns: {shown})"
    )


def _read_csv(file: Path, fields: Fields) -> Iterator[Item]:
    for number, row in enumerate(_csv_rows(file, fields.text), start=1):
        yield _record_item(row, fields, file, f"row {number}")


def _count_csv(file: Path, fields: Fields) -> int:
    return sum(1 for _ in _csv_rows(file, fields.text))


def _parquet(file: Path) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(file)
    except FileNotFoundError:
        raise ArticleError(f"{one_line(str(file))}: no such file") from None
    except (OSError, pa.ArrowException) as exc:
        raise ArticleError(
            f"{one_line(str(file))}: not a Parquet file this can read ({one_line(str(exc))[:160]})"
        ) from None


def _read_parquet(file: Path, fields: Fields) -> Iterator[Item]:
    parquet = _parquet(file)
    names = set(parquet.schema_arrow.names)
    if fields.text not in names:
        raise _no_column(file, fields.text, parquet.schema_arrow.names)
    wanted = [f for f in (fields.text, fields.id, fields.url, fields.title, fields.date, fields.site) if f in names]
    number = 0
    for batch in parquet.iter_batches(batch_size=256, columns=list(dict.fromkeys(wanted))):
        for record in batch.to_pylist():
            number += 1
            yield _record_item(record, fields, file, f"row {number}")


def _count_parquet(file: Path, fields: Fields) -> int:
    return int(_parquet(file).metadata.num_rows)


# -- crawls: WARC --------------------------------------------------------------------------------


def _warc_records(file: Path) -> Iterator[Any]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = open(file, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise ArticleError(f"{one_line(str(file))}: no such file") from None
    except OSError as exc:
        raise ArticleError(f"{one_line(str(file))}: cannot be read ({exc.strerror or exc})") from None
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and record.http_headers is not None:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                    status = record.http_headers.get_statuscode() or ""
                    if "html" in content_type.lower() and status.startswith("2"):
                        yield record
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            raise ArticleError(
                f"{one_line(str(file))}: not a WARC file this can read ({one_line(str(exc))[:160]})"
            ) from None


def _read_warc(file: Path, fields: Fields) -> Iterator[Item]:
    from ..sources import MAX_BYTES

    for record in _warc_records(file):
        url = record.rec_headers.get_header("WARC-Target-URI") or None
        key = record.rec_headers.get_header("WARC-Record-ID") or url or ""
        data = record.content_stream().read(MAX_BYTES + 1)
        source = url or f"{file}#{key}"
        if len(data) > MAX_BYTES:
            yield Item(id=key, source=source, error=f"{one_line(source)}: the page is over {MAX_BYTES // 2**20} MiB")
            continue
        yield Item(
            id=key,
            html=data,
            charset=_charset(record.http_headers.get_header("Content-Type") or ""),
            source=source,
            url=url,
        )


def _count_warc(file: Path, fields: Fields) -> int:
    return sum(1 for _ in _warc_records(file))


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip("\"'"):
            return value.strip().strip("\"'")
    return None


READERS = {"jsonl": _read_jsonl, "csv": _read_csv, "parquet": _read_parquet, "warc": _read_warc}
COUNTERS = {"jsonl": _count_jsonl, "csv": _count_csv, "parquet": _count_parquet, "warc": _count_warc}


def carried(item: Item) -> Item:
    """The Item with its file's bytes in it, for a worker that cannot see this machine's files
    (a cluster): the file is read here, as `load_article` would read it. URLs stay URLs."""
    if item.location is None or item.location == "-" or is_url(item.location):
        return item
    from ..sources.text import read_file

    path = Path(item.location).expanduser()
    if path.is_dir():
        return item  # to_article says in one line that it holds no articles
    try:
        data = read_file(path)
    except BylineError as exc:
        return replace(item, location=None, error=str(exc))
    return replace(item, location=None, data=data, path=str(path.resolve()), source=str(path))


# -- an Item becomes an Article, where it is analysed ---------------------------------------------


def to_article(item: Item, timeout: float) -> Article:
    """The article an Item stands for; ArticleError with one line when it is none."""
    from ..sources import from_bytes, from_text, load_article

    if item.error is not None:
        raise ArticleError(item.error)
    if item.article is not None:
        return item.article
    if item.location is not None:
        path = Path(item.location).expanduser()
        if item.location.strip() and not is_url(item.location) and path.is_dir():
            from ..sources import ARTICLE_SUFFIXES

            raise ArticleError(
                f"{one_line(item.location)}: no article files ({' '.join(ARTICLE_SUFFIXES)}) in this folder"
            )
        return load_article(item.location, timeout=timeout)
    if item.data is not None:
        from ..sources import kind_of_path

        file = Path(item.path) if item.path else None
        return from_bytes(item.data, item.source, file, kind=kind_of_path(file) if file else None)
    if item.html is not None:  # its date is the page's own (the crawl's date is not the story's)
        return from_bytes(item.html, item.source, kind="html", declared=item.charset, url=item.url)
    return from_text(
        item.text or "", item.source, title=item.title, url=item.url, site=item.site, published=item.published
    )
