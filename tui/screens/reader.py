"""The reader: the article beside its side panel.

The screen owns the open article (a core Session); children get state through reactives and
report back with messages. Slow work runs in workers: opening the annotations, the analysis,
every store write and every export; each reports back with a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, Label, labels_from_config
from byline.tui.core.entity_types import REJECTED
from byline.tui.core.errors import BylineError
from byline.tui.core.history import Step
from byline.tui.core.model import Analysis
from byline.tui.core.prefetch import Prefetch
from byline.tui.core.session import Session
from byline.tui.core.sources import Article
from byline.tui.keys import bindings, commands
from byline.tui.screens.entity_dialog import EntityDialog
from byline.tui.screens.export_dialog import ExportDialog, ExportRequest
from byline.tui.screens.note_editor import NoteEditor
from byline.widgets.article_view import ArticleView
from byline.widgets.legend import Legend
from byline.widgets.side_panel import SidePanel


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


#: Where a reader's analysis comes from when no prefetch was started: analyse(article, model).
Analyser = Callable[[Article, str], Analysis]


def _analyse(article: Article, model: str) -> Analysis:
    from byline.tui.core.analysis import analyze

    return analyze(article, model)


class ReaderScreen(Screen):
    """Article pane, legend, side panel and footer."""

    BINDINGS = bindings("reader")

    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True)
    annotations: reactive[tuple[Annotation, ...]] = reactive((), init=False, always_update=True)

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

    def __init__(self, article: Article, model: str, prefetch: Prefetch | None = None,
                 labels: tuple[Label, ...] | None = None, store=None, analyser: Analyser | None = None) -> None:
        super().__init__()
        self.article = article
        self.model = model
        self._prefetch = prefetch
        self._analyser = analyser or _analyse
        self.labels = labels or labels_from_config([])
        self.store = store
        self.session: Session | None = None
        self._raw_analysis: Analysis | None = None

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="article-column"):
                yield Static(self._status_text("analysing…"), id="status", markup=False)
                yield ArticleView(self.article.text, id="article")
                yield Legend(id="legend")
            yield SidePanel(self.article.text, id="side")
        yield Footer()

    def _status_text(self, state: str) -> str:
        return f"{self.article.name} · {len(self.article.text.split()):,} words · {state}"

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self.add_class("-loading")
        self.query_one(SidePanel).label_colours = {label.name: label.color for label in self.labels}
        self.open_session()
        self.run_analysis()

    def on_unmount(self) -> None:
        self.save_now()
        if self._prefetch is not None:
            self._prefetch.cancel()

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
            self.notify(session.store.problem or "annotation store is read-only", title="Read-only",
                        severity="error", timeout=30)
        if session.opened.notice:
            self.notify(session.opened.notice, timeout=8)
        if self._raw_analysis is not None:
            session.set_analysis(self._raw_analysis)
        self._show()

    @on(SessionFailed)
    def _session_failed(self, message: SessionFailed) -> None:
        self.notify(message.error, title="Annotations", severity="error", timeout=15)

    def _show(self) -> None:
        """Hand the session's annotations and corrected analysis to the children."""
        session = self.session
        if session is None:
            return
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
            painted.append((a.start, a.end, colour or "#888888"))
        self.query_one(ArticleView).annotations = tuple(painted)
        # the Notes list after the article is painted: the passage shows first
        self.call_after_refresh(setattr, self.query_one(SidePanel), "notes", annotations)

    # -- analysis -----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        worker = get_current_worker()
        prefetch, self._prefetch = self._prefetch, None
        try:
            result = prefetch.result() if prefetch is not None else None
            if result is None:
                result = self._analyser(self.article, self.model)
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

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.remove_class("-loading")
        self.query_one(SidePanel).loading = False
        self.query_one("#status", Static).update(self._status_text("no analysis"))
        self.notify(message.error, title="Analysis failed", severity="error", timeout=10)

    @property
    def raw_analysis(self) -> Analysis | None:
        """The model's analysis before the reader's corrections."""
        return self._raw_analysis

    def watch_analysis(self, analysis: Analysis | None) -> None:
        if analysis is None:
            return
        self.remove_class("-loading")
        self.query_one(ArticleView).analysis = analysis
        self.query_one(SidePanel).analysis = analysis
        counts = " · ".join(_count(n, word) for n, word in ((len(analysis.actors), "actor"),
                                                            (len(analysis.numbers), "figure"),
                                                            (len(analysis.quotes), "quote")))
        self.query_one("#status", Static).update(self._status_text(counts))

    # -- wiring between children ----------------------------------------------------------------
    @on(SidePanel.ItemChosen)
    def _item_chosen(self, message: SidePanel.ItemChosen) -> None:
        view = self.query_one(ArticleView)
        view.marks = message.spans
        view.focus()
        first = next((s for s in message.spans if s[0] == message.start), message.spans[0])
        view.move_to_offset(first[0])
        view.select_span(*first)

    @on(SidePanel.NoteChosen)
    def _note_chosen(self, message: SidePanel.NoteChosen) -> None:
        note = self._annotation(message.annotation_id)
        if note is None:
            return
        if note.orphan:
            self.notify("This note lost its passage when the article changed: select a passage, then press o "
                        "on the note to attach it", severity="warning", timeout=6)
            return
        view = self.query_one(ArticleView)
        view.focus()
        view.move_to_offset(note.start)
        view.select_span(note.start, note.end)

    @on(SidePanel.AttachRequested)
    def _attach_orphan(self, message: SidePanel.AttachRequested) -> None:
        note = self._annotation(message.annotation_id)
        span = self.query_one(ArticleView).selected_span
        if note is None:
            return
        if span is None:
            self.notify("Select a passage in the article first", severity="warning")
            return
        after = note.changed(anchor=make_anchor(self.article.text, *span), orphan=False)
        self._edit(lambda s: s.change(note, after, "attach"), "Attached the note to the selection")

    @on(ArticleView.EntityChosen)
    def _entity_chosen(self, message: ArticleView.EntityChosen) -> None:
        view = self.query_one(ArticleView)
        actor = self.analysis.actor(message.actor_id) if self.analysis else None
        if actor is not None:
            view.marks = tuple(tuple(m) for m in actor.mentions)
            self.notify(f"{actor.name}: {len(actor.mentions)} mentions", timeout=3)
        else:
            view.marks = ((message.start, message.end),)

    # -- edits: applied and painted at once, written in a worker ----------------------------------
    def _edit(self, change: Callable[[Session], Step | tuple[Step, str] | None], done: str = "") -> bool:
        """Apply a change to the session (painted at once) and write it in a worker; the
        notification that it is done (`done`, or the one the change returns) comes when it is on
        disk."""
        session = self.session
        if session is None:
            self.notify("The annotations are still being opened", severity="warning", timeout=3)
            return False
        if session.readonly:
            self.notify(session.store.problem or "read-only", title="Read-only: not saved", severity="error")
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

    def action_toggle_label(self, key: str) -> None:
        label = next((lab for lab in self.labels if lab.key == key), None)
        if label is None:
            self.notify(f"No label on {key}; labels are set in the config file", severity="warning")
            return
        note, span = self._target()
        if note is None and span is None:
            self.notify("Select a passage first (v, s, or enter on an entity)", severity="warning")
            return
        self._edit(lambda s: s.toggle_label(label.name, note, span))

    def action_note(self) -> None:
        note, span = self._target()
        if note is None and span is None:
            self.notify("Select a passage first (v, s, or enter on an entity)", severity="warning")
            return
        passage = note.passage if note is not None else self.article.text[span[0] : span[1]]

        def saved(text: str | None) -> None:
            if text is None:
                return
            if note is None:
                self._edit(lambda s: s.add(s.new(span, note=text), "note"), "Note saved")
            elif text != note.note:
                self._edit(lambda s: s.change(note, note.changed(note=text), "note"), "Note saved")

        self.app.push_screen(NoteEditor(passage, note.note if note else ""), saved)

    def action_delete_annotation(self) -> None:
        note, _ = self._target()
        if note is None:
            self.notify("No annotation under the cursor", severity="warning")
            return
        self._edit(lambda s: s.delete(note), "Deleted the annotation (u undoes)")

    def action_undo(self) -> None:
        if self.session is None or not self.session.history.can_undo:
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        self._edit(lambda s: s.undo(), "Undone")

    def action_redo(self) -> None:
        if self.session is None or not self.session.history.can_redo:
            self.notify("Nothing to redo", severity="warning", timeout=2)
            return
        self._edit(lambda s: s.redo(), "Redone")

    def action_jump_annotation(self, direction: int) -> None:
        view = self.query_one(ArticleView)
        target = self.session.next_annotation(view.cursor_offset, direction) if self.session else None
        if target is None:
            self.notify("No more annotations that way", timeout=2)
            return
        view.move_to_offset(target)

    def action_correct_entity(self) -> None:
        view = self.query_one(ArticleView)
        span = view.selected_span
        entity = None
        if self.analysis is not None:
            offset = span[0] if span else view.cursor_offset
            entity = next((e for e in self.analysis.entities if e.start <= offset < e.end), None)
        if span is None and entity is not None:
            span = (entity.start, entity.end)
        if span is None:
            self.notify("Put the cursor on an entity, or select the words of one", severity="warning")
            return
        existing = next((a for a in self.annotations if a.kind == "correction" and (a.start, a.end) == span), None)

        def chosen(entity_type: str | None) -> None:
            if entity_type is None:
                return
            word = "rejected" if entity_type == REJECTED else f"now {entity_type}"
            if existing is not None:
                self._edit(lambda s: s.change(existing, existing.changed(entity=entity_type), "correct"),
                           f"Entity {word}")
            else:
                self._edit(lambda s: s.add(s.new(span, kind="correction", entity=entity_type), "correct"),
                           f"Entity {word}")

        text = self.article.text[span[0] : span[1]]
        self.app.push_screen(EntityDialog(text, entity.type if entity else None), chosen)

    # -- export: the dialog says what, a worker writes ----------------------------------------------
    def action_export(self) -> None:
        self.app.push_screen(ExportDialog(self.article), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        if self.session is None:
            self.notify("The annotations are still being opened", severity="warning", timeout=3)
            return
        self.write_export(request, self.session.bundle())

    @work(thread=True, group="export")
    def write_export(self, request: ExportRequest, bundle) -> None:
        from byline.tui.core.export import write_files

        try:
            self.post_message(self.Exported(write_files(request.format, bundle, request.path)))
        except BylineError as exc:
            self.post_message(self.ExportFailed(str(exc)))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        self.notify("Wrote " + ", ".join(str(p) for p in message.paths), title="Exported", timeout=8)

    @on(ExportFailed)
    def _export_failed(self, message: ExportFailed) -> None:
        self.notify(message.error, title="Export failed", severity="error", timeout=10)

    # -- navigation -------------------------------------------------------------------------------
    def action_focus_side(self) -> None:
        view = self.query_one(ArticleView)
        if view.has_focus:
            active = self.query_one(SidePanel).active_list()
            if active is not None:
                active.focus()
        else:
            view.focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(SidePanel).show_tab(tab).focus()

    def action_clear_marks(self) -> None:
        view = self.query_one(ArticleView)
        view.marks = ()
        view.clear_selection()
        view.focus()

    # -- the command palette: what this screen can do -----------------------------------------------
    def palette_commands(self) -> Iterable[SystemCommand]:
        for title, help_text, scope, action in commands(("reader", "article"), self.labels):
            yield SystemCommand(title, help_text, self._runner(scope, action))

    def _runner(self, scope: str, action: str):
        async def run() -> None:
            if scope == "article":
                view = self.query_one(ArticleView)
                view.focus()
                await view.run_action(action)
            else:
                await self.run_action(action)

        return run
