"""Where articles come from: one loader per kind of input, behind `load_article(location) -> Article`.

A location is a path, "-" for standard input, or an http(s) URL. The loader is chosen by what
the input is: a URL is fetched (and only then is anything fetched); a `.md` file is Markdown and
an `.html` file a web page; anything else, standard input included, is recognised by its
content (a web page by its markup, Markdown by a heading or front matter at the top), else
read as plain text. Every kind ends in the same Article, whose text all offsets refer to.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import ArticleError
from ..paths import resolved
from .article import Article, text_hash, title_of
from .decode import MAX_BYTES, decode
from .fetch import TIMEOUT, fetch, is_url, without_credentials
from .html import html_article, looks_like_html, meta_charset
from .markdown import looks_like_markdown, markdown_article
from .text import display_name, from_text, read_file, read_stdin

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "MAX_BYTES",
    "from_bytes",
    "from_text",
    "is_url",
    "kind_of_path",
    "load_article",
    "seed_path",
    "text_hash",
    "title_of",
]

#: File name endings by the loader that reads them (others are recognised by content).
SUFFIX_KINDS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
#: What a folder's articles end with (`byline analyze FOLDER`, `byline add FOLDER`).
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def load_article(location: str | Path, *, timeout: float = TIMEOUT) -> Article:
    """Open an article, raising ArticleError with a one-line reason when it cannot be read.
    `timeout` bounds the fetch of a URL, in seconds."""
    text = str(location)
    if not text.strip():  # Path("") is the working folder: never read it for an empty argument
        raise ArticleError("an empty name is no article: give a file, a URL or - for standard input")
    if text == "-":
        return from_bytes(read_stdin(), "<stdin>")
    if is_url(text):
        url = without_credentials(text)
        page = fetch(url, timeout=timeout)
        article = from_bytes(page.data, url, kind=page.kind, declared=page.charset, url=page.url)
        if article.url:
            article = replace(article, url=without_credentials(article.url))
        if url != text:
            said = (
                f"{display_name(url)}: the user name and password in the address were left out (never sent, never kept)"
            )
            article = replace(article, warnings=(*article.warnings, said))
        return article
    path = Path(text).expanduser()
    return from_bytes(read_file(path), str(path), resolved(path), kind=kind_of_path(path))


def kind_of_path(path: Path) -> str | None:
    """The loader a file's name asks for ("text": plain unless it is plainly a web page), or
    None to recognise it by its content."""
    return SUFFIX_KINDS.get(path.suffix.lower())


def from_bytes(
    data: bytes,
    source: str,
    path: Path | None = None,
    *,
    kind: str | None = None,
    declared: str | None = None,
    url: str | None = None,
) -> Article:
    """An Article from an input's bytes. `kind` is "markdown" or "html" when the name or the
    server said so, "text" for plain text (unless it is plainly a web page), None to tell by the
    content; `declared` is the charset the source named; `url` where a page was fetched from."""
    name = display_name(source)
    if not data.strip():
        raise ArticleError(f"{name} is empty: there is no article to read")
    decoded = decode(data, name, declared)
    if kind in (None, "text") and looks_like_html(decoded.text):
        kind = "html"  # a saved page or a server's mislabelled one: its markup is no article
    elif kind is None:
        kind = "markdown" if looks_like_markdown(decoded.text) else "text"
    if kind == "html":
        meta = None if declared else meta_charset(data)
        if meta:  # a byte-order mark still wins, as in browsers
            decoded = decode(data, name, meta)
        return html_article(decoded.text, source, path, url=url, warnings=decoded.warnings)
    if kind == "markdown":
        return markdown_article(decoded.text, source, path, url=url, warnings=decoded.warnings)
    return from_text(decoded.text, source, path, url=url, warnings=decoded.warnings)


def seed_path() -> Path:
    """The bundled sample article, the default when no file is given."""
    from importlib.resources import files

    return Path(str(files("byline.seeds") / "nato_riga.txt"))
