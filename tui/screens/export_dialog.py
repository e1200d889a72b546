"""The export dialog: choose a format and a path. It returns what to write (an ExportRequest);
the screen that opened it writes, in a worker, the same bytes as `byline export`. A file that is
already there is overwritten only when the reader says so: the dialog asks first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.export import REGISTRY, default_output
from byline.tui.core.sources import Article
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings


@dataclass(frozen=True)
class ExportRequest:
    """Write the current article in `format` to `path` (`force`: the reader agreed to replace
    what is there)."""

    format: str
    path: Path
    force: bool = False


def existing_outputs(fmt: str, path: Path) -> list[Path]:
    """The files an export to `path` would write that are already there."""
    from byline.tui.core.export import planned_outputs

    return [p for p in planned_outputs(fmt, path) if p.exists()]


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Pick a format (enter), adjust the path, enter again to write; a second enter confirms
    replacing a file that is there."""

    BINDINGS = bindings("export")

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.format = "md"
        self._confirm: tuple[str, Path] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label("Export — choose a format, then the file", id="export-title")
            yield OptionList(
                *[Option(f"{f.name:6} {f.description}", id=f.name) for f in REGISTRY.values()], id="export-formats"
            )
            yield Input(str(default_output("md", self.article)), id="export-path")
            yield Label("", id="export-warning", markup=False)
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

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._warn("")

    def _warn(self, text: str) -> None:
        self._confirm = None if not text else self._confirm
        warning = self.query_one("#export-warning", Label)
        warning.update(text)
        warning.set_class(bool(text), "-shown")

    @on(Input.Submitted, "#export-path")
    def _chosen(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.notify("Give a file to write", severity="warning")
            return
        path = Path(value).expanduser()
        there = existing_outputs(self.format, path)
        if there and self._confirm != (self.format, path):
            self._warn(
                f"{one_line(', '.join(str(p) for p in there))} is already there: enter again to replace "
                "it, or change the name"
            )
            self._confirm = (self.format, path)
            return
        self.dismiss(ExportRequest(self.format, path, force=bool(there)))

    def action_cancel(self) -> None:
        self.dismiss(None)
