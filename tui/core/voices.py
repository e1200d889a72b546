"""Voices: who gets to speak in a story, how much, and who speaks without a name.

Adds up the quotes of an analysis by speaker. A named voice is an actor; an anonymous one is the
phrase that stands for an unnamed source ("a senior official"), never merged with a named actor.
Words are counted over the union of a voice's quoted text, so a quoted fragment inside its own
reported clause is not counted twice; and such a fragment is the same act of speech as the clause
that carries it, so it is not a quote of its own either: it is kept in `Voice.inside`, and the
voice's quotes and their kinds count the clause once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .entity_types import type_word
from .model import Analysis, Quote
from .speech import acts, count_words, words_of

#: What the kinds of quote are called in a voice's counts.
KINDS = {"direct": "direct", "partial": "partial", "indirect": "reported"}


@dataclass
class Voice:
    speaker: str  # the actor's name, or the phrase that stands for an anonymous source
    anonymous: bool
    actor_id: str | None = None
    actor_type: str | None = None  # the reader's word: person, organisation, place, group
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: quotes of this voice that lie inside another of its quotes (the verbatim fragment of a
    #: reported clause): the same act of speech, so neither counted nor adding words
    inside: list[Quote] = field(default_factory=list)
    words: int = 0
    share: float = 0.0
    articles: int = 1

    def count(self, kind: str) -> int:
        """Quotes of one kind: "direct", "partial" or "reported"."""
        return sum(KINDS.get(q.kind, q.kind) == kind for q in self.quotes)

    def to_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "actor_type": self.actor_type,
            "roles": list(self.roles),
            "quotes": len(self.quotes),
            "direct": self.count("direct"),
            "partial": self.count("partial"),
            "reported": self.count("reported"),
            "words": self.words,
            "share": round(self.share, 4),
            "anonymous": self.anonymous,
            "articles": self.articles,
        }


@dataclass
class Voices:
    voices: list[Voice]  # most words first
    unattributed: int  # quotes with no identifiable speaker

    @property
    def words(self) -> int:
        return sum(v.words for v in self.voices)

    @property
    def named(self) -> int:
        return sum(not v.anonymous for v in self.voices)

    @property
    def anonymous(self) -> int:
        return sum(v.anonymous for v in self.voices)

    @property
    def top_share(self) -> float:
        return self.voices[0].share if self.voices else 0.0

    def summary(self) -> str:
        """One line: voices, named and anonymous, the top voice's share of the quoted words."""
        if not self.voices:
            return "No voices: nobody is quoted" + (f" ({self.unattributed} unattributed)" if self.unattributed else "")
        top = self.voices[0]
        line = (
            f"{len(self.voices)} voice{'s' if len(self.voices) != 1 else ''} · {self.named} named · "
            f"{self.anonymous} anonymous · {top.speaker} holds {top.share:.0%} of the quoted words"
        )
        return line + (f" · {self.unattributed} unattributed" if self.unattributed else "")

    def to_dict(self) -> dict:
        return {"voices": [v.to_dict() for v in self.voices], "unattributed": self.unattributed}


def carried(quotes: list[Quote]) -> tuple[list[Quote], list[Quote]]:
    """(the quotes that count, the quotes that are part of one of them): speech.acts()."""
    found = acts(quotes)
    return [c for c, _ in found], [p for _, parts in found for p in parts]


def _anonymous_key(phrase: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)).lower()


def voices(analysis: Analysis, text: str | None = None) -> Voices:
    """The voices of one article. `text` is the article text the quotes' offsets index; without
    it, words are counted in the quotes' own text, a quote inside another of the same voice once."""
    by_key: dict[str, Voice] = {}
    unattributed = 0
    parts_of: dict[int, list[Quote]] = {}
    for carrier, parts in acts(analysis.quotes):  # one act of speech, one quote (speech.py)
        parts_of[id(carrier)] = parts
    for quote in analysis.quotes:
        if id(quote) not in parts_of:
            continue
        if not quote.speaker:
            unattributed += 1
            continue
        actor = None if quote.anonymous else analysis.actor(quote.speaker_actor)
        if actor is not None:
            key = "actor:" + actor.id
            voice = by_key.get(key) or Voice(
                actor.name, False, actor.id, type_word(actor.type), list(actor.roles), list(actor.aliases)
            )
        elif quote.anonymous:
            key = "anonymous:" + _anonymous_key(quote.speaker)
            voice = by_key.get(key) or Voice(quote.speaker, True)
        else:
            key = "named:" + quote.speaker.lower()
            voice = by_key.get(key) or Voice(quote.speaker, False)
        voice.quotes.append(quote)
        voice.inside.extend(parts_of[id(quote)])
        by_key[key] = voice
    for voice in by_key.values():
        if text is not None:
            voice.words = count_words(text, [(q.start, q.end) for q in voice.quotes])
        else:  # no text: the words of its quotes (the parts lie inside them)
            voice.words = sum(words_of(q.text) for q in voice.quotes)
    return _ranked(list(by_key.values()), unattributed)


def _ranked(found: list[Voice], unattributed: int) -> Voices:
    total = sum(v.words for v in found)
    for voice in found:
        voice.share = voice.words / total if total else 0.0
    found.sort(key=lambda v: (-v.words, -len(v.quotes), v.anonymous, v.speaker.lower()))
    return Voices(found, unattributed)


