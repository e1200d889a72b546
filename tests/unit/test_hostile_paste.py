"""Text pasted into the note editor that holds terminal escape bytes is kept as the visible text
the user sees (pictures for control characters), inserted as one edit; a megabyte pasted is
saved whole and the editor still answers ctrl+s."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App

from byline.tui.core.sources.text import break_long_lines
from byline.tui.core.visible import visible
from byline.tui.screens.note_editor import NoteEditor, NoteRequest

EXAMPLES = int(os.environ.get("BYLINE_PROPERTY_EXAMPLES", "25"))
ESCAPES = ["\x1b[31m", "\x1b]0;pwned\x07", "\x9b2J", "\x1b[201~", "\x1b[A", "\x00", "\x07", "\x7f", "\r\n", "\t"]


class EditorApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.saved: list[NoteRequest | None] = []

    def on_mount(self) -> None:
        self.push_screen(NoteEditor("the harbour plan", "first line"), self.saved.append)


async def paste_and_save(text: str) -> str | None:
    app = EditorApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        area = app.screen.query_one("#note-text")
        area.post_message(events.Paste(text))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    request = app.saved[0] if app.saved else None
    return request.note if request is not None else None


def expected(text: str) -> str:
    return "first line" + break_long_lines(visible(text.replace("\r\n", "\n").replace("\r", "\n")))


async def test_escape_bytes_pasted_are_kept_as_visible_text():
    text = "Said: " + "".join(ESCAPES) + " — end"
    note = await paste_and_save(text)
    assert note == expected(text)
    assert "\x1b" not in note and "\x9b" not in note and "␛]0;pwned␇" in note


async def test_a_megabyte_pasted_is_saved_whole():
    text = ("word \x1b[31mred\x1b[0m " * 60_000)[:1_000_000]
    note = await paste_and_save(text)
    assert note == expected(text)
    assert note.replace("\n", " ") == ("first line" + visible(text)).replace("\n", " ")  # only spaces broken


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ESCAPES) | st.text(max_size=6), max_size=12).map("".join))
async def test_any_paste_is_the_note_the_user_sees(text):
    note = await paste_and_save(text)
    assert note == expected(text)
