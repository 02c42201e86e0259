"""Loading an official list of recommendations: mapping, preview, one transaction, and
hostile files (bad columns, missing text, too big, wrong encoding)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.catalog.document import read_catalog
from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.recommendation_list import (
    MAX_ROWS,
    PRESETS,
    ColumnMapping,
    read_list,
    sdg_targets,
)
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.catalog import export_catalog
from desktop_app.core.services.recommendation_import import (
    apply_list,
    mapping_named,
    mappings,
    preview_list,
    save_mapping,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg
from tests.fixtures.recommendation_lists import (
    MATRIX_HEADINGS,
    UHRI_HEADINGS,
    cycle4_rows,
    matrix_xlsx,
    uhri_rows,
    write_csv,
)


def _sql(db: Database, query: str) -> list[tuple[object, ...]]:
    return pg.rows(db.location, query)


@pytest.fixture()
def focal(focal_where: str) -> Iterator[Database]:
    """A focal point's database, on SQLite and on PostgreSQL."""
    database = pg.open_location(focal_where, create=False)
    yield database
    database.close()


def _version(db: Database) -> int:
    (value,) = _sql(db, "select value from setting where key = 'catalog_version'")[0]
    return int(str(value))


def test_a_cycle4_matrix_of_320_is_previewed_then_written_whole(focal: Database,
                                                                tmp_path: Path) -> None:
    path = matrix_xlsx(tmp_path / "upr4.xlsx")
    before = _version(focal)
    preview = preview_list(focal, path, "UPR4", PRESETS["upr-matrix"])
    assert (len(preview.planned), preview.count("new"), preview.supported, preview.noted) == (
        320, 320, 271, 49)
    assert preview.problems == [] and not preview.has_vietnamese
    first = preview.planned[0]
    assert (first.code, first.row.number, first.row.states, first.row.row) == (
        "UPR4-155.1", "155.1", ("Brazil",), 4)
    assert first.row.text_en == "Recommendation 1 on freedom of opinion and expression"
    assert first.row.themes == ("Freedom of opinion and expression", "Trafficking")
    assert _sql(focal, "select count(*) from recommendation where code like 'UPR4-155.%'") \
        == [(0,)]  # a preview writes nothing
    applied = apply_list(focal, preview)
    assert (applied.added, applied.changed, applied.version) == (320, 0, before + 1)
    assert _sql(focal, "select count(*), sum(case when response = 'supported' then 1 end), "
                       "sum(case when response = 'noted' then 1 end) "
                       "from recommendation where code like 'UPR4-155.%'") == [(320, 271, 49)]
    assert _sql(focal, "select paragraph, states, themes, text_vi = text_en, verified "
                       "from recommendation where code = 'UPR4-155.2'") == [
        ("155.2", "Chile", "Trafficking\nRights of the child", 1, 1)]
    (detail,) = _sql(focal, "select detail from auditevent "
                            "where action = 'catalog.recommendations_loaded'")[0]
    facts = json.loads(str(detail))
    assert (facts["added"], facts["version"], facts["file"]) == (320, before + 1, "upr4.xlsx")
    # The same file again: all unchanged, nothing written, the version stays.
    again = preview_list(focal, path, "UPR4", PRESETS["upr-matrix"])
    assert again.count("unchanged") == 320
    assert apply_list(focal, again).version is None and _version(focal) == before + 1
    # Published to the agencies as any catalog update: the export carries them.
    out = tmp_path / "catalog.json"
    assert export_catalog(focal, out) == before + 1
    listed = {r["code"]: r for r in read_catalog(out)["recommendations"]}
    assert listed["UPR4-155.2"]["states"] == ["Chile"] and len(
        [c for c in listed if c.startswith("UPR4-155.")]) == 320


