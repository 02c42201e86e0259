"""The blank template workbook: marker, dropdowns from hidden lists, validations, protection."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.enums import ActivityStatus, ActivityType, Role
from desktop_app.core.domain.label_reading import code_of
from desktop_app.core.domain.labels import labels
from desktop_app.core.exchange.columns import ACTIVITIES, INDICATORS, LINKS, Kind
from desktop_app.core.exchange.template import (
    FIRST_ROW,
    FORMAT_NAME,
    FORMAT_VERSION,
    GENERAL_CELLS,
    GENERAL_SHEET,
    INPUT_ROWS,
    LISTS_SHEET,
    MARKER_SHEET,
    TEMPLATE_SHEETS,
    parse_choice,
    write_template,
)
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.templates import (
    catalog_of_document,
    make_template,
    template_catalog,
)
from desktop_app.core.storage.database import Database

NOW = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
RANGE = re.compile(
    r"^'?(?P<sheet>[^'!]+)'?!\$(?P<col>[A-Z]+)\$(?P<first>\d+):\$[A-Z]+\$(?P<last>\d+)$")
DATA_SHEETS = [sheet.title for sheet, _ in TEMPLATE_SHEETS]


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mau-bao-cao.xlsx"
    write_template(path, catalog_of_document(read_bundled_catalog()), period=2026, now=NOW)
    return path


@pytest.fixture(scope="module")
def workbook(template_path: Path) -> Iterator[Workbook]:
    wb = openpyxl.load_workbook(template_path)
    yield wb
    wb.close()


def _marker(wb: Workbook) -> dict[str, str | None]:
    return {str(key): value for key, value, *_ in wb[MARKER_SHEET].iter_rows(values_only=True)}


def _list_items(wb: Workbook, reference: str) -> list[object]:
    found = RANGE.match(reference)
    assert found, reference
    assert found["sheet"] == LISTS_SHEET
    ws = wb[found["sheet"]]
    column = found["col"]
    return [ws[f"{column}{row}"].value
            for row in range(int(found["first"]), int(found["last"]) + 1)]


def _validations(wb: Workbook, sheet: str) -> dict[str, object]:
    """First column letter of each validation's range -> the validation."""
    found = {}
    for dv in wb[sheet].data_validations.dataValidation:
        first = str(dv.sqref).split(":")[0]
        found[re.sub(r"\d", "", first)] = dv
    return found


def _letter(sheet_title: str, key: str) -> str:
    columns = dict(TEMPLATE_SHEETS)[next(s for s, _ in TEMPLATE_SHEETS if s.title == sheet_title)]
    return openpyxl.utils.get_column_letter([c.key for c in columns].index(key) + 1)


def test_the_marker_sheet_identifies_the_template(workbook: Workbook) -> None:
    assert workbook[MARKER_SHEET].sheet_state == "hidden"
    marker = _marker(workbook)
    assert marker["format"] == FORMAT_NAME == "nap-reporter-template"
    assert marker["format_version"] == str(FORMAT_VERSION) == "1"
    assert marker["catalog_version"] == str(read_bundled_catalog()["version"])
    assert marker["period"] == "2026"
    assert marker["created_at"] == "2026-11-02T08:30:00+00:00"
    assert marker["input_rows"] == str(INPUT_ROWS)


def test_sheets_in_order_instructions_first_hidden_ones_last(workbook: Workbook) -> None:
    names = workbook.sheetnames
    assert names[0] == "Hướng dẫn" and names[1] == GENERAL_SHEET
    assert names[2:5] == [ACTIVITIES.title, INDICATORS.title, LINKS.title]
    assert names[-2:] == [LISTS_SHEET, MARKER_SHEET]
    assert [workbook[n].sheet_state for n in names[-2:]] == ["hidden", "hidden"]
    assert all(workbook[n].sheet_state == "visible" for n in names[:-2])
    instructions = " ".join(str(c.value) for c in workbook[names[0]]["A"] if c.value)
    vi, en = instructions.index("Cách điền"), instructions.index("How to fill it in")
    assert vi < en
    for words in ("dd/mm/yyyy", "STT", "Không được thay đổi", "Do not change",
                  "Xây dựng, hoàn thiện pháp luật", "Awareness raising"):
        assert words in instructions


def test_every_dropdown_takes_its_list_from_the_hidden_sheet(workbook: Workbook) -> None:
    count = 0
    for ws in workbook.worksheets:
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list":
                count += 1
                assert RANGE.match(dv.formula1), (ws.title, dv.formula1)  # never inline
                assert '"' not in dv.formula1 and "," not in dv.formula1
    assert count == 2 + 3 + 1 + 1  # agency, period; task, type, status; task; recommendation


def _general_list(wb: Workbook, key: str) -> list[object]:
    [dv] = [dv for dv in wb[GENERAL_SHEET].data_validations.dataValidation
            if str(dv.sqref) == GENERAL_CELLS[key]]
    assert dv.type == "list"
    return _list_items(wb, dv.formula1)


