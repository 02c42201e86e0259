"""The import against forged, impostor and unsigned files (issue 9), through the CLI.

Every file is made here by code: genuine exports of an agency's installation, an
impostor installation of the same agency (which is also what a new laptop is), and
files changed by hand the ways an attacker would. Each refusal is checked for its exit
code, its message and a database left as it was (a hash of every row of every table but
the import log and the audit trail, which record the refusal itself), on both engines.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.canonical import content_hash
from desktop_app.core.exchange.signing import KeyPair, sign_submission
from desktop_app.core.exchange.submission import PreparedSubmission, SubmissionMeta
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.exchange.xlsx_writer import write_workbook
from desktop_app.core.progress import drive
from desktop_app.core.services.completeness import completeness
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.keys import own_key
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.services.templates import make_template
from desktop_app.core.storage.database import Database
from tests import pg
from tests.cli.conftest import CliRunner

YEAR = 2025
LOGS = ("importrecord", "auditevent")


@dataclass(frozen=True)
class Made:
    folder: Path
    v1: Path  # HNI's genuine exports, signed by its key
    v2: Path
    v3: Path
    hni_key: KeyPair
    laptop_v1: Path  # HNI on a new laptop (a fresh init): another key, numbering from 1
    laptop_v2: Path
    laptop_key: KeyPair
    template: Path  # a blank template for YEAR


def _key(db: Database) -> KeyPair:
    with db.reading() as session:
        key = own_key(session)
    assert key is not None
    return key


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    folder = tmp_path_factory.mktemp("signed-files")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        exports: dict[str, list[Path]] = {}
        keys = {}
        for name in ("hni", "laptop"):
            db = Database.open(folder / f"{name}.sqlite")
            initialise(db, Role.AGENCY, "HNI")
            exports[name] = []
            for version in (1, 2, 3) if name == "hni" else (1, 2):
                drive(fill_demo(db, activities=2, seed=version + (10 if name == "laptop" else 0),
                                period=YEAR))
                path = folder / name / f"HNI_{YEAR}_v{version}.xlsx"
                path.parent.mkdir(exist_ok=True)
                drive(export_xlsx(db, YEAR, path))
                exports[name].append(path)
            keys[name] = _key(db)
            db.close()
        focal = Database.open(folder / "focal.sqlite")
        initialise(focal, Role.FOCAL_POINT)
        template = folder / "blank.xlsx"
        make_template(focal, template, YEAR)
        focal.close()
        yield Made(folder, *exports["hni"], keys["hni"], *exports["laptop"], keys["laptop"],
                   template)


# --- helpers ---------------------------------------------------------------------------


def _state(db: str) -> str:
    """A hash of the database's dump, the import log and the audit trail left out."""
    return hashlib.sha256(repr(pg.dump(db, skip=LOGS)).encode()).hexdigest()


def _query(db: str, sql: str) -> list[Any]:
    return pg.rows(db, sql)


def _rewrite(source: Path, target: Path, meta: SubmissionMeta) -> Path:
    data = read_submission(source).data
    drive(write_workbook(PreparedSubmission(meta, data, True), target))
    return target


def _rehashed(meta: SubmissionMeta, source: Path) -> SubmissionMeta:
    """meta with its content hash recomputed (which anyone can do; no key needed)."""
    data = read_submission(source).data
    return replace(meta, content_hash=content_hash(replace(meta, content_hash=""), data))


def _refused(cli: CliRunner, db: str, *args: Any) -> str:
    """Import that must be refused (exit 3) and change nothing; its output."""
    before = _state(db)
    result = cli("--db", db, "--lang", "en", "import", *args)
    assert result.code == 3, result.out + result.err
    assert _state(db) == before
    return result.out + result.err


def _ok(cli: CliRunner, db: str, *args: Any) -> str:
    result = cli("--db", db, "--lang", "en", "import", *args)
    assert result.code == 0, result.out + result.err
    return result.out


def _audit(db: str, action: str) -> list[dict[str, Any]]:
    return [json.loads(d) for (d,) in _query(
        db, f"SELECT detail FROM auditevent WHERE action = '{action}' ORDER BY id")]


# --- the first file pins ------------------------------------------------------------------


def test_the_first_signed_file_pins_its_key(cli: CliRunner, focal_where: str, made: Made) -> None:
    fp = made.hni_key.fingerprint
    out = _ok(cli, focal_where, made.v1)
    assert f"Pinned the signing key of HNI: {fp}" in out
    assert "[unsigned]" not in out
    assert _query(focal_where, "SELECT signed, key_fingerprint FROM submission") == [(1, fp)]
    assert [e["fingerprint"] for e in _audit(focal_where, "key.pinned")] == [fp]
    listing = cli("--db", focal_where, "--lang", "en", "keys", "list")
    assert "HNI" in listing.out and fp in listing.out
    # the same key again: the normal rules, no new pin
    out = _ok(cli, focal_where, made.v2)
    assert "newer" in out and "Pinned" not in out
    assert len(_audit(focal_where, "key.pinned")) == 1
    # undo takes the pin back with the batch
    assert cli("--db", focal_where, "import", "--undo").code == 0
    assert cli("--db", focal_where, "import", "--undo").code == 0
    assert _query(focal_where, "SELECT count(*) FROM pinnedkey") == [(0,)]


