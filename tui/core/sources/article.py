"""An article as the reader sees it: the text every offset refers to, and where it came from."""

from __future__ import annotations

import hashlib
import re
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


#: Lines that are no headline: a photo caption or credit ("Photo: ...", "... (AP Photo/Ada Lund)"),
#: a byline ("By Ada Lund", "Ada Lund, The Associated Press").
_NOT_A_HEADLINE = re.compile(
    r"^(open this photo in gallery|(photo(graph)?|image|picture|file photo|caption|credit)\s*(:|by\b)"
    r"|\(?(ap|afp|reuters) photo|(?-i:By\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$))"
    r"|(getty images|/ap photo|/reuters|/afp|via getty|shutterstock)\W*\)?\s*$"
    r"|\([^)]*\b(photo|photograph|image|file)\b[^)]*\)\s*$"
    r"|,\s+(the\s+)?(associated press|canadian press|reuters|afp)\.?\s*$"
    # a page's furniture, not its headline: "Article Continued Below", "Story continues below advertisement"
    r"|^(article|story)\s+continue[sd]?\s+below\b|^advertisement\s*$|^read more(\s+about)?\s*:",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A line longer than this is a paragraph, not a headline.
HEADLINE_AT_MOST = 150
TITLE_AT_MOST = 120


def title_of(text: str) -> str:
    """The article's title: the first line that reads as a headline (two words or more, not a
    photo caption, a credit or a byline, not a whole paragraph), without Markdown heading marks;
    where none comes before the first paragraph, the start of that paragraph, cut at a word (a
    short line further down is a line of the story: "What do you think?")."""
    first = ""
    for raw in text.splitlines()[:40]:
        line = raw.strip().lstrip("#").strip()
        if len(_WORD.findall(line)) < 2 or _NOT_A_HEADLINE.search(line):
            continue
        if len(line) <= HEADLINE_AT_MOST:
            return line
        first = line
        break
    if not first:  # nothing reads as a headline: the first line with a word, as it is
        return next((s for s in (r.strip().lstrip("#").strip() for r in text.splitlines()) if s), "")[:200]
    sentence = re.split(r"(?<=[.!?])\s+", first, maxsplit=1)[0]
    if len(sentence) <= TITLE_AT_MOST:
        return sentence
    return sentence[:TITLE_AT_MOST].rsplit(" ", 1)[0].rstrip(",;:") + "…"
