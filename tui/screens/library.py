"""The Library: every article read or added, in a table to sort, filter and open.

The screen owns the list; loading, deleting, marking read, adding and refreshing the feeds run
in workers (adding and refreshing in a `byline` process of their own, whose progress lines
become the progress line here: reading goes on meanwhile). Opening an article is a request to
the app (`OpenArticle`), which switches to the reader; it marks the article read.

Columns give their room to what has content: the site and feed columns are as wide as their
longest name (and gone when no article has one); on a narrow terminal the actor and quote
counts go before the title is cut short.
"""

from __future__ import annotations

import dataclasses
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
from byline.tui.screens.location_prompt import LocationPrompt
from byline.tui.screens.requests import ArticleDeleted, DeleteArticle, OpenArticle
from byline.widgets.item_list import FilterField, FocusTable

#: (column key, heading, widest it gets or None for the rest, how a row sorts by it)
COLUMNS = (
    ("title", "Title", None, lambda e: e.title.lower()),
    ("feed", "Feed", 16, lambda e: (e.feed or "").lower()),
    ("site", "Site", 18, lambda e: (e.site or "").lower()),
    ("date", "Date", 10, lambda e: (e.date, e.added)),  # one day: the last added first
    ("words", "Words", 7, lambda e: e.words or 0),
    ("actors", "Actors", 6, lambda e: e.actors if e.actors is not None else -1),
    ("quotes", "Quotes", 6, lambda e: e.quotes if e.quotes is not None else -1),
    ("notes", "Notes", 5, lambda e: e.notes or 0),
)
NUMERIC = {"words", "actors", "quotes", "notes"}
#: Columns shown only when some article has something in them.
OPTIONAL = ("feed", "site")
TITLE_ROOM = 28
NAMES_AT_LEAST = 10  # a site or feed column is narrowed to this before a count goes
UNREAD = "● "
#: Rows put in the table before its first paint; the others follow at once after it.
FIRST_ROWS = 80


def matches(entry: Entry, query: str) -> bool:
    """Every word of the query in the title, site, feed, authors, source or date."""
    hay = " ".join(
        [entry.title, entry.site or "", entry.feed or "", " ".join(entry.authors), entry.source, entry.date]
    ).lower()
    return all(word in hay for word in query.lower().split())


def added_day(entry: Entry) -> str:
    return entry.added[:10]


def _cell(entry: Entry, key: str, dates: str = "published") -> Text | str:
    if key == "title":
        title = one_line(entry.title or entry.source)
        if entry.unread:  # new from a feed: marked, and bold
            return Text.assemble((UNREAD, "bold"), (title, "bold"), overflow="ellipsis", no_wrap=True)
        return Text(title, overflow="ellipsis", no_wrap=True)
    if key in ("site", "feed"):
        return Text(one_line(getattr(entry, key) or ""), overflow="ellipsis", no_wrap=True)
    if key == "date":
        if dates == "added":
            return Text(added_day(entry))
        # the day it was added, where the article gives no date, in grey
        return Text(entry.date, style="" if entry.date_kind == "published" else "dim")
    value = getattr(entry, key)
    return Text("—" if value is None else f"{value:,}", justify="right")


def layout(entries: list[Entry], width: int, sort_key: str) -> dict[str, int]:
    """The columns to show and their widths at this terminal width: a name column as wide as its
    longest name (none when no article has one), a count as wide as its heading (and the sort
    arrow, on the sorted one), and the rest for the title. On a narrow terminal the actor and
    quote counts go first, then the names are narrowed, then the word count goes (never the
    sorted column), before the title is cut short."""
    widths: dict[str, int] = {}
    for key, heading, widest, _ in COLUMNS:
        if widest is None:
            continue
        room = len(heading) + (2 if key == sort_key else 0)
        if key in OPTIONAL:
            longest = max((len(one_line(getattr(e, key))) for e in entries if getattr(e, key)), default=0)
            if longest:
                widths[key] = max(room, min(widest, longest))
        elif key == "words":
            longest = max((len(f"{e.words:,}") for e in entries if e.words), default=0)
            widths[key] = max(room, min(widest, longest))
        else:
            widths[key] = max(room, widest if key == "date" else 0)

    def title_room() -> int:
        return width - sum(w + 2 for w in widths.values()) - 2 - 2  # cell padding; the scrollbar

    def drop(key: str) -> None:
        if title_room() < TITLE_ROOM and key != sort_key:
            widths.pop(key, None)

    drop("actors")
    drop("quotes")
    for key in OPTIONAL:
        if title_room() < TITLE_ROOM and key in widths:
            least = min(widths[key], NAMES_AT_LEAST)
            widths[key] = max(least, widths[key] - (TITLE_ROOM - title_room()))
    drop("words")
    return {"title": max(12, title_room()), **widths}


