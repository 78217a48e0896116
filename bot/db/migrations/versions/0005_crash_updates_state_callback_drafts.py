"""processed updates: state, run, attempts, sealed payload; callback drafts

Revision ID: 0005_crash
Revises: 0002_cases
Create Date: 2026-12-10
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_crash"
down_revision = "0002_cases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Updates recorded before this revision were all handled: they count as answered.
    with op.batch_alter_table("processed_updates") as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(16), nullable=False, server_default="answered"))
        batch_op.add_column(sa.Column("run_id", sa.String(32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("payload_sealed", sa.LargeBinary(), nullable=True))
        batch_op.create_index(batch_op.f("ix_processed_updates_state"), ["state"], unique=False)
    op.create_table(
        "callback_drafts",
        sa.Column("pseudonym", sa.String(64), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=True),
        sa.Column("method", sa.String(16), nullable=True),
        sa.Column("phone_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("preferred_time", sa.String(32), nullable=True),
        sa.Column("interpreter", sa.Boolean(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("pseudonym", name=op.f("pk_callback_drafts")),
    )


def downgrade() -> None:
    op.drop_table("callback_drafts")
    with op.batch_alter_table("processed_updates") as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_updates_state"))
        batch_op.drop_column("payload_sealed")
        batch_op.drop_column("attempts")
        batch_op.drop_column("run_id")
        batch_op.drop_column("state")
