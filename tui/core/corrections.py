"""Entity corrections by the reader, applied on top of the model's analysis."""

from __future__ import annotations

import copy
import re
from collections import Counter

from .annotation import Annotation
from .entity_types import REJECTED
from .model import Actor, Analysis, Entity


def corrected(analysis: Analysis, corrections: list[Annotation], text: str) -> Analysis:
    """A copy of `analysis` with the reader's entity corrections: a rejected entity disappears
    (and from its actor), a relabelled one takes the new type, a new one becomes an actor."""
    fixes = {(c.start, c.end): c.entity for c in corrections if c.kind == "correction" and not c.orphan and c.entity}
    if not fixes:
        return analysis
    result = copy.deepcopy(analysis)
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
        if (start, end) in seen or label == REJECTED or not 0 <= start < end <= len(text):
            continue
        name = text[start:end]
        actor_id = "user-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        actor = by_id.get(actor_id)
        if actor is None:
            actor = Actor(id=actor_id, name=name, type=label, mentions=[])
            by_id[actor_id] = actor
            result.actors.append(actor)
        actor.mentions.append((start, end))
        entities.append(Entity(start, end, name, label, actor_id))
    labels_of: dict[str, Counter] = {}
    for e in entities:
        if e.actor:
            labels_of.setdefault(e.actor, Counter())[e.type] += 1
    for actor in result.actors:
        if actor.id in labels_of:
            actor.type = labels_of[actor.id].most_common(1)[0][0]
    result.actors = [a for a in result.actors if a.mentions]
    result.entities = sorted(entities, key=lambda e: e.start)
    return result
