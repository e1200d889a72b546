"""Markdown full of `<` is read in time in proportion to its size: the HTML blocks in it are
stripped by a scan, not by regular expressions that backtrack (a `<script` or `<a` repeated
over a megabyte took hours). These check what the scan keeps; tests/hostile/markup runs the
megabyte through the command line."""

from __future__ import annotations

import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.core.sources import from_bytes
from byline.tui.core.sources.markdown import markdown_blocks, strip_markup

EXAMPLES = int(os.environ.get("BYLINE_PROPERTY_EXAMPLES", "200"))
PIECES = st.sampled_from(
    ["<", ">", "<!--", "-->", "<script", "</script>", "<style x>", "</STYLE >", "<a ", "b", " ", "\n"]
)


def test_markup_is_stripped_and_its_text_kept():
    html = "<div>Council <b>votes</b><!-- hidden --> today<script>alert(1)</script ><style>p{}</style> & more</div>"
    assert strip_markup(html).split() == ["Council", "votes", "today", "&", "more"]
    assert strip_markup("a < b and c") == "a < b and c"  # a `<` no tag closes is text


def test_an_unclosed_script_hides_the_rest_as_a_browser_does():
    assert strip_markup("News <script>var x = '<p>not news</p>'").split() == ["News"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_no_tag_is_left_in_what_is_kept(html):
    kept = strip_markup(html)
    assert re.search(r"<[^>]*>", kept) is None
    assert len(kept) <= len(html) + html.count("<")


def test_a_paragraph_of_angle_brackets_is_text():
    blocks = markdown_blocks("# Rates\n\nIf a < b and b < c then a < c, said the council.\n")
    assert blocks[-1] == "If a < b and b < c then a < c, said the council."


def test_a_page_of_repeated_open_scripts_reads_as_one_line_of_nothing():
    data = b"# Title\n\n<div>\n" + b"<script " * 20_000 + b"\n\nThe mayor spoke on Monday.\n"
    article = from_bytes(data, "x.md", kind="markdown")
    assert article.title == "Title"
