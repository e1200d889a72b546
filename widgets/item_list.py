"""A side-panel list and its filter field.

A list takes its own keys (moving, enter, `f` to filter, escape, `o` to attach) and the keys that only
change what is shown (the tab keys, the panel toggle, help). Any other key typed in a list is
dropped with a hint, so a reader typing in the panel never tags, deletes or exports by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import DataTable, Input, OptionList

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


class FollowsFocus:
    """For a list whose key moves the focus (`/` to its filter). Keys typed in one burst (a
    paste, a fast typist: `/nato`) are all queued here before the first has run its binding; so
    each runs its binding here, in order, and a key after the focus has moved goes where the
    focus is now, as the reader's article pane does."""

    async def _on_key(self, event: events.Key) -> None:
        app = self.app  # type: ignore[attr-defined]  # mixed into a Widget
        focused = app.focused
        if focused is not None and focused is not self:
            event.prevent_default()
            event.stop()
            focused._forward_event(events.Key(event.key, event.character))
            return
        await super()._on_key(event)  # type: ignore[misc]  # the widget's own key handlers
        if event._stop_propagation:
            return
        active = app.active_bindings.get(event.key)
        if active is not None and active.enabled and not active.binding.priority and active.node is not self:
            event.prevent_default()
            event.stop()
            await app.run_action(active.binding.action, active.node)


class FocusTable(FollowsFocus, DataTable):
    """A table whose keys follow the focus (see FollowsFocus)."""


class FocusList(FollowsFocus, OptionList):
    """An option list whose keys follow the focus (see FollowsFocus)."""


class ItemList(OptionList):
    """A list of analysis items; enter chooses one."""

    BINDINGS = bindings("list")

    @dataclass
    class FromList(Message):
        """A message of this list (its `control`)."""

        item_list: ItemList

        @property
        def control(self) -> ItemList:
            return self.item_list

    @dataclass
    class FilterRequested(FromList):
        """The reader asked to filter this list."""

    @dataclass
    class LeaveRequested(FromList):
        """Escape in the list: clear its filter, or (with none on) go back to the article."""

    @dataclass
    class AttachRequested(FromList):
        """The reader asked to attach the highlighted item to the selection."""

        index: int

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

    def take_focus(self) -> None:
        """Focus now, not after the next refresh (`focus()`): keys typed in the same burst as the
        key that asked for the filter (a paste, a fast typist: `/nato`) are queued already and
        must reach the field, not run the screen's commands (`a` add, `o` open …)."""
        self.screen.set_focus(self)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Done(self))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(self))
