"""The find bar under the article: find as you type; enter keeps the matches for n and N,
escape closes it and goes back to where the reader was."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Input

from byline.tui.keys import bindings


class FindBar(Input):
    """An incremental find field; the screen finds, the article paints."""

    BINDINGS = bindings("find")

    @dataclass
    class Closed(Message):
        """The reader closed the bar: `keep` the matches (enter) or go back (escape)."""

        bar: FindBar
        keep: bool

        @property
        def control(self) -> FindBar:
            return self.bar

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="find in the article · enter: keep, n/N next/previous · esc: close", **kwargs)

    def open(self) -> None:
        self.add_class("-open")
        self.select_on_focus = True
        # Focus now, not after the next refresh (`focus()`): keys typed in the same burst as the
        # `/` (a paste, a fast typist) are already queued and must reach the bar, not the reader.
        self.screen.set_focus(self)

    def close(self) -> None:
        self.remove_class("-open")

    def action_cancel(self) -> None:
        self.post_message(self.Closed(self, keep=False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Closed(self, keep=True))
