"""The reader's corrections, applied on top of the model's analysis.

`corrected()` makes a copy of the analysis with every correction the reader made on this article:
entity types, actors merged, names split off, quote speakers and kinds, quotes the model missed.
The reader's panel and every export are made from that copy, so a correction shows everywhere at
once. Corrections never raise: one whose passage is gone (an orphan), or that no longer matches
what the model found, is left out.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from .annotation import Annotation
from .entity_types import REJECTED
from .model import Actor, Analysis, Entity, Quote, SourceKind

QUOTE_KINDS = ("direct", "partial", "indirect")
#: How far after a quote its attribution ("...," Rell said) is looked for, in characters.
ATTRIBUTION_REACH = 40


def corrected(analysis: Analysis, corrections: list[Annotation], text: str) -> Analysis:
    """A copy of `analysis` with the reader's corrections, in a fixed order: entity types first,
    then merged actors, names split off, and quotes."""
    live = [c for c in corrections if c.kind == "correction" and not c.orphan and 0 <= c.start < c.end <= len(text)]
    if not live:
        return analysis
    result = copy.deepcopy(analysis)
    by_fix: dict[str, list[Annotation]] = {}
    for c in live:
        by_fix.setdefault(c.correction, []).append(c)
    _entities(result, by_fix.get("entity", []), text)
    for c in by_fix.get("merge", []):
        _merge(result, c)
    for c in by_fix.get("split", []):
        _split(result, c, text)
    for c in by_fix.get("quote", []):
        _quote(result, c, text)
    for c in by_fix.get("speaker", []):
        _speaker(result, c)
    result.actors = [a for a in result.actors if a.mentions]
    return result


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pair(mention) -> tuple[int, int]:
    """A mention's (start, end), whether it is a tuple or a list read from JSON."""
    return (mention[0], mention[1])


def actor_at(analysis: Analysis, span: tuple[int, int]) -> Actor | None:
    """The actor with a mention at `span` (the same mention, else one that overlaps it)."""
    for exact in (True, False):
        for actor in analysis.actors:
            for m in actor.mentions:
                if (_pair(m) == tuple(span)) if exact else _overlaps(_pair(m), span):
                    return actor
    return None


def actor_named(analysis: Analysis, name: str) -> Actor | None:
    """The actor called `name`, by its name first, then by an alias (case and spaces aside)."""
    key = " ".join(name.split()).casefold()
    if not key:
        return None
    for field in ("name", "aliases"):
        for actor in analysis.actors:
            names = [actor.name] if field == "name" else actor.aliases
            if any(" ".join(n.split()).casefold() == key for n in names):
                return actor
    return None


def quote_at(analysis: Analysis, span: tuple[int, int]) -> Quote | None:
    """The quote at `span`: the same span, else the one that overlaps it most."""
    same = next((q for q in analysis.quotes if (q.start, q.end) == tuple(span)), None)
    if same is not None:
        return same
    best, most = None, 0
    for q in analysis.quotes:
        shared = min(q.end, span[1]) - max(q.start, span[0])
        if shared > most:
            best, most = q, shared
    return best


# -- entities ----------------------------------------------------------------------------------
def _entities(result: Analysis, fixes_list: list[Annotation], text: str) -> None:
    """A rejected entity disappears (and from its actor), a relabelled one takes the new type,
    a new one becomes an actor."""
    fixes = {(c.start, c.end): c.entity for c in fixes_list if c.entity}
    if not fixes:
        return
    by_id = {a.id: a for a in result.actors}
    entities: list[Entity] = []
    seen: set[tuple[int, int]] = set()
    for e in result.entities:
        label = fixes.get((e.start, e.end))
        seen.add((e.start, e.end))
        if label == REJECTED:
            actor = by_id.get(e.actor or "")
            if actor is not None:
                actor.mentions = [m for m in actor.mentions if tuple(m) != (e.start, e.end)]
            continue
        if label:
            e.type = label
        entities.append(e)
    for (start, end), label in fixes.items():
        if (start, end) in seen or label == REJECTED:
            continue
        name = text[start:end]
        actor_id = "user-" + _slug(name)
        actor = by_id.get(actor_id)
        if actor is None:
            actor = Actor(id=actor_id, name=name, type=label, mentions=[])
            by_id[actor_id] = actor
            result.actors.append(actor)
        actor.mentions.append((start, end))
        entities.append(Entity(start, end, name, label, actor_id))
    types_of: dict[str, Counter] = {}
    for e in entities:
        if e.actor:
            types_of.setdefault(e.actor, Counter())[e.type] += 1
    for actor in result.actors:
        if actor.id in types_of:
            actor.type = types_of[actor.id].most_common(1)[0][0]
    result.actors = [a for a in result.actors if a.mentions]
    result.entities = sorted(entities, key=lambda e: e.start)


