"""The reading brief as one self-contained HTML page: the article with the reader's passages
highlighted in their labels' colours and the notes in the margin beside their paragraph, the
voices as a bar chart, then who said what, the key figures and who is in the story. No script,
no file or font from elsewhere: it opens from a mail attachment, reads on a phone (the margin goes
under each paragraph) and prints (colours kept, nothing cut).

Everything in it came from outside (the article, its metadata, notes, labels), so every string is
HTML-escaped and made visible (no control character); a label's colour is used only when it is a
`#rrggbb` value.
"""

from __future__ import annotations

import re
from html import escape

from ..annotation import Annotation
from ..bundle import Bundle, today
from ..entity_types import type_word
from ..visible import one_line, visible
from .markdown import ACTORS_SHOWN
from .places import Places

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
NEUTRAL = "#888888"

CSS = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 1.05rem/1.55 Georgia, 'Times New Roman', serif;
  color: var(--ink); background: #fff; }
header h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .4rem; }
.meta { color: var(--muted); font: .9rem/1.4 system-ui, sans-serif; margin: 0 0 .2rem; overflow-wrap: anywhere; }
h2 { font: 600 1.15rem/1.3 system-ui, sans-serif; border-bottom: 1px solid var(--rule); padding-bottom: .2rem;
  margin-top: 2rem; }
