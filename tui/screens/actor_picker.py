"""Choose who: an actor of the article, filtered as you type, or a name typed in (a speaker the
model did not find, "a senior official"). The likely ones (a speaker's: the subject of the
reporting verb, the nearest people) come first, then everyone by name. Returns the choice (a
ChosenName), or None when cancelled."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.visible import one_line
from byline.tui.keys import bindings

NO_ONE = "\x00no-one"


@dataclass(frozen=True)
class ChosenName:
    """Who the reader chose: `name`, an actor of the article or a name typed in; None for no one
    named (an unattributed quote)."""

    name: str | None


class ActorPicker(ModalScreen[ChosenName | None]):
    """Type to filter the names; enter on a name chooses it, enter in the field takes what is
    typed (or the highlighted name)."""

    BINDINGS = bindings("picker")

    def __init__(self, title: str, names: list[str], allow_none: bool = False, likely: list[str] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.likely = [n for n in likely or [] if n]
        self.names = [n for n in names if n not in self.likely]
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

        def matching(names: list[str]) -> list[str]:
            return [n for n in names if all(w in n.lower() for w in words)]

        likely, rest = matching(self.likely), matching(self.names)
        options: list[Option] = []
        if likely:
            options.append(Option("likely", disabled=True))
            options += [Option("  " + one_line(n), id=n) for n in likely]
            if rest:
                options.append(Option("everyone, by name", disabled=True))
        options += [Option(("  " if likely else "") + one_line(n), id=n) for n in rest]
        if self.allow_none and not words:
            options.append(Option("no one named (unattributed)", id=NO_ONE))
        found = self.query_one(OptionList)
        found.clear_options()
        found.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if first is not None:
            found.highlighted = first

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        found = self.query_one(OptionList)
        typed = " ".join(event.value.split())
        exact = next((n for n in [*self.likely, *self.names] if n.lower() == typed.lower()), None)
        if exact is not None or (typed and found.highlighted is None):
            self.dismiss(ChosenName(exact or typed))
        elif found.highlighted is not None:
            option = found.get_option_at_index(found.highlighted)
            self.dismiss(self._value(option.id))
        elif typed:
            self.dismiss(ChosenName(typed))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._value(event.option.id))

    @staticmethod
    def _value(option_id: str | None) -> ChosenName:
        return ChosenName(None if option_id == NO_ONE or not option_id else option_id)

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
