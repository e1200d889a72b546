"""Byline as a user-defined function of another engine (Spark, Ray, a notebook): texts in, one
JSON document per text out, the record `byline analyze --output x.jsonl` writes.

It is `analyze_batch` on records made from plain strings; the pipeline is loaded once per
process, on the first call. See the README's corpus section for the Spark and Ray recipes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..export.jsontext import dumps
from .engine import analyze_batch
from .inputs import MAX_TEXT, Item
from .output import record, versions


def analyze_texts(texts: Sequence[str | None], ids: Sequence[str] | None = None, model: str | None = None) -> list[str]:
    """One JSON document per text, in order: the analysis with the article's metadata and text,
    or `{"id", "error"}` for a text that cannot be analysed (empty, too long, a failed parse)."""
    from ..nlp import default_model

    name = model or default_model()
    keys = [str(i) for i in ids] if ids is not None else [str(n) for n in range(len(texts))]
    items = []
    for key, text in zip(keys, texts, strict=True):
        if not isinstance(text, str) or not text.strip():
            items.append(Item(id=key, source=key, error=f"{key}: no text"))
        elif len(text) > MAX_TEXT:
            items.append(Item(id=key, source=key, error=f"{key}: the text is over {MAX_TEXT // 2**20} MiB"))
        else:
            items.append(Item(id=key, source=key, text=text))
    made = versions(name)
    return [
        dumps(record(o.id, o, made)) if o.error is None else dumps({"id": o.id, "error": o.error})
        for o in analyze_batch(items, name)
    ]
