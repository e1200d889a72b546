"""One open article: its text, its analysis with the reader's corrections, its annotations and
their history, and the bundle an export is made from.

Every edit applies to the session's annotations at once (so the reader paints it at once) and
queues the store write; `save_next` runs the oldest queued write, in order, on whatever thread
the caller chooses (the app uses a worker, the command line writes at once). A failed write
reloads the annotations from the store, so what is shown is what is kept.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .anchor import make_anchor
from .annotation import Annotation, Label, labels_from_config, new_id
from .bundle import Bundle
from .corrections import corrected
from .entity_types import REJECTED
from .errors import BylineError, StoreError
from .history import History, Step
from .model import Analysis
from .report import quote_kind_word
from .sources import Article

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store


@dataclass
class Write:
    """A queued store write for one step of the history."""

    step: Step
    run: Callable[[], object]


@dataclass
class Opened:
    """What opening an article found out: the re-anchoring of a changed text."""

    changed: bool = False
    found_again: int = 0
    orphaned: int = 0
    on_changed_words: int = 0  # found again, on words that are not those tagged

    @property
    def notice(self) -> str | None:
        if not self.changed or not (self.found_again or self.orphaned):
            return None
        text = f"The article changed since you last read it: {self.found_again} notes found again"
        if self.on_changed_words:
            text += f", {self.on_changed_words} on changed words"
        text += f", {self.orphaned} orphaned" if self.orphaned else ""
        return text + (" (see Notes)" if self.orphaned or self.on_changed_words else "")


@dataclass
class Session:
    article: Article
    store: Store
    key: str
    annotations: list[Annotation] = field(default_factory=list)
    labels: tuple[Label, ...] = field(default_factory=lambda: labels_from_config([]))
    raw_analysis: Analysis | None = None
    opened: Opened = field(default_factory=Opened)

    def __post_init__(self) -> None:
        self.history = History()
        self._pending: deque[Write] = deque()
        self._write_lock = threading.Lock()
        self._analysis: Analysis | None = None

    @classmethod
    def open(cls, article: Article, store: Store, labels: tuple[Label, ...] | None = None) -> Session:
        """Find the article's annotations in the store, re-anchoring them if its text changed."""
        key, changed = store.article_id(article)
        if changed and not store.readonly:
            found = store.reanchor(key, article.text)
            orphans = sum(a.orphan for a in found)
            opened = Opened(True, len(found) - orphans, orphans, sum(a.passage_changed for a in found))
        else:
            found, opened = store.annotations(key), Opened()
        return cls(article, store, key, list(found), labels or labels_from_config([]), opened=opened)

    # -- the analysis -----------------------------------------------------------------------
    def set_analysis(self, raw: Analysis | None) -> None:
        self.raw_analysis = raw
        self._analysis = None

    @property
    def analysis(self) -> Analysis | None:
        """The model's analysis with the reader's corrections on top."""
        if self.raw_analysis is None:
            return None
        if self._analysis is None:
            self._analysis = corrected(self.raw_analysis, self.corrections, self.article.text)
        return self._analysis

    @property
    def corrections(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == "correction"]

    @property
    def notes(self) -> list[Annotation]:
        """The reader's annotations (labels and notes), not corrections."""
        return [a for a in self.annotations if a.kind == "annotation"]

    @property
    def orphans(self) -> list[Annotation]:
        """Annotations and corrections whose passage was not found in the changed article."""
        return [a for a in self.annotations if a.orphan]

    def attach(self, orphan: Annotation, span: tuple[int, int]) -> tuple[Step, str]:
        """Anchor an orphan on a passage the reader chose. Only an orphan: a placed annotation
        or correction is moved by the reader's own edits, never by this."""
        if not orphan.orphan:
            raise BylineError("Only an orphaned note can be attached: this one still has its passage")
        after = orphan.changed(anchor=make_anchor(self.article.text, *span), orphan=False)
        return self.change(orphan, after, "attach"), "Attached to the selection"

    def bundle(self) -> Bundle:
        return Bundle(self.article, self.analysis, list(self.annotations), self.labels)

    # -- edits ------------------------------------------------------------------------------
    @property
    def readonly(self) -> bool:
        return bool(self.store.readonly)

    def new(self, span: tuple[int, int], **fields) -> Annotation:
        return Annotation(id=new_id(), article=self.key, anchor=make_anchor(self.article.text, *span), **fields)

    def add(self, annotation: Annotation, what: str = "add") -> Step:
        return self._do(Step(what, None, annotation))

    def change(self, before: Annotation, after: Annotation, what: str = "change") -> Step:
        return self._do(Step(what, before, after))

    def delete(self, annotation: Annotation, what: str = "delete") -> Step:
        return self._do(Step(what, annotation, None))

    def undo(self) -> Step | None:
        step = self.history.undo()
        if step is not None:
            self._apply(step.inverse())
        return step

    def redo(self) -> Step | None:
        step = self.history.redo()
        if step is not None:
            self._apply(step)
        return step

    def _do(self, step: Step) -> Step:
        if self.readonly:
            raise StoreError(self.store.why_readonly)
        self.history.push(step)
        self._apply(step)
        return step

    def _apply(self, step: Step) -> None:
        """Apply a step to the annotations in memory and queue its write."""
        before, after = step.before, step.after
        run: Callable[[], object]
        if after is None and before is not None:
            self.annotations = [a for a in self.annotations if a.id != before.id]
            run = lambda: self.store.delete(before)  # noqa: E731 - the store knows its article
        elif after is not None:
            kept = [a for a in self.annotations if a.id != after.id]
            self.annotations = sorted([*kept, after], key=lambda a: (a.orphan, a.start, a.end))
            run = (lambda: self.store.add(after)) if before is None else (lambda: self.store.put(after))
        else:  # pragma: no cover - a step always has a side
            return
        if before is not None and before.kind == "correction" or after is not None and after.kind == "correction":
            self._analysis = None
        self._pending.append(Write(step, run))

    # -- what an action applies to --------------------------------------------------------------
    def annotation_at(self, offset: int) -> Annotation | None:
        """The innermost placed annotation (not a correction) under a cursor offset."""
        hits = [a for a in self.notes if not a.orphan and a.start <= offset < max(a.end, a.start + 1)]
        return min(hits, key=lambda a: a.end - a.start) if hits else None

    def target(self, span: tuple[int, int] | None, offset: int) -> tuple[Annotation | None, tuple[int, int] | None]:
        """What an action applies to: the selection (and the annotation exactly on it), else the
        annotation under the cursor."""
        if span is not None:
            same = next((a for a in self.notes if not a.orphan and (a.start, a.end) == span), None)
            return same, span
        return self.annotation_at(offset), None

    def toggle_label(self, label: str, note: Annotation | None, span: tuple[int, int] | None) -> tuple[Step, str]:
        """Put `label` on the selection or annotation, or take it off; an annotation left with no
        label and no note goes. Returns the step and what to tell the reader."""
        if note is None:
            assert span is not None
            return self.add(self.new(span, labels=[label]), f"tag {label}"), f"Tagged {label}"
        if label in note.labels:
            after = note.changed(labels=[x for x in note.labels if x != label])
            if not after.labels and not after.note:
                return self.delete(note, f"untag {label}"), f"Removed {label}"
            return self.change(note, after, f"untag {label}"), f"Removed {label}"
        return self.change(note, note.changed(labels=[*note.labels, label]), f"tag {label}"), f"Tagged {label}"

    # -- corrections of the analysis -----------------------------------------------------------
    def _correction(self, span: tuple[int, int], fix: str, what: str, done: str, **fields) -> tuple[Step, str]:
        """Add a correction at `span`, or change the one of the same kind already there."""
        existing = next(
            (c for c in self.corrections if not c.orphan and (c.start, c.end) == tuple(span) and c.correction == fix),
            None,
        )
        if existing is not None:
            after = existing.changed(**fields)
            if (after.entity, after.actor, after.quote) == (existing.entity, existing.actor, existing.quote):
                raise BylineError("That is already how it reads")
            return self.change(existing, after, what), done
        return self.add(self.new(span, kind="correction", fix=fix, **fields), what), done

    def correct_entity(self, span: tuple[int, int], entity_type: str) -> tuple[Step, str]:
        """The entity at `span` is of `entity_type`, or not an entity (REJECTED)."""
        word = "rejected" if entity_type == REJECTED else f"now {entity_type}"
        return self._correction(span, "entity", "correct", f"Entity {word}", entity=entity_type)

    def merge_actor(self, mention: tuple[int, int], into: str) -> tuple[Step, str]:
        """The actor named at `mention` is the actor called `into`."""
        return self._correction(mention, "merge", "merge", f"Merged into {into}", actor=into)

    def split_name(self, mention: tuple[int, int]) -> tuple[Step, str]:
        """The name at `mention` is an actor of its own."""
        name = self.article.text[mention[0] : mention[1]]
        return self._correction(mention, "split", "split", f"{name} is now an actor of its own")

    def set_speaker(self, quote: tuple[int, int], speaker: str) -> tuple[Step, str]:
        """The quote at `quote` was said by `speaker` ("" for no one named)."""
        done = f"Speaker: {speaker}" if speaker else "The quote has no named speaker"
        return self._correction(quote, "speaker", "speaker", done, actor=speaker)

    def set_quote(self, span: tuple[int, int], kind: str, speaker: str = "") -> tuple[Step, str]:
        """The passage is a quote of `kind` by `speaker` (a quote the model missed, or another
        kind for one it found), or not a quote (kind REJECTED)."""
        done = "Not a quote" if kind == REJECTED else f"Quote: {quote_kind_word(kind)}"
        return self._correction(span, "quote", "quote", done, quote=kind, actor=speaker)

    def next_annotation(self, offset: int, direction: int) -> int | None:
        """Where the next (direction 1) or previous (-1) annotation starts, or None."""
        starts = sorted({a.start for a in self.notes if not a.orphan})
        if direction > 0:
            return next((s for s in starts if s > offset), None)
        return next((s for s in reversed(starts) if s < offset), None)

    # -- writes -------------------------------------------------------------------------------
    @property
    def unsaved(self) -> int:
        return len(self._pending)

    def save_next(self) -> Step | None:
        """Run the oldest queued write (any thread; writes never overlap and keep their order).

        On failure the step is forgotten, the annotations are read again from the store, and the
        StoreError is raised for the caller to show."""
        with self._write_lock:
            if not self._pending:
                return None
            write = self._pending.popleft()
            try:
                write.run()
            except StoreError:
                self._pending.clear()
                self.history.forget(write.step)
                self.reload()
                raise
            return write.step

    def save_all(self) -> None:
        """Run every queued write now (the command line; the app when it closes)."""
        while self.save_next() is not None:
            pass

    def reload(self) -> None:
        self.annotations = list(self.store.annotations(self.key))
        self._analysis = None

    def import_many(self, annotations: list[Annotation]) -> int:
        """Add imported annotations in one write (ids already stored are left alone)."""
        added = self.store.add_many(annotations)
        self.reload()
        return added