# --- forgeries: always refused -----------------------------------------------------------


def test_forged_metadata_with_a_recomputed_hash_is_refused(cli: CliRunner, focal_where: str,
                                                            made: Made, tmp_path: Path) -> None:
    _ok(cli, focal_where, made.v1)
    meta = read_submission(made.v2).meta
    forged = _rewrite(made.v2, tmp_path / "forged.xlsx",
                      _rehashed(replace(meta, version=500), made.v2))
    assert read_submission(forged).hash_ok  # the hash alone does not tell
    for flags in ((), ("--accept-edited",), ("--accept-edited", "--accept-new-key")):
        out = _refused(cli, focal_where, *flags, forged)
        assert "forged.xlsx: the signature of the submission of HNI does not match" in out
        assert "chữ ký của tệp báo cáo của HNI không khớp" in out


def test_a_signature_over_other_metadata_is_refused(cli: CliRunner, focal_where: str,
                                                     made: Made, tmp_path: Path) -> None:
    _ok(cli, focal_where, made.v1)
    other = read_submission(made.v1).meta.signature
    meta = replace(read_submission(made.v2).meta, signature=other)
    out = _refused(cli, focal_where, _rewrite(made.v2, tmp_path / "swapped.xlsx", meta))
    assert "swapped.xlsx: the signature of the submission of HNI does not match" in out


def test_a_truncated_signature_is_refused(cli: CliRunner, focal_where: str, made: Made,
                                          tmp_path: Path) -> None:
    _ok(cli, focal_where, made.v1)
    meta = read_submission(made.v2).meta
    meta = replace(meta, signature=meta.signature[:40])
    out = _refused(cli, focal_where, "--accept-new-key",
                   _rewrite(made.v2, tmp_path / "short.xlsx", meta))
    assert "short.xlsx: the signature of the submission of HNI does not match" in out


# --- another key ------------------------------------------------------------------------


def test_an_impostor_installation_is_refused_naming_both_keys(
        cli: CliRunner, focal_where: str, made: Made) -> None:
    _ok(cli, focal_where, made.v1, made.v2)
    out = _refused(cli, focal_where, made.laptop_v1)
    assert (f"the submission of HNI is signed by the key {made.laptop_key.fingerprint}, "
            f"not by the key pinned for HNI ({made.hni_key.fingerprint})") in out
    assert "--accept-new-key" in out and "Không có gì được ghi" in out


def test_a_file_resigned_with_another_key_is_refused(cli: CliRunner, focal_where: str,
                                                      made: Made, tmp_path: Path) -> None:
    _ok(cli, focal_where, made.v1)
    read = read_submission(made.v2)
    resigned = sign_submission(made.laptop_key, replace(read.meta, version=900), read.data)
    out = _refused(cli, focal_where, _rewrite(made.v2, tmp_path / "resigned.xlsx", resigned))
    assert made.laptop_key.fingerprint in out and made.hni_key.fingerprint in out


def test_a_new_laptop_is_taken_only_deliberately_and_numbers_from_one(
        cli: CliRunner, focal_where: str, made: Made) -> None:
    _ok(cli, focal_where, made.v1, made.v2, made.v3)
    _refused(cli, focal_where, made.laptop_v1)
    out = _ok(cli, focal_where, "--accept-new-key", made.laptop_v1)
    assert "version 1: newer" in out  # not "older" than the v3 in force
    assert (f"Accepted the new key of HNI: {made.laptop_key.fingerprint} "
            f"(in place of {made.hni_key.fingerprint})") in out
    rows = _query(focal_where, "SELECT version, file_version, superseded, key_fingerprint "
                            "FROM submission ORDER BY version")
    assert rows[-1] == (4, 1, 0, made.laptop_key.fingerprint)
    assert all(superseded for _, _, superseded, _ in rows[:-1])
    assert _query(focal_where, "SELECT fingerprint FROM pinnedkey") == [
        (made.laptop_key.fingerprint,)]
    replaced = _audit(focal_where, "key.replaced")
    assert [(e["fingerprint"], e["previous"]) for e in replaced] == [
        (made.laptop_key.fingerprint, made.hni_key.fingerprint)]
    # the new laptop's next version follows its own numbering; the old laptop is refused now
    assert "version 2: newer" in _ok(cli, focal_where, made.laptop_v2)
    out = _refused(cli, focal_where, made.v3)
    assert f"pinned for HNI ({made.laptop_key.fingerprint})" in out


# --- unsigned files -------------------------------------------------------------------------


