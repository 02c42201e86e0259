"""agencycontact.updated_at and committeeassessment.recorded_at with their time zone

Migrations 0006 and 0009 made these two columns plain DateTime, where the models (and
every other moment of the schema) say UTCDateTime, a DateTime with its time zone. On
SQLite both are the same text. On PostgreSQL they were TIMESTAMP WITHOUT TIME ZONE:
the server turned each UTC moment written into its own TimeZone's wall time and
dropped the zone, and the program read that wall time back as UTC, so on a server
whose TimeZone is Asia/Ho_Chi_Minh both read 7 hours late. (Found by the test that
compares the migrated schema with the models, tests/core/test_migrations.py.)

The columns become TIMESTAMP WITH TIME ZONE; each stored wall time is read in the
TimeZone of the migrating session, which is the server's default, the one every
writer's session had (the program never sets it).


Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (("agencycontact", "updated_at"), ("committeeassessment", "recorded_at"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite stores both kinds as the same text
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.DateTime(timezone=True),
                        existing_type=sa.DateTime(), existing_nullable=False,
                        postgresql_using=f"{column} AT TIME ZONE current_setting('TimeZone')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.DateTime(),
                        existing_type=sa.DateTime(timezone=True), existing_nullable=False,
                        postgresql_using=f"{column} AT TIME ZONE current_setting('TimeZone')")
