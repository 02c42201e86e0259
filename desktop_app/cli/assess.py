"""`assess`: the two forms of DESIGN.md, kept apart.

``assess REC [--period P] --implementation fully|partially|not [--note TEXT]`` records
the focal point's own judgment; ``assess REC --committee-grade A-E --document SYMBOL
--date YYYY-MM-DD [--element TEXT]`` records the Committee's follow-up grade, a fact
from its document. Options of the two forms mixed, or one form missing a part, are wrong
usage (exit 2), and the old ``--grade`` is answered with the form to use instead.
"""

from __future__ import annotations

import argparse

from desktop_app.cli.output import open_database, say_done
from desktop_app.core.problems import UsageError
from desktop_app.messages import text

EXIT_OK = 0


def _form(args: argparse.Namespace) -> str:
    """"judgment" or "committee", or a usage error naming what is wrong."""
    if args.grade is not None:
        raise UsageError.of("assess.grade_split")
    judging = args.implementation is not None or args.note is not None
    grading = any(v is not None for v in (args.committee_grade, args.document, args.date))
    grading = grading or bool(args.element)
    if judging and grading or (grading and args.period is not None):
        raise UsageError.of("assess.forms_mixed")
    if grading:
        missing = [name for name, value in (("--committee-grade", args.committee_grade),
                                            ("--document", args.document),
                                            ("--date", args.date)) if value is None]
        if missing:
            raise UsageError.of("assess.committee_incomplete", missing=", ".join(missing))
        return "committee"
    if args.implementation is None:
        raise UsageError.of("assess.form_missing")
    return "judgment"


def cmd_assess(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.assessments import (
        assess,
        default_year,
        record_committee_grade,
    )

    form = _form(args)
    db = open_database(args)
    try:
        if form == "committee":
            graded = record_committee_grade(db, args.recommendation, args.committee_grade,
                                            args.document, args.date, args.element)
        else:
            year = args.period if args.period is not None else default_year(db)
            outcome = assess(db, args.recommendation, args.implementation, args.note or "",
                             year)
    finally:
        db.close()
    if form == "committee":
        g, was = graded.grade, graded.replaced
        element = text("assess.element", lang, element=g.element_vi) if g.element_vi else ""
        say_done("assess.committee_replaced" if was else "assess.committee_recorded", lang,
                 code=graded.recommendation_code, grade=g.grade, element=element,
                 document=g.document, date=g.on.isoformat() if g.on else "",
                 previous_grade=was.grade if was else "",
                 previous_document=(was.document or text("assess.no_document", lang))
                 if was else "")
        return EXIT_OK
    row, old = outcome.row, outcome.replaced
    period = (text("assess.period", lang, period=year) if year is not None
              else text("assess.no_period", lang))
    say_done("assess.replaced" if old else "assess.recorded", lang,
             code=row.recommendation_code, period=period,
             implementation=text(f"implementation.{row.implementation}", lang),
             previous_implementation=text(f"implementation.{old.implementation}", lang)
             if old else "")
    return EXIT_OK
