"""Message boxes with the program's own button texts, in one place.

Qt ships no Vietnamese for its standard buttons, so every box names its buttons in
the person's language. Callers use these through the module (`message_box.ask(...)`),
which lets the tests answer them:

    ask                  a question; True for yes (yes is the default button)
    ask_unsaved_changes  closing unsaved work: "save", "discard" or "cancel"
    confirm_destructive  deleting something; True for do (keep is the default and Escape)
    choose               one of several buttons; its position
    inform               something done; one button
    warn                 something refused; one button
    show_error           an error from a job or a service, in both languages

A bug's details go to the log file in the data folder; the box names that file.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.paths import log_file
from desktop_app.core.problems import NapError
from desktop_app.messages import bilingual, problems_bilingual, text

log = logging.getLogger("nap-reporter.ui")


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str, close: str) -> None:
    _one_button(parent, QMessageBox.Icon.Information, title, text, close)


def choose(parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int:
    """Which of the buttons (by position) was pressed; the last one is Escape's."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    made = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
    box.setDefaultButton(made[0])
    box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else len(made) - 1


def ask_unsaved_changes(parent: QWidget | None, title: str, text: str, save: str,
                        discard: str, keep: str) -> str:
    """Unsaved changes: "save", "discard" or "cancel" (keep editing: the default, and Esc's)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    save_button = box.addButton(save, QMessageBox.ButtonRole.AcceptRole)
    discard_button = box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole)
    keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save_button else "discard" if clicked is discard_button \
        else "cancel"


def confirm_destructive(parent: QWidget | None, title: str, text: str, detail: str,
                        do: str, keep: str) -> bool:
    """True when the person chose `do`; Enter and Escape both keep."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    do_button = box.addButton(do, QMessageBox.ButtonRole.DestructiveRole)
    keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.exec()
    return box.clickedButton() is do_button


def warn(parent: QWidget | None, title: str, text: str, close: str) -> None:
    _one_button(parent, QMessageBox.Icon.Warning, title, text, close)


def _one_button(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                close: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(close, QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_error(parent: QWidget | None, title: str, error: BaseException, lang: str) -> None:
    """The error in the person's language first, then the other (see error_lines)."""
    warn(parent, title, "\n\n".join(error_lines(error, lang)),
         QCoreApplication.translate("JobRunner", "Close"))


def error_lines(error: BaseException, lang: str) -> list[str]:
    """What to tell the user: a NapError in both languages, anything else briefly."""
    if isinstance(error, NapError):
        return problems_bilingual(error.problems, lang)
    where = _log_internal_error(error)
    return bilingual(lambda lg: [text("cli.internal_error", lg, log=where)], lang)


def _log_internal_error(error: BaseException) -> str:
    """Write the details to the log file in the data folder; returns its path."""
    try:
        path = log_file()
        if not any(isinstance(h, logging.FileHandler) for h in log.handlers):
            handler = logging.FileHandler(path, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(handler)
        log.error("internal error in a background job", exc_info=error)
        return str(path)
    except OSError:
        return "(log unavailable)"
