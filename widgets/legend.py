"""The legend under the article: which colour is which kind of entity."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from byline.tui.core.entity_types import LEGEND



class Legend(Horizontal):
    """One swatch per entity kind, styled by the same theme variables as the article."""

    def compose(self) -> ComposeResult:
        for kind, label in LEGEND:
            yield Label(f" {label} ", classes=f"swatch -{kind}")
