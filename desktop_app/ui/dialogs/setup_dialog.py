"""First run: the language, the role, the agency and the contact person, on one page.

Shown only while the database has no role; it ends by calling the core's initialise,
the same use case as `nap-reporter init`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.text import collation_key, contains_folded, fold, nfc
from desktop_app.core.problems import NapError, UsageError
from desktop_app.core.services.setup import KIND_ORDER, AgencyChoice, agency_choices, initialise
from desktop_app.core.storage.database import Database
from desktop_app.messages import problems_bilingual
from desktop_app.ui.app import install_translator
from desktop_app.ui.dialogs.server_password import save_server
from desktop_app.ui.retranslating import Retranslating

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each in its own language
CODE_ROLE = Qt.ItemDataRole.UserRole


class SetupDialog(Retranslating, QDialog):
    def __init__(self, db: Database, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.role: Role | None = None
        self.agency_code: str | None = None
        self.choices = agency_choices()
        self._folded = {c.code: fold(f"{c.name_vi} {c.name_en} {c.code}") for c in self.choices}
        self.setObjectName("setupDialog")
        self.setMinimumWidth(660)  # the roles, in Vietnamese, on one line each

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(0 if lang == "vi" else 1)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)

        self.role_label = QLabel()
        self.agency_role = QRadioButton()
        self.focal_role = QRadioButton()
        self.agency_role.setChecked(True)
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.agency_role)
        self.roles.addButton(self.focal_role)
        self.roles.buttonToggled.connect(lambda _button, _on: self._update())
        role_box = QVBoxLayout()
        role_box.addWidget(self.agency_role)
        role_box.addWidget(self.focal_role)

        self.agency_label = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("agencySearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter_agencies)
        self.agency_list = QListWidget()
        self.agency_list.setObjectName("agencyList")
        self.agency_list.setMinimumHeight(220)
        self.agency_list.currentItemChanged.connect(lambda _now, _before: self._update())
        self.agency_list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.search.returnPressed.connect(self.agency_list.setFocus)
        agency_box = QVBoxLayout()
        agency_box.addWidget(self.search)
        agency_box.addWidget(self.agency_list)
        self.agency_label.setBuddy(self.search)

        self.contact_label = QLabel()
        self.contact = QLineEdit()
        self.contact.setObjectName("contactPerson")
        self.contact.setMaxLength(200)
        self.contact_label.setBuddy(self.contact)

        self.server_label = QLabel()  # a focal point may choose a shared database
        self.server_url = QLineEdit()
        self.server_url.setObjectName("serverUrl")
        self.server_label.setBuddy(self.server_url)
        self.server_db: Database | None = None  # the server database, when chosen

        self.problem = QLabel()
        self.problem.setObjectName("setupProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        self.buttons = QDialogButtonBox()
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.quit_button = QPushButton()
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.role_label, role_box)
        form.addRow(self.agency_label, agency_box)
        form.addRow(self.contact_label, self.contact)
        form.addRow(self.server_label, self.server_url)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.retranslate()
        self._fill_agencies()
        self.search.setFocus()

    # --- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to NAP Reporter"))
        self.intro.setText(self.tr(
            "Before the first use, tell the program who reports. You can work offline; "
            "your reports travel as files."))
        self.language_label.setText(self.tr("&Language:"))
        self.language_label.setBuddy(self.language_combo)
        self.role_label.setText(self.tr("Role:"))
        self.agency_role.setText(self.tr(
            "&Reporting agency (province, city, ministry or central agency)"))
        self.focal_role.setText(self.tr("&Focal point (Ministry of Justice)"))
        self.agency_label.setText(self.tr("&Agency:"))
        self.search.setPlaceholderText(self.tr("Type to search, for example: vinh long"))
        self.contact_label.setText(self.tr("&Contact person:"))
        self.contact.setPlaceholderText(self.tr("Name, position, telephone"))
        self.server_label.setText(self.tr("S&hared database:"))
        self.server_url.setPlaceholderText(self.tr(
            "optional, for several analysts: postgresql://user@host/dbname"))
        self.start_button.setText(self.tr("&Start"))
        self.quit_button.setText(self.tr("&Quit"))

    def _language_chosen(self, index: int) -> None:
        lang = self.language_combo.itemData(index)
        if lang in ("vi", "en") and lang != self.lang:
            self.lang = lang
            install_translator(lang)
            self.retranslate()
            self._fill_agencies()

    # --- agencies ------------------------------------------------------------------------

    def _sorted_choices(self) -> list[AgencyChoice]:
        return sorted(self.choices, key=lambda c: (KIND_ORDER.index(c.kind),
                                                   collation_key(c.name(self.lang))))

    def _fill_agencies(self) -> None:
        chosen = self.selected_agency()
        self.agency_list.clear()
        for choice in self._sorted_choices():
            item = QListWidgetItem(f"{choice.name(self.lang)}  ·  {choice.code}")
            item.setData(CODE_ROLE, choice.code)
            self.agency_list.addItem(item)
            if choice.code == chosen:
                self.agency_list.setCurrentItem(item)
        self.filter_agencies(self.search.text())

    def filter_agencies(self, needle: str) -> None:
        """Hide the agencies that do not match, ignoring case and Vietnamese marks."""
        first_visible: QListWidgetItem | None = None
        for row in range(self.agency_list.count()):
            item = self.agency_list.item(row)
            shown = contains_folded(self._folded[item.data(CODE_ROLE)], needle)
            item.setHidden(not shown)
            if shown and first_visible is None:
                first_visible = item
        current = self.agency_list.currentItem()
        if needle.strip() and (current is None or current.isHidden()):
            if first_visible is not None:
                self.agency_list.setCurrentItem(first_visible)
            else:
                self.agency_list.setCurrentRow(-1)
        self._update()

    def visible_agencies(self) -> list[str]:
        return [self.agency_list.item(row).data(CODE_ROLE)
                for row in range(self.agency_list.count())
                if not self.agency_list.item(row).isHidden()]

    def selected_agency(self) -> str | None:
        item = self.agency_list.currentItem()
        if item is None or item.isHidden():
            return None
        code = item.data(CODE_ROLE)
        return str(code) if code else None

    # --- finishing -----------------------------------------------------------------------

    def chosen_role(self) -> Role:
        return Role.FOCAL_POINT if self.focal_role.isChecked() else Role.AGENCY

    def _update(self) -> None:
        agency = self.chosen_role() is Role.AGENCY
        self.search.setEnabled(agency)
        self.agency_list.setEnabled(agency)
        self.start_button.setEnabled(not agency or self.selected_agency() is not None)
        self.server_url.setEnabled(not agency)

    def accept(self) -> None:
        role = self.chosen_role()
        code = self.selected_agency() if role is Role.AGENCY else None
        if role is Role.AGENCY and code is None:
            return
        db: Database | None = None
        try:
            db = self._server() if role is Role.FOCAL_POINT else None
            initialise(db or self.db, role, code, nfc(self.contact.text()))
        except NapError as error:
            if db is not None:
                db.close()
            self.problem.setText("\n".join(problems_bilingual(error.problems, self.lang)))
            self.problem.show()
            return
        if db is not None and db.server is not None:
            save_server(db.server)  # the window opens it from now on (its URL, no password)
        self.role, self.agency_code, self.server_db = role, code, db
        super().accept()

    def _server(self) -> Database | None:
        """The shared database typed in, opened (and remembered), or None for this file."""
        from desktop_app.core.storage.location import ServerLocation, is_server_url
        from desktop_app.ui.dialogs.server_password import open_server

        url = self.server_url.text().strip()
        if not url:
            return None
        if not is_server_url(url):
            raise UsageError.of("migrate.target_not_server", url=url)
        return open_server(ServerLocation(url), self)
