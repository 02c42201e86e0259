"""The import dialog, the Imports page and drops, against a fake import service.

The fake replaces the service's functions (plan_import, run_import...) and returns typed
plans built here, so these tests check the window's side only: what the preview shows,
that Cancel writes nothing, what Import and Undo call. The tests at the end run the
real service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlmodel import col, select

from desktop_app.core.domain.enums import ImportOutcome, Role
from desktop_app.core.domain.models import Agency
from desktop_app.core.problems import Location, Problem
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services import imports
from desktop_app.core.services.imports import FilePlan, ImportSummary, UndoResult
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.ui.app import create_application, install_translator
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.import_dialog import (
    ImportCommands,
    ImportDialog,
    PlanModel,
    expand_paths,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.imports_page import ImportsPage

pytestmark = pytest.mark.gui


def make_plan(path: Path, outcome: ImportOutcome, agency_code: str | None = None,
              rollup_code: str | None = None, agency_name: str | None = None,
              period: int | None = None, version: int | None = None, *,
              added: int = 0, changed: int = 0, removed: int = 0,
              problems: tuple[Problem, ...] = (), signed: bool = True,
              **keys: Any) -> FilePlan:
    return FilePlan(path, outcome, agency_code, rollup_code, agency_name, period, version,
                    False, False, added, changed, removed, problems, None, "ab" * 32,
                    signed=signed, **keys)


@dataclass
class FakeEngine:
    plans: list[FilePlan]
    planned: list[tuple[list[Path], bool]] = field(default_factory=list)
    imported: list[tuple[list[Path], bool]] = field(default_factory=list)
    new_key: list[bool] = field(default_factory=list)  # accept_new_key of each call
    saved: list[tuple[list[Any], Path]] = field(default_factory=list)
    undone: int = 0
    words: list[str] = field(default_factory=list)

    def plan_import(self, db: Any, paths: Sequence[Path], *, accept_edited: bool = False,
                    accept_new_key: bool = False) -> Job[list[FilePlan]]:
        self.planned.append((list(paths), accept_edited))
        self.new_key.append(accept_new_key)
        yield Progress(0, len(paths), "read")
        yield Progress(len(paths), len(paths), "read")
        return list(self.plans)

    def run_import(self, db: Any, paths: Sequence[Path], *, accept_edited: bool = False,
                   accept_new_key: bool = False) -> Job[ImportSummary]:
        self.imported.append((list(paths), accept_edited))
        self.new_key.append(accept_new_key)
        yield Progress(1, 1, "import")
        return ImportSummary("b-1", list(self.plans), accepted=2, refused=1, unchanged=1)

    def save_problems_workbook(self, plans: Sequence[FilePlan], path: Path,
                               words: Callable[[Problem, str], str]) -> None:
        self.saved.append((list(plans), path))
        self.words = [words(p, "en") for plan in plans for p in plan.problems]

    def undo_last_import(self, db: Any) -> UndoResult:
        self.undone += 1
        return UndoResult("b-1", files=2)

    def import_log(self, db: Any, limit: int = 200) -> list[Any]:
        return []


def _files(folder: Path) -> list[Path]:
    names = ["HNO_2026_v1.xlsx", "HGI_2026_v2.xlsx", "BYT_2026_v1.xlsx", "notes.xlsx"]
    paths = [folder / n for n in names]
    for path in paths:
        path.write_bytes(b"PK")
    return paths


def _plans(paths: list[Path]) -> list[FilePlan]:
    problem = Problem("value.not_number", {"value": "nhiều"}, None,
                      Location(paths[3].name, "Chỉ số", 7, "E"))
    return [
        make_plan(paths[0], ImportOutcome.NEW, "HNO", "HNO", "Hà Nội", 2026, 1, added=12),
        make_plan(paths[1], ImportOutcome.NEWER, "HGI", "TQG", "Hà Giang", 2026, 2,
                 added=3, changed=2, removed=1),
        make_plan(paths[2], ImportOutcome.DUPLICATE, "BYT", "BYT", "Bộ Y tế", 2026, 1),
        make_plan(paths[3], ImportOutcome.REFUSED, None, None, None, None, None,
                 problems=(problem, Problem("value.required", {}, "title",
                                            Location(paths[3].name, "Hoạt động", 4, "B")))),
    ]


@pytest.fixture
def focal_ctx(qapp: Any, tmp_path: Path) -> Iterator[AppContext]:
    db = Database.open(tmp_path / "focal.sqlite")
    initialise(db, Role.FOCAL_POINT)
    create_application("en")
    context = AppContext(db, "en")
    context.set_year(2026)
    yield context
    install_translator("en")
    db.close()


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    folder = tmp_path / "inbox"
    folder.mkdir()
    fake = FakeEngine(_plans(_files(folder)))
    for name in ("plan_import", "run_import", "save_problems_workbook", "undo_last_import",
                 "import_log"):
        monkeypatch.setattr(imports, name, getattr(fake, name))
    return fake


def _dialog(qtbot: Any, ctx: AppContext, paths: list[Path]) -> ImportDialog:
    dialog = ImportDialog(ctx, paths)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plans is not None and dialog.runner is None)
    return dialog


def test_preview_shows_one_row_per_file_with_outcome_and_problems(
        qtbot: Any, focal_ctx: AppContext, engine: FakeEngine) -> None:
    paths = [p.path for p in engine.plans]
    dialog = _dialog(qtbot, focal_ctx, paths)
    assert engine.planned == [(paths, False)] and engine.imported == []
    model = dialog.plan_model
    assert model.rowCount() == 4
    column = [model.index(r, PlanModel.OUTCOME).data() for r in range(4)]
    assert column == ["New submission", "Newer version: replaces the earlier one",
                      "Already imported: nothing to do", "Refused"]
    assert model.index(1, PlanModel.AGENCY).data() == "Hà Giang [Tuyen Quang]"
    assert model.index(0, PlanModel.AGENCY).data() == "Hà Nội"
    assert [model.index(1, c).data() for c in (PlanModel.PERIOD, PlanModel.VERSION,
                                               PlanModel.ADDED, PlanModel.CHANGED,
                                               PlanModel.REMOVED)] == ["2026", "2", "3", "2",
                                                                       "1"]
    assert model.index(3, PlanModel.PROBLEMS).data() == "2"
    # The refused file's problems are shown first, in the user's language.
    problems = dialog.problem_model
    assert dialog.current_plan() is engine.plans[3]
    assert problems.rowCount() == 2
    assert [problems.index(0, c).data() for c in range(5)] == [
        "notes.xlsx", "Chỉ số", "7", "E", "“nhiều” is not a number."]
    assert problems.index(1, 3).data() == "B"
    dialog.plan_table.selectRow(0)
    assert problems.rowCount() == 0
    assert dialog.totals.text() == "2 of 4 file(s) would be imported; 2 problem(s) found."
    assert dialog.import_button.isEnabled() and dialog.save_problems_button.isEnabled()


def test_a_file_with_thousands_of_problems_shows_each_where_it_is(
        qtbot: Any, focal_ctx: AppContext, engine: FakeEngine) -> None:
    """A badly filled template's problems, and another file's after it: each row says its
    own place (the words of a row are kept once made, until the next file's come)."""
    dialog = _dialog(qtbot, focal_ctx, [p.path for p in engine.plans])
    problems, view = dialog.problem_model, dialog.problem_table
    many = [Problem("template.number_expected", {"value": f"x{n}"}, "target",
                    Location("bad.xlsx", "Chỉ số", 10 + n, "F")) for n in range(3000)]
    problems.set_problems("bad.xlsx", many)
    assert problems.rowCount() == 3000
    assert [problems.index(2999, c).data() for c in range(4)] == [
        "bad.xlsx", "Chỉ số", "3009", "F"]
    assert problems.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None
    view.scrollToBottom()
    qtbot.wait(20)
    problems.set_problems("other.xlsx", [Problem("template.number_expected", {"value": "y"},
                                                 "target", Location(None, "Kết quả", 4, "C"))])
    assert [problems.index(0, c).data() for c in range(4)] == ["other.xlsx", "Kết quả", "4",
                                                                "C"]


def test_cancel_writes_nothing(qtbot: Any, focal_ctx: AppContext, engine: FakeEngine) -> None:
    changed: list[bool] = []
    focal_ctx.data_changed.connect(lambda: changed.append(True))
    dialog = _dialog(qtbot, focal_ctx, [p.path for p in engine.plans])
    dialog.close_button.click()
    assert dialog.result() == ImportDialog.DialogCode.Rejected
    assert engine.imported == [] and changed == []


def test_import_runs_with_the_same_paths_and_the_accept_edited_flag(
        qtbot: Any, focal_ctx: AppContext, engine: FakeEngine) -> None:
    paths = [p.path for p in engine.plans]
    dialog = _dialog(qtbot, focal_ctx, paths)
    dialog.accept_edited.setChecked(True)  # plans again, with the flag
    qtbot.waitUntil(lambda: dialog.runner is None and dialog.plans is not None)
    assert engine.planned == [(paths, False), (paths, True)]
    with qtbot.waitSignal(focal_ctx.data_changed, timeout=5000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.runner is None)
    assert engine.imported == [(paths, True)]
    assert dialog.totals.text() == "Imported: 2 accepted, 1 refused, 1 unchanged."
    assert not dialog.import_button.isVisible() or not dialog.import_button.isEnabled()
    assert dialog.close_button.text() == "Close"


def test_a_new_key_is_accepted_only_after_a_confirmation_naming_both_keys(
        qtbot: Any, focal_ctx: AppContext, engine: FakeEngine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [p.path for p in engine.plans]
    dialog = _dialog(qtbot, focal_ctx, paths)
    assert dialog.accept_new_key.isHidden()  # no file in the preview needs it
    engine.plans[3] = make_plan(
        paths[3], ImportOutcome.REFUSED, "HNO", "HNO", "Hà Nội", 2026, 1, signed=False,
        key_fingerprint="aaaa bbbb cccc dddd", pinned_fingerprint="1111 2222 3333 4444",
        needs_new_key=True, problems=(Problem("import.key_other", {}),))
    engine.plans[2] = make_plan(paths[2], ImportOutcome.TEMPLATE, "BYT", "BYT", "Bộ Y tế",
                                2026, 2, signed=False)
    dialog.plan()
    qtbot.waitUntil(lambda: dialog.runner is None and dialog.plans is not None)
    assert not dialog.accept_new_key.isHidden()
    assert dialog.plan_model.index(2, PlanModel.OUTCOME).data().endswith(" · unsigned")
    asked: list[str] = []
    answers = [False, True]

    def fake_ask(parent: Any, title: str, text: str, yes: str, no: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(message_box, "ask", fake_ask)
    dialog.accept_new_key.setChecked(True)  # declined: unticked, not planned again
    assert not dialog.accept_new_key.isChecked() and engine.new_key == [False, False]
    assert "aaaa bbbb cccc dddd" in asked[0] and "1111 2222 3333 4444" in asked[0]
    dialog.accept_new_key.setChecked(True)  # confirmed: planned again with the flag
    qtbot.waitUntil(lambda: dialog.runner is None and dialog.plans is not None)
    assert engine.new_key == [False, False, True]
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.runner is None and dialog.summary is not None)
    assert engine.new_key[-1] is True


def test_the_keys_dialog_lists_the_pinned_keys(qtbot: Any, focal_ctx: AppContext) -> None:
    from desktop_app.core.exchange.signing import generate_key_pair
    from desktop_app.core.services import keys
    from desktop_app.ui.dialogs.keys_dialog import KeysDialog

    key = generate_key_pair()
    with focal_ctx.db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "HNI")).one()
        keys.pin_key(session, agency.id or 0, key.public_raw, "HNI_2026_v1.xlsx", "b-1")
    dialog = KeysDialog(focal_ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (0, 1, 3)] == [
        "HNI", key.fingerprint, "HNI_2026_v1.xlsx"]


