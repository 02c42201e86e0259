"""Which plans are in force in a period, and a template that offers only theirs."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from desktop_app.core.domain.enums import Role
from desktop_app.core.services.plans import in_force, plans_in_force, tasks_in_force
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.templates import make_template, template_catalog
from desktop_app.core.storage.database import Database


def test_an_open_ended_plan_gives_way_to_a_later_one_a_dated_one_overlaps() -> None:
    plans = ["2019", "2026", "2024-2026", "undated"]
    starts = [2019, 2026, 2024, None]
    ends = [None, None, 2026, None]
    assert in_force(plans, starts, ends, 2018) == ["undated"]
    assert in_force(plans, starts, ends, 2023) == ["2019"]
    assert in_force(plans, starts, ends, 2025) == ["2019", "2024-2026"]
    assert in_force(plans, starts, ends, 2026) == ["2026", "2024-2026"]
    assert in_force(plans, starts, ends, 2027) == ["2026"]


def test_the_template_of_a_period_offers_only_its_plans_tasks(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "f.sqlite")
    initialise(db, Role.FOCAL_POINT)
    with db.reading() as session:
        assert [p.code for p in plans_in_force(session, 2025)] == ["QD1252-2019"]
        assert [p.code for p in plans_in_force(session, 2026)] == ["QD2715-2025"]
        by_year = tasks_in_force(session)
    every = template_catalog(db)
    for year, prefix in ((2025, "QD1252-"), (2026, "QD2715-")):
        catalog = template_catalog(db, year)
        assert catalog.tasks and all(t.code.startswith(prefix) for t in catalog.tasks)
        assert {t.code for t in catalog.tasks} == by_year[year]
        assert len(catalog.tasks) < len(every.tasks)
        assert [p.code for p in catalog.plans] == [f"{prefix}{2019 if year == 2025 else 2025}"]
        assert catalog.recommendations and len(catalog.recommendations) <= len(
            every.recommendations)
    path = tmp_path / "mau-2026.xlsx"
    make_template(db, path, 2026)
    wb = openpyxl.load_workbook(path)
    lists = wb["_lists"] if "_lists" in wb.sheetnames else wb.worksheets[-2]
    tasks = [c.value for c in next(col for col in lists.iter_cols()
                                   if col[0].value == "tasks")[1:] if c.value]
    assert tasks and all(str(t).startswith("QD2715-") for t in tasks)
    instructions = " ".join(str(c.value) for c in wb.worksheets[0]["A"] if c.value)
    assert "2715/QĐ-TTg" in instructions and "1252/QĐ-TTg" not in instructions
