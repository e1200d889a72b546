"""The analysis as the tables a pandas or DuckDB user joins: articles, quotes, actors, figures.

Every table has `article_id`, the corpus item's id; quotes name their speaker's actor by
`speaker_actor`, which is an `actor_id` of the same article in the actors table. Offsets are
character offsets into `articles.text`, end excluded. The articles table also keeps the whole
analysis as JSON (`analysis`), so `byline add --analyses` can bring an article into the library
as it was analysed, entities and mentions included.
"""

from __future__ import annotations

from typing import Any

from ..export.jsontext import dumps
from ..model import Analysis
from ..sources import Article

TABLES = ("articles", "quotes", "actors", "figures")


def schemas() -> dict[str, Any]:
    """The Arrow schema of each table (fixed: every shard has the same columns and types)."""
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return {
        "articles": pa.schema(
            [
                ("article_id", pa.string()),
                ("source", pa.string()),
                ("path", pa.string()),
                ("title", pa.string()),
                ("url", pa.string()),
                ("site", pa.string()),
                ("published", pa.string()),
                ("authors", strings),
                ("kind", pa.string()),
                ("words", pa.int64()),
                ("sha256", pa.string()),
                ("model", pa.string()),
                ("model_version", pa.string()),
                ("extraction", pa.string()),
                ("actors", pa.int64()),
                ("quotes", pa.int64()),
                ("figures", pa.int64()),
                ("text", pa.large_string()),
                ("analysis", pa.large_string()),
            ]
        ),
        "quotes": pa.schema(
            [
                ("article_id", pa.string()),
                ("quote", pa.int64()),
                ("speaker", pa.string()),
                ("speaker_actor", pa.string()),
                ("kind", pa.string()),
                ("anonymous", pa.bool_()),
                ("words", pa.int64()),
                ("cue", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("text", pa.string()),
            ]
        ),
        "actors": pa.schema(
            [
                ("article_id", pa.string()),
                ("actor_id", pa.string()),
                ("name", pa.string()),
                ("type", pa.string()),
                ("roles", strings),
                ("aliases", strings),
                ("mentions", pa.int64()),
                ("quotes", pa.int64()),
                ("unnamed", pa.bool_()),
                ("first_start", pa.int64()),
            ]
        ),
        "figures": pa.schema(
            [
                ("article_id", pa.string()),
                ("figure", pa.int64()),
                ("text", pa.string()),
                ("value", pa.float64()),
                ("unit", pa.string()),
                ("qualifier", pa.string()),
                ("kind", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
            ]
        ),
    }


def rows(
    key: str, article: Article, analysis: Analysis, versions: tuple[str | None, str | None]
) -> dict[str, list[dict]]:
    """One analysed article as rows of each table. `versions` are the pipeline's version and
    the extraction code's, by which `add --analyses` knows whether it may cache the analysis."""
    quotes_by: dict[str, int] = {}
    for quote in analysis.quotes:
        if quote.speaker_actor:
            quotes_by[quote.speaker_actor] = quotes_by.get(quote.speaker_actor, 0) + 1
    return {
        "articles": [
            {
                "article_id": key,
                **{k: v for k, v in article.metadata().items() if k != "warnings"},
                "model": analysis.model,
                "model_version": versions[0],
                "extraction": versions[1],
                "actors": len(analysis.actors),
                "quotes": len(analysis.quotes),
                "figures": len(analysis.numbers),
                "text": article.text,
                "analysis": dumps(analysis.to_dict()),
            }
        ],
        "quotes": [
            {
                "article_id": key,
                "quote": n,
                "speaker": q.speaker,
                "speaker_actor": q.speaker_actor,
                "kind": q.kind,
                "anonymous": q.anonymous,
                "words": len(q.text.split()),
                "cue": q.cue,
                "start": q.start,
                "end": q.end,
                "text": q.text,
            }
            for n, q in enumerate(analysis.quotes)
        ],
        "actors": [
            {
                "article_id": key,
                "actor_id": a.id,
                "name": a.name,
                "type": a.type,
                "roles": list(a.roles),
                "aliases": list(a.aliases),
                "mentions": len(a.mentions),
                "quotes": quotes_by.get(a.id, 0),
                "unnamed": a.unnamed,
                "first_start": min((m[0] for m in a.mentions), default=None),
            }
            for a in analysis.actors
        ],
        "figures": [
            {
                "article_id": key,
                "figure": n,
                "text": f.text,
                "value": None if f.value is None else float(f.value),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "kind": f.kind,
                "start": f.start,
                "end": f.end,
            }
            for n, f in enumerate(analysis.numbers)
        ],
    }
