"""The export dialog and the Submissions page: names, the job through run_job, the lock."""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton
from sqlmodel import col, select

from desktop_app.core.domain.enums import PeriodState
from desktop_app.core.domain.models import AuditEvent
from desktop_app.core.exchange.submission import PreparedSubmission
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.periods import lock_period, period_state
from desktop_app.core.services.submissions import list_submissions, preview_submission
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import export_dialog as export_module
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.export_dialog import ExportDialog
from desktop_app.ui.pages import submissions_page as page_module
from desktop_app.ui.pages.submissions_page import SubmissionsPage, UnlockDialog

THIS_YEAR = date.today().year

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot: Any, ctx: AppContext, tmp_path: Path) -> ExportDialog:
    made = ExportDialog(ctx)
    qtbot.addWidget(made)
    made.folder_edit.setText(str(tmp_path))
    _version_known(qtbot, made)
    return made


def _version_known(qtbot: Any, dialog: ExportDialog) -> None:
    qtbot.waitUntil(dialog.version_known, timeout=10000)


def _fake_exporter(calls: list[tuple[str, int, Path]],
                   fail: str | None = None) -> Any:
    def exporter(fmt: str) -> Any:
        def job(db: Any, year: int, path: Path) -> Job[PreparedSubmission]:
            calls.append((fmt, year, path))
            yield Progress(0, 2, fmt)
            if fmt == fail:
                raise RefusedError.of("file.cannot_write", file=str(path), detail="disk full")
            path.write_bytes(b"PK fake " + fmt.encode())
            yield Progress(2, 2, fmt)
            return preview_submission(db, year)

        return job

    return exporter


def test_file_names_are_ready_for_email(qtbot: Any, dialog: ExportDialog,
                                        ctx: AppContext) -> None:
    assert dialog.year() == THIS_YEAR
    assert dialog.xlsx_check.isChecked() and dialog.pdf_check.isChecked()
    assert dialog.file_names() == [f"VLG_{THIS_YEAR}_v1.xlsx", f"VLG_{THIS_YEAR}_v1.pdf"]
    assert dialog.names_label.text() == f"VLG_{THIS_YEAR}_v1.xlsx\nVLG_{THIS_YEAR}_v1.pdf"
    assert "first export" in dialog.version_label.text()
    dialog.pdf_check.setChecked(False)
    assert dialog.file_names() == [f"VLG_{THIS_YEAR}_v1.xlsx"]
    dialog.xlsx_check.setChecked(False)
    assert dialog.file_names() == [] and not dialog.export_button.isEnabled()
    dialog.pdf_check.setChecked(True)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData(THIS_YEAR - 1))
    _version_known(qtbot, dialog)
    assert dialog.file_names() == [f"VLG_{THIS_YEAR - 1}_v1.pdf"]
    assert dialog.export_button.isEnabled()
    dialog.folder_edit.setText("  ")
    assert not dialog.export_button.isEnabled()