def test_save_problems_writes_the_workbook(qtbot: Any, focal_ctx: AppContext,
                                           engine: FakeEngine, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(qtbot, focal_ctx, [p.path for p in engine.plans])
    target = tmp_path / "loi.xlsx"
    monkeypatch.setattr(ImportCommands, "pick_save_path", lambda *a, **k: target)
    dialog.save_problems_button.click()
    assert engine.saved == [(engine.plans, target)]
    assert engine.words == ["“nhiều” is not a number.", "This field is required."]
    assert str(target) in dialog.totals.text()


def test_file_pickers_speak_our_language(qtbot: Any, focal_ctx: AppContext) -> None:
    from PySide6.QtWidgets import QFileDialog

    commands = ImportCommands(None, focal_ctx)
    picker = commands.files_dialog()
    assert picker.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert picker.fileMode() == QFileDialog.FileMode.ExistingFiles
    assert picker.labelText(QFileDialog.DialogLabel.Accept) == "Choose"
    folder = commands.folder_dialog()
    assert folder.fileMode() == QFileDialog.FileMode.Directory
    for made in (picker, folder):
        made.deleteLater()


def test_a_folder_means_its_workbooks(tmp_path: Path) -> None:
    (tmp_path / "b.XLSX").write_bytes(b"PK")
    (tmp_path / "a.xlsx").write_bytes(b"PK")
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    (tmp_path / "readme.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    assert expand_paths([tmp_path]) == [tmp_path / "a.xlsx", tmp_path / "b.XLSX"]
    other = tmp_path / "old.xls"
    assert expand_paths([other, tmp_path / "a.xlsx", other]) == [other, tmp_path / "a.xlsx"]


def test_dropping_files_opens_the_dialog_with_those_paths(
        qtbot: Any, focal_ctx: AppContext, engine: FakeEngine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[list[Path]] = []

    def fake_exec(self: ImportDialog) -> int:
        qtbot.waitUntil(lambda: self.runner is None)
        opened.append(list(self.paths))
        return 0

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    window = MainWindow(focal_ctx)
    qtbot.addWidget(window)
    assert window.acceptDrops()
    dropped = [engine.plans[0].path, engine.plans[1].path]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in dropped])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert opened == [dropped]
    assert engine.planned == [(dropped, False)]


def test_undo_asks_first_then_undoes(qtbot: Any, focal_ctx: AppContext, engine: FakeEngine,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [False, True]
    asked: list[str] = []
    told: list[str] = []

    def fake_ask(parent: Any, title: str, text: str, yes: str, no: str) -> bool:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(message_box, "ask", fake_ask)
    monkeypatch.setattr(message_box, "inform",
                        lambda parent, title, text, close: told.append(text))
    page = ImportsPage(focal_ctx)
    qtbot.addWidget(page)
    assert page.undo_button.isEnabled()
    page.undo_button.click()
    assert asked == ["Undo last import"] and engine.undone == 0
    with qtbot.waitSignal(focal_ctx.data_changed):
        page.undo_button.click()
    assert engine.undone == 1
    assert told == ["The last import was undone (2 file(s))."]


def test_real_engine_refuses_a_file_that_is_not_a_workbook(
        qtbot: Any, focal_ctx: AppContext, tmp_path: Path) -> None:
    bogus = tmp_path / "not_a_workbook.xlsx"
    bogus.write_text("hello")
    dialog = _dialog(qtbot, focal_ctx, [bogus])
    assert dialog.plan_model.rowCount() == 1
    assert dialog.plan_model.index(0, PlanModel.OUTCOME).data() == "Refused"
    assert dialog.problem_model.rowCount() >= 1
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    page = ImportsPage(focal_ctx)
    qtbot.addWidget(page)
    assert page.log_model.rowCount() == 0  # the preview wrote nothing


def test_real_import_through_the_dialog_then_undo_from_the_page(
        qtbot: Any, focal_ctx: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No fakes: an agency's real export goes in through the dialog and out again."""
    from desktop_app.core.progress import drive
    from desktop_app.core.services import demo, submissions
    from desktop_app.core.services.status import status

    agency = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(agency, Role.AGENCY, "THA")
        drive(demo.fill_demo(agency, activities=25, seed=3, period=2026))
        exported = tmp_path / "THA_2026_v1.xlsx"
        drive(submissions.export_xlsx(agency, 2026, exported))
    finally:
        agency.close()

    dialog = _dialog(qtbot, focal_ctx, [exported])
    assert dialog.plan_model.index(0, PlanModel.OUTCOME).data() == "New submission"
    assert dialog.import_button.isEnabled()
    assert status(focal_ctx.db)["activities"] == 0  # the preview wrote nothing
    with qtbot.waitSignal(focal_ctx.data_changed, timeout=10_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.runner is None and dialog.summary is not None)
    facts = status(focal_ctx.db)
    assert facts["activities"] == 25 and facts["imports"] == 1 and facts["submissions"] == 1
    dialog.reject()

    page = ImportsPage(focal_ctx)
    qtbot.addWidget(page)
    assert page.log_model.rowCount() == 1
    monkeypatch.setattr(message_box, "ask", lambda *args: True)
    monkeypatch.setattr(message_box, "inform", lambda *args: None)
    with qtbot.waitSignal(focal_ctx.data_changed):
        page.undo_button.click()
    facts = status(focal_ctx.db)
    assert facts["activities"] == 0 and facts["imports"] == 0 and facts["submissions"] == 0


def test_the_log_message_wraps_shows_in_full_on_hover_and_is_copied_whole(
        qtbot: Any, focal_ctx: AppContext, engine: FakeEngine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from PySide6.QtGui import QGuiApplication

    from desktop_app.core.services.imports import ImportLogRow

    long = "The workbook's sheet of indicators has a row without a code. " * 4
    rows = [ImportLogRow(f"b-{n}", f"/inbox/very/long/folder/HNO_2026_v{n}.xlsx",
                         f"{n:x}" * 64, datetime(2026, 3, n, 8, tzinfo=UTC),
                         ImportOutcome.REFUSED, "HNO", 2026, n, None, long, False)
            for n in (1, 2)]
    monkeypatch.setattr(imports, "import_log", lambda db, limit=200: rows)
    page = ImportsPage(focal_ctx)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    view, model = page.log_table, page.log_model
    assert view.wordWrap()
    message = model.index(0, 6)
    assert message.data() == long
    assert long in message.data(Qt.ItemDataRole.ToolTipRole)
    assert view.columnWidth(6) > 300  # the width left, not five characters
    # wrapped on several lines, once shown (ui/widgets/row_heights.py)
    qtbot.waitUntil(lambda: view.rowHeight(0) > view.fontMetrics().height() * 2)
    QGuiApplication.clipboard().clear()
    view.selectAll()
    page.copy_action.trigger()
    copied = QGuiApplication.clipboard().text().split("\n")
    assert len(copied) == 2
    cells = copied[0].split("\t")
    assert cells[1] == "/inbox/very/long/folder/HNO_2026_v1.xlsx"
    assert cells[6] == long and cells[7] == "1" * 64
    assert page.copy_action in view.actions() and page.copy_action.text() == "&Copy"
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_a_cancelled_check_says_so_and_offers_to_check_again(
        qtbot: Any, focal_ctx: AppContext, engine: FakeEngine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    def slow_plan(db: Any, paths: Sequence[Path], *, accept_edited: bool = False,
                  accept_new_key: bool = False) -> Job[list[FilePlan]]:
        for step in range(2000):  # about 20 seconds, unless cancelled
            time.sleep(0.01)
            yield Progress(step, 2000, "read")
        return []

    monkeypatch.setattr(imports, "plan_import", slow_plan)
    paths = [p.path for p in engine.plans]
    dialog = ImportDialog(focal_ctx, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.intro.text() == "Checking 4 file(s)…"
    assert dialog.runner is not None
    dialog.runner.dialog.canceled.emit()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dialog.runner is None, timeout=5000)
    assert dialog.plans is None and dialog.check_cancelled
    assert "cancelled" in dialog.intro.text() and "Checking" not in dialog.intro.text()
    assert dialog.check_again_button.isVisible() and dialog.check_again_button.isEnabled()
    assert not dialog.import_button.isEnabled() and dialog.close_button.isEnabled()

    monkeypatch.setattr(imports, "plan_import", engine.plan_import)
    dialog.check_again_button.click()
    qtbot.waitUntil(lambda: dialog.runner is None and dialog.plans is not None, timeout=5000)
    assert engine.planned == [(paths, False)]
    assert not dialog.check_again_button.isVisible() and not dialog.check_cancelled
    assert dialog.intro.text().startswith("Preview of 4 file(s).")
    assert dialog.import_button.isEnabled()
