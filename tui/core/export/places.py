"""Where a passage is, in words a reader can find it by: its paragraph and its line in the text."""

from __future__ import annotations

from bisect import bisect_right


class Places:
    """Paragraph and line numbers of offsets in one text (1-based).

    A paragraph is a block of lines between blank lines; a text with no blank line at all has one
    paragraph per line (as many plain-text articles are written)."""

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        self.lines, pos = [], 0
        for line in lines:
            self.lines.append(pos)
            pos += len(line) + 1
        blank = [not line.strip() for line in lines]
        if any(blank[:-1]) and not all(blank):
            self.starts = [start for i, start in enumerate(self.lines) if not blank[i] and (i == 0 or blank[i - 1])]
        else:
            self.starts = [start for i, start in enumerate(self.lines) if not blank[i]]
        self.starts = self.starts or [0]

    @property
    def paragraphs(self) -> int:
        return len(self.starts)

    def paragraph(self, offset: int) -> int:
        return max(1, bisect_right(self.starts, offset))

    def line(self, offset: int) -> int:
        return max(1, bisect_right(self.lines, offset))

    def where(self, offset: int) -> str:
        return f"paragraph {self.paragraph(offset)}, line {self.line(offset)}"
