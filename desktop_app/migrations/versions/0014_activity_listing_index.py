"""covering index for the Activities page's list: activity(period_id, id, agency_id, uuid,
title, task_id, type, status)

Issue 11: the page reads a period's 100,000 activities at open, each row's uuid, title,
task, type and status (the rest of a row comes when it is drawn). Without this index
SQLite passed over the table's rows, wide with descriptions and folded search texts,
and handed them over in id order: 0.21-0.30 s of CPU for the fetch. This index holds
exactly those columns in id order within a period, for an agency's list (its agency
tested in the index) and the focal point's (every agency's) alike, and SQLite reads
it alone: 0.13-0.20 s (titles read as bytes as well: 0.08-0.15 s). It costs each
activity written one index entry more (~220 bytes at 100,000 activities: 22 MB);
a title is at most 500 characters (validation.MAX_TITLE: 2,000 bytes of UTF-8 at
worst), within PostgreSQL's limit on a B-tree entry (2,704 bytes).


Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["period_id", "id", "agency_id", "uuid", "title", "task_id", "type", "status"]


def upgrade() -> None:
    op.create_index("ix_activity_listing", "activity", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_activity_listing", table_name="activity")
