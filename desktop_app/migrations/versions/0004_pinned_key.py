"""pinned keys

The focal point's pinned signing key of each agency (issue 9): the key of the
first accepted signed file of an agency, against which its later files are
checked. A database from before has none: every agency pins at its next signed
file. (An installation's own key lives in the setting table and needs no
schema change; a database without one makes it at its first export.)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pinnedkey",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("public_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=19), nullable=False),
        sa.Column("pinned_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("batch_uuid", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agency_id"),
    )


def downgrade() -> None:
    op.drop_table("pinnedkey")
