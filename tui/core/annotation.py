"""Annotations: a labelled, noted passage of an article, and the reader's corrections of the
analysis (an entity's type, two actors that are one, a name that is someone else, a quote's
speaker or kind, a quote the model missed). A correction is anchored like any annotation, so it
survives a changed article the same way."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from .anchor import Anchor
from .entity_types import REJECTED

__all__ = ["FIXES", "REJECTED", "Annotation", "Label", "labels_from_config"]

#: What a correction changes (Annotation.fix). Older stores hold only entity corrections, with
#: no `fix` field: they read as "entity".
FIXES = ("entity", "merge", "split", "speaker", "quote")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Annotation:
    """A passage with labels and a note; or, with kind "correction", a correction of the analysis
    at that passage:

    - fix "entity": `entity` is the entity's right type, or REJECTED (not an entity);
    - fix "merge": the actor named at the passage is the actor called `actor`;
    - fix "split": the name at the passage is an actor of its own, not an alias of the actor it
      was grouped with;
    - fix "speaker": the quote at the passage was said by `actor` ("" when no one is named);
    - fix "quote": the passage is a quote of kind `quote` (direct, partial, indirect) by `actor`,
      or not a quote at all (`quote` REJECTED).
    """

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
    fix: str = ""  # for corrections: one of FIXES ("" for the entity corrections of older stores)
    actor: str = ""  # merge: the actor it is; speaker, quote: who said it
    quote: str = ""  # quote: the quote's kind, or REJECTED
    #: The passage as it was tagged. Re-anchoring a changed article moves the anchor onto the
    #: passage's words as they are now and leaves this as it was, so `passage_changed` can say a
    #: tagged figure or sentence is no longer what was checked. None: the anchor's words (new).
    tagged: str | None = None
    #: Whether the record keeps `tagged` even while it equals the anchor's words: every new
    #: annotation does (so a store that moves only the anchor keeps it); a record of an older
    #: Byline, which has none, is written back as it was until its passage changes.
    keep_tagged: bool = field(default=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.tagged is None:
            self.tagged = self.anchor.exact

    @property
    def passage_changed(self) -> bool:
        """The words under a placed annotation differ from the words that were tagged (the
        article was edited there since): the reader and the exports show both."""
        return not self.orphan and bool(self.tagged) and self.tagged != self.anchor.exact

    @property
    def correction(self) -> str:
        """What this correction changes (one of FIXES), or "" for an annotation."""
        if self.kind != "correction":
            return ""
        return self.fix or ("entity" if self.entity else "")

    def describe(self) -> str:
        """What a correction says, in the reader's words (the Notes tab, the brief)."""
        from .entity_types import type_word

        fix = self.correction
        if fix == "entity":
            return "not an entity" if self.entity == REJECTED else f"is a {type_word(self.entity or '')}"
        if fix == "merge":
            return f"is {self.actor}"
        if fix == "split":
            return "is someone of its own"
        if fix == "speaker":
            return f"said by {self.actor}" if self.actor else "no one named says it"
        if fix == "quote":
            if self.quote == REJECTED:
                return "not a quote"
            kind = {"indirect": "reported"}.get(self.quote, self.quote)
            return f"a {kind} quote" + (f" by {self.actor}" if self.actor else "")
        return ""

    @property
    def start(self) -> int:
        return self.anchor.start

    @property
    def end(self) -> int:
        return self.anchor.end

    @property
    def passage(self) -> str:
        return self.anchor.exact

    def changed(self, **changes) -> Annotation:
        return replace(self, modified=now(), **changes)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "article": self.article,
            "anchor": self.anchor.to_dict(),
            "labels": list(self.labels),
            "note": self.note,
            "kind": self.kind,
            "entity": self.entity,
            "created": self.created,
            "modified": self.modified,
            "orphan": self.orphan,
            # only when set: records an older Byline wrote and reads stay as they were
            **{
                name: value
                for name, value in (("fix", self.fix), ("actor", self.actor), ("quote", self.quote))
                if value
            },
            **({"tagged": self.tagged} if self.keep_tagged or self.tagged != self.anchor.exact else {}),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Annotation:
        tagged = data.get("tagged")
        return cls(
            id=data["id"],
            article=data["article"],
            anchor=Anchor.from_dict(data["anchor"]),
            labels=list(data.get("labels", [])),
            note=data.get("note", ""),
            kind=data.get("kind", "annotation"),
            entity=data.get("entity"),
            created=data.get("created", now()),
            modified=data.get("modified", now()),
            orphan=bool(data.get("orphan", False)),
            fix=str(data.get("fix") or ""),
            actor=str(data.get("actor") or ""),
            quote=str(data.get("quote") or ""),
            tagged=tagged if isinstance(tagged, str) else None,
            keep_tagged=isinstance(tagged, str),
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
    """The label set: the config's [[labels]] as config.check_labels keeps them (each with a name,
    its own key and a colour: the one place labels are checked), or the default six."""
    if not entries:
        return DEFAULT_LABELS
    return tuple(Label(str(entry["name"]), str(entry["key"]), str(entry["color"])) for entry in entries)
