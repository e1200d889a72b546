"""An invented article with a hand-made analysis, for Pilot tests of the reader's own behaviour
(moving, selecting, finding, the panel, corrections in the UI). Extraction is tested with the
real model elsewhere; here the analysis is fixed so each test says exactly what it relies on."""

from __future__ import annotations

from byline.tui.app import BylineApp
from byline.tui.core.model import Actor, Analysis, Entity, Number, Quote
from byline.tui.core.sources import Article, from_text

TEXT = (
    "Harbour vote splits Dunmore\n\n"
    "Mayor Lena Okafor said on Tuesday that the harbour would reopen in 44 B.C. style, with 1,200 new berths. "
    "\u201cWe have waited long enough,\u201d Okafor told reporters in Dunmore.\n\n"
    "The port authority chief, Tomas Rell, disagreed. \u201cThe dredging is not finished,\u201d Rell said. "
    "Councillor Ada Rell backed the mayor. Ms. Okafor-Brandt later told the council that costs had doubled.\n\n"
    "A senior official said the vote would be close.\n\n\n"
    "Residents of Dunmore will vote in May.\n"
)


def span(passage: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(passage, start + 1)
    return start, start + len(passage)


def fixed_analysis(text: str = TEXT) -> Analysis:
    people = {
        "lena-okafor": ("Lena Okafor", "PERSON", [span("Lena Okafor"), span("Okafor", 1)], ["Mayor"], ["Okafor"]),
        "okafor-brandt": ("Okafor-Brandt", "PERSON", [span("Okafor-Brandt")], [], []),
        "tomas-rell": (
            "Tomas Rell",
            "PERSON",
            [span("Tomas Rell"), span("Rell", 1)],
            ["port authority chief"],
            ["Rell"],
        ),
        "ada-rell": ("Ada Rell", "PERSON", [span("Ada Rell")], ["Councillor"], []),
        "dunmore": ("Dunmore", "GPE", [span("Dunmore"), span("Dunmore", 1), span("Dunmore", 2)], [], []),
    }
    actors = [
        Actor(i, name, kind, roles, aliases, mentions) for i, (name, kind, mentions, roles, aliases) in people.items()
    ]
    entities = sorted(
        (Entity(s, e, text[s:e], a.type, a.id) for a in actors for s, e in a.mentions), key=lambda e: e.start
    )
    n = span("1,200")
    numbers = [Number(n[0], n[1], "1,200", 1200, "berths", None, "count")]
    waited = span("We have waited long enough")
    dredging = span("The dredging is not finished")
    harbour = span("the harbour would reopen in 44 B.C. style, with 1,200 new berths")
    close = span("the vote would be close")
    quotes = [
        Quote(*harbour, text[harbour[0] : harbour[1]], "indirect", "Lena Okafor", "lena-okafor", "said"),
        Quote(*waited, text[waited[0] : waited[1]], "direct", "Lena Okafor", "lena-okafor", "told"),
        Quote(*dredging, text[dredging[0] : dredging[1]], "direct", "Tomas Rell", "tomas-rell", "said"),
        Quote(*close, text[close[0] : close[1]], "indirect", "A senior official", None, "said", anonymous=True),
    ]
    return Analysis("harbour.txt", "Harbour vote splits Dunmore", "0" * 64, "fixed", entities, actors, numbers, quotes)


def fixed_app(text: str = TEXT, analysis=None, article: Article | None = None, **kwargs) -> BylineApp:
    """The reader on `text` with a fixed analysis, as fast as the text can be drawn."""
    made = analysis if analysis is not None else fixed_analysis(text)
    return BylineApp(
        article or from_text(text, "harbour.txt"),
        model="fixed",
        keymap={},
        analyser=lambda article, model: made,
        **kwargs,
    )
