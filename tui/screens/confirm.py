"""A yes/no question that must be answered before something is lost (deleting, overwriting).
It is asked about one request (a dataclass the caller made, `DeleteArticle`): yes returns that
request, for the caller to carry out; escape, n or "no" return None."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from byline.tui.keys import bindings

Request = TypeVar("Request")


class ConfirmDialog(ModalScreen[Request | None], Generic[Request]):
    """Ask first: `y` or enter on Yes confirms; `n`, escape or No cancels."""

    BINDINGS = bindings("confirm")

    def __init__(self, question: str, request: Request, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.request = request
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Label(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", id="confirm-yes", variant="error")
                yield Button("No (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(self.request if yes else None)
