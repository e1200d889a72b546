"""Modal dialogs: the note editor and the entity correction."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, TextArea
from textual.widgets.option_list import Option

from byline.tui.core.entity_types import ACTOR_TYPES, REJECTED


class NoteEditor(ModalScreen[str | None]):
    """A multi-line note: ctrl+s saves, escape cancels, ctrl+e hands it to $EDITOR."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note-save"),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
        Binding("ctrl+e", "external", "Edit in $EDITOR", id="note-editor"),
    ]

    def __init__(self, passage: str, note: str = "") -> None:
        super().__init__()
        self.passage = passage
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            shown = self.passage if len(self.passage) < 300 else self.passage[:300] + "…"
            yield Label(f"Note on “{shown}”", id="note-passage", markup=False)
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            yield Label("ctrl+s save · esc cancel · ctrl+e $EDITOR", classes="dialog-help")

    def on_mount(self) -> None:
        editor = self.query_one("#note-text", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note-text", TextArea).text)

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
                area.text = fh.read().rstrip("\n")
        except (OSError, UnicodeDecodeError) as exc:
            self.notify(f"$EDITOR failed: {exc}", severity="error")
        finally:
            os.unlink(path)


ENTITY_CHOICES = (*((t.code, t.description) for t in ACTOR_TYPES), (REJECTED, "not an entity: reject it"))


class EntityDialog(ModalScreen[str | None]):
    """Choose the right type for an entity, or reject it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="entity-cancel")]

    def __init__(self, text: str, current: str | None) -> None:
        super().__init__()
        self.text = text
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-dialog", classes="dialog"):
            yield Label(f"“{self.text}” is {self.current or 'not an entity'}; it should be:", markup=False)
            yield OptionList(*[Option(f"{label:9} {desc}", id=label) for label, desc in ENTITY_CHOICES], id="entity-choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
