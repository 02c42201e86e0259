"""The command line: the same use cases as the window, headless.

Exit codes are a contract (see DESIGN.md): 0 done, 2 wrong usage, 3 an input
was refused, 4 the database is busy (another program kept it locked past the
wait), 1 an internal error (details in the log file, never a bare traceback on
the terminal).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from desktop_app import __version__
from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.labels import label
from desktop_app.core.paths import default_db_path, demo_db_path, log_file
from desktop_app.core.problems import NapError, UsageError
from desktop_app.core.progress import Cancelled, Progress, drive
from desktop_app.messages import bilingual, problems_bilingual, system_language, text

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_REFUSED, EXIT_BUSY = 0, 1, 2, 3, 4


class _Parser(argparse.ArgumentParser):
    """argparse that words its complaints in both languages and never exits by itself."""

    lang = "en"

    def error(self, message: str) -> NoReturn:
        raise UsageError.of("cli.usage", detail=message)


def _year(value: str) -> int:
    if len(value) != 4 or not (value.isascii() and value.isdigit()):
        raise UsageError.of("period.malformed", value=value)
    return int(value)


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def _database_location(value: str) -> Path:
    """--db: a file path; a URL is never taken for a file name."""
    if _URL.match(value):
        scheme = value.split("://", 1)[0].lower()
        if scheme.split("+", 1)[0] in ("postgresql", "postgres"):
            raise UsageError.of("db.postgresql_unsupported", url=value)
        raise UsageError.of("db.url_unsupported", url=value)
    return Path(value)


def build_parser() -> _Parser:
    parser = _Parser(
        prog="nap-reporter",
        description="NAP Reporter: báo cáo thực hiện Kế hoạch hành động quốc gia (ICCPR) / "
        "reporting on the National Action Plans for the ICCPR.",
    )
    parser.add_argument("--version", action="version", version=f"nap-reporter {__version__}")
    parser.add_argument("--db", type=_database_location,
                        help="database file (default: per-user data folder)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of messages and window")
    parser.add_argument("--demo", action="store_true", help="open the separate demo database")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render the main window to a PNG file and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser("agencies", help="list agency codes and names")

    init = commands.add_parser("init", help="set up a database for one role")
    init.add_argument("--role", required=True, choices=[r.value for r in Role])
    init.add_argument("--agency", metavar="CODE")
    init.add_argument("--contact", metavar="NAME", default="", help="contact person")

    demo = commands.add_parser("demo", help="fill the database with demo data")
    demo.add_argument("--activities", type=int, default=500, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--period", type=_year, metavar="P")

    status = commands.add_parser("status", help="what the database holds")
    status.add_argument("--json", action="store_true")

    # --- export (xlsx, pdf) ---
    export = commands.add_parser("export", help="write this agency's submission (xlsx or pdf)")
    export.add_argument("format", choices=("xlsx", "pdf"))
    export.add_argument("--period", type=_year, required=True, metavar="P")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    # --- template ---
    template = commands.add_parser("template", help="write the blank template workbook")
    template.add_argument("--period", type=_year, metavar="P")
    template.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    # --- period lock/unlock ---
    period = commands.add_parser("period", help="lock or unlock a reporting period")
    period_actions = period.add_subparsers(dest="period_action", metavar="ACTION",
                                           parser_class=_Parser, required=True)
    lock = period_actions.add_parser("lock", help="lock the period against edits")
    lock.add_argument("period", type=_year, metavar="P")
    unlock = period_actions.add_parser("unlock", help="unlock the period, with a reason")
    unlock.add_argument("period", type=_year, metavar="P")
    unlock.add_argument("--reason", required=True, metavar="TEXT")
    # --- import (focal point) ---
    imports = commands.add_parser("import", help="import agencies' submission files "
                                  "(focal point)")
    imports.add_argument("files", nargs="*", type=Path, metavar="FILE")
    imports.add_argument("--dry-run", action="store_true",
                         help="show what would happen; write nothing")
    imports.add_argument("--accept-edited", action="store_true",
                         help="accept files edited after export (validated like a template)")
    imports.add_argument("--accept-new-key", action="store_true",
                         help="accept a file signed by another key than its agency's pinned "
                         "one (the pin is replaced), or an unsigned file over a signed agency")
    imports.add_argument("--undo", action="store_true",
                         help="undo the last import command (the whole batch)")
    # --- report (focal point) ---
    report = commands.add_parser("report", help="write the national consolidated report "
                                 "(focal point; xlsx or pdf)")
    report.add_argument("format", choices=("xlsx", "pdf"))
    report.add_argument("--period", type=_year, required=True, metavar="P")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    # --- assess (focal point) ---
    from desktop_app.core.domain.enums import Grade, Implementation

    assess = commands.add_parser("assess", help="grade a recommendation's implementation "
                                 "(focal point)")
    assess.add_argument("recommendation", metavar="REC", help="recommendation code")
    assess.add_argument("--grade", required=True, type=str.upper,
                        choices=[g.value for g in Grade], help="the Committee's A-E scale")
    assess.add_argument("--implementation", required=True, type=str.lower,
                        choices=[i.value for i in Implementation])
    assess.add_argument("--note", default="", metavar="TEXT")
    assess.add_argument("--period", type=_year, metavar="P",
                        help="default: the current year if the catalog has it")
    # --- catalog, backup, restore ---
    catalog = commands.add_parser("catalog", help="publish or install a catalog update")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", metavar="ACTION",
                                              parser_class=_Parser, required=True)
    catalog_export = catalog_commands.add_parser("export", help="write the catalog to a file")
    catalog_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    catalog_import = catalog_commands.add_parser("import", help="install a newer catalog")
    catalog_import.add_argument("file", type=Path, metavar="FILE")
    catalog_import.add_argument("--accept-new-key", action="store_true",
                                help="accept an update signed by a key other than the "
                                "focal point's pinned one, or an unsigned one")
    # --- keys ---
    keys = commands.add_parser("keys", help="signing keys: this installation's and the "
                               "pinned ones")
    keys_actions = keys.add_subparsers(dest="keys_action", metavar="ACTION",
                                       parser_class=_Parser, required=True)
    keys_actions.add_parser("list", help="this installation's key (agency); also every "
                            "pinned agency key (focal point)")
    backup = commands.add_parser("backup", help="copy the database to a file")
    backup.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--accept-other-role", action="store_true",
                         help="restore a backup of the other role (focal point / agency)")
    parser.set_defaults(message_lang="en")
    return parser


# --- output ------------------------------------------------------------------


def _say(lines: Sequence[str], stream: Any = None) -> None:
    stream = stream or sys.stdout
    for line in lines:
        print(line, file=stream)


def _say_both(key: str, lang: str, stream: Any = None, **params: Any) -> None:
    """A refusal or a warning: the chosen language first, the other after."""
    _say(bilingual(lambda lg: [text(key, lg, **params)], lang), stream)


def _say_done(key: str, lang: str, **params: Any) -> None:
    _say([text(key, lang, **params)])


class _Bar:
    """A progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.last = -1

    def __call__(self, step: Progress) -> None:
        if not self.enabled or step.total <= 0:
            return
        percent = step.done * 100 // step.total
        if percent != self.last:
            self.last = percent
            filled = percent * 30 // 100
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {percent:3d}%")
            sys.stderr.flush()
            if step.done >= step.total:
                sys.stderr.write("\n")