def test_a_changed_row_is_changed_and_a_vietnamese_text_is_kept(focal: Database,
                                                                tmp_path: Path) -> None:
    apply_list(focal, preview_list(focal, matrix_xlsx(tmp_path / "a.xlsx"), "UPR4",
                                   PRESETS["upr-matrix"]))
    pg.execute(focal.location,
               "update recommendation set text_vi = 'Bản dịch' where code = 'UPR4-155.3'")
    rows = cycle4_rows()
    rows[2][1] = "Noted"
    preview = preview_list(focal, matrix_xlsx(tmp_path / "b.xlsx", rows), "UPR4",
                           PRESETS["upr-matrix"])
    changed = [p for p in preview.planned if p.outcome == "changed"]
    assert [(p.code, p.changed) for p in changed] == [("UPR4-155.3", ("response",))]
    apply_list(focal, preview)
    assert _sql(focal, "select response, text_vi from recommendation "
                       "where code = 'UPR4-155.3'") == [("noted", "Bản dịch")]


def test_a_uhri_csv_with_a_bom_and_semicolons_reads_states_sdgs_and_persons(
        tmp_path: Path) -> None:
    path = write_csv(tmp_path / "uhri.csv", UHRI_HEADINGS, uhri_rows(3), "utf-8-sig", ";")
    read = read_list(path, PRESETS["uhri"])
    assert read.problems == [] and len(read.rows) == 3
    row = read.rows[0]
    assert (row.number, row.states, row.response, row.sdgs, row.affected) == (
        "155.1", ("Chile", "Denmark"), "supported", ("16.3", "16.10"),
        ("Persons deprived of their liberty", "Women"))
    utf16 = write_csv(tmp_path / "uhri16.csv", UHRI_HEADINGS, uhri_rows(2), "utf-16", "\t")
    assert [r.number for r in read_list(utf16, PRESETS["uhri"]).rows] == ["155.1", "155.2"]


def test_sdg_targets_and_goals() -> None:
    assert sdg_targets("16.3, 16.10; 5.c and 99.1") == ("16.3", "16.10", "5.c")
    assert sdg_targets("SDG 16 – Peace") == ("16",)
    assert sdg_targets("") == ()


def test_rows_with_problems_are_left_out_by_row_and_the_others_kept(focal: Database,
                                                                    tmp_path: Path) -> None:
    rows = cycle4_rows(6, 6)
    rows[1][0] = "   "  # no text
    rows[2][0] = "Recommendation with no number (Chile);"
    rows[3][0] = rows[0][0]  # the same number twice
    rows[4][1] = "Supported in part"  # kept, without a response
    preview = preview_list(focal, matrix_xlsx(tmp_path / "bad.xlsx", rows), "UPR4",
                           PRESETS["upr-matrix"])
    assert [(p.code, p.where.row if p.where else None) for p in preview.problems] == [
        ("recs.text_missing", 5), ("recs.number_missing", 6), ("recs.number_twice", 7)]
    assert [p.row.number for p in preview.planned] == ["155.1", "155.5", "155.6"]
    assert [(n.code, n.where.row if n.where else None) for n in preview.notes] == [
        ("recs.response_unknown", 8)]
    assert preview.planned[1].row.response is None


def test_a_file_without_the_mapped_columns_is_refused_whole(focal: Database,
                                                            tmp_path: Path) -> None:
    path = matrix_xlsx(tmp_path / "other.xlsx", headings=["Text", "Answer"])
    with pytest.raises(RefusedError) as error:
        preview_list(focal, path, "UPR4", PRESETS["upr-matrix"])
    assert error.value.problems[0].code == "recs.columns_missing"
    assert "«Recommendation»" in error.value.problems[0].params["columns"]


