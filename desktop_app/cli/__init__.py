"""The command line: the same use cases as the window, headless.

The grammar is in parser.py, what is printed and the database opened in output.py;
here are the commands and main(), which turns every outcome into an exit code.

Exit codes are a contract (see DESIGN.md): 0 done, 2 wrong usage, 3 an input
was refused, 4 the database is busy (another program kept it locked past the
wait), 1 an internal error (details in the log file, never a bare traceback on
the terminal).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from desktop_app.cli.assess import cmd_assess
from desktop_app.cli.audit import cmd_audit
from desktop_app.cli.help_words import speak
from desktop_app.cli.migrate import cmd_migrate_to
from desktop_app.cli.output import (
    BusyNotice,
    FilesDone,
    ProgressBar,
    db_location,
    db_path,
    open_database,
    say,
    say_both,
    say_done,
)
from desktop_app.cli.parser import build_parser
from desktop_app.cli.recommendations import cmd_recommendations
from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.labels import label
from desktop_app.core.paths import log_file
from desktop_app.core.problems import NapError, UsageError
from desktop_app.core.progress import Cancelled, collector_paused, drive
from desktop_app.messages import bilingual, problems_bilingual, system_language, text, visible

if TYPE_CHECKING:
    from desktop_app.core.exchange.submission import PreparedSubmission
    from desktop_app.core.storage.database import Database

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_REFUSED, EXIT_BUSY = 0, 1, 2, 3, 4
T = TypeVar("T")


# --- commands ----------------------------------------------------------------


def cmd_agencies(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.catalog.agencies import agency_choices

    for choice in agency_choices():
        print(f"{choice.code}\t{choice.name(lang)}")
    return EXIT_OK


def cmd_init(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.catalog.agencies import check_agency_code
    from desktop_app.core.services.setup import initialise

    role = Role(args.role)
    if role is Role.FOCAL_POINT and args.agency:
        raise UsageError.of("agency.not_for_focal_point")
    if role is Role.AGENCY:
        if not args.agency:
            raise UsageError.of("agency.missing")
        check_agency_code(args.agency)  # before any file is made
    db = open_database(args, create=True)
    try:
        change = initialise(db, role, args.agency, args.contact)
    finally:
        db.close()
    agency = f", {args.agency.strip().upper()}" if role is Role.AGENCY else ""
    say_done("cli.init_done", lang, db=db.location, role=role.value, agency=agency,
              version=change.version)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.demo import fill_demo

    if args.activities < 0:
        raise UsageError.of("value.negative", value=args.activities)
    db = open_database(args)
    started = time.perf_counter()
    try:
        result = drive(fill_demo(db, activities=args.activities, seed=args.seed,
                                 period=args.period), ProgressBar())
    finally:
        db.close()
    say_done("cli.demo_done", lang, activities=result.activities,
              indicators=result.indicators, results=result.results, period=result.period,
              seconds=time.perf_counter() - started)
    if result.submissions:
        say_done("cli.demo_submissions", lang, submissions=result.submissions)
    return EXIT_OK


def _quick_or_opened(args: argparse.Namespace, quick: Callable[[Path], T | None],
                     opened: Callable[[], Callable[[Database], T]]) -> T:
    """quick(file) on a SQLite file at the schema (sqlite3 alone, no SQLAlchemy); else, or
    when quick is not sure (None), opened()(db) on the database opened in full (a server,
    a file to migrate...). opened imports the full way's module only when it is needed."""
    location = db_location(args)
    found = quick(location) if isinstance(location, Path) else None
    if found is None:
        full = opened()
        db = open_database(args)
        try:
            found = full(db)
        finally:
            db.close()
    return found


