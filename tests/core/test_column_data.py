"""A submission's data given as columns (ColumnData), as the reader makes it and an
import's reading child hands it over: the same records, equal to SubmissionData's both
ways, and a writer that takes the columns without making the records."""

from __future__ import annotations

import pickle
from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.submission import (
    ACTIVITIES,
    INDICATORS,
    LINKS,
    ActivityRecord,
    ColumnData,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    field_values,
    record_count,
)
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.services.import_apply import _activity_columns, _indicator_columns
from desktop_app.core.services.import_plan import Write, row_rules
from desktop_app.core.services.import_reading import read_files
from desktop_app.core.services.import_rules import CheckedSubmission, count_changes
from desktop_app.core.services.import_state import catalog_of
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests.fixtures.submissions import YEAR, demo_submission

KINDS = ((ACTIVITIES, ActivityRecord, "activities"), (INDICATORS, IndicatorRecord, "indicators"),
         (LINKS, LinkRecord, "links"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_submission(tmp_path_factory.mktemp("columns"), activities=40, seed=5)


def _plain(data: SubmissionData) -> SubmissionData:
    return SubmissionData(list(data.activities), list(data.indicators), list(data.links))


def test_a_sound_file_reads_as_columns_whose_records_are_the_same(exported: Path) -> None:
    data = read_submission(exported).data
    assert isinstance(data, ColumnData)
    assert "activities" not in data.__dict__  # not made until asked for
    plain = _plain(data)
    assert len(plain.activities) == 40 and plain.indicators and plain.links
    for kind, record, name in KINDS:
        records = getattr(data, name)
        assert records is getattr(data, name)  # made once
        assert record_count(data, kind) == len(records)
        for place, field in enumerate(fields(record)):
            assert field_values(data, kind, field.name) == [
                getattr(r, field.name) for r in records] == list(data.columns[kind][place])
            assert field_values(plain, kind, field.name) == field_values(data, kind, field.name)
    assert data == plain and plain == data
    changed = SubmissionData(plain.activities, plain.indicators, plain.links[1:])
    assert data != changed and changed != data
    assert replace(data, searched=("x",)) == plain
    assert pickle.loads(pickle.dumps(data)) == plain  # noqa: S301  (our own bytes)


def test_columns_of_the_wrong_shape_are_refused() -> None:
    empty: list[list[object]] = [[] for _ in fields(ActivityRecord)]
    with pytest.raises(TypeError):
        ColumnData(columns=(empty, [[]], [[], []]))
    with pytest.raises(TypeError):
        ColumnData(columns=(empty,))  # type: ignore[arg-type]


def test_the_writer_takes_the_columns_and_makes_no_records(exported: Path,
                                                           tmp_path: Path) -> None:
    """The import's writer gives the same rows from the reading child's columns as from
    the records, without making them (the point of ColumnData: ~5 ms a file)."""
    focal = Database.open(tmp_path / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    with focal.reading() as session:
        catalog = catalog_of(session)
    focal.close()
    # read as a reading child reads it: the rows checked, the search texts made
    (read,) = list(read_files([exported], readers=0, rules=row_rules(catalog)))
    assert isinstance(read, CheckedSubmission) and isinstance(read.data, ColumnData)
    data = read.data
    now = datetime.now(UTC)

    def write(of: SubmissionData) -> Write:
        return Write(1, 1, YEAR, 1, "u", "h", "d", now, of, (), False, False, exported.name,
                     search_texts=read.search_texts)

    from_columns = _activity_columns(write(data), catalog, now, 9)
    uuids = from_columns["uuid"]
    assert isinstance(uuids, list)
    by_uuid = {uuid: place for place, uuid in enumerate(uuids)}
    indicators = _indicator_columns(write(data), catalog, by_uuid, 9)
    assert count_changes(SubmissionData(), data) == (40, 0, 0)
    assert not {"activities", "indicators", "links"} & set(data.__dict__)
    plain = _plain(data)
    assert from_columns == _activity_columns(write(plain), catalog, now, 9)
    assert indicators == _indicator_columns(write(plain), catalog, by_uuid, 9)
