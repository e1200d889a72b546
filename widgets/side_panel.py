"""The side panel: who is in the story, what figures it rests on, who said what."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from byline.tui.core.annotation import Annotation
from byline.tui.core.entity_types import style_kind, type_word
from byline.tui.core.model import Actor, Analysis, Number, Quote
from byline.tui.keys import bindings



def _value(n: Number) -> str:
    if n.value is None:
        return "—"
    if n.kind == "date" and isinstance(n.value, int):
        return str(n.value)
    return f"{n.value:,}" if isinstance(n.value, int) else f"{n.value:,g}"




def actor_prompt(a: Actor, colours: dict[str, str] | None = None) -> Text:
    text = Text(no_wrap=False)
    colour = (colours or {}).get(f"entity-{style_kind(a.type)}", "")
    text.append("● ", style=colour)
    text.append(a.name, style="bold")
    text.append(f"  {type_word(a.type)} · {len(a.mentions)}×", style="dim")
    if a.roles:
        text.append("\n  " + "; ".join(a.roles), style="italic")
    if a.aliases:
        text.append("\n  aka " + ", ".join(a.aliases), style="dim")
    return text


def number_prompt(n: Number, sentence: str) -> Text:
    text = Text(no_wrap=False)
    text.append(_value(n), style="bold")
    if n.qualifier:
        text.append(f" ({n.qualifier})", style="italic")
    text.append(f"  {n.unit or '?'}", style="")
    text.append(f"  {n.kind}", style="dim")
    text.append(f"\n  {sentence}", style="dim")
    return text


def quote_prompt(q: Quote) -> Text:
    text = Text(no_wrap=False)
    text.append(q.speaker or "unattributed", style="bold" if q.speaker else "italic dim")
    text.append(f"  {q.cue or ''} · {q.kind}", style="dim")
    body = q.text if len(q.text) < 400 else q.text[:400] + "…"
    text.append("\n  " + (f"“{body}”" if q.kind != "indirect" else body))
    return text


def note_prompt(a: Annotation, colours: dict[str, str]) -> Text:
    text = Text(no_wrap=False)
    if a.orphan:
        text.append(" orphan ", style="bold reverse")
        text.append(" ")
    for label in a.labels or (["correction: " + (a.entity or "")] if a.kind == "correction" else ["note"]):
        colour = colours.get(label, "")
        text.append("● ", style=colour)
        text.append(label + "  ", style="bold")
    passage = a.passage if len(a.passage) < 160 else a.passage[:160] + "…"
    text.append(f"\n  “{passage}”", style="italic")
    if a.note:
        text.append("\n  " + a.note.replace("\n", " ")[:300], style="")
    return text


def note_matches(a: Annotation, query: str) -> bool:
    query = query.strip().lower()
    if not query:
        return True
    hay = " ".join([a.passage, a.note, *a.labels, a.entity or "", "orphan" if a.orphan else ""]).lower()
    return all(word in hay for word in query.split())


#: The Notes tab lists at most this many at once; the filter finds the rest.
NOTES_SHOWN = 300


class ItemList(OptionList):
    """A list of analysis items; enter chooses one."""

    BINDINGS = bindings("list") + [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "Top", show=False),
        Binding("G", "last", "Bottom", show=False),
    ]

    @dataclass
    class FilterRequested(Message):
        """The reader asked to filter this list."""

        item_list: "ItemList"

        @property
        def control(self) -> "ItemList":
            return self.item_list

    @dataclass
    class AttachRequested(Message):
        """The reader asked to attach the highlighted item to the selection."""

        item_list: "ItemList"
        index: int

        @property
        def control(self) -> "ItemList":
            return self.item_list

    def action_choose(self) -> None:
        self.action_select()

    def action_filter(self) -> None:
        self.post_message(self.FilterRequested(self))

    def action_attach(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.AttachRequested(self, self.highlighted))


class SidePanel(Vertical):
    """Tabs Actors | Numbers | Quotes, with counts in their titles."""

    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True)
    notes: reactive[tuple[Annotation, ...]] = reactive((), init=False, always_update=True)
    label_colours: dict[str, str] = {}

    @dataclass
    class NoteChosen(Message):
        """The reader chose an annotation in the Notes tab."""

        panel: "SidePanel"
        annotation_id: str

    @dataclass
    class AttachRequested(Message):
        """The reader asked to attach an orphaned annotation to the current selection."""

        panel: "SidePanel"
        annotation_id: str

    @dataclass
    class ItemChosen(Message):
        """The reader chose an item: move the article cursor to `start` and mark `spans`."""

        panel: "SidePanel"
        start: int
        spans: tuple[tuple[int, int], ...]

    def compose(self) -> ComposeResult:
        with TabbedContent(id="tabs"):
            with TabPane("Actors", id="actors"):
                yield ItemList(id="actor-list")
            with TabPane("Numbers", id="numbers"):
                yield ItemList(id="number-list")
            with TabPane("Quotes", id="quotes"):
                yield ItemList(id="quote-list")
            with TabPane("Notes", id="notes"):
                yield Input(placeholder="filter notes…", id="notes-filter")
                yield ItemList(id="note-list")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    def show_tab(self, tab: str) -> ItemList:
        """Activate a tab and return its list."""
        self.tabs.active = tab
        return self.tabs.get_pane(tab).query_one(ItemList)

    def active_list(self) -> ItemList | None:
        pane = self.tabs.active_pane
        return pane.query_one(ItemList) if pane is not None else None

    def on_mount(self) -> None:
        self.loading = True

    def _sentence(self, analysis_text: str, start: int, end: int) -> str:
        lo = max(analysis_text.rfind(". ", 0, start) + 2, analysis_text.rfind("\n", 0, start) + 1)
        hi_candidates = [i for i in (analysis_text.find(". ", end), analysis_text.find("\n", end)) if i >= 0]
        hi = min(hi_candidates) + 1 if hi_candidates else len(analysis_text)
        return analysis_text[lo:hi].strip()

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text
        self._items: dict[str, list[tuple[int, tuple[tuple[int, int], ...]]]] = {}
        self._note_ids: list[str] = []

    def watch_analysis(self, analysis: Analysis | None) -> None:
        """Fill the lists from the analysis of the article."""
        if analysis is None:
            self.loading = True
            return
        text = self.text
        self._fill("actor-list", "actors", "Actors",
                   [(actor_prompt(a, self.app.theme_variables), a.mentions[0][0], tuple(tuple(m) for m in a.mentions))
                    for a in analysis.actors])
        self._fill("number-list", "numbers", "Numbers",
                   [(number_prompt(n, self._sentence(text, n.start, n.end)), n.start, ((n.start, n.end),))
                    for n in analysis.numbers])
        quote_items = []
        for q in analysis.quotes:
            spans = [(q.start, q.end)]
            actor = analysis.actor(q.speaker_actor)
            if actor:
                spans += [tuple(m) for m in actor.mentions if q.start - 400 < m[0] < q.end + 400]
            quote_items.append((quote_prompt(q), q.start, tuple(spans)))
        self._fill("quote-list", "quotes", "Quotes", quote_items)
        self.loading = False

    def _fill(self, list_id: str, pane_id: str, title: str, items) -> None:
        option_list = self.query_one(f"#{list_id}", ItemList)
        option_list.clear_options()
        option_list.add_options([Option(prompt, id=str(i)) for i, (prompt, _, _) in enumerate(items)])
        self._items[list_id] = [(start, spans) for _, start, spans in items]
        self.tabs.get_tab(pane_id).label = f"{title} {len(items)}"
        if items:
            option_list.highlighted = 0

    # -- notes ----------------------------------------------------------------------------
    def watch_notes(self) -> None:
        self._show_notes()

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self) -> None:
        self._show_notes()

    @on(Input.Submitted, "#notes-filter")
    def _filter_done(self) -> None:
        self.query_one("#note-list", ItemList).focus()

    def _show_notes(self) -> None:
        if not self.is_mounted:
            return
        query = self.query_one("#notes-filter", Input).value
        matching = [a for a in self.notes if note_matches(a, query)]
        # Orphans first: they need the reader; then the first NOTES_SHOWN in reading order.
        matching.sort(key=lambda a: (not a.orphan, a.start))
        shown = matching[:NOTES_SHOWN]
        self._note_ids = [a.id for a in shown]
        notes = self.query_one("#note-list", ItemList)
        keep = notes.highlighted
        notes.clear_options()
        options = [Option(note_prompt(a, self.label_colours), id=a.id) for a in shown]
        if len(matching) > len(shown):
            options.append(Option(Text(f"… {len(matching) - len(shown):,} more: type to filter", style="italic dim"),
                                  disabled=True))
        notes.add_options(options)
        orphans = sum(a.orphan for a in self.notes)
        title = f"Notes {len(self.notes)}" + (f" ({orphans} orphaned)" if orphans else "")
        self.tabs.get_tab("notes").label = title
        if shown:
            notes.highlighted = min(keep or 0, len(shown) - 1)

    @on(ItemList.FilterRequested, "#note-list")
    def _filter_requested(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    @on(ItemList.AttachRequested, "#note-list")
    def _attach_requested(self, message: ItemList.AttachRequested) -> None:
        if 0 <= message.index < len(self._note_ids):
            self.post_message(self.AttachRequested(self, self._note_ids[message.index]))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "note-list":
            if event.option.id:
                self.post_message(self.NoteChosen(self, event.option.id))
            return
        items = self._items.get(event.option_list.id or "", [])
        if not items:
            return
        if 0 <= event.option_index < len(items):
            start, spans = items[event.option_index]
            self.post_message(self.ItemChosen(self, start, spans))
