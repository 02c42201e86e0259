"""Loading an official list of recommendations, in the window: the same use case as
`catalog recommendations import` (services/recommendation_import.py).

Choose the file, the source and the column mapping (a preset or a saved one; its column
headings can be edited here and saved under a new name), then Preview: the counts of new,
changed and unchanged recommendations and every row left out, with its row, column and
reason. Nothing is written until Load, which writes the previewed list in one
transaction and raises the catalog's version (publish it as usual with "Periods and due
dates; publish the catalog…").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.exchange.recommendation_list import FIELDS, ColumnMapping
from desktop_app.core.problems import NapError, Problem
from desktop_app.core.services import recommendation_import as recs
from desktop_app.messages import problem_text, text
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.file_dialogs import documents_folder, own_file_dialog


class RecommendationListDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: recs.ListPreview | None = None
        self.setWindowTitle(self.tr("Load an official list of recommendations"))
        self.file_edit = QLineEdit()
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.choose_file)
        self.source_combo = QComboBox()
        for s in recs.list_sources(ctx.db):
            self.source_combo.addItem(f"{s.code} — {s.symbol or s.title(ctx.lang)}", s.code)
        self.mapping_combo = QComboBox()
        self.column_edits = {name: QLineEdit() for name in FIELDS}
        self.number_in_text = QCheckBox(self.tr("The number opens the text (“155.1 …”)"))
        self.states_in_text = QCheckBox(self.tr("The recommending State closes the text "
                                                "(“… (Chile);”)"))
        self.mapping_note = QLabel()
        self.mapping_note.setWordWrap(True)
        self.save_name = QLineEdit()
        self.save_name.setPlaceholderText(self.tr("Name for these columns"))
        save = QPushButton(self.tr("Sa&ve mapping"))
        save.clicked.connect(self.save_mapping)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"),
                                                 self.tr("Problem")])
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.file_edit)  # a row of two widgets: no buddy of its own
        form.addRow(file_label, file_row)
        form.addRow(self.tr("&Source:"), self.source_combo)
        form.addRow(self.tr("&Mapping:"), self.mapping_combo)
        columns = QGroupBox(self.tr("Column headings as printed in the file"))
        grid = QFormLayout(columns)
        names = self._field_names()
        for name in FIELDS:
            grid.addRow(names[name], self.column_edits[name])
        grid.addRow(self.number_in_text)
        grid.addRow(self.states_in_text)
        grid.addRow(self.mapping_note)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_name, 1)
        save_row.addWidget(save)
        grid.addRow(save_row)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(self.tr("&Preview"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.load_button = buttons.addButton(self.tr("&Load"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.load_button.setEnabled(False)
        self.preview_button.clicked.connect(self.run_preview)
        self.load_button.clicked.connect(self.load)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(columns)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self._fill_mappings()
        self.mapping_combo.currentIndexChanged.connect(self._show_mapping)
        for widget in (self.file_edit, *self.column_edits.values()):
            widget.textChanged.connect(self._stale)
        self.source_combo.currentIndexChanged.connect(self._stale)
        self.resize(720, 680)

    def _field_names(self) -> dict[str, str]:
        return {"number": self.tr("Number:"), "paragraph": self.tr("Paragraph:"),
                "text_en": self.tr("Text (English):"), "text_vi": self.tr("Text (Vietnamese):"),
                "states": self.tr("Recommending States:"), "response": self.tr("Response:"),
                "themes": self.tr("Themes:"), "sdgs": self.tr("SDG targets:"),
                "affected": self.tr("Affected persons:")}

    def _fill_mappings(self, current: str | None = None) -> None:
        self.known = recs.mappings(self.ctx.db)
        self.mapping_combo.blockSignals(True)
        self.mapping_combo.clear()
        for name in self.known:
            self.mapping_combo.addItem(name, name)
        index = self.mapping_combo.findData(current or "upr-matrix")
        self.mapping_combo.setCurrentIndex(max(index, 0))
        self.mapping_combo.blockSignals(False)
        self._show_mapping()

    def _show_mapping(self, *_: object) -> None:
        mapping = self.known.get(str(self.mapping_combo.currentData()))
        if mapping is None:
            return
        for name, edit in self.column_edits.items():
            edit.setText(mapping.columns.get(name, ""))
        self.number_in_text.setChecked(mapping.number_in_text)
        self.states_in_text.setChecked(mapping.states_in_text)
        said = (self.tr("Checked against a published file.") if mapping.checked
                else self.tr("Not checked against a published file: compare the headings "
                             "with your file."))
        self.mapping_note.setText(f"{said} {self._note(mapping)}".strip())
        self._stale()

    def _note(self, mapping: ColumnMapping) -> str:
        """The presets' notes in the person's language; a saved mapping's as written."""
        return {
            "uhri": self.tr(
                "Universal Human Rights Index export (uhri.ohchr.org). Its search fields "
                "(themes, affected persons, SDGs) are documented; the column headings of its "
                "export are an assumption, not compared with a downloaded file."),
            "upr-matrix": self.tr(
                "OHCHR matrix of recommendations of a UPR cycle, one recommendation a row "
                "(“155.1 Text … (State);”). Its column of assessments of the level of "
                "implementation is documented (upr-info.org); the other headings, and the "
                "number and State inside the text, are assumptions."),
        }.get(mapping.name, mapping.note)

    def mapping(self) -> ColumnMapping:
        name = str(self.mapping_combo.currentData() or "")
        columns = {f: e.text().strip() for f, e in self.column_edits.items() if e.text().strip()}
        return ColumnMapping(name, columns, self.number_in_text.isChecked(),
                             self.states_in_text.isChecked())

    def choose_file(self) -> None:
        dialog = own_file_dialog(self, self.tr("Choose the list of recommendations"),
                                 documents_folder(), QFileDialog.FileMode.ExistingFile,
                                 self.tr("File:"), self.tr("Choose"))
        dialog.setNameFilters([self.tr("Spreadsheets and CSV (*.xlsx *.csv)"),
                               self.tr("All files (*)")])
        if dialog.exec() and dialog.selectedFiles():
            self.file_edit.setText(dialog.selectedFiles()[0])

    def _stale(self, *_: object) -> None:
        self.preview = None
        self.load_button.setEnabled(False)

    def save_mapping(self) -> None:
        mapping = self.mapping()
        named = ColumnMapping(self.save_name.text().strip(), mapping.columns,
                              mapping.number_in_text, mapping.states_in_text)
        try:
            recs.save_mapping(self.ctx.db, named)
        except NapError as error:
            message_box.show_error(self, self.tr("Save mapping"), error, self.ctx.lang)
            return
        self._fill_mappings(named.name)

    def run_preview(self) -> None:
        path = Path(self.file_edit.text().strip())
        source = self.source_combo.currentData()
        if not self.file_edit.text().strip() or not isinstance(source, str):
            return
        try:
            self.preview = recs.preview_list(self.ctx.db, path, source, self.mapping())
        except NapError as error:
            self.preview = None
            message_box.show_error(self, self.tr("Preview"), error, self.ctx.lang)
            return
        p, lang = self.preview, self.ctx.lang
        lines = [text("recs.preview", lang, file=path.name, source=p.source,
                      mapping=p.mapping.name or "-", rows=len(p.planned), new=p.count("new"),
                      changed=p.count("changed"), unchanged=p.count("unchanged"),
                      supported=p.supported, noted=p.noted, left_out=len(p.problems),
                      not_in_file=p.not_in_file)]
        if not p.has_vietnamese:
            lines.append(text("recs.no_vietnamese", lang))
        self.summary.setText("\n".join(lines))
        shown = p.problems + p.notes
        self.problems.setRowCount(len(shown))
        for n, problem in enumerate(shown):
            where = problem.where
            cells = (str(where.row) if where and where.row else "",
                     where.column or "" if where else "",
                     problem_text(Problem(problem.code, problem.params), lang))
            for column, value in enumerate(cells):
                self.problems.setItem(n, column, QTableWidgetItem(value))
        self.load_button.setEnabled(bool(p.count("new") or p.count("changed")))

    def load(self) -> None:
        if self.preview is None:
            return
        try:
            applied = recs.apply_list(self.ctx.db, self.preview)
        except NapError as error:
            message_box.show_error(self, self.tr("Load"), error, self.ctx.lang)
            self._stale()
            return
        self._stale()
        if applied.version is not None:
            self.summary.setText(text("recs.applied", self.ctx.lang, added=applied.added,
                                      changed=applied.changed, version=applied.version))
            self.ctx.data_changed.emit()
        else:
            self.summary.setText(text("recs.nothing_to_write", self.ctx.lang))
