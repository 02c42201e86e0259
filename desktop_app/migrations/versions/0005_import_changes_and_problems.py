"""import changes and problems

Adds what undo works from: ImportChange, one row per accepted file of an import
(the version it created, the versions it superseded and the rows it deleted, as
JSON), and the import log's problems as codes and parameters (ImportRecord
.problems, JSON, and .problem_count) instead of words. Rows logged before keep
their words in .message; batches imported before have no ImportChange and so
cannot be undone from it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "importchange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_uuid", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("record_uuid", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("superseded", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("removed", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["submission_id"], ["submission.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("importchange", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_importchange_batch_uuid"), ["batch_uuid"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_importchange_submission_id"), ["submission_id"],
                              unique=False)
    with op.batch_alter_table("importrecord", schema=None) as batch_op:
        batch_op.add_column(sa.Column("problems", sqlmodel.sql.sqltypes.AutoString(),
                                      server_default="", nullable=False))
        batch_op.add_column(sa.Column("problem_count", sa.Integer(), server_default="0",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("importrecord", schema=None) as batch_op:
        batch_op.drop_column("problem_count")
        batch_op.drop_column("problems")
    with op.batch_alter_table("importchange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_importchange_submission_id"))
        batch_op.drop_index(batch_op.f("ix_importchange_batch_uuid"))
    op.drop_table("importchange")
