"""The import plan alone: no database, no file — records, holdings and a catalog built here.

Every outcome (NEW, NEWER, DUPLICATE, CONFLICT, OLDER, TEMPLATE, EDITED, REFUSED), the
rules of the rows, the counts of activities added / changed / removed, and a batch that
carries on after an accepted file (v1 then v2 of one batch both apply).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.domain.enums import ImportOutcome
from desktop_app.core.domain.models import Agency
from desktop_app.core.exchange.canonical import content_hash, data_hash
from desktop_app.core.exchange.reading import Heading, RefusedFile, SubmissionFile, TemplateFile
from desktop_app.core.exchange.signing import KeyPair, generate_key_pair, sign_submission
from desktop_app.core.exchange.submission import (
    FORMAT_VERSION,
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    SubmissionMeta,
)
from desktop_app.core.exchange.template import TEMPLATE_SHEETS
from desktop_app.core.exchange.template_reader import ReadTemplate, TemplateRows
from desktop_app.core.problems import Location, Problem
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.import_plan import (
    Catalog,
    Decision,
    Holdings,
    StoredVersion,
    TaskRef,
    after,
    batch_order,
    claim_of,
    may_accept,
    plan_file,
)
from desktop_app.core.services.import_rules import EXPORT_LETTERS, Locator, check_rows

NOW = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
YEAR = 2025
AGENCY_ID, PERIOD_ID = 7, 3


def _agency(code: str, name: str, *, active: bool = True, successor: str | None = None,
            ident: int = AGENCY_ID) -> Agency:
    return Agency(id=ident, uuid=f"uuid-{code}", code=code, kind="province", name_vi=name,
                  name_en=name, active=active, successor_code=successor)


CATALOG = Catalog(
    AgencyDirectory.of([_agency("THA", "Thanh Hóa"), _agency("TQG", "Tuyên Quang", ident=8),
                        _agency("HGG", "Hà Giang", active=False, successor="TQG", ident=9)]),
    {YEAR: PERIOD_ID},
    {"T01": TaskRef(1, "Nhiệm vụ 1", "Task 1"), "T02": TaskRef(2, "Nhiệm vụ 2", "Task 2")},
    {"CO3-1": 1, "CO3-2": 2},
    version=4,
)


def _uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def _activity(n: int, title: str = "", **fields: Any) -> ActivityRecord:
    values: dict[str, Any] = {
        "uuid": _uuid(n), "task_code": "T01", "title": title or f"Hoạt động {n}",
        "description": None, "type": "training", "status": "completed", "start_date": None,
        "end_date": None, "women": None, "ethnic_minorities": None, "disabilities": None,
        "children": None, "budget_vnd": None, "outputs": None, "challenges": None,
        "next_steps": None, "evidence": None}
    values.update(fields)
    return ActivityRecord(**values)


def _indicator(n: int, activity: int | None, **fields: Any) -> IndicatorRecord:
    values: dict[str, Any] = {
        "uuid": _uuid(1000 + n), "activity_uuid": _uuid(activity) if activity else None,
        "task_code": None, "name": f"Chỉ số {n}", "unit": "người", "baseline": None,
        "target": 10.0, "due_date": None, "result_uuid": None, "result": None,
        "result_note": None}
    values.update(fields)
    return IndicatorRecord(**values)


def _data(*activities: ActivityRecord, indicators: tuple[IndicatorRecord, ...] = (),
          links: tuple[LinkRecord, ...] = ()) -> SubmissionData:
    return SubmissionData(list(activities), list(indicators), list(links))


def _submission(data: SubmissionData, version: int = 1, *, code: str = "THA",
                name: str = "Thanh Hóa", period: int = YEAR, hash_ok: bool = True,
                problems: tuple[Problem, ...] = (), file: str = "") -> SubmissionFile:
    meta = SubmissionMeta(
        format_version=FORMAT_VERSION, app_version="1.0", agency_code=code,
        agency_name_vi=name, agency_name_en=name, contact_person="", period=period,
        submission_uuid=f"sub-{code}-{version}", version=version,
        created_at=datetime(2026, 1, version, tzinfo=UTC), activities=len(data.activities),
        indicators=len(data.indicators), links=len(data.links), content_hash="")
    meta = replace(meta, content_hash=content_hash(meta, data))
    rows = {"activities": list(range(3, 3 + len(data.activities))),
            "indicators": list(range(3, 3 + len(data.indicators))),
            "links": list(range(3, 3 + len(data.links)))}
    return SubmissionFile(Path(file or f"{code}_{period}_v{version}.xlsx"), "ab" * 32, meta,
                          data, hash_ok, problems, rows)


def _template(agency_text: str, titles: list[str], *, period: int | None = YEAR,
              problems: list[Problem] | None = None) -> TemplateFile:
    sheets = {}
    for sheet, columns in TEMPLATE_SHEETS:
        rows = TemplateRows(sheet, columns)
        if sheet.key == "activities":
            for stt, title in enumerate(titles, start=1):
                rows.values.append({"stt": stt, "task_code": "T02", "title": title,
                                    "type": "awareness", "status": "in_progress"})
                rows.numbers.append(2 + stt)
        sheets[sheet.key] = rows
    path = Path(f"template-{agency_text}.xlsx")
    read = ReadTemplate(path, agency_text, period, "Nguyễn Văn A", problems or [], sheets,
                        {"activities": {"title": "C", "task_code": "B"}})
    return TemplateFile(path, "cd" * 32, read)


def _empty() -> Holdings:
    return Holdings(AGENCY_ID, PERIOD_ID, in_force=())


def _in_force(read: SubmissionFile, submission_id: int = 11) -> Holdings:
    """What the database holds once ``read`` was imported."""
    return Holdings(AGENCY_ID, PERIOD_ID,
                    {read.meta.version: StoredVersion(read.meta.content_hash, read.path.name)},
                    read.meta.version, data_hash(read.data), read.data, (submission_id,),
                    top_version=read.meta.version, in_force_version=read.meta.version)


def _plan(read: Any, held: Holdings | None, *, accept_edited: bool = False) -> Decision:
    return plan_file(read, CATALOG, held, accept_edited=accept_edited, now=NOW,
                     make_uuid=lambda: "new-uuid")


def _codes(decision: Decision) -> list[str]:
    return [p.code for p in decision.plan.problems]


V1 = _data(_activity(1), _activity(2), _activity(3),
           indicators=(_indicator(1, 1, result=5.0),), links=(LinkRecord(_uuid(1), "CO3-1"),))
V2 = _data(_activity(1), _activity(2, "Tiêu đề đã sửa"), _activity(4),
           indicators=(_indicator(1, 1, result=5.0),), links=(LinkRecord(_uuid(1), "CO3-1"),))


# --- exported submissions ---------------------------------------------------------------


def test_a_first_version_is_new_with_every_activity_added() -> None:
    read = _submission(V1)
    decision = _plan(read, _empty())
    plan, write = decision.plan, decision.write
    assert plan.outcome is ImportOutcome.NEW and plan.accepted and not plan.refused
    assert (plan.agency_code, plan.rollup_code, plan.period, plan.version) == (
        "THA", "THA", YEAR, 1)
    assert (plan.added, plan.changed, plan.removed) == (3, 0, 0)
    assert plan.problems == ()
    assert write is not None and write.data == V1 and write.supersedes == ()
    assert (write.agency_id, write.period_id, write.version) == (AGENCY_ID, PERIOD_ID, 1)
    assert write.content_hash == read.meta.content_hash
    assert write.data_hash == data_hash(V1)
    assert decision.submission_uuid == read.meta.submission_uuid


def test_a_newer_version_replaces_the_one_in_force_and_counts_the_difference() -> None:
    v1, v2 = _submission(V1), _submission(V2, 2)
    decision = _plan(v2, _in_force(v1, submission_id=11))
    plan = decision.plan
    assert plan.outcome is ImportOutcome.NEWER
    # activity 4 is new, 2 changed its title, 3 is gone; 1 is the same
    assert (plan.added, plan.changed, plan.removed) == (1, 1, 1)
    assert decision.write is not None and decision.write.supersedes == (11,)


def test_a_changed_indicator_or_link_changes_its_activity() -> None:
    changed = _data(_activity(1), _activity(2), _activity(3),
                    indicators=(_indicator(1, 1, result=6.0),),
                    links=(LinkRecord(_uuid(1), "CO3-1"), LinkRecord(_uuid(2), "CO3-2")))
    plan = _plan(_submission(changed, 2), _in_force(_submission(V1))).plan
    assert (plan.added, plan.changed, plan.removed) == (0, 2, 0)


def test_one_batch_carries_on_after_an_accepted_file() -> None:
    """v1 then v2 of one batch, planned before anything is written: both apply."""
    v1, v2, v3 = _submission(V1), _submission(V2, 2), _submission(V2, 3)
    held = _empty()
    first = _plan(v1, held)
    held = after(held, first)
    second = _plan(v2, held)
    assert (first.plan.outcome, second.plan.outcome) == (ImportOutcome.NEW, ImportOutcome.NEWER)
    assert (second.plan.added, second.plan.changed, second.plan.removed) == (1, 1, 1)
    held = after(held, second)
    assert held.current_version == 2 and set(held.versions) == {1, 2}
    assert _plan(v1, held).plan.outcome is ImportOutcome.DUPLICATE  # v1 again
    assert _plan(v3, held).plan.outcome is ImportOutcome.NEWER
    # a file that was not accepted leaves the holdings as they were
    assert after(held, _plan(v1, held)) is held


def test_the_same_version_with_the_same_hash_is_a_duplicate() -> None:
    read = _submission(V1)
    decision = _plan(read, _in_force(read))
    assert decision.plan.outcome is ImportOutcome.DUPLICATE
    assert decision.write is None and decision.plan.problems == ()
    assert decision.submission_uuid == read.meta.submission_uuid
    assert not may_accept(_claim(read), _in_force(read))


def _claim(read: Any, accept_edited: bool = False) -> Any:
    claim = claim_of(read, CATALOG, accept_edited=accept_edited)
    assert claim is not None
    return claim


def test_the_same_version_with_other_content_is_a_conflict_naming_the_first_file() -> None:
    first = _submission(V1, file="THA_first.xlsx")
    other = _submission(V2, 1, file="THA_other.xlsx")
    decision = _plan(other, _in_force(first))
    assert decision.plan.outcome is ImportOutcome.CONFLICT and decision.plan.refused
    assert decision.plan.conflict_with == "THA_first.xlsx"
    assert decision.plan.problems == (Problem("import.conflict", {
        "file": "THA_other.xlsx", "version": 1, "other": "THA_first.xlsx"}),)
    assert decision.write is None


def test_an_older_version_is_ignored() -> None:
    held = replace(_in_force(_submission(V2, 3)))
    decision = _plan(_submission(V1, 2), held)
    assert decision.plan.outcome is ImportOutcome.OLDER and not decision.plan.refused
    assert _codes(decision) == ["import.older"]
    assert decision.plan.problems[0].params["current"] == 3
    assert not may_accept(_claim(_submission(V1, 2)), held)


def test_a_former_province_keeps_its_own_code_and_rolls_up() -> None:
    plan = _plan(_submission(V1, code="HGG", name="Hà Giang"), _empty()).plan
    assert (plan.outcome, plan.agency_code, plan.rollup_code) == (
        ImportOutcome.NEW, "HGG", "TQG")


def test_an_agency_named_only_by_its_name_is_found() -> None:
    plan = _plan(_submission(V1, code="XXX", name="Thanh Hoá"), _empty()).plan
    assert (plan.outcome, plan.agency_code) == (ImportOutcome.NEW, "THA")


# --- refused files ------------------------------------------------------------------------


@pytest.mark.parametrize(("read", "code"), [
    (RefusedFile(Path("x.xlsx"), "", (Problem("xlsx.not_xlsx", {"file": "x.xlsx"}),)),
     "xlsx.not_xlsx"),
    (_submission(V1, code="ZZZ", name="Tỉnh Không Có"), "import.unknown_agency"),
    (_submission(V1, period=2031), "import.unknown_period"),
    (_submission(V1, problems=(Problem("value.negative", {"value": "-4"}, "women",
                                       Location("a.xlsx", "Hoạt động", 4, "I")),)),
     "value.negative"),
    (_submission(V1, hash_ok=False), "import.edited_after_export"),
])
def test_files_refused_before_the_database_matters(read: Any, code: str) -> None:
    assert claim_of(read, CATALOG, accept_edited=False) is None
    decision = _plan(read, None)
    assert decision.plan.outcome is ImportOutcome.REFUSED and decision.plan.refused
    assert _codes(decision) == [code] and decision.write is None


def test_identifiers_other_rows_use_refuse_the_file() -> None:
    held = replace(_empty(), taken=(_uuid(2), _uuid(3)))
    decision = _plan(_submission(V1), held)
    assert decision.plan.outcome is ImportOutcome.REFUSED
    assert decision.plan.problems == (Problem("import.uuid_taken", {
        "file": "THA_2025_v1.xlsx", "uuid": _uuid(2), "count": 2}),)


def test_rows_that_break_the_rules_refuse_the_file_with_every_problem() -> None:
    bad = _data(_activity(1, task_code="T99"), _activity(1))
    decision = _plan(_submission(bad), _empty())
    assert decision.plan.outcome is ImportOutcome.REFUSED
    assert _codes(decision) == ["code.unknown_task", "import.duplicate_uuid"]


# --- templates and edited files -------------------------------------------------------------


def test_a_filled_template_is_the_next_version() -> None:
    read = _template("Thanh Hoá", ["Tập huấn", "Tuyên truyền"])
    held = _in_force(_submission(V1))
    decision = _plan(read, held)
    plan, write = decision.plan, decision.write
    assert plan.outcome is ImportOutcome.TEMPLATE and plan.from_template and not plan.edited
    assert (plan.agency_code, plan.version) == ("THA", 2)
    assert (plan.added, plan.changed, plan.removed) == (2, 0, 3)
    assert write is not None and write.from_template and write.supersedes == (11,)
    assert write.submission_uuid == "new-uuid" == decision.submission_uuid
    assert write.created_at == NOW and [a.title for a in write.data.activities] == [
        "Tập huấn", "Tuyên truyền"]
    # the same template again: the data is the same as the version in force
    again = _plan(read, after(held, decision))
    assert again.plan.outcome is ImportOutcome.DUPLICATE and again.write is None
    assert _codes(again) == ["import.same_as_current"]


def test_a_template_for_an_unknown_agency_or_period_is_refused_at_its_cell() -> None:
    decision = _plan(_template("Tỉnh Không Có", ["Tập huấn"]), None)
    assert decision.plan.outcome is ImportOutcome.REFUSED and decision.plan.from_template
    problem = decision.plan.problems[0]
    assert problem.code == "import.unknown_agency"
    assert problem.where == Location("template-Tỉnh Không Có.xlsx", "Thông tin chung", 3, "C")
    decision = _plan(_template("THA", ["Tập huấn"], period=2031), None)
    assert _codes(decision) == ["import.unknown_period"]
    assert decision.plan.problems[0].where is not None
    assert decision.plan.problems[0].where.row == 4


def test_an_edited_file_is_accepted_only_when_asked_and_becomes_the_next_version() -> None:
    held = _in_force(_submission(V1))
    edited = _submission(V2, 1, hash_ok=False)
    assert _plan(edited, None).plan.outcome is ImportOutcome.REFUSED
    decision = _plan(edited, held, accept_edited=True)
    plan = decision.plan
    assert plan.outcome is ImportOutcome.EDITED and plan.edited and not plan.from_template
    assert plan.version == 2 and (plan.added, plan.changed, plan.removed) == (1, 1, 1)
    assert decision.write is not None and decision.write.edited
    assert _claim(edited, accept_edited=True).version is None  # the next version


# --- the rules of the rows --------------------------------------------------------------


def _problems(data: SubmissionData) -> list[tuple[str, str, int | None, str | None]]:
    rows = {key: list(range(3, 3 + len(getattr(data, key))))
            for key in ("activities", "indicators", "links")}
    where = Locator(Path("f.xlsx"), rows, EXPORT_LETTERS)
    return [(p.code, p.where.sheet or "", p.where.row, p.where.column)
            for p in check_rows(data, CATALOG.tasks, CATALOG.recommendations, where)
            if p.where is not None]


def test_every_rule_of_the_activities_is_located() -> None:
    data = _data(
        _activity(1, task_code="T99"),
        _activity(2, title="x" * 501),
        _activity(3, start_date=date(1980, 1, 1)),
        _activity(4, start_date=date(2025, 5, 2), end_date=date(2025, 5, 1)),
        _activity(5, women=100_000_001, budget_vnd=10**15 + 1),
        _activity(6, outputs="y" * 20_001),
        _activity(6),
    )
    assert _problems(data) == [
        ("code.unknown_task", "Hoạt động", 3, "B"),
        ("value.too_long", "Hoạt động", 4, "C"),
        ("value.date_out_of_range", "Hoạt động", 5, "G"),
        ("date.end_before_start", "Hoạt động", 6, "H"),
        ("value.too_large", "Hoạt động", 7, "I"),
        ("value.too_large", "Hoạt động", 7, "M"),
        ("value.too_long", "Hoạt động", 8, "N"),
        ("import.duplicate_uuid", "Hoạt động", 9, "A"),
    ]


def test_every_rule_of_the_indicators_and_links_is_located() -> None:
    data = _data(
        _activity(1),
        indicators=(_indicator(1, 9), _indicator(2, None), _indicator(3, None, task_code="T77"),
                    _indicator(1, 1), _indicator(4, 1, due_date=date(2200, 1, 1)),
                    _indicator(5, 1, result_uuid=_uuid(1004))),
        links=(LinkRecord(_uuid(9), "CO3-1"), LinkRecord(_uuid(1), "NOPE"),
               LinkRecord(_uuid(1), "CO3-2"), LinkRecord(_uuid(1), "CO3-2")))
    assert _problems(data) == [
        ("import.unknown_activity", "Chỉ số và kết quả", 3, "B"),
        ("template.indicator_owner", "Chỉ số và kết quả", 4, "B"),
        ("code.unknown_task", "Chỉ số và kết quả", 5, "C"),
        ("import.duplicate_uuid", "Chỉ số và kết quả", 6, "A"),
        ("value.date_out_of_range", "Chỉ số và kết quả", 7, "H"),
        ("import.duplicate_uuid", "Chỉ số và kết quả", 8, "A"),
        ("import.unknown_activity", "Liên kết khuyến nghị", 3, "A"),
        ("code.unknown_recommendation", "Liên kết khuyến nghị", 4, "B"),
        ("code.duplicate_link", "Liên kết khuyến nghị", 6, "B"),
    ]


def test_good_rows_have_no_problem() -> None:
    assert _problems(V1) == [] and _problems(V2) == []


# --- the order of a batch -----------------------------------------------------------------


def test_a_batch_goes_refused_first_then_by_agency_period_and_version() -> None:
    headings = {
        "b.xlsx": Heading(False, "THA", "Thanh Hóa", YEAR, 3),
        "a.xlsx": Heading(False, "THA", "Thanh Hóa", YEAR, 1),
        "t.xlsx": Heading(True, "Thanh Hoá", "", YEAR, None),
        "z.xlsx": None,
        "h.xlsx": Heading(False, "HGG", "Hà Giang", YEAR, 1),
    }
    ordered = sorted(headings, key=lambda n: batch_order(Path(n), headings[n], CATALOG))
    assert ordered == ["z.xlsx", "h.xlsx", "a.xlsx", "b.xlsx", "t.xlsx"]


# --- signatures and pins (issue 9) ------------------------------------------------------

AGENCY_KEY = generate_key_pair()
OTHER_KEY = generate_key_pair()


def _signed(read: SubmissionFile, key: KeyPair = AGENCY_KEY, **meta: Any) -> SubmissionFile:
    signed_meta = sign_submission(key, replace(read.meta, **meta), read.data)
    return replace(read, meta=signed_meta)


def _pinned(held: Holdings, key: KeyPair = AGENCY_KEY) -> Holdings:
    return replace(held, pinned_key=key.public_text, pinned_fingerprint=key.fingerprint)


def _keyed_plan(read: Any, held: Holdings | None, **flags: Any) -> Decision:
    return plan_file(read, CATALOG, held, now=NOW, make_uuid=lambda: "new-uuid",
                     **{"accept_edited": False, **flags})


def test_the_first_signed_file_is_accepted_and_pins_its_key() -> None:
    read = _signed(_submission(V1))
    decision = _keyed_plan(read, _empty())
    assert decision.plan.outcome is ImportOutcome.NEW and decision.plan.signed
    assert decision.plan.key_action == "pin"
    assert decision.write is not None and decision.write.pin == AGENCY_KEY.public_raw
    assert decision.write.key_fingerprint == AGENCY_KEY.fingerprint
    assert [n.code for n in decision.plan.notes] == ["import.key_pinned"]
    assert decision.plan.notes[0].params["fingerprint"] == AGENCY_KEY.fingerprint
    # the batch carries the pin on: the next file of that key is SAME, not FIRST
    later = after(_empty(), decision)
    assert later.pinned_fingerprint == AGENCY_KEY.fingerprint
    second = _keyed_plan(_signed(_submission(V2, 2)), later)
    assert second.plan.outcome is ImportOutcome.NEWER and second.plan.key_action == ""
    assert second.write is not None and second.write.pin == b""


def test_another_key_is_refused_unless_accepted_and_then_supersedes_any_version() -> None:
    held = _pinned(_in_force(_signed(_submission(V1, 7))))
    held = replace(held, versions={}, current_version=None)  # the other key's lineage
    laptop = _signed(_submission(V2, 1), OTHER_KEY)
    refused = _keyed_plan(laptop, held)
    assert refused.plan.refused and refused.write is None and refused.plan.needs_new_key
    problem = refused.plan.problems[0]
    assert problem.code == "import.key_other"
    assert (problem.params["pinned"], problem.params["found"]) == (
        AGENCY_KEY.fingerprint, OTHER_KEY.fingerprint)
    taken = _keyed_plan(laptop, held, accept_new_key=True)
    assert taken.plan.outcome is ImportOutcome.NEWER and taken.write is not None
    assert taken.write.replace_pin and taken.write.pin == OTHER_KEY.public_raw
    assert (taken.write.version, taken.write.file_version) == (8, 1)  # above stored v7
    assert [n.code for n in taken.plan.notes] == ["import.key_replaced"]


@pytest.mark.parametrize("accept_edited", [False, True])
def test_a_bad_signature_is_refused_whatever_is_accepted(accept_edited: bool) -> None:
    genuine = _signed(_submission(V1))
    forged_meta = replace(genuine.meta, version=9)
    forged = replace(genuine, meta=replace(forged_meta, content_hash=content_hash(
        replace(forged_meta, content_hash="", signature=""), V1)))
    truncated = replace(genuine, meta=replace(genuine.meta,
                                              signature=genuine.meta.signature[:30]))
    for read in (forged, truncated):
        decision = _keyed_plan(read, _pinned(_empty()), accept_edited=accept_edited,
                               accept_new_key=True)
        assert decision.plan.refused and not decision.plan.needs_new_key
        assert [p.code for p in decision.plan.problems] == ["import.bad_signature"]


def test_unsigned_files_over_a_signed_agency_need_the_new_key_flag() -> None:
    signed = _pinned(replace(_in_force(_signed(_submission(V1))), signed_in_force=True))
    unsigned = _submission(V2, 2)
    template = _template("Thanh Hóa", ["Một hoạt động"])
    edited = replace(_signed(_submission(V2, 2)), hash_ok=False)
    for read, flags in ((unsigned, {}), (template, {}), (edited, {"accept_edited": True})):
        refused = _keyed_plan(read, signed, **flags)
        assert [p.code for p in refused.plan.problems] == ["import.unsigned_over_signed"]
        assert refused.plan.needs_new_key
        taken = _keyed_plan(read, signed, accept_new_key=True, **flags)
        assert taken.write is not None and not taken.write.signed
        assert taken.write.unsigned_over_signed and not taken.plan.signed
    # an agency from before signatures: unsigned files follow the normal rules
    plain = _keyed_plan(unsigned, _in_force(_submission(V1)))
    assert plain.plan.outcome is ImportOutcome.NEWER and plain.write is not None
    assert not plain.write.unsigned_over_signed and plain.plan.notes == ()


def test_versions_out_of_range_are_refused_and_a_stored_one_counts_as_zero() -> None:
    for version in (10**6, 10**9, 10**20):
        read = _submission(V1)
        decision = _keyed_plan(replace(read, meta=replace(read.meta, version=version)),
                               _empty())
        problem = decision.plan.problems[0]
        assert decision.plan.refused and problem.code == "import.version_out_of_range"
        assert problem.params["version"] == str(version) and decision.plan.version is None
    # the holdings of a stored 10**9 have current_version 0 (import_state): v1 is newer
    held = replace(_in_force(_submission(V1)), versions={10**9: StoredVersion("f" * 64, "x")},
                   current_version=0, top_version=0, in_force_version=10**9)
    decision = _keyed_plan(_submission(V2, 1), held)
    assert decision.plan.outcome is ImportOutcome.NEWER and decision.write is not None
    assert decision.write.version == 1
