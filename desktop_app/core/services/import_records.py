"""The import log's lines: one ImportRecord per file met, with its problems as codes.

The core never words a problem: a record keeps the file's first problems as JSON
(code, parameters, field, where) and how many there were, and the faces word them in
the reader's language (desktop_app.messages). Records written before this kept words
in ``message``; they still show those.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desktop_app.core.domain.models import ImportRecord, new_uuid
from desktop_app.core.exchange.reading import storable
from desktop_app.core.problems import Location, Problem
from desktop_app.core.services.import_plan import FilePlan

KEPT_PROBLEMS = 50  # per file in the log; a file refused for every row has thousands


def problems_json(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    return storable(json.dumps([_plain(p) for p in problems[:KEPT_PROBLEMS]],
                               ensure_ascii=False, separators=(",", ":"), default=str))


def _plain(problem: Problem) -> dict[str, Any]:
    out: dict[str, Any] = {"code": problem.code}
    if problem.params:
        out["params"] = problem.params
    if problem.field:
        out["field"] = problem.field
    where = problem.where
    if where is not None:
        out["where"] = [where.file, where.sheet, where.row, where.column]
    return out


def problems_from_json(text: str) -> tuple[Problem, ...]:
    """The problems a record keeps; none when it has none (or only old words)."""
    if not text:
        return ()
    try:
        items = json.loads(text)
    except ValueError:
        return ()
    problems = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            continue
        where = item.get("where")
        location = (Location(*where) if isinstance(where, list) and len(where) == 4
                    else None)
        params = item.get("params")
        problems.append(Problem(item["code"], params if isinstance(params, dict) else {},
                                item.get("field"), location))
    return tuple(problems)


def record_of(plan: FilePlan, batch_uuid: str, now: datetime,
              submission_uuid: str | None) -> ImportRecord:
    return ImportRecord(
        uuid=new_uuid(), batch_uuid=batch_uuid, file_name=storable(plan.path.name),
        file_sha256=plan.file_sha256, imported_at=now, outcome=plan.outcome.value,
        agency_code=plan.agency_code, period_year=plan.period, version=plan.version,
        submission_uuid=submission_uuid, problems=problems_json(plan.problems),
        problem_count=len(plan.problems),
        signed=plan.signed if submission_uuid else None,
        key_fingerprint=plan.key_fingerprint if submission_uuid and plan.signed else "")
