"""activity search text

Adds the folded search text of each activity and fills it for the rows a
database of the initial schema already holds.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "search_text",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
    from desktop_app.core.domain.search import activity_search_text

    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT a.id, a.title, a.description, t.code, t.title_vi, t.title_en"
            " FROM activity a JOIN task t ON t.id = a.task_id"
        )
    ).all()
    links: dict[int, list[str]] = {}
    for activity_id, code in bind.execute(
        sa.text(
            "SELECT ar.activity_id, r.code FROM activityrecommendation ar"
            " JOIN recommendation r ON r.id = ar.recommendation_id"
        )
    ):
        links.setdefault(activity_id, []).append(code)
    update = sa.text("UPDATE activity SET search_text = :text WHERE id = :id")
    params = [
        {
            "id": row[0],
            "text": activity_search_text(
                row[1], row[2], (row[3], row[4], row[5]), links.get(row[0], [])
            ),
        }
        for row in rows
    ]
    if params:
        bind.execute(update, params)


def downgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("search_text")
