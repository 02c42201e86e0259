"""`migrate-to postgresql://…`: copy this focal point's SQLite database to a server.

Prints each table's rows as they are copied and, at the end, that the counts match
and the file was left as it was.
"""

from __future__ import annotations

import argparse

from desktop_app.cli.output import db_path, say_done
from desktop_app.core.problems import UsageError
from desktop_app.core.storage.location import ServerLocation, is_server_url


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    migrate = commands.add_parser("migrate-to", help="copy a focal point's database to an "
                                  "empty PostgreSQL database")
    migrate.add_argument("url", metavar="postgresql://user@host[:port]/dbname")


def cmd_migrate_to(args: argparse.Namespace, lang: str) -> int:
    from desktop_app.core.services.migrate_to import migrate_to_server

    if isinstance(args.db, ServerLocation):
        raise UsageError.of("migrate.source_not_sqlite", url=args.db.shown)
    if not is_server_url(args.url):
        raise UsageError.of("migrate.target_not_server", url=args.url)
    source = db_path(args)
    done = migrate_to_server(
        source, ServerLocation(args.url),
        lambda table, rows: say_done("migrate.table", lang, table=table, rows=rows))
    say_done("migrate.done", lang, file=done.source, db=done.target, rows=done.rows,
             tables=len(done.tables))
    return 0
