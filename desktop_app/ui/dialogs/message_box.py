"""Message boxes with the program's own button texts, in one place.

Qt ships no Vietnamese for its standard buttons, so every box names its buttons in
the person's language. Callers use these through the module (`message_box.ask(...)`),
which lets the tests answer them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


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
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(close, QMessageBox.ButtonRole.AcceptRole)
    box.exec()


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
