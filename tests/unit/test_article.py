"""Opening articles: what the reader gets for good and bad input."""

from __future__ import annotations

import pytest

from byline.tui.core.errors import ArticleError
from byline.tui.core.sources import from_text, load_article, seed_path
from byline.tui.core.sources.text import MAX_BYTES, clean_text


def test_seed_is_the_nato_article():
    article = load_article(seed_path())
    assert article.title == "NATO, Russia spar as foreign ministers meet in Latvia"
    assert "Jens Stoltenberg" in article.text


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"  \n\n \t"), "is empty"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4), "binary"),
        (lambda p: p.write_bytes(b"a" * (MAX_BYTES + 10)), "too large \\(8.4 MB"),
    ],
    ids=["missing", "directory", "empty", "blank", "binary", "huge"],
)
def test_bad_input_is_one_clear_error(tmp_path, setup, message):
    path = tmp_path / "article.txt"
    setup(path)
    with pytest.raises(ArticleError, match=message):
        load_article(path)


def test_a_huge_file_is_refused_with_its_real_size(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:  # sparse: 52 MB on paper, nothing on disk
        fh.truncate(52_000_000)
    with pytest.raises(ArticleError, match=r"too large \(52.0 MB; at most 8 MiB\)"):
        load_article(path)


def test_text_in_another_encoding_is_read(tmp_path):
    path = tmp_path / "latin1.txt"
    text = "Le président a déclaré que l'économie française était très forte à présent.\n" * 3
    path.write_bytes(text.encode("cp1252"))
    assert "président a déclaré" in load_article(path).text


def test_escape_codes_are_shown_not_run():
    text = clean_text("Title\n\nHello \x1b[31mred\x1b[0m and a bell \x07.\r\n")
    assert "\x1b" not in text and "\x07" not in text
    assert "␛[31mred␛[0m" in text
    assert "\r" not in text


def test_control_picture_keeps_offsets():
    raw = "A\x1bB"
    assert len(clean_text(raw).rstrip("\n")) == len(raw)


def test_long_paragraphs_are_parsed_in_pieces_that_join_back():
    from byline.tui.core.analysis import paragraphs

    text = "Title\n\n" + "A sentence about things. " * 5000 + "\n\n" + "x" * 50_000 + "\n" + "word " * 9000
    chunks = paragraphs(text, limit=20_000)
    assert "".join(chunks) == text
    assert max(len(c) for c in chunks) <= 20_000
    assert any(c.endswith("things. ") for c in chunks)
    assert any(c.endswith("word ") for c in chunks[:-1])  # no sentence end: cut after a word


def test_a_text_without_line_breaks_is_parsed_like_the_same_text_in_paragraphs(nlp):
    """One long line is cut into pieces after sentences and batched by size: what the model finds
    in the same text with line breaks, it finds there too."""
    from collections import Counter

    from byline.tui.core.analysis import parse

    sentence = (
        "Mayor Ilse Dorrensen of Pellworth said on Tuesday that the harbour would cost 14 million "
        "euros, and Councillor Tobias Vennholt disagreed. "
    )
    one_line = sentence * 120  # about 14,000 characters, more than one piece
    paragraphs = one_line.replace("disagreed. ", "disagreed.\n")
    long_doc, para_doc = parse(one_line, nlp), parse(paragraphs, nlp)
    assert long_doc.text == one_line
    found = Counter((e.text, e.label_) for e in long_doc.ents)
    expected = Counter((e.text, e.label_) for e in para_doc.ents)
    assert expected and all(found[key] >= 0.9 * count for key, count in expected.items())
    assert all(long_doc.text[e.start_char : e.end_char] == e.text for e in long_doc.ents)
    assert len(list(long_doc.sents)) >= 120


def test_a_line_no_article_has_is_broken_at_sentence_ends_one_character_for_one():
    from byline.tui.core.sources.text import LONG_LINE

    sentence = "The harbour board met on Monday and said the ferry would run again. "
    raw = "Ferry news\n\n" + sentence * (3 * LONG_LINE // len(sentence)) + "\n"
    article = from_text(raw, "<test>")
    text = article.text
    assert len(text) == len(raw)
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(raw, text, strict=False))
    lines = text.split("\n")
    assert max(len(line) for line in lines) <= LONG_LINE and len(lines) > 4
    assert all(line.endswith("again.") for line in lines[2:-2])  # broken where a sentence ends


def test_ordinary_paragraphs_are_left_as_they_are():
    raw = "Title\n\n" + "A sentence of an article. " * 200 + "\n\nAnother paragraph.\n"
    assert from_text(raw, "<test>").text == raw