# -- actors --------------------------------------------------------------------------------------
def _merge(result: Analysis, c: Annotation) -> None:
    """The actor named at the passage is the actor called `c.actor`: one actor, all mentions,
    names, roles and quotes together."""
    source = actor_at(result, (c.start, c.end))
    target = actor_named(result, c.actor)
    if source is None or target is None or source is target:
        return
    target.mentions = sorted({*map(_pair, target.mentions), *map(_pair, source.mentions)})
    for name in (source.name, *source.aliases):
        if name != target.name and name not in target.aliases:
            target.aliases.append(name)
    target.roles += [r for r in source.roles if r not in target.roles]
    for e in result.entities:
        if e.actor == source.id:
            e.actor = target.id
    for q in result.quotes:
        if q.speaker_actor == source.id:
            q.speaker_actor, q.speaker, q.anonymous = target.id, target.name, False
            q.source = "unnamed" if target.unnamed else "named"
    result.actors.remove(source)


def _split(result: Analysis, c: Annotation, text: str) -> None:
    """The name at the passage is someone of its own: every mention written that way leaves the
    actor it was grouped with, with the quotes those mentions introduce."""
    actor = actor_at(result, (c.start, c.end))
    if actor is None:
        return
    name = " ".join(text[c.start : c.end].split())
    taken = [_pair(m) for m in actor.mentions if " ".join(text[m[0] : m[1]].split()) == name]
    kept = [_pair(m) for m in actor.mentions if _pair(m) not in set(taken)]
    if not taken or not kept:
        return  # every mention is written that way: nothing to split off
    new_id = f"split-{_slug(name)}"
    if any(a.id == new_id for a in result.actors):
        return
    new = Actor(id=new_id, name=name, type=actor.type, mentions=taken)
    result.actors.append(new)
    actor.mentions = kept
    actor.aliases = [a for a in actor.aliases if a != name]
    if actor.name == name:
        written = Counter(" ".join(text[s:e].split()) for s, e in kept)
        actor.name = max(written, key=lambda n: (written[n], len(n)))
        actor.aliases = [a for a in actor.aliases if a != actor.name]
    moved = set(taken)
    for e in result.entities:
        if e.actor == actor.id and (e.start, e.end) in moved:
            e.actor = new_id
    for q in result.quotes:
        if q.speaker_actor == actor.id and _nearest(actor.mentions + taken, q) in moved:
            q.speaker_actor, q.speaker = new_id, name


def _nearest(mentions: list[tuple[int, int]], q: Quote) -> tuple[int, int] | None:
    """The mention that introduces a quote: one inside it, else the attribution right after it
    ("...," Rell said), else the closest one before it, else after it."""
    inside = [m for m in mentions if q.start <= m[0] < q.end]
    if inside:
        return min(inside)
    after = sorted(m for m in mentions if m[0] >= q.end)
    if after and after[0][0] - q.end <= ATTRIBUTION_REACH:
        return after[0]
    before = [m for m in mentions if m[1] <= q.start]
    if before:
        return max(before, key=lambda m: m[1])
    return after[0] if after else None


# -- quotes -----------------------------------------------------------------------------------
def _speaker_of(result: Analysis, name: str) -> tuple[str | None, str | None]:
    actor = actor_named(result, name)
    if actor is not None:
        return actor.name, actor.id
    return (name or None), None


def _quote(result: Analysis, c: Annotation, text: str) -> None:
    """The passage is a quote of kind `c.quote` (a new one where the model missed it), or not a
    quote."""
    span = (c.start, c.end)
    found = next((q for q in result.quotes if (q.start, q.end) == span), None)
    if c.quote == REJECTED:
        found = found or quote_at(result, span)
        if found is not None:
            result.quotes.remove(found)
        return
    if c.quote not in QUOTE_KINDS:
        return
    if found is None:
        speaker, speaker_id = _speaker_of(result, c.actor)
        result.quotes.append(Quote(c.start, c.end, text[c.start : c.end], c.quote, speaker, speaker_id))
        result.quotes.sort(key=lambda q: (q.start, q.end))
        return
    found.kind = c.quote
    if c.actor:
        found.speaker, found.speaker_actor = _speaker_of(result, c.actor)
        found.anonymous = False
        found.source = _source_of(result, found.speaker_actor)


def _speaker(result: Analysis, c: Annotation) -> None:
    """The quote at the passage was said by `c.actor`, or by no one named."""
    q = quote_at(result, (c.start, c.end))
    if q is None:
        return
    q.speaker, q.speaker_actor = _speaker_of(result, c.actor)
    q.anonymous = False
    q.source = _source_of(result, q.speaker_actor)


def _source_of(result: Analysis, actor_id: str | None) -> SourceKind | None:
    """The kind of source a reader's choice of speaker makes: the actor's, or none."""
    actor = result.actor(actor_id)
    if actor is None:
        return None
    return "unnamed" if actor.unnamed else "named"
