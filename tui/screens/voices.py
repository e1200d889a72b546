"""Voices across the library: who gets to speak over every analysed article, in how many
articles, and how much each site rests on sources without a name."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from byline.tui.core.errors import BylineError
from byline.tui.core.library import Library
from byline.tui.core.visible import one_line
from byline.tui.core.voices import LibraryVoices, Voice, library_voices
from byline.tui.keys import bindings, screen_commands
from byline.tui.screens.library_based import LibraryBased
from byline.tui.screens.requests import ShowPerson
from byline.widgets.item_list import FilterField, FocusList
from byline.widgets.panel_rows import voice_row


def voice_option(voice: Voice, most: int) -> Option:
    row = voice_row(voice, most)
    prompt = row.prompt.copy()
    prompt.append(f" · {voice.articles} article{'s' if voice.articles != 1 else ''}", style="dim")
    return Option(prompt)


class LibraryVoicesScreen(LibraryBased):
    """Every voice of the library, most words first; below, anonymous sourcing per site."""

    BINDINGS = bindings("voices")

    @dataclass
    class Loaded(Message):
        found: LibraryVoices | None
        error: str | None

    def __init__(self, library: Library | None = None) -> None:
        super().__init__(library)
        self.found: LibraryVoices | None = None
        self.shown: list[Voice] = []

    def compose(self) -> ComposeResult:
        yield Static("Voices across the library · reading…", id="voices-status", markup=False)
        yield FilterField(placeholder="filter: a name, a type, anonymous or named", id="voices-query")
        yield FocusList(id="library-voice-list")
        yield Static("Anonymous sourcing per site", id="sites-title", markup=False)
        table: DataTable = DataTable(id="sites-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sites-table", DataTable)
        for key, heading in (
            ("site", "Site"),
            ("articles", "Articles"),
            ("quotes", "Quotes"),
            ("anonymous", "Anonymous"),
            ("share", "Share"),
        ):
            table.add_column(heading, key=key)
        self.query_one("#library-voice-list", OptionList).focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.found is not None:
            self.load()

    @work(thread=True, exclusive=True, group="voices")
    def load(self) -> None:
        try:
            self.post_message(self.Loaded(library_voices(self.library), None))
        except BylineError as exc:
            self.post_message(self.Loaded(None, str(exc)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.error:
            self.notify(message.error, title="Voices", severity="error", timeout=15)
            return
        self.found = message.found
        self.refill()
        table = self.query_one("#sites-table", DataTable)
        table.clear()
        for site in self.found.sites if self.found else []:
            table.add_row(
                one_line(site.site), str(site.articles), str(site.quotes), str(site.anonymous), f"{site.share:.0%}"
            )

    def refill(self) -> None:
        found = self.found
        if found is None:
            return
        query = self.query_one("#voices-query", Input).value.lower().split()
        everyone = found.voices.voices
        self.shown = [v for v in everyone if voice_row(v, 1).matches(" ".join(query))]
        most = max((v.words for v in everyone), default=0)
        voices = self.query_one("#library-voice-list", OptionList)
        voices.clear_options()
        voices.add_options([voice_option(v, most) for v in self.shown])
        if self.shown:
            voices.highlighted = 0
        status = (
            f"Voices across the library · {found.articles} analysed article"
            f"{'s' if found.articles != 1 else ''} · {one_line(found.voices.summary())}"
        )
        self.query_one("#voices-status", Static).update(Text(status))

    @on(Input.Changed, "#voices-query")
    def _query_changed(self) -> None:
        self.refill()

    @on(FilterField.Done, "#voices-query")
    def _query_done(self) -> None:
        self.query_one("#library-voice-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#library-voice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if not 0 <= event.option_index < len(self.shown):
            return
        voice = self.shown[event.option_index]
        if voice.anonymous:
            self.notify(
                f"“{one_line(voice.speaker)}” is no one the articles name: there is no person to show", timeout=4
            )
            return
        self.post_message(ShowPerson(voice.speaker))

    def action_filter(self) -> None:
        self.query_one("#voices-query", FilterField).take_focus()

    async def action_leave(self) -> None:
        """escape: clear the filter; with none on, back to the screen before."""
        field = self.query_one("#voices-query", FilterField)
        if field.value:
            field.value = ""  # refills
        else:
            await self.app.run_action("go_back")

    def palette_commands(self):
        """What this screen can do, for the command palette."""
        return screen_commands(self, "voices")
