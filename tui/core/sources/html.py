"""Web pages: the story's text and metadata, without navigation, promotions, related links,
comments and footers (trafilatura finds the main text; we lay it out).

The text is laid out as our plain-text articles are: the headline first, one block per
paragraph or heading with a blank line between, list items and table rows one per line. It is
deterministic for the same page, since every offset of the analysis and the annotations
refers to it.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ArticleError
from ..visible import one_line, shown_name, visible
from .article import Article
from .text import from_text

if TYPE_CHECKING:  # pragma: no cover
    from lxml.etree import _Element

#: Fewer words than this besides the headline is no story: a page of links, a cookie wall.
MIN_WORDS = 10
#: Numeric character references to control characters (`&#27;`), which lxml refuses and a
#: terminal would obey: shown as the pictures `visible()` gives the characters themselves.
_CONTROL_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WHITE = re.compile(r"\s+")
#: What a page starts with: a doctype, <html>, or a comment or XML declaration first.
_HTML_START = re.compile(r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_PARTS = re.compile(r"<(?:head|body|title|meta|p|div|article)[\s>/]", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A web page by its content: it starts as one does, or its start is mostly page markup."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    stripped = head.lstrip()
    return stripped.startswith("<") and len(_HTML_PARTS.findall(head)) >= 2


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first kilobytes (`<meta charset=...>`)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


@cache
def _trafilatura():
    """trafilatura, imported when the first page is read; its loggers kept quiet (what goes
    wrong reaches the user as one line of ours)."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
    import trafilatura

    return trafilatura


def _control_ref(match: re.Match[str]) -> str:
    hex_code, dec_code = match.groups()
    try:
        char = chr(int(hex_code, 16) if hex_code else int(dec_code))
    except (ValueError, OverflowError):
        return "\ufffd"
    picture = visible(char)
    return picture if picture != char or char in "\t\n" else match.group()


def html_article(
    html: str, source: str, path: Path | None = None, url: str | None = None, warnings: tuple[str, ...] = ()
) -> Article:
    """The article in a web page's HTML; `url` is where it was fetched from."""
    name = "standard input" if source == "<stdin>" else shown_name(source)
    html = _CONTROL_REF.sub(_control_ref, visible(html))
    trafilatura = _trafilatura()
    from trafilatura.settings import set_date_params

    # the date from the page's metadata and markup only: searching its text finds any year
    options = dict(
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params=set_date_params(extensive=False),
    )
    try:
        doc = trafilatura.bare_extraction(html, **options)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura cannot read is the page's fault
        raise ArticleError(f"{name}: this page cannot be read ({type(exc).__name__})") from None
    if doc is None or doc.body is None:
        raise ArticleError(f"{name}: no article text found in this page")
    blocks = [b for b in (_block_text(child) for child in doc.body) if b]
    title = _clean(doc.title)
    if sum(len(b.split()) for b in blocks if not (title and _same(b, title))) < MIN_WORDS:
        raise ArticleError(f"{name}: no article text found in this page")
    if title and not (blocks and _same(blocks[0], title)):
        blocks.insert(0, title)
    authors = tuple(a for a in (_clean(part) for part in re.split(r";|\band\b", doc.author or "")) if a)
    return from_text(
        "\n\n".join(blocks) + "\n",
        source,
        path,
        title=title or None,
        url=_clean(doc.url) or url,
        site=_clean(doc.sitename) or _clean(doc.hostname),
        authors=authors,
        published=_clean(doc.date),
        kind="html",
        warnings=warnings,
    )


def _clean(value: str | None) -> str | None:
    """A metadata field as one line of visible text, or None."""
    if not value:
        return None
    return _WHITE.sub(" ", one_line(value)).strip() or None


def _same(block: str, title: str) -> bool:
    return _WHITE.sub(" ", block).strip().casefold() == title.casefold()


def _block_text(element: _Element) -> str:
    """One block of the story: its text, lines for list items and table rows."""
    if element.tag == "list":
        return "\n".join(line for item in element.iter("item") if (line := _tidy(_inline(item, skip="list"))))
    if element.tag == "table":
        rows = (" | ".join(_tidy(_inline(cell)) for cell in row.iter("cell")) for row in element.iter("row"))
        return "\n".join(row for row in rows if row.strip(" |"))
    if element.tag == "graphic":
        return ""
    return "\n".join(line for line in (_tidy(part) for part in _inline(element).split(_BREAK)) if line)


#: Where a line break (<br>, a nested block) falls while an element's text is gathered: no
#: such character is left in the page after `visible()`.
_BREAK = "\x00"


def _inline(element: _Element, skip: str = "") -> str:
    """The text inside an element, `skip` subtrees left out, line breaks marked by _BREAK."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(_BREAK)
        elif child.tag in ("p", "head", "list", "quote", "item", "row"):
            parts.append(_BREAK + _inline(child, skip) + _BREAK if child.tag != skip else "")
        elif child.tag != skip:
            parts.append(_inline(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _tidy(text: str) -> str:
    """One line: white space runs (line breaks included) as one space."""
    return _WHITE.sub(" ", text.replace(_BREAK, " ")).strip()