@pytest.mark.parametrize(("data", "code"), [
    ("Recommendation,Position\nTư pháp Đà,Supported\n".encode("cp1258"),
     "recs.csv_encoding"),  # the Vietnamese Windows code page
    (codecs.BOM_UTF8 + b"Recommendation\n\xff\xfe\n", "recs.csv_encoding"),
    (b"PK\x03\x04 not really a zip", "xlsx.damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "xlsx.legacy"),
])
def test_hostile_files_are_refused_by_code(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    with pytest.raises(RefusedError) as error:
        read_list(path, PRESETS["upr-matrix"])
    assert error.value.problems[0].code == code


def test_a_huge_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    lines = ["Paragraph,Recommendation"] + [f"{n},text {n}" for n in range(MAX_ROWS + 30)]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(RefusedError) as error:
        read_list(path, PRESETS["uhri"])
    assert error.value.problems[0].code == "recs.too_many_rows"
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{n}" for n in range(100)) + "\n", encoding="utf-8")
    with pytest.raises(RefusedError) as error:
        read_list(wide, PRESETS["uhri"])
    assert error.value.problems[0].code == "recs.too_many_columns"


def test_a_mapping_is_saved_under_a_name_and_reused(focal: Database, tmp_path: Path) -> None:
    mine = ColumnMapping("bộ tư pháp", {"text_en": "Khuyến nghị (tiếng Anh)",
                                        "text_vi": "Khuyến nghị", "number": "Số",
                                        "response": "Lập trường"})
    save_mapping(focal, mine)
    assert mapping_named(focal, "bộ tư pháp").columns == mine.columns
    assert set(mappings(focal)) == {"uhri", "upr-matrix", "bộ tư pháp"}
    path = write_csv(tmp_path / "mine.csv", ["Số", "Khuyến nghị", "Khuyến nghị (tiếng Anh)",
                                             "Lập trường"],
                     [["1", "Bãi bỏ án tử hình", "Abolish the death penalty", "noted"]])
    preview = preview_list(focal, path, "UPR3", mapping_named(focal, "bộ tư pháp"))
    assert preview.has_vietnamese and preview.planned[0].code == "UPR3-1"
    apply_list(focal, preview)
    assert _sql(focal, "select text_vi, text_en, response from recommendation "
                       "where code = 'UPR3-1'") == [
        ("Bãi bỏ án tử hình", "Abolish the death penalty", "noted")]
    for bad in ("uhri", "", "x" * 61):
        with pytest.raises(UsageError):
            save_mapping(focal, ColumnMapping(bad, {"text_en": "T"}))
    with pytest.raises(UsageError) as error:
        mapping_named(focal, "nope")
    assert error.value.problems[0].code == "recs.mapping_unknown"


def test_unknown_source_agency_and_a_file_changed_after_preview(focal: Database,
                                                               tmp_path: Path) -> None:
    path = matrix_xlsx(tmp_path / "upr4.xlsx", cycle4_rows(3, 3))
    with pytest.raises(UsageError) as error:
        preview_list(focal, path, "UPR9", PRESETS["upr-matrix"])
    assert error.value.problems[0].code == "recs.source_unknown"
    preview = preview_list(focal, path, "UPR4", PRESETS["upr-matrix"])
    matrix_xlsx(path, cycle4_rows(4, 4))
    with pytest.raises(RefusedError) as refused:
        apply_list(focal, preview)
    assert refused.value.problems[0].code == "recs.file_changed"
    assert _sql(focal, "select count(*) from recommendation where code like 'UPR4-155.%'") \
        == [(0,)]
    agency = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(agency, Role.AGENCY, "VLG")
        with pytest.raises(RefusedError) as refused:
            preview_list(agency, path, "UPR4", PRESETS["upr-matrix"])
        assert refused.value.problems[0].code == "role.not_focal_point"
    finally:
        agency.close()


def test_headings_of_the_presets_are_the_fixture_layouts() -> None:
    assert PRESETS["upr-matrix"].columns["text_en"] in MATRIX_HEADINGS
    assert set(PRESETS["uhri"].columns.values()) <= set(UHRI_HEADINGS)
    assert not any(m.checked for m in PRESETS.values())  # both are assumptions (README)
