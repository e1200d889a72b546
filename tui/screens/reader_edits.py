"""The reader's edits: labels, notes, deleting, undo and redo, jumping between annotations,
attaching orphans, and export. Each applies to the session at once (painted at once) and is
written in a worker by the screen; a label or a note ends the selection, as in vim."""

from __future__ import annotations

from typing import TYPE_CHECKING

from byline.tui.core.errors import BylineError
from byline.tui.screens.reader_parts import ReaderParts
from byline.widgets.article_view import ArticleView

if TYPE_CHECKING:  # the dialogs are imported when first opened: not before the first frame
    from byline.tui.screens.export_dialog import ExportRequest
    from byline.tui.screens.note_editor import NoteRequest

SELECT_FIRST = "Select a passage first (v, s, or enter on an entity)"


class AnnotationActions:
    """Part of the reader screen: what the reader does to annotations."""

    def action_toggle_label(self: ReaderParts, key: str) -> None:
        label = next((lab for lab in self.labels if lab.key == key), None)
        if label is None:
            self.notify(f"No label on {key}; labels are set in the config file", severity="warning")
            return
        note, span = self._target()
        if note is None and span is None:
            self.notify(SELECT_FIRST, severity="warning")
            return
        if self._edit(lambda s: s.toggle_label(label.name, note, span)):
            self.query_one(ArticleView).clear_selection()

    def action_note(self: ReaderParts) -> None:
        note, span = self._target()
        if note is not None:
            passage, start = note.passage, note.start
        elif span is not None:
            passage, start = self.article.text[span[0] : span[1]], span[0]
        else:
            self.notify(SELECT_FIRST, severity="warning")
            return
        view = self.query_one(ArticleView)
        # the passage at the top of the article, the editor docked below it: both stay in sight
        view.scroll_to(y=max(0, view.wrapped_document.location_to_offset(view.location_of(start)).y - 1), animate=False)

        def saved(request: NoteRequest | None) -> None:
            if request is None:
                return
            text = request.note
            if note is None and span is not None:
                done = self._edit(lambda s: s.add(s.new(span, note=text), "note"), "Note saved")
            elif note is not None and text != note.note:
                done = self._edit(lambda s: s.change(note, note.changed(note=text), "note"), "Note saved")
            else:
                done = False
            if done:
                view.clear_selection()

        from byline.tui.screens.note_editor import NoteEditor

        self.app.push_screen(NoteEditor(passage, note.note if note else ""), saved)

    def action_delete_annotation(self: ReaderParts) -> None:
        note, _ = self._target()
        if note is None:
            self.notify("No annotation under the cursor", severity="warning")
            return
        self._edit(lambda s: s.delete(note), "Deleted the annotation (u undoes)")

    def action_undo(self: ReaderParts) -> None:
        if self.session is None or not self.session.history.can_undo:
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        self._edit(lambda s: s.undo(), "Undone")

    def action_redo(self: ReaderParts) -> None:
        if self.session is None or not self.session.history.can_redo:
            self.notify("Nothing to redo", severity="warning", timeout=2)
            return
        self._edit(lambda s: s.redo(), "Redone")

    def action_jump_annotation(self: ReaderParts, direction: int) -> None:
        view = self.query_one(ArticleView)
        target = self.session.next_annotation(view.cursor_offset, direction) if self.session else None
        if target is None:
            self.notify("No more annotations that way", timeout=2)
            return
        view.move_to_offset(target)

    def attach(self: ReaderParts, annotation_id: str) -> None:
        """Attach an orphan to the selection; anything else is refused."""
        note = self._annotation(annotation_id)
        if note is None:
            return
        if not note.orphan:
            self.notify("Only an orphan can be attached: this one still has its passage", severity="warning")
            return
        view = self.query_one(ArticleView)
        span = view.selected_span
        if span is None:
            self.notify("Select a passage in the article first", severity="warning")
            return
        if self._edit(lambda s: s.attach(note, span)):
            view.clear_selection()

    # -- export: the dialog says what (and asks before overwriting), a worker writes -------------
    def action_export(self: ReaderParts) -> None:
        from byline.tui.screens.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(self.article), self._export_chosen)

    def _export_chosen(self: ReaderParts, request: ExportRequest | None) -> None:
        if request is None:
            return
        if self.session is None:
            self.notify("The annotations are still being opened", severity="warning", timeout=3)
            return
        try:
            bundle = self.session.bundle()
        except BylineError as exc:
            self.notify(str(exc), title="Export failed", severity="error")
            return
        self.write_export(request, bundle)
