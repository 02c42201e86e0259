"""The command line's grammar: every command, option and value check, in one parser.

The parser never exits by itself: a malformed command line is a UsageError (exit 2),
worded in both languages by the face like every other problem. Period years and
database locations are checked here, before any command runs.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from desktop_app.cli.help_words import said, speak
from desktop_app.cli.migrate import add_parser as add_migrate_to
from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import UsageError
from desktop_app.core.storage.location import ServerLocation, is_server_url


class Parser(argparse.ArgumentParser):
    """argparse that words its complaints in both languages and never exits by itself.

    Help strings are written in English below and said in the parser's language
    (help_words.HELP); a command's help is also its description under `COMMAND --help`.
    """

    lang = "en"

    def error(self, message: str) -> NoReturn:
        raise UsageError.of("cli.usage", detail=message)

    def add_argument(self, *names: Any, **options: Any) -> argparse.Action:
        if isinstance(options.get("help"), str):
            options["help"] = said(options["help"], self.lang)
        return super().add_argument(*names, **options)

    def add_subparsers(self, **options: Any) -> Any:
        commands = super().add_subparsers(**options)
        add_plain, lang = commands.add_parser, self.lang

        def add_parser(name: str, **kwargs: Any) -> Parser:
            if "help" in kwargs:
                kwargs["help"] = said(kwargs["help"], lang)
                kwargs.setdefault("description", kwargs["help"])
            command: Parser = add_plain(name, **kwargs)
            command.lang = lang
            return command

        commands.add_parser = add_parser  # type: ignore[method-assign]
        return commands


class VersionAction(argparse.Action):
    """--version, with the version looked up only when asked (it costs imports)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:  # noqa: A002
        super().__init__(option_strings, dest, nargs=0, default=default,
                         help=help or "show the program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from desktop_app import __version__

        print(f"nap-reporter {__version__}")  # on standard output, as argparse's own does
        parser.exit()


def _year(value: str) -> int:
    if len(value) != 4 or not (value.isascii() and value.isdigit()):
        raise UsageError.of("period.malformed", value=value)
    return int(value)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value) if len(value) == 10 else date.fromisoformat("x")
    except ValueError:
        raise UsageError.of("assess.date_malformed", value=value) from None


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def _database_location(value: str) -> Path | ServerLocation:
    """--db: a file path, or a PostgreSQL URL; another URL is never taken for a file name."""
    if is_server_url(value):
        return ServerLocation(value)
    if _URL.match(value):
        raise UsageError.of("db.url_unsupported", url=value)
    return Path(value)


