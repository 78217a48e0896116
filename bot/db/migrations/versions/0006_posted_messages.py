"""posted messages: what the bot posted on Telegram about a person, to delete it there

Revision ID: 0006_posted
Revises: 0005_crash
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_posted"
down_revision = "0005_crash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posted_messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("pseudonym", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("chat_id_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("workers_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posted_messages")),
    )
    op.create_index(op.f("ix_posted_messages_pseudonym"), "posted_messages", ["pseudonym"])
    op.create_index(op.f("ix_posted_messages_case_id"), "posted_messages", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_posted_messages_case_id"), table_name="posted_messages")
    op.drop_index(op.f("ix_posted_messages_pseudonym"), table_name="posted_messages")
    op.drop_table("posted_messages")
