"""The Byline App: modes (the library, people and voices across it, the reader), global
bindings and the command palette; nothing else.

Screens ask the app to open an article (`OpenArticle`) or to show a person (`ShowPerson`); the
app switches mode. The reader mode holds the article being read, and is made anew for another.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from textual import on, work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen

from byline.tui.core.annotation import Label
from byline.tui.core.prefetch import Prefetch
from byline.tui.core.sources import Article
from byline.tui.keys import bindings, commands
from byline.tui.screens.help import HelpScreen
from byline.tui.screens.reader import Analyser, ReaderScreen
from byline.tui.screens.requests import ArticleDeleted, OpenArticle, ShowPerson

#: Our own theme variables; a theme may override any of them.
THEME_VARIABLES = {
    "entity-person": "#e4568c",
    "entity-org": "#3fa0e8",
    "entity-place": "#3cb371",
    "entity-group": "#b07be8",
    "entity-number": "#e0a030",
    "entity-mark": "#f0e040",
}

STYLES = files("byline.styles")


# The library's screens are imported when first shown: reading one article needs none of them.
def _library() -> Screen:
    from byline.tui.screens.library import LibraryScreen

    return LibraryScreen()


def _people() -> Screen:
    from byline.tui.screens.people import PeopleScreen

    return PeopleScreen()


def _search() -> Screen:
    from byline.tui.screens.finding import SearchScreen

    return SearchScreen()


def _notes() -> Screen:
    from byline.tui.screens.finding import NotesScreen

    return NotesScreen()


def _voices() -> Screen:
    from byline.tui.screens.voices import LibraryVoicesScreen

    return LibraryVoicesScreen()


class BylineApp(App[int]):
    """A terminal reader for people who read the news closely."""

    TITLE = "Byline"
    CSS_PATH = [str(STYLES / name) for name in ("app.tcss", "reader.tcss", "library.tcss")]
    BINDINGS = bindings("app")
    #: The library's screens at 80 columns have "-narrow" (the reader has its own breakpoints)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    @dataclass
    class ArticleLoaded(Message):
        article: Article
        at: int | None

    @dataclass
    class ArticleFailed(Message):
        error: str

    def __init__(
        self,
        article: Article | None,
        model: str,
        keymap: dict[str, str] | None = None,
        prefetch: Prefetch | None = None,
        analyser: Analyser | None = None,
    ) -> None:
        """Open `article` in the reader; with None, start on the library."""
        # The first screen is made in its own mode, not in a mode switched to after a blank
        # default screen: that would lay out and style a whole screen for nothing.
        # (Its mode is registered in on_mount: a registered mode's screen would be made anew,
        # with a second pass over the styles.)
        self.DEFAULT_MODE = "reader" if article is not None else "library"  # type: ignore[misc]  # per app
        super().__init__()
        self.article = article
        self.model = model
        self.prefetch = prefetch
        self.reader: ReaderScreen | None = None  # the reader open now, if any
        self.analyser = analyser
        self.labels: tuple[Label, ...] = ()
        self._user_keymap = keymap
        self._problems: list[str] = []
        #: the screens (modes) the reader came through, for backspace and q: the last is the one before
        self._back: list[str] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(THEME_VARIABLES)

    def get_default_screen(self) -> Screen:
        """The first screen, made before anything is drawn, in its own mode (see __init__): the
        article's reader, or the library. Config and the remembered theme come first, so
        nothing is styled twice."""
        self._remembered_theme()
        self._problems = self._configure()
        if self.article is not None:
            self._show_article(self.article)
            return self._reader()
        self.title = "Byline — library"
        return _library()

    def on_mount(self) -> None:
        for problem in self._problems:
            self.notify(problem, title="Config", severity="warning", timeout=15)
        self.add_mode("library", _library)
        self.add_mode("people", _people)
        self.add_mode("voices", _voices)
        self.add_mode("search", _search)
        self.add_mode("notes", _notes)
        if self.article is not None:
            self.add_mode("reader", self._reader)  # its screen is made already: switching back finds it

    def _show_article(self, article: Article) -> None:
        from byline.tui.core.visible import one_line

        self.article = article
        self.title = f"Byline — {one_line(article.title)}"

    def _configure(self) -> list[str]:
        """Labels and key remaps from the config file; each problem in it is one notification
        at start (the lines returned), and the default is used in its place."""
        from byline.tui.core.annotation import labels_from_config
        from byline.tui.core.config import check_keymap, load_config
        from byline.tui.keys import KEYS

        config = load_config()
        if self._user_keymap is None:
            self._user_keymap = config.keymap
        known = [(b.id, b.key, k.scope) for k in KEYS for b in k.bindings() if b.id]
        keymap, problems = check_keymap(self._user_keymap, known)
        problems = [*config.warnings, *problems]
        if keymap:
            self.set_keymap(keymap)
        self.labels = labels_from_config(config.labels)  # load_config has checked every label
        return problems

    def _reader(self, at: int | None = None) -> ReaderScreen:
        prefetch, self.prefetch = self.prefetch, None
        assert self.article is not None
        self.reader = ReaderScreen(
            self.article, self.model, prefetch, labels=self.labels, analyser=self.analyser, at=at
        )
        return self.reader

    # -- modes, and the way back through them ---------------------------------------------------
    def _go(self, mode: str) -> None:
        """Switch to `mode`, remembering the one left for backspace and q."""
        if mode != self.current_mode:
            self._remember(self.current_mode)
            self.switch_mode(mode)

    def _remember(self, mode: str) -> None:
        self._back = [m for m in self._back if m != mode][-20:] + [mode]

    def action_library(self) -> None:
        self.title = "Byline — library"
        self._go("library")

    def action_people(self) -> None:
        self._go("people")

    def action_voices(self) -> None:
        self._go("voices")

    def action_search(self) -> None:
        self.switch_mode("search")

    def action_notes(self) -> None:
        self.switch_mode("notes")

    def action_reader(self) -> None:
        if "reader" not in self._modes or self.article is None:
            self.notify("No article is open: choose one and press enter", severity="warning", timeout=3)
            return
        self._show_article(self.article)
        self._go("reader")

    def _previous(self) -> str | None:
        """The screen before this one that is still there (a deleted article's reader is not)."""
        while self._back:
            mode = self._back.pop()
            if mode != self.current_mode and (mode in self._modes or mode in ("library", "people", "voices")):
                return mode
        return None

    def action_go_back(self) -> None:
        """Back to the screen before (an article opened from People goes back to People)."""
        mode = self._previous()
        if mode is None:
            self.notify("Nothing to go back to", timeout=2)
            return
        if mode == "library":
            self.title = "Byline — library"
        elif mode == "reader" and self.article is not None:
            self._show_article(self.article)
        self.switch_mode(mode)

    def action_back_or_quit(self) -> None:
        """q: back where there is a screen before, else quit (as less and lazygit do)."""
        if self._back and any(m != self.current_mode for m in self._back):
            self.action_go_back()
        else:
            self.exit()

    @on(OpenArticle)
    def _open_requested(self, message: OpenArticle) -> None:
        self.load_from_library(message.entry_id, message.at)

    @work(thread=True, exclusive=True, group="open")
    def load_from_library(self, entry_id: str, at: int | None) -> None:
        from byline.tui.core.errors import BylineError
        from byline.tui.core.library import Library

        try:
            library = Library()
            self.post_message(self.ArticleLoaded(library.open(entry_id), at))
            entry = library.entry(entry_id)
            if entry is not None and entry.unread:  # opened from anywhere (People, Voices): read
                library.mark_read(entry_id)
        except BylineError as exc:
            self.post_message(self.ArticleFailed(str(exc)))

    # -- from inside the app: open or add a file, a folder or a URL ---------------------------
    def action_open_location(self) -> None:
        """Ask for a file or a URL and read it, without quitting."""
        from byline.tui.screens.location_prompt import LocationPrompt

        def answered(location: str | None) -> None:
            if location:
                self.notify(f"Opening {location}…", timeout=3)
                self.load_location(location)

        self.push_screen(LocationPrompt("Open a file or a URL", "a file or an http(s):// address"), answered)

    @work(thread=True, exclusive=True, group="open")
    def load_location(self, location: str) -> None:
        from byline.tui.core.errors import BylineError
        from byline.tui.core.opening import open_location

        try:
            self.post_message(self.ArticleLoaded(open_location(location), None))
        except BylineError as exc:
            self.post_message(self.ArticleFailed(str(exc)))

    async def action_library_job(self, action: str) -> None:
        """Run a Library action (add, refresh) from anywhere: on the Library screen."""
        if self.current_mode != "library":
            await self.switch_mode("library")
        await self.screen.run_action(action)

    @on(ArticleFailed)
    def _article_failed(self, message: ArticleFailed) -> None:
        self.notify(message.error, title="Cannot open", severity="error", timeout=10)

    @on(ArticleLoaded)
    async def _article_loaded(self, message: ArticleLoaded) -> None:
        await self.open_article(message.article, message.at)

    async def open_article(self, article: Article, at: int | None = None) -> None:
        """Read `article` (at the character offset `at`, if given) in a new reader screen, in
        place of the one before (which writes what it still holds as it goes)."""
        if self.prefetch is not None:
            self.prefetch.cancel()
        self.prefetch = Prefetch.start(article, self.model)
        self._show_article(article)
        reader = self._reader(at)
        came_from = self.current_mode
        if self.current_mode == "reader":
            await self.switch_mode("library")
        if "reader" in self._modes:
            await self.remove_mode("reader")
        self.add_mode("reader", lambda: reader)
        if came_from != "reader":
            self._remember(came_from)
        await self.switch_mode("reader")

    @on(ArticleDeleted)
    async def _article_deleted(self, message: ArticleDeleted) -> None:
        """The article open in the reader was deleted from the library: close the reader, so no
        note is written where nothing lists it (a note made after would be lost)."""
        session = self.reader.session if self.reader is not None else None
        if session is None or session.key != message.entry_id or self.current_mode == "reader":
            return
        if "reader" in self._modes:
            await self.remove_mode("reader")
        self.reader, self.article = None, None

    @on(ShowPerson)
    async def _show_person(self, message: ShowPerson) -> None:
        if self.current_mode != "people":
            self._remember(self.current_mode)
        await self.switch_mode("people")  # mounted before it is asked anything
        look_for = getattr(self.screen, "look_for", None)
        if look_for is not None:
            look_for(message.name)

    def on_unmount(self) -> None:
        if self.prefetch is not None:
            self.prefetch.cancel()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity="information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications carry article text, names and paths: never read them as markup, and
        never let a control character in them reach the terminal."""
        from byline.tui.core.visible import visible

        super().notify(
            visible(str(message)), title=visible(str(title)), severity=severity, timeout=timeout, markup=False
        )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.labels))

    def action_toggle_theme(self) -> None:
        """Dark or light, remembered for the next time."""
        from byline.tui.core.state import load_state, save_state

        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
        state = load_state()
        state.theme = self.theme
        save_state(state)

    def _remembered_theme(self) -> None:
        """The theme the reader chose last time."""
        from byline.tui.core.state import load_state

        theme = load_state().theme
        if theme and theme in self.available_themes:
            self.theme = theme

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own, ours that work everywhere, and those of the screen in front."""
        yield from super().get_system_commands(screen)
        for title, help_text, _, action in commands(("app",)):
            if action not in ("quit", "command_palette"):
                yield SystemCommand(title, help_text, self._app_action(action))
        palette = getattr(screen, "palette_commands", None)
        if palette is not None:
            yield from palette()
        if type(screen).__name__ != "LibraryScreen":  # the Library offers these as its own
            yield SystemCommand("Open a file or a URL", "key o in the Library", self._app_action("open_location"))
            for title, action in (
                ("Add a file, a folder or a URL to the library", "add"),
                ("Refresh the feeds: new stories arrive unread", "refresh"),
            ):
                yield SystemCommand(title, "in the Library", self._app_action(f"library_job('{action}')"))

    def _app_action(self, action: str):
        async def run() -> None:
            await self.run_action(action)

        return run
