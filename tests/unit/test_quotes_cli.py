"""`byline quotes`: only verbatim words in quotation marks, reported speech called "reported" as
on the screens, and a fragment quoted inside its own reported clause shown once, under it."""

from __future__ import annotations

import argparse
import json

import pytest

from byline.tui.cli import quotes as command
from byline.tui.core.library import Library
from byline.tui.core.sources import from_text

TEXT = (
    "Budget talks stall\n\n"
    "Councillor Tom Brask said the council had no \u201cclarity\u201d on the ferry money yet. "
    "\u201cWe will not sign a blank cheque,\u201d Brask said. Brask said that the vote would be close.\n"
)


@pytest.fixture
def library(analyse):
    library = Library()
    library.add(from_text(TEXT, "<brask>", site="Harbour Gazette"), analyse(TEXT))
    return library


def run(capsys, fmt: str = "text") -> str:
    parser = argparse.ArgumentParser()
    command.configure(parser)  # the command's own options, each with its default
    assert command.run(parser.parse_args(["--speaker", "Brask", "--format", fmt])) == 0
    return capsys.readouterr().out


def test_reported_speech_is_not_in_quotation_marks_and_is_called_reported(library, capsys):
    lines = run(capsys).splitlines()
    assert lines[0].startswith("Tom Brask (person): 3 quotes, in 1 article; mentioned in 1")
    close = next(line for line in lines if "the vote would be close" in line)
    assert close.startswith("  the vote would be close — Budget talks stall [reported] (")
    cheque = next(line for line in lines if "blank cheque" in line)
    assert cheque.startswith("  “We will not sign a blank cheque” — Budget talks stall [direct] (")
    assert not any("[indirect]" in line for line in lines)


def test_a_fragment_inside_a_reported_clause_is_shown_under_it_once(library, capsys):
    lines = run(capsys).splitlines()
    clause = next(i for i, line in enumerate(lines) if "had no" in line)
    assert lines[clause].startswith("  the council had no “clarity” on the ferry money yet — ")
    assert lines[clause + 1] == "      ↳ partial: “clarity”"
    assert sum("clarity" in line for line in lines) == 2  # the clause and its fragment, nothing else


def test_json_keeps_every_quote_and_the_analysis_kind_values(library, capsys):
    (brask,) = json.loads(run(capsys, "json"))["people"]
    kinds = sorted((q["kind"], q["text"]) for q in brask["quotes"])
    assert ("indirect", "the vote would be close") in kinds and ("partial", "clarity") in kinds
    assert len(kinds) == 4


def test_the_count_says_where_the_quotes_are_apart_from_where_the_speaker_is_mentioned(library, analyse, capsys):
    for text in (
        "Harbour works\n\nThe harbour works go on. Councillor Tom Brask was not at the meeting.\n",
        "Ferry board named\n\nTom Brask chairs the new ferry board, which meets in March.\n",
    ):
        library.add(from_text(text, "<stdin>"), analyse(text))
    header = run(capsys).splitlines()[0]
    assert header.startswith("Tom Brask (person): 3 quotes, in 1 article; mentioned in 3")
