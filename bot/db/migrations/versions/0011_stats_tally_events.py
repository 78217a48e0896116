"""tally_events: anonymous counts for /stats (kind, right, language, ISO week; no pseudonym)

Revision ID: 0011_stats
Revises: 0010_followups
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_stats"
down_revision = "0010_followups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tally_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("right", sa.String(32), nullable=True),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("week", sa.String(8), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tally_events")),
    )
    op.create_index(op.f("ix_tally_events_kind"), "tally_events", ["kind"])
    op.create_index(op.f("ix_tally_events_week"), "tally_events", ["week"])


def downgrade() -> None:
    op.drop_index(op.f("ix_tally_events_week"), table_name="tally_events")
    op.drop_index(op.f("ix_tally_events_kind"), table_name="tally_events")
    op.drop_table("tally_events")
