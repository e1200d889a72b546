"""A whole archive at once: corpus inputs read as a stream, analysed in batches on local
processes or a Dask cluster, results written in shards a restarted run picks up from.

- inputs.py   what a corpus is made of (folders, JSON Lines, CSV, Parquet, WARC) -> Items
- engine.py   the pure function that analyses a batch (`analyze_batch`, also a Spark or Ray
              UDF) and the runners that spread batches over processes or a cluster
- tables.py   the analysis as rows: articles, quotes, actors, figures
- output.py   JSON Lines or Parquet shards, the errors file, what a restart skips
- results.py  reading results back as (Article, Analysis) for `byline add --analyses`
- udf.py      `analyze_texts`: texts in, JSON out, for Spark, Ray or a notebook
"""

from __future__ import annotations

from .engine import Outcome, analyze_batch
from .inputs import Fields, Item, count_items, read_items
from .udf import analyze_texts

__all__ = ["Fields", "Item", "Outcome", "analyze_batch", "analyze_texts", "count_items", "read_items"]
