"""An article as the reader sees it: the text every offset refers to, and where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..visible import visible


@dataclass(frozen=True)
class Article:
    """The loaded text and its metadata. `text` is what analyses, annotations and exports index."""

    text: str
    source: str  # where it came from, as the user named it: a path, a URL, "<stdin>"
    title: str
    path: Path | None = None  # the file, resolved, when it came from one
    url: str | None = None  # the canonical URL of a web page
    site: str | None = None  # the publication ("Al Jazeera")
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date
    kind: str = "text"  # text | markdown | html
    #: what the reader should know about how it was read ("3 invalid UTF-8 byte sequences ...")
    warnings: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return text_hash(self.text)

    @property
    def name(self) -> str:
        """A short name for the status line: the file name, else the site or the source."""
        if self.path is not None:
            return visible(self.path.name)
        return self.site or self.source

    def metadata(self) -> dict:
        """Where the article came from and what it says about itself, for JSON output."""
        return {
            "source": self.source,
            "title": self.title,
            "path": visible(str(self.path)) if self.path else None,
            "url": self.url,
            "site": self.site,
            "authors": list(self.authors),
            "published": self.published,
            "kind": self.kind,
            "sha256": self.sha256,
            "words": len(self.text.split()),
            "warnings": list(self.warnings),
        }


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(text: str) -> str:
    """The first non-empty line, without Markdown heading marks."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""
