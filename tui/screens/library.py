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
from textual.widgets import DataTable, Footer, Input, Static
from textual.widgets.data_table import CellDoesNotExist

from byline.tui.core.errors import BylineError
from byline.tui.core.library import Entry, Library
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings, screen_commands
from byline.tui.screens.confirm import ConfirmDialog
from byline.tui.screens.library_based import LibraryBased
from byline.tui.screens.library_table import COLUMNS, FIRST_ROWS, NUMERIC, _cell, layout, matches
from byline.tui.screens.location_prompt import LocationPrompt
from byline.tui.screens.requests import ArticleDeleted, DeleteArticle, OpenArticle
from byline.widgets.item_list import FilterField, FocusTable


class LibraryScreen(LibraryBased):
    """Title, feed, site, date, words, actors, quotes and notes of every article."""

    BINDINGS = bindings("library")

    @dataclass
    class Loaded(Message):
        entries: list[Entry]
        problem: str | None
        first: bool = False  # the first page only, newest first: the rest follows

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
        super().__init__(library)
        self.entries: list[Entry] = []
        self.sort_key = "date"
        self.sort_reverse = True
        self.dates = "published"  # which date the date column shows and sorts by: or "added"
        self.unread_only = False
        self.loaded = False
        self.job: str | None = None  # "refresh" or "add" while one runs
        self._filling = 0  # which fill of the table is under way (a new one drops the old)
        self._asked = False  # a dialog of this screen's is open
        self._rest: list[Entry] = []  # the rows of the list not in the table yet

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
        self.watch(self.query_one(DataTable), "scroll_y", self.more, init=False)
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

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        try:
            if not self.loaded:  # the newest first, painted while the rest is read
                self.post_message(self.Loaded(self.library.entries(limit=FIRST_ROWS, by_date=True), None, True))
            entries = self.library.entries()
        except BylineError as exc:
            self.post_message(self.Loaded([], str(exc)))
            return
        self.post_message(self.Loaded(entries, self.library.problem))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.entries = message.entries
        if message.first:
            self.refill()
            return
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
        self._rest = rows[FIRST_ROWS:]  # added as the cursor or the scroll comes near them
        self._add_rows(rows[:FIRST_ROWS], self._filling, cursor)
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
        if cursor is not None and cursor >= len(rows):  # the row to come back to is further on
            rows, self._rest = (
                rows + self._rest[: cursor + FIRST_ROWS - len(rows)],
                self._rest[cursor + FIRST_ROWS - len(rows) :],
            )
        for e in rows:
            table.add_row(*[_cell(e, key, self.dates) for key in self.columns], key=e.id)
        if cursor is not None and cursor < table.row_count:
            table.move_cursor(row=cursor)

    @on(DataTable.RowHighlighted)
    def more(self) -> None:
        """Rows are added as they are about to be seen, never all up front (100,000 articles)."""
        table = self.query_one(DataTable)
        near = max(table.cursor_row, int(table.scroll_y) + table.size.height)
        if self._rest and near >= table.row_count - FIRST_ROWS // 2:
            rows, self._rest = self._rest[: FIRST_ROWS * 5], self._rest[FIRST_ROWS * 5 :]
            self._add_rows(rows, self._filling)

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

        def progress(line: str) -> None:
            self.post_message(self.JobProgress(line))

        status, last = run_byline(args, progress, started)
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
