"""The Library's table: its columns, how a row is filtered and drawn, and how wide each column is."""

from __future__ import annotations

from rich.text import Text

from byline.tui.core.library import Entry
from byline.tui.core.visible import one_line

#: (column key, heading, widest it gets or None for the rest, how a row sorts by it)
COLUMNS = (
    ("title", "Title", None, lambda e: e.title.lower()),
    ("feed", "Feed", 16, lambda e: (e.feed or "").lower()),
    ("site", "Site", 18, lambda e: (e.site or "").lower()),
    ("date", "Date", 10, lambda e: (e.date, e.added)),  # one day: the last added first
    ("words", "Words", 7, lambda e: e.words or 0),
    ("actors", "Actors", 6, lambda e: e.actors if e.actors is not None else -1),
    ("quotes", "Quotes", 6, lambda e: e.quotes if e.quotes is not None else -1),
    ("notes", "Notes", 5, lambda e: e.notes or 0),
)
NUMERIC = {"words", "actors", "quotes", "notes"}
#: Columns shown only when some article has something in them.
OPTIONAL = ("feed", "site")
TITLE_ROOM = 28
NAMES_AT_LEAST = 10  # a site or feed column is narrowed to this before a count goes
UNREAD = "● "
#: Rows put in the table before its first paint; the others follow at once after it.
FIRST_ROWS = 80


def matches(entry: Entry, query: str) -> bool:
    """Every word of the query in the title, site, feed, authors, source or date."""
    hay = " ".join(
        [entry.title, entry.site or "", entry.feed or "", " ".join(entry.authors), entry.source, entry.date]
    ).lower()
    return all(word in hay for word in query.lower().split())


def added_day(entry: Entry) -> str:
    return entry.added[:10]


def _cell(entry: Entry, key: str, dates: str = "published") -> Text | str:
    if key == "title":
        title = one_line(entry.title or entry.source)
        if entry.unread:  # new from a feed: marked, and bold
            return Text.assemble((UNREAD, "bold"), (title, "bold"), overflow="ellipsis", no_wrap=True)
        return Text(title, overflow="ellipsis", no_wrap=True)
    if key in ("site", "feed"):
        return Text(one_line(getattr(entry, key) or ""), overflow="ellipsis", no_wrap=True)
    if key == "date":
        if dates == "added":
            return Text(added_day(entry))
        # the day it was added, where the article gives no date, in grey
        return Text(entry.date, style="" if entry.date_kind == "published" else "dim")
    value = getattr(entry, key)
    return Text("—" if value is None else f"{value:,}", justify="right")


def layout(entries: list[Entry], width: int, sort_key: str) -> dict[str, int]:
    """The columns to show and their widths at this terminal width: a name column as wide as its
    longest name (none when no article has one), a count as wide as its heading (and the sort
    arrow, on the sorted one), and the rest for the title. On a narrow terminal the actor and
    quote counts go first, then the names are narrowed, then the word count goes (never the
    sorted column), before the title is cut short."""
    widths: dict[str, int] = {}
    for key, heading, widest, _ in COLUMNS:
        if widest is None:
            continue
        room = len(heading) + (2 if key == sort_key else 0)
        if key in OPTIONAL:
            longest = max((len(one_line(getattr(e, key))) for e in entries if getattr(e, key)), default=0)
            if longest:
                widths[key] = max(room, min(widest, longest))
        elif key == "words":
            longest = max((len(f"{e.words:,}") for e in entries if e.words), default=0)
            widths[key] = max(room, min(widest, longest))
        else:
            widths[key] = max(room, widest if key == "date" else 0)

    def title_room() -> int:
        return width - sum(w + 2 for w in widths.values()) - 2 - 2  # cell padding; the scrollbar

    def drop(key: str) -> None:
        if title_room() < TITLE_ROOM and key != sort_key:
            widths.pop(key, None)

    drop("actors")
    drop("quotes")
    for key in OPTIONAL:
        if title_room() < TITLE_ROOM and key in widths:
            least = min(widths[key], NAMES_AT_LEAST)
            widths[key] = max(least, widths[key] - (TITLE_ROOM - title_room()))
    drop("words")
    return {"title": max(12, title_room()), **widths}
