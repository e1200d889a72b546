"""The side panel: who is in the story, what figures it rests on, who said what, the reader's
notes, and whose voices the story carries. Every list filters as you type."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from byline.tui.core.annotation import Annotation
from byline.tui.core.model import Analysis, Quote
from byline.tui.core.speech import acts
from byline.tui.core.visible import one_line
from byline.widgets.item_list import FilterField, ItemList
from byline.widgets.panel_rows import Row, actor_row, heading_row, note_row, number_row, quote_row, voice_row

#: (tab id, title, list id, filter id) in tab order.
TABS = (
    ("actors", "Actors", "actor-list", "actors-filter"),
    ("numbers", "Figures", "number-list", "numbers-filter"),
    ("quotes", "Quotes", "quote-list", "quotes-filter"),
    ("notes", "Notes", "note-list", "notes-filter"),
    ("voices", "Voices", "voice-list", "voices-filter"),
)
LIST_OF = {tab: list_id for tab, _, list_id, _ in TABS}
TITLE_OF = {tab: title for tab, title, _, _ in TABS}

#: A list shows at most this many rows at once; the filter finds the rest.
ROWS_SHOWN = 300
#: Quoted speech counts as the same passage's speaker this far around it (characters).
NEAR_QUOTE = 400


def sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(ends) + 1 if ends else len(text)
    return text[lo:hi].strip()


def fold_partials(quotes: list[Quote]) -> list[tuple[Quote, list[Quote]]]:
    """Each quote with the quotes that are part of it, shown under it instead of apart: one act of
    speech, as every count has it (core/speech.py)."""
    return acts(quotes)


class SidePanel(Vertical):
    """Tabs Actors | Figures | Quotes | Notes | Voices, with counts in their titles."""

    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True)
    notes: reactive[tuple[Annotation, ...]] = reactive((), init=False, always_update=True)
    #: quotes grouped under their speakers, or in reading order
    grouped: reactive[bool] = reactive(False, init=False)
    #: the analysis has not landed yet: the title says so (a class, not an animated overlay: that
    #: repainted the panel 16 times a second while spaCy loaded, and its removal cost a layout)
    analysing: reactive[bool] = reactive(True, init=False)
    label_colours: dict[str, str] = {}

    @dataclass
    class FromPanel(Message):
        """A message of this panel (its `control`)."""

        panel: SidePanel

        @property
        def control(self) -> SidePanel:
            return self.panel

    @dataclass
    class NoteChosen(FromPanel):
        """The reader chose an annotation in the Notes tab."""

        annotation_id: str

    @dataclass
    class AttachRequested(FromPanel):
        """The reader asked to attach an orphan to the current selection."""

        annotation_id: str

    @dataclass
    class LeaveRequested(FromPanel):
        """Escape in a list with no filter on: the reader wants the article back."""

    @dataclass
    class ItemChosen(FromPanel):
        """The reader chose an item: move the article cursor to `start` and mark `spans`;
        `what` names it in the status ("Jens Stoltenberg")."""

        start: int
        spans: tuple[tuple[int, int], ...]
        what: str = ""

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text
        self._rows: dict[str, list[Row]] = {list_id: [] for _, _, list_id, _ in TABS}
        self._shown: dict[str, list[Row]] = {list_id: [] for _, _, list_id, _ in TABS}
        self._voices_summary = ""
        self._note_rows: dict[str, tuple[Annotation, Row]] = {}
        self._note_colours: dict[str, str] | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="tabs"):
            for tab, title, list_id, filter_id in TABS:
                with TabPane(title, id=tab):
                    if tab == "voices":
                        yield Static("", id="voices-summary", markup=False)
                    yield FilterField(placeholder=f"filter {title.lower()} (f)", id=filter_id, classes="list-filter")
                    yield ItemList(id=list_id)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    def show_tab(self, tab: str) -> ItemList:
        """Activate a tab and return its list."""
        self.tabs.active = tab
        self._title()
        return self.query_one(f"#{LIST_OF[tab]}", ItemList)

    def filter_of(self, tab: str) -> str:
        """What the tab's list is filtered by ("" when it is not)."""
        return self.query_one(f"#{tab}-filter", FilterField).value.strip()

    @on(TabbedContent.TabActivated)
    def _title(self) -> None:
        """The panel's title: the tab shown and, while one is on, its filter (escape clears it):
        a filtered list never passes for the whole list."""
        tab = self.tabs.active
        if tab not in TITLE_OF:
            return
        query = self.filter_of(tab)
        self.set_class(bool(query), "-filtered")
        # in the warning colour by a span (a class would restyle every widget of the panel); the
        # filter is what the user typed, kept as text: "[/]" or "[$x]" is no markup
        doing = (" · analysing…", "$warning") if self.analysing and tab != "notes" else ""
        typed = f" · filter “{one_line(query)}” · esc clears" if query else ""
        self.border_title = Content.assemble(TITLE_OF[tab], doing, typed)

    def active_list(self) -> ItemList | None:
        pane = self.tabs.active_pane
        return pane.query_one(ItemList) if pane is not None else None

    def on_mount(self) -> None:
        self._title()

    def watch_analysing(self) -> None:
        self._title()

    # -- filling the lists ----------------------------------------------------------------------
    def watch_analysis(self, analysis: Analysis | None) -> None:
        if analysis is None:
            self.analysing = True
            return
        quoted: dict[str, int] = {}
        for q in analysis.quotes:
            if q.speaker_actor:
                quoted[q.speaker_actor] = quoted.get(q.speaker_actor, 0) + 1
        colours = self.app.theme_variables
        self._set("actor-list", [actor_row(a, colours, quoted.get(a.id, 0)) for a in analysis.actors])
        self._set("number-list", [number_row(n, sentence_around(self.text, n.start, n.end)) for n in analysis.numbers])
        self._fill_quotes()
        self._fill_voices()
        self.analysing = False

    def watch_grouped(self) -> None:
        if self.analysis is not None:
            self._fill_quotes()

    def _fill_quotes(self) -> None:
        analysis = self.analysis
        assert analysis is not None
        rows: list[Row] = []
        folded = fold_partials(analysis.quotes)

        def row(q: Quote, parts: list[Quote], speaker: bool = True) -> Row:
            spans = [(q.start, q.end), *((p.start, p.end) for p in parts)]
            actor = analysis.actor(q.speaker_actor)
            if actor:
                spans += [(m[0], m[1]) for m in actor.mentions if q.start - NEAR_QUOTE < m[0] < q.end + NEAR_QUOTE]
            return quote_row(q, tuple(spans), parts, speaker)

        if self.grouped:
            speakers: dict[str, list[tuple[Quote, list[Quote]]]] = {}
            for q, parts in folded:
                speakers.setdefault(q.speaker or "", []).append((q, parts))
            order = sorted(speakers, key=lambda s: (not s, -len(speakers[s]), s.lower()))
            for speaker in order:
                items = speakers[speaker]
                n = sum(1 + len(parts) for _, parts in items)
                rows.append(heading_row(speaker or "unattributed", f"{n} quote{'s' * (n != 1)}"))
                rows += [row(q, parts, speaker=False) for q, parts in items]
        else:
            rows = [row(q, parts) for q, parts in folded]
        self._set("quote-list", rows, count=len(analysis.quotes))

    def _fill_voices(self) -> None:
        from byline.tui.core.voices import voices

        if self.analysis is None:
            return
        found = voices(self.analysis, self.text)
        most = max((v.words for v in found.voices), default=0)
        self._voices_summary = one_line(found.summary())
        self.query_one("#voices-summary", Static).update(Text(self._voices_summary, style="italic"))
        self._set("voice-list", [voice_row(v, most) for v in found.voices])

    def _set(self, list_id: str, rows: list[Row], count: int | None = None) -> None:
        self._rows[list_id] = rows
        tab = next(t for t, _, lid, _ in TABS if lid == list_id)
        n = count if count is not None else sum(not r.heading for r in rows)
        self.tabs.get_tab(tab).label = f"{TITLE_OF[tab]} {n:,}"
        self._show(list_id)

    def _show(self, list_id: str) -> None:
        """Show the rows of a list that pass its filter (at most ROWS_SHOWN of them)."""
        if not self.is_mounted:
            return
        tab = next(t for t, _, lid, _ in TABS if lid == list_id)
        query = self.query_one(f"#{tab}-filter", FilterField).value
        words = query.lower().split()
        rows = self._rows[list_id]
        matching = [r for r in rows if all(w in r.haystack for w in words)] if words else list(rows)
        if words and any(r.heading for r in rows):  # a heading stays with the rows under it that match
            matching, heading = [], None
            for r in rows:
                if r.heading:
                    heading = r
                elif all(w in r.haystack for w in words):
                    if heading is not None:
                        matching.append(heading)
                        heading = None
                    matching.append(r)
        shown = matching[:ROWS_SHOWN]
        self._shown[list_id] = shown
        option_list = self.query_one(f"#{list_id}", ItemList)
        keep = option_list.highlighted
        option_list.clear_options()
        options = [Option(r.prompt, id=f"{list_id}:{i}", disabled=r.heading) for i, r in enumerate(shown)]
        if len(matching) > len(shown):
            options.append(
                Option(
                    Text(f"… {len(matching) - len(shown):,} more: type to filter", style="italic dim"), disabled=True
                )
            )
        option_list.add_options(options)
        choosable = [i for i, r in enumerate(shown) if not r.heading]
        if choosable:
            option_list.highlighted = keep if keep in choosable else choosable[0]

    # -- notes ----------------------------------------------------------------------------------
    def watch_notes(self) -> None:
        if not self.is_mounted:
            return
        # orphans first (they need the reader), then notes in reading order, then corrections
        ordered = sorted(self.notes, key=lambda a: (not a.orphan, a.kind == "correction", a.start))
        # a row is made again only for an annotation that changed (a change is a new object)
        colours = self.label_colours
        made = self._note_rows if colours is self._note_colours else {}
        self._note_colours = colours
        fresh: dict[str, tuple[Annotation, Row]] = {}
        for a in ordered:
            known = made.get(a.id)
            fresh[a.id] = known if known is not None and known[0] is a else (a, note_row(a, colours))
        self._note_rows = fresh
        self._rows["note-list"] = [row for _, row in fresh.values()]
        notes = sum(a.kind == "annotation" for a in self.notes)
        orphans = sum(a.orphan for a in self.notes)
        # orphans said in two characters: a long label would push the Voices tab off a narrow bar
        self.tabs.get_tab("notes").label = f"Notes {notes:,}" + (f" ⚠{orphans}" if orphans else "")
        self._show("note-list")

    def note_at(self, index: int) -> Annotation | None:
        shown = self._shown["note-list"]
        if not 0 <= index < len(shown):
            return None
        return next((a for a in self.notes if a.id == shown[index].key), None)

    # -- filters ------------------------------------------------------------------------------
    @on(FilterField.Changed)
    def _filter_changed(self, event: FilterField.Changed) -> None:
        tab = (event.input.id or "").removesuffix("-filter")
        if tab in LIST_OF:
            self._show(LIST_OF[tab])
            self._title()

    @on(FilterField.Done)
    def _filter_done(self, event: FilterField.Done) -> None:
        tab = (event.field.id or "").removesuffix("-filter")
        if tab in LIST_OF:
            self.query_one(f"#{LIST_OF[tab]}", ItemList).focus()

    @on(ItemList.FilterRequested)
    def _filter_requested(self, event: ItemList.FilterRequested) -> None:
        tab = next((t for t, lid in LIST_OF.items() if lid == event.item_list.id), None)
        if tab is not None:
            self.query_one(f"#{tab}-filter", FilterField).take_focus()

    @on(ItemList.LeaveRequested)
    def _leave_requested(self, event: ItemList.LeaveRequested) -> None:
        tab = next((t for t, lid in LIST_OF.items() if lid == event.item_list.id), None)
        if tab is not None and self.filter_of(tab):
            self.query_one(f"#{tab}-filter", FilterField).value = ""
        else:
            self.post_message(self.LeaveRequested(self))

    @on(ItemList.AttachRequested, "#note-list")
    def _attach_requested(self, message: ItemList.AttachRequested) -> None:
        note = self.note_at(message.index)
        if note is not None:
            self.post_message(self.AttachRequested(self, note.id))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        list_id = event.option_list.id or ""
        shown = self._shown.get(list_id, [])
        if not 0 <= event.option_index < len(shown):
            return
        row = shown[event.option_index]
        if row.heading:
            return
        if list_id == "note-list":
            self.post_message(self.NoteChosen(self, row.key))
        elif row.spans and row.start is not None:
            self.post_message(self.ItemChosen(self, row.start, row.spans, row.key))
