"""The scaled stack for tests/scale/, started ONCE per module (each Rasa replica loads the model
in about a minute on 2 cores) from the committed deploy/ files, as `make run-scaled` does.
A test module imports `scaled_stack` and asks for the fixture `scaled`.

Without PostgreSQL, Redis or nginx on this machine the tests skip with one line saying what to
install; under CI (`CI=true` or `ALLERVERS_REQUIRE_SCALE=1`) they fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.scaled import MissingBinaryError, ScaledOptions, ScaledStack, find_binaries
from tests.conftest import TEST_SECRET


def scale_required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("ALLERVERS_REQUIRE_SCALE") == "1"


def unavailable(reason: str) -> None:
    """Skip with `reason`, or fail with it under CI (a missing service must not pass unnoticed)."""
    if scale_required():
        pytest.fail(f"scale tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


def require_scale_programs() -> None:
    try:
        find_binaries()
    except MissingBinaryError as error:
        unavailable(str(error))
    if importlib.util.find_spec("psycopg") is None:
        unavailable("the bot's virtualenv has no psycopg 3 (make setup installs it)")


@pytest.fixture(scope="module", name="scaled")
def scaled_stack() -> Iterator[ScaledStack]:
    """PostgreSQL, Redis, 1 action server, 2 Rasa replicas and nginx; no gateway.

    Its var/ is a directory of its own in /tmp, not under pytest's: the `postgres` user must be
    able to enter every directory above its cluster, and pytest closes /tmp/pytest-of-<user> again
    (0700) whenever a pytest starts."""
    require_scale_programs()
    var_dir = Path(tempfile.mkdtemp(prefix="allervers-scale-"))
    settings = Settings.from_env({"SECRET_KEY": TEST_SECRET, "ALLERVERS_VAR_DIR": str(var_dir),
                                  "DEFAULT_LANGUAGE": "fr"})
    stack = ScaledStack(settings, ScaledOptions(replicas=2, actions=1, gateways=0), environ={})
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