class LibraryScreen(Screen):
    """Title, feed, site, date, words, actors, quotes and notes of every article."""

    BINDINGS = bindings("library")

    @dataclass
    class Loaded(Message):
        entries: list[Entry]
        problem: str | None

    @dataclass
    class Deleted(Message):
        entry: Entry
        error: str | None

    @dataclass
    class JobProgress(Message):
        """A line from a job under way (adding, refreshing); `done` with its last line."""

        line: str
        done: bool = False
        failed: bool = False

    def __init__(self, library: Library | None = None) -> None:
        super().__init__()
        self._library = library
        self.entries: list[Entry] = []
        self.sort_key = "date"
        self.sort_reverse = True
        self.dates = "published"  # which date the date column shows and sorts by: or "added"
        self.unread_only = False
        self.loaded = False
        self.job: str | None = None  # "refresh" or "add" while one runs
        self._filling = 0  # which fill of the table is under way (a new one drops the old)
        self._asked = False  # a dialog of this screen's is open

    def compose(self) -> ComposeResult:
        yield Static("Library · reading the list…", id="library-status", markup=False)
        yield FilterField(placeholder="filter: words of a title, site, feed, author or date", id="library-query")
        table: DataTable = FocusTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="library-progress", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#library-progress", Static).display = False
        self.query_one(DataTable).focus()
        self.load()

    def on_screen_resume(self) -> None:
        """Back on the Library: read the list again (an article opened elsewhere is read now;
        another Byline may have added some)."""
        if self._asked:  # back from a question of this screen's: it acts on the answer itself
            self._asked = False
        elif self.loaded and self.job is None:
            self.load()

    def ask(self, screen, answered) -> None:
        """Push a dialog of this screen's, whose answer it acts on."""
        self._asked = True
        self.app.push_screen(screen, answered)

    def on_resize(self) -> None:
        if self.loaded:
            self.refill()

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
        for line in [*self.library.damaged, *self.library.skipped, *self.library.damaged_records][:3]:
            self.notify(line, title="Skipped", severity="warning", timeout=10)
        self.refill()

    # -- the table ----------------------------------------------------------------------------
    def _sort(self):
        if self.sort_key == "date" and self.dates == "added":
            return lambda e: e.added
        return next(fn for key, _, _, fn in COLUMNS if key == self.sort_key)

    def shown(self) -> list[Entry]:
        """The entries the filter lets through, in the chosen order."""
        query = self.query_one("#library-query", Input).value
        rows = [e for e in self.entries if matches(e, query) and (e.unread or not self.unread_only)]
        rows.sort(key=self._sort(), reverse=self.sort_reverse)
        return rows

    def _columns(self, widths: dict[str, int]) -> None:
        """The table's columns as `widths` has them (made again when the set changes)."""
        table = self.query_one(DataTable)
        wanted = [key for key, *_ in COLUMNS if key in widths]
        if [str(c.key.value) for c in table.columns.values()] != wanted:
            table.clear(columns=True)
            for key in wanted:
                table.add_column("", key=key, width=widths[key])
        for column in table.columns.values():
            key = str(column.key.value)
            column.width = widths[key]
            heading = next(h for k, h, _, _ in COLUMNS if k == key)
            if key == "date" and self.dates == "added":
                heading = "Added"
            arrow = (" ▼" if self.sort_reverse else " ▲") if key == self.sort_key else ""
            column.label = Text(heading + arrow)

    def refill(self) -> None:
        table = self.query_one(DataTable)
        keep = self._highlighted()
        rows = self.shown()
        table.clear()
        widths = layout(self.entries, self.size.width, self.sort_key)
        self._columns(widths)
        self.columns = [key for key, *_ in COLUMNS if key in widths]
        self._filling += 1
        cursor = next((i for i, e in enumerate(rows) if e.id == keep), None)
        self._add_rows(rows[:FIRST_ROWS], self._filling, cursor)
        if len(rows) > FIRST_ROWS:  # the first screenfuls now, the rest once they are painted
            self.call_after_refresh(self._add_rows, rows[FIRST_ROWS:], self._filling, cursor)
        self._status(rows)

    def _status(self, rows: list[Entry]) -> None:
        total = len(self.entries)
        unread = sum(1 for e in self.entries if e.unread)
        filtered = f" · {len(rows):,} shown" if len(rows) != total else ""
        order = "added date" if self.sort_key == "date" and self.dates == "added" else self.sort_key
        if self.sort_key == "date" and self.dates == "published":
            order = "published date"
        grey = self.dates == "published" and any(e.date_kind == "added" for e in rows)
        self.query_one("#library-status", Static).update(
            f"Library · {total:,} article{'s' if total != 1 else ''}"
            + (f" · {unread:,} unread" if unread else "")
            + (" · only unread" if self.unread_only else "")
            + f"{filtered} · by {order}"  # the arrow in the heading says which way
            + (" · grey: added" if grey else "")
        )

    def _add_rows(self, rows: list[Entry], filling: int, cursor: int | None = None) -> None:
        """Add rows at the end of the table; put the cursor on row `cursor` once it is there."""
        if filling != self._filling:
            return  # the table was filled again since
        table = self.query_one(DataTable)
        for e in rows:
            table.add_row(*[_cell(e, key, self.dates) for key in self.columns], key=e.id)
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
        self._open(str(event.row_key.value))

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        self.sort_reverse = not self.sort_reverse if key == self.sort_key else key in NUMERIC or key == "date"
        self.sort_key = key
        self.refill()

    # -- actions -----------------------------------------------------------------------------
    def _open(self, key: str) -> None:
        """Ask the app to open an article, and mark it read."""
        self.post_message(OpenArticle(key))
        entry = next((e for e in self.entries if e.id == key), None)
        if entry is not None and entry.unread:
            self._set_unread(entry, False)

    def _set_unread(self, entry: Entry, unread: bool) -> None:
        self.entries = [dataclasses.replace(e, unread=unread) if e.id == entry.id else e for e in self.entries]
        self.refill()
        self.mark(entry.id, unread)

    @work(thread=True, group="library-marks")
    def mark(self, key: str, unread: bool) -> None:
        try:
            self.library.mark_read(key, not unread)
        except BylineError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Not marked", severity="error", timeout=10)

    def action_open(self) -> None:
        key = self._highlighted()
        if key is None:
            self.notify("The library is empty: a adds a file, a folder or a URL", severity="warning")
            return
        self._open(key)

    def action_filter(self) -> None:
        self.query_one("#library-query", FilterField).take_focus()

    def action_clear_filter(self) -> None:
        """escape: the filter is cleared (and only unread shown no more)."""
        field = self.query_one("#library-query", Input)
        if field.value or self.unread_only:
            self.unread_only = False
            field.value = ""  # refills
            self.refill()

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_sort(self, step: int) -> None:
        keys = getattr(self, "columns", None) or [key for key, *_ in COLUMNS]
        at = keys.index(self.sort_key) if self.sort_key in keys else 0
        self.sort_key = keys[(at + step) % len(keys)]
        self.sort_reverse = self.sort_key in NUMERIC or self.sort_key == "date"
        self.refill()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.refill()

    def action_dates(self) -> None:
        """The date column: the publication date, or the day added; sorted by it, newest first."""
        self.dates = "added" if self.dates == "published" else "published"
        self.sort_key, self.sort_reverse = "date", True
        self.refill()

    def action_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.refill()

    def action_toggle_unread(self) -> None:
        key = self._highlighted()
        entry = next((e for e in self.entries if e.id == key), None)
        if entry is not None:
            self._set_unread(entry, not entry.unread)

    def action_delete(self) -> None:
        key = self._highlighted()
        entry = next((e for e in self.entries if e.id == key), None)
        if entry is None:
            return
        notes = f" and its {entry.notes} note{'s' if entry.notes != 1 else ''}" if entry.notes else ""
        question = f"Delete “{one_line(entry.title or entry.source)}”{notes} from the library?"

        def answered(request: DeleteArticle | None) -> None:
            if request is not None:
                self.delete(request.entry)

        self.ask(ConfirmDialog(question, DeleteArticle(entry), yes="Delete"), answered)

    @work(thread=True, group="library-delete")
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

    # -- adding and refreshing, in a byline process of their own ------------------------------
    def action_add(self) -> None:
        def answered(location: str | None) -> None:
            if location:
                self.run_job("add", ["add", location], f"adding {one_line(location)}")

        self.ask(LocationPrompt("Add to the library: a file, a folder or a URL"), answered)

    def action_follow(self) -> None:
        def answered(location: str | None) -> None:
            if location:
                self.run_job("follow", ["feed", "add", location], f"looking for a feed at {one_line(location)}")

        self.ask(
            LocationPrompt("Follow a feed: its address, or a site's whose page names one", "an http(s):// address"),
            answered,
        )

    def action_refresh(self) -> None:
        self.run_job("refresh", ["refresh", "--progress"], "refreshing the feeds")

    def run_job(self, name: str, args: list[str], what: str) -> None:
        if self.job is not None:
            self.notify(f"Wait: {self.job} is under way", severity="warning", timeout=3)
            return
        self.job = name
        self._progress(f"{what}…")
        self._job(args)

    def _progress(self, line: str | None) -> None:
        bar = self.query_one("#library-progress", Static)
        bar.display = line is not None
        bar.update(line or "")

    @work(thread=True, group="library-job")
    def _job(self, args: list[str]) -> None:
        from byline.tui.core.jobs import run_byline

        def started(process) -> None:
            self._process = process

        status, last = run_byline(args, lambda line: self.post_message(self.JobProgress(line)), started)
        self._process = None
        self.post_message(self.JobProgress(last, done=True, failed=status != 0))

    def on_unmount(self) -> None:
        """Quitting during a job interrupts it: what it finished is kept (ctrl+c to `byline`)."""
        import signal

        process = getattr(self, "_process", None)
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)

    @on(JobProgress)
    def _job_progress(self, message: JobProgress) -> None:
        if not message.done:
            self._progress(f"{self.job}: {one_line(message.line)[:200]}")
            return
        self._progress(None)
        name, self.job = self.job, None
        if message.line:
            self.notify(
                message.line,
                title={"refresh": "Feeds", "follow": "Feeds"}.get(name or "", "Added"),
                severity="error" if message.failed else "information",
                timeout=10,
            )
        self.load()

    def palette_commands(self):
        """What this screen can do, for the command palette."""
        return screen_commands(self, "library")
