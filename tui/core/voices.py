"""Voices: who gets to speak in a story, how much, and who speaks without a name.

Adds up the quotes of an analysis by speaker. A named voice is an actor; a voice the story does not
name is the phrase that stands for it, never merged with a named actor, and of one of two kinds that
researchers of sourcing count apart (Quote.source): unnamed, a description by role or institution
("fire officials", "the ministry"), or anonymous, a source granted or stated anonymity ("a nurse who
asked not to be named").
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
from .model import SOURCE_KINDS, Analysis, Quote, SourceKind
from .speech import acts, count_words, words_of

#: What the kinds of quote are called in a voice's counts.
KINDS = {"direct": "direct", "partial": "partial", "indirect": "reported"}


def stronger(one: SourceKind, other: SourceKind) -> SourceKind:
    """The less named of two kinds of source: a voice one of whose quotes is granted anonymity is
    an anonymous voice ("a senior official, who asked not to be named, said ... the official
    added")."""
    return max(one, other, key=SOURCE_KINDS.index)


@dataclass
class Voice:
    speaker: str  # the actor's name, or the phrase that stands for a source the story does not name
    source: SourceKind  # named | unnamed (a description) | anonymous (anonymity granted or stated)
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

    @property
    def anonymous(self) -> bool:
        """No one the articles name: unnamed or anonymous (`source` tells which); no person to show."""
        return self.source != "named"

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
            "source": self.source,
            "articles": self.articles,
        }


@dataclass
class Voices:
    voices: list[Voice]  # most words first
    unattributed: int  # quotes with no identifiable speaker

    @property
    def words(self) -> int:
        return sum(v.words for v in self.voices)

    def of_source(self, kind: SourceKind) -> int:
        """How many voices are of one kind of source (named, unnamed or anonymous)."""
        return sum(v.source == kind for v in self.voices)

    @property
    def named(self) -> int:
        return self.of_source("named")

    @property
    def unnamed(self) -> int:
        return self.of_source("unnamed")

    @property
    def anonymous(self) -> int:
        return self.of_source("anonymous")

    @property
    def top_share(self) -> float:
        return self.voices[0].share if self.voices else 0.0

    def summary(self) -> str:
        """One line: voices, named, unnamed (when any) and anonymous, the top voice's share of the
        quoted words."""
        if not self.voices:
            return "No voices: nobody is quoted" + (f" ({self.unattributed} unattributed)" if self.unattributed else "")
        top = self.voices[0]
        line = (
            f"{len(self.voices)} voice{'s' if len(self.voices) != 1 else ''} · {self.named} named · "
            + (f"{self.unnamed} unnamed · " if self.unnamed else "")
            + f"{self.anonymous} anonymous · {top.speaker} holds {top.share:.0%} of the quoted words"
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
        kind: SourceKind = quote.source or ("unnamed" if quote.anonymous else "named")
        actor = None if quote.anonymous else analysis.actor(quote.speaker_actor)
        if actor is not None:
            key = "actor:" + actor.id
            voice = by_key.get(key) or Voice(
                actor.name, kind, actor.id, type_word(actor.type), list(actor.roles), list(actor.aliases)
            )
        elif kind != "named":
            key = "described:" + _anonymous_key(quote.speaker)
            voice = by_key.get(key) or Voice(quote.speaker, kind)
        else:
            key = "named:" + quote.speaker.lower()
            voice = by_key.get(key) or Voice(quote.speaker, kind)
        voice.source = stronger(voice.source, kind)
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
    found.sort(key=lambda v: (-v.words, -len(v.quotes), SOURCE_KINDS.index(v.source), v.speaker.lower()))
    return Voices(found, unattributed)


def _names(voice: Voice) -> set[str]:
    return {n.lower() for n in (voice.speaker, *voice.aliases) if len(n.split()) > 1 or n == voice.speaker}


def combine(per_article: list[Voices]) -> Voices:
    """The voices of many articles: a named voice is the same person where one's name is the
    other's name or full-name alias; a voice the story does not name joins only the same phrase of
    the same kind of source, never a name.
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
                    if m.source == voice.source
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
                        voice.source,
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
    anonymous: int  # quotes from sources granted anonymity
    unnamed: int = 0  # quotes from sources described by role or institution, not named

    @property
    def share(self) -> float:
        """The share of attributed quotes from sources granted anonymity."""
        return self.anonymous / self.quotes if self.quotes else 0.0

    @property
    def unnamed_share(self) -> float:
        return self.unnamed / self.quotes if self.quotes else 0.0

    def to_dict(self) -> dict:
        return {
            "site": self.site,
            "articles": self.articles,
            "quotes": self.quotes,
            "unnamed": self.unnamed,
            "anonymous": self.anonymous,
            "unnamed_share": round(self.unnamed_share, 4),
            "share": round(self.share, 4),
        }


def sourcing_by_site(per_article: list[tuple[str, Voices]]) -> list[SiteSourcing]:
    """Sourcing per site: of the attributed quotes, how many come from sources granted anonymity
    and how many from sources described but not named; the most anonymous site first."""
    sites: dict[str, SiteSourcing] = defaultdict(lambda: SiteSourcing("", 0, 0, 0))
    for site, found in per_article:
        row = sites[site or "unknown site"]
        row.site = site or "unknown site"
        row.articles += 1
        row.quotes += sum(len(v.quotes) for v in found.voices)
        row.anonymous += sum(len(v.quotes) for v in found.voices if v.source == "anonymous")
        row.unnamed += sum(len(v.quotes) for v in found.voices if v.source == "unnamed")
    return sorted(sites.values(), key=lambda s: (-s.share, -s.unnamed_share, s.site))


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
                q.get("source") if q.get("source") in SOURCE_KINDS else None,
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
    unnamed and anonymous sourcing per site."""
    sites = {e.id: e.site or "" for e in library.entries()}
    per_article = [(sites.get(key, ""), voices(from_summary(summary))) for key, summary in library.summaries()]
    return LibraryVoices(combine([v for _, v in per_article]), sourcing_by_site(per_article), len(per_article))
