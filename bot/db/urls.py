"""Database URLs as this virtualenv connects to them: the one place PostgreSQL URLs are translated.

Rasa's virtualenv has psycopg2, so a URL shared with Rasa (`TRACKER_STORE_URL`) names PostgreSQL
plainly (`postgresql://...`, SQLAlchemy's psycopg2 default) or as `postgresql+psycopg2://`; the bot's
virtualenv has psycopg 3 only (`postgresql+psycopg://`). Any of them works for `DATABASE_URL` too.
"""

from __future__ import annotations

from sqlalchemy import URL, make_url


def bot_url(url: str | URL) -> URL:
    """The URL with the driver this virtualenv has (psycopg 3 for PostgreSQL; others unchanged)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg2":
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


def libpq_conninfo(url: str | URL) -> str:
    """A PostgreSQL URL as libpq's URI (what `psycopg.connect` takes)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
