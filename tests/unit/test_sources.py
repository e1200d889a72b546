"""Loaders per kind of input: web pages, Markdown, plain text in any encoding, as a reader gets them."""

from __future__ import annotations

import codecs

import pytest

from byline.tui.core.errors import ArticleError
from byline.tui.core.sources import from_bytes, load_article

from .test_cli import byline

#: A news page written for these tests: the story, and around it what a page has besides.
NEWS_PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour plan approved after long fight | The Pellworth Courier</title>
<meta property="og:title" content="Harbour plan approved after long fight">
<meta property="og:site_name" content="The Pellworth Courier">
<meta name="author" content="Mara Quillen">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
<link rel="canonical" href="https://courier.example/news/harbour-plan">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<div class="promo">Get half off your first year of the Courier. Subscribe now!</div>
<main><article>
<h1>Harbour plan approved after long fight</h1>
<p class="byline">By Mara Quillen</p>
<p>The Pellworth town council approved the new harbour plan on Tuesday after a debate that lasted
more than six hours, ending a dispute that had divided the fishing town for three years.</p>
<h2>What the plan changes</h2>
<p>Councillor Tobias Vennholt, who led the opposition, said the plan would cost 14 million euros
and that the fishing fleet would lose a third of its moorings. &ldquo;We have been heard, but not
listened to,&rdquo; Vennholt said after the vote.</p>
<p>Mayor Ilse Dorrensen said the <em>new quay</em> would bring ferries back to the town for the
first time since 1987, and that the council had <a href="/docs">published every study</a> it had
paid for.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry company bids for route</a></li>
<li><a href="/b">Fish prices fall again</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment">
<p>Reader1234: This council never listens to anyone, what a disgrace for our town.</p></div></section>
</main>
<footer><p>&copy; 2024 The Pellworth Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

STORY = [
    "Harbour plan approved after long fight",
    "approved the new harbour plan on Tuesday",
    "What the plan changes",
    "\u201cWe have been heard, but not listened to,\u201d Vennholt said",
    "the new quay would bring ferries",
    "published every study it had paid for",
]
FURNITURE = [
    "Subscribe",
    "Home",
    "Related stories",
    "Ferry company bids",
    "Reader1234",
    "disgrace",
    "All rights reserved",
    "Privacy policy",
    "half off",
]


def check_story(text: str) -> None:
    for words in STORY:
        assert words in text
    for words in FURNITURE:
        assert words not in text


def test_a_saved_web_page_is_its_story_with_metadata(tmp_path):
    path = tmp_path / "harbour.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    article = load_article(path)
    check_story(article.text)
    assert article.kind == "html"
    assert article.title == "Harbour plan approved after long fight"
    assert article.site == "The Pellworth Courier"
    assert article.authors == ("Mara Quillen",)
    assert article.published == "2024-03-14"
    assert article.url == "https://courier.example/news/harbour-plan"


def test_a_page_keeps_paragraphs_and_headings_as_blocks(tmp_path):
    path = tmp_path / "harbour.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    blocks = load_article(path).text.rstrip("\n").split("\n\n")
    assert blocks[0] == "Harbour plan approved after long fight"
    assert "What the plan changes" in blocks
    assert blocks[1].startswith("The Pellworth town council") and blocks[1].endswith("for three years.")
    assert all("\n" not in block for block in blocks)  # one paragraph, one line


def test_a_page_is_read_the_same_every_time(tmp_path):
    path = tmp_path / "harbour.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    assert len({load_article(path).text for _ in range(3)}) == 1


@pytest.mark.parametrize("name", ["page.txt", "page", "page.htm"])
def test_a_web_page_is_recognised_by_its_content(tmp_path, name):
    path = tmp_path / name
    path.write_text(NEWS_PAGE, encoding="utf-8")
    article = load_article(path)
    assert article.kind == "html" and not article.title.startswith("<")
    check_story(article.text)


def test_html_on_standard_input_is_a_web_page():
    result = byline("analyze", "-", "--format", "json", stdin=NEWS_PAGE.encode())
    assert result.returncode == 0, result.stderr.decode()
    import json

    data = json.loads(result.stdout)
    assert data["title"] == "Harbour plan approved after long fight"
    assert data["article"]["site"] == "The Pellworth Courier" and data["article"]["kind"] == "html"
    assert any(a["name"] == "Tobias Vennholt" or "Vennholt" in a["name"] for a in data["actors"])


