"""The reader: the article beside its side panel. Owns the article and its analysis."""

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

from tui.core.article import Article
from tui.core.model import Analysis
from tui.core.prefetch import Prefetch
from tui.keys import bindings
from widgets.article_view import ArticleView
from widgets.legend import Legend
from widgets.side_panel import SidePanel


class ReaderScreen(Screen):
    """Article pane, legend, side panel and footer; analysis runs in a thread worker."""

    BINDINGS = bindings("reader")

    analysis: reactive[Analysis | None] = reactive(None, init=False)

    @dataclass
    class AnalysisReady(Message):
        analysis: Analysis

    @dataclass
    class AnalysisFailed(Message):
        error: str

    def __init__(self, article: Article, model: str, prefetch: Prefetch | None = None) -> None:
        super().__init__()
        self.article = article
        self.model = model
        self._prefetch = prefetch

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="article-column"):
                yield Static(self._status_text("analysing…"), id="status", markup=False)
                yield ArticleView(self.article.text, id="article")
                yield Legend(id="legend")
            yield SidePanel(self.article.text, id="side")
        yield Footer()

    def _status_text(self, state: str) -> str:
        return f"{self.article.source} · {len(self.article.text.split()):,} words · {state}"

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self.add_class("-loading")
        self.run_analysis()

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        from tui.core.analysis import analyze
        from tui.core.errors import BylineError

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
        self.analysis = message.analysis

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.remove_class("-loading")
        self.query_one(SidePanel).loading = False
        self.query_one("#status", Static).update(self._status_text("no analysis"))
        self.notify(message.error, title="Analysis failed", severity="error", timeout=10)

    def watch_analysis(self, analysis: Analysis | None) -> None:
        if analysis is None:
            return
        self.remove_class("-loading")
        self.query_one(ArticleView).analysis = analysis
        self.query_one(SidePanel).analysis = analysis
        counts = f"{len(analysis.actors)} actors · {len(analysis.numbers)} numbers · {len(analysis.quotes)} quotes"
        self.query_one("#status", Static).update(self._status_text(counts))

    # -- wiring between children -------------------------------------------------------
    @on(SidePanel.ItemChosen)
    def _item_chosen(self, message: SidePanel.ItemChosen) -> None:
        view = self.query_one(ArticleView)
        view.marks = message.spans
        view.move_to_offset(message.start)
        view.focus()

    @on(ArticleView.EntityChosen)
    def _entity_chosen(self, message: ArticleView.EntityChosen) -> None:
        view = self.query_one(ArticleView)
        actor = self.analysis.actor(message.actor_id) if self.analysis else None
        if actor is not None:
            view.marks = tuple(tuple(m) for m in actor.mentions)
            self.notify(f"{actor.name}: {len(actor.mentions)} mentions", timeout=3)
        else:
            view.marks = ((message.start, message.end),)

    # -- actions -------------------------------------------------------------------------
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
        view.move_cursor(view.cursor_location)
