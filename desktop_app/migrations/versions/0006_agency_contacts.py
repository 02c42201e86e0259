"""agency contacts

The focal point's contact person, phone and e-mail for each agency, one row per agency
(no row: nothing known yet). Filled as each accepted submission names its contact
person (services.contacts.record_contact), editable by hand. Submissions registered
before this migration did not keep the contact they named, so there is nothing to copy:
the table starts empty and fills with the next imports.

Another branch adds a migration after 0003 as well; whoever merges second chains this
one after it (down_revision).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agencycontact",
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("contact_person", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("agency_id"),
    )


def downgrade() -> None:
    op.drop_table("agencycontact")