def cmd_status(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.status import quick_status, status

    facts = _quick_or_opened(args, quick_status, lambda: status)
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        for key, value in facts.items():
            print(f"{key}: {'-' if value is None else value}")
    return EXIT_OK


def cmd_catalog(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.catalog.document import read_catalog
    from desktop_app.core.services.catalog import export_catalog, install_catalog_file

    if args.catalog_command == "recommendations":
        return cmd_recommendations(args, lang)
    if args.catalog_command == "export":
        db = open_database(args)
        try:
            version = export_catalog(db, args.output)
        finally:
            db.close()
        say_done("cli.catalog_exported", lang, file=args.output, version=version)
        return EXIT_OK
    read_catalog(args.file)  # checked whole before the database is even opened
    db = open_database(args)
    try:
        change = install_catalog_file(db, args.file, accept_new_key=args.accept_new_key)
    finally:
        db.close()
    if change.applied:
        say_done("cli.catalog_applied", lang, version=change.version,
                  previous=change.previous_version or "-",
                  added=sum(change.added.values()), updated=sum(change.updated.values()),
                  retired=sum(change.retired.values()))
        if change.key_event:
            said = {"pinned": "catalog.key_pinned", "replaced": "catalog.key_replaced",
                    "unsigned_accepted": "catalog.unsigned_accepted"}[change.key_event]
            say_done(said, lang, fingerprint=change.fingerprint,
                      previous=change.previous_fingerprint)
    else:
        say_done("cli.catalog_not_newer", lang, version=change.version,
                  installed=change.previous_version)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.storage.backup import backup_database

    db = open_database(args)  # also refuses a database from a newer version
    db.close()
    backup_database(db.path, args.output)
    say_done("cli.backup_done", lang, db=db.path, file=args.output)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.audit import record_restored
    from desktop_app.core.storage.backup import restore_database

    target = db_path(args)
    safety = restore_database(args.file, target, accept_other_role=args.accept_other_role,
                              notice=BusyNotice(lang))
    db = open_database(args)  # migrates a backup from an older version, with its own backup
    try:
        record_restored(db, args.file, None if safety == target else safety)
    finally:
        db.close()
    if safety == target:  # there was no database here before: nothing to keep
        say_done("cli.restore_new", lang, db=target, file=args.file)
    else:
        say_done("cli.restore_done", lang, db=target, file=args.file, safety=safety)
    return EXIT_OK


def _export(args: argparse.Namespace) -> PreparedSubmission:
    from desktop_app.core.storage.quick_sqlite import open_quick

    if args.format == "xlsx":
        from desktop_app.core.services.submissions import export_xlsx as export
    else:
        from desktop_app.core.services.agency_report import export_pdf as export
    from desktop_app.core.services.submissions import quick_exportable

    # An agency's file at the schema is exported on sqlite3 alone (no SQLAlchemy, issue
    # 11); anything else (a file to migrate, a refusal to word) on the full open.
    location = db_path(args)
    db: Any = open_quick(location, notice=BusyNotice(args.message_lang))
    if db is not None and not quick_exportable(db, args.period):
        db.close()
        db = None
    if db is None:
        db = open_database(args)
    try:
        return drive(export(db, args.period, args.output), ProgressBar())
    finally:
        db.close()


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    # The command is one process that ends with the export: its hundreds of thousands of
    # values (none in a cycle) are freed by reference counting, and the collector's
    # passes over them while they live only cost time (~0.1-0.4 s at 20,000 activities;
    # ``report xlsx`` ~0.5-0.7 s at 100,000). Put back after: main() may run in-process.
    with collector_paused():
        prepared = _export(args)
    meta = prepared.meta
    say_done("export.done_new" if prepared.new_version else "export.done_same", lang,
              file=args.output, agency=meta.agency_code, period=meta.period,
              version=meta.version, activities=meta.activities, indicators=meta.indicators,
              links=meta.links, hash=meta.content_hash)
    return EXIT_OK


def cmd_window(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.ui.launch import launch

    location = db_location(args)
    if args.db is None and not args.demo:  # the shared database chosen in the window
        from desktop_app.ui.dialogs.server_password import saved_server

        location = saved_server() or location
    return launch(location, lang=lang, demo=args.demo, screenshot=args.screenshot,
                  lang_given=args.lang is not None)


def cmd_template(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.templates import make_template

    db = open_database(args)
    try:
        make_template(db, args.output, args.period)
    finally:
        db.close()
    say_done("template.written", lang, file=args.output,
              period=args.period if args.period is not None else "-")
    return EXIT_OK


def cmd_period(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.periods import check_reason, lock_period, unlock_period

    if args.period_action == "unlock":
        check_reason(args.reason, args.period)  # before any database is opened
    db = open_database(args)
    try:
        if args.period_action == "lock":
            lock_period(db, args.period)
        else:
            unlock_period(db, args.period, args.reason)
    finally:
        db.close()
    say_done(f"period.{args.period_action}ed_done", lang, period=args.period)
    return EXIT_OK


def _import_lines(plan: Any, lang: str) -> tuple[str, list[str]]:
    """The file's line (standard output) and its problems, each naming the file (errors)."""
    agency = plan.agency_code or "?"
    if plan.rollup_code and plan.rollup_code != plan.agency_code:
        agency = f"{agency} (→ {plan.rollup_code})"
    name = plan.path.name or str(plan.path)
    line = text("import.line", lang, file=name, agency=agency,
                period=plan.period if plan.period is not None else "?",
                version=plan.version if plan.version is not None else "-",
                outcome=label(plan.outcome, lang),
                added=plan.added, changed=plan.changed, removed=plan.removed)
    if plan.agency_code and not plan.refused and not plan.signed:
        line += text("import.unsigned_mark", lang)
    for note in plan.notes:  # a key pinned or replaced: on the file's own line
        line += " — " + text(note.code, lang, **note.params)
    return line, [f"  {visible(name)}: {p}" for p in problems_bilingual(plan.problems, lang)]


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    if args.undo:
        if args.files or args.dry_run or args.accept_edited or args.accept_new_key:
            raise UsageError.of("import.undo_with_files")
        from desktop_app.core.services.imports import undo_last_import

        db = open_database(args)
        try:
            undone = undo_last_import(db)
        finally:
            db.close()
        say_done("import.undo_done", lang, batch=undone.batch_uuid, files=undone.files)
        return EXIT_OK
    if not args.files:
        raise UsageError.of("import.no_files")
    # The files' first look (each container's bounds checked, the costly part) begins in
    # children forked now (no other thread yet), which then read the files, while this
    # process loads the database layer (~0.6 s).
    from desktop_app.core.services.import_reading import EarlyHeadings

    early = EarlyHeadings(args.files, fork=True)
    try:
        # The collector rests while the database layer loads and opens: its passes over
        # the modules' new objects, which all live on, cost ~45 ms of CPU (measured).
        with collector_paused():
            from desktop_app.core.services.imports import plan_import, run_import

            db = open_database(args)
        try:
            if args.dry_run:
                plans = drive(plan_import(db, args.files, accept_edited=args.accept_edited,
                                          accept_new_key=args.accept_new_key, early=early),
                              ProgressBar())
            else:
                finished = FilesDone(ProgressBar())
                try:
                    summary = drive(run_import(
                        db, args.files, accept_edited=args.accept_edited,
                        accept_new_key=args.accept_new_key, early=early), finished)
                except (Cancelled, KeyboardInterrupt):
                    if not finished.files:  # nothing written (else each file done stays)
                        raise
                    say_both("import.cancelled_after", lang, sys.stderr, done=finished.files,
                             files=len(args.files))
                    return EXIT_REFUSED
                plans = summary.plans
        finally:
            db.close()
    finally:
        early.close()
    for plan in plans:  # the file's line on standard output, its reasons on errors
        line, reasons = _import_lines(plan, lang)
        say([line])
        if reasons:
            sys.stdout.flush()
            say(reasons, sys.stderr)
    refused = sum(1 for p in plans if p.refused)
    accepted = sum(1 for p in plans if p.accepted)
    say_done("import.dry_summary" if args.dry_run else "import.summary", lang,
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
    db = open_database(args)
    started = time.perf_counter()
    try:
        with collector_paused():
            # a workbook shows no themes of challenges and next steps: not read for one
            report = national_report_data(db, args.period, themes=args.format == "pdf")
            drive(export(db, args.period, args.output, report=report), ProgressBar())
    finally:
        db.close()
    facts = national_summary(report, lang)
    say_done("report.done", lang, file=args.output, period=args.period,
              seconds=time.perf_counter() - started, **facts)
    return EXIT_OK


def _local_time(moment: Any) -> str:
    """A UTC moment in this computer's time, as Vietnamese write it: 01/12/2026 14:05."""
    return "-" if moment is None else str(moment.astimezone().strftime("%d/%m/%Y %H:%M"))


def cmd_keys(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.key_listing import KeyListing, quick_key_listing

    def opened() -> Callable[[Database], KeyListing]:
        from desktop_app.core.services.keys import list_keys

        return list_keys

    listing = _quick_or_opened(args, quick_key_listing, opened)
    assert listing.role is not None
    who = label(listing.role, lang) + (f" {listing.agency_code}" if listing.agency_code
                                        else "")
    if listing.own_fingerprint:
        say_done("keys.own", lang, who=who, fingerprint=listing.own_fingerprint)
        say_done("keys.own_public", lang, public_key=listing.own_public_key)
    else:
        say_done("keys.own_none", lang, who=who)
    if listing.role is Role.FOCAL_POINT:
        if not listing.pinned:
            say_done("keys.none_pinned", lang)
        else:
            say_done("keys.pinned_head", lang, count=len(listing.pinned))
        for pin in listing.pinned:
            say_done("keys.pinned_line", lang, agency=pin.agency_code,
                      fingerprint=pin.fingerprint, when=_local_time(pin.pinned_at),
                      file=pin.file_name or "-")
    elif listing.catalog_key is None:
        say_done("keys.catalog_none", lang)
    else:
        focal = listing.catalog_key
        say_done("keys.catalog_pinned", lang, fingerprint=focal.fingerprint,
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
    "audit": cmd_audit,
    "migrate-to": cmd_migrate_to,
}


def _database_problem(error: Exception, args: argparse.Namespace | None) -> NapError | None:
    from desktop_app.core.storage.failures import database_failure
    from desktop_app.core.storage.location import ServerLocation
    from desktop_app.core.storage.server import server_failure

    if args is None:
        return None
    location = db_location(args)
    if isinstance(location, ServerLocation):
        return server_failure(error, location)
    return database_failure(error, location)


def _log_internal_error(argv: Sequence[str]) -> Path | str:
    import logging  # here, not at the top: a quick command must not pay for them
    import traceback

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


def _usage_detail(argv: Sequence[str], lang: str) -> str:
    """argparse's complaint about argv, worded in `lang`."""
    try:
        build_parser(lang).parse_args(argv)
    except NapError as error:
        return str(error.problems[0].params.get("detail", "")) if error.problems else ""
    except SystemExit:
        return ""
    finally:
        speak("en")
    return ""


def _utf8_streams() -> None:
    """Vietnamese must never crash output: a pipe or file in a legacy code page gets UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def _log_unraisable(argv: Sequence[str]) -> Callable[[Any], None]:
    def hook(unraisable: Any) -> None:
        import logging
        import traceback

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
    whole_process = argv is None  # the command line's own run: the process ends with it
    argv = list(sys.argv[1:] if argv is None else argv)
    previous = sys.unraisablehook
    sys.unraisablehook = _log_unraisable(argv)
    try:
        return _main(argv)
    finally:
        if previous is not sys.__unraisablehook__:
            sys.unraisablehook = previous
        if whole_process:
            _before_exit()


def _before_exit() -> None:
    """What the process made is left to the interpreter's tear-down without a last
    collection over all of it: Python collects once as it finalises, and over an
    import's heap (SQLAlchemy, the models, the readers' pool) that took ~0.1 s of the
    command's end (measured on the bench's 34 files, 2 Dec 2026: 0.14 -> 0.04 s from
    the command's return to the process's end). Objects are freed as the modules go,
    as before; only cycles among them are not looked for, which the end frees anyway.
    Not for main called in-process (the tests): their later work would keep it all."""
    import gc

    gc.freeze()


def _main(argv: list[str]) -> int:
    _utf8_streams()
    lang = _language_in(argv) or system_language()
    args: argparse.Namespace | None = None
    try:
        args = build_parser(lang).parse_args(argv)
        lang = args.lang or lang
        args.message_lang = lang
        return COMMANDS[args.command](args, lang)
    except NapError as error:
        lines = problems_bilingual(error.problems, lang)
        if error.problems and error.problems[0].code == "cli.usage":
            lines = bilingual(lambda lg: [text("cli.usage_error", lg,
                                                detail=_usage_detail(argv, lg))], lang)
        say(lines, sys.stderr)
        return error.exit_code
    except (Cancelled, KeyboardInterrupt):
        say_both("cli.cancelled", lang, sys.stderr)
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
            say(problems_bilingual(known.problems, lang), sys.stderr)
            return known.exit_code
        say_both("cli.internal_error", lang, sys.stderr, log=_log_internal_error(argv))
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
