"""New and read on the Library screen, and adding from inside the app: unread articles marked and
shown alone on request, opened and so read, marked unread again; a URL added from the command
palette without quitting; a path completed as it is typed."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, Input

from byline.tui.core.library import Library
from byline.tui.core.sources import from_text
from byline.tui.core.store import Store
from byline.tui.screens.library import LibraryScreen
from byline.tui.screens.library_table import UNREAD
from byline.tui.screens.location_prompt import LocationPrompt, complete_path
from tests.app.test_library import BRIDGE, FERRY, WEATHER, Host, app_over_a_library, loaded, titles
from tests.unit.test_cli_library import PAGE


def feed_library(analyse, tmp_path) -> Library:
    lib = Library(Store(tmp_path / "store"))
    keys = {}
    for text, site in ((BRIDGE, "Harbour Gazette"), (FERRY, "Island Times"), (WEATHER, "Harbour Gazette")):
        keys[text] = lib.add(from_text(text, f"<{site}>", site=site), analyse(text))
    lib.store.update_records(
        {keys[BRIDGE]: {"unread": True, "feed": "Gazette news"}, keys[FERRY]: {"unread": True, "feed": "Times wire"}}
    )
    return lib


async def test_unread_articles_are_marked_shown_alone_read_when_opened_and_unread_again(analyse, tmp_path):
    lib = feed_library(analyse, tmp_path)
    app = Host(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        assert set(titles(table)) == {
            UNREAD + "Bridge delayed again",
            UNREAD + "Ferry fares rise",
            "Snow in the hills",
        }
        assert "2 unread" in str(screen.query_one("#library-status").render())
        feeds = {
            str(table.get_row_at(i)[0]): str(table.get_cell_at((i, screen.columns.index("feed")))) for i in range(3)
        }
        assert feeds[UNREAD + "Ferry fares rise"] == "Times wire" and feeds["Snow in the hills"] == ""
        await pilot.press("u")  # only the unread
        assert set(titles(table)) == {UNREAD + "Bridge delayed again", UNREAD + "Ferry fares rise"}
        await pilot.press("escape")
        assert table.row_count == 3
        await pilot.press("slash", *"times wire", "enter")  # the filter knows the feed
        assert titles(table) == [UNREAD + "Ferry fares rise"]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (request,) = app.opened
        assert lib.open(request.entry_id).title == "Ferry fares rise"
        assert titles(table) == ["Ferry fares rise"]
        assert {e.title: e.unread for e in Library(Store(tmp_path / "store")).entries()}["Ferry fares rise"] is False
        await pilot.press("m")  # unread again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert titles(table) == [UNREAD + "Ferry fares rise"]
        assert {e.title: e.unread for e in Library(Store(tmp_path / "store")).entries()}["Ferry fares rise"] is True


async def test_a_url_is_added_from_the_palette_without_quitting(analyse, httpserver):
    httpserver.expect_request("/ferry").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    app = app_over_a_library(analyse)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        assert len(screen.entries) == 2
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"add a file")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LocationPrompt)
        app.screen.query_one(Input).value = httpserver.url_for("/ferry")
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert screen.job == "add" and screen.query_one("#library-progress").display
        for _ in range(600):
            if screen.job is None and len(screen.entries) == 3:
                break
            await asyncio.sleep(0.2)
        await pilot.pause()
        assert "Ferry strike ends after talks" in titles(screen.query_one(DataTable))
        assert not screen.query_one("#library-progress").display


def test_a_path_is_completed_from_the_disk(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "ferry-strike.txt").write_text("x")
    (tmp_path / "news" / "ferry-fares.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    assert complete_path(str(tmp_path / "ne")) == str(tmp_path / "news") + "/"
    assert complete_path(str(tmp_path / "news") + "/f") == str(tmp_path / "news" / "ferry-")
    assert complete_path(str(tmp_path / "news" / "ferry-s")) == str(tmp_path / "news" / "ferry-strike.txt")
    assert complete_path(str(tmp_path / "zzz")) is None
    assert complete_path("https://example.com/a") is None


async def wait_for_job(pilot, screen, rows: int) -> None:
    for _ in range(900):
        if screen.job is None and len(screen.entries) == rows:
            break
        await asyncio.sleep(0.2)
    await pilot.pause()


async def test_follow_a_feed_and_refresh_it_from_the_library_while_reading_goes_on(analyse, httpserver):
    from byline.tui.core.feeds_store import Subscriptions
    from tests.unit.test_feeds import base_of, rss20, serve_pages

    httpserver.expect_request("/feed").respond_with_data(
        rss20(base_of(httpserver), ["ferry", "tide"]), content_type="application/rss+xml"
    )
    serve_pages(httpserver)
    app = app_over_a_library(analyse)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        await pilot.press("f")
        assert isinstance(app.screen, LocationPrompt)
        app.screen.query_one(Input).value = httpserver.url_for("/feed")
        await pilot.press("enter")
        for _ in range(300):
            if screen.job is None:
                break
            await asyncio.sleep(0.1)
        assert [s.title for s in Subscriptions(Library().store).all()] == ["Gazette news"]
        await pilot.press("ctrl+r")
        await pilot.pause(0.2)
        assert screen.job == "refresh" and screen.query_one("#library-progress").display
        await pilot.press("j")  # the list still answers while the feeds are fetched
        assert screen.query_one(DataTable).cursor_row == 1
        await wait_for_job(pilot, screen, 4)
        shown = titles(screen.query_one(DataTable))
        assert UNREAD + "Ferry story" in shown and UNREAD + "Tide story" in shown


async def test_an_article_opened_from_elsewhere_is_read_back_in_the_library(analyse):
    from byline.tui.screens.reader import ReaderScreen
    from byline.tui.screens.requests import OpenArticle

    app = app_over_a_library(analyse)
    library = Library()
    ferry = next(e for e in library.entries() if e.title == "Ferry fares rise")
    library.store.update_records({ferry.id: {"unread": True, "feed": "Times wire"}})
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        assert UNREAD + "Ferry fares rise" in titles(screen.query_one(DataTable))
        app.post_message(OpenArticle(ferry.id))  # as People or Voices ask for it
        for _ in range(300):
            if isinstance(app.screen, ReaderScreen):
                break
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        await pilot.press("L")
        for _ in range(100):
            if "Ferry fares rise" in titles(screen.query_one(DataTable)):
                break
            await pilot.pause(0.05)
        assert "Ferry fares rise" in titles(screen.query_one(DataTable))
