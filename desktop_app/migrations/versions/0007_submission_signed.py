"""submission signed

Issue 9: each Submission says whether its file came validly signed (``signed``), by
which key (``key_fingerprint``, "" when unsigned) and which version the file stated
when that is not the stored number (``file_version``, NULL: the same; a new key's
lineage numbers from 1 again). Submissions received before are marked unsigned: they
came before signatures were checked.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signed", sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
        batch_op.add_column(sa.Column("key_fingerprint",
                                      sqlmodel.sql.sqltypes.AutoString(length=19),
                                      server_default="", nullable=False))
        batch_op.add_column(sa.Column("file_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("file_version")
        batch_op.drop_column("key_fingerprint")
        batch_op.drop_column("signed")
