"""audit who and changes

Issue 10 item 8: each AuditEvent says who made the change (``actor``, the
operating-system user; ``database_role``, the login role on a database server, NULL on
SQLite; the installation's ``role``, ``agency_code`` and ``installation`` UUID), a key
a person reads (``entity_key``: an activity's title, a recommendation's code) and the
changed fields old -> new (``changes``, JSON). Events written before keep their rows
with these empty; indexes on the time and the entity serve the log's pages and filters.

Issue 9: each ImportRecord keeps whether the file's submission came validly signed
(``signed``, NULL for a refused file or a line logged before) and by which key, as the
import judged it, so the import log need not look it up later.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor", text(length=128), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("database_role", text(length=128), nullable=True))
        batch_op.add_column(sa.Column("role", text(length=16), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("agency_code", text(length=16), nullable=True))
        batch_op.add_column(sa.Column("installation", text(length=36), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("entity_key", text(), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("changes", text(), server_default="", nullable=False))
        batch_op.create_index("ix_auditevent_at", ["at"], unique=False)
        batch_op.create_index("ix_auditevent_entity", ["entity"], unique=False)
    with op.batch_alter_table("importrecord", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signed", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("key_fingerprint", text(length=19), server_default="",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("importrecord", schema=None) as batch_op:
        batch_op.drop_column("key_fingerprint")
        batch_op.drop_column("signed")
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.drop_index("ix_auditevent_entity")
        batch_op.drop_index("ix_auditevent_at")
        for name in ("changes", "entity_key", "installation", "agency_code", "role",
                     "database_role", "actor"):
            batch_op.drop_column(name)
