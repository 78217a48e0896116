"""App database: SQLAlchemy 2 models, repositories and Alembic migrations."""

from bot.db.engine import create_engine_for, migrate, session_factory
from bot.db.models import Base, Contact, ProcessedUpdate

__all__ = ["Base", "Contact", "ProcessedUpdate", "create_engine_for", "migrate", "session_factory"]
