"""The Byline App: modes, global bindings and the command palette; nothing else."""

from __future__ import annotations

from importlib.resources import files
from typing import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from byline.tui.core.annotation import Label
from byline.tui.core.prefetch import Prefetch
from byline.tui.core.sources import Article
from byline.tui.keys import bindings, commands
from byline.tui.screens.help import HelpScreen
from byline.tui.screens.reader import Analyser, ReaderScreen

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


class BylineApp(App[int]):
    """A terminal reader for people who read the news closely."""

    TITLE = "Byline"
    CSS_PATH = [str(STYLES / name) for name in ("app.tcss", "reader.tcss")]
    BINDINGS = bindings("app")

    def __init__(self, article: Article, model: str, keymap: dict[str, str] | None = None,
                 prefetch: Prefetch | None = None, analyser: Analyser | None = None) -> None:
        super().__init__()
        self.article = article
        self.model = model
        self.prefetch = prefetch
        self.analyser = analyser
        self.labels: tuple[Label, ...] = ()
        self._user_keymap = keymap

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(THEME_VARIABLES)

    def on_mount(self) -> None:
        from byline.tui.core.visible import one_line

        self.title = f"Byline — {one_line(self.article.title)}"
        self._remembered_theme()
        self._configure()
        self.add_mode("reader", self._reader)
        self.switch_mode("reader")

    def _configure(self) -> None:
        """Labels and key remaps from the config file; each problem in it is one notification
        at start, and the default is used in its place."""
        from byline.tui.core.annotation import labels_from_config
        from byline.tui.core.config import check_keymap, load_config
        from byline.tui.core.errors import BylineError
        from byline.tui.keys import KEYS

        config = load_config()
        if self._user_keymap is None:
            self._user_keymap = config.keymap
        known = [(b.id, b.key, k.scope) for k in KEYS for b in k.bindings() if b.id]
        keymap, problems = check_keymap(self._user_keymap, known)
        for problem in [*config.warnings, *problems]:
            self.notify(problem, title="Config", severity="warning", timeout=15)
        if keymap:
            self.set_keymap(keymap)
        try:
            self.labels = labels_from_config(config.labels)
        except BylineError as exc:  # pragma: no cover - load_config has checked every label
            self.notify(f"{exc}; using the default labels", severity="error", timeout=15)
            self.labels = labels_from_config([])

    def _reader(self) -> ReaderScreen:
        prefetch, self.prefetch = self.prefetch, None
        return ReaderScreen(self.article, self.model, prefetch, labels=self.labels, analyser=self.analyser)

    def on_unmount(self) -> None:
        if self.prefetch is not None:
            self.prefetch.cancel()

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Notifications carry article text, names and paths: never read them as markup, and
        never let a control character in them reach the terminal."""
        from byline.tui.core.visible import visible

        super().notify(visible(str(message)), title=visible(str(title)), severity=severity, timeout=timeout,
                       markup=False)

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

    def _app_action(self, action: str):
        async def run() -> None:
            await self.run_action(action)

        return run
