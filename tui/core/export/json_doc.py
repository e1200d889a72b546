"""The analysis and the annotations in one JSON document."""

from __future__ import annotations

import json

from ..bundle import Bundle


def render_json(b: Bundle) -> str:
    data = {
        "schema": "byline.export/1",
        "article": {"source": b.article.source, "title": b.article.title, "sha256": b.article.sha256,
                    "text": b.article.text},
        "analysis": b.analysis.to_dict() if b.analysis else None,
        "labels": [{"name": lab.name, "key": lab.key, "color": lab.color} for lab in b.labels],
        "annotations": [a.to_dict() for a in b.annotations],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
