"""A cell of the error type (a formula's #DIV/0!, #N/A...) in a sheet the import reads is
refused, naming its sheet, row and column, exit 3, and nothing written: the reading
libraries give such a cell as an empty one, so a submission accepted with --accept-edited
(or a filled template) lost the value without a word. An error in a sheet that is never
read leaves the file as it was."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.bounds import sheet_parts
from desktop_app.core.exchange.columns import META_SHEET, SHEETS
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.templates import make_template
from desktop_app.core.storage.database import Database
from tests.cli.conftest import CliRunner
from tests.fixtures.submissions import demo_submission

YEAR = 2025
_CELL = re.compile(rb'<c r="([A-Z]{1,2})([0-9]+)"[^>]*?(?:/>|>.*?</c>)', re.S)


@dataclass(frozen=True)
class Files:
    good: Path
    template: Path
    focal: Path  # never written: copied for each import


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    folder = tmp_path_factory.mktemp("error-cells")
    good = demo_submission(folder, "VLG.xlsx", activities=4, seed=4, period=YEAR)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        focal = Database.open(folder / "focal.sqlite")
        initialise(focal, Role.FOCAL_POINT)
        template = folder / "blank.xlsx"
        make_template(focal, template, YEAR)
        focal.close()
    return Files(good, template, folder / "focal.sqlite")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _with_error(source: Path, target: Path, sheet: str, ref: str) -> Path:
    """source with the cell ref of sheet turned into a formula's error (#DIV/0!)."""
    with zipfile.ZipFile(source) as archive:
        part = sheet_parts(archive)[sheet]
    parts = _parts(source)
    error = f'<c r="{ref}" t="e"><f>1/0</f><v>#DIV/0!</v></c>'.encode()
    xml, count = re.subn(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', error,
                         parts[part], count=1, flags=re.S)
    assert count == 1, (sheet, ref)
    parts[part] = xml
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def _data_cells(path: Path) -> list[tuple[str, str]]:
    """Every (sheet, cell) holding a value below the headers in the sheets that are read."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for sheet, part in sheet_parts(archive).items():
            if sheet in {META_SHEET, *(s.title for s in SHEETS)}:
                for letters, number in _CELL.findall(archive.read(part)):
                    if int(number) > (0 if sheet == META_SHEET else 2):
                        found.append((sheet, f"{letters.decode()}{int(number)}"))
    return found


def _tables(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
                for table in ("submission", "activity", "indicator", "result")}


def _refused_at(cli: CliRunner, focal: Path, file: Path, sheet: str, ref: str) -> None:
    before = _tables(focal)
    result = cli("--db", focal, "--lang", "en", "import", "--accept-edited",
                 "--accept-new-key", file)
    column, row = re.fullmatch(r"([A-Z]+)([0-9]+)", ref).groups()  # type: ignore[union-attr]
    assert result.code == 3, result.out  # was 0: accepted, the cell's value gone
    assert f"sheet {sheet}, row {row}, column {column}" in result.err
    assert f"trang tính {sheet}, dòng {row}, cột {column}" in result.err
    assert "holds an error" in result.err and "chứa một lỗi" in result.err
    assert _tables(focal) == before


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_an_error_cell_in_any_sheet_that_is_read_is_refused_where_it_is(
        cli: CliRunner, files: Files, tmp_path: Path, data: st.DataObject) -> None:
    sheet, ref = data.draw(st.sampled_from(_data_cells(files.good)))
    focal = tmp_path / f"focal-{sheet[:3]}-{ref}.sqlite".replace(" ", "_")
    focal.write_bytes(files.focal.read_bytes())
    bad = _with_error(files.good, tmp_path / "bad.xlsx", sheet, ref)
    _refused_at(cli, focal, bad, sheet, ref)


def test_an_error_cell_in_a_filled_template_is_refused(
        cli: CliRunner, files: Files, tmp_path: Path) -> None:
    with closing(sqlite3.connect(files.focal)) as conn:
        (task,) = conn.execute("SELECT code FROM task WHERE NOT retired ORDER BY code"
                               " LIMIT 1").fetchone()
    book = openpyxl.load_workbook(files.template)
    book["Thông tin chung"]["C3"] = "VLG"
    sheet = book["Hoạt động"]
    for ref, value in {"B3": task, "C3": "Tập huấn cán bộ", "E3": "training",
                       "F3": "completed", "I3": 12}.items():
        sheet[ref] = value
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    focal = tmp_path / "focal.sqlite"
    focal.write_bytes(files.focal.read_bytes())
    bad = _with_error(filled, tmp_path / "bad.xlsx", "Hoạt động", "I3")
    _refused_at(cli, focal, bad, "Hoạt động", "I3")


def test_an_error_in_a_sheet_that_is_never_read_changes_nothing(
        cli: CliRunner, files: Files, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(files.good)
    book.create_sheet("Ghi chú")["A1"] = 1
    noted = tmp_path / "noted.xlsx"
    book.save(noted)
    bad = _with_error(noted, tmp_path / "VLG.xlsx", "Ghi chú", "A1")
    focal = tmp_path / "focal.sqlite"
    focal.write_bytes(files.focal.read_bytes())
    result = cli("--db", focal, "--lang", "en", "import", "--accept-edited", bad)
    assert result.code == 0, result.err
