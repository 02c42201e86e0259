"""The focal point's overview: the agencies that have not reported, with their contacts.

The rows are the reminder list's (services/contacts.py, the completeness grid's rule),
not a second count; the button saves the reminder list through the window's File >
Reminder list command. The agency's overview keeps its tasks and indicators.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.services.contacts import reminder_list, set_contact
from desktop_app.core.services.overview import overview
from desktop_app.core.storage.database import Database
from desktop_app.ui.app import create_application, install_translator
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.overview_page import OverviewPage
from tests.ui.conftest import focal_template, opened_copy

YEAR = 2025
TODAY = date(YEAR, 12, 20)  # past the 15/12/2025 due date
pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def _focal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return focal_template(tmp_path_factory.mktemp("focal-overview") / "focal.sqlite", (40, 3, YEAR))


@pytest.fixture
def focal_db(_focal_template: Path, tmp_path: Path) -> Iterator[Database]:
    yield from opened_copy(_focal_template, tmp_path)


def _ctx(lang: str, db: Database) -> AppContext:
    create_application(lang)
    context = AppContext(db, lang)
    context.set_year(YEAR)
    return context


@pytest.fixture
def fctx(qapp: Any, focal_db: Database) -> Iterator[AppContext]:
    yield _ctx("en", focal_db)
    install_translator("en")


def _page(qtbot: Any, ctx: AppContext) -> OverviewPage:
    page = OverviewPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def test_the_focal_overview_lists_the_agencies_not_reported_with_contacts(
        qtbot: Any, fctx: AppContext) -> None:
    missing = reminder_list(fctx.db, YEAR, today=TODAY).rows
    assert missing, "the demo leaves some agencies without a submission"
    first = missing[0]
    set_contact(fctx.db, first.code, contact_person="Nguyễn Thị Hoa", phone="0270 3822 111",
                email="hoa@example.gov.vn")
    page = _page(qtbot, fctx)
    o = page.overview
    assert o is not None and o.agencies_due is not None and o.agencies_due > len(missing)
    rows = reminder_list(fctx.db, YEAR, today=TODAY).rows
    assert o.not_reported == rows  # the reminder list's own rows
    model = page.not_reported.model
    assert model.rowCount() == len(rows)
    assert [model.line(r).cells[0] for r in range(len(rows))] == [
        r.name_en or r.name_vi for r in rows]
    assert model.line(0).cells[1] == "Nguyễn Thị Hoa · 0270 3822 111 · hoa@example.gov.vn"
    assert "0270 3822 111" in model.line(0).tooltip
    assert page.not_reported.table.isVisibleTo(page) and page.not_reported.button.isEnabled()
    assert page.not_reported.label.text() == (
        f"Agencies that have not reported for {YEAR}: {len(rows)} of {o.agencies_due}")
    # the agency's lists of tasks and indicators are not the focal point's business
    for widget in (page.missing_tasks_table, page.missing_results_table,
                   page.missing_results_label):
        assert not widget.isVisibleTo(page)
    assert page.missing_box.title() == "Agencies that have not reported"
    assert page.recommendations_box.title() == (
        "Recommendations (the cycle in force first; ★ follow-up)")


def test_the_focal_overview_in_vietnamese(qtbot: Any, focal_db: Database, qapp: Any) -> None:
    ctx = _ctx("vi", focal_db)
    try:
        page = _page(qtbot, ctx)
        o = page.overview
        assert o is not None and o.agencies_due is not None
        assert page.not_reported.label.text() == (
            f"Cơ quan chưa gửi báo cáo năm {YEAR}: {len(o.not_reported)} trên {o.agencies_due}")
        assert page.not_reported.model.line(0).cells[0] == o.not_reported[0].name_vi
        assert page.not_reported.button.text() == "Lưu danh sách nhắc báo cáo…"
        assert page.recommendations_box.title() == (
            "Khuyến nghị (chu kỳ đang thực hiện xếp trước; ★ thuộc thủ tục theo dõi)")
    finally:
        install_translator("en")


def test_the_button_saves_the_reminder_list(qtbot: Any, fctx: AppContext, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(fctx)
    qtbot.addWidget(window)
    page = window.pages["overview"]
    assert isinstance(page, OverviewPage)
    target = tmp_path / "nhac.xlsx"
    monkeypatch.setattr(window.import_commands(), "pick_save_path", lambda *a: target)
    said: list[str] = []
    monkeypatch.setattr(message_box, "inform", lambda _w, _t, text, *a: said.append(text))
    page.not_reported.button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert target.exists() and str(target) in said[0]
    qtbot.waitUntil(lambda: not window.runners)


def test_the_agency_overview_is_unchanged(qtbot: Any, ctx: AppContext) -> None:
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    page.show()
    o = page.overview
    assert o is not None and o.agencies_due is None and o.not_reported == ()
    assert o == overview(ctx.db, ctx.year)
    for widget in (page.not_reported.label, page.not_reported.table, page.not_reported.button):
        assert not widget.isVisibleTo(page)
    assert page.missing_tasks_label.isVisibleTo(page)
    assert page.missing_box.title() == "Still missing for this period's submission"
    assert page.missing_results_model.rowCount() == len(o.missing_results)
