"""Where a corpus's results go: a JSON Lines file or a folder of Parquet tables, written in
shards as work completes, and an errors file with one line per article that failed.

A stopped run loses at most the shard it was filling: each shard is written whole under a
temporary name and then renamed, and a restarted run reads the ids already written (and those
already failed) and skips them. In a Parquet folder the articles table is written last, so an
articles shard says its quotes, actors and figures are there; a table shard without its
articles shard (a run stopped between the two) is removed on restart and made again.

    DIR/articles/part-00000.parquet   one row per article (text and full analysis included)
    DIR/quotes/part-00000.parquet     one row per quote
    DIR/actors/part-00000.parquet     one row per actor
    DIR/figures/part-00000.parquet    one row per figure
    DIR/errors.jsonl                  {"id", "source", "error"}, one line per failed article
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import orjson

from ..errors import ExportError
from ..visible import one_line
from .engine import Outcome
from .tables import TABLES, rows, schemas

#: Articles per shard, and the longest a finished article waits to be written.
SHARD_SIZE = 500
FLUSH_SECONDS = 60.0
_PART = re.compile(r"^part-(\d{5,})\.parquet$")


def record(key: str, outcome: Outcome, versions: tuple[str | None, str | None]) -> dict:
    """One article's JSON Lines record: the analysis as `--format json` prints it, the article's
    metadata and text (offsets refer to it), its corpus id, and the versions that made it."""
    assert outcome.article is not None and outcome.analysis is not None
    return {
        "id": key,
        **outcome.analysis.to_dict(),
        "article": {**outcome.article.metadata(), "text": outcome.article.text},
        "byline": {"model_version": versions[0], "extraction": versions[1]},
    }


class ErrorsFile:
    """One JSON line per failed article, appended as each fails (a restart skips them too)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stream: IO[bytes] | None = None

    def ids(self) -> set[str]:
        return {line["id"] for line in read_lines(self.path) if isinstance(line.get("id"), str)}

    def add(self, outcome: Outcome, source: str) -> None:
        if self.stream is None:
            _cut_partial_line(self.path)
            self.stream = open(self.path, "ab")  # noqa: SIM115 - kept open while the run lasts
        line = {"id": outcome.id, "source": source, "error": outcome.error}
        self.stream.write(orjson.dumps(line) + b"\n")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None


