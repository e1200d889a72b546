"""Undo and redo of annotation changes across a session: a stack of (before, after) steps.

Pure bookkeeping: the session applies a step to its annotations and queues the store write."""

from __future__ import annotations

from dataclasses import dataclass

from .annotation import Annotation


@dataclass
class Step:
    what: str  # what the reader did, for the notification
    before: Annotation | None  # None: the step created it
    after: Annotation | None  # None: the step deleted it

    def inverse(self) -> Step:
        return Step(self.what, self.after, self.before)


class History:
    def __init__(self) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    def push(self, step: Step) -> None:
        self._undo.append(step)
        self._redo.clear()

    def undo(self) -> Step | None:
        """The step to revert (apply its inverse), or None."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        return step

    def redo(self) -> Step | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        return step

    def forget(self, step: Step) -> None:
        """Drop a step whose write failed, wherever it sits."""
        for stack in (self._undo, self._redo):
            if step in stack:
                stack.remove(step)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)
