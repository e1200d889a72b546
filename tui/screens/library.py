"""The Library: every article read or added, in a table to sort, filter and open.

The screen owns the list; loading and deleting run in workers. Opening an article is a request
to the app (`OpenArticle`), which switches to the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.widgets.data_table import CellDoesNotExist

from byline.tui.core.errors import BylineError
from byline.tui.core.library import Entry, Library
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings, screen_commands
from byline.tui.screens.confirm import ConfirmDialog
from byline.tui.screens.requests import ArticleDeleted, OpenArticle
from byline.widgets.item_list import FilterField

#: (column key, heading, width or None for the rest, how a row sorts by it)
COLUMNS = (
    ("title", "Title", None, lambda e: e.title.lower()),
    ("site", "Site", 18, lambda e: (e.site or "").lower()),
    ("date", "Date", 10, lambda e: e.date),
    ("words", "Words", 7, lambda e: e.words or 0),
    ("actors", "Actors", 6, lambda e: e.actors if e.actors is not None else -1),
    ("quotes", "Quotes", 6, lambda e: e.quotes if e.quotes is not None else -1),
    ("notes", "Notes", 5, lambda e: e.notes or 0),
)
NUMERIC = {"words", "actors", "quotes", "notes"}
#: Rows put in the table before its first paint; the others follow at once after it.
FIRST_ROWS = 80


def matches(entry: Entry, query: str) -> bool:
    """Every word of the query in the title, site, authors, source or date."""
    hay = " ".join([entry.title, entry.site or "", " ".join(entry.authors), entry.source, entry.date]).lower()
    return all(word in hay for word in query.lower().split())


def _cell(entry: Entry, key: str) -> Text | str:
    if key == "title":
        return Text(one_line(entry.title or entry.source), overflow="ellipsis", no_wrap=True)
    if key == "site":
        return Text(one_line(entry.site or ""), overflow="ellipsis", no_wrap=True)
    if key == "date":  # the day it was added, where the article gives no date, in grey
        return Text(entry.date, style="" if entry.date_kind == "published" else "dim")
    value = getattr(entry, key)
    return Text("—" if value is None else f"{value:,}", justify="right")


class LibraryScreen(Screen):
    """Title, site, date, words, actors, quotes and notes of every article."""

    BINDINGS = bindings("library")

    @dataclass
    class Loaded(Message):
        entries: list[Entry]
        problem: str | None

    @dataclass
    class Deleted(Message):
        entry: Entry
        error: str | None

    def __init__(self, library: Library | None = None) -> None:
        super().__init__()
        self._library = library
        self.entries: list[Entry] = []
        self.sort_key = "date"
        self.sort_reverse = True
        self.loaded = False
        self._filling = 0  # which fill of the table is under way (a new one drops the old)

    def compose(self) -> ComposeResult:
        yield Static("Library · reading the list…", id="library-status", markup=False)
        yield FilterField(placeholder="filter: words of a title, site, author or date", id="library-query")
        table: DataTable = DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        widths = self._widths()
        for key, heading, _, _ in COLUMNS:
            table.add_column(heading, key=key, width=widths[key])
        table.focus()
        self.load()

    def on_resize(self) -> None:
        if self.loaded:
            self.refill()

    def _widths(self) -> dict[str, int]:
        """Every column has a width, so the table never measures a thousand titles to size one:
        the site column as wide as the longest site (its heading when no article has one), the
        title the width the others leave."""
        widths = {key: width for key, _, width, _ in COLUMNS if width}
        longest = max((len(one_line(e.site)) for e in self.entries if e.site), default=0)
        widths["site"] = max(len("Site"), min(widths["site"], longest))
        others = sum(width + 2 for width in widths.values())
        widths["title"] = max(16, self.size.width - others - 4)
        return widths

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library()
        return self._library

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        try:
            entries = self.library.entries()
        except BylineError as exc:
            self.post_message(self.Loaded([], str(exc)))
            return
        self.post_message(self.Loaded(entries, self.library.problem))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.entries = message.entries
        self.loaded = True
        if message.problem:
            self.notify(message.problem, title="Library", severity="error", timeout=15)
        for line in self.library.store.notices[:3]:
            self.notify(line, title="Library", timeout=15)
        for line in [*self.library.damaged, *self.library.skipped][:3]:
            self.notify(line, title="Skipped", severity="warning", timeout=10)
        self.refill()

    # -- the table ----------------------------------------------------------------------------
    def shown(self) -> list[Entry]:
        """The entries the filter lets through, in the chosen order."""
        query = self.query_one("#library-query", Input).value
        rows = [e for e in self.entries if matches(e, query)]
        sort = next(fn for key, _, _, fn in COLUMNS if key == self.sort_key)
        rows.sort(key=sort, reverse=self.sort_reverse)
        return rows

    def refill(self) -> None:
        table = self.query_one(DataTable)
        keep = self._highlighted()
        rows = self.shown()
        table.clear()
        widths = self._widths()
        for column in table.columns.values():
            key = str(column.key.value)
            column.width = widths[key]
            heading = next(h for k, h, _, _ in COLUMNS if k == key)
            arrow = (" ▼" if self.sort_reverse else " ▲") if key == self.sort_key else ""
            column.label = Text(heading + arrow)
        self._filling += 1
        cursor = next((i for i, e in enumerate(rows) if e.id == keep), None)
        self._add_rows(rows[:FIRST_ROWS], self._filling, cursor)
        if len(rows) > FIRST_ROWS:  # the first screenfuls now, the rest once they are painted
            self.call_after_refresh(self._add_rows, rows[FIRST_ROWS:], self._filling, cursor)
        total = len(self.entries)
        filtered = f" · {len(rows):,} shown" if len(rows) != total else ""
        self.query_one("#library-status", Static).update(
            f"Library · {total:,} article{'s' if total != 1 else ''}{filtered} · "
            f"sorted by {self.sort_key}{' (newest first)' if self.sort_key == 'date' and self.sort_reverse else ''}"
            + (" · grey dates: added" if any(e.date_kind == "added" for e in rows) else "")
        )

    def _add_rows(self, rows: list[Entry], filling: int, cursor: int | None = None) -> None:
        """Add rows at the end of the table; put the cursor on row `cursor` once it is there."""
        if filling != self._filling:
            return  # the table was filled again since
        table = self.query_one(DataTable)
        for e in rows:
            table.add_row(*[_cell(e, key) for key, _, _, _ in COLUMNS], key=e.id)
        if cursor is not None and cursor < table.row_count:
            table.move_cursor(row=cursor)

    def _highlighted(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        try:
            return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except CellDoesNotExist:  # no row under the cursor
            return None

    @on(Input.Changed, "#library-query")
    def _query_changed(self) -> None:
        self.refill()

    @on(FilterField.Done, "#library-query")
    def _query_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.post_message(OpenArticle(str(event.row_key.value)))

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        self.sort_reverse = not self.sort_reverse if key == self.sort_key else key in NUMERIC or key == "date"
        self.sort_key = key
        self.refill()

    # -- actions -----------------------------------------------------------------------------
    def action_open(self) -> None:
        key = self._highlighted()
        if key is None:
            self.notify("The library is empty: byline add PATH|URL adds articles", severity="warning")
            return
        self.post_message(OpenArticle(key))

    def action_filter(self) -> None:
        self.query_one("#library-query", Input).focus()

    def action_sort(self, step: int) -> None:
        keys = [key for key, *_ in COLUMNS]
        self.sort_key = keys[(keys.index(self.sort_key) + step) % len(keys)]
        self.sort_reverse = self.sort_key in NUMERIC or self.sort_key == "date"
        self.refill()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.refill()

    def action_delete(self) -> None:
        key = self._highlighted()
        entry = next((e for e in self.entries if e.id == key), None)
        if entry is None:
            return
        notes = f" and its {entry.notes} note{'s' if entry.notes != 1 else ''}" if entry.notes else ""
        question = f"Delete “{one_line(entry.title or entry.source)}”{notes} from the library?"

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(entry)

        self.app.push_screen(ConfirmDialog(question, yes="Delete"), answered)

    @work(thread=True, group="library")
    def delete(self, entry: Entry) -> None:
        try:
            self.library.delete(entry.id)
        except BylineError as exc:
            self.post_message(self.Deleted(entry, str(exc)))
            return
        self.post_message(self.Deleted(entry, None))

    @on(Deleted)
    def _deleted(self, message: Deleted) -> None:
        if message.error:
            self.notify(message.error, title="Not deleted", severity="error", timeout=10)
            return
        self.entries = [e for e in self.entries if e.id != message.entry.id]
        self.refill()
        self.post_message(ArticleDeleted(message.entry.id))
        self.notify(
            f"Deleted “{one_line(message.entry.title)}” (its notes are kept in the store's deleted folder)", timeout=5
        )

    def palette_commands(self):
        """What this screen can do, for the command palette."""
        return screen_commands(self, "library")
