"""The entity correction: choose the right type for an entity, or reject it. Returns the type
(or REJECTED), or None when cancelled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.entity_types import ACTOR_TYPES, REJECTED

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