def build_parser(lang: str = "en") -> Parser:
    """The whole grammar, its help and argparse's own words in `lang`."""
    speak(lang)
    parser = Parser(
        prog="nap-reporter",
        description="NAP Reporter: báo cáo thực hiện Kế hoạch hành động quốc gia (ICCPR) / "
        "reporting on the National Action Plans for the ICCPR.",
    )
    parser.lang = lang
    parser.add_argument("--version", action=VersionAction,
                        help="show program's version number and exit")
    parser.add_argument("--db", type=_database_location,
                        help="database file (default: per-user data folder)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of messages and window")
    parser.add_argument("--demo", action="store_true", help="open the separate demo database")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render the main window to a PNG file and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    commands.add_parser("agencies", help="list agency codes and names")

    init = commands.add_parser("init", help="set up a database for one role")
    init.add_argument("--role", required=True, choices=[r.value for r in Role],
                      help="the role of this installation")
    init.add_argument("--agency", metavar="CODE", help="agency code (role agency)")
    init.add_argument("--contact", metavar="NAME", default="", help="contact person")

    demo = commands.add_parser("demo", help="fill the database with demo data")
    demo.add_argument("--activities", type=int, default=500, metavar="N",
                      help="number of demo activities")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="seed of the demo data (same seed, same data)")
    demo.add_argument("--period", type=_year, metavar="P", help="reporting period (year)")

    status = commands.add_parser("status", help="what the database holds")
    status.add_argument("--json", action="store_true", help="print as JSON")

    # --- export (xlsx, pdf) ---
    export = commands.add_parser("export", help="write this agency's submission (xlsx or pdf)")
    export.add_argument("format", choices=("xlsx", "pdf"), help="file format")
    export.add_argument("--period", type=_year, required=True, metavar="P",
                        help="reporting period (year)")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="file to write")
    # --- template ---
    template = commands.add_parser("template", help="write the blank template workbook")
    template.add_argument("--period", type=_year, metavar="P",
                          help="reporting period (year)")
    template.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                          help="file to write")
    # --- period lock/unlock ---
    period = commands.add_parser("period", help="lock or unlock a reporting period")
    period_actions = period.add_subparsers(dest="period_action", metavar="ACTION",
                                           parser_class=Parser, required=True)
    lock = period_actions.add_parser("lock", help="lock the period against edits")
    lock.add_argument("period", type=_year, metavar="P", help="reporting period (year)")
    unlock = period_actions.add_parser("unlock", help="unlock the period, with a reason")
    unlock.add_argument("period", type=_year, metavar="P", help="reporting period (year)")
    unlock.add_argument("--reason", required=True, metavar="TEXT",
                        help="why the period is unlocked")
    # --- import (focal point) ---
    imports = commands.add_parser("import", help="import agencies' submission files "
                                  "(focal point)")
    imports.add_argument("files", nargs="*", type=Path, metavar="FILE",
                         help="submission files to import")
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
    report.add_argument("format", choices=("xlsx", "pdf"), help="file format")
    report.add_argument("--period", type=_year, required=True, metavar="P",
                        help="reporting period (year)")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="file to write")
    # --- assess (focal point) ---
    from desktop_app.core.domain.enums import Grade, Implementation

    assess = commands.add_parser(
        "assess", help="the focal point's judgment of a recommendation (--implementation) "
        "or the Committee's grade of it, from its document (--committee-grade)")
    assess.add_argument("recommendation", metavar="REC", help="recommendation code")
    assess.add_argument("--implementation", type=str.lower,
                        choices=[i.value for i in Implementation],
                        help="the focal point's own judgment for the period")
    assess.add_argument("--note", default=None, metavar="TEXT")
    assess.add_argument("--period", type=_year, metavar="P",
                        help="default: the current year if the catalog has it")
    assess.add_argument("--committee-grade", type=str.upper, metavar="A|B|C|D|E",
                        choices=[g.value for g in Grade],
                        help="the Committee's follow-up grade, a fact from its document")
    assess.add_argument("--document", metavar="SYMBOL", help="the Committee's document")
    assess.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                        help="that document's date")
    assess.add_argument("--element", default="", metavar="TEXT",
                        help="the element of the recommendation graded (default: all of it)")
    assess.add_argument("--grade", help=argparse.SUPPRESS)  # the old form: told what to use
    # --- catalog, backup, restore ---
    catalog = commands.add_parser("catalog", help="publish or install a catalog update")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", metavar="ACTION",
                                              parser_class=Parser, required=True)
    catalog_export = catalog_commands.add_parser("export", help="write the catalog to a file")
    catalog_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                                help="file to write")
    catalog_import = catalog_commands.add_parser("import", help="install a newer catalog")
    catalog_import.add_argument("file", type=Path, metavar="FILE", help="catalog file")
    catalog_import.add_argument("--accept-new-key", action="store_true",
                                help="accept an update signed by a key other than the "
                                "focal point's pinned one, or an unsigned one")
    recs = catalog_commands.add_parser("recommendations", help="load an official list of "
                                       "recommendations (focal point)")
    recs_actions = recs.add_subparsers(dest="recs_action", metavar="ACTION",
                                       parser_class=Parser, required=True)
    recs_import = recs_actions.add_parser("import", help="a spreadsheet or CSV, through a "
                                          "column mapping; preview, then one transaction")
    recs_import.add_argument("file", type=Path, metavar="FILE")
    recs_import.add_argument("--source", required=True, metavar="CODE",
                             help="the catalog source, e.g. UPR4")
    recs_import.add_argument("--mapping", metavar="NAME",
                             help="uhri, upr-matrix (default) or a mapping saved in the window")
    recs_import.add_argument("--dry-run", action="store_true", help="preview only")
    # --- keys ---
    keys = commands.add_parser("keys", help="signing keys: this installation's and the "
                               "pinned ones")
    keys_actions = keys.add_subparsers(dest="keys_action", metavar="ACTION",
                                       parser_class=Parser, required=True)
    keys_actions.add_parser("list", help="this installation's key (agency); also every "
                            "pinned agency key (focal point)")
    backup = commands.add_parser("backup", help="copy the database to a file")
    backup.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="file to write")
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path, metavar="FILE", help="backup file to restore")
    restore.add_argument("--accept-other-role", action="store_true",
                         help="restore a backup of the other role (focal point / agency)")
    # --- audit (both roles) ---
    audit = commands.add_parser("audit", help="the audit log: who changed what, when")
    audit_actions = audit.add_subparsers(dest="audit_action", metavar="ACTION",
                                         parser_class=Parser, required=True)
    audit_export = audit_actions.add_parser("export", help="write the audit log (.xlsx)")
    audit_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    parser.set_defaults(message_lang="en")
    add_migrate_to(commands)
    return parser