def test_an_unsigned_file_against_a_signed_agency(cli: CliRunner, focal_where: str, made: Made,
                                                  tmp_path: Path) -> None:
    _ok(cli, focal_where, made.v1)
    meta = read_submission(made.v2).meta
    stripped = _rewrite(made.v2, tmp_path / "stripped.xlsx", _rehashed(
        replace(meta, public_key="", signature=""), made.v2))
    out = _refused(cli, focal_where, stripped)
    assert ("stripped.xlsx: the submission of HNI is not signed, while the submissions of "
            f"HNI are signed by the key {made.hni_key.fingerprint}") in out
    out = _ok(cli, focal_where, "--accept-new-key", stripped)
    assert "version 2: newer" in out and "[unsigned]" in out
    assert _query(focal_where, "SELECT version, signed, key_fingerprint FROM submission "
                            "WHERE superseded = false") == [(2, 0, "")]
    assert [e["file"] for e in _audit(focal_where, "import.unsigned_accepted")] == [
        "stripped.xlsx"]
    # the reporting-status grid (and the reports made from it) says so
    db = pg.open_location(focal_where)
    try:
        grid = completeness(db, [YEAR])
    finally:
        db.close()
    cell = next(row for row in grid.rows if row.code == "HNI").cells[0]
    assert cell.unsigned == ("HNI",)


def test_a_template_claiming_a_signed_agency_is_refused(cli: CliRunner, focal_where: str,
                                                        made: Made, tmp_path: Path) -> None:
    _ok(cli, focal_where, made.v1)
    wb = openpyxl.load_workbook(made.template)
    wb["Thông tin chung"]["C3"] = "Hà Nội"
    wb.save(tmp_path / "claim.xlsx")
    out = _refused(cli, focal_where, tmp_path / "claim.xlsx")
    assert "claim.xlsx: the submission of HNI is not signed" in out


def test_an_edited_file_is_taken_only_as_unsigned(cli: CliRunner, focal_where: str, made: Made,
                                                  tmp_path: Path) -> None:
    _ok(cli, focal_where, made.v1)
    wb = openpyxl.load_workbook(made.v2)
    wb["Hoạt động"]["C3"] = "Sửa sau khi ký"
    wb.save(tmp_path / "edited.xlsx")
    assert "edited after it was exported" in _refused(cli, focal_where, tmp_path / "edited.xlsx")
    out = _refused(cli, focal_where, "--accept-edited", tmp_path / "edited.xlsx")
    assert "is not signed" in out
    out = _ok(cli, focal_where, "--accept-edited", "--accept-new-key", tmp_path / "edited.xlsx")
    assert "[unsigned]" in out
    assert _query(focal_where, "SELECT edited, signed FROM submission "
                               "WHERE superseded = false") == [(1, 0)]
    assert len(_audit(focal_where, "import.edited_accepted")) == 1


def test_an_agency_from_before_signatures_keeps_its_data_until_its_first_signed_file(
        cli: CliRunner, focal_where: str, made: Made, tmp_path: Path) -> None:
    meta = read_submission(made.v1).meta
    old = _rewrite(made.v1, tmp_path / "old.xlsx", _rehashed(
        replace(meta, public_key="", signature=""), made.v1))
    assert "[unsigned]" in _ok(cli, focal_where, old)
    assert _query(focal_where, "SELECT count(*) FROM pinnedkey") == [(0,)]
    out = _ok(cli, focal_where, made.v2)
    assert "Pinned the signing key of HNI" in out and "newer" in out
    assert _query(focal_where, "SELECT version, signed FROM submission ORDER BY version") == [
        (1, 0), (2, 1)]


# --- versions ----------------------------------------------------------------------------


@pytest.mark.parametrize("version", [10**9, 10**20])
def test_a_version_out_of_range_is_refused(cli: CliRunner, focal_where: str, made: Made,
                                           tmp_path: Path, version: int) -> None:
    _ok(cli, focal_where, made.v1)
    read = read_submission(made.v2)
    # signed by the agency's own key: the bound holds whoever signs
    meta = sign_submission(made.hni_key, replace(read.meta, version=version), read.data)
    out = _refused(cli, focal_where, "--accept-new-key", "--accept-edited",
                   _rewrite(made.v2, tmp_path / "big.xlsx", meta))
    if version < 2**31:  # the plan's bound, worded as such
        assert f"big.xlsx: the version number {version} is not valid" in out
        assert "from 1 to 999999" in out.replace(",", "")
    else:  # the reader already refuses a metadata number no integer column can hold
        assert "big.xlsx" in out and "“version” is missing or wrong" in out
    # the genuine next version is not locked out
    assert "newer" in _ok(cli, focal_where, made.v2)


def test_a_stored_version_above_the_bound_counts_as_zero(cli: CliRunner, focal_where: str,
                                                          made: Made) -> None:
    _ok(cli, focal_where, made.v1)
    pg.execute(focal_where, "UPDATE submission SET version = 1000000000")  # a forgery taken
    # before versions were bounded
    assert "version 2: newer" in _ok(cli, focal_where, made.v2)
