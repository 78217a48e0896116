"""follow_ups: check-ins offered after an answer about a right or an estimate, sent and answered

Revision ID: 0010_followups
Revises: 0009_sites
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_followups"
down_revision = "0009_sites"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("pseudonym", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("chat_id_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer", sa.String(16), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    op.create_index(op.f("ix_follow_ups_pseudonym"), "follow_ups", ["pseudonym"])
    op.create_index(op.f("ix_follow_ups_state"), "follow_ups", ["state"])
    op.create_index(op.f("ix_follow_ups_due_at"), "follow_ups", ["due_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_follow_ups_due_at"), table_name="follow_ups")
    op.drop_index(op.f("ix_follow_ups_state"), table_name="follow_ups")
    op.drop_index(op.f("ix_follow_ups_pseudonym"), table_name="follow_ups")
    op.drop_table("follow_ups")
