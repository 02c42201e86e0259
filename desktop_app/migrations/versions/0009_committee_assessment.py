"""committee assessment apart from the focal point's judgment

Issue 14 (item 3): the Committee's follow-up grades (A–E) are facts with the document
and date they came in; the focal point's judgment of implementation (fully / partially
/ not) is its own. Until now one ``assessment`` row held both, the grade without its
document or date. This migration makes the table ``committeeassessment`` for the
Committee's grades and moves every stored grade into it, marked not verified (document
"", no date: "to check"), one row per recommendation and grade; ``assessment`` keeps the
judgment, its note and period, and loses its ``grade`` column.

Item 4 of the same issue: a recommendation loaded from an official list keeps who
recommended it, its themes and the persons affected (``states``, ``themes``,
``affected_persons``, one a line; empty for the catalog's own entries). Item 6: each
period's data range (``data_from``, ``data_to``; NULL: the default range) is data the
focal point sets, as its due date is; the periods already stored keep NULL, that is the
default range they were reported under.


Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    committee = op.create_table(
        "committeeassessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("grade", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("element", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("document", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["recommendation_id"], ["recommendation.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index(op.f("ix_committeeassessment_recommendation_id"), "committeeassessment",
                    ["recommendation_id"], unique=False)
    bind = op.get_bind()
    stored = bind.execute(sa.text(
        "SELECT recommendation_id, grade, MIN(assessed_at) FROM assessment "
        "WHERE grade IS NOT NULL AND grade <> '' GROUP BY recommendation_id, grade "
        "ORDER BY recommendation_id, grade")).all()
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    if stored:
        op.bulk_insert(committee, [
            {"uuid": str(uuid.uuid4()), "recommendation_id": rec, "grade": grade,
             "element": "", "document": "", "issued_on": None, "verified": False,
             "recorded_at": _moment(at, now)}
            for rec, grade, at in stored])
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_column("grade")
    with op.batch_alter_table("period", schema=None) as batch_op:
        batch_op.add_column(sa.Column("data_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("data_to", sa.Date(), nullable=True))
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        for name in ("states", "themes", "affected_persons"):
            batch_op.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(),
                                          server_default="", nullable=False))


def _moment(value: object, fallback: datetime) -> datetime:
    """A stored time as read back by raw SQL (SQLite gives text, PostgreSQL a datetime)."""
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return fallback


def downgrade() -> None:
    with op.batch_alter_table("period", schema=None) as batch_op:
        batch_op.drop_column("data_to")
        batch_op.drop_column("data_from")
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        for name in ("affected_persons", "themes", "states"):
            batch_op.drop_column(name)
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("grade", sqlmodel.sql.sqltypes.AutoString(),
                                      server_default="", nullable=False))
    # The latest recorded grade of each recommendation goes back beside its judgments.
    op.execute(sa.text(
        "UPDATE assessment SET grade = COALESCE((SELECT c.grade FROM committeeassessment c "
        "WHERE c.recommendation_id = assessment.recommendation_id "
        "ORDER BY c.issued_on DESC, c.recorded_at DESC LIMIT 1), '')"))
    op.drop_index(op.f("ix_committeeassessment_recommendation_id"),
                  table_name="committeeassessment")
    op.drop_table("committeeassessment")
