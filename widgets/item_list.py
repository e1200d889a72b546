"""A side-panel list and its filter field.

A list takes its own keys (moving, enter, `f` to filter, escape, `o` to attach) and the keys that only
change what is shown (the tab keys, the panel toggle, help). Any other key typed in a list is
dropped with a hint, so a reader typing in the panel never tags, deletes or exports by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input, OptionList

from byline.tui.keys import bindings

#: Reader actions a key may still run from inside a list: they change what is shown, nothing else.
VIEW_ACTIONS = (
    "show_tab",
    "toggle_panel",
    "group_quotes",
    "focus_side",
    "help",
    "command_palette",
    "toggle_theme",
    "quit",
    "find",
    "clear_marks",
    "go_back",
    "back_or_quit",
)


class ItemList(OptionList):
    """A list of analysis items; enter chooses one."""

    BINDINGS = bindings("list")

    @dataclass
    class FilterRequested(Message):
        """The reader asked to filter this list."""

        item_list: ItemList

        @property
        def control(self) -> ItemList:
            return self.item_list

    @dataclass
    class LeaveRequested(Message):
        """Escape in the list: clear its filter, or (with none on) go back to the article."""

        item_list: ItemList

        @property
        def control(self) -> ItemList:
            return self.item_list

    @dataclass
    class AttachRequested(Message):
        """The reader asked to attach the highlighted item to the selection."""

        item_list: ItemList
        index: int

        @property
        def control(self) -> ItemList:
            return self.item_list

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._hinted = False

    def on_focus(self) -> None:
        self._hinted = False

    def on_key(self, event: events.Key) -> None:
        """Typing in a list never runs a reader command: only the list's own keys and the keys
        that change what is shown get through."""
        if not event.is_printable:
            return
        active = self.app.active_bindings.get(event.key)
        if active is not None and (active.node is self or active.binding.action.startswith(VIEW_ACTIONS)):
            return
        event.stop()
        event.prevent_default()
        if not self._hinted:
            self._hinted = True
            self.notify("In a list: f filters it, enter goes to the item, tab goes back to the article", timeout=4)

    def action_choose(self) -> None:
        self.action_select()

    def action_filter(self) -> None:
        self.post_message(self.FilterRequested(self))

    def action_leave(self) -> None:
        self.post_message(self.LeaveRequested(self))

    def action_attach(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.AttachRequested(self, self.highlighted))


class FilterField(Input):
    """The filter above a list: filters as you type; enter keeps it and goes back to the list,
    escape clears it and goes back."""

    BINDINGS = bindings("filter")

    @dataclass
    class Done(Message):
        field: FilterField

        @property
        def control(self) -> FilterField:
            return self.field

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Done(self))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(self))
