"""The main window's wiring: pages, period, status bar, language, carry-over, launch."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop_app.core.domain.enums import PeriodState, Role
from desktop_app.core.domain.models import Agency, AgencyPeriod, Period, Submission, new_uuid
from desktop_app.core.services import activities
from desktop_app.core.services.periods import period_facts
from desktop_app.core.services.status import status
from desktop_app.core.services.submissions import list_submissions
from desktop_app.core.storage.database import Database
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.launch import DUMP_TEXTS_ENV, launch
from desktop_app.ui.main_window import PAGES, MainWindow
from desktop_app.ui.pages.submissions_page import SubmissionsPage

THIS_YEAR = date.today().year

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def _add_submission(db: Database, year: int, version: int = 1) -> None:
    from sqlmodel import col, select

    with db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "VLG")).one()
        period = session.exec(select(Period).where(col(Period.year) == year)).one()
        session.add(Submission(
            uuid=new_uuid(), agency_id=agency.id or 0, period_id=period.id or 0,
            version=version, content_hash="ab12" * 16, created_at=datetime.now(UTC),
            activities=200, indicators=190, results=130, file_name=f"VLG_{year}_v1.xlsx"))


# --- pages and navigation ------------------------------------------------------------


def test_five_pages_switch_with_ctrl_numbers(qtbot: Any, window: MainWindow) -> None:
    assert window.stack.count() == len(PAGES) == 5
    assert [window.navigation.item(i).text() for i in range(5)] == [
        "Overview", "Activities", "Indicators", "Recommendations", "Submissions"]
    qtbot.waitUntil(window.isActiveWindow)
    for number in (3, 5, 2, 4, 1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == number - 1
        assert window.navigation.currentRow() == number - 1
    window.navigation.setCurrentRow(4)
    assert window.current_page_key() == "submissions"
    assert window.page_actions[4].isChecked()


def test_window_is_as_big_as_its_screen_allows(window: MainWindow) -> None:
    from desktop_app.ui.window_geometry import DEFAULT_SIZE, available_area, room

    wanted = DEFAULT_SIZE.boundedTo(room(available_area(window)))
    assert window.width() >= wanted.width() and window.height() >= wanted.height()
    assert window.width() <= available_area(window).width()


def test_menus_a_desktop_user_expects(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Settings", "&Help"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.export_action.isEnabled()  # an agency's database
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert [a.shortcut().toString() for a in window.page_actions] == [
        f"Ctrl+{n}" for n in range(1, 6)]
    assert window.carry_action in window.edit_menu.actions()


# --- period and status bar -------------------------------------------------------------


def test_period_selector_changes_year_and_status_bar(qtbot: Any, window: MainWindow,
                                                     ctx: AppContext) -> None:
    assert window.period_combo.currentText() == str(THIS_YEAR)
    assert f"Period {THIS_YEAR}" in window.status_text()
    # the data range of Decree 09/2019 (the default: 15 December of the year before on)
    assert f" · data 15/12/{THIS_YEAR - 1}–14/12/{THIS_YEAR}" in window.period_status.text()
    index = window.period_combo.findData(THIS_YEAR - 1)
    with qtbot.waitSignal(ctx.period_changed) as changed:
        window.period_combo.setCurrentIndex(index)
    assert changed.args == [THIS_YEAR - 1]
    assert ctx.year == THIS_YEAR - 1
    assert f"Period {THIS_YEAR - 1}" in window.status_text()
    assert str(THIS_YEAR) not in window.period_status.text()


def test_status_bar_shows_agency_name_with_diacritics(qtbot: Any, vi_ctx: AppContext) -> None:
    window = MainWindow(vi_ctx)
    qtbot.addWidget(window)
    assert "VLG · Vĩnh Long" in window.status_text()
    assert "Vĩnh Long" in window.windowTitle()
    assert window.period_status.text().startswith(
        f"Kỳ báo cáo {THIS_YEAR} · số liệu từ 15/12/{THIS_YEAR - 1} đến 14/12/{THIS_YEAR}")


def test_status_bar_shows_the_period_state(qtbot: Any, window: MainWindow,
                                           ctx: AppContext) -> None:
    assert window.state_status.text() == "State: Open"
    _add_submission(ctx.db, THIS_YEAR)
    ctx.data_changed.emit()
    assert window.state_status.text() == "State: Submitted"


def test_period_state_rules(agency_db: Database) -> None:
    assert period_facts(agency_db, THIS_YEAR).state is PeriodState.OPEN
    _add_submission(agency_db, THIS_YEAR)
    assert period_facts(agency_db, THIS_YEAR).state is PeriodState.SUBMITTED
    from sqlmodel import col, select

    with agency_db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "VLG")).one()
        period = session.exec(select(Period).where(col(Period.year) == THIS_YEAR)).one()
        session.add(AgencyPeriod(agency_id=agency.id or 0, period_id=period.id or 0,
                                 locked=True))
    facts = period_facts(agency_db, THIS_YEAR)
    assert facts.state is PeriodState.LOCKED
    assert facts.role is Role.AGENCY and facts.agency_name("vi") == "Vĩnh Long"
    assert period_facts(agency_db, THIS_YEAR - 1).state is PeriodState.OPEN


# --- language --------------------------------------------------------------------------


VIETNAMESE = {"&File": "&Tệp", "&Edit": "&Sửa", "&View": "&Xem", "&Settings": "&Cài đặt",
              "&Help": "&Trợ giúp", "Overview": "Tổng quan"}


def compile_translation(folder: Path, words: dict[str, str]) -> None:
    """A small real .qm (the project's own come with the translation work)."""
    from xml.sax.saxutils import escape

    messages = "".join(
        f"<message><source>{escape(en)}</source><translation>{escape(vi)}</translation>"
        "</message>" for en, vi in words.items())
    ts = folder / "nap_reporter_vi.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
                  '<TS version="2.1" language="vi_VN"><context><name>MainWindow</name>'
                  f"{messages}</context></TS>", encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(folder / "nap_reporter_vi.qm")],
                   check=True, capture_output=True)


