"""Moving about the reader: focus between the article and the panel, the tabs, the panel shown
or hidden and where it sits for the terminal's size, find, and the command palette."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand

from byline.tui.keys import commands
from byline.tui.screens.reader_parts import ReaderParts
from byline.widgets.article_view import ArticleView
from byline.widgets.find_bar import FindBar
from byline.widgets.side_panel import SidePanel
from byline.widgets.status_line import StatusLine

#: Where the panel sits, by the terminal's width (Textual's breakpoints set the class; reader.tcss
#: lays out): under the article below 110 columns; beside it, 52 wide, up to 150; from there the
#: article keeps a comfortable measure (~90 characters) and the panel takes the rest.
BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (150, "-widest")]


def breakpoint_class(width: int) -> str:
    """The class Textual gives the screen at `width` (set before the first layout, so the first
    frame is laid out once, for the terminal it is in, not again when the size arrives)."""
    return next(name for edge, name in sorted(BREAKPOINTS, reverse=True) if width >= edge)


class ReaderNavigation:
    """Part of the reader screen: focus, tabs, the panel, find, the palette."""

    _find_origin: int | None = None

    def _panel_has_focus(self: ReaderParts) -> bool:
        focused = self.focused
        return focused is not None and self.query_one(SidePanel) in focused.ancestors_with_self

    def action_focus_side(self: ReaderParts) -> None:
        """tab: from the article to the list of the tab shown, and back."""
        if self._panel_has_focus():
            self.query_one(ArticleView).focus()
            return
        self.remove_class("-panel-hidden")
        active = self.query_one(SidePanel).active_list()
        if active is not None:
            active.focus()

    def action_show_tab(self: ReaderParts, tab: str) -> None:
        """Show a tab. The focus stays where it is: in the article, or (from the panel) on the
        new tab's list; tab moves it, as always."""
        in_panel = self._panel_has_focus()
        self.remove_class("-panel-hidden")
        found = self.query_one(SidePanel).show_tab(tab)
        if in_panel:
            found.focus()

    def action_toggle_panel(self: ReaderParts) -> None:
        hide = not self.has_class("-panel-hidden")
        if hide and self._panel_has_focus():
            self.query_one(ArticleView).focus()
        self.set_class(hide, "-panel-hidden")

    def action_group_quotes(self: ReaderParts) -> None:
        panel = self.query_one(SidePanel)
        panel.grouped = not panel.grouped
        self.action_show_tab("quotes")
        self.notify("Quotes grouped by speaker" if panel.grouped else "Quotes in reading order", timeout=2)

    def action_find(self: ReaderParts) -> None:
        view = self.query_one(ArticleView)
        self._find_origin = view.cursor_offset
        view.clear_selection()
        self.query_one(FindBar).open()

    def action_article_info(self: ReaderParts) -> None:
        from byline.tui.screens.article_info import ArticleInfo

        analysis = self.analysis
        credits = tuple(dict.fromkeys(c.name for c in analysis.credits if c.kind == "author")) if analysis else ()
        self.app.push_screen(ArticleInfo(self.article, credits))

    def action_clear_marks(self: ReaderParts) -> None:
        view = self.query_one(ArticleView)
        view.marks = ()
        view.clear_targets()
        view.clear_selection()
        self.query_one(FindBar).close()
        self.query_one(StatusLine).position = ""
        view.focus()

    # -- the command palette: what this screen can do -----------------------------------------------
    def palette_commands(self: ReaderParts) -> Iterable[SystemCommand]:
        for title, help_text, scope, action in commands(("reader", "article", "list"), self.labels):
            yield SystemCommand(title, help_text, self._runner(scope, action))

    def _runner(self: ReaderParts, scope: str, action: str):
        async def run() -> None:
            if scope == "article":
                view = self.query_one(ArticleView)
                view.focus()
                await view.run_action(action)
            elif scope == "list":  # on the list of the tab shown, as its key would
                found = self.query_one(SidePanel).active_list()
                if found is not None:
                    self.remove_class("-panel-hidden")
                    found.focus()
                    await found.run_action(action)
            else:
                await self.run_action(action)

        return run
