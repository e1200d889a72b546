"""The article pane: the text, read-only, with entities and marks highlighted.

A read-only TextArea gives cursor, selection and soft wrap; `get_line` adds our styles to each
document line, computed only for lines on screen and cached until the highlights change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import TextArea

from tui.core.model import Analysis
from tui.core.text import next_boundary, paragraph_starts, prev_boundary, sentence_starts
from tui.keys import bindings

#: entity label -> component class that styles it
LABEL_CLASS = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "NUMBER": "number",
}


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
    }

    analysis: reactive[Analysis | None] = reactive(None, init=False, always_update=True)
    marks: reactive[tuple[tuple[int, int], ...]] = reactive((), init=False)

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
            spans.extend((e.start, e.end, LABEL_CLASS.get(e.label, "org")) for e in analysis.entities)
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

    def entity_at(self, offset: int) -> tuple[int, int, str] | None:
        if self.analysis is None:
            return None
        for e in self.analysis.entities:
            if e.start <= offset < e.end:
                return e.start, e.end, e.actor or ""
        return None

    # -- actions ---------------------------------------------------------------------------
    def action_sentence(self, direction: int) -> None:
        self._jump(self._sentences, direction)

    def action_paragraph(self, direction: int) -> None:
        self._jump(self._paragraphs, direction)

    def _jump(self, starts: list[int], direction: int) -> None:
        offset = self.cursor_offset
        target = next_boundary(starts, offset) if direction > 0 else prev_boundary(starts, offset)
        if target is not None:
            self.move_to_offset(target)

    def action_word(self, direction: int) -> None:
        if direction > 0:
            self.action_cursor_word_right()
        else:
            self.action_cursor_word_left()

    def action_top(self) -> None:
        self.move_cursor((0, 0))

    def action_bottom(self) -> None:
        self.move_cursor(self.document.end)

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
        self.post_message(self.EntityChosen(self, actor or None, start, end))
