"""The correction menu: what is wrong with the analysis here. The reader screen offers what fits
the place (correction_menu) in one fixed order: the entity, its actor, the quote, the selection;
the dialog returns the chosen request (a dataclass, one per kind of correction), or None."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from byline.tui.core.entity_types import ACTOR_TYPES, REJECTED
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings

Span = tuple[int, int]

ENTITY_CHOICES = (*((t.code, t.description) for t in ACTOR_TYPES), (REJECTED, "not an entity: reject it"))


@dataclass(frozen=True)
class Retype:
    """The words at `span` are an entity of `entity_type` (REJECTED: no entity)."""

    span: Span
    entity_type: str


@dataclass(frozen=True)
class ChooseType:
    """Ask which type the words at `span` are (`current`: the type they have now)."""

    span: Span
    current: str | None


@dataclass(frozen=True)
class MergeActor:
    """The actor mentioned at `where` is the same as another (asked next)."""

    actor: str
    where: Span


@dataclass(frozen=True)
class SplitName:
    """The name at `where` is someone else: an actor of its own."""

    where: Span


@dataclass(frozen=True)
class ChangeSpeaker:
    """The quote at `quote` was said by someone else (asked next)."""

    quote: Span


@dataclass(frozen=True)
class ChangeKind:
    """The quote at `quote` is of another `kind` (REJECTED: no quote)."""

    quote: Span
    kind: str


@dataclass(frozen=True)
class NewQuote:
    """The selection `span` is a quote of `kind` the analysis missed (its speaker asked next)."""

    span: Span
    kind: str


Correction = Retype | ChooseType | MergeActor | SplitName | ChangeSpeaker | ChangeKind | NewQuote

#: A menu: sections of (heading, [(what the reader reads, the request it makes)]).
Menu = list[tuple[str, list[tuple[str, Correction]]]]


class CorrectionDialog(ModalScreen[Correction | None]):
    """Choose what to correct, from sections in a fixed order; headings cannot be chosen."""

    BINDINGS = bindings("correct")

    def __init__(self, title: str, menu: Menu) -> None:
        super().__init__()
        self.title_text = title
        self.menu = menu
        self._requests: dict[str, Correction] = {}

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for heading, choices in self.menu:
            options.append(Option(one_line(heading), disabled=True))
            for text, request in choices:
                option_id = str(len(self._requests))
                self._requests[option_id] = request
                options.append(Option("  " + one_line(text), id=option_id))
        with Vertical(id="entity-dialog", classes="dialog"):
            yield Label(one_line(self.title_text), markup=False)
            yield OptionList(*options, id="entity-choices", markup=False)
            yield Label("enter: choose · ↑↓ move · esc: cancel", classes="dialog-help")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.focus()
        first = next((i for i, option in enumerate(choices.options) if not option.disabled), None)
        if first is not None:
            choices.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._requests.get(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(None)


def type_menu(span: Span, current: str | None) -> Menu:
    """The entity types to choose from, the current one marked."""
    return [
        (
            "the type",
            [
                (f"{code:9} {desc}" + ("  (now)" if code == current else ""), Retype(span, code))
                for code, desc in ENTITY_CHOICES
            ],
        )
    ]
