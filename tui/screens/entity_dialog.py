"""The correction dialog: what is wrong with the analysis here. The reader screen offers the
choices that fit the place (an entity's type, merging or splitting its actor, a quote's speaker
or kind, a quote the model missed); the dialog returns the chosen id, or None when cancelled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.entity_types import ACTOR_TYPES, REJECTED
from byline.tui.core.visible import one_line

ENTITY_CHOICES = (*((t.code, t.description) for t in ACTOR_TYPES), (REJECTED, "not an entity: reject it"))


class CorrectionDialog(ModalScreen[str | None]):
    """Choose what to correct. `choices` are (id, text) pairs; an id of None is a heading."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="entity-cancel")]

    def __init__(self, title: str, choices: list[tuple[str | None, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-dialog", classes="dialog"):
            yield Label(one_line(self.title_text), markup=False)
            options = [Option(one_line(text), id=choice, disabled=choice is None) for choice, text in self.choices]
            yield OptionList(*options, id="entity-choices", markup=False)

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.focus()
        first = next((i for i, (choice, _) in enumerate(self.choices) if choice is not None), None)
        if first is not None:
            choices.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def entity_choices(current: str | None) -> list[tuple[str | None, str]]:
    """The entity types to choose from, the current one marked."""
    return [
        (f"type:{code}", f"{code:9} {desc}" + ("  (now)" if code == current else "")) for code, desc in ENTITY_CHOICES
    ]
