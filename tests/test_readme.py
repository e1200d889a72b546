"""The README is a contract: its commands are what CI runs, its key table what the app binds."""

import re

from byline.tui.keys import markdown_table
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"```(?:sh|bash)\n(.+?)\n```", README)


def test_two_one_line_setup_commands():
    commands = _commands()
    assert len(commands) >= 2
    assert all("\n" not in c for c in commands[:2])
    assert commands[0].endswith("byline") and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_exactly():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()


def test_key_table_matches_the_help_screen():
    assert markdown_table() in README
