"""The one way to get "now": timezone-aware UTC, so every timestamp stored compares with every other.

Tests move time forward with `advance` (a follow-up due in two weeks, retention after 90 days)
instead of sleeping or patching every module that imported `now`; `reset` puts it back.
"""

from __future__ import annotations

import datetime as dt

_offset = dt.timedelta()


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc) + _offset


def advance(delta: dt.timedelta) -> None:
    """Tests only: every later `now()` is `delta` further on."""
    global _offset
    _offset += delta


def reset() -> None:
    """Tests only: back to the real time."""
    global _offset
    _offset = dt.timedelta()


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back; they were written in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value
