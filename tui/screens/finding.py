"""Search across the library, and the notes of every article: two screens of one shape, a query
above a list of what it finds, `enter` opening the article at the match.

Both ask the catalogue (core/search.py) in a worker as the user types, and show at most a page
of rows: the catalogue ranks or orders them, so the first page is the one that matters.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from byline.tui.core.errors import BylineError
from byline.tui.core.library import Library
from byline.tui.core.search import Hit, NoteRef
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings, screen_commands
from byline.tui.screens.library_based import LibraryBased
from byline.tui.screens.requests import OpenArticle
from byline.widgets.item_list import FilterField

#: Rows a screen shows at once (the best matches, or the newest notes).
PAGE = 200


def _marked(snippet: str) -> Text:
    """A snippet with its [matching words] in bold."""
    text = Text()
    for i, part in enumerate(one_line(snippet).replace("]", "[").split("[")):
        text.append(part, style="bold reverse" if i % 2 else "")
    return text


def hit_row(hit: Hit) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(one_line(hit.title) or "(no title)", style="bold")
    where = " · ".join(x for x in (hit.date, one_line(hit.site)) if x)
    row.append(f"  {where}", style="dim")
    kind = {"text": "text", "title": "title", "quote": f"quote — {one_line(hit.who)}", "note": "note"}[hit.kind]
    row.append(f"\n  {kind}: ", style="italic dim")
    row.append_text(_marked(hit.snippet))
    return row


def note_row(note: NoteRef) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    what = ", ".join(note.labels) or ("correction" if note.kind == "correction" else "note")
    row.append(f"{note.modified[:16].replace('T', ' ')}  ", style="dim")
    row.append(f"[{one_line(what)}] ", style="bold")
    row.append(one_line(note.title) or "(no title)", style="italic")
    if note.orphan:
        row.append("  passage lost", style="bold red")
    row.append(f"\n  “{one_line(note.passage)}”")
    if note.note.strip():
        row.append("\n  " + " ⏎ ".join(one_line(line) for line in note.note.splitlines()), style="dim")
    return row


class _Finding(LibraryBased):
    """A query field, a status line and a list of what the query finds."""

    SCOPE = ""
    TITLE_WORDS = ""
    PLACEHOLDER = ""

    @dataclass
    class Found(Message):
        query: str
        rows: list
        error: str | None

    def __init__(self, library: Library | None = None) -> None:
        super().__init__(library)
        self.rows: list = []

    def compose(self) -> ComposeResult:
        yield Static(f"{self.TITLE_WORDS} · reading the library…", id=f"{self.SCOPE}-status", markup=False)
        yield FilterField(placeholder=self.PLACEHOLDER, id=f"{self.SCOPE}-query")
        yield OptionList(id=f"{self.SCOPE}-list", classes="finding-list")
        yield Footer()

    @property
    def field(self) -> Input:
        return self.query_one(f"#{self.SCOPE}-query", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one(f"#{self.SCOPE}-list", OptionList)

    def on_mount(self) -> None:
        self.field.focus()
        self.find(self.field.value)

    def on_screen_resume(self) -> None:
        self.find(self.field.value)  # notes may have been written since

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.find(event.value)

    @on(FilterField.Done)
    def _done(self) -> None:
        """Back to the results (even none: escape there leaves the screen, never stays stuck)."""
        if self.results.option_count and self.results.highlighted is None:
            self.results.highlighted = 0
        self.results.focus()

    @work(thread=True, exclusive=True, group="finding")
    def find(self, query: str) -> None:
        try:
            self.post_message(self.Found(query, self.look(query), None))
        except BylineError as exc:
            self.post_message(self.Found(query, [], str(exc)))

    def look(self, query: str) -> list:
        raise NotImplementedError

    def row(self, item) -> Text:
        raise NotImplementedError

    def status(self, query: str, count: int) -> str:
        raise NotImplementedError

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.query != self.field.value:
            return  # the user typed on since
        self.rows = message.rows
        self.results.clear_options()
        self.results.add_options([Option(self.row(r)) for r in self.rows])
        if self.rows:
            self.results.highlighted = 0
        line = message.error or self.status(message.query, len(self.rows))
        self.query_one(f"#{self.SCOPE}-status", Static).update(f"{self.TITLE_WORDS} · {line}")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.rows):
            item = self.rows[event.option_index]
            self.post_message(OpenArticle(item.article, at=self.at_of(item)))

    def at_of(self, item) -> int:
        raise NotImplementedError

    def action_filter(self) -> None:
        self.query_one(f"#{self.SCOPE}-query", FilterField).take_focus()

    def palette_commands(self):
        return screen_commands(self, self.SCOPE)


class SearchScreen(_Finding):
    """Search every article's text, title, quotes and notes; best matches first."""

    BINDINGS = bindings("search")
    SCOPE = "search"
    TITLE_WORDS = "Search the library"
    PLACEHOLDER = 'words, "a phrase", prefix*, speaker: label: site: kind: after: before:'

    def look(self, query: str) -> list[Hit]:
        return self.library.search(query, limit=PAGE) if query.strip() else []

    def row(self, item: Hit) -> Text:
        return hit_row(item)

    def status(self, query: str, count: int) -> str:
        if not query.strip():
            return "type to search article texts, titles, quotes and notes"
        if not count:
            return f"nothing matches {one_line(query)!r}"
        return f"{count}{'+' if count == PAGE else ''} match{'es' if count != 1 else ''}, best first · enter opens"

    def at_of(self, item: Hit) -> int:
        return item.offset


class NotesScreen(_Finding):
    """Every note and correction of the library, newest first, filtered by words or `label:`."""

    BINDINGS = bindings("notes")
    SCOPE = "notes"
    TITLE_WORDS = "Notes across the library"
    PLACEHOLDER = "words, label:needs-check, since:2024-05-01"

    def look(self, query: str) -> list[NoteRef]:
        words, label, since = [], None, None
        for part in query.split():
            name, sep, value = part.partition(":")
            if sep and name == "label" and value:
                label = value
            elif sep and name == "since" and value:
                since = value
            else:
                words.append(part)
        return self.library.notes(label=label, words=" ".join(words), since=since, limit=PAGE)

    def row(self, item: NoteRef) -> Text:
        return note_row(item)

    def status(self, query: str, count: int) -> str:
        shown = f"{count}{'+' if count == PAGE else ''} note{'s' if count != 1 else ''}"
        return f"{shown}, newest first" + (f" · filtered by {one_line(query)!r}" if query.strip() else "")

    def at_of(self, item: NoteRef) -> int:
        return item.start
