"""Undo and redo of annotation changes, across the whole session. Every step goes through the
store, so an undone change is written before the app says so."""

from __future__ import annotations

from dataclasses import dataclass

from .annotation import Annotation
from .store import Store


@dataclass
class Step:
    what: str  # what the reader did, for the notification
    before: Annotation | None  # None: the step created it
    after: Annotation | None  # None: the step deleted it


class History:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    def add(self, annotation: Annotation, what: str = "add") -> Annotation:
        self.store.add(annotation)
        self._push(Step(what, None, annotation))
        return annotation

    def change(self, before: Annotation, after: Annotation, what: str = "change") -> Annotation:
        self.store.put(after)
        self._push(Step(what, before, after))
        return after

    def delete(self, annotation: Annotation, what: str = "delete") -> None:
        self.store.delete(annotation.id)
        self._push(Step(what, annotation, None))

    def _push(self, step: Step) -> None:
        self._undo.append(step)
        self._redo.clear()

    def _apply(self, target: Annotation | None, current: Annotation | None) -> None:
        if target is None and current is not None:
            self.store.delete(current.id)
        elif target is not None:
            self.store.put(target)

    def undo(self) -> Step | None:
        if not self._undo:
            return None
        step = self._undo.pop()
        self._apply(step.before, step.after)
        self._redo.append(step)
        return step

    def redo(self) -> Step | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._apply(step.after, step.before)
        self._undo.append(step)
        return step

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)
