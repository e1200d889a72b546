"""Every key binding in one table: the bindings, the help screen and the README key table come
from here, so they cannot disagree. Users remap keys by binding id in the config file."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

_SYMBOLS = {
    "question_mark": "?",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "slash": "/",
    "dollar_sign": "$",
}


@dataclass(frozen=True)
class Key:
    id: str
    keys: str
    action: str
    description: str
    scope: str  # app | reader | article | list | library | people | voices | a dialog's (DIALOG_SCOPES)
    show: bool = False
    short: str = ""  # the footer's word for it
    shown: str = ""  # how the help writes the keys, where the list is long
    priority: bool = False  # before the focused widget's own key (ctrl+e over the text area's)

    @property
    def display(self) -> str:
        if self.shown:
            return self.shown
        return " / ".join(_SYMBOLS.get(k, k) for k in self.keys.split(","))

    def bindings(self) -> list[Binding]:
        """One binding, or one per key where the action takes the key ("label({key})")."""
        if "{key}" in self.action:
            return [
                Binding(k, self.action.format(key=k), f"{self.description} {k}", show=False, id=f"{self.id}-{k}")
                for k in self.keys.split(",")
            ]
        return [
            Binding(
                self.keys,
                self.action,
                self.short or self.description,
                show=self.show,
                id=self.id,
                priority=self.priority,
            )
        ]

    @property
    def display_keys(self) -> str:
        keys = self.keys.split(",")
        if "{key}" in self.action:
            return f"{keys[0]}–{keys[-1]}"
        return self.display


KEYS: list[Key] = [
    Key("quit", "ctrl+q", "quit", "Quit", "app", show=True),
    Key("help", "f1,question_mark", "help", "Help", "app", show=True),
    Key("palette", "ctrl+p", "command_palette", "Command palette", "app"),
    Key("theme", "ctrl+t", "toggle_theme", "Toggle dark / light theme", "app"),
    Key("search-library", "f6", "app.search", "Search the library: texts, titles, quotes, notes", "app"),
    Key("notes-library", "f7", "app.notes", "Notes across the library", "app"),
    Key("back", "backspace", "go_back", "Back to the screen before (article, library, people, voices)", "app"),
    Key("back-or-quit", "q", "back_or_quit", "Back to the screen before; quit where there is none", "app"),
    Key("side-panel", "tab", "focus_side", "Switch between article and side panel", "reader", show=True, short="Panel"),
    Key("toggle-panel", "p", "toggle_panel", "Show or hide the side panel", "reader"),
    Key("actors", "A", "show_tab('actors')", "Show the actors", "reader"),
    Key("numbers", "F", "show_tab('numbers')", "Show the figures (numbers)", "reader"),
    Key("quotes", "Q", "show_tab('quotes')", "Show the quotes", "reader"),
    Key("notes", "M", "show_tab('notes')", "Show the notes (annotations)", "reader"),
    Key("voices", "V", "show_tab('voices')", "Show the voices: who is quoted, how much", "reader"),
    Key("group-quotes", "S", "group_quotes", "Group the quotes by speaker, or list them in order", "reader"),
    Key("find", "slash,ctrl+f", "find", "Find in the article (from the panel too)", "reader", show=True, short="Find"),
    Key("clear-marks", "escape", "clear_marks", "Clear marks, matches and selection", "reader"),
    Key("info", "I", "article_info", "Article info: title, site, date, authors, URL", "reader"),
    Key("label", "1,2,3,4,5,6,7,8,9", "toggle_label('{key}')", "Toggle label", "reader"),
    Key("note", "a", "note", "Write a note on the selection or annotation", "reader", show=True, short="Note"),
    Key("delete", "x", "delete_annotation", "Delete the annotation under the cursor", "reader"),
    Key("undo", "u", "undo", "Undo the last change", "reader"),
    Key("redo", "ctrl+r", "redo", "Redo", "reader"),
    Key("next-note", "right_square_bracket", "jump_annotation(1)", "Next annotation", "reader"),
    Key("prev-note", "left_square_bracket", "jump_annotation(-1)", "Previous annotation", "reader"),
    Key("correct", "E", "correct", "Correct the analysis here: entity, actor, quote", "reader"),
    Key("export", "ctrl+o", "export", "Export annotations and analysis", "reader", show=True, short="Export"),
    Key("to-library", "L", "app.library", "Back to the library", "reader"),
    Key("down", "j,down", "cursor_down", "Cursor down a line", "article"),
    Key("up", "k,up", "cursor_up", "Cursor up a line", "article"),
    Key("left", "h", "cursor_left", "Cursor left (and the arrow key)", "article"),
    Key("right", "l", "cursor_right", "Cursor right (and the arrow key)", "article"),
    Key("line-start", "0", "line_start", "Start of the line", "article"),
    Key("line-end", "dollar_sign", "line_end", "End of the line", "article"),
    Key("next-sentence", "right_parenthesis", "sentence(1)", "Next sentence (selecting: its end)", "article"),
    Key("prev-sentence", "left_parenthesis", "sentence(-1)", "Previous sentence", "article"),
    Key("next-paragraph", "right_curly_bracket", "paragraph(1)", "Next paragraph (selecting: its end)", "article"),
    Key("prev-paragraph", "left_curly_bracket", "paragraph(-1)", "Previous paragraph", "article"),
    Key("word-right", "w", "word(1)", "Start of the next word", "article"),
    Key("word-left", "b", "word(-1)", "Start of the word before", "article"),
    Key("word-end", "e", "word_end", "End of the word (v e e: whole words)", "article"),
    Key("top", "g,home", "top", "Go to the top", "article"),
    Key("bottom", "G,end", "bottom", "Go to the bottom", "article"),
    Key("page-down", "pagedown,space", "page(1)", "Page down", "article"),
    Key("page-up", "pageup,ctrl+b", "page(-1)", "Page up", "article"),
    Key("half-down", "ctrl+d", "half_page(1)", "Half a page down", "article"),
    Key("half-up", "ctrl+u", "half_page(-1)", "Half a page up", "article"),
    Key("next-match", "n", "next_target(1)", "Next match, or next mention of what is marked", "article"),
    Key("prev-match", "N", "next_target(-1)", "Previous match or mention", "article"),
    Key("visual", "v", "visual", "Start a new selection here; moves stretch it", "article"),
    Key("sentence-select", "s", "select_sentence", "Select the sentence under the cursor", "article"),
    Key(
        "extend",
        "shift+left,shift+right,shift+up,shift+down",
        "noop",
        "Stretch the selection",
        "article",
        shown="shift+arrows",
    ),
    Key("entity", "enter", "entity", "Select the entity under the cursor and mark its mentions", "article"),
    Key("choose", "enter", "choose", "Jump to the item in the article and mark it", "list"),
    Key(
        "filter",
        "f",
        "filter",
        "Filter this list as you type (its title says so while on)",
        "list",
        show=True,
        short="Filter",
    ),
    Key("list-leave", "escape", "leave", "Clear the list's filter; with none, back to the article", "list"),
    Key("list-down", "j", "cursor_down", "Down the list (and the arrow key)", "list"),
    Key("list-up", "k", "cursor_up", "Up the list (and the arrow key)", "list"),
    Key("list-top", "g", "first", "Top of the list", "list"),
    Key("list-bottom", "G", "last", "Bottom of the list", "list"),
    Key("attach", "o", "attach", "Attach the orphan to the selection", "list"),
    Key("filter-clear", "escape", "clear", "Clear the filter and go back to the list (enter keeps it)", "filter"),
    Key("find-close", "escape", "cancel", "Close the find bar and go back to where you were", "find"),
    Key("library-open", "enter", "open", "Open the article", "library", show=True, short="Open"),
    Key(
        "library-filter",
        "slash",
        "filter",
        "Filter as you type (title, site, author, date)",
        "library",
        show=True,
        short="Filter",
    ),
    Key("library-down", "j", "cursor(1)", "Down the list", "library"),
    Key("library-up", "k", "cursor(-1)", "Up the list", "library"),
    Key("library-clear", "escape", "clear_filter", "Clear the filter (and show all, not only unread)", "library"),
    Key("library-sort", "s", "sort(1)", "Sort by the next column", "library", show=True, short="Sort"),
    Key("library-sort-back", "S", "sort(-1)", "Sort by the column before", "library"),
    Key("library-reverse", "r", "reverse", "Reverse the order", "library"),
    Key("library-dates", "t", "dates", "Date column: published, or the day added (sorted by it)", "library"),
    Key("library-unread-only", "u", "unread_only", "Show only unread articles, or all", "library"),
    Key("library-mark-unread", "m", "toggle_unread", "Mark the article unread again (or read)", "library"),
    Key(
        "library-refresh",
        "ctrl+r",
        "refresh",
        "Refresh the feeds: new stories arrive unread",
        "library",
        show=True,
        short="Refresh",
    ),
    Key("library-follow", "f", "follow", "Follow a feed (its address, or a site's)", "library"),
    Key("library-add", "a", "add", "Add a file, a folder or a URL to the library", "library", show=True, short="Add"),
    Key("library-open-location", "o", "app.open_location", "Open a file or a URL", "library"),
    Key("library-delete", "d,delete", "delete", "Delete the article (asks first)", "library", short="Delete"),
    Key("library-reader", "R", "app.reader", "Back to the article you were reading", "library"),
    Key(
        "to-people",
        "P",
        "app.people",
        "People and organisations across the library",
        "library",
        show=True,
        short="People",
    ),
    Key("to-voices", "V", "app.voices", "Voices across the library", "library", show=True, short="Voices"),
    Key(
        "to-search",
        "F",
        "app.search",
        "Search the library (texts, titles, quotes, notes)",
        "library",
        short="Search",
    ),
    # Search and Notes are in the help and the palette (and f6, f7 everywhere): the footer keeps
    # the Library's own keys whole at 80 columns
    Key("to-notes", "N", "app.notes", "Notes across the library", "library", short="Notes"),
    Key(
        "people-filter",
        "slash",
        "filter",
        "Filter as you type (name, alias, role, type)",
        "people",
        show=True,
        short="Filter",
    ),
    Key(
        "people-switch",
        "tab",
        "switch",
        "Between the people and the quotes of one",
        "people",
        show=True,
        short="Quotes",
    ),
    Key("people-library", "L", "app.library", "Back to the library", "people", show=True, short="Library"),
    Key("people-leave", "escape", "leave", "Clear the filter; with none on, back to the screen before", "people"),
    Key("people-mark", "space", "mark", "Mark this person, to merge the marked into another", "people"),
    Key("people-merge", "m", "merge", "Merge the marked people into this one", "people", show=True, short="Merge"),
    Key("people-split", "x", "split", "Split one name off this person", "people"),
    Key("people-undo", "u", "undo", "Undo the last merge or split", "people"),
    Key("people-redo", "ctrl+r", "redo", "Redo", "people"),
    Key("people-voices", "V", "app.voices", "Voices across the library", "people"),
    Key(
        "voices-filter",
        "slash",
        "filter",
        "Filter as you type (name, type, anonymous)",
        "voices",
        show=True,
        short="Filter",
    ),
    Key("voices-library", "L", "app.library", "Back to the library", "voices", show=True, short="Library"),
    Key("voices-leave", "escape", "leave", "Clear the filter; with none on, back to the screen before", "voices"),
    Key(
        "voices-people",
        "P",
        "app.people",
        "People and organisations across the library",
        "voices",
        show=True,
        short="People",
    ),
    Key("note-save", "ctrl+s", "save", "Save the note", "note", show=True, short="Save"),
    Key("note-cancel", "escape", "cancel", "Close without saving", "note", show=True, short="Cancel"),
    Key(
        "note-editor",
        "ctrl+e",
        "external",
        "Edit the note in $VISUAL or $EDITOR",
        "note",
        show=True,
        short="$EDITOR",
        priority=True,
    ),
    Key("entity-cancel", "escape", "cancel", "Close the correction menu", "correct"),
    Key("picker-cancel", "escape", "cancel", "Close the list of names", "picker"),
    Key("picker-down", "down", "to_list", "From the name field to the list", "picker"),
    Key("export-cancel", "escape", "cancel", "Close the export dialog", "export"),
    Key("confirm-yes", "y", "answer(True)", "Yes", "confirm"),
    Key("confirm-no", "n,escape", "answer(False)", "No", "confirm"),
    Key("info-close", "escape,q,enter", "close", "Close the article info", "info"),
    Key("help-close", "escape,q,f1,question_mark", "close", "Close the help", "help"),
    Key("help-down", "j,down", "scroll_down", "Scroll the help down", "help"),
    Key("help-up", "k,up", "scroll_up", "Scroll the help up", "help"),
    Key("help-page-down", "pagedown,space,ctrl+d", "page_down", "Page the help down", "help"),
    Key("help-page-up", "pageup,ctrl+u,ctrl+b", "page_up", "Page the help up", "help"),
    Key("help-top", "g,home", "scroll_home", "Top of the help", "help"),
    Key("help-bottom", "G,end", "scroll_end", "Bottom of the help", "help"),
]

SEARCH_KEYS = [
    Key("search-filter", "slash", "filter", "Back to the query", "search", show=True, short="Query"),
    Key("search-back", "escape,L", "app.library", "Back to the library", "search", show=True, short="Library"),
    Key("notes-filter", "slash", "filter", "Back to the filter", "notes", show=True, short="Filter"),
    Key("notes-back", "escape,L", "app.library", "Back to the library", "notes", show=True, short="Library"),
]
KEYS += SEARCH_KEYS

SCOPE_TITLES = {
    "app": "Everywhere",
    "reader": "Reader",
    "article": "Article pane",
    "list": "Side panel lists",
    "library": "Library",
    "people": "People",
    "voices": "Voices across the library",
    "search": "Search the library",
    "notes": "Notes across the library",
    "filter": "A list's filter field",
    "find": "The find bar",
    "note": "The note editor",
    "correct": "Dialogs",
    "picker": "Dialogs",
    "export": "Dialogs",
    "confirm": "Dialogs",
    "info": "Dialogs",
    "help": "This help",
}

#: Scopes of the dialogs and fields: their keys are in the help, not in the palette.
DIALOG_SCOPES = ("filter", "find", "note", "correct", "picker", "export", "confirm", "info", "help")


def bindings(scope: str) -> list[BindingType]:
    """The bindings of one scope, typed as a widget's BINDINGS."""
    return [b for k in KEYS if k.scope == scope and k.action != "noop" for b in k.bindings()]


