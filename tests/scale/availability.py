"""Skip or fail: the one rule for every scale test that needs a program of the scaled stack.

On a developer machine without PostgreSQL, Redis or nginx the tests skip with one line saying
what to install (bot.scaled.binaries' apt-get line); under CI (`CI=true` or
`ALLERVERS_REQUIRE_SCALE=1`, which `.ci/run` sets after installing them) they fail instead, so a
missing service cannot pass unnoticed. The programs are looked up as the launcher looks them up.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
from collections.abc import Callable
from typing import NoReturn, TypeVar

import pytest

from bot.scaled.binaries import (
    INSTALL_LINE,
    Binaries,
    MissingBinaryError,
    PostgresBinaries,
    find_binaries,
    find_postgres,
)
from bot.scaled.postgres import server_user

Found = TypeVar("Found")


def scale_required() -> bool:
    """CI must run the scale tests: a missing service is a failure there, not a skip."""
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("ALLERVERS_REQUIRE_SCALE") == "1"


def unavailable(reason: str) -> NoReturn:
    """Skip with `reason`, or fail with it under CI."""
    if scale_required():
        pytest.fail(f"scale tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


def _installed(find: Callable[[], Found]) -> Found:
    """What `find` finds (as the launcher finds it), else its one line (apt-get ...)."""
    try:
        return find()
    except MissingBinaryError as error:
        unavailable(str(error))


def _require_psycopg() -> None:
    if importlib.util.find_spec("psycopg") is None:
        unavailable("the bot's virtualenv has no psycopg 3 (make setup installs it)")


def require_postgres() -> PostgresBinaries:
    """PostgreSQL's programs (and, as root, the `postgres` user to run them as), psycopg 3."""
    binaries = _installed(find_postgres)
    user = server_user()
    if user is not None:
        try:
            pwd.getpwnam(user)
        except KeyError:
            unavailable(f"no `{user}` system user to run PostgreSQL as (root cannot): {INSTALL_LINE}")
    _require_psycopg()
    return binaries


def require_scale_programs() -> Binaries:
    """Every program of the scaled stack, and psycopg 3."""
    binaries = _installed(find_binaries)
    _require_psycopg()
    return binaries
