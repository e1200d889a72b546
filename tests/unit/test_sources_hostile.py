"""Hostile article files (tests/hostile/articles, described in its cases.json): each ends in a
correct article or one line and exit status 2, and nothing that reaches the terminal is a
control character. Plus property tests: any bytes decode to clean text or a one-line refusal."""

from __future__ import annotations

import json
import os
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from byline.tui.core.errors import ArticleError
from byline.tui.core.sources import from_bytes, load_article
from byline.tui.core.sources.text import clean_text
from tests.conftest import ROOT

from .test_cli import byline

CORPUS = ROOT / "tests" / "hostile" / "articles"
CASES = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
ACCEPTED = sorted(name for name, case in CASES.items() if case["exit"] == 0)
REFUSED = sorted(name for name, case in CASES.items() if case["exit"] == 2)
#: What a terminal would obey: C0 controls but tab and newline, DEL, C1 controls (in UTF-8).
LIVE = [bytes([c]) for c in range(32) if c not in (9, 10)] + [b"\x7f"] + [chr(c).encode() for c in range(0x80, 0xA0)]


def controls(text: str) -> list[str]:
    return [ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t"]


@pytest.mark.parametrize("name", ACCEPTED)
def test_a_hostile_file_that_is_an_article_reads_cleanly(name):
    case = CASES[name]
    article = load_article(CORPUS / name)
    assert not controls(article.text) and not controls(article.title)
    for words in case.get("contains", []):
        assert words in article.text
    for words in case.get("absent", []):
        assert words not in article.text
    if "stderr" in case:
        assert len(article.warnings) == 1 and case["stderr"] in article.warnings[0]
    else:
        assert article.warnings == ()


def test_hostile_articles_reach_the_terminal_as_text_only():
    """The text report goes to a terminal: not one byte of it may be a live control."""
    result = byline("analyze", *(str(CORPUS / name) for name in ACCEPTED), "--format", "text", "--jobs", "1")
    assert result.returncode == 0, result.stderr.decode()
    for live in LIVE:
        assert live not in result.stdout.replace(b"\n", b"").replace(b"\t", b""), live
    for live in LIVE:
        assert live not in result.stderr.replace(b"\n", b"")
    warned = sum(1 for name in ACCEPTED if "stderr" in CASES[name])
    assert result.stderr.decode().count("warning") == warned


@pytest.mark.parametrize("name", REFUSED)
def test_a_hostile_file_that_is_no_article_is_one_line_and_status_2(name):
    result = byline("analyze", str(CORPUS / name))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.count("\n") == 1 and CASES[name]["stderr"] in err and "Traceback" not in err
    assert result.stdout == b""


def test_a_file_name_with_escape_codes_is_shown_as_text(tmp_path):
    path = tmp_path / "\x1b]0;owned\x07.txt"
    result = byline("analyze", str(path))
    assert result.returncode == 2
    assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr
    assert "␛]0;owned␇.txt: no such file" in result.stderr.decode()


def test_a_huge_file_is_refused_with_its_real_size(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:  # sparse: 52 MB on paper, nothing on disk
        fh.truncate(52_000_000)
    result = byline("analyze", str(path))
    assert result.returncode == 2 and "too large (52.0 MB; at most 8 MiB)" in result.stderr.decode()


def test_too_much_on_standard_input_is_refused():
    result = byline("analyze", "-", stdin=b"word " * (2 * 1024 * 1024))
    assert result.returncode == 2 and "too large (more than 8 MiB" in result.stderr.decode()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_read_like_a_file(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    import threading

    def write():
        with open(fifo, "wb") as fh:
            fh.write(b"Quay opens\n\nMayor Ilse Dorrensen spoke.\n")

    writer = threading.Thread(target=write)
    writer.start()
    article = load_article(fifo)
    writer.join(timeout=5)
    assert article.title == "Quay opens"


# --- properties -----------------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-16", "utf-32", "utf-16-le", "utf-32-be", "cp1252", "latin-1", "shift_jis"]


@st.composite
def damaged_text(draw):
    """A text in some encoding, with a few bytes changed or cut: what an unlucky user has."""
    text = draw(st.text(min_size=0, max_size=300))
    encoding = draw(st.sampled_from(ENCODINGS))
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 3))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if data and draw(st.booleans()):
        del data[draw(st.integers(0, len(data) - 1)) :]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=2000), damaged_text()), kind=st.sampled_from([None, "text", "markdown"]))
def test_any_bytes_give_clean_text_or_one_refusal(data, kind):
    try:
        article = from_bytes(data, "any.txt", kind=kind)
    except ArticleError as exc:
        assert "\n" not in str(exc) and not controls(str(exc))
        return
    assert article.text.endswith("\n") and article.text.strip()
    assert not controls(article.text) and not controls(article.title)
    assert "\r" not in article.text and "\u2028" not in article.text
    assert all(not controls(w) for w in article.warnings)


@settings(max_examples=300, deadline=None)
@given(text=st.text(min_size=1, max_size=400), encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_unicode_text_reads_back_as_itself(text, encoding):
    """Any text saved as UTF-8 (or UTF-16/32 with their mark) opens as that text, controls made
    visible and line ends normalised, never decoded as something else. (NUL characters are left
    out: "a\\0b\\0" in UTF-8 is as much UTF-16, and "\\0" in UTF-16 after its mark is the mark
    of an empty UTF-32 file.)"""
    assume("\x00" not in text)
    expected = clean_text(text)
    try:
        article = from_bytes(text.encode(encoding), "any.txt", kind="text")
    except ArticleError as exc:
        assert not expected or "html" in text.lower(), str(exc)  # nothing to read, or a page with no story
        return
    if article.kind == "text":
        assert article.text == expected
