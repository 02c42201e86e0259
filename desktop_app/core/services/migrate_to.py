"""Moving up: a focal point's SQLite database copied whole to a PostgreSQL server.

The file is never written: a consistent private copy of it is made first (SQLite's
backup API) and brought to the program's schema if it is older; the rows come from
that copy. Only a focal point's database moves (agencies always stay on SQLite), and
only into an empty database (anything else is refused before a row is written).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.storage.backup import backup_database, role_of
from desktop_app.core.storage.database import Database, has_database
from desktop_app.core.storage.location import ServerLocation
from desktop_app.core.storage.server import make_server_engine, server_failure
from desktop_app.core.storage.server_copy import CopiedTable, Tick, copy_to_server


@dataclass(frozen=True)
class Migrated:
    source: Path
    target: str  # the URL as shown (no password)
    tables: list[CopiedTable]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def migrate_to_server(source: Path, target: ServerLocation, tick: Tick | None = None
                      ) -> Migrated:
    """Copy the focal point's database at source into the empty database at target."""
    source = Path(source)
    if not has_database(source):
        raise UsageError.of("db.missing", file=str(source))
    with tempfile.TemporaryDirectory(prefix="nap-migrate-") as folder:
        copy = Path(folder) / "copy.sqlite"
        backup_database(source, copy)
        if role_of(copy) != Role.FOCAL_POINT.value:
            raise RefusedError.of("migrate.not_focal_point", file=str(source))
        db = Database.open(copy, create=False)  # an older schema: migrated, in the copy
        engine = make_server_engine(target)
        try:
            tables = copy_to_server(db.engine, engine, target, tick)
        except Exception as error:
            problem = server_failure(error, target)
            if problem is None or problem is error:
                raise
            raise problem from error
        finally:
            engine.dispose()
            db.close()
    return Migrated(source, target.shown, tables)
