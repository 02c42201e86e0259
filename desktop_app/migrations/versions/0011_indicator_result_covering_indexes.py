"""covering indexes for the overview's indicator counts

Issue 11: the overview counts a period's indicators by task, with a result and on
track. Through indicator(activity_id) and result's unique (indicator_id, period_id)
SQLite read every indicator row and every result row (names, units, notes) to learn
one number of each: 0.28 s of CPU at 100,000 activities, before the window's first
paint. indicator(activity_id, target) and result(indicator_id, period_id, value)
answer the count from the indexes alone. Each replaces an index it begins with
(indicator(activity_id), result(indicator_id)), which it serves in full, so a write
keeps as many indexes to update as before.


Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_indicator_activity_target", "indicator", ["activity_id", "target"])
    op.drop_index("ix_indicator_activity_id", table_name="indicator")
    op.create_index("ix_result_indicator_period_value", "result",
                    ["indicator_id", "period_id", "value"])
    op.drop_index("ix_result_indicator_id", table_name="result")


def downgrade() -> None:
    op.create_index("ix_result_indicator_id", "result", ["indicator_id"])
    op.drop_index("ix_result_indicator_period_value", table_name="result")
    op.create_index("ix_indicator_activity_id", "indicator", ["activity_id"])
    op.drop_index("ix_indicator_activity_target", table_name="indicator")
