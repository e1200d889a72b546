"""The base of the screens that read the whole library (Library, People, Voices, finding)."""

from __future__ import annotations

from textual.screen import Screen

from byline.tui.core.library import Library


class LibraryBased(Screen):
    """A screen over the library it is given, or the user's own, opened when first read."""

    def __init__(self, library: Library | None = None) -> None:
        super().__init__()
        self._library = library

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library()
        return self._library
