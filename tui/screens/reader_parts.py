"""What the reader screen's parts (reader_edits, reader_fixes, reader_nav) may use of the screen:
a Protocol, so each part is typed against the screen's seam and mypy follows every call."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from byline.tui.core.annotation import Annotation, Label
from byline.tui.core.history import Step
from byline.tui.core.model import Analysis
from byline.tui.core.session import Session
from byline.tui.core.sources import Article

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import App
    from textual.widget import Widget

    from byline.tui.core.bundle import Bundle
    from byline.tui.screens.export_dialog import ExportRequest

W = TypeVar("W", bound="Widget")

#: A change to the session: it returns the step to undo (and what to say when it is on disk).
Change = Callable[[Session], Step | tuple[Step, str] | None]


class ReaderParts(Protocol):
    """The reader screen as its parts see it."""

    article: Article
    labels: tuple[Label, ...]
    session: Session | None
    _find_origin: int | None

    @property
    def app(self) -> App[Any]: ...

    @property
    def analysis(self) -> Analysis | None: ...

    @property
    def annotations(self) -> tuple[Annotation, ...]: ...

    @property
    def focused(self) -> Widget | None: ...

    def query_one(self, selector: type[W]) -> W: ...

    def notify(
        self, message: str, *, title: str = "", severity: Any = "information", timeout: float | None = None
    ) -> None: ...

    def set_class(self, add: bool, *class_names: str) -> Any: ...

    def has_class(self, *class_names: str) -> bool: ...

    def remove_class(self, *class_names: str) -> Any: ...

    async def run_action(self, action: str) -> Any: ...

    def _edit(self, change: Change, done: str = "") -> bool: ...

    def _target(self) -> tuple[Annotation | None, tuple[int, int] | None]: ...

    def _annotation(self, annotation_id: str) -> Annotation | None: ...

    def _apply_correction(self, request: Any) -> None: ...

    def _export_chosen(self, request: ExportRequest | None) -> None: ...

    def _runner(self, scope: str, action: str) -> Callable[[], Any]: ...

    def _panel_has_focus(self) -> bool: ...

    def action_show_tab(self, tab: str) -> None: ...

    def action_clear_marks(self) -> None: ...

    def write_export(self, request: ExportRequest, bundle: Bundle) -> Any: ...
