"""Everything an export needs about one article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from .annotation import Annotation, Label
from .model import Analysis
from .paths import resolved
from .sources import Article


@dataclass
class Bundle:
    """Everything an export needs about one article."""

    article: Article
    analysis: Analysis | None
    annotations: list[Annotation]
    labels: tuple[Label, ...]

    @property
    def notes(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == "annotation"]

    def entity_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, entity type) of every entity of the (corrected) analysis."""
        if self.analysis is None:
            return []
        return [(e.start, e.end, e.type) for e in self.analysis.entities]

    @property
    def corrections(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == "correction" and not a.orphan]


def source_uri(article: Article) -> str:
    """What an export names the article by: its canonical URL, else its file, else its text."""
    if article.url:
        return article.url
    if article.path is not None:
        return resolved(article.path).as_uri()
    return f"urn:sha256:{article.sha256}"


def article_meta(article: Article) -> dict:
    """The article's metadata as exports carry it (null where unknown)."""
    return {
        "source": article.source,
        "title": article.title,
        "sha256": article.sha256,
        "url": article.url,
        "site": article.site,
        "authors": list(article.authors),
        "published": article.published,
        "kind": article.kind,
    }


def today() -> str:
    return datetime.now(UTC).date().isoformat()
