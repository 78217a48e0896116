"""contacts: when danger words were last used; case events: what a worker did besides a transition

Revision ID: 0006_guard
Revises: 0005_crash
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_guard"
down_revision = "0006_posted"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The urgent flag of a request made after danger words used to live in memory only.
    with op.batch_alter_table("contacts") as batch_op:
        batch_op.add_column(sa.Column("danger_at", sa.DateTime(timezone=True), nullable=True))
    # "say", "note", "cancel"... by a worker other than the one who claimed the case.
    with op.batch_alter_table("case_events") as batch_op:
        batch_op.add_column(sa.Column("action", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_events") as batch_op:
        batch_op.drop_column("action")
    with op.batch_alter_table("contacts") as batch_op:
        batch_op.drop_column("danger_at")
