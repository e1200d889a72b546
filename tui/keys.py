"""Every key binding in one table: the bindings, the help screen and the README key table come
from here, so they cannot disagree. Users remap keys by binding id in the config file."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


_SYMBOLS = {
    "question_mark": "?", "left_parenthesis": "(", "right_parenthesis": ")",
    "left_curly_bracket": "{", "right_curly_bracket": "}", "left_square_bracket": "[",
    "right_square_bracket": "]",
}


@dataclass(frozen=True)
class Key:
    id: str
    keys: str
    action: str
    description: str
    scope: str  # app | reader | article
    show: bool = False

    @property
    def display(self) -> str:
        return " / ".join(_SYMBOLS.get(k, k) for k in self.keys.split(","))

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.description, show=self.show, id=self.id)


KEYS: list[Key] = [
    Key("quit", "ctrl+q", "quit", "Quit", "app", show=True),
    Key("help", "f1,question_mark", "help", "Help", "app", show=True),
    Key("palette", "ctrl+p", "command_palette", "Command palette", "app"),
    Key("theme", "ctrl+t", "toggle_theme", "Toggle dark / light theme", "app"),
    Key("side-panel", "tab", "focus_side", "Switch between article and side panel", "reader", show=True),
    Key("actors", "A", "show_tab('actors')", "Show the actors", "reader"),
    Key("numbers", "N", "show_tab('numbers')", "Show the numbers", "reader"),
    Key("quotes", "Q", "show_tab('quotes')", "Show the quotes", "reader"),
    Key("clear-marks", "escape", "clear_marks", "Clear marks and selection", "reader"),
    Key("down", "j,down", "cursor_down", "Cursor down a line", "article"),
    Key("up", "k,up", "cursor_up", "Cursor up a line", "article"),
    Key("next-sentence", "right_parenthesis", "sentence(1)", "Next sentence", "article", show=True),
    Key("prev-sentence", "left_parenthesis", "sentence(-1)", "Previous sentence", "article"),
    Key("next-paragraph", "right_curly_bracket", "paragraph(1)", "Next paragraph", "article"),
    Key("prev-paragraph", "left_curly_bracket", "paragraph(-1)", "Previous paragraph", "article"),
    Key("word-right", "w", "word(1)", "Next word", "article"),
    Key("word-left", "b", "word(-1)", "Previous word", "article"),
    Key("top", "g,home", "top", "Go to the top", "article"),
    Key("bottom", "G,end", "bottom", "Go to the bottom", "article"),
    Key("page-down", "pagedown,space", "page(1)", "Page down", "article"),
    Key("page-up", "pageup", "page(-1)", "Page up", "article"),
    Key("entity", "enter", "entity", "Mark every mention of the entity under the cursor", "article"),
    Key("choose", "enter", "choose", "Jump to the item in the article and mark its mentions", "list"),
]

SCOPE_TITLES = {"app": "Everywhere", "reader": "Reader", "article": "Article pane", "list": "Side panel lists"}


def bindings(scope: str) -> list[Binding]:
    return [k.binding() for k in KEYS if k.scope == scope]


def help_rows() -> list[tuple[str, str, str]]:
    """(scope title, keys, description) rows, in table order: the help screen and README."""
    return [(SCOPE_TITLES[k.scope], k.display, k.description) for k in KEYS]


def markdown_table() -> str:
    lines = ["| where | keys | what |", "|---|---|---|"]
    for scope, keys, description in help_rows():
        keys = keys.replace("|", "\\|")
        lines.append(f"| {scope} | `{keys}` | {description} |")
    return "\n".join(lines)