def read_lines(path: Path) -> Iterator[dict]:
    """The records of a JSON Lines file, one at a time; a damaged line (a run killed while it
    was written) is passed over."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return
    with stream:
        for line in stream:
            try:
                data = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue
            if isinstance(data, dict):
                yield data


def _cut_partial_line(path: Path) -> None:
    """Drop what a killed writer left after the last full line, so the next line starts clean."""
    try:
        with open(path, "rb+") as stream:
            size = stream.seek(0, os.SEEK_END)
            if size == 0:
                return
            stream.seek(max(0, size - 1))
            if stream.read(1) == b"\n":
                return
            position = size
            while position > 0:
                step = min(65536, position)
                position -= step
                stream.seek(position)
                chunk = stream.read(step)
                newline = chunk.rfind(b"\n")
                if newline >= 0:
                    stream.truncate(position + newline + 1)
                    return
            stream.truncate(0)
    except FileNotFoundError:
        return


class Output:
    """Where outcomes go. `done()` is what an earlier run already wrote (to skip)."""

    errors: ErrorsFile

    def __init__(self, versions: tuple[str | None, str | None], shard_size: int = SHARD_SIZE) -> None:
        self.versions = versions
        self.shard_size = shard_size
        self.pending: list[Outcome] = []
        self.last = time.monotonic()
        self.written = 0

    def done(self) -> set[str]:
        return set()

    def add(self, outcome: Outcome, source: str) -> None:
        if outcome.error is not None:
            self.errors.add(outcome, source)
            return
        self.pending.append(outcome)
        if len(self.pending) >= self.shard_size or time.monotonic() - self.last >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self._write(self.pending)
            self.written += len(self.pending)
            self.pending = []
        self.last = time.monotonic()

    def _write(self, outcomes: list[Outcome]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.errors.close()


class JsonLinesFile(Output):
    """A JSON Lines file, one article a line, appended a shard at a time; errors beside it in
    NAME.errors.jsonl."""

    def __init__(self, path: Path, versions: tuple[str | None, str | None], shard_size: int = SHARD_SIZE) -> None:
        super().__init__(versions, shard_size)
        self.path = path
        if path.is_dir():
            raise ExportError(
                f"{one_line(str(path))} is a folder: give a file for JSON Lines (or use --format parquet)"
            )
        _parent(path)
        self.errors = ErrorsFile(path.with_name(f"{_stem(path)}.errors.jsonl"))
        _cut_partial_line(path)

    def done(self) -> set[str]:
        found = {line["id"] for line in read_lines(self.path) if isinstance(line.get("id"), str)}
        return found | self.errors.ids()

    def _write(self, outcomes: list[Outcome]) -> None:
        from ..export.jsontext import dumps

        data = "".join(dumps(record(o.id, o, self.versions)) + "\n" for o in outcomes).encode("utf-8")
        with open(self.path, "ab") as stream:
            stream.write(data)  # one write: a killed run leaves at most one partial line, cut on restart
            stream.flush()
            os.fsync(stream.fileno())


class ParquetFolder(Output):
    """A folder of Parquet tables (articles, quotes, actors, figures), one file per shard."""

    def __init__(self, folder: Path, versions: tuple[str | None, str | None], shard_size: int = SHARD_SIZE) -> None:
        super().__init__(versions, shard_size)
        self.folder = folder
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"{one_line(str(folder))} is a file: Parquet results go in a folder")
        for table in TABLES:
            _parent(folder / table / "x")
        self.errors = ErrorsFile(folder / "errors.jsonl")
        self.next = self._tidy()

    def _tidy(self) -> int:
        """Remove what a stopped run left half-written; the number of the next shard."""
        finished = {m.group(1) for m in self._parts("articles")}
        highest = -1
        for table in TABLES:
            for file in (self.folder / table).iterdir():
                match = _PART.match(file.name)
                if file.name.endswith(".tmp") or (match and table != "articles" and match.group(1) not in finished):
                    file.unlink(missing_ok=True)
                elif match:
                    highest = max(highest, int(match.group(1)))
        return highest + 1

    def _parts(self, table: str) -> Iterator[re.Match[str]]:
        for file in sorted((self.folder / table).iterdir()):
            match = _PART.match(file.name)
            if match:
                yield match

    def done(self) -> set[str]:
        import pyarrow.parquet as pq

        found: set[str] = set()
        for match in self._parts("articles"):
            table = pq.read_table(self.folder / "articles" / match.group(0), columns=["article_id"])
            found.update(table.column("article_id").to_pylist())
        return found | self.errors.ids()

    def _write(self, outcomes: list[Outcome]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        tables: dict[str, list[dict]] = {name: [] for name in TABLES}
        for o in outcomes:
            assert o.article is not None and o.analysis is not None
            for name, found in rows(o.id, o.article, o.analysis, self.versions).items():
                tables[name].extend(found)
        name = f"part-{self.next:05d}.parquet"
        for table in (*TABLES[1:], TABLES[0]):  # articles last: it says the shard is whole
            path = self.folder / table / name
            tmp = path.with_name(f"{name}.tmp")
            pq.write_table(pa.Table.from_pylist(tables[table], schema=schemas()[table]), tmp, compression="zstd")
            os.replace(tmp, path)
        self.next += 1


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".jsonl", ".ndjson", ".json"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{one_line(str(path.parent))}: cannot make the folder ({exc.strerror or exc})") from None


def versions(model: str) -> tuple[str | None, str | None]:
    """The pipeline's version and the extraction code's, written with each result."""
    from ..cache import extraction_version, model_version

    return model_version(model), extraction_version()
