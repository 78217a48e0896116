"""contacts: whether the person picked their language, and a language the bot does not speak;
cases: that language, for the worker who books an interpreter

Revision ID: 0008_language
Revises: 0006_guard
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_language"
down_revision = "0006_guard"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch_op:
        batch_op.add_column(sa.Column("language_chosen", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("other_language", sa.String(16), nullable=True))
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("interpreter_language", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("interpreter_language")
    with op.batch_alter_table("contacts") as batch_op:
        batch_op.drop_column("other_language")
        batch_op.drop_column("language_chosen")