def _names(voice: Voice) -> set[str]:
    return {n.lower() for n in (voice.speaker, *voice.aliases) if len(n.split()) > 1 or n == voice.speaker}


def combine(per_article: list[Voices]) -> Voices:
    """The voices of many articles: a named voice is the same person where one's name is the
    other's name or full-name alias; anonymous voices join only the same phrase, never a name.
    `articles` counts the articles each voice speaks in."""
    merged: list[Voice] = []
    unattributed = 0
    for article in per_article:
        unattributed += article.unattributed
        for voice in article.voices:
            match = next(
                (
                    m
                    for m in merged
                    if m.anonymous == voice.anonymous
                    and (
                        _anonymous_key(m.speaker) == _anonymous_key(voice.speaker)
                        if voice.anonymous
                        else _names(m) & _names(voice)
                    )
                ),
                None,
            )
            if match is None:
                merged.append(
                    Voice(
                        voice.speaker,
                        voice.anonymous,
                        voice.actor_id,
                        voice.actor_type,
                        list(voice.roles),
                        list(voice.aliases),
                        list(voice.quotes),
                        list(voice.inside),
                        voice.words,
                    )
                )
                continue
            match.quotes += voice.quotes
            match.inside += voice.inside
            match.words += voice.words
            match.articles += 1
            match.roles += [r for r in voice.roles if r not in match.roles]
            match.aliases += [a for a in voice.aliases if a not in match.aliases and a != match.speaker]
            if len(voice.speaker) > len(match.speaker):  # the fuller name leads
                match.aliases = [a for a in [match.speaker, *match.aliases] if a != voice.speaker]
                match.speaker = voice.speaker
    return _ranked(merged, unattributed)


@dataclass
class SiteSourcing:
    site: str
    articles: int
    quotes: int
    anonymous: int  # quotes from anonymous voices

    @property
    def share(self) -> float:
        return self.anonymous / self.quotes if self.quotes else 0.0

    def to_dict(self) -> dict:
        return {
            "site": self.site,
            "articles": self.articles,
            "quotes": self.quotes,
            "anonymous": self.anonymous,
            "share": round(self.share, 4),
        }


def sourcing_by_site(per_article: list[tuple[str, Voices]]) -> list[SiteSourcing]:
    """Anonymous sourcing per site: of the attributed quotes, how many come from unnamed sources."""
    sites: dict[str, SiteSourcing] = defaultdict(lambda: SiteSourcing("", 0, 0, 0))
    for site, found in per_article:
        row = sites[site or "unknown site"]
        row.site = site or "unknown site"
        row.articles += 1
        row.quotes += sum(len(v.quotes) for v in found.voices)
        row.anonymous += sum(len(v.quotes) for v in found.voices if v.anonymous)
    return sorted(sites.values(), key=lambda s: (-s.share, s.site))


def _spans(value: object) -> list[tuple[int, int]]:
    if not isinstance(value, list):
        return []
    return [(m[0], m[1]) for m in value if isinstance(m, list) and len(m) == 2 and all(isinstance(i, int) for i in m)]


def from_summary(summary: dict) -> Analysis:
    """An analysis holding just what a library summary keeps (actors, quotes): enough for voices."""
    from .model import Actor

    def text(value) -> str:
        return value if isinstance(value, str) else ""

    actors = [
        Actor(
            text(a.get("id")),
            text(a.get("name")),
            text(a.get("type")),
            roles=[r for r in a.get("roles") or [] if isinstance(r, str)],
            aliases=[x for x in a.get("aliases") or [] if isinstance(x, str)],
            mentions=_spans((summary.get("mentions") or {}).get(a.get("id"))),
        )
        for a in summary.get("actors") or []
        if isinstance(a, dict)
    ]
    quotes = []
    for q in summary.get("quotes") or []:
        if not isinstance(q, dict) or not isinstance(q.get("start"), int) or not isinstance(q.get("end"), int):
            continue
        quotes.append(
            Quote(
                q["start"],
                q["end"],
                text(q.get("text")),
                text(q.get("kind")) or "indirect",
                q.get("speaker") if isinstance(q.get("speaker"), str) else None,
                q.get("actor") if isinstance(q.get("actor"), str) else None,
                None,
                bool(q.get("anonymous")),
            )
        )
    return Analysis("", "", text(summary.get("sha256")), text(summary.get("model")), actors=actors, quotes=quotes)


@dataclass
class LibraryVoices:
    voices: Voices
    sites: list[SiteSourcing]
    articles: int  # analysed articles counted

    def to_dict(self) -> dict:
        return {**self.voices.to_dict(), "articles": self.articles, "sites": [s.to_dict() for s in self.sites]}


def library_voices(library) -> LibraryVoices:
    """The voices of every analysed article of a library (core.library.Library), combined, and
    anonymous sourcing per site."""
    sites = {e.id: e.site or "" for e in library.entries()}
    per_article = [(sites.get(key, ""), voices(from_summary(summary))) for key, summary in library.summaries()]
    return LibraryVoices(combine([v for _, v in per_article]), sourcing_by_site(per_article), len(per_article))
