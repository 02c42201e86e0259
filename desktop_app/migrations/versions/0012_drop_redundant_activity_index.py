"""drop activity(agency_id, period_id): ix_activity_overview begins with it

Issue 11: every activity a file brings updated two indexes that begin with the same
two columns: ix_activity_agency_period (agency_id, period_id) and ix_activity_overview
(agency_id, period_id, task_id, status) of migration 0010, which serves every lookup
the first served. The import wrote the first for nothing (about 8 ms a file of 1,000
activities, measured by the import's helper).


Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_activity_agency_period", table_name="activity")


def downgrade() -> None:
    op.create_index("ix_activity_agency_period", "activity", ["agency_id", "period_id"])
