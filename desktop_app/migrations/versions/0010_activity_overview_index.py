"""a covering index for the overview's counts

Issue 11: the overview counts a period's activities by task and status. With only
(agency_id, period_id) indexed, SQLite reads every activity row, long texts and all,
to learn two short columns: at 100,000 activities that was most of the window's
start-up. The index (agency_id, period_id, task_id, status) answers the count from
the index alone.


Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_activity_overview", "activity",
                    ["agency_id", "period_id", "task_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_activity_overview", table_name="activity")