# --- commands ----------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    if args.db is not None:
        return Path(args.db)
    return demo_db_path() if args.demo else default_db_path()


class _BusyNotice:
    """Says once, on standard error, that a writer is waiting for the database."""

    def __init__(self, lang: str) -> None:
        self.lang, self.said = lang, False

    def __call__(self, seconds: float) -> None:
        if not self.said:
            self.said = True
            _say_both("db.busy_waiting", self.lang, sys.stderr,
                      seconds=int(seconds) if float(seconds).is_integer() else seconds)
            sys.stderr.flush()


def _open(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The database named by --db; only init (create=True) may make a new one."""
    from desktop_app.core.storage.database import Database

    return Database.open(_db_path(args), create=create,
                         notice=_BusyNotice(args.message_lang))


def cmd_agencies(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.setup import agency_choices

    for choice in agency_choices():
        print(f"{choice.code}\t{choice.name(lang)}")
    return EXIT_OK


def cmd_init(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.setup import check_agency_code, initialise

    role = Role(args.role)
    if role is Role.FOCAL_POINT and args.agency:
        raise UsageError.of("agency.not_for_focal_point")
    if role is Role.AGENCY:
        if not args.agency:
            raise UsageError.of("agency.missing")
        check_agency_code(args.agency)  # before any file is made
    db = _open(args, create=True)
    try:
        change = initialise(db, role, args.agency, args.contact)
    finally:
        db.close()
    agency = f", {args.agency.strip().upper()}" if role is Role.AGENCY else ""
    _say_done("cli.init_done", lang, db=db.path, role=role.value, agency=agency,
              version=change.version)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.demo import fill_demo

    if args.activities < 0:
        raise UsageError.of("value.negative", value=args.activities)
    db = _open(args)
    started = time.perf_counter()
    try:
        result = drive(fill_demo(db, activities=args.activities, seed=args.seed,
                                 period=args.period), _Bar())
    finally:
        db.close()
    _say_done("cli.demo_done", lang, activities=result.activities,
              indicators=result.indicators, results=result.results, period=result.period,
              seconds=time.perf_counter() - started)
    if result.submissions:
        _say_done("cli.demo_submissions", lang, submissions=result.submissions)
    return EXIT_OK


def cmd_status(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.status import status

    db = _open(args)
    try:
        facts = status(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        for key, value in facts.items():
            print(f"{key}: {'-' if value is None else value}")
    return EXIT_OK


def cmd_catalog(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.catalog.document import read_catalog
    from desktop_app.core.services.catalog import export_catalog, install_catalog_file

    if args.catalog_command == "export":
        db = _open(args)
        try:
            version = export_catalog(db, args.output)
        finally:
            db.close()
        _say_done("cli.catalog_exported", lang, file=args.output, version=version)
        return EXIT_OK
    read_catalog(args.file)  # checked whole before the database is even opened
    db = _open(args)
    try:
        change = install_catalog_file(db, args.file, accept_new_key=args.accept_new_key)
    finally:
        db.close()
    if change.applied:
        _say_done("cli.catalog_applied", lang, version=change.version,
                  previous=change.previous_version or "-",
                  added=sum(change.added.values()), updated=sum(change.updated.values()),
                  retired=sum(change.retired.values()))
        if change.key_event:
            said = {"pinned": "catalog.key_pinned", "replaced": "catalog.key_replaced",
                    "unsigned_accepted": "catalog.unsigned_accepted"}[change.key_event]
            _say_done(said, lang, fingerprint=change.fingerprint,
                      previous=change.previous_fingerprint)
    else:
        _say_done("cli.catalog_not_newer", lang, version=change.version,
                  installed=change.previous_version)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.storage.backup import backup_database

    db = _open(args)  # also refuses a database from a newer version
    db.close()
    backup_database(db.path, args.output)
    _say_done("cli.backup_done", lang, db=db.path, file=args.output)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.storage.backup import restore_database

    target = _db_path(args)
    safety = restore_database(args.file, target, accept_other_role=args.accept_other_role,
                              notice=_BusyNotice(lang))
    _open(args).close()  # migrates a backup from an older version, with its own backup
    if safety == target:  # there was no database here before: nothing to keep
        _say_done("cli.restore_new", lang, db=target, file=args.file)
    else:
        _say_done("cli.restore_done", lang, db=target, file=args.file, safety=safety)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    if args.format == "xlsx":
        from desktop_app.core.services.submissions import export_xlsx as export
    else:
        from desktop_app.core.services.agency_report import export_pdf as export

    db = _open(args)
    try:
        prepared = drive(export(db, args.period, args.output), _Bar())
    finally:
        db.close()
    meta = prepared.meta
    _say_done("export.done_new" if prepared.new_version else "export.done_same", lang,
              file=args.output, agency=meta.agency_code, period=meta.period,
              version=meta.version, activities=meta.activities, indicators=meta.indicators,
              links=meta.links, hash=meta.content_hash)
    return EXIT_OK


def cmd_window(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.ui.launch import launch

    return launch(_db_path(args), lang=lang, demo=args.demo, screenshot=args.screenshot,
                  lang_given=args.lang is not None)


def cmd_template(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.templates import make_template

    db = _open(args)
    try:
        make_template(db, args.output, args.period)
    finally:
        db.close()
    _say_done("template.written", lang, file=args.output,
              period=args.period if args.period is not None else "-")
    return EXIT_OK


def cmd_period(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.periods import check_reason, lock_period, unlock_period

    if args.period_action == "unlock":
        check_reason(args.reason, args.period)  # before any database is opened
    db = _open(args)
    try:
        if args.period_action == "lock":
            lock_period(db, args.period)
        else:
            unlock_period(db, args.period, args.reason)
    finally:
        db.close()
    _say_done(f"period.{args.period_action}ed_done", lang, period=args.period)
    return EXIT_OK


def cmd_assess(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.assessments import assess, default_year

    db = _open(args)
    try:
        year = args.period if args.period is not None else default_year(db)
        outcome = assess(db, args.recommendation, args.grade, args.implementation, args.note,
                         year)
    finally:
        db.close()
    row, old = outcome.row, outcome.replaced
    period = (text("assess.period", lang, period=year) if year is not None
              else text("assess.no_period", lang))
    _say_done("assess.replaced" if old else "assess.recorded", lang, code=row.recommendation_code,
              period=period, grade=row.grade,
              implementation=text(f"implementation.{row.implementation}", lang),
              previous_grade=old.grade if old else "",
              previous_implementation=text(f"implementation.{old.implementation}", lang)
              if old else "")
    return EXIT_OK




def _import_lines(plan: Any, lang: str) -> list[str]:
    agency = plan.agency_code or "?"
    if plan.rollup_code and plan.rollup_code != plan.agency_code:
        agency = f"{agency} (→ {plan.rollup_code})"
    line = text("import.line", lang, file=plan.path.name or str(plan.path), agency=agency,
                period=plan.period if plan.period is not None else "?",
                version=plan.version if plan.version is not None else "-",
                outcome=label(plan.outcome, lang),
                added=plan.added, changed=plan.changed, removed=plan.removed)
    if plan.agency_code and not plan.refused and not plan.signed:
        line += text("import.unsigned_mark", lang)
    for note in plan.notes:  # a key pinned or replaced: on the file's own line
        line += " — " + text(note.code, lang, **note.params)
    return [line] + ["  " + p for p in problems_bilingual(plan.problems, lang)]


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.imports import plan_import, run_import, undo_last_import

    if args.undo:
        if args.files or args.dry_run or args.accept_edited or args.accept_new_key:
            raise UsageError.of("import.undo_with_files")
        db = _open(args)
        try:
            undone = undo_last_import(db)
        finally:
            db.close()
        _say_done("import.undo_done", lang, batch=undone.batch_uuid, files=undone.files)
        return EXIT_OK
    if not args.files:
        raise UsageError.of("import.no_files")
    db = _open(args)
    try:
        if args.dry_run:
            plans = drive(plan_import(db, args.files, accept_edited=args.accept_edited,
                                      accept_new_key=args.accept_new_key), _Bar())
        else:
            summary = drive(run_import(db, args.files, accept_edited=args.accept_edited,
                                       accept_new_key=args.accept_new_key), _Bar())
            plans = summary.plans
    finally:
        db.close()
    for plan in plans:
        _say(_import_lines(plan, lang))
    refused = sum(1 for p in plans if p.refused)
    accepted = sum(1 for p in plans if p.accepted)
    _say_done("import.dry_summary" if args.dry_run else "import.summary", lang,
              files=len(plans), accepted=accepted, refused=refused,
              unchanged=len(plans) - accepted - refused)
    return EXIT_REFUSED if refused else EXIT_OK

def cmd_report(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.national_report import (
        export_national_pdf,
        export_national_xlsx,
        national_report_data,
        national_summary,
    )

    export = export_national_xlsx if args.format == "xlsx" else export_national_pdf
    db = _open(args)
    started = time.perf_counter()
    try:
        report = national_report_data(db, args.period)
        drive(export(db, args.period, args.output, report=report), _Bar())
    finally:
        db.close()
    facts = national_summary(report, lang)
    _say_done("report.done", lang, file=args.output, period=args.period,
              seconds=time.perf_counter() - started, **facts)
    return EXIT_OK


def _local_time(moment: Any) -> str:
    """A UTC moment in this computer's time, as Vietnamese write it: 01/12/2026 14:05."""
    return "-" if moment is None else str(moment.astimezone().strftime("%d/%m/%Y %H:%M"))


def cmd_keys(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.keys import list_keys

    db = _open(args)
    try:
        listing = list_keys(db)
    finally:
        db.close()
    assert listing.role is not None
    who = label(listing.role, lang) + (f" {listing.agency_code}" if listing.agency_code
                                        else "")
    if listing.own_fingerprint:
        _say_done("keys.own", lang, who=who, fingerprint=listing.own_fingerprint)
        _say_done("keys.own_public", lang, public_key=listing.own_public_key)
    else:
        _say_done("keys.own_none", lang, who=who)
    if listing.role is Role.FOCAL_POINT:
        if not listing.pinned:
            _say_done("keys.none_pinned", lang)
        else:
            _say_done("keys.pinned_head", lang, count=len(listing.pinned))
        for pin in listing.pinned:
            _say_done("keys.pinned_line", lang, agency=pin.agency_code,
                      fingerprint=pin.fingerprint, when=_local_time(pin.pinned_at),
                      file=pin.file_name or "-")
    elif listing.catalog_key is None:
        _say_done("keys.catalog_none", lang)
    else:
        focal = listing.catalog_key
        _say_done("keys.catalog_pinned", lang, fingerprint=focal.fingerprint,
                  when=_local_time(focal.pinned_at), file=focal.file_name or "-")
    return EXIT_OK


COMMANDS: dict[str | None, Callable[[argparse.Namespace, str], int]] = {
    None: cmd_window,
    "agencies": cmd_agencies,
    "init": cmd_init,
    "demo": cmd_demo,
    "status": cmd_status,
    "export": cmd_export,
    "template": cmd_template,
    "period": cmd_period,
    "import": cmd_import,
    "report": cmd_report,
    "assess": cmd_assess,
    "catalog": cmd_catalog,
    "keys": cmd_keys,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def _database_problem(error: Exception, args: argparse.Namespace | None) -> NapError | None:
    from desktop_app.core.storage.failures import database_failure

    if args is None:
        return None
    return database_failure(error, _db_path(args))


def _log_internal_error(argv: Sequence[str]) -> Path | str:
    try:
        path = log_file()
        logging.basicConfig(filename=path, level=logging.INFO, force=True,
                            format="%(asctime)s %(levelname)s %(message)s")
        logging.getLogger("nap-reporter").error(
            "internal error in: nap-reporter %s\n%s", " ".join(argv), traceback.format_exc())
        return path
    except Exception:  # the log itself failed: still no traceback on the terminal
        return "(log unavailable)"


def _language_in(argv: Sequence[str]) -> str | None:
    """--lang as given, read before parsing so that usage errors use it too."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        else:
            continue
        if value in ("vi", "en"):
            return value
    return None


def _utf8_streams() -> None:
    """Vietnamese must never crash output: a pipe or file in a legacy code page gets UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def _log_unraisable(argv: Sequence[str]) -> Callable[[Any], None]:
    def hook(unraisable: Any) -> None:
        with contextlib.suppress(Exception):
            logging.basicConfig(filename=log_file(), level=logging.INFO, force=True,
                                format="%(asctime)s %(levelname)s %(message)s")
            logging.getLogger("nap-reporter").warning(
                "ignored in %r during: nap-reporter %s\n%s", unraisable.object, " ".join(argv),
                "".join(traceback.format_exception(unraisable.exc_value)))

    return hook


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit code follows the contract in DESIGN.md.

    A library whose clean-up fails after the command gave up (a ZipFile closed by
    the garbage collector on a full disk, maybe only as the process ends) would
    print "Exception ignored" with a traceback; such reports go to the log file
    instead, for the rest of the process. A hook someone else installed (a test
    runner's) is given back when main returns.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    previous = sys.unraisablehook
    sys.unraisablehook = _log_unraisable(argv)
    try:
        return _main(argv)
    finally:
        if previous is not sys.__unraisablehook__:
            sys.unraisablehook = previous


def _main(argv: list[str]) -> int:
    _utf8_streams()
    lang = _language_in(argv) or system_language()
    args: argparse.Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        lang = args.lang or lang
        args.message_lang = lang
        return COMMANDS[args.command](args, lang)
    except NapError as error:
        lines = problems_bilingual(error.problems, lang)
        if error.problems and error.problems[0].code == "cli.usage":
            detail = error.problems[0].params.get("detail", "")
            lines = bilingual(lambda lg: [text("cli.usage_error", lg, detail=detail)], lang)
        _say(lines, sys.stderr)
        return error.exit_code
    except (Cancelled, KeyboardInterrupt):
        _say_both("cli.cancelled", lang, sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader went away (`... | head`): not a fault of ours, and nothing to say.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (silences the exit flush)
        return EXIT_OK
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    except Exception as error:
        known = _database_problem(error, args)
        if known is not None:  # busy, damaged or a full disk, met outside a unit of work
            _say(problems_bilingual(known.problems, lang), sys.stderr)
            return known.exit_code
        _say_both("cli.internal_error", lang, sys.stderr, log=_log_internal_error(argv))
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
