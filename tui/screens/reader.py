"""The reader: the article beside its side panel. Owns the article, its analysis and its
annotations; children get state through reactives and report back with messages."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import REJECTED, Annotation, Label, labels_from_config, new_id
from byline.tui.core.sources import Article
from byline.tui.core.corrections import corrected
from byline.tui.core.errors import BylineError
from byline.tui.core.history import History
from byline.tui.core.model import Analysis
from byline.tui.core.prefetch import Prefetch
from byline.tui.core.store import Store
from byline.tui.keys import bindings
from byline.widgets.article_view import ArticleView
from byline.widgets.dialogs import EntityDialog, NoteEditor
from byline.widgets.legend import Legend
from byline.widgets.side_panel import SidePanel


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class ReaderScreen(Screen):
    """Article pane, legend, side panel and footer; analysis runs in a worker."""

    BINDINGS = bindings("reader")

    analysis: reactive[Analysis | None] = reactive(None, init=False)
    annotations: reactive[tuple[Annotation, ...]] = reactive((), init=False, always_update=True)

    @dataclass
    class AnalysisReady(Message):
        analysis: Analysis

    @dataclass
    class AnalysisFailed(Message):
        error: str

    def __init__(self, article: Article, model: str, prefetch: Prefetch | None = None,
                 labels: tuple[Label, ...] | None = None, store: Store | None = None) -> None:
        super().__init__()
        self.article = article
        self.model = model
        self._prefetch = prefetch
        self.labels = labels or labels_from_config([])
        self.store = store
        self.history: History | None = None
        self.article_key: str | None = None
        self._raw_analysis: Analysis | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="article-column"):
                yield Static(self._status_text("analysing…"), id="status", markup=False)
                yield ArticleView(self.article.text, id="article")
                yield Legend(id="legend")
            yield SidePanel(self.article.text, id="side")
        yield Footer()

    def _status_text(self, state: str) -> str:
        name = self.article.path.name if self.article.path else self.article.source
        return f"{name} · {len(self.article.text.split()):,} words · {state}"

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self.add_class("-loading")
        self.query_one(SidePanel).label_colours = {label.name: label.color for label in self.labels}
        self._open_store()
        self.run_analysis()

    # -- the store ---------------------------------------------------------------------------
    def _open_store(self) -> None:
        if self.store is None:
            self.store = Store()
        store = self.store
        self.history = History(store)
        if store.readonly:
            self.notify(store.problem or "annotation store is read-only", title="Read-only", severity="error", timeout=30)
        try:
            self.article_key, changed = store.article_id(self.article)
            if changed and not store.readonly:
                found = store.reanchor(self.article_key, self.article.text)
                orphans = sum(a.orphan for a in found)
                moved = f"The article changed since you last read it: {len(found) - orphans} notes found again"
                self.notify(moved + (f", {orphans} orphaned (see Notes)" if orphans else ""), timeout=8)
                self.annotations = tuple(found)
            else:
                self.annotations = tuple(store.annotations(self.article_key))
        except BylineError as exc:
            self.notify(str(exc), title="Annotations", severity="error", timeout=15)

    def _reload(self) -> None:
        if self.store is not None and self.article_key is not None:
            self.annotations = tuple(self.store.annotations(self.article_key))

    def watch_annotations(self, annotations: tuple[Annotation, ...]) -> None:
        colours = {label.name: label.color for label in self.labels}
        painted = []
        for a in annotations:
            if a.orphan or a.kind != "annotation":
                continue
            colour = next((colours[name] for name in a.labels if name in colours), None)
            painted.append((a.start, a.end, colour or "#888888"))
        self.query_one(ArticleView).annotations = tuple(painted)
        self.query_one(SidePanel).notes = annotations
        self._show_analysis()

    # -- analysis ----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        from byline.tui.core.analysis import analyze

        worker = get_current_worker()
        prefetch, self._prefetch = self._prefetch, None
        try:
            result = prefetch.result() if prefetch is not None else None
            if result is None:
                result = analyze(self.article, self.model)
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
        self._show_analysis()

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.remove_class("-loading")
        self.query_one(SidePanel).loading = False
        self.query_one("#status", Static).update(self._status_text("no analysis"))
        self.notify(message.error, title="Analysis failed", severity="error", timeout=10)

    @property
    def raw_analysis(self) -> Analysis | None:
        """The model's analysis before the reader's corrections (exports apply them)."""
        return self._raw_analysis

    def _show_analysis(self) -> None:
        """The model's analysis with the reader's entity corrections on top."""
        if self._raw_analysis is None:
            return
        corrections = [a for a in self.annotations if a.kind == "correction"]
        self.analysis = corrected(self._raw_analysis, corrections, self.article.text)

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
        note = next((a for a in self.annotations if a.id == message.annotation_id), None)
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
        note = next((a for a in self.annotations if a.id == message.annotation_id), None)
        span = self.query_one(ArticleView).selected_span
        if note is None:
            return
        if span is None:
            self.notify("Select a passage in the article first", severity="warning")
            return
        after = note.changed(anchor=make_anchor(self.article.text, *span), orphan=False)
        self._record(lambda h: h.change(note, after, "attach"), "Attached the note to the selection")

    @on(ArticleView.EntityChosen)
    def _entity_chosen(self, message: ArticleView.EntityChosen) -> None:
        view = self.query_one(ArticleView)
        actor = self.analysis.actor(message.actor_id) if self.analysis else None
        if actor is not None:
            view.marks = tuple(tuple(m) for m in actor.mentions)
            self.notify(f"{actor.name}: {len(actor.mentions)} mentions", timeout=3)
        else:
            view.marks = ((message.start, message.end),)

    # -- annotation actions -----------------------------------------------------------------------
    def _record(self, change, done: str) -> bool:
        """Run a history change; the store writes it before we say it is done."""
        if self.history is None or self.store is None:
            return False
        if self.store.readonly:
            self.notify(self.store.problem or "read-only", title="Read-only: not saved", severity="error")
            return False
        try:
            change(self.history)
        except BylineError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        self._reload()
        self.notify(done, timeout=2)
        return True

    def _under_cursor(self) -> Annotation | None:
        offset = self.query_one(ArticleView).cursor_offset
        hits = [a for a in self.annotations if not a.orphan and a.kind == "annotation" and a.start <= offset < max(a.end, a.start + 1)]
        return min(hits, key=lambda a: a.end - a.start) if hits else None

    def _target(self) -> tuple[Annotation | None, tuple[int, int] | None]:
        """What an action applies to: the selection (and the annotation exactly on it), else the
        annotation under the cursor."""
        span = self.query_one(ArticleView).selected_span
        if span is not None:
            same = next((a for a in self.annotations if a.kind == "annotation" and not a.orphan
                         and (a.start, a.end) == span), None)
            return same, span
        return self._under_cursor(), None

    def _new(self, span: tuple[int, int], **fields) -> Annotation:
        return Annotation(id=new_id(), article=self.article_key or "", anchor=make_anchor(self.article.text, *span), **fields)

    def action_toggle_label(self, key: str) -> None:
        label = next((lab for lab in self.labels if lab.key == key), None)
        if label is None:
            self.notify(f"No label on {key}; labels are set in the config file", severity="warning")
            return
        note, span = self._target()
        if note is None and span is None:
            self.notify("Select a passage first (v, s, or enter on an entity)", severity="warning")
            return
        if note is None:
            self._record(lambda h: h.add(self._new(span, labels=[label.name]), f"tag {label.name}"), f"Tagged {label.name}")
        elif label.name in note.labels:
            after = note.changed(labels=[x for x in note.labels if x != label.name])
            if not after.labels and not after.note:
                self._record(lambda h: h.delete(note, f"untag {label.name}"), f"Removed {label.name}")
            else:
                self._record(lambda h: h.change(note, after, f"untag {label.name}"), f"Removed {label.name}")
        else:
            after = note.changed(labels=[*note.labels, label.name])
            self._record(lambda h: h.change(note, after, f"tag {label.name}"), f"Tagged {label.name}")

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
                self._record(lambda h: h.add(self._new(span, note=text), "note"), "Note saved")
            elif text != note.note:
                self._record(lambda h: h.change(note, note.changed(note=text), "note"), "Note saved")

        self.app.push_screen(NoteEditor(passage, note.note if note else ""), saved)

    def action_delete_annotation(self) -> None:
        note, _ = self._target()
        if note is None:
            self.notify("No annotation under the cursor", severity="warning")
            return
        self._record(lambda h: h.delete(note), "Deleted the annotation (u undoes)")

    def action_undo(self) -> None:
        if self.history is None or not self.history.can_undo:
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        self._record(lambda h: h.undo(), "Undone")

    def action_redo(self) -> None:
        if self.history is None or not self.history.can_redo:
            self.notify("Nothing to redo", severity="warning", timeout=2)
            return
        self._record(lambda h: h.redo(), "Redone")

    def action_jump_annotation(self, direction: int) -> None:
        view = self.query_one(ArticleView)
        offset = view.cursor_offset
        starts = sorted({a.start for a in self.annotations if not a.orphan and a.kind == "annotation"})
        target = next((s for s in starts if s > offset), None) if direction > 0 else \
            next((s for s in reversed(starts) if s < offset), None)
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

        def chosen(label: str | None) -> None:
            if label is None:
                return
            word = "rejected" if label == REJECTED else f"now {label}"
            if existing is not None:
                self._record(lambda h: h.change(existing, existing.changed(entity=label), "correct"), f"Entity {word}")
            else:
                self._record(lambda h: h.add(self._new(span, kind="correction", entity=label), "correct"), f"Entity {word}")

        text = self.article.text[span[0] : span[1]]
        self.app.push_screen(EntityDialog(text, entity.type if entity else None), chosen)

    def action_export(self) -> None:
        from byline.widgets.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(self))

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
