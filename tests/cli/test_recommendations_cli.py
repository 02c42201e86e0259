"""`catalog recommendations import FILE --source CODE [--mapping NAME] [--dry-run]`."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.cli.conftest import CliRunner
from tests.fixtures.recommendation_lists import cycle4_rows, matrix_xlsx


def _sql(db: Path, query: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return list(conn.execute(query))


def _loaded(db: Path) -> int:
    (count,) = _sql(db, "select count(*) from recommendation where code like 'UPR4-155.%'")[0]
    return int(str(count))


def test_dry_run_previews_and_writes_nothing_then_the_import_writes(
        cli: CliRunner, focal_db: Path, tmp_path: Path) -> None:
    path = matrix_xlsx(tmp_path / "upr4.xlsx")
    version = _sql(focal_db, "select value from setting where key = 'catalog_version'")
    run = cli("--db", focal_db, "--lang", "en", "catalog", "recommendations", "import", path,
              "--source", "UPR4", "--dry-run")
    assert run.code == 0, run.err
    assert run.out_lines[0].startswith("upr4.xlsx (UPR4, mapping upr-matrix): 320 "
                                       "recommendations — 320 new, 0 changed, 0 unchanged; "
                                       "271 supported, 49 noted; 0 rows left out")
    assert run.out_lines[-1] == "Dry run: nothing was written."
    assert "no Vietnamese column" in run.err
    assert _loaded(focal_db) == 0
    assert _sql(focal_db, "select value from setting where key = 'catalog_version'") == version
    run = cli("--db", focal_db, "--lang", "vi", "catalog", "recommendations", "import", path,
              "--source", "UPR4", "--mapping", "upr-matrix")
    assert run.code == 0, run.err
    assert "Đã ghi 320 khuyến nghị mới" in run.out and "catalog export" in run.out
    assert _loaded(focal_db) == 320


def test_rows_left_out_exit_3_naming_their_rows_and_the_rest_is_written(
        cli: CliRunner, focal_db: Path, tmp_path: Path) -> None:
    rows = cycle4_rows(5, 5)
    rows[2][0] = ""
    run = cli("--db", focal_db, "--lang", "en", "catalog", "recommendations", "import",
              matrix_xlsx(tmp_path / "bad.xlsx", rows), "--source", "UPR4")
    assert run.code == 3
    assert "row 6" in run.err and "no recommendation text" in run.err
    assert "không có nội dung khuyến nghị" in run.err  # the other language after
    assert _loaded(focal_db) == 4


def test_unknown_source_or_mapping_is_wrong_usage(cli: CliRunner, focal_db: Path,
                                                  tmp_path: Path) -> None:
    path = matrix_xlsx(tmp_path / "upr4.xlsx", cycle4_rows(2, 2))
    for extra, said in ((["--source", "UPR9"], "no recommendation source UPR9"),
                        (["--source", "UPR4", "--mapping", "mine"], 'no mapping "mine"')):
        run = cli("--db", focal_db, "--lang", "en", "catalog", "recommendations", "import",
                  path, *extra)
        assert run.code == 2 and said in run.err, run.err
    assert _loaded(focal_db) == 0


def test_a_refused_file_exits_3_and_writes_nothing(cli: CliRunner, focal_db: Path,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("Recommendation\nTư pháp\n".encode("cp1258"))
    run = cli("--db", focal_db, "--lang", "en", "catalog", "recommendations", "import", path,
              "--source", "UPR4")
    assert run.code == 3 and "not a UTF-8 CSV" in run.err
    assert _loaded(focal_db) == 0
