"""The note editor: a multi-line note on a passage; ctrl+s saves, escape cancels, ctrl+e hands
it to $EDITOR. Returns what to keep (a NoteRequest), or None when cancelled. It sits at the bottom of the screen,
over a see-through backdrop, so the passage being annotated stays in sight above it."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from byline.tui.core.sources.text import break_long_lines
from byline.tui.core.visible import one_line, visible
from byline.tui.keys import bindings


class NoteArea(TextArea):
    """The note's text area. What is pasted into it is kept as the visible text the user sees:
    control and escape characters become their pictures (␛ …) before they are inserted, so none
    is drawn raw to the terminal, none is saved, and the note is what the screen shows. The
    paste is inserted once, as one edit, however long; a line longer than any paragraph is
    broken at a sentence end or a space, as articles are (the text area redraws a whole line
    for each screen row of it, so a megabyte on one line froze the editor)."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = break_long_lines(visible(event.text.replace("\r\n", "\n").replace("\r", "\n")))
        if result := self._replace_via_keyboard(text, *self.selection):
            self.move_cursor(result.end_location)


@dataclass(frozen=True)
class NoteRequest:
    """Keep `note` as the note on the passage (the text the user wrote, lines and all)."""

    note: str


class NoteEditor(ModalScreen[NoteRequest | None]):
    """A multi-line note: ctrl+s saves, escape cancels, ctrl+e hands it to $EDITOR."""

    BINDINGS = bindings("note")

    def __init__(self, passage: str, note: str = "") -> None:
        super().__init__()
        self.passage = passage
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            passage = one_line(self.passage)
            shown = passage if len(passage) < 200 else passage[:200] + "…"
            yield Label(f"Note on “{shown}”", id="note-passage", markup=False)
            yield NoteArea(visible(self.note), id="note-text", soft_wrap=True)
            yield Label("ctrl+s save · esc cancel · ctrl+e $EDITOR", classes="dialog-help")

    def on_mount(self) -> None:
        editor = self.query_one("#note-text", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        self.dismiss(NoteRequest(self.query_one("#note-text", TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_external(self) -> None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("Set $EDITOR to edit notes in your own editor", severity="warning")
            return
        area = self.query_one("#note-text", TextArea)
        with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False, encoding="utf-8") as fh:
            fh.write(area.text)
            path = fh.name
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), path], check=False)
            with open(path, encoding="utf-8") as fh:
                area.text = visible(fh.read().rstrip("\n"))
        except (OSError, UnicodeDecodeError) as exc:
            self.notify(f"$EDITOR failed: {exc}", severity="error")
        finally:
            os.unlink(path)
