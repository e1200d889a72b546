"""Ask for a file, a folder or a URL (to open, to add to the library, or a feed to follow), with
the rest of a path suggested as you type: `tab` or `right` takes the suggestion, `enter` answers,
`escape` cancels. Returns what was typed, or None."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label

#: Most names listed from one folder to find a completion (a huge folder must not stall typing).
MAX_NAMES = 5000


def complete_path(value: str) -> str | None:
    """`value` completed to the one file or folder name it starts (to the part that all the names
    it starts share), a folder ending in "/"; None when it names no path or is a URL."""
    if not value or "://" in value:
        return None
    typed = Path(value).expanduser()
    folder, start = (typed, "") if value.endswith(os.sep) else (typed.parent, typed.name)
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_NAMES:
                    break
                if entry.name.startswith(start) and (start.startswith(".") or not entry.name.startswith(".")):
                    names.append(entry.name + (os.sep if entry.is_dir() else ""))
    except (OSError, ValueError):
        return None
    if not names:
        return None
    shared = os.path.commonprefix(names)
    if len(shared) <= len(start):
        return None
    return value + shared[len(start) :]


class PathSuggester(Suggester):
    """Suggests the rest of a path from what is on disk (never cached: the disk changes)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class LocationPrompt(ModalScreen[str | None]):
    """One line to type a path or URL into."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="prompt-cancel"),
        Binding("tab", "complete", "Complete the path", id="prompt-complete", priority=True),
    ]

    def __init__(self, title: str, placeholder: str = "a file, a folder or an http(s):// address") -> None:
        super().__init__()
        self.title_text = title
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog", classes="dialog"):
            yield Label(self.title_text, id="prompt-title", markup=False)
            yield Input(placeholder=self.placeholder, suggester=PathSuggester(), id="prompt-input")
            yield Label("enter: go · tab: complete the path · escape: cancel", id="prompt-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_complete(self) -> None:
        field = self.query_one(Input)
        completed = complete_path(field.value)
        if completed:
            field.value = completed
            field.cursor_position = len(completed)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)
