"""Choose who: an actor of the article, filtered as you type, or a name typed in (a speaker the
model did not find, "a senior official"). Returns the name, "" for no one named, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.visible import one_line

NO_ONE = "\x00no-one"


class ActorPicker(ModalScreen[str | None]):
    """Type to filter the names; enter on a name chooses it, enter in the field takes what is
    typed (or the highlighted name)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker-cancel"),
        Binding("down", "to_list", "To the list", show=False, id="picker-down"),
    ]

    def __init__(self, title: str, names: list[str], allow_none: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.names = names
        self.allow_none = allow_none

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Label(one_line(self.title_text), markup=False)
            yield Input(placeholder="type to filter, or a new name", id="picker-filter")
            yield OptionList(id="picker-names", markup=False)
            yield Label("enter: choose · ↓ to the list · esc: cancel", classes="dialog-help")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        words = query.lower().split()
        names = [n for n in self.names if all(w in n.lower() for w in words)]
        options = [Option(one_line(n), id=n) for n in names]
        if self.allow_none and not words:
            options.append(Option("no one named (unattributed)", id=NO_ONE))
        found = self.query_one(OptionList)
        found.clear_options()
        found.add_options(options)
        if options:
            found.highlighted = 0

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        found = self.query_one(OptionList)
        typed = " ".join(event.value.split())
        exact = next((n for n in self.names if n.lower() == typed.lower()), None)
        if exact is not None or (typed and found.highlighted is None):
            self.dismiss(exact or typed)
        elif found.highlighted is not None:
            option = found.get_option_at_index(found.highlighted)
            self.dismiss(self._value(option.id))
        elif typed:
            self.dismiss(typed)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._value(event.option.id))

    @staticmethod
    def _value(option_id: str | None) -> str:
        return "" if option_id == NO_ONE else option_id or ""

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
