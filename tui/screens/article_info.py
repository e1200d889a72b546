"""Article info: everything known about the article being read (title, site, date, authors,
the URL and the file), each on its own line and in full, so a reader can cite it or copy the URL.
Closes with escape, q or enter."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from byline.tui.core.sources import Article
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings


def info_rows(article: Article, credits: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(what, value) of everything known about the article, in the order a citation wants."""
    rows = [
        ("Title", article.title),
        ("Site", article.site or ""),
        ("Published", article.published or ""),
        ("Authors", ", ".join(article.authors) or ", ".join(credits)),
        ("URL", article.url or ""),
        ("File", str(article.path) if article.path else ""),
        ("Source", article.source if article.source not in (article.url, str(article.path)) else ""),
        ("Kind", article.kind),
        ("Words", f"{len(article.text.split()):,}"),
        ("SHA-256", article.sha256),
    ]
    rows += [("Warning", w) for w in article.warnings]
    return [(what, one_line(value)) for what, value in rows if value]


class ArticleInfo(ModalScreen[None]):
    """A modal with the article's metadata in full; it scrolls inside at 80x24."""

    BINDINGS = bindings("info")

    def __init__(self, article: Article, credits: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.article = article
        self.credits = credits

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, expand=True, padding=(0, 1))
        table.add_column("what", style="bold", no_wrap=True)
        table.add_column("value", overflow="fold")
        for what, value in info_rows(self.article, self.credits):
            table.add_row(what, Text(value))
        with VerticalScroll(id="info-dialog", classes="dialog"):
            yield Label("Article info", id="info-title")
            yield Static(table, id="info-table")
            yield Label("esc, q or enter: close", classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one("#info-dialog").focus()

    def action_close(self) -> None:
        self.dismiss(None)