def test_lists_hold_the_whole_catalog(workbook: Workbook) -> None:
    catalog = catalog_of_document(read_bundled_catalog())
    agencies = _general_list(workbook, "agency")
    assert [parse_choice(a) for a in agencies] == [a.code for a in catalog.agencies]
    activities = _validations(workbook, ACTIVITIES.title)

    def items(key: str, validations: dict[str, object] = activities,
              sheet: str = ACTIVITIES.title) -> list[object]:
        return _list_items(workbook, validations[_letter(sheet, key)].formula1)  # type: ignore[attr-defined]

    assert [parse_choice(t) for t in items("task_code")] == [t.code for t in catalog.tasks]
    assert len(catalog.tasks) == len(read_bundled_catalog()["tasks"])
    types = items("type")
    # the type and status dropdowns list the labels only, which read back as the codes
    assert types == list(labels(ActivityType, "vi").values())
    assert "Xây dựng, hoàn thiện pháp luật" in types and "legislative" not in str(types)
    assert [code_of(ActivityType, str(t)) for t in types] == [t.value for t in ActivityType]
    statuses = items("status")
    assert statuses == list(labels(ActivityStatus, "vi").values())
    assert [code_of(ActivityStatus, str(s)) for s in statuses] == [
        s.value for s in ActivityStatus]
    indicators = _validations(workbook, INDICATORS.title)
    assert items("task_code", indicators, INDICATORS.title) == items("task_code")
    recs = items("recommendation_code", _validations(workbook, LINKS.title), LINKS.title)
    assert [parse_choice(r) for r in recs] == [r.code for r in catalog.recommendations]
    assert len(recs) == len(read_bundled_catalog()["recommendations"])
    assert all(len(str(r)) <= 120 for r in recs)  # cut labels; full texts on "Danh mục"


def test_the_period_dropdown_lists_the_catalog_years(workbook: Workbook) -> None:
    years = sorted(int(p["year"]) for p in read_bundled_catalog()["periods"])
    assert _general_list(workbook, "period") == years
    assert workbook[GENERAL_SHEET][GENERAL_CELLS["period"]].value == 2026


def test_agencies_are_the_34_provincial_units_and_the_ministries_in_vietnamese(
        workbook: Workbook) -> None:
    doc = read_bundled_catalog()
    kinds = {a["code"]: a["kind"] for a in doc["agencies"]}
    items = [str(i) for i in _general_list(workbook, "agency")]
    provincial = [i for i in items if kinds[parse_choice(i)] in ("city", "province")]
    assert len(provincial) == 34
    assert items[:34] == provincial  # cities and provinces first
    ministries = [i for i in items if kinds[parse_choice(i)] == "ministry"]
    assert len(ministries) >= 10
    assert all(i.split(" — ")[1].startswith("Bộ ") for i in ministries)
    for name in ("HNI — Hà Nội", "HCM — Thành phố Hồ Chí Minh", "VLG — Vĩnh Long",
                 "DLK — Đắk Lắk", "THA — Thanh Hóa", "BCA — Bộ Công an"):
        assert name in items
    assert any(i.endswith(" — Bộ Tư pháp") for i in items)
    assert len(items) == sum(1 for a in doc["agencies"] if a.get("active", True))


def test_date_and_number_columns_are_validated_with_vietnamese_messages(
        workbook: Workbook) -> None:
    for sheet, columns in TEMPLATE_SHEETS:
        validations = _validations(workbook, sheet.title)
        for index, column in enumerate(columns, start=1):
            letter = openpyxl.utils.get_column_letter(index)
            dv = validations.get(letter)
            if column.key == "stt":
                assert dv is None
                continue
            if column.kind is Kind.DATE:
                assert dv is not None and dv.type == "date", (sheet.title, column.key)  # type: ignore[attr-defined]
                assert "dd/mm/yyyy" in dv.error  # type: ignore[attr-defined]
                assert workbook[sheet.title][f"{letter}{FIRST_ROW}"].number_format == "DD/MM/YYYY"
            elif column.kind is Kind.INTEGER:
                assert dv is not None and dv.type == "whole", (sheet.title, column.key)  # type: ignore[attr-defined]
                assert "số nguyên" in dv.error or "STT" in dv.error  # type: ignore[attr-defined]
            elif column.kind is Kind.NUMBER:
                assert dv is not None and dv.type == "decimal", (sheet.title, column.key)  # type: ignore[attr-defined]
                assert dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"  # type: ignore[attr-defined]
            if dv is not None:
                assert dv.showErrorMessage  # type: ignore[attr-defined]
                assert str(dv.sqref) == f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + INPUT_ROWS - 1}"  # type: ignore[attr-defined]


