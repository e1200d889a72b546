"""The help screen: every key, from the same table as the bindings and the README."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from byline.tui.keys import help_rows


class HelpScreen(ModalScreen[None]):
    """A modal listing all keys; escape, q or f1 closes it."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "Close help")]

    def __init__(self, labels=()) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        from rich.text import Text

        with VerticalScroll(id="help-body"):
            yield Static("Byline — keys", id="help-title")
            if self.labels:
                legend = Text("Labels: ")
                for label in self.labels:
                    legend.append("● ", style=label.color)
                    legend.append(f"{label.key} {label.name}   ")
                yield Static(legend, id="help-labels")
            table: DataTable = DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("where", "keys", "what")
            for row in help_rows():
                table.add_row(*row)
            yield table
            yield Static("Every action is also in the command palette (ctrl+p). Esc closes this help.",
                         id="help-footer")

    def action_dismiss(self) -> None:
        self.dismiss(None)
