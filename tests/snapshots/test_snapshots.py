"""Pictures of the key screens. A fixed, hand-made analysis stands in for spaCy here (pictures
only: extraction is tested with the real model elsewhere), so the pictures never drift."""

from __future__ import annotations

import pytest

from byline.tui.app import BylineApp
from byline.tui.core.model import Actor, Analysis, Entity, Number, Quote
from byline.tui.core.sources import from_text
from byline.tui.screens.reader import ReaderScreen

TEXT = (
    "Ministers meet in Riga\n\n"
    "NATO chief Jens Stoltenberg said on Monday that some 92,000 soldiers were near the border.\n\n"
    "\u201cWe see heavy capabilities,\u201d Stoltenberg said. Russia denied any plan to attack.\n"
)


def _span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def fixed_analysis() -> Analysis:
    mentions = {
        "Jens Stoltenberg": [_span("Jens Stoltenberg"), _span("Stoltenberg", 1)],
        "NATO": [_span("NATO")],
        "Riga": [_span("Riga")],
        "Russia": [_span("Russia")],
    }
    types = {"Jens Stoltenberg": "PERSON", "NATO": "ORG", "Riga": "GPE", "Russia": "GPE"}
    actors = [
        Actor(
            id=n.lower().replace(" ", "-"),
            name=n,
            type=types[n],
            mentions=m,
            roles=["NATO chief"] if n == "Jens Stoltenberg" else [],
            aliases=["Stoltenberg"] if n == "Jens Stoltenberg" else [],
        )
        for n, m in mentions.items()
    ]
    entities = sorted(
        (Entity(s, e, TEXT[s:e], a.type, a.id) for a in actors for s, e in a.mentions), key=lambda e: e.start
    )
    s, e = _span("some 92,000")
    numbers = [Number(s, e, "some 92,000", 92000, "soldiers", "some", "count")]
    q1 = _span("We see heavy capabilities")
    q2 = _span("some 92,000 soldiers were near the border")
    quotes = [
        Quote(*q1, TEXT[q1[0] : q1[1]], "direct", "Jens Stoltenberg", "jens-stoltenberg", "said"),
        Quote(*q2, TEXT[q2[0] : q2[1]], "indirect", "Jens Stoltenberg", "jens-stoltenberg", "said"),
    ]
    return Analysis("sample.txt", "Ministers meet in Riga", "0" * 64, "fixed", entities, actors, numbers, quotes)


class Fixed:
    """Stands in for the prefetched analysis process (nothing cached: it arrives after the text)."""

    cached = None

    def result(self) -> Analysis:
        return fixed_analysis()

    def cancel(self) -> None:
        pass

    def leave(self) -> None:
        pass


def make_app() -> BylineApp:
    return BylineApp(from_text(TEXT, "sample.txt"), model="fixed", keymap={}, prefetch=Fixed())


async def _ready(pilot) -> None:
    for _ in range(200):
        if isinstance(pilot.app.screen, ReaderScreen) and pilot.app.screen.analysis is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def test_reader_with_analysis(snap_compare):
    assert snap_compare(make_app(), terminal_size=(110, 30), run_before=_ready)


def test_reader_with_a_tagged_sentence(snap_compare):
    async def tag(pilot):
        await _ready(pilot)
        await pilot.press("right_parenthesis", "s", "1")
        await pilot.press("M")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(110, 30), run_before=tag)


def test_help_screen(snap_compare):
    async def help_(pilot):
        await _ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(110, 40), run_before=help_)