def test_a_page_in_a_declared_legacy_charset_is_decoded_by_its_meta():
    page = NEWS_PAGE.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    )
    page = page.replace("Tobias Vennholt", "Tobías Vennholt")
    article = from_bytes(page.encode("cp1252"), "page.html", kind="html")
    assert "Tobías Vennholt" in article.text


def test_escape_codes_in_a_page_are_shown_not_run():
    page = NEWS_PAGE.replace("first time since 1987", "first time since 1987 &#27;]0;owned&#7; \x1b[2J")
    article = from_bytes(page.encode(), "page.html", kind="html")
    assert "\x1b" not in article.text and "\x07" not in article.text
    assert "␛]0;owned␇" in article.text


def test_a_page_with_no_story_is_one_clear_error():
    with pytest.raises(ArticleError, match="no article text"):
        from_bytes(
            b"<!doctype html><html><head><title>x</title></head><body><nav></nav></body></html>",
            "empty.html",
            kind="html",
        )


MARKDOWN = """---
title: "Ferry returns to Pellworth"
author: [Mara Quillen, Jon Ebbe]
date: 2024-05-02
---

# Ferry returns to Pellworth

The **first ferry** in forty years docked on *Monday*, said [the harbour master](https://x.example/hm),
who added that `tickets` sold out.

## The numbers

- 312 passengers
- 4 crew

> "It is a great day," said Mayor Ilse Dorrensen.

![the ferry at the quay](ferry.jpg)
"""


def test_markdown_is_read_as_text_without_its_markup(tmp_path):
    path = tmp_path / "ferry.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = load_article(path)
    assert article.kind == "markdown"
    assert article.text == (
        "Ferry returns to Pellworth\n\n"
        "The first ferry in forty years docked on Monday, said the harbour master, who added that tickets sold out.\n\n"
        "The numbers\n\n312 passengers\n4 crew\n\n"
        '"It is a great day," said Mayor Ilse Dorrensen.\n'
    )
    assert article.title == "Ferry returns to Pellworth"
    assert article.authors == ("Mara Quillen", "Jon Ebbe") and article.published == "2024-05-02"


def test_markdown_on_standard_input_is_recognised_by_its_heading():
    result = byline(
        "analyze",
        "-",
        "--format",
        "json",
        stdin=b"# Quay opens\n\nThe **new quay** opened, said [Ilse Dorrensen](https://x.example).\n",
    )
    assert result.returncode == 0, result.stderr.decode()
    import json

    data = json.loads(result.stdout)
    assert data["article"]["kind"] == "markdown" and data["title"] == "Quay opens"
    assert "**" not in json.dumps(data) and "](" not in json.dumps(data)


def test_plain_text_stays_plain(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Council meets\n\nThe *council* met on [Monday] <b>late</b>.\n", encoding="utf-8")
    article = load_article(path)
    assert article.kind == "text"
    assert "The *council* met on [Monday] <b>late</b>." in article.text


# --- decoding -------------------------------------------------------------------------------------

TEXT = "Grüße aus Köln\n\nDer Bürgermeister sagte, die Brücke koste 4,5 Millionen Euro.\n"


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", b""),
        ("utf-32-be", b""),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
        ("utf-8", codecs.BOM_UTF8),
    ],
)
def test_utf16_and_utf32_are_read_with_or_without_a_mark(tmp_path, encoding, bom):
    path = tmp_path / "koeln.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    article = load_article(path)
    assert article.text == TEXT and article.warnings == ()


def test_a_stray_bad_byte_in_utf8_is_replaced_with_one_warning(tmp_path):
    path = tmp_path / "koeln.txt"
    path.write_bytes(TEXT.encode("utf-8").replace(b"Euro", b"Eu\xffro"))
    article = load_article(path)
    assert "Grüße aus Köln" in article.text and "Bürgermeister" in article.text  # no mojibake
    assert "Eu\ufffdro" in article.text
    assert len(article.warnings) == 1 and "1 invalid UTF-8 byte sequence" in article.warnings[0]


def test_the_cli_prints_the_warning_on_stderr(tmp_path):
    path = tmp_path / "koeln.txt"
    path.write_bytes(TEXT.encode("utf-8").replace(b"Euro", b"Eu\xffro"))
    result = byline("analyze", str(path))
    assert result.returncode == 0
    assert result.stderr.decode().count("\n") == 1 and "warning" in result.stderr.decode()


def test_unicode_line_separators_become_line_ends():
    article = from_bytes("Title\u2028Line\u2029Para\n".encode(), "x.txt", kind="text")
    assert article.text == "Title\nLine\nPara\n"
    assert article.text.splitlines() == article.text.split("\n")[:-1]
