"""The export dialog: choose a format and a path. It returns what to write (an ExportRequest);
the screen that opened it writes, in a worker, the same bytes as `byline export`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.export import REGISTRY, default_output
from byline.tui.core.sources import Article


@dataclass(frozen=True)
class ExportRequest:
    """Write the current article in `format` to `path`."""

    format: str
    path: Path


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Pick a format (enter), adjust the path, enter again to choose it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export-cancel")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.format = "md"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label("Export — choose a format, then the file", id="export-title")
            yield OptionList(*[Option(f"{f.name:6} {f.description}", id=f.name) for f in REGISTRY.values()],
                             id="export-formats")
            yield Input(str(default_output("md", self.article)), id="export-path")
            yield Label("enter: choose / write · esc: cancel", classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _format_changed(self, event: OptionList.OptionHighlighted) -> None:
        self.format = event.option.id or "md"
        self.query_one("#export-path", Input).value = str(default_output(self.format, self.article))

    @on(OptionList.OptionSelected, "#export-formats")
    def _format_chosen(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _chosen(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        if not path:
            self.notify("Give a file to write", severity="warning")
            return
        self.dismiss(ExportRequest(self.format, Path(path).expanduser()))

    def action_cancel(self) -> None:
        self.dismiss(None)