.para { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 1.5rem; margin: 0 0 .9rem; }
.para p { margin: 0; }
.para aside { font: .85rem/1.4 system-ui, sans-serif; }
.para aside:empty { display: none; }
.note { border-left: 4px solid var(--c); padding: .1rem .5rem; margin: 0 0 .5rem; background: #fafafa; }
.note b { display: block; }
.note .text { white-space: pre-wrap; }
mark { background: color-mix(in srgb, var(--c) 30%, white); color: inherit; padding: 0 .05em;
  border-bottom: 2px solid var(--c); }
sup.n { font: 700 .7rem system-ui, sans-serif; color: var(--muted); }
.bars { font: .9rem/1.4 system-ui, sans-serif; }
.bar { display: grid; grid-template-columns: 12rem minmax(0, 1fr) 7rem; gap: .6rem; align-items: center;
  margin: .25rem 0; }
.bar .fill { height: .9rem; background: #3f6fb5; min-width: 2px; }
.bar .who { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font: .9rem/1.4 system-ui, sans-serif; }
th, td { text-align: left; border-bottom: 1px solid var(--rule); padding: .25rem .4rem; vertical-align: top; }
ul.said { font-size: .98rem; }
.kind { color: var(--muted); font: .8rem system-ui, sans-serif; }
@media (max-width: 48rem) {
  .para { display: block; }
  .para aside { margin: .4rem 0 0 .8rem; }
  .bar { grid-template-columns: 7rem minmax(0, 1fr) 5.5rem; }
}
@media print {
  body { max-width: none; font-size: 10.5pt; }
  .para, .note, tr, .bar { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _t(text: object) -> str:
    """Outside text as HTML text: visible, escaped."""
    return escape(visible(str(text)), quote=True)


def _colour(value: str | None) -> str:
    return value if value and _COLOUR.fullmatch(value) else NEUTRAL


def _label_colours(b: Bundle) -> dict[str, str]:
    return {label.name: _colour(label.color) for label in b.labels}


def _note_colour(note: Annotation, colours: dict[str, str]) -> str:
    return next((colours[name] for name in note.labels if name in colours), NEUTRAL)


def _paragraph(text: str, lo: int, hi: int, notes: list[tuple[int, Annotation]], colours: dict[str, str]) -> str:
    """text[lo:hi] with the passages of `notes` (number, note) marked, each number after its end."""
    cuts = {lo, hi}
    for _, n in notes:
        cuts.update(x for x in (n.start, n.end) if lo < x < hi)
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        over = [(i, n) for i, n in notes if n.start <= a and b <= n.end]
        piece = _t(text[a:b])
        if over:
            colour = _note_colour(over[0][1], colours)
            names = ", ".join(one_line(label) for _, n in over for label in n.labels) or "note"
            piece = f'<mark style="--c:{colour}" title="{_t(names)}">{piece}</mark>'
        out.append(piece)
        out += [f'<sup class="n">{i}</sup>' for i, n in notes if n.end == b]
    return "".join(out)


def _article(b: Bundle) -> list[str]:
    text = b.article.text
    colours = _label_colours(b)
    notes = sorted((n for n in b.notes if not n.orphan), key=lambda n: (n.start, n.end))
    numbered = list(enumerate(notes, start=1))
    out = ['<section id="article">', "<h2>The article, with your flags and notes</h2>"]
    pos, placed = 0, set[int]()
    lines = text.split("\n")
    for number, line in enumerate(lines):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if number == 0 or not line.strip():
            continue  # the title is the page's heading
        here = [(i, n) for i, n in numbered if n.start < hi and lo < n.end]
        # a note sits beside the first paragraph shown that holds its passage
        margin = [(i, n) for i, n in here if i not in placed]
        placed.update(i for i, _ in margin)
        aside = "".join(_margin_note(i, n, colours) for i, n in margin)
        out.append(f'<div class="para"><p>{_paragraph(text, lo, hi, here, colours)}</p><aside>{aside}</aside></div>')
    orphans = [n for n in b.notes if n.orphan]
    if orphans:
        out.append("<h2>Notes whose passage is no longer in the article</h2>")
        for n in orphans:
            out.append(_margin_note(0, n, colours, passage=True))
    out.append("</section>")
    return out


def _margin_note(number: int, note: Annotation, colours: dict[str, str], passage: bool = False) -> str:
    labels = ", ".join(_t(one_line(label)) for label in note.labels) or "note"
    head = f"{number}. {labels}" if number else labels
    body = f'<div class="text">{_t(note.note.strip())}</div>' if note.note.strip() else ""
    quoted = f"<div>“{_t(one_line(note.passage))}”</div>" if passage or note.passage_changed else ""
    return f'<div class="note" style="--c:{_note_colour(note, colours)}"><b>{head}</b>{quoted}{body}</div>'


def _voices(b: Bundle) -> list[str]:
    from ..voices import voices

    if b.analysis is None:
        return []
    found = voices(b.analysis, b.article.text)
    out = ['<section id="voices">', "<h2>Voices</h2>", f'<p class="meta">{_t(found.summary())}</p>']
    most = max((v.words for v in found.voices), default=0)
    out.append('<div class="bars">')
    for v in found.voices:
        width = round(100 * v.words / most) if most else 0
        who = _t(one_line(v.speaker)) + (f" <i>({v.source})</i>" if v.anonymous else "")
        out.append(
            f'<div class="bar"><span class="who">{who}</span><span><span class="fill" '
            f'style="display:block;width:{width}%"></span></span><span>{v.words:,} words · {v.share:.0%}</span></div>'
        )
    out += ["</div>", "</section>"]
    return out


def _said(b: Bundle, places: Places) -> list[str]:
    from ..report import quote_kind_word, quoted

    a = b.analysis
    if a is None:
        return []
    out = ['<section id="said">', "<h2>Who said what</h2>"]
    speakers: dict[str, list] = {}
    for q in sorted(a.quotes, key=lambda q: q.start):
        speakers.setdefault(q.speaker or "Unattributed", []).append(q)
    for speaker in sorted(speakers, key=lambda s: (s == "Unattributed", -len(speakers[s]), s.lower())):
        out.append(f"<h3>{_t(one_line(speaker))}</h3><ul class='said'>")
        for q in speakers[speaker]:
            how = quote_kind_word(q.kind) + (f", {one_line(q.cue)}" if q.cue else "")
            out.append(f'<li>{_t(quoted(q))} <span class="kind">({_t(how)}; {places.where(q.start)})</span></li>')
        out.append("</ul>")
    out.append("</section>")
    return out


def _figures_and_actors(b: Bundle, places: Places) -> list[str]:
    from ..report import number_line

    a = b.analysis
    if a is None:
        return []
    out = ['<section id="figures">', "<h2>Key figures</h2><ul>"]
    out += [f"<li>{_t(number_line(n))} <span class='kind'>({places.where(n.start)})</span></li>" for n in a.numbers]
    out += ["</ul></section>", '<section id="actors">', "<h2>Who is in the story</h2>"]
    out.append("<table><tr><th>Actor</th><th>Type</th><th>Roles</th><th>Mentions</th></tr>")
    ranked = sorted(a.actors, key=lambda x: (-len(x.mentions), x.name.lower()))
    for actor in ranked[:ACTORS_SHOWN]:
        out.append(
            f"<tr><td>{_t(one_line(actor.name))}</td><td>{_t(type_word(actor.type))}</td>"
            f"<td>{_t(one_line('; '.join(actor.roles)))}</td><td>{len(actor.mentions)}</td></tr>"
        )
    out.append("</table>")
    if len(ranked) > ACTORS_SHOWN:
        out.append(
            f"<p class='meta'>Also mentioned: {_t(', '.join(one_line(x.name) for x in ranked[ACTORS_SHOWN:]))}</p>"
        )
    out.append("</section>")
    return out


def render_html(b: Bundle) -> str:
    art = b.article
    places = Places(art.text)
    title = _t(one_line(art.title or art.source))
    about = [x for x in (art.site, art.published, ("by " + ", ".join(art.authors)) if art.authors else "") if x]
    head = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} — Byline brief</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>{title}</h1>",
    ]
    if about:
        head.append(f'<p class="meta">{_t(one_line(" · ".join(about)))}</p>')
    url = art.url or (art.source if art.source.startswith(("http://", "https://")) else "")
    if url:
        head.append(f'<p class="meta">{_t(one_line(url))}</p>')
    head.append(f'<p class="meta">Byline brief · exported {today()}</p></header>')
    body = _article(b) + _voices(b) + _said(b, places) + _figures_and_actors(b, places)
    return "\n".join([*head, *body, "</body></html>"]) + "\n"
