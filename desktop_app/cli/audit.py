"""`nap-reporter audit export -o FILE.xlsx`: the audit log as a printable workbook.

At either role: every event, oldest first, with who made it, when (this computer's
time), what it was and old -> new per field, values in the chosen language. The
workbook is written whole or not at all (a destination that cannot be written is
exit 3, like every other export).
"""

from __future__ import annotations

import argparse

from desktop_app.cli.output import ProgressBar, open_database, say_done
from desktop_app.core.progress import drive
from desktop_app.messages import audit_action_words, audit_field_words

EXIT_OK = 0


def cmd_audit(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.audit import export_audit

    db = open_database(args)
    try:
        count = drive(export_audit(db, args.output, lang=lang,
                                   action_words=audit_action_words,
                                   field_words=audit_field_words), ProgressBar())
    finally:
        db.close()
    say_done("audit.exported", lang, file=args.output, events=count)
    return EXIT_OK
