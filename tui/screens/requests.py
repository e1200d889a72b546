"""What the library's screens ask of the app (open an article, show a person; the app acts), and
what they ask the reader to confirm (delete an article; the screen acts on the answer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the reader starts without the library's modules
    from byline.tui.core.library import Entry


@dataclass
class OpenArticle(Message):
    """Open this library article in the reader, at `at` (a character offset) when given."""

    entry_id: str
    at: int | None = None


@dataclass
class ShowPerson(Message):
    """Show this name on the People screen."""

    name: str


@dataclass
class ArticleDeleted(Message):
    """This library article was deleted: a reader open on it must not write to it any more."""

    entry_id: str


@dataclass(frozen=True)
class DeleteArticle:
    """Delete this article from the library (its notes go to the store's deleted folder)."""

    entry: Entry
