"""File and folder pickers in the program's own words.

Qt ships no Vietnamese for its dialogs, and native dialogs follow the system's
language, not the program's: these are Qt's own dialog with every label set
through tr(), and a sidebar of the person's folders instead of Qt's English
"Computer".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QHeaderView, QSplitter, QTreeView, QWidget


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def own_file_dialog(parent: QWidget | None, title: str, start: Path,
                    mode: QFileDialog.FileMode, name_label: str, accept: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(start))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(mode)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn,
                        QCoreApplication.translate("FileDialogs", "Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, name_label)
    dialog.setLabelText(QFileDialog.DialogLabel.FileType,
                        QCoreApplication.translate("FileDialogs", "Show:"))
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, accept)
    dialog.setLabelText(QFileDialog.DialogLabel.Reject,
                        QCoreApplication.translate("FileDialogs", "Cancel"))
    dialog.resize(860, 500)  # the Vietnamese column headings and folder names uncut
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    splitter = dialog.findChild(QSplitter)
    if splitter is not None:
        splitter.setSizes([180, 680])
    places = [Path.home(), documents_folder(), start]
    dialog.setSidebarUrls([QUrl.fromLocalFile(str(p)) for p in dict.fromkeys(places)])
    return dialog


def catalog_file_dialog(parent: QWidget | None) -> QFileDialog:
    dialog = own_file_dialog(
        parent, QCoreApplication.translate("FileDialogs", "Choose the catalog update"),
        documents_folder(), QFileDialog.FileMode.ExistingFile,
        QCoreApplication.translate("FileDialogs", "File:"),
        QCoreApplication.translate("FileDialogs", "Install"))
    dialog.setNameFilters([
        QCoreApplication.translate("FileDialogs", "Catalog updates (*.json)"),
        QCoreApplication.translate("FileDialogs", "All files (*)"),
    ])
    return dialog
