"""The reading brief, in the order an editor reads it: what the article is; the reader's own
flags and notes, each once, where it is, in its sentence; the contested quotes and the
corrections; who said what; the key figures; whose voices it carries; and last, short, who is in it.

Everything in it came from outside (the article, its metadata, notes and labels), so every string
is made visible text (no control or escape character reaches a terminal that shows the brief) and
Markdown-escaped (no note turns into a link, a heading or raw HTML in a Markdown viewer).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..annotation import Annotation
from ..bundle import Bundle, today
from ..entity_types import type_word
from ..text import sentence_at, sentence_starts
from ..visible import one_line, visible
from .places import Places

#: What Markdown could read as markup: always, and `_` where it is not inside a word.
_MARKUP = re.compile(r"([\\`*\[\]<>#|~]|(?<!\w)_|_(?!\w))")
CREDIT_WORDS = {"author": "By", "photo": "Photo", "agency": "Agency"}


def md_text(text: object) -> str:
    """Article text as Markdown that shows it as it is: visible, markup escaped."""
    return _MARKUP.sub(r"\\\1", visible(str(text)))


def md_cell(text: object) -> str:
    """One table cell or heading: one line, visible, markup escaped."""
    return _MARKUP.sub(r"\\\1", re.sub(r"\s+", " ", one_line(str(text)))).strip()


def quote_block(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.splitlines() or [""])


def _emphasised(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """text[lo:hi] with the passage [start, end) in bold, line by line (bold cannot span lines)."""
    out, pos = [], lo
    for line in text[lo:hi].split("\n"):
        a, b = max(start, pos), min(end, pos + len(line))
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(md_text(text[pos:a]) + "**" + md_text(text[a:b]) + "**" + md_text(text[b : pos + len(line)]))
        else:
            out.append(md_text(line))
        pos += len(line) + 1
    return "\n".join(out)


#: The actor table at the end of the brief lists at most this many (the most mentioned first).
ACTORS_SHOWN = 12


def header(b: Bundle) -> list[str]:
    a, art = b.analysis, b.article
    out = [f"# {md_cell(art.title or art.source)}", ""]
    out.append(f"- Source: {md_cell(art.source)}")
    if art.url and art.url != art.source:
        out.append(f"- URL: {md_cell(art.url)}")
    if art.site:
        out.append(f"- Site: {md_cell(art.site)}")
    if art.authors:
        out.append(f"- Authors: {md_cell(', '.join(art.authors))}")
    if art.published:
        out.append(f"- Published: {md_cell(art.published)}")
    out.append("")
    if a is not None and a.credits:
        out += ["## About", ""]
        for credit in a.credits:
            out.append(f"- {CREDIT_WORDS.get(credit.kind, credit.kind.capitalize())}: {md_cell(credit.name)}")
        out.append("")
    return out


def about_brief(b: Bundle) -> list[str]:
    """Where the brief comes from: last, for whoever checks it."""
    art = b.article
    places = Places(art.text)
    out = ["## About this brief", "", f"- Exported: {today()}"]
    out.append(f"- Text: sha256 {art.sha256[:16]}…, {len(art.text.split()):,} words, {places.paragraphs:,} paragraphs")
    if b.analysis is not None:
        out.append(f"- Analysis: {md_cell(b.analysis.model)}")
    return [*out, ""]


def actors_section(b: Bundle) -> list[str]:
    """Who is in the story: the most mentioned (and everyone quoted) first, at most ACTORS_SHOWN."""
    a = b.analysis
    if a is None:
        return []
    quoted_ids = {q.speaker_actor for q in a.quotes if q.speaker_actor}
    ranked = sorted(a.actors, key=lambda x: (x.id not in quoted_ids, -len(x.mentions), x.name.lower()))
    shown = ranked[:ACTORS_SHOWN]
    out = ["## Who is in the story", "", "| Actor | Type | Roles | Mentions |", "|---|---|---|---|"]
    for actor in shown:
        name = actor.name + (f" (aka {', '.join(actor.aliases)})" if actor.aliases else "")
        out.append(
            f"| {md_cell(name)} | {type_word(actor.type)} | {md_cell('; '.join(actor.roles))} | {len(actor.mentions)} |"
        )
    rest = ranked[ACTORS_SHOWN:]
    if rest:
        out += ["", "Also mentioned: " + ", ".join(md_cell(x.name) for x in rest) + "."]
    return [*out, ""]


def voices_section(b: Bundle) -> list[str]:
    from ..voices import voices

    a = b.analysis
    if a is None:
        return []
    found = voices(a, b.article.text)
    out = ["## Voices", ""]
    if not found.voices:
        out.append("No one is quoted.")
    else:
        out += [
            md_cell(found.summary()),
            "",
            "| Voice | Source | Type | Quotes | Direct | Partial | Reported | Words | Share |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for v in found.voices:
            out.append(
                f"| {md_cell(v.speaker)} | {v.source} | {v.actor_type or ''} | {len(v.quotes)} | {v.count('direct')} | "
                f"{v.count('partial')} | {v.count('reported')} | {v.words} | {v.share:.0%} |"
            )
    if found.unattributed:
        many = found.unattributed > 1
        out += ["", f"{found.unattributed} quote{'s have' if many else ' has'} no identifiable speaker."]
    return [*out, ""]


def said_sections(b: Bundle, places: Places) -> list[str]:
    """Who said what, then the key figures."""
    from ..report import quote_kind_word, quoted
    from ..voices import carried

    a = b.analysis
    if a is None:
        return []
    out = ["## Who said what", ""]
    by_speaker: dict[str, list] = defaultdict(list)
    for q in a.quotes:
        by_speaker[q.speaker or "Unattributed"].append(q)
    if not a.quotes:
        out += ["No quotes or reported speech found.", ""]
    for speaker in sorted(by_speaker, key=lambda s: (s == "Unattributed", -len(by_speaker[s]), s)):
        out += [f"### {md_cell(speaker)}", ""]
        # a fragment quoted inside its own reported clause is one act of speech: under the clause
        counted, inside = carried(by_speaker[speaker]) if speaker != "Unattributed" else (by_speaker[speaker], [])
        for q in sorted(counted, key=lambda q: q.start):
            how = quote_kind_word(q.kind) + (f", {q.cue}" if q.cue else "")
            out.append(f"- {md_cell(quoted(q))} ({md_cell(how)}; {places.where(q.start)})")
            out += [
                f"  - {quote_kind_word(p.kind)}: {md_cell(quoted(p))}"
                for p in inside
                if q.start <= p.start and p.end <= q.end
            ]
        out.append("")
    out += ["## Key figures", ""]
    if a.numbers:
        out += ["| Figure | Value | What it counts | Qualifier | Where |", "|---|---|---|---|---|"]
        for n in a.numbers:
            if n.value is None:
                value = "—"
            elif isinstance(n.value, int) and n.kind not in ("date", "year") and n.unit != "year":
                value = f"{n.value:,}"
            else:
                value = str(n.value)
            what = n.unit or ("date" if n.kind == "date" else "")
            out.append(
                f"| {md_cell(n.text)} | {value} | {md_cell(what)} | {md_cell(n.qualifier or '')} | "
                f"{places.where(n.start)} |"
            )
    else:
        out.append("No figures found.")
    out.append("")
    return out


def annotation_sections(b: Bundle, places: Places) -> list[str]:
    """The reader's own flags and notes, each once, in its sentence; then those that lost their
    passage."""
    notes = sorted((x for x in b.notes if not x.orphan), key=lambda x: (x.start, x.end))
    out = [f"## Your flags and notes ({len(notes)})", ""]
    if not notes:
        out += ["No annotations yet: select a passage in the reader and press a digit to tag it.", ""]
    else:
        counts = Counter(label for note in notes for label in note.labels or ["untagged"])
        known = [lab.name for lab in b.labels]
        order = [name for name in known if name in counts] + sorted(set(counts) - set(known))
        out += ["By label: " + ", ".join(f"{md_cell(label)} {counts[label]}" for label in order), ""]
    text = b.article.text
    starts = sentence_starts(text)
    for number, note in enumerate(notes, start=1):
        labels = ", ".join(md_cell(label) for label in note.labels) or "untagged note"
        start = max(0, min(note.start, len(text)))  # a damaged record's offsets stay in the text
        end = max(start, min(note.end, len(text)))
        out += [f"### {number}. {labels} — {places.where(start)}", ""]
        lo = sentence_at(text, starts, start)[0]
        hi = sentence_at(text, starts, max(start, end - 1))[1]
        out.append(quote_block(_emphasised(text, min(lo, start), max(hi, end), start, end)))
        if note.passage_changed:
            out += ["", f"*Changed since it was tagged.* It read: “{md_cell(note.tagged or '')}”"]
        out += _note(note)
    orphans = [x for x in b.notes if x.orphan]
    if orphans:
        out += ["## Orphaned (the passage is no longer in the article)", ""]
        for note in orphans:
            labels = ", ".join(md_cell(label) for label in note.labels) or "untagged note"
            out += [f"### {labels}", "", quote_block(md_text(note.passage))]
            out += _note(note)
    return out


def contested_section(b: Bundle, places: Places) -> list[str]:
    """Quotes the reader flagged (a label or note on their words) and the reader's corrections of
    the analysis: what an editor checks before the rest."""
    from ..report import quote_kind_word, quoted

    a = b.analysis
    notes = [x for x in b.notes if not x.orphan]
    flagged = []
    for q in a.quotes if a is not None else []:
        on = [n for n in notes if n.start < q.end and q.start < n.end]
        if on:
            flagged.append((q, on))
    if not flagged and not b.corrections:
        return []
    out = ["## Contested quotes and corrections", ""]
    for q, on in flagged:
        labels = ", ".join(dict.fromkeys(md_cell(label) for n in on for label in n.labels)) or "noted"
        who = md_cell(q.speaker or "unattributed")
        out.append(
            f"- {who}: {md_cell(quoted(q))} ({quote_kind_word(q.kind)}; {places.where(q.start)}) — flagged: {labels}"
        )
    for c in sorted(b.corrections, key=lambda c: c.start):
        out.append(f"- {md_cell(c.passage)}: {md_cell(c.describe())} ({places.where(c.start)})")
    return [*out, ""]


def _note(note: Annotation) -> list[str]:
    """The reader's note under its passage, its line breaks kept (Markdown hard breaks)."""
    if not note.note.strip():
        return [""]
    lines = [md_text(line).rstrip() for line in note.note.strip().splitlines()]
    return ["", "  \n".join(lines), ""]


def render_md(b: Bundle) -> str:
    places = Places(b.article.text)
    out = (
        header(b)
        + annotation_sections(b, places)
        + contested_section(b, places)
        + said_sections(b, places)
        + voices_section(b)
        + actors_section(b)
        + about_brief(b)
    )
    return "\n".join(out).rstrip() + "\n"
