"""The analysis and the annotations in one JSON document."""

from __future__ import annotations

from ..bundle import Bundle, article_meta
from .jsontext import dumps


def render_json(b: Bundle) -> str:
    data = {
        "schema": "byline.export/1",
        "article": {**article_meta(b.article), "text": b.article.text},
        "analysis": b.analysis.to_dict() if b.analysis else None,
        "labels": [{"name": lab.name, "key": lab.key, "color": lab.color} for lab in b.labels],
        # `tagged` is the passage as it was tagged; `passage_changed` says the text under the
        # anchor (anchor.exact) differs from it: the article was edited there since.
        "annotations": [{**a.to_dict(), "tagged": a.tagged, "passage_changed": a.passage_changed}
                        for a in b.annotations],
    }
    return dumps(data, indent=1) + "\n"
