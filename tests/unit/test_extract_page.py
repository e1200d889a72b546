"""Page furniture and credits: link lines, ad breaks, bylines, photo and agency credits are the
article's metadata, never its actors or quotes. Invented names and outlets throughout."""

from __future__ import annotations

import pytest

from byline.tui.core.extract.page import read_page


def credits(text):
    return [(c.name, c.kind) for c in read_page(text).credits]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Title\n\nBy Marta Kowalczyk\n\nThe bridge opened on Monday.\n", [("Marta Kowalczyk", "author")]),
        (
            "Title\n\nOwen Delacroix, The Northern Press\n\nThe bridge opened.\n",
            [("Owen Delacroix", "author"), ("The Northern Press", "agency")],
        ),
        (
            "The mayor cut the ribbon on Monday. Lena Brandt/The Valley Times\n",
            [("Lena Brandt", "photo"), ("The Valley Times", "agency")],
        ),
        (
            "The mayor cut the ribbon. ( Tomas Rigby / Harbour Star )\n",
            [("Tomas Rigby", "photo"), ("Harbour Star", "agency")],
        ),
        (
            "The falls froze overnight. WIREPIX/Ana Souza Ice covers the rocks.\n",
            [("WIREPIX", "agency"), ("Ana Souza", "photo")],
        ),
        ("The bridge opened.\n\nWith files from The Coastal Press\n", [("The Coastal Press", "agency")]),
        (
            "The bridge opened.\n\nIda Marsh is a Halden-based reporter covering transport. Follow her on Twitter.\n",
            [("Ida Marsh", "author")],
        ),
    ],
)
def test_credits_are_found(text, expected):
    assert credits(text) == expected


def test_a_slash_inside_a_sentence_is_no_credit():
    assert credits("The plan and/or its budget was approved by the Harbour Council/Board last week.\n") == []
    assert credits("Ana Souza, Halden\n") == []  # a name and a place, not a signature


def test_credited_people_and_link_lines_are_not_actors_or_quotes(analyse):
    a = analyse(
        "Bridge opens\n\nBy Marta Kowalczyk\n\n"
        "Mayor Jonas Feld opened the bridge on Monday. Lena Brandt/The Valley Times\n\n"
        "READ MORE: Councillor Pia Ruud says the bridge is \u201ca waste of money\u201d\n\n"
        "Story continues below advertisement\n\n"
        "\u201cIt will change the town,\u201d Feld said.\n"
    )
    names = {x.name for x in a.actors}
    assert "Jonas Feld" in names
    assert not names & {"Marta Kowalczyk", "Lena Brandt", "Pia Ruud"}
    assert {(c.name, c.kind) for c in a.credits} >= {("Marta Kowalczyk", "author"), ("Lena Brandt", "photo")}
    assert [q.text for q in a.quotes] == ["It will change the town"]


def test_a_line_full_of_slashes_is_read_not_hung_on():
    """A page of 100,000 slashes is read (a rule quadratic in them would take hours): no hang.
    Not a measure of speed (bench/ measures that), a bound on a hang."""
    import threading

    done: list = []
    text = "and/or " * 50_000 + "\n" + "A/B " * 50_000
    reader = threading.Thread(target=lambda: done.append(read_page(text)), daemon=True)
    reader.start()
    reader.join(timeout=120)
    assert done, "reading a page of slashes did not finish in two minutes"


def test_a_video_blurb_is_an_aside_but_a_clock_time_is_not():
    page = read_page("The storm in pictures. Tomas Brink has more on the damage. 2:17\n\nThe vote is at 10:30.\n")
    assert page.covers(5) and not page.hides_names(5)  # its names stay the story's
    assert not page.covers(len("The storm in pictures. Tomas Brink has more on the damage. 2:17\n\nThe vote"))
