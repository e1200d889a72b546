"""A declared charset that is no text encoding (`rot13`, `hex`, `base64`, `zlib`, `undefined`,
`punycode`), in a `<meta>` or a Content-Type, is taken as not declared: the page is read from its
bytes, never an internal error, and a folder add goes on."""

from __future__ import annotations

import encodings.aliases
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.core.errors import ArticleError
from byline.tui.core.sources import from_bytes
from byline.tui.core.sources.decode import text_codec

from .test_cli import byline

EXAMPLES = int(os.environ.get("BYLINE_PROPERTY_EXAMPLES", "100"))
STORY = "The harbour board said on Monday that the new pier would cost twelve million euros. " * 3
NOT_TEXT = ["rot13", "hex", "base64", "zlib", "undefined", "punycode", "bz2", "uu", "quopri", "idna", "unicode_escape"]
#: Every codec name Python knows, aliases included.
CODEC_NAMES = sorted(set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values()) | set(NOT_TEXT))


def page(charset: str) -> bytes:
    return (
        f'<html><head><meta charset="{charset}"><title>Pier costs</title></head>'
        f"<body><article><p>{STORY}</p></article></body></html>"
    ).encode("ascii", "replace")


@pytest.mark.parametrize("charset", NOT_TEXT)
def test_a_codec_that_is_no_charset_is_not_declared(charset):
    assert text_codec(charset) is None
    for article in (
        from_bytes(page(charset), "page.html", kind="html"),
        from_bytes(page("utf-8"), "page.html", kind="html", declared=charset),
    ):
        assert "twelve million euros" in article.text


def test_real_charsets_are_still_read():
    assert text_codec("latin-1") == "iso8859-1" and text_codec(" 'UTF-8' ") == "utf-8"
    data = f"<html><head><meta charset=iso-8859-1></head><body><p>{STORY} Café Zürich.</p></body></html>"
    assert "Café Zürich" in from_bytes(data.encode("latin-1"), "p.html", kind="html").text


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    charset=st.one_of(st.sampled_from(CODEC_NAMES), st.text(max_size=20)),
    body=st.binary(max_size=200),
    where=st.sampled_from(["meta", "http"]),
)
def test_any_declared_charset_reads_or_refuses_in_one_line(charset, body, where):
    data = page(charset.replace('"', "")) + body if where == "meta" else STORY.encode() + body
    try:
        article = from_bytes(data, "page", kind="html" if where == "meta" else None, declared=charset or None)
    except ArticleError as exc:
        assert "\n" not in str(exc)
    else:
        article.text.encode("utf-8")


def test_a_folder_add_goes_past_a_page_that_declares_rot13(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, charset in (("a.html", "rot13"), ("b.html", "zlib"), ("c.html", "utf-8")):
        (folder / name).write_bytes(page(charset).replace(b"Monday", name.encode()))
    result = byline("add", str(folder), "--jobs", "1")
    assert result.returncode == 0, result.stderr.decode()
    assert "added 3 articles" in result.stderr.decode()
