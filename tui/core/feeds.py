"""Feeds: what a news site publishes of its new stories (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed),
read into plain items, and the feed a site's page names (`<link rel="alternate">`).

feedparser reads every XML kind; it does not read JSON Feed, which is plain JSON read here. A
feed's summaries are HTML: kept as text, they stand in for a story whose page cannot be read.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin

from .errors import FeedError
from .visible import one_line

#: What a feed is asked for with: every feed kind first, a page (to find its feed) last.
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, text/html;q=0.5, */*;q=0.1"
)
#: Media types a page names its feeds by in `<link rel="alternate" type=...>`.
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
)
_JSON_FEED = re.compile(r"^https?://jsonfeed\.org/version/", re.IGNORECASE)
_WHITE = re.compile(r"[ \t\r\f\v]+")
_BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


@dataclass(frozen=True)
class Item:
    """One story a feed lists."""

    key: str  # what the feed calls it (its id, else its link, else a hash of its title)
    link: str | None
    title: str
    authors: tuple[str, ...]
    published: str | None  # ISO date (YYYY-MM-DD)
    summary: str  # the feed's own text of it, as plain text ("" when it gives none)


@dataclass(frozen=True)
class Feed:
    """A feed as read: its title, the site it belongs to, its items, and what kind it is."""

    title: str
    site: str | None
    items: tuple[Item, ...]
    kind: str  # "rss20", "atom10", "json1", ... (feedparser's names, "json" + version for JSON Feed)
    warnings: tuple[str, ...] = ()


def parse_feed(data: bytes, url: str, media_type: str = "") -> Feed:
    """The feed in `data` fetched from `url`; FeedError with one line when it is none."""
    name = one_line(url)
    head = data[:512].lstrip()
    if media_type in ("application/feed+json", "application/json") or head.startswith(b"{"):
        return _json_feed(data, url, name)
    return _xml_feed(data, url, name)


def _xml_feed(data: bytes, url: str, name: str) -> Feed:
    import feedparser

    if not data.lstrip().startswith(b"<"):
        raise FeedError(f"{name}: this is not a feed (RSS, Atom or JSON Feed)")
    parsed = feedparser.parse(data, response_headers={"content-location": url})
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe):  # an encoding or media type mislabelled
        problem = None
    if problem is not None and not parsed.entries:
        where = f" (line {problem.getLineNumber()})" if hasattr(problem, "getLineNumber") else ""
        raise FeedError(f"{name}: the feed is not well-formed XML{where}")
    if not parsed.version and not parsed.entries:
        raise FeedError(f"{name}: this is not a feed (RSS, Atom or JSON Feed)")
    warnings: tuple[str, ...] = ()
    if problem is not None:
        warnings = (f"{name}: the feed has mistakes ({one_line(str(problem))[:80]}); what could be read is kept",)
    info = parsed.feed
    items = tuple(_xml_item(entry, url) for entry in parsed.entries)
    return Feed(
        title=_line(info.get("title")) or name,
        site=_absolute(url, info.get("link")),
        items=tuple(i for i in items if i is not None),
        kind=parsed.version or "unknown",
        warnings=warnings,
    )


def _xml_item(entry, url: str) -> Item | None:
    link = _absolute(url, entry.get("link"))
    title = _line(entry.get("title"))
    authors = _authors(entry)
    content = entry.get("content") or ()
    html = max((c.get("value") or "" for c in content), key=len, default="") or entry.get("summary") or ""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(parsed[0], parsed[1], parsed[2]).isoformat() if parsed else None
    key = _line(entry.get("id")) or link or (_hash(title) if title else None)
    if key is None:
        return None
    return Item(key, link, title, authors, published, html_text(html))


def _authors(entry) -> tuple[str, ...]:
    """The names of an item's authors; RSS 2.0 writes "desk@site.example (Ada Lund)"."""
    from email.utils import parseaddr

    written = entry.get("author")
    if isinstance(written, str) and "@" in written:
        name = _line(parseaddr(written)[0])
        return (name,) if name else ()
    return tuple(a for a in (_line(x.get("name")) for x in entry.get("authors") or ()) if a)


def _json_feed(data: bytes, url: str, name: str) -> Feed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FeedError(f"{name}: the feed is not valid JSON") from None
    if not isinstance(doc, dict) or not _JSON_FEED.match(str(doc.get("version", ""))):
        raise FeedError(f"{name}: this is not a feed (RSS, Atom or JSON Feed)")
    items = []
    for raw in doc.get("items") or ():
        if not isinstance(raw, dict):
            continue
        link = _absolute(url, raw.get("url") if isinstance(raw.get("url"), str) else None)
        title = _line(raw.get("title") if isinstance(raw.get("title"), str) else "")
        people = raw.get("authors") or ([raw["author"]] if isinstance(raw.get("author"), dict) else [])
        authors = tuple(a for a in (_line(p.get("name")) for p in people if isinstance(p, dict)) if a)
        html = raw.get("content_html") or raw.get("summary") or ""
        text = html_text(html) if isinstance(html, str) and html else _text(raw.get("content_text"))
        key = _line(str(raw.get("id") or "")) or link or (_hash(title) if title else None)
        if key is not None:
            items.append(Item(key, link, title, authors, _iso_date(raw.get("date_published")), text))
    version = str(doc.get("version")).rstrip("/").rsplit("/", 1)[-1]
    return Feed(
        title=_line(doc.get("title") if isinstance(doc.get("title"), str) else "") or name,
        site=_absolute(url, doc.get("home_page_url") if isinstance(doc.get("home_page_url"), str) else None),
        items=tuple(items),
        kind=f"json{version}",
    )


def feed_links(html: bytes, url: str) -> list[str]:
    """The feeds a web page names (`<link rel="alternate" type="application/rss+xml" href=...>`),
    in the page's order, as absolute URLs."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        root = lxml_html.document_fromstring(html)
    except (ParserError, ValueError):
        return []
    found: list[str] = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = link.get("href")
        if "alternate" in rel and kind in FEED_TYPES and href:
            absolute = _absolute(url, href)
            if absolute and absolute not in found:
                found.append(absolute)
    return found


def looks_like_page(data: bytes, media_type: str) -> bool:
    """Whether an answer is a web page rather than a feed (a site's address was given)."""
    if media_type in ("text/html", "application/xhtml+xml"):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def html_text(html: str) -> str:
    """A feed's HTML summary as plain text: one paragraph per block, blank lines between."""
    if "<" not in html:
        return _text(html)
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return _text(re.sub(r"<[^>]*>", " ", html))
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    return _text(root.text_content())


def _text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    paragraphs = (_WHITE.sub(" ", p).strip() for p in re.split(r"\n\s*\n", value.replace("\xa0", " ")))
    return "\n\n".join(" ".join(p.split("\n")).strip() for p in paragraphs if p.strip())


def _line(value: object) -> str:
    return " ".join(one_line(value).split()) if isinstance(value, str) else ""


def _absolute(base: str, href: object) -> str | None:
    if not isinstance(href, str) or not href.strip():
        return None
    absolute = urljoin(base, href.strip())
    return absolute if absolute.lower().startswith(("http://", "https://")) else None


def _hash(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None
