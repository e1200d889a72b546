"""Annotations: a labelled, noted passage of an article, and entity corrections."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from .anchor import Anchor
from .entity_types import REJECTED

__all__ = ["REJECTED", "Annotation", "Label", "labels_from_config"]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Annotation:
    """A passage with labels and a note; or, with kind "correction", a corrected entity."""

    id: str
    article: str
    anchor: Anchor
    labels: list[str] = field(default_factory=list)
    note: str = ""
    kind: str = "annotation"  # annotation | correction
    entity: str | None = None  # for corrections: the new entity type, or REJECTED
    created: str = field(default_factory=now)
    modified: str = field(default_factory=now)
    orphan: bool = False

    @property
    def start(self) -> int:
        return self.anchor.start

    @property
    def end(self) -> int:
        return self.anchor.end

    @property
    def passage(self) -> str:
        return self.anchor.exact

    def changed(self, **changes) -> "Annotation":
        return replace(self, modified=now(), **changes)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "article": self.article, "anchor": self.anchor.to_dict(), "labels": list(self.labels),
            "note": self.note, "kind": self.kind, "entity": self.entity, "created": self.created,
            "modified": self.modified, "orphan": self.orphan,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Annotation":
        return cls(
            id=data["id"], article=data["article"], anchor=Anchor.from_dict(data["anchor"]),
            labels=list(data.get("labels", [])), note=data.get("note", ""), kind=data.get("kind", "annotation"),
            entity=data.get("entity"), created=data.get("created", now()), modified=data.get("modified", now()),
            orphan=bool(data.get("orphan", False)),
        )


@dataclass(frozen=True)
class Label:
    name: str
    key: str
    color: str


DEFAULT_LABELS = (
    Label("claim", "1", "#e4568c"),
    Label("evidence", "2", "#3cb371"),
    Label("needs-check", "3", "#e0a030"),
    Label("key-fact", "4", "#3fa0e8"),
    Label("opinion", "5", "#b07be8"),
    Label("question", "6", "#40c0c0"),
)


def labels_from_config(entries: list[dict]) -> tuple[Label, ...]:
    """The label set: the config's [[labels]] (name, key, color) or the default six."""
    from .errors import BylineError

    if not entries:
        return DEFAULT_LABELS
    labels = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise BylineError(f"config: label {i} needs a name")
        key = str(entry.get("key", i))
        if key not in "123456789" or len(key) != 1:
            raise BylineError(f"config: label {entry['name']!r} needs a key from 1 to 9")
        labels.append(Label(str(entry["name"]), key, str(entry.get("color", DEFAULT_LABELS[(i - 1) % 6].color))))
    return tuple(labels)
