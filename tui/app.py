"""The Byline App: screens, global bindings and the command palette; nothing else."""

from __future__ import annotations

from importlib.resources import files
from typing import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from byline.tui.core.sources import Article
from byline.tui.core.prefetch import Prefetch
from byline.tui.keys import KEYS, bindings
from byline.tui.screens.reader import ReaderScreen
from byline.widgets.help import HelpScreen

#: Our own theme variables; a theme may override any of them.
THEME_VARIABLES = {
    "entity-person": "#e4568c",
    "entity-org": "#3fa0e8",
    "entity-place": "#3cb371",
    "entity-group": "#b07be8",
    "entity-number": "#e0a030",
    "entity-mark": "#f0e040",
}


class BylineApp(App[int]):
    """A terminal reader for people who read the news closely."""

    TITLE = "Byline"
    CSS_PATH = str(files("byline.styles") / "app.tcss")
    BINDINGS = bindings("app")

    def __init__(
        self,
        article: Article,
        model: str,
        keymap: dict[str, str] | None = None,
        prefetch: "Prefetch | None" = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.model = model
        self.prefetch = prefetch
        self._user_keymap = keymap

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(THEME_VARIABLES)

    def on_mount(self) -> None:
        self.title = f"Byline — {self.article.title}"
        from byline.tui.core.annotation import labels_from_config
        from byline.tui.core.errors import BylineError
        from byline.tui.core.paths import Config, load_config

        try:
            config = load_config()
        except BylineError as exc:
            self.notify(f"{exc}; using the defaults", severity="error", timeout=15)
            config = Config()
        if self._user_keymap is None:
            self._user_keymap = config.keymap
        if self._user_keymap:
            self.set_keymap(self._user_keymap)
        try:
            labels = labels_from_config(config.labels)
        except BylineError as exc:
            self.notify(f"{exc}; using the default labels", severity="error", timeout=15)
            labels = labels_from_config([])
        self.push_screen(ReaderScreen(self.article, self.model, self.prefetch, labels=labels))
        self.prefetch = None

    def on_unmount(self) -> None:
        if self.prefetch is not None:
            self.prefetch.cancel()

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Notifications carry article text, names and paths: never read them as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(self.screen, "labels", ())))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        seen = {"quit", "command_palette"}
        for key in KEYS:
            if key.action in seen or key.scope == "list" or key.action == "noop":
                continue
            seen.add(key.action)
            if "{key}" in key.action:
                labels = getattr(screen, "labels", None) or ()
                for label in labels:
                    yield SystemCommand(f"{key.description} {label.name}", f"key: {label.key}",
                                        self._runner(key.scope, key.action.format(key=label.key)))
            else:
                yield SystemCommand(key.description, f"key: {key.display}", self._runner(key.scope, key.action))

    def _runner(self, scope: str, action: str):
        async def run() -> None:
            if scope == "article":
                from byline.widgets.article_view import ArticleView

                view = self.screen.query_one(ArticleView)
                view.focus()
                await view.run_action(action)
            else:
                await self.run_action(f"{'app' if scope == 'app' else 'screen'}.{action}")

        return run
