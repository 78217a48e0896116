"""sites: outreach sites and the payload of their deep links; contacts.start_payload indexed for
the counts per site

Revision ID: 0009_sites
Revises: 0008_language
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_sites"
down_revision = "0008_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("payload", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("payload", name=op.f("uq_sites_payload")),
    )
    op.create_index(op.f("ix_contacts_start_payload"), "contacts", ["start_payload"])


def downgrade() -> None:
    op.drop_index(op.f("ix_contacts_start_payload"), table_name="contacts")
    op.drop_table("sites")
