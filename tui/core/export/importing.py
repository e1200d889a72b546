"""Reading an export back into the store: find the article it belongs to, place its annotations
and say what was added. The command line prints the result; nothing here prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExportError
from ..sources import Article, load_article
from .jsonl import annotations_from_jsonl
from .reading import read_export, source_to_path
from .w3c import annotations_from_w3c, target_source, w3c_items

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store


@dataclass
class ImportResult:
    article: Article
    found: int  # annotations in the export
    added: int  # new to the store
    orphans: int  # could not be placed in the text; kept as orphans

    @property
    def already(self) -> int:
        return self.found - self.added


def article_named_by(kind: str, data) -> Article:
    """The article an export names as its target, when it names one by path."""
    if kind == "w3c":
        sources = {target_source(item) for item in w3c_items(data)} - {None}
        paths = [p for p in (source_to_path(s) for s in sources) if p is not None]
        if not paths:
            raise ExportError("the export does not name its article by path; give it with --article")
        return load_article(paths[0])
    first = data[0] if isinstance(data, list) else {}
    source = (first.get("meta") or {}).get("source")
    if not source or not Path(source).exists():
        raise ExportError("the export does not name an article that exists here; give it with --article")
    return load_article(source)


def import_file(path: Path, article: Article | None, store: "Store") -> ImportResult:
    """Import a w3c or jsonl export into `store`, attached to `article` (or the one it names)."""
    from ..session import Session

    kind, data = read_export(path)
    if article is None:
        article = article_named_by(kind, data)
    if store.readonly:
        raise ExportError(store.problem or "the annotation store is read-only")
    session = Session.open(article, store)
    read = annotations_from_w3c if kind == "w3c" else annotations_from_jsonl
    found = read(data, session.key, article.text)
    added = session.import_many(found)
    return ImportResult(article, len(found), added, sum(a.orphan for a in found))
