"""The help screen: every key, from the same table as the bindings and the README. It scrolls
with the keyboard (j/k, arrows, page keys, g/G) and wraps its text, so no column is cut."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from byline.tui.core.visible import one_line
from byline.tui.keys import help_rows, scope_bindings
from byline.widgets.panel_rows import colour_style


class HelpBody(VerticalScroll, can_focus=True):
    """The help text, scrolled from the keyboard."""

    BINDINGS: ClassVar[list[BindingType]] = [b for b in scope_bindings("help") if b.action != "close"]


def keys_table() -> Table:
    table = Table(expand=True, show_edge=False, pad_edge=False, box=None, padding=(0, 1))
    table.add_column("keys", style="bold", no_wrap=True, ratio=None)
    table.add_column("what", ratio=1)
    scope = None
    for where, keys, description in help_rows():
        if where != scope:
            if scope is not None:
                table.add_row("", "")
            table.add_row(Text(where, style="bold underline"), "")
            scope = where
        table.add_row(keys, description)
    return table


class HelpScreen(ModalScreen[None]):
    """A modal listing all keys; escape, q or f1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [b for b in scope_bindings("help") if b.action == "close"]

    def __init__(self, labels=()) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        with HelpBody(id="help-body"):
            yield Static("Byline — keys  (j/k, page keys to scroll · esc closes)", id="help-title")
            if self.labels:
                legend = Text("Labels: ")
                for label in self.labels:
                    legend.append("● ", style=colour_style(label.color))
                    legend.append(f"{label.key} {one_line(label.name)}   ")
                yield Static(legend, id="help-labels")
            yield Static(keys_table(), id="help-table")
            yield Static("Every action is also in the command palette (ctrl+p).", id="help-footer")

    def on_mount(self) -> None:
        self.query_one(HelpBody).focus()

    def action_close(self) -> None:
        self.dismiss(None)