async def _tagged_and_found(pilot):
    """A labelled sentence with a note, a find with its matches, the Notes tab."""
    await _ready(pilot)
    await pilot.press("right_parenthesis", "s", "1", "a", *"check", "ctrl+s")
    await pilot.press("slash", *"stoltenberg", "enter", "n")
    await pilot.press("M")
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_reader_at_80x24(snap_compare):
    """A small terminal: the panel under the article, header and legend whole."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_tagged_and_found)


def test_reader_at_200x50(snap_compare):
    """A wide terminal: the article at a comfortable measure, the panel taking the rest."""
    assert snap_compare(make_app(), terminal_size=(200, 50), run_before=_tagged_and_found)


def test_voices_tab(snap_compare):
    async def voices_(pilot):
        await _ready(pilot)
        await pilot.press("V", "tab", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(110, 30), run_before=voices_)


SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_correction_dialog(snap_compare, size):
    """The correction menu in a quote: its speaker and kinds, and its keys line on screen at
    80x24."""

    async def correct(pilot):
        await _ready(pilot)
        await pilot.press("right_parenthesis", "right_parenthesis", "w", "E")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=correct)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_correction_menu_on_a_name(snap_compare, size):
    """The correction menu on a name: its entity type, then its actor, in that order; every row
    and the keys line on screen at 80x24."""

    async def correct(pilot):
        await _ready(pilot)
        from byline.widgets.article_view import ArticleView

        pilot.app.screen.query_one(ArticleView).move_to_offset(TEXT.index("Stoltenberg said"))
        await pilot.press("E")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=correct)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_note_dialog(snap_compare, size):
    """The note editor under its passage, a two-line note, its keys line on screen."""

    async def note(pilot):
        await _ready(pilot)
        await pilot.press("right_parenthesis", "s", "a", *"Check the figure", "enter", *"with NATO")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=note)


def test_reader_at_120x40(snap_compare):
    """The panel beside the article, focused (its frame in the accent colour), a filter on that
    says so in the panel's title."""

    async def filtered(pilot):
        await _ready(pilot)
        await pilot.press("tab", "f", *"nato", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=filtered)


# -- the library's screens ------------------------------------------------------------------------
#: A third story, long-titled and without analysis: how the Library shows what is not read yet.
STRIKE = (
    "Dockworkers in the northern harbour vote to strike over pay and the new shift rota\n\n"
    "The union said the vote was close.\n"
)


def _library_app(monkeypatch) -> BylineApp:
    """The app over a library of three stories (two with their hand-made analyses, one not yet
    analysed), on the Library screen; every date fixed, so the pictures never drift."""
    from dataclasses import replace

    from byline.tui.core import store
    from byline.tui.core.library import Library
    from tests.app import fixed

    monkeypatch.setattr(store, "now", lambda: "2026-03-02T09:00:00+00:00")
    riga = from_text(TEXT, "<Baltic Herald>", site="Baltic Herald", published="2026-02-27")
    harbour = from_text(fixed.TEXT, "<Dunmore Post>", site="Dunmore Post", published="2026-03-01")
    strike = from_text(STRIKE, "strike.txt")
    Library().add_many(
        [
            (riga, replace(fixed_analysis(), sha256=riga.sha256)),
            (harbour, replace(fixed.fixed_analysis(), sha256=harbour.sha256)),
            (strike, None),
        ]
    )
    return BylineApp(None, model="fixed", keymap={})


async def _listed(pilot) -> None:
    for _ in range(200):
        if getattr(pilot.app.screen, "loaded", False) or getattr(pilot.app.screen, "found", None):
            break
        await pilot.pause(0.02)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_library_screen(snap_compare, monkeypatch, size):
    """Every column's heading whole with its sort arrow; the titles keep the room."""
    assert snap_compare(_library_app(monkeypatch), terminal_size=size, run_before=_listed)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_people_screen(snap_compare, monkeypatch, size):
    """The people across the library, the first one's quotes beside."""

    async def people(pilot):
        await _listed(pilot)
        await pilot.press("P")
        for _ in range(200):
            if getattr(pilot.app.screen, "people", None):
                break
            await pilot.pause(0.02)
        await pilot.pause()

    assert snap_compare(_library_app(monkeypatch), terminal_size=size, run_before=people)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_voices_screen(snap_compare, monkeypatch, size):
    """Who speaks across the library, and anonymous sourcing per site, summary whole."""

    async def voices(pilot):
        await _listed(pilot)
        await pilot.press("V")
        await _listed(pilot)

    assert snap_compare(_library_app(monkeypatch), terminal_size=size, run_before=voices)
