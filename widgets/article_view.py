"""The article pane: the text, read-only, with entities and marks highlighted.

A read-only TextArea gives cursor, selection and soft wrap; `get_line` adds our styles to each
document line, computed only for lines on screen and cached until the highlights change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.message import Message
from textual.strip import Strip
from textual.reactive import reactive
from textual.widgets import TextArea

from byline.tui.core.entity_types import style_kind
from byline.tui.core.model import Analysis
from byline.tui.core.text import next_boundary, paragraph_starts, prev_boundary, sentence_starts
from byline.tui.keys import bindings



class ArticleView(TextArea, can_focus=True):
    """The article text with its named entities and figures highlighted."""

    BINDINGS = bindings("article")

    COMPONENT_CLASSES = TextArea.COMPONENT_CLASSES | {
        "article-view--person",
        "article-view--org",
        "article-view--place",
        "article-view--group",
        "article-view--number",
        "article-view--mark",
        "article-view--title",
        "article-view--overlap",
    }

    MARGIN = 2

    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True)
    marks: reactive[tuple[tuple[int, int], ...]] = reactive((), init=False)
    #: (start, end, colour) of each annotated passage, drawn in its label's colour
    annotations: reactive[tuple[tuple[int, int, str], ...]] = reactive((), init=False)
    #: visual mode: moving the cursor extends the selection
    selecting: reactive[bool] = reactive(False, init=False)

    @dataclass
    class EntityChosen(Message):
        """The reader pressed enter on an entity in the text."""

        view: "ArticleView"
        actor_id: str | None
        start: int
        end: int

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(text, read_only=True, soft_wrap=True, show_line_numbers=False, **kwargs)
        self.cursor_blink = False
        self._styled: dict[int, Text] = {}
        self._styles_by_kind: dict[str, Style] = {}
        self._spans: list[tuple[int, int, str]] = []
        self._span_starts: list[int] = []
        self._line_starts = self._compute_line_starts(text)
        self._sentences = sentence_starts(text)
        self._paragraphs = paragraph_starts(text)
        self._annotation_starts: list[tuple[int, int, str]] = []
        self._annotation_keys: list[int] = []
        self._longest_annotation = 0

    @staticmethod
    def _compute_line_starts(text: str) -> list[int]:
        starts, pos = [0], 0
        for line in text.split("\n")[:-1]:
            pos += len(line) + 1
            starts.append(pos)
        return starts

    # -- offsets ---------------------------------------------------------------------------
    def location_of(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]

    def offset_of(self, location: tuple[int, int]) -> int:
        row, col = location
        return self._line_starts[min(row, len(self._line_starts) - 1)] + col

    @property
    def cursor_offset(self) -> int:
        return self.offset_of(self.cursor_location)

    def move_to_offset(self, offset: int, select: bool = False) -> None:
        self.move_cursor(self.location_of(offset), select=select, center=True)

    # -- highlights ------------------------------------------------------------------------
    def watch_analysis(self, analysis: Analysis | None) -> None:
        spans: list[tuple[int, int, str]] = []
        if analysis is not None:
            spans.extend((e.start, e.end, style_kind(e.type)) for e in analysis.entities)
            taken = [(s, e) for s, e, _ in spans]
            for n in analysis.numbers:
                if not any(s < n.end and n.start < e for s, e in taken):
                    spans.append((n.start, n.end, "number"))
        spans.sort()
        self._spans = spans
        self._span_starts = [s for s, _, _ in spans]
        self._invalidate()

    def watch_marks(self) -> None:
        self._invalidate()

    def watch_annotations(self) -> None:
        self._annotation_starts = sorted(self.annotations)
        self._annotation_keys = [a[0] for a in self._annotation_starts]
        self._longest_annotation = max((e - s for s, e, _ in self._annotation_starts), default=0)
        self._invalidate()

    def watch_selecting(self, selecting: bool) -> None:
        self.set_class(selecting, "-selecting")

    def _invalidate(self) -> None:
        self._styled.clear()
        self._line_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._styled.clear()
        self._styles_by_kind = {}
        super().notify_style_update()

    def get_line(self, line_index: int) -> Text:
        cached = self._styled.get(line_index)
        if cached is not None:
            return cached.copy()
        line = super().get_line(line_index)
        start = self._line_starts[line_index]
        end = start + len(line.plain)
        if line_index == 0:
            line.stylize(self._style("title"))
        # the reader's passages under the entities, so names stay visible inside a tagged passage
        for s, e, style in self._annotation_runs(start, end):
            line.stylize(style, s - start, e - start)
        lo = bisect_left(self._span_starts, start - 200)
        for s, e, kind in self._spans[lo:]:
            if s >= end:
                break
            if e > start:
                line.stylize(self._style(kind), max(s, start) - start, min(e, end) - start)
        for s, e in self.marks:
            if s < end and e > start:
                line.stylize(self._style("mark"), max(s, start) - start, min(e, end) - start)
        self._styled[line_index] = line
        return line.copy()

    def _style(self, kind: str) -> Style:
        """A component style with its translucent background blended over ours (theme-safe)."""
        style = self._styles_by_kind.get(kind)
        if style is None:
            styles = self.get_component_styles(f"article-view--{kind}")
            base = self.background_colors[1]
            bg = styles.background
            style = self.get_component_rich_style(f"article-view--{kind}", partial=True)
            if bg.a > 0:
                style += Style(bgcolor=(base + bg).rich_color)
            self._styles_by_kind[kind] = style
        return style

    def _annotations_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        lo = bisect_left(self._annotation_keys, start - self._longest_annotation)
        hi = bisect_left(self._annotation_keys, end)
        return [a for a in self._annotation_starts[lo:hi] if a[1] > start]

    def _annotation_runs(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        """Annotated stretches of [start, end) as runs of one style each: the colour of the
        passage that starts last, and bold underline where passages overlap. Linear in the
        annotated characters, however many annotations pile up."""
        hits = self._annotations_in(start, end)
        if not hits:
            return []
        width = end - start
        depth = [0] * (width + 1)
        colour: list[str | None] = [None] * width
        for s, e, c in hits:  # sorted by start: later starts paint over earlier ones
            lo, hi = max(s, start) - start, min(e, end) - start
            depth[lo] += 1
            depth[hi] -= 1
            colour[lo:hi] = [c] * (hi - lo)
        runs: list[tuple[int, int, Style]] = []
        level, run_start, run_key = 0, 0, None
        for i in range(width + 1):
            if i < width:
                level += depth[i]
                key = (colour[i], level > 1) if colour[i] is not None else None
            else:
                key = "end"
            if key != run_key:
                if run_key not in (None, "end") and i > run_start:
                    c, overlap = run_key
                    style = self._label_style(c) + (self._style("overlap") if overlap else Style())
                    runs.append((start + run_start, start + i, style))
                run_start, run_key = i, key
        return runs

    def _label_style(self, colour: str) -> Style:
        style = self._styles_by_kind.get("label:" + colour)
        if style is None:
            base = self.background_colors[1]
            try:
                tint = Color.parse(colour).with_alpha(0.45)
            except Exception:  # noqa: BLE001 - a bad colour in the config: a neutral grey instead
                tint = Color.parse("#888888").with_alpha(0.45)
            style = Style(bgcolor=(base + tint).rich_color)
            self._styles_by_kind["label:" + colour] = style
        return style

    # -- margin: a bar beside every row that holds part of an annotation --------------------
    @property
    def gutter_width(self) -> int:
        return self.MARGIN

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        scroll_y = self.scroll_offset[1]
        mark = Segment(" " * self.MARGIN, self.rich_style)
        try:
            line_index, section = self.wrapped_document._offset_to_line_info[y + scroll_y]
        except (IndexError, TypeError):
            return Strip.join([Strip([mark], self.MARGIN), strip])
        start = self._line_starts[line_index]
        length = len(self.document.get_line(line_index))
        offsets = [0, *self.wrapped_document.get_offsets(line_index), length]
        lo, hi = start + offsets[section], start + max(offsets[section + 1], offsets[section] + 1)
        hits = self._annotations_in(lo, hi)
        if hits:
            colour = self._label_style(hits[0][2]).bgcolor
            mark = Segment("▌" + " " * (self.MARGIN - 1), Style(color=colour) + Style(bgcolor=self.rich_style.bgcolor))
        return Strip.join([Strip([mark], self.MARGIN), strip])

    def entity_at(self, offset: int) -> tuple[int, int, str] | None:
        if self.analysis is None:
            return None
        for e in self.analysis.entities:
            if e.start <= offset < e.end:
                return e.start, e.end, e.actor or ""
        return None

    # -- selection -------------------------------------------------------------------------
    @property
    def selected_span(self) -> tuple[int, int] | None:
        """The selection as (start, end) offsets, or None when nothing is selected."""
        start, end = sorted((self.offset_of(self.selection.start), self.offset_of(self.selection.end)))
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        from textual.widgets.text_area import Selection

        self.selection = Selection(self.location_of(start), self.location_of(end))

    def clear_selection(self) -> None:
        self.selecting = False
        self.move_cursor(self.cursor_location)

    def action_visual(self) -> None:
        if self.selecting:
            self.selecting = False
        else:
            self.selecting = True
            self.move_cursor(self.cursor_location)

    def action_select_sentence(self) -> None:
        from byline.tui.core.text import sentence_at

        start, end = sentence_at(self.text, self._sentences, self.cursor_offset)
        self.selecting = False
        self.select_span(start, end)

    # cursor moves extend the selection in visual mode
    def action_cursor_down(self, select: bool = False) -> None:
        super().action_cursor_down(select or self.selecting)

    def action_cursor_up(self, select: bool = False) -> None:
        super().action_cursor_up(select or self.selecting)

    def action_cursor_left(self, select: bool = False) -> None:
        super().action_cursor_left(select or self.selecting)

    def action_cursor_right(self, select: bool = False) -> None:
        super().action_cursor_right(select or self.selecting)

    def action_cursor_word_left(self, select: bool = False) -> None:
        super().action_cursor_word_left(select or self.selecting)

    def action_cursor_word_right(self, select: bool = False) -> None:
        super().action_cursor_word_right(select or self.selecting)

    # -- actions ---------------------------------------------------------------------------
    def action_sentence(self, direction: int) -> None:
        self._jump(self._sentences, direction)

    def action_paragraph(self, direction: int) -> None:
        self._jump(self._paragraphs, direction)

    def _jump(self, starts: list[int], direction: int) -> None:
        offset = self.cursor_offset
        target = next_boundary(starts, offset) if direction > 0 else prev_boundary(starts, offset)
        if target is not None:
            self.move_cursor(self.location_of(target), select=self.selecting, center=True)

    def action_word(self, direction: int) -> None:
        if direction > 0:
            self.action_cursor_word_right()
        else:
            self.action_cursor_word_left()

    def action_top(self) -> None:
        self.move_cursor((0, 0), select=self.selecting)

    def action_bottom(self) -> None:
        self.move_cursor(self.document.end, select=self.selecting)

    def action_page(self, direction: int) -> None:
        if direction > 0:
            self.action_cursor_page_down()
        else:
            self.action_cursor_page_up()

    def action_entity(self) -> None:
        hit = self.entity_at(self.cursor_offset)
        if hit is None:
            self.notify("No entity under the cursor", severity="warning", timeout=2)
            return
        start, end, actor = hit
        self.selecting = False
        self.select_span(start, end)
        self.post_message(self.EntityChosen(self, actor or None, start, end))
