"""The legend under the article: which colour is which kind of entity. On a narrow column the
longest word gives way ("orgs"), so the legend is never cut."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.widgets import Label

from byline.tui.core.entity_types import LEGEND

#: Shorter words for a narrow column.
SHORT = {"organisations": "orgs"}


def _width(words) -> int:
    return sum(len(word) + 2 + 1 for word in words)  # padding either side, a margin after


class Legend(Horizontal):
    """One swatch per entity kind, styled by the same theme variables as the article."""

    def compose(self) -> ComposeResult:
        for kind, label in LEGEND:
            yield Label(f" {label} ", classes=f"swatch -{kind}")

    def on_resize(self, event: Resize) -> None:
        words = [label for _, label in LEGEND]
        if _width(words) > event.size.width:
            words = [SHORT.get(word, word) for word in words]
        for swatch, word in zip(self.query(Label), words, strict=False):
            swatch.update(f" {word} ")