def test_stt_first_and_the_other_sheets_refer_to_activities_by_stt() -> None:
    by_sheet = {sheet.key: [c.key for c in columns] for sheet, columns in TEMPLATE_SHEETS}
    for key in ("activities", "indicators", "links"):
        assert by_sheet[key][0] == "stt"
        assert not any(k.endswith("uuid") or k == "carried_from" for k in by_sheet[key])
    assert "activity_stt" in by_sheet["indicators"] and "activity_stt" in by_sheet["links"]
    shared = [c.key for c in ACTIVITIES.columns if c.kind is not Kind.UUID]
    assert by_sheet["activities"][1:] == shared  # the export's columns, in the export's order


def test_headers_locked_inputs_unlocked_sheets_protected(workbook: Workbook) -> None:
    for ws in workbook.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password
    for sheet, columns in TEMPLATE_SHEETS:
        ws = workbook[sheet.title]
        assert ws["A1"].value == "STT" and ws["A2"].value == "No."
        assert [ws.cell(1, i + 1).value for i in range(len(columns))] == [
            c.header_vi for c in columns]
        for index in range(1, len(columns) + 1):
            assert ws.cell(1, index).protection.locked and ws.cell(2, index).protection.locked
        last = FIRST_ROW + INPUT_ROWS - 1
        assert [ws.cell(r, 1).value for r in (FIRST_ROW, last)] == [1, INPUT_ROWS]
        assert ws.cell(FIRST_ROW, 1).protection.locked  # STT is not to be changed
        for row in (FIRST_ROW, FIRST_ROW + 500, last):
            for index in range(2, len(columns) + 1):
                assert not ws.cell(row, index).protection.locked, (sheet.title, row, index)
        assert ws.freeze_panes == "B3"
    general = workbook[GENERAL_SHEET]
    for cell in GENERAL_CELLS.values():
        assert not general[cell].protection.locked
    assert general["A3"].protection.locked


def test_no_cell_holds_a_formula(workbook: Workbook) -> None:
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith("="), (ws.title, cell.coordinate)


def test_parse_choice_takes_the_code() -> None:
    assert parse_choice("VLG — Tỉnh Vĩnh Long") == "VLG"
    assert parse_choice(" QD1252-T01 — Nghiên cứu, đề xuất") == "QD1252-T01"
    assert parse_choice("in_progress") == "in_progress"
    assert parse_choice(2026.0) == "2026" and parse_choice(None) == ""


def test_database_catalog_gives_the_same_lists(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(db, Role.FOCAL_POINT)
        assert template_catalog(db) == catalog_of_document(read_bundled_catalog())
        with pytest.raises(UsageError):
            make_template(db, tmp_path / "x.xlsx", 1990)
        assert not (tmp_path / "x.xlsx").exists()
        make_template(db, tmp_path / "x.xlsx")
        wb = openpyxl.load_workbook(tmp_path / "x.xlsx", read_only=True)
        assert _marker(wb)["period"] is None
        wb.close()
    finally:
        db.close()


def test_an_unwritable_destination_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    catalog = catalog_of_document(read_bundled_catalog())
    with pytest.raises(RefusedError) as error:
        write_template(tmp_path / "missing" / "t.xlsx", catalog)
    assert error.value.problems[0].code == "template.cannot_write"
    with pytest.raises(RefusedError):
        write_template(tmp_path, catalog)
    assert list(tmp_path.iterdir()) == []


def _libreoffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("CI") != "true":
        pytest.skip("LibreOffice is not installed")
    return found


@pytest.mark.slow
def test_a_template_resaved_by_libreoffice_keeps_marker_and_validations(
        template_path: Path, tmp_path: Path) -> None:
    office = _libreoffice()
    assert office is not None, "CI=true needs LibreOffice"
    out = tmp_path / "out"
    subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
         "--convert-to", "xlsx", "--outdir", str(out), str(template_path)],
        check=True, capture_output=True, timeout=180)
    wb = openpyxl.load_workbook(out / template_path.name)
    try:
        marker = _marker(wb)
        assert marker["format"] == FORMAT_NAME and marker["format_version"] == "1"
        assert wb[MARKER_SHEET].sheet_state == "hidden"
        assert wb[LISTS_SHEET].sheet_state == "hidden"
        original = openpyxl.load_workbook(template_path)
        for name in [GENERAL_SHEET, *DATA_SHEETS]:
            before = {(dv.type, str(dv.sqref)) for dv in
                      original[name].data_validations.dataValidation}
            after = {(dv.type, str(dv.sqref)) for dv in wb[name].data_validations.dataValidation}
            assert after == before, name
            for dv in wb[name].data_validations.dataValidation:
                if dv.type == "list":
                    assert RANGE.match(dv.formula1), dv.formula1
                    assert _list_items(wb, dv.formula1)
        original.close()
        activities = wb[ACTIVITIES.title]
        assert activities.protection.sheet
        assert not activities["B3"].protection.locked and activities["B1"].protection.locked
    finally:
        wb.close()
