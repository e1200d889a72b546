"""What a command prints reaches the terminal as visible text (control and escape characters as
pictures, lone surrogates as U+FFFD), in the terminal's own encoding: a Latin-1 or ASCII
terminal gets every line, never an error halfway."""

from __future__ import annotations

import io
import os
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.core.visible import VisibleOutput

from .test_cli import byline

STORY = (
    "The mayor of Riga said on Tuesday that the harbour plan would cost 12 million euros. "
    '"We will build it," Anna Berzina said.\n'
)
EXAMPLES = int(os.environ.get("BYLINE_PROPERTY_EXAMPLES", "60"))


@given(st.text(alphabet=st.characters(codec=None), max_size=60))
@settings(max_examples=EXAMPLES, deadline=None)
def test_what_a_command_prints_is_visible_in_any_terminal_encoding(text):
    for encoding in ("utf-8", "latin-1", "ascii", "cp1252"):
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="\n")
        out = VisibleOutput(stream)
        print(text, file=out)
        stream.flush()
        shown = raw.getvalue().decode(encoding)
        assert not any(ch in shown for ch in "\x1b\x07\x9b"), shown
        assert all(ch in string.printable or ord(ch) > 0x9F or ch in "\n\t" for ch in shown)


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_terminal_that_is_not_utf8_gets_whole_output(tmp_path, encoding):
    name = tmp_path / "riga.txt"
    name.write_text(STORY.replace("Anna Berzina", "Anna Bērziņa").replace("The mayor", "Rīga’s mayor"), "utf-8")
    assert byline("add", str(name), "--jobs", "1").returncode == 0
    env = {"PYTHONIOENCODING": encoding}
    for args in (("library",), ("voices", str(name)), ("analyze", str(name)), ("quotes", "--speaker", "Anna Bērziņa")):
        result = byline(*args, env=env)
        assert result.returncode == 0, (args, result.stderr.decode(encoding))
        assert b"Traceback" not in result.stderr
