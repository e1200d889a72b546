"""Markdown articles, shown and analysed as text: headings, emphasis and link text without their
markup, one paragraph per block, list items and table rows one per line (markdown-it-py, which
Textual already brings, reads the Markdown; we lay out its token stream).

A YAML front matter block (`---` ... `---`, as static site generators write) gives the title,
authors, date, site and URL when it has them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..visible import one_line
from .article import Article
from .text import from_text

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_LIST_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*)$")
_ATX_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+\S")
#: Where a script or style element starts, and where one ends: only ever matched at a known
#: place or searched for once per element, so stripping markup stays linear in its length.
_RAW_START = re.compile(r"<(script|style)\b", re.IGNORECASE)
_RAW_END = {"script": re.compile(r"</script\s*>", re.IGNORECASE), "style": re.compile(r"</style\s*>", re.IGNORECASE)}
_WHITE = re.compile(r"[ \t]+")

#: Front matter keys we read, by the Article field they fill.
_KEYS = {
    "title": ("title", "headline"),
    "authors": ("authors", "author", "byline"),
    "published": ("date", "published", "pubdate", "publishdate"),
    "url": ("url", "canonical_url", "canonical", "link"),
    "site": ("site", "site_name", "sitename", "publication", "source"),
}


def looks_like_markdown(text: str) -> bool:
    """Markdown by its content (for standard input): front matter, or a first line that is an
    ATX heading ("# Title"). Plain text rarely starts either way."""
    return bool(_FRONT_MATTER.match(text)) or bool(_ATX_HEADING.match(text.lstrip("\ufeff")[:300]))


def markdown_article(
    source_text: str, source: str, path: Path | None = None, url: str | None = None, warnings: tuple[str, ...] = ()
) -> Article:
    meta, body = front_matter(source_text)
    blocks = markdown_blocks(body)
    heading = next(
        (m.group(1).strip() for m in [re.match(r"[ \t]*#[ \t]+(.+)", body.lstrip("\ufeff \t\r\n"))] if m), None
    )
    title = meta.get("title") or heading  # the front matter's title, else a first "# heading"
    if title and not (blocks and blocks[0].casefold() == title.casefold()):
        blocks.insert(0, title)
    authors = meta.get("authors") or ()
    return from_text(
        "\n\n".join(blocks) + "\n",
        source,
        path,
        title=title,
        url=meta.get("url") or url,
        site=meta.get("site"),
        authors=tuple(authors),
        published=meta.get("published"),
        kind="markdown",
        warnings=warnings,
    )


def front_matter(text: str) -> tuple[dict, str]:
    """The metadata in a front matter block and the Markdown after it (simple `key: value`
    lines and `- item` lists; anything else in it is ignored)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, list[str]] = {}
    key = None
    for line in match.group(1).splitlines():
        if (item := _LIST_ITEM.match(line)) and key is not None:
            fields[key].append(_scalar(item.group(1)))
        elif field := _FIELD.match(line):
            key = field.group(1).lower()
            value = field.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                fields[key] = [_scalar(v) for v in value[1:-1].split(",")]
            else:
                fields[key] = [_scalar(value)] if value else []
    meta: dict = {}
    for name, keys in _KEYS.items():
        values = next((fields[k] for k in keys if fields.get(k)), [])
        values = [v for v in values if v]
        if values:
            meta[name] = values if name == "authors" else values[0]
    return meta, text[match.end() :]


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return _WHITE.sub(" ", one_line(value)).strip()


def markdown_blocks(text: str) -> list[str]:
    """The blocks of a Markdown text as plain text, in order."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    blocks: list[str] = []
    lines: list[str] | None = None  # inside a list or a table: its lines make one block
    depth = 0
    row: list[str] = []
    in_cell = False
    for token in parser.parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open", "table_open"):
            if depth == 0:
                lines = []
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close", "table_close"):
            depth -= 1
            if depth == 0 and lines is not None:
                blocks.append("\n".join(line for line in lines if line))
                lines = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and lines is not None:
            if any(row):
                lines.append(" | ".join(row))
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind in ("inline", "fence", "code_block", "html_block"):
            content = _inline_text(token) if kind == "inline" else _block_content(token)
            if in_cell:
                row.append(content.replace("\n", " "))
            elif lines is not None:
                lines.append(content)
            elif content:
                blocks.append(content)
    return [b for b in blocks if b.strip()]


def _block_content(token) -> str:
    if token.type == "html_block":
        return _WHITE.sub(" ", one_line(html.unescape(strip_markup(token.content)))).strip()
    return token.content.rstrip("\n")


def strip_markup(content: str) -> str:
    """The text of an HTML block: tags, comments, scripts and styles each become one space.

    A scan with `str.find`, never a regular expression that could backtrack: each character is
    looked at a bounded number of times, so Markdown full of `<` takes time in proportion to
    its size (a `<` with no `>` after it is text, as in a browser)."""
    out: list[str] = []
    pos, size = 0, len(content)
    while pos < size:
        start = content.find("<", pos)
        if start < 0:
            break
        out.append(content[pos:start])
        if content.startswith("<!--", start):
            end = content.find("-->", start + 4)
            pos = size if end < 0 else end + 3
        elif raw := _RAW_START.match(content, start):
            close = _RAW_END[raw.group(1).lower()].search(content, raw.end())
            pos = size if close is None else close.end()
        else:
            end = content.find(">", start + 1)
            if end < 0:  # no tag closes after this: the rest is text
                pos = start
                break
            pos = end + 1
        out.append(" ")
    out.append(content[pos:])
    return "".join(out)


def _inline_text(token) -> str:
    """An inline run as text: the words of emphasis, links and code, breaks where the author
    forced them; images and inline HTML left out."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "\n".join(_WHITE.sub(" ", line).strip() for line in "".join(parts).split("\n")).strip()
