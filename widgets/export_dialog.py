"""The export dialog: choose a format and a path; the same bytes as `byline export`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.export import FORMATS, default_output

if TYPE_CHECKING:  # pragma: no cover
    from byline.tui.screens.reader import ReaderScreen

DESCRIPTIONS = {
    "md": "reading brief (Markdown)",
    "w3c": "W3C Web Annotations (JSON-LD)",
    "json": "analysis and annotations (JSON)",
    "jsonl": "spans for training (Prodigy / doccano JSONL)",
    "spacy": "spaCy DocBin",
    "csv": "one row per annotation (CSV)",
    "brat": "brat standoff (.ann beside a .txt)",
}


class ExportDialog(ModalScreen[None]):
    """Pick a format (enter), adjust the path, enter again to write."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export-cancel")]

    def __init__(self, reader: "ReaderScreen") -> None:
        super().__init__()
        self.reader = reader
        self.format = "md"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label("Export — choose a format, then the file", id="export-title")
            yield OptionList(*[Option(f"{f:6} {DESCRIPTIONS[f]}", id=f) for f in FORMATS], id="export-formats")
            yield Input(str(default_output("md", self.reader.article)), id="export-path")
            yield Label("enter: choose / write · esc: cancel", classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _format_changed(self, event: OptionList.OptionHighlighted) -> None:
        self.format = event.option.id or "md"
        self.query_one("#export-path", Input).value = str(default_output(self.format, self.reader.article))

    @on(OptionList.OptionSelected, "#export-formats")
    def _format_chosen(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _write(self, event: Input.Submitted) -> None:
        from byline.tui.core.errors import BylineError
        from byline.tui.core.export import bundle_for, write

        reader = self.reader
        if reader.store is None:
            return
        try:
            bundle = bundle_for(reader.article, reader.store, reader.raw_analysis, reader.labels)
            written = write(self.format, bundle, event.value.strip())
        except BylineError as exc:
            self.notify(str(exc), title="Export failed", severity="error", timeout=10)
            return
        self.dismiss(None)
        self.app.notify("Wrote " + ", ".join(str(p) for p in written), title="Exported", timeout=8)

    def action_cancel(self) -> None:
        self.dismiss(None)
