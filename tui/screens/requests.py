"""What the library's screens ask of the app: open an article, show a person. The app acts."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


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
