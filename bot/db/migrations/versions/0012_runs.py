"""gateway_runs (heartbeats of gateway processes) and job_runs (shared jobs run by one gateway)

Revision ID: 0012_runs
Revises: 0011_stats
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_runs"
down_revision = "0011_stats"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gateway_runs",
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("instance", sa.String(128), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_gateway_runs")),
    )
    op.create_index(op.f("ix_gateway_runs_instance"), "gateway_runs", ["instance"])
    op.create_index(op.f("ix_gateway_runs_last_seen"), "gateway_runs", ["last_seen"])
    op.create_table(
        "job_runs",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_runs")),
    )


def downgrade() -> None:
    op.drop_table("job_runs")
    op.drop_index(op.f("ix_gateway_runs_last_seen"), table_name="gateway_runs")
    op.drop_index(op.f("ix_gateway_runs_instance"), table_name="gateway_runs")
    op.drop_table("gateway_runs")
