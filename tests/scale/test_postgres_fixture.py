"""Without PostgreSQL the scale tests skip with the line to run; under CI they fail instead."""

from __future__ import annotations

import pytest

from bot.scaled import binaries
from tests.scale import availability, postgres


def without_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine as one without PostgreSQL: nothing on PATH, no /usr/lib/postgresql."""
    monkeypatch.setattr(availability, "find_postgres",
                        lambda: binaries.find_postgres(which=lambda *_, **__: None, postgres_dirs=list))


def outcome(monkeypatch: pytest.MonkeyPatch) -> BaseException:
    """What starting the cluster ends in on a machine without PostgreSQL: a skip or a failure (both
    caught, so that a skip where a failure is due makes the test fail, not skip)."""
    without_postgresql(monkeypatch)
    with pytest.raises((pytest.skip.Exception, pytest.fail.Exception)) as raised, postgres.private_cluster():
        pass
    return raised.value


def test_a_developer_machine_skips_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("ALLERVERS_REQUIRE_SCALE", raising=False)
    skipped = outcome(monkeypatch)
    assert isinstance(skipped, pytest.skip.Exception)
    assert "apt-get install postgresql redis-server nginx-light" in str(skipped)


@pytest.mark.parametrize(("name", "value"), [("CI", "true"), ("ALLERVERS_REQUIRE_SCALE", "1")])
def test_ci_fails_instead(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    failed = outcome(monkeypatch)
    assert isinstance(failed, pytest.fail.Exception)
    assert "apt-get install postgresql" in str(failed)