def scope_bindings(scope: str) -> list[Binding]:
    return [b for k in KEYS if k.scope == scope and k.action != "noop" for b in k.bindings()]


def commands(scopes: tuple[str, ...], labels=()) -> list[tuple[str, str, str, str]]:
    """(title, help, scope, action) of every palette command of these scopes; a label action
    gives one command per label ("Toggle label claim")."""
    found, seen = [], set()
    for key in KEYS:
        if key.scope not in scopes or key.action == "noop" or (key.scope, key.action) in seen:
            continue
        seen.add((key.scope, key.action))
        if "{key}" in key.action:
            for label in labels:
                found.append(
                    (
                        f"{key.description} {label.name}",
                        f"key: {label.key}",
                        key.scope,
                        key.action.format(key=label.key),
                    )
                )
        else:
            where = "in a list, key" if key.scope == "list" else "key"
            found.append((key.description, f"{where}: {key.display}", key.scope, key.action))
    return found


def screen_commands(screen, scope: str):
    """Palette commands for a screen whose keys are one scope: each runs the action on it."""
    from textual.app import SystemCommand

    def runner(action: str):
        async def run() -> None:
            await screen.run_action(action)

        return run

    for title, help_text, _, action in commands((scope,)):
        yield SystemCommand(title, help_text, runner(action))


def help_rows() -> list[tuple[str, str, str]]:
    """(scope title, keys, description) rows, in table order: the help screen and README."""
    return [(SCOPE_TITLES[k.scope], k.display_keys, k.description) for k in KEYS]


def markdown_table() -> str:
    lines = ["| where | keys | what |", "|---|---|---|"]
    for scope, keys, description in help_rows():
        keys = keys.replace("|", "\\|")
        lines.append(f"| {scope} | `{keys}` | {description} |")
    return "\n".join(lines)


def update_readme(path: str = "README.md") -> bool:
    """Rewrite the README's key table from this one; True if it changed."""
    import re
    from pathlib import Path

    readme = Path(path)
    text = readme.read_text(encoding="utf-8")
    new = re.sub(
        r"(<!-- keys:[^\n]*-->\n).*?(\n<!-- /keys -->)",
        lambda m: m.group(1) + markdown_table() + m.group(2),
        text,
        flags=re.S,
    )
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    print("README key table " + ("updated" if update_readme() else "already up to date"))