def test_language_switch_retranslates_without_losing_state(
        qtbot: Any, window: MainWindow, ctx: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui import app

    compile_translation(tmp_path, VIETNAMESE)
    monkeypatch.setattr(app, "translations_dir", lambda: str(tmp_path))
    window.show_page(3)
    window.set_period(THIS_YEAR - 1)
    with qtbot.waitSignal(ctx.language_changed):
        window.language_actions["vi"].trigger()
    assert ctx.lang == "vi"
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Tệp", "&Sửa", "&Xem", "&Cài đặt", "&Trợ giúp"]
    assert window.navigation.item(0).text() == "Tổng quan"
    assert "Vĩnh Long" in window.status_text()
    assert window.stack.currentIndex() == 3 and ctx.year == THIS_YEAR - 1  # nothing lost
    window.language_actions["en"].trigger()
    assert ctx.lang == "en"
    assert window.file_menu.title() == "&File"
    assert window.language_actions["en"].isChecked()


# --- carry over --------------------------------------------------------------------------


def test_carry_over_copies_unfinished_activities_after_asking(
        qtbot: Any, window: MainWindow, ctx: AppContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    questions: list[str] = []

    def ask(_parent: Any, _title: str, text: str, yes: str, no: str) -> bool:
        questions.append(text)
        return len(questions) == 1  # yes to "copy?", then stay on this period

    monkeypatch.setattr(message_box, "ask", ask)
    unfinished = sum(1 for r in activities.list_activities(ctx.db, THIS_YEAR)
                     if r.status not in ("completed", "cancelled"))
    assert window.carry_action.isEnabled()
    with qtbot.waitSignal(ctx.data_changed, timeout=10000):
        window.carry_action.trigger()
    qtbot.waitUntil(lambda: not window.runners)
    assert f"Copy the {unfinished} unfinished activities" in questions[0]
    assert len(activities.list_activities(ctx.db, THIS_YEAR + 1)) == unfinished
    assert f"{unfinished} activities were carried from {THIS_YEAR} into {THIS_YEAR + 1}" in (
        questions[1])
    assert ctx.year == THIS_YEAR
    told: list[str] = []
    monkeypatch.setattr(message_box, "inform", lambda _p, _t, text, _b: told.append(text))
    window.carry_action.trigger()  # a second time: nothing left to copy, nothing asked
    assert told == [f"Every unfinished activity of {THIS_YEAR} has already been carried "
                    f"into {THIS_YEAR + 1}."] and len(questions) == 2
    assert not window.runners


def test_carry_over_declined_writes_nothing(qtbot: Any, window: MainWindow, ctx: AppContext,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(message_box, "ask", lambda *args: False)
    window.carry_action.trigger()
    assert activities.list_activities(ctx.db, THIS_YEAR + 1) == []
    assert not window.runners


# --- other states --------------------------------------------------------------------------


def test_uninitialised_database_shows_an_empty_state(qtbot: Any, qapp: Any,
                                                    empty_db: Database) -> None:
    window = MainWindow(AppContext(empty_db, "en"))
    qtbot.addWidget(window)
    assert window.pages == {}
    assert "not set up yet" in window.empty_state.text()
    assert not window.carry_action.isEnabled()
    assert window.status_text() == "Not set up yet"


def test_submissions_page_empty_then_listed(qtbot: Any, ctx: AppContext) -> None:
    page = SubmissionsPage(ctx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    assert page.body.currentWidget() is page.empty
    assert "No submission exported yet" in page.empty.text()
    _add_submission(ctx.db, THIS_YEAR)
    ctx.data_changed.emit()
    assert page.body.currentWidget() is page.table
    assert page.model.rowCount() == 1
    cells = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert cells[:3] == ["VLG", str(THIS_YEAR), "1"]
    assert cells[4] == "ab12ab12ab12" and cells[5:8] == ["200", "190", "130"]
    assert [r.version for r in list_submissions(ctx.db)] == [1]


# --- launch ----------------------------------------------------------------------------------


def _image_size(path: Path) -> tuple[int, int]:
    image = QImage(str(path))
    assert not image.isNull()
    return image.width(), image.height()


def test_screenshot_of_the_agency_database(qapp: Any, agency_db_path: Path,
                                           tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    assert launch(agency_db_path, lang="vi", demo=False, screenshot=shot) == 0
    width, height = _image_size(shot)
    assert (width, height) == (1366, 768)  # an old laptop's screen


def test_a_screenshot_waits_for_a_slow_first_page(
        qapp: Any, agency_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big period's overview is read on a worker: the picture shows what it read, not
    the busy bar (it did, at 100,000 activities)."""
    from desktop_app.ui.pages import overview_page

    real = overview_page.overview

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(1.0)  # longer than the settling before the picture
        return real(*args, **kwargs)

    monkeypatch.setattr(overview_page, "small_period", lambda db, year: False)
    monkeypatch.setattr(overview_page, "overview", slow)
    texts = tmp_path / "texts.txt"
    monkeypatch.setenv(DUMP_TEXTS_ENV, str(texts))
    assert launch(agency_db_path, lang="vi", demo=False, screenshot=tmp_path / "s.png") == 0
    shown = texts.read_text(encoding="utf-8")
    assert "Đang đọc số liệu tổng quan" not in shown
    assert "Tiến độ theo lĩnh vực" in shown, shown


def test_demo_screenshot_fills_the_demo_database_once(qapp: Any, tmp_path: Path) -> None:
    demo_db, shot = tmp_path / "demo.sqlite", tmp_path / "demo.png"
    assert launch(demo_db, lang="en", demo=True, screenshot=shot) == 0
    assert _image_size(shot)[0] >= 1280
    db = Database.open(demo_db)
    try:
        facts = status(db)
        assert (facts["role"], facts["agency"]) == ("agency", "VLG")
        assert facts["activities"] == 550
        assert launch(demo_db, lang="en", demo=True, screenshot=shot) == 0
        assert status(db)["activities"] == 550  # filled on first use only
    finally:
        db.close()


def test_screenshot_of_an_uninitialised_database_leaves_it_alone(
        qapp: Any, tmp_path: Path) -> None:
    path, shot = tmp_path / "new.sqlite", tmp_path / "new.png"
    assert launch(path, lang="en", demo=False, screenshot=shot) == 0
    assert _image_size(shot)[0] >= 1280
    db = Database.open(path)
    try:
        assert status(db)["role"] is None
    finally:
        db.close()


def test_unwritable_screenshot_is_refused_in_both_languages(
        qapp: Any, agency_db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "shot.png"
    assert launch(agency_db_path, lang="vi", demo=False, screenshot=target) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Không ghi được ảnh") and err[1].startswith("Cannot write")
    assert not target.exists()


def test_no_display_prints_the_message_and_exits_3(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    path = tmp_path / "never.sqlite"
    assert launch(path, lang="vi", demo=False, screenshot=None) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Không có màn hình") and err[1].startswith("There is no display")
    assert "--screenshot" in err[0] and "xvfb-run" in err[1]
    assert not path.exists()


def test_no_display_through_the_command_line(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import main

    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["--lang", "en"]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("There is no display") and err[1].startswith("Không có màn hình")


def test_edit_menu_holds_the_activities_page_actions(window: MainWindow) -> None:
    offered = window.pages["activities"].edit_actions().offered()
    assert set(offered) == {"undo", "redo", "new", "delete", "find"}
    menu = window.edit_menu.actions()
    for name, own in offered.items():
        assert own in menu and window.edit_actions[name] is own
