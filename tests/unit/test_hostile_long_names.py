"""A URL longer than 4 KB is a URL, not a file name, and a name of thousands of characters is
shown cut in the middle in the one line that names it, never echoed whole."""

from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.core.visible import NAME_LIMIT, shown_name

from .test_cli import byline


def refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("command", ["analyze", "add", "voices", "export"])
def test_a_url_of_5000_characters_is_one_short_line(command):
    url = f"http://127.0.0.1:{refused_port()}/" + "a" * 5000
    result = byline(command, url, *(["-f", "md"] if command == "export" else []))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "internal error" not in err and "File name too long" not in err
    lines = err.strip().splitlines()
    assert all(len(line) < NAME_LIMIT + 120 for line in lines), err[:400]
    assert "refused" in err


def test_a_file_name_of_5000_characters_is_one_short_line(tmp_path):
    result = byline("analyze", str(tmp_path / ("b" * 5000 + ".txt")))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and len(err) < NAME_LIMIT + 120, err[:400]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_a_shown_name_is_short_visible_and_keeps_both_ends(name):
    shown = shown_name(name)
    assert len(shown) <= NAME_LIMIT and "\n" not in shown and "\x1b" not in shown
    if len(shown) == NAME_LIMIT and len(name) > NAME_LIMIT and name.isprintable():
        assert name.startswith(shown[:10]) and name.endswith(shown[-10:])
