"""People and organisations across the library: each actor merged over the articles that name
them, with their roles, the articles and every quote; `enter` on a quote opens its article there.

The list is the catalogue's first page (most articles first; typing filters in the catalogue, so
nobody is out of reach), and a person's articles and quotes are read when they are highlighted.
`space` marks people and `m` merges the marked into the highlighted one; `x` splits one name off;
`u` / `ctrl+r` undo and redo. Merges are the user's word, kept like corrections
(core/people_merges.py) and seen everywhere: `byline quotes`, Voices, the counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from byline.tui.core.entity_types import type_word
from byline.tui.core.errors import BylineError
from byline.tui.core.library import Library, Person
from byline.tui.core.model import other_names
from byline.tui.core.report import quote_kind_word, quoted
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings, screen_commands
from byline.tui.screens.library_based import LibraryBased
from byline.tui.screens.requests import OpenArticle
from byline.widgets.item_list import FilterField, FocusList

#: How much of a quote a row shows.
QUOTE_CHARS = 300


#: People the list shows at once: the most present first; the filter reaches everyone else.
PAGE = 500


def person_row(person: Person, marked: bool = False) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    if marked:
        text.append("● ", style="bold")
    text.append(one_line(person.name), style="bold")
    text.append(f"\n {type_word(person.type)} · {person.counts}", style="dim")
    return text


class PeopleScreen(LibraryBased):
    """A list of people and organisations; beside it, the one highlighted: roles, articles, quotes."""

    BINDINGS = bindings("people")

    @dataclass
    class Loaded(Message):
        people: list[Person]
        error: str | None

    def __init__(self, library: Library | None = None) -> None:
        super().__init__(library)
        self.people: list[Person] = []
        self.shown: list[Person] = []
        self.current: Person | None = None
        self.marked: dict[str, Person] = {}  # by group

    def compose(self) -> ComposeResult:
        yield Static("People and organisations · reading the library…", id="people-status", markup=False)
        with Horizontal(id="people-body"):
            with Vertical(id="people-column"):
                yield FilterField(placeholder="name, alias, role or type", id="people-query")
                yield FocusList(id="people-list")
            with Vertical(id="person-column"):
                yield Static("", id="person-about", markup=False)
                yield FocusList(id="person-quotes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#people-list", OptionList).focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.people:
            self.load()  # articles may have been added or read since

    @work(thread=True, exclusive=True, group="people")
    def load(self) -> None:
        query = self.query_one("#people-query", Input).value
        try:
            self.post_message(self.Loaded(self.library.people(limit=PAGE, words=query), None))
        except BylineError as exc:
            self.post_message(self.Loaded([], str(exc)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.error:
            self.notify(message.error, title="People", severity="error", timeout=15)
        self.people = message.people
        self.refill(keep=self.current.group if self.current is not None else None)

    def refill(self, keep: str | None = None) -> None:
        query = self.query_one("#people-query", Input).value
        self.shown = self.people
        people = self.query_one("#people-list", OptionList)
        people.clear_options()
        people.add_options([Option(person_row(p, p.group in self.marked)) for p in self.shown])
        count = len(self.shown)
        more = "+" if count == PAGE else ""
        marked = f" · {len(self.marked)} marked (m merges them into the highlighted)" if self.marked else ""
        self.query_one("#people-status", Static).update(
            f"People and organisations · {count:,}{more} {'matching ' + repr(one_line(query)) if query else 'most present first'}"
            + marked
        )
        if self.shown:
            at = next((i for i, p in enumerate(self.shown) if p.group == keep), 0)
            people.highlighted = at
        else:
            self.show(None)

    @on(Input.Changed, "#people-query")
    def _query_changed(self) -> None:
        self.load()

    @on(FilterField.Done, "#people-query")
    def _query_done(self) -> None:
        self.query_one("#people-list", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#people-list")
    def _person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        self.show(self.shown[index] if 0 <= index < len(self.shown) else None)

    @on(OptionList.OptionSelected, "#people-list")
    def _person_chosen(self) -> None:
        quotes = self.query_one("#person-quotes", OptionList)
        if quotes.option_count:
            self._into(quotes)
        else:
            self.notify("Nobody is quoted saying anything here", timeout=3)

    def show(self, person: Person | None) -> None:
        """Fill the right-hand side with one person."""
        if person is not None:
            person = self.library.fill(person)
        self.current = person
        about = self.query_one("#person-about", Static)
        quotes = self.query_one("#person-quotes", OptionList)
        quotes.clear_options()
        if person is None:
            about.update("")
            return
        lines = Text()
        lines.append(one_line(person.name), style="bold")
        lines.append(f"  {type_word(person.type)}\n", style="dim")
        if person.roles:
            lines.append("; ".join(one_line(r) for r in person.roles) + "\n", style="italic")
        aka = other_names(person.aliases, person.roles)
        if aka:
            lines.append("aka " + ", ".join(one_line(a) for a in aka) + "\n", style="dim")
        titles = list(dict.fromkeys(a.title for a in person.appearances))
        lines.append(person.counts + "\n", style="dim")
        if len(person.keys) > 1:
            lines.append("as " + "; ".join(one_line(k.partition(":")[2]) for k in person.keys) + "\n", style="dim")
        lines.append(f"in {len(titles)} article{'s' if len(titles) != 1 else ''}: ", style="dim")
        lines.append("; ".join(one_line(t) for t in titles[:8]) + ("; …" if len(titles) > 8 else ""))
        about.update(lines)
        options = []
        for quote in person.quotes:
            row = Text(no_wrap=False)
            row.append(one_line(quote.title)[:60], style="bold")
            row.append(f"  {quote_kind_word(quote.kind)}\n", style="dim")
            body = one_line(quote.text)
            row.append("  " + quoted(quote, body if len(body) <= QUOTE_CHARS else body[:QUOTE_CHARS] + "…"))
            options.append(Option(row))
        quotes.add_options(options)

    @on(OptionList.OptionSelected, "#person-quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.current is None or not 0 <= event.option_index < len(self.current.quotes):
            return
        quote = self.current.quotes[event.option_index]
        self.post_message(OpenArticle(quote.article, at=quote.start))

    def look_for(self, name: str) -> None:
        """Show the people a name stands for (asked from another screen)."""
        self.query_one("#people-query", Input).value = name  # loads them
        self.query_one("#people-list", OptionList).focus()

    # -- merging and splitting ----------------------------------------------------------------
    def action_mark(self) -> None:
        person = self.current
        if person is None:
            return
        if person.group in self.marked:
            del self.marked[person.group]
        else:
            self.marked[person.group] = person
        self.refill(keep=person.group)

    def action_merge(self) -> None:
        from byline.tui.core import people_merges

        into = self.current
        others = [p for g, p in self.marked.items() if into is not None and g != into.group]
        if into is None or not others:
            suggestions = people_merges.suggestions(self.library.catalogue, into) if into else []
            hint = f"; maybe {', '.join(one_line(p.name) for p in suggestions[:3])}?" if suggestions else ""
            self.notify(f"Mark people with space, then press m on the one they are{hint}", timeout=6)
            return
        try:
            people_merges.merge_people(self.library.store, others, into)
        except BylineError as exc:
            self.notify(str(exc), title="Merge", severity="error", timeout=10)
            return
        names = ", ".join(one_line(p.name) for p in others)
        self.marked.clear()
        self.notify(f"{names} merged into {one_line(into.name)} (u undoes)", timeout=5)
        self.load()

    def action_split(self) -> None:
        from byline.tui.core import people_merges

        person = self.current
        if person is None or len(person.keys) < 2:
            self.notify("Only a person known by several names can be split", timeout=4)
            return
        key = person.keys[-1]
        try:
            people_merges.split_person(self.library.store, person, key)
        except BylineError as exc:
            self.notify(str(exc), title="Split", severity="error", timeout=10)
            return
        self.notify(f"{one_line(key.partition(':')[2])} is now a person of their own (u undoes)", timeout=5)
        self.load()

    def action_undo(self) -> None:
        self._history("undo")

    def action_redo(self) -> None:
        self._history("redo")

    def _history(self, which: str) -> None:
        from byline.tui.core import people_merges

        try:
            done = people_merges.undo(self.library.store) if which == "undo" else people_merges.redo(self.library.store)
        except BylineError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if done is None:
            self.notify(f"Nothing to {which}", timeout=3)
            return
        what = "merge into" if done.kind == "merge" else "split of"
        self.notify(f"{'Undone' if which == 'undo' else 'Redone'}: the {what} {one_line(done.name)}", timeout=4)
        self.load()

    def action_filter(self) -> None:
        self.query_one("#people-query", FilterField).take_focus()

    async def action_leave(self) -> None:
        """escape: clear the filter; with none on, back to the screen before."""
        field = self.query_one("#people-query", FilterField)
        if field.value:
            field.value = ""  # refills
        else:
            await self.app.run_action("go_back")

    def action_switch(self) -> None:
        people = self.query_one("#people-list", OptionList)
        quotes = self.query_one("#person-quotes", OptionList)
        if people.has_focus:
            self._into(quotes)
        else:
            people.focus()

    @staticmethod
    def _into(quotes: OptionList) -> None:
        """Focus the quotes with one of them highlighted, so enter opens it at once."""
        if quotes.highlighted is None and quotes.option_count:
            quotes.highlighted = 0
        quotes.focus()

    def palette_commands(self):
        """What this screen can do, for the command palette."""
        return screen_commands(self, "people")
