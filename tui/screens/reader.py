"""The reader: the article beside (on a narrow terminal, above) its side panel. It owns the open
article (a core Session); children get state through reactives and report back with messages;
slow work (annotations, analysis, store writes, exports) runs in workers. Annotations are in
reader_edits, corrections in reader_fixes, moving about (focus, tabs, find) in reader_nav."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent
from textual.worker import get_current_worker

from byline.tui.core.annotation import Annotation, Label, labels_from_config
from byline.tui.core.errors import BylineError
from byline.tui.core.model import Analysis
from byline.tui.core.prefetch import Prefetch, keep_analysis
from byline.tui.core.session import Session
from byline.tui.core.sources import Article
from byline.tui.core.state import load_state, save_state
from byline.tui.core.text import counted, find_all
from byline.tui.keys import bindings
from byline.tui.screens.reader_edits import AnnotationActions
from byline.tui.screens.reader_fixes import CorrectionActions
from byline.tui.screens.reader_nav import BREAKPOINTS, ReaderNavigation, breakpoint_class
from byline.tui.screens.reader_parts import Change
from byline.widgets.article_view import ArticleView
from byline.widgets.find_bar import FindBar
from byline.widgets.legend import Legend
from byline.widgets.side_panel import LIST_OF, SidePanel
from byline.widgets.status_line import StatusLine

if TYPE_CHECKING:  # the export dialog is imported when first opened
    from byline.tui.screens.export_dialog import ExportRequest

#: Find stops counting here: enough for "k of N" to mean something, cheap on any article.
MAX_MATCHES = 10_000


#: Where a reader's analysis comes from when no prefetch was started: analyse(article, model).
Analyser = Callable[[Article, str], Analysis]


def _analyse(article: Article, model: str) -> Analysis:
    from byline.tui.core.analysis import analyze

    return analyze(article, model)


class ReaderScreen(AnnotationActions, CorrectionActions, ReaderNavigation, Screen):
    """Status line, article pane, find bar, legend, side panel and footer."""

    BINDINGS = bindings("reader")
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS

    # the children paint what changes: the screen itself is never repainted for them
    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True, repaint=False)
    annotations: reactive[tuple[Annotation, ...]] = reactive((), init=False, always_update=True, repaint=False)

    @dataclass
    class SessionOpened(Message):
        session: Session

    @dataclass
    class SessionFailed(Message):
        error: str

    @dataclass
    class AnalysisReady(Message):
        analysis: Analysis

    @dataclass
    class AnalysisFailed(Message):
        error: str

    @dataclass
    class Saved(Message):
        """A change reached the disk."""

        done: str

    @dataclass
    class SaveFailed(Message):
        error: str

    @dataclass
    class Exported(Message):
        paths: list[Path]

    @dataclass
    class ExportFailed(Message):
        error: str

    def __init__(
        self,
        article: Article,
        model: str,
        prefetch: Prefetch | None = None,
        labels: tuple[Label, ...] | None = None,
        store=None,
        analyser: Analyser | None = None,
        at: int | None = None,
    ) -> None:
        """`at`: a character offset to open at (a quote chosen on the People screen), else where
        the reader was last time."""
        super().__init__()
        self.article = article
        self._at = at if at is not None and 0 <= at < len(article.text) else None
        self.model = model
        self._prefetch = prefetch
        self._analyser = analyser or _analyse
        self.labels = labels or labels_from_config([])
        self.store = store
        self.session: Session | None = None
        self._raw_analysis: Analysis | None = None
        self._find_origin: int | None = None
        self._position: int | None = None  # the cursor's offset, kept for the next time
        self._tab: str | None = None  # the tab shown, kept for the next time

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.add_class(breakpoint_class(self.app.size.width))
        with Horizontal(id="body"):
            with Vertical(id="article-column"):
                yield StatusLine(id="status")
                yield ArticleView(self.article.text, id="article")
                yield FindBar(id="find")
                yield Legend(id="legend")
            yield SidePanel(self.article.text, id="side")
        yield Footer()

    def _status(self, facts: str) -> None:
        """Which article, when and by whom it was published, then `facts`: a page's date and
        authors are shown nowhere else, so they come before the counts when the line is short."""
        status = self.query_one(StatusLine)
        article = self.article
        status.name_text = article.title or article.name
        authors = list(article.authors)
        if not authors and self.analysis is not None:  # a byline in the text: "By Jane Smith"
            authors = list(dict.fromkeys(c.name for c in self.analysis.credits if c.kind == "author"))
        about = [article.published or "", "by " + ", ".join(authors[:2]) if authors else ""]
        if article.site and article.site != status.name_text:
            about.insert(0, article.site)
        words = f"{len(article.text.split()):,} words"
        status.facts = " · ".join(part for part in (*about, words, facts) if part)

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.border_title = "Article"
        view.focus()
        self.query_one(StatusLine).add_class("-loading")
        self._status("analysing…")
        self.query_one(SidePanel).label_colours = {label.name: label.color for label in self.labels}
        self.watch(view, "selecting", self._selecting_changed, init=False)
        self.watch(view, "selection", self._cursor_moved, init=False)
        state = load_state()
        if state.tab in LIST_OF:
            self.query_one(SidePanel).show_tab(state.tab)
        position = self._at if self._at is not None else state.position(self.article.sha256, len(self.article.text))
        if position:
            self.call_after_refresh(view.move_to_offset, position)
        for warning in self.article.warnings:
            self.notify(warning, title="Article", severity="warning", timeout=10)
        self.open_session()
        cached = self._prefetch.cached if self._prefetch is not None else None
        if cached is not None:  # read before the app started: on the first frame, with the text
            self._analysis_ready(self.AnalysisReady(cached))
        else:
            self.run_analysis()

    def on_unmount(self) -> None:
        self.save_now()
        self.remember()
        if self._prefetch is not None:
            self._prefetch.leave()

    def remember(self) -> None:
        """Keep where the reader was and the tab shown, for the next time (the widgets may be
        gone already: what they showed was noted as it changed)."""
        if self._position is None and self._tab is None:
            return
        state = load_state()
        if self._position is not None:
            state.remember(self.article.sha256, self._position)
        state.tab = self._tab or state.tab
        save_state(state)

    def _cursor_moved(self) -> None:
        self._position = self.query_one(ArticleView).cursor_offset

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._tab = event.pane.id

    def save_now(self) -> None:
        """Write what is still queued (the app is closing): nothing the reader did is lost."""
        if self.session is not None:
            try:
                self.session.save_all()
            except BylineError:
                pass  # already reloaded; the app is going away and the notification with it

    # -- the session: annotations from the store, in a worker ------------------------------
    @work(thread=True, exclusive=True, group="session")
    def open_session(self) -> None:
        from byline.tui.core.store import Store

        try:
            store = self.store if self.store is not None else Store()
            self.post_message(self.SessionOpened(Session.open(self.article, store, self.labels)))
        except BylineError as exc:
            self.post_message(self.SessionFailed(str(exc)))

    @on(SessionOpened)
    def _session_opened(self, message: SessionOpened) -> None:
        session = self.session = message.session
        self.store = session.store
        if session.readonly:
            self.notify(session.store.why_readonly, title="Read-only", severity="error", timeout=30)
            self.query_one(StatusLine).locked = "READ-ONLY"
        if session.opened.notice:
            self.notify(session.opened.notice, timeout=8)
        store = session.store
        for line in getattr(store, "notices", [])[:3]:
            self.notify(line, title="Store", timeout=10)
        skipped = getattr(store, "skipped", [])
        for line in skipped[:3]:
            self.notify(line, title="Damaged record, skipped (kept in the file)", severity="warning", timeout=15)
        if len(skipped) > 3:
            self.notify(f"… and {len(skipped) - 3} more damaged records, skipped", severity="warning", timeout=15)
        if self._raw_analysis is not None:
            session.set_analysis(self._raw_analysis)
        self.annotations = tuple(session.annotations)
        self._show()

    @on(SessionFailed)
    def _session_failed(self, message: SessionFailed) -> None:
        self.notify(message.error, title="Annotations", severity="error", timeout=15)
        self.query_one(StatusLine).locked = "NOT SAVED"

    def _show(self) -> None:
        """Hand the session's annotations and corrected analysis to the children."""
        session = self.session
        if session is None:
            return
        if list(self.annotations) != session.annotations:  # painted again only when they changed
            self.annotations = tuple(session.annotations)
        analysis = session.analysis
        if analysis is not None and analysis is not self.analysis:  # corrections made a new one
            self.analysis = analysis

    def watch_annotations(self, annotations: tuple[Annotation, ...]) -> None:
        colours = {label.name: label.color for label in self.labels}
        painted = []
        for a in annotations:
            if a.orphan or a.kind != "annotation":
                continue
            colour = next((colours[name] for name in a.labels if name in colours), None)
            painted.append((a.start, a.end, colour or "#888888", bool(a.note)))
        self.query_one(ArticleView).annotations = tuple(painted)
        # the Notes list after the article is painted: the passage shows first
        self.call_after_refresh(setattr, self.query_one(SidePanel), "notes", annotations)

    # -- analysis -----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        worker = get_current_worker()
        prefetch = self._prefetch  # kept: leaving the reader cancels it (quit must not wait for it)
        try:
            result = prefetch.result() if prefetch is not None else None
            if result is None and (worker.is_cancelled or (prefetch is not None and prefetch.cancelled)):
                return  # quitting, or another article opened: nobody waits for this one
            if result is None:
                result = self._analyser(self.article, self.model)
                # made here, not by a prefetch (whose process keeps its own): kept for next time
                keep_analysis(self.article, self.model, result, self.store)
        except BylineError as exc:
            self.post_message(self.AnalysisFailed(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - any analysis bug becomes a notification
            self.post_message(self.AnalysisFailed(f"analysis failed: {type(exc).__name__}: {exc}"))
            return
        if not worker.is_cancelled:
            self.post_message(self.AnalysisReady(result))

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        self._raw_analysis = message.analysis
        if self.session is not None:
            self.session.set_analysis(message.analysis)
            self._show()
        else:
            self.analysis = message.analysis
        quote = next((q for q in message.analysis.quotes if q.start == self._at), None)
        if quote is not None:  # opened at a quote: show which
            view = self.query_one(ArticleView)
            view.marks = ((quote.start, quote.end),)
            view.move_to_offset(quote.start)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.query_one(StatusLine).remove_class("-loading")
        self.query_one(SidePanel).analysing = False
        self._status("no analysis")
        self.notify(message.error, title="Analysis failed", severity="error", timeout=10)

    @property
    def analysing(self) -> bool:  # the analysis has not landed yet (nor failed)
        return self.query_one(StatusLine).has_class("-loading")

    @property
    def raw_analysis(self) -> Analysis | None:
        """The model's analysis before the reader's corrections."""
        return self._raw_analysis

    def watch_analysis(self, analysis: Analysis | None) -> None:
        if analysis is None:
            return
        self.query_one(StatusLine).remove_class("-loading")
        self.query_one(ArticleView).analysis = analysis
        self.query_one(SidePanel).analysis = analysis
        self._status(
            " · ".join(
                counted(n, word)
                for n, word in (
                    (len(analysis.actors), "actor"),
                    (len(analysis.numbers), "figure"),
                    (len(analysis.quotes), "quote"),
                )
            )
        )

    # -- wiring between children ----------------------------------------------------------------
    @on(SidePanel.ItemChosen)
    def _item_chosen(self, message: SidePanel.ItemChosen) -> None:
        view = self.query_one(ArticleView)
        spans = tuple((int(s[0]), int(s[1])) for s in message.spans)
        first = next((s for s in spans if s[0] == message.start), spans[0])
        view.clear_selection()
        view.marks = spans
        view.focus()
        view.set_targets(spans, message.what or "marked", current=first, found=False)
        view.select_span(*first)

    @on(SidePanel.NoteChosen)
    def _note_chosen(self, message: SidePanel.NoteChosen) -> None:
        note = self._annotation(message.annotation_id)
        if note is None:
            return
        if note.orphan:
            self.notify(
                "This one lost its passage when the article changed: select a passage, then press o "
                "on it in the Notes tab to attach it",
                severity="warning",
                timeout=6,
            )
            return
        view = self.query_one(ArticleView)
        view.focus()
        view.clear_selection()
        view.move_to_offset(note.start)
        view.select_span(note.start, note.end)

    @on(SidePanel.LeaveRequested)
    def _panel_left(self) -> None:
        self.action_clear_marks()

    @on(SidePanel.AttachRequested)
    def _attach_orphan(self, message: SidePanel.AttachRequested) -> None:
        self.attach(message.annotation_id)

    @on(ArticleView.EntityChosen)
    def _entity_chosen(self, message: ArticleView.EntityChosen) -> None:
        view = self.query_one(ArticleView)
        actor = self.analysis.actor(message.actor_id) if self.analysis else None
        if actor is not None:
            view.marks = tuple((m[0], m[1]) for m in actor.mentions)
            view.set_targets(view.marks, actor.name, current=(message.start, message.end), found=False)
            view.select_span(message.start, message.end)
        else:
            view.marks = ((message.start, message.end),)

    @on(ArticleView.TargetMoved)
    def _target_moved(self, message: ArticleView.TargetMoved) -> None:
        count = f"{message.count:,}" + ("+" if message.more else "")
        if message.count == 0:
            where = f"{message.what}: no match"
        elif message.index is None:
            where = f"{message.what}: {count}"
        else:
            where = f"{message.what} {message.index + 1:,} of {count}"
        self.query_one(StatusLine).position = where

    def _selecting_changed(self, selecting: bool) -> None:
        self.query_one(StatusLine).mode = "SELECT" if selecting else ""

    # -- edits: applied and painted at once, written in a worker ----------------------------------
    def _edit(self, change: Change, done: str = "") -> bool:
        """Apply a change to the session (painted at once) and write it in a worker; it is said
        done (`done`, or what the change returns) when it is on disk."""
        session = self.session
        if session is None:
            self.notify("The annotations are still being opened", severity="warning", timeout=3)
            return False
        if session.readonly:
            self.notify(session.store.why_readonly, title="Read-only: not saved", severity="error")
            return False
        try:
            step = change(session)
        except BylineError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        if isinstance(step, tuple):
            step, done = step
        if step is None:
            return False
        self._show()
        self.write_next(done)
        return True

    @work(thread=True, group="store")
    def write_next(self, done: str) -> None:
        """Write the oldest queued change; writes keep their order whichever worker runs them."""
        assert self.session is not None
        try:
            self.session.save_next()
        except BylineError as exc:
            self.post_message(self.SaveFailed(str(exc)))
            return
        self.post_message(self.Saved(done))

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        self.notify(message.done, timeout=2)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self._show()  # the session reloaded what the store holds
        self.notify(message.error, title="Not saved", severity="error", timeout=10)

    def _annotation(self, annotation_id: str) -> Annotation | None:
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def _target(self) -> tuple[Annotation | None, tuple[int, int] | None]:
        view = self.query_one(ArticleView)
        if self.session is None:
            return None, view.selected_span
        return self.session.target(view.selected_span, view.cursor_offset)

    @work(thread=True, group="export")
    def write_export(self, request: ExportRequest, bundle) -> None:
        from byline.tui.core.export import write_files

        try:
            self.post_message(self.Exported(write_files(request.format, bundle, request.path, force=request.force)))
        except BylineError as exc:
            self.post_message(self.ExportFailed(str(exc)))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        self.notify("Wrote " + ", ".join(str(p) for p in message.paths), title="Exported", timeout=8)

    @on(ExportFailed)
    def _export_failed(self, message: ExportFailed) -> None:
        self.notify(message.error, title="Export failed", severity="error", timeout=10)

    # -- find: the bar says what, the article paints and steps ---------------------------------------
    @on(FindBar.Changed, "#find")  # not a panel filter: an Input too, whose Changed is the same message
    def _find_changed(self, event: FindBar.Changed) -> None:
        view = self.query_one(ArticleView)
        query = event.value
        if not query.strip():
            view.clear_targets()
            self.query_one(StatusLine).position = ""
            return
        found, more = find_all(self.article.text, query, MAX_MATCHES)
        view.set_targets(found, f"“{query}”", near=self._find_origin or 0, more=more)

    @on(FindBar.Closed)
    def _find_closed(self, event: FindBar.Closed) -> None:
        bar, view = self.query_one(FindBar), self.query_one(ArticleView)
        bar.close()
        view.focus()
        if not event.keep:
            view.clear_targets()
            self.query_one(StatusLine).position = ""
            if self._find_origin is not None:
                view.move_to_offset(self._find_origin)
