"""A file handed to the import, read into plain rows and nothing else.

``read_file`` is the one way in: whatever the file is, it comes back as one of three
things, never as an exception — a refused file with its problems (not a workbook,
damaged, foreign, from a newer program...), a read submission (its metadata, its rows,
whether its content hash matches, and the worksheet row of each record, to locate
problems), or a read template (the general sheet's answers and the converted rows).
What the rows mean for the database is the import plan's business, not the reader's.
A submission's version must lie in 1…MAX_VERSION (issue 9): another is refused here,
naming the file and the value, so a forged 10**9 (or 10**20, which no SQLite integer
holds) never reaches the database.

``read_heading`` reads only what a file says about itself (agency, period, version),
at a fraction of the cost, so that a batch can be put in order before each file is read
whole, one at a time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.exchange.bounds import Checked, open_regular, open_sound, regular_file
from desktop_app.core.exchange.submission import MAX_VERSION, SubmissionData, SubmissionMeta
from desktop_app.core.exchange.template_reader import (
    ReadTemplate,
    is_template,
    read_template,
    read_template_general,
)
from desktop_app.core.exchange.xlsx_reader import (
    check_container,
    read_meta,
    read_submission,
)
from desktop_app.core.problems import Problem, RefusedError, os_detail


@dataclass(frozen=True)
class RefusedFile:
    path: Path
    sha256: str  # "" when the file cannot be read at all
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class SubmissionFile:
    path: Path
    sha256: str
    meta: SubmissionMeta
    data: SubmissionData  # the rows that could be read (rows with a problem are left out)
    hash_ok: bool  # False: the values were changed after the program wrote the file
    problems: tuple[Problem, ...]  # cells that could not be read, located
    rows: dict[str, list[int]] = field(default_factory=dict)  # sheet -> row of each record
    data_json: str = ""  # canonical_json(data), when the reader made it as text: reuse it
    data_sha256: str = ""  # or its hash (canonical.data_hash) alone (every read makes it)


@dataclass(frozen=True)
class TemplateFile:
    path: Path
    sha256: str
    template: ReadTemplate


ReadFile = RefusedFile | SubmissionFile | TemplateFile


@dataclass(frozen=True)
class Heading:
    """What a file says about itself before its rows are read."""

    template: bool
    agency: str  # a submission's agency code; a template's agency as written
    agency_name: str  # a submission's agency name (Vietnamese); "" for a template
    period: int | None
    version: int | None  # None for a template (it becomes the next version)


def storable(text: str) -> str:
    """Text fit for the database: a file name's bytes that were not UTF-8 (kept by Python
    as lone surrogates, which SQLite refuses) written as \\xNN."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def file_sha256(path: Path) -> str:
    """The digest of whatever file is at path now ("" if none can be read)."""
    digest = hashlib.sha256()
    try:
        with open_regular(path) as handle:
            while chunk := handle.read(2**20):
                digest.update(chunk)
    except (OSError, RefusedError):
        return ""
    return digest.hexdigest()


def sound_sha256(path: Path) -> str:
    """The digest of the very file its check found sound (bounds.open_sound refuses
    another put in its place), so that the digest an import records is of the bytes it
    read: taken before the check, as until 2 Dec 2026, it could be another file's."""
    digest = hashlib.sha256()
    try:
        with open_sound(path) as handle:
            while chunk := handle.read(2**20):
                digest.update(chunk)
    except OSError as error:
        raise RefusedError(Problem("file.unreadable", {
            "file": path.name or str(path), "detail": os_detail(error)})) from None
    return digest.hexdigest()


def _regular(path: Path) -> bool:
    try:
        regular_file(path)
    except RefusedError:
        return False
    return True


def _damaged(path: Path, error: BaseException) -> Problem:
    return Problem("xlsx.damaged", {"file": path.name, "detail": type(error).__name__})


def version_problem(path: Path, version: int) -> Problem:
    """A version outside 1…MAX_VERSION, as text (10**20 is no database integer)."""
    return Problem("import.version_out_of_range", {"file": path.name or str(path),
                                                   "version": str(version),
                                                   "max": MAX_VERSION})


def version_ok(version: int) -> bool:
    return 1 <= version <= MAX_VERSION


def read_file(path: Path) -> ReadFile:
    """The file as plain rows, or refused with its problems; never raises for a bad file."""
    path = Path(path)
    sha = ""
    try:
        check_container(path)
        sha = sound_sha256(path)
        if is_template(path):
            return TemplateFile(path, sha, read_template(path, checked=True))
        read = read_submission(path, checked=True)
        if not version_ok(read.meta.version):
            return RefusedFile(path, sha, (version_problem(path, read.meta.version),))
        return SubmissionFile(path, sha, read.meta, read.data, read.hash_ok,
                              tuple(read.problems), read.rows, read.data_json,
                              read.data_sha256)
    except RefusedError as error:
        return RefusedFile(path, sha or _refused_sha256(path), error.problems)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as error:  # noqa: BLE001  (a library's panic is not an Exception)
        return RefusedFile(path, sha or _refused_sha256(path), (_damaged(path, error),))


def _refused_sha256(path: Path) -> str:
    """A refused file's digest, for its log line: of the file there now, if regular."""
    return file_sha256(path) if _regular(path) else ""


def read_heading(path: Path) -> Heading | None:
    """Agency, period and version as the file states them; None when it will be refused."""
    return heading_of(path)[0]


def heading_of(path: Path) -> tuple[Heading | None, Checked | None]:
    """read_heading, and the file as found sound by its check (None: not sound), which a
    reader in another process takes on (xlsx_reader.known_sound) rather than scan again."""
    path = Path(path)
    checked = None
    try:
        checked = check_container(path)
        if is_template(path):
            general = read_template_general(path)
            return Heading(True, general.agency_text, "", general.period, None), checked
        meta = read_meta(path)
        if not version_ok(meta.version):
            return None, checked
        return Heading(False, meta.agency_code, meta.agency_name_vi, meta.period,
                       meta.version), checked
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # noqa: BLE001  (refused, or a library's panic)
        return None, checked