def test_the_version_is_worked_out_on_a_worker_while_the_dialog_answers(
        qtbot: Any, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview hashes the whole period: the dialog is shown and says so meanwhile,
    Export waits for the version, and the answer fills the names in."""
    from desktop_app.core.services import submissions

    release = threading.Event()
    threads: list[bool] = []
    real_preview = submissions.preview_submission

    def slow_preview(db: Any, year: int) -> PreparedSubmission:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return real_preview(db, year)

    monkeypatch.setattr(submissions, "preview_submission", slow_preview)
    made = ExportDialog(ctx)
    qtbot.addWidget(made)
    made.folder_edit.setText(str(tmp_path))
    try:
        assert made.reading_version()
        assert made.version_label.text() == "Working out the version of the files…"
        assert made.names_label.text() == "…" and not made.export_button.isEnabled()
        made.export()  # nothing to export before the names are known
        assert made.runner is None
    finally:
        release.set()
    _version_known(qtbot, made)
    assert threads == [False]
    assert made.names_label.text() == f"VLG_{THIS_YEAR}_v1.xlsx\nVLG_{THIS_YEAR}_v1.pdf"
    assert "first export" in made.version_label.text() and made.export_button.isEnabled()


def test_a_refused_preview_is_said_in_the_dialog(
        qtbot: Any, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.services import submissions

    def refused(db: Any, year: int) -> PreparedSubmission:
        raise RefusedError.of("file.cannot_write", file="x.xlsx", detail="disk full")

    monkeypatch.setattr(submissions, "preview_submission", refused)
    made = ExportDialog(ctx)
    qtbot.addWidget(made)
    made.folder_edit.setText(str(tmp_path))
    _version_known(qtbot, made)
    assert "disk full" in made.problem_label.text()
    assert made.names_label.text() == "—" and not made.export_button.isEnabled()


def test_export_runs_through_run_job_and_shows_the_folder(
        qtbot: Any, dialog: ExportDialog, ctx: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, int, Path]] = []
    monkeypatch.setattr(export_module, "exporter", _fake_exporter(calls))
    started: list[str] = []
    real_run_job = export_module.run_job

    def spy(parent: Any, factory: Any, title: str, **kwargs: Any) -> Any:
        started.append(title)
        return real_run_job(parent, factory, title, **kwargs)

    monkeypatch.setattr(export_module, "run_job", spy)
    opened: list[QUrl] = []
    monkeypatch.setattr(export_module.QDesktopServices, "openUrl",
                        lambda url: opened.append(url) or True)
    with qtbot.waitSignal(ctx.data_changed, timeout=5000):
        dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.runner is None, timeout=5000)
    assert started == ["Exporting the submission"]
    names = [f"VLG_{THIS_YEAR}_v1.xlsx", f"VLG_{THIS_YEAR}_v1.pdf"]
    assert calls == [("xlsx", THIS_YEAR, tmp_path / names[0]),
                     ("pdf", THIS_YEAR, tmp_path / names[1])]
    assert sorted(p.name for p in tmp_path.glob("VLG_*")) == sorted(names)
    assert dialog.pages.currentWidget() is dialog.done_page
    shown = dialog.done_label.text()
    assert str(tmp_path) in shown and all(name in shown for name in names)
    assert dialog.open_button.isVisible() or not dialog.isVisible()
    assert not dialog.export_button.isVisibleTo(dialog)
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert export_module.load_preferences()[export_module.EXPORT_FOLDER] == str(tmp_path)


def test_a_refused_export_is_shown_in_both_languages(
        qtbot: Any, dialog: ExportDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, int, Path]] = []
    monkeypatch.setattr(export_module, "exporter", _fake_exporter(calls, fail="pdf"))
    shown: list[list[str]] = []
    monkeypatch.setattr(message_box, "show_error", lambda parent, title, error, lang: shown.append(
        message_box.error_lines(error, lang)))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.runner is None, timeout=5000)
    assert [fmt for fmt, *_ in calls] == ["xlsx", "pdf"]
    [lines] = shown
    assert "disk full" in lines[0] and len(lines) == 2
    assert dialog.pages.currentWidget() is dialog.form
    _version_known(qtbot, dialog)  # read again: the first format may have been written
    assert dialog.export_button.isEnabled()


def test_a_real_xlsx_export_enters_the_register(
        qtbot: Any, dialog: ExportDialog, ctx: AppContext, tmp_path: Path) -> None:
    dialog.pdf_check.setChecked(False)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.runner is None, timeout=30000)
    assert (tmp_path / f"VLG_{THIS_YEAR}_v1.xlsx").is_file()
    [row] = list_submissions(ctx.db)
    assert (row.version, row.file_name) == (1, f"VLG_{THIS_YEAR}_v1.xlsx")
    assert period_state(ctx.db, THIS_YEAR) is PeriodState.SUBMITTED
    _version_known(qtbot, dialog)
    assert "again" in dialog.version_label.text()  # nothing changed since


def test_the_folder_picker_speaks_vietnamese(qtbot: Any, vi_ctx: AppContext,
                                             tmp_path: Path) -> None:
    made = ExportDialog(vi_ctx)
    qtbot.addWidget(made)
    _version_known(qtbot, made)
    assert made.windowTitle() == "Xuất báo cáo"
    assert made.export_button.text() == "&Xuất" and made.close_button.text() == "Đóng"
    picker = made.folder_dialog()
    qtbot.addWidget(picker)
    assert picker.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert picker.labelText(QFileDialog.DialogLabel.Accept) == "Chọn"
    assert picker.labelText(QFileDialog.DialogLabel.Reject) == "Hủy"
    assert picker.labelText(QFileDialog.DialogLabel.LookIn) == "Tìm trong:"
    buttons = {b.text().replace("&", "") for b in picker.findChildren(QPushButton)
               if b.isVisibleTo(picker)}
    assert {"Chọn", "Hủy"} <= buttons
    for english in ("Open", "Cancel", "Choose", "Look in:", "Directory:"):
        assert english not in buttons
        assert english not in {label.text() for label in picker.findChildren(QLabel)}


# --- the Submissions page ------------------------------------------------------------------


@pytest.fixture
def page(qtbot: Any, ctx: AppContext) -> SubmissionsPage:
    made = SubmissionsPage(ctx)
    qtbot.addWidget(made)
    made.show()  # a page reads when it is first shown
    return made


def test_the_page_lists_the_register(page: SubmissionsPage, ctx: AppContext,
                                     tmp_path: Path) -> None:
    from desktop_app.core.progress import drive
    from desktop_app.core.services.submissions import export_xlsx

    assert page.body.currentWidget() is page.empty
    assert "is open" in page.state_label.text()
    drive(export_xlsx(ctx.db, THIS_YEAR, tmp_path / "a.xlsx"))
    ctx.data_changed.emit()
    assert page.body.currentWidget() is page.table
    [row] = list_submissions(ctx.db)
    cells = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert cells[:3] == ["VLG", str(THIS_YEAR), "1"]
    assert cells[4] == row.content_hash[:12] and cells[-1] == "a.xlsx"
    assert cells[5] == str(row.activities) == "200"
    assert "is submitted" in page.state_label.text()


def _audit(ctx: AppContext, action: str) -> list[dict[str, Any]]:
    with ctx.db.reading() as session:
        return [json.loads(e.detail) for e in session.exec(
            select(AuditEvent).where(col(AuditEvent.action) == action))]


def test_lock_then_unlock_with_a_reason(qtbot: Any, page: SubmissionsPage, ctx: AppContext,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert page.lock_button.isEnabled() and not page.unlock_button.isEnabled()
    monkeypatch.setattr(page_module, "confirm_lock", lambda parent, year: False)
    page.lock_button.click()
    assert period_state(ctx.db, THIS_YEAR) is PeriodState.OPEN
    monkeypatch.setattr(page_module, "confirm_lock", lambda parent, year: True)
    with qtbot.waitSignal(ctx.data_changed):
        page.lock_button.click()
    assert period_state(ctx.db, THIS_YEAR) is PeriodState.LOCKED
    assert "is locked" in page.state_label.text()
    assert not page.lock_button.isEnabled() and page.unlock_button.isEnabled()

    monkeypatch.setattr(page_module, "ask_unlock_reason", lambda parent, year: None)
    page.unlock_button.click()  # cancelled: still locked
    assert period_state(ctx.db, THIS_YEAR) is PeriodState.LOCKED
    asked: list[int] = []
    monkeypatch.setattr(page_module, "ask_unlock_reason",
                        lambda parent, year: asked.append(year) or "Bổ sung kết quả")
    with qtbot.waitSignal(ctx.data_changed):
        page.unlock_button.click()
    assert asked == [THIS_YEAR]
    assert period_state(ctx.db, THIS_YEAR) is PeriodState.OPEN
    assert _audit(ctx, "period.unlocked") == [
        {"agency": "VLG", "period": THIS_YEAR, "reason": "Bổ sung kết quả"}]
    assert page.lock_button.isEnabled() and not page.unlock_button.isEnabled()


def test_a_refused_lock_is_shown(page: SubmissionsPage, ctx: AppContext,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lock_period(ctx.db, THIS_YEAR)  # behind the page's back
    monkeypatch.setattr(page_module, "confirm_lock", lambda parent, year: True)
    shown: list[str] = []
    monkeypatch.setattr(message_box, "show_error",
                        lambda parent, title, error, lang: shown.append(error.problems[0].code))
    page.lock()
    assert shown == ["period.already_locked"]
    assert not page.lock_button.isEnabled()  # refreshed


def test_the_reason_dialog_refuses_an_empty_reason(qtbot: Any, qapp: Any,
                                                   vi_ctx: AppContext) -> None:
    dialog = UnlockDialog(THIS_YEAR)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Mở khóa kỳ báo cáo {THIS_YEAR}"
    assert dialog.cancel_button.text() == "Hủy"
    assert not dialog.unlock_button.isEnabled()
    dialog.reason_edit.setPlainText("   \n ")
    assert not dialog.unlock_button.isEnabled()
    dialog.accept()
    assert dialog.result() != UnlockDialog.DialogCode.Accepted
    dialog.reason_edit.setPlainText(" Thêm kết quả quý IV ")
    assert dialog.unlock_button.isEnabled()
    assert dialog.reason() == "Thêm kết quả quý IV"


def test_the_export_button_opens_the_dialog(page: SubmissionsPage,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self) or 0)
    page.export_button.click()
    assert len(opened) == 1 and opened[0].year() == THIS_YEAR


def test_file_menu_export_opens_the_dialog(qtbot: Any, ctx: AppContext,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    opened: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self) or 0)
    assert window.export_action.isEnabled()
    window.export_action.trigger()
    assert len(opened) == 1


