"""People and organisations across the library: each actor merged over the articles that name
them, with their roles, the articles and every quote; `enter` on a quote opens its article there.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from byline.tui.core.entity_types import type_word
from byline.tui.core.errors import BylineError
from byline.tui.core.library import Library, Person
from byline.tui.core.model import other_names
from byline.tui.core.report import quote_kind_word, quoted
from byline.tui.core.visible import one_line
from byline.tui.keys import bindings, screen_commands
from byline.tui.screens.requests import OpenArticle
from byline.widgets.item_list import FilterField

#: How much of a quote a row shows.
QUOTE_CHARS = 300


def person_matches(person: Person, query: str) -> bool:
    hay = " ".join([person.name, *person.aliases, *person.roles, type_word(person.type)]).lower()
    return all(word in hay for word in query.lower().split())


def person_row(person: Person) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(one_line(person.name), style="bold")
    articles, quotes = len(person.articles), len(person.quotes)
    text.append(
        f"\n {type_word(person.type)} · {articles} article{'s' if articles != 1 else ''}"
        f" · {quotes} quote{'s' if quotes != 1 else ''}",
        style="dim",
    )
    return text


class PeopleScreen(Screen):
    """A list of people and organisations; beside it, the one highlighted: roles, articles, quotes."""

    BINDINGS = bindings("people")

    @dataclass
    class Loaded(Message):
        people: list[Person]
        error: str | None

    def __init__(self, library: Library | None = None) -> None:
        super().__init__()
        self._library = library
        self.people: list[Person] = []
        self.shown: list[Person] = []
        self.current: Person | None = None

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library()
        return self._library

    def compose(self) -> ComposeResult:
        yield Static("People and organisations · reading the library…", id="people-status", markup=False)
        with Horizontal(id="people-body"):
            with Vertical(id="people-column"):
                yield FilterField(placeholder="name, alias, role or type", id="people-query")
                yield OptionList(id="people-list")
            with Vertical(id="person-column"):
                yield Static("", id="person-about", markup=False)
                yield OptionList(id="person-quotes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#people-list", OptionList).focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.people:
            self.load()  # articles may have been added or read since

    @work(thread=True, exclusive=True, group="people")
    def load(self) -> None:
        try:
            self.post_message(self.Loaded(self.library.people(), None))
        except BylineError as exc:
            self.post_message(self.Loaded([], str(exc)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.error:
            self.notify(message.error, title="People", severity="error", timeout=15)
        if self.library.missing_note:
            self.notify(self.library.missing_note, title="People", severity="warning", timeout=15)
        self.people = message.people
        self.refill()

    def refill(self) -> None:
        query = self.query_one("#people-query", Input).value
        self.shown = [p for p in self.people if person_matches(p, query)]
        people = self.query_one("#people-list", OptionList)
        people.clear_options()
        people.add_options([Option(person_row(p)) for p in self.shown])
        total = len(self.people)
        self.query_one("#people-status", Static).update(
            f"People and organisations · {total:,} across the library"
            + (f" · {len(self.shown):,} shown" if len(self.shown) != total else "")
        )
        if self.shown:
            people.highlighted = 0
        else:
            self.show(None)

    @on(Input.Changed, "#people-query")
    def _query_changed(self) -> None:
        self.refill()

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
        self.query_one("#people-query", Input).value = name
        self.refill()
        self.query_one("#people-list", OptionList).focus()

    def action_filter(self) -> None:
        self.query_one("#people-query", Input).focus()

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
