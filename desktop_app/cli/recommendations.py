"""`catalog recommendations import FILE --source CODE [--mapping NAME] [--dry-run]`.

Loads an official list of recommendations (xlsx or CSV) into the catalog through a column
mapping (a preset or one saved in the window), services/recommendation_import.py: the
preview first — its summary on standard output, the rows left out and the notes on
standard error, each naming its row — then, unless --dry-run, the list written in one
transaction with the catalog version raised. Exit 3 when some row was left out (the
others are written, as the accepted files of an import batch are), 2 for an unknown
source or mapping.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.output import open_database, say, say_done
from desktop_app.messages import problems_bilingual, text

EXIT_OK, EXIT_REFUSED = 0, 3


def cmd_recommendations(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.recommendation_import import (
        apply_list,
        mapping_named,
        preview_list,
    )

    db = open_database(args)
    try:
        mapping = mapping_named(db, args.mapping)
        preview = preview_list(db, args.file, args.source, mapping)
        say_done("recs.preview", lang, file=args.file.name, source=preview.source,
                 mapping=mapping.name, rows=len(preview.planned), new=preview.count("new"),
                 changed=preview.count("changed"), unchanged=preview.count("unchanged"),
                 supported=preview.supported, noted=preview.noted,
                 left_out=len(preview.problems), not_in_file=preview.not_in_file)
        notes = list(preview.notes)
        say(problems_bilingual(preview.problems + notes, lang), sys.stderr)
        if not preview.has_vietnamese:
            say([text("recs.no_vietnamese", lang)], sys.stderr)
        if args.dry_run:
            say_done("recs.dry_run", lang)
        else:
            applied = apply_list(db, preview)
            if applied.version is None:
                say_done("recs.nothing_to_write", lang)
            else:
                say_done("recs.applied", lang, added=applied.added, changed=applied.changed,
                         version=applied.version)
    finally:
        db.close()
    return EXIT_REFUSED if preview.problems else EXIT_OK
