"""Reading a corpus run's results back: each analysed article as (Article, Analysis), for
`byline add --analyses` to bring into the library without spaCy.

RESULTS is what `byline analyze --output` wrote: a folder of Parquet tables (its articles
table holds each text and its whole analysis) or a JSON Lines file. Read a shard or a line at
a time: memory stays flat whatever the number of articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..errors import ArticleError, ExportError
from ..model import Analysis
from ..sources import Article
from ..visible import one_line

_COLUMNS = [
    "article_id", "source", "path", "title", "url", "site", "authors", "published", "kind",
    "text", "analysis", "model_version", "extraction",
]  # fmt: skip


@dataclass
class Analysed:
    """One article of the results, or the line saying why it cannot be taken."""

    id: str
    article: Article | None
    analysis: Analysis | None
    versions: tuple[str | None, str | None]  # the pipeline's and the extraction code's
    error: str | None = None


def read_results(location: str) -> Iterator[Analysed]:
    """Every article of a results folder or file; ExportError when it is neither."""
    path = Path(location).expanduser()
    if path.is_dir():
        if not (path / "articles").is_dir():
            raise ExportError(f"{one_line(location)}: no articles table here (results of byline analyze --output)")
        yield from _parquet(path)
    elif path.is_file():
        yield from _jsonl(path)
    else:
        raise ExportError(f"{one_line(location)}: no such file or folder")


def _parquet(folder: Path) -> Iterator[Analysed]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for file in sorted((folder / "articles").glob("part-*.parquet")):
        try:
            parquet = pq.ParquetFile(file)
            names = set(parquet.schema_arrow.names)
            batches = parquet.iter_batches(batch_size=256, columns=[c for c in _COLUMNS if c in names])
            for batch in batches:
                for row in batch.to_pylist():
                    yield _analysed(row, row.get("analysis"), row, f"{one_line(str(file))}: {row.get('article_id')}")
        except (OSError, pa.ArrowException) as exc:
            yield Analysed(
                str(file),
                None,
                None,
                (None, None),
                f"{one_line(str(file))}: cannot be read ({one_line(str(exc))[:160]})",
            )


def _jsonl(file: Path) -> Iterator[Analysed]:
    try:
        stream = open(file, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ExportError(f"{one_line(str(file))}: cannot be read ({exc.strerror or exc})") from None
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            name = f"{one_line(str(file))}: line {number}"
            try:
                data = orjson.loads(line)
            except orjson.JSONDecodeError:
                yield Analysed(name, None, None, (None, None), f"{name} is not JSON")
                continue
            if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
                yield Analysed(name, None, None, (None, None), f"{name} is no analysis of byline analyze")
                continue
            made: dict[str, Any] = data["byline"] if isinstance(data.get("byline"), dict) else {}
            yield _analysed({**data["article"], "article_id": data.get("id"), **made}, data, made, name)


def _analysed(meta: dict[str, Any], analysis: Any, made: dict[str, Any], name: str) -> Analysed:
    key = str(meta.get("article_id") or name)
    versions = (made.get("model_version"), made.get("extraction"))
    text = meta.get("text")
    if not isinstance(text, str) or not text:
        return Analysed(key, None, None, versions, f"{name}: no article text (results of an older byline?)")
    try:
        found = Analysis.from_dict(orjson.loads(analysis) if isinstance(analysis, str | bytes) else analysis)
        article = Article(
            text=text,
            source=str(meta.get("source") or key),
            title=str(meta.get("title") or ""),
            path=Path(meta["path"]) if meta.get("path") else None,
            url=meta.get("url"),
            site=meta.get("site"),
            authors=tuple(meta.get("authors") or ()),
            published=meta.get("published"),
            kind=str(meta.get("kind") or "text"),
        )
    except (TypeError, KeyError, ValueError, ArticleError) as exc:
        return Analysed(
            key, None, None, versions, f"{name}: not an analysis this byline can read ({one_line(str(exc))[:120]})"
        )
    if found.sha256 != article.sha256:
        return Analysed(key, None, None, versions, f"{name}: the analysis is of another text")
    return Analysed(key, article, found, versions)
