"""Undo and redo of activity changes, each step one core service call.

A command is pushed only after its first step has succeeded (the caller does that
step and passes done=True), so a refused save never lands on the stack. A later undo
or redo that the core refuses (the period was locked meanwhile) is shown to the user
and the command is dropped from the stack instead of leaving it out of step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop_app.core.domain.validation import ActivityDraft
from desktop_app.core.problems import NapError
from desktop_app.core.services.activities import delete_activity, save_activity
from desktop_app.messages import problem_text
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box


def show_refusal(parent: QWidget | None, error: NapError, lang: str) -> None:
    """Tell the user why the core refused, in their language, with our own button text."""
    message_box.warn(parent, QCoreApplication.translate("ActivityCommand", "Not saved"),
                     "\n".join(problem_text(p, lang) for p in error.problems) or str(error),
                     QCoreApplication.translate("ActivityCommand", "OK"))


class ActivityCommand(QUndoCommand):
    """Shared plumbing: the context, the period it acts on, and error handling."""

    def __init__(self, ctx: AppContext, text: str, *, done: bool,
                 parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.year = ctx.year
        self._skip_first_redo = done
        self._parent_widget = parent_widget

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_step)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except NapError as error:
            self.setObsolete(True)
            show_refusal(self._parent_widget(), error, self.ctx.lang)
        self.ctx.data_changed.emit()

    def do(self) -> None:
        raise NotImplementedError

    def undo_step(self) -> None:
        raise NotImplementedError


class CreateActivityCommand(ActivityCommand):
    """Undo deletes the new activity; redo brings it back with the same UUID."""

    def __init__(self, ctx: AppContext, draft: ActivityDraft, uuid: str, **kwargs: object) -> None:
        text = QCoreApplication.translate("ActivityCommand", "New activity")
        super().__init__(ctx, text, **kwargs)  # type: ignore[arg-type]
        self.draft = dataclasses.replace(draft, uuid=uuid)

    def do(self) -> None:
        save_activity(self.ctx.db, self.draft, self.year, keep_uuid=True)

    def undo_step(self) -> None:
        # Keep what was deleted (indicator UUIDs included) so that redo restores it exactly.
        self.draft = delete_activity(self.ctx.db, self.draft.uuid or "", self.year)


class EditActivityCommand(ActivityCommand):
    """Undo saves the activity as it was before; redo saves the edit again."""

    def __init__(self, ctx: AppContext, before: ActivityDraft, after: ActivityDraft,
                 **kwargs: object) -> None:
        text = QCoreApplication.translate("ActivityCommand", "Edit activity")
        super().__init__(ctx, text, **kwargs)  # type: ignore[arg-type]
        self.before, self.after = before, after

    def do(self) -> None:
        save_activity(self.ctx.db, self.after, self.year)

    def undo_step(self) -> None:
        save_activity(self.ctx.db, self.before, self.year)


class DeleteActivitiesCommand(ActivityCommand):
    """Undo restores the deleted activities with their UUIDs, indicators and results."""

    def __init__(self, ctx: AppContext, deleted: list[ActivityDraft], **kwargs: object) -> None:
        text = (QCoreApplication.translate("ActivityCommand", "Delete activity")
                if len(deleted) == 1 else
                QCoreApplication.translate("ActivityCommand", "Delete %n activities", "",
                                           len(deleted)))
        super().__init__(ctx, text, **kwargs)  # type: ignore[arg-type]
        self.deleted = deleted

    def do(self) -> None:
        self.deleted = [delete_activity(self.ctx.db, d.uuid or "", self.year)
                        for d in self.deleted]

    def undo_step(self) -> None:
        for draft in self.deleted:
            save_activity(self.ctx.db, draft, self.year, keep_uuid=True)
