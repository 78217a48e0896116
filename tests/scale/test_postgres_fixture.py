"""Without PostgreSQL the scale tests skip with the line to run; under CI they fail instead."""

from __future__ import annotations

import pytest

from bot.scaled import binaries
from tests.scale import availability, postgres


def without_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine as one without PostgreSQL: nothing on PATH, no /usr/lib/postgresql."""
    monkeypatch.setattr(availability, "find_postgres",
                        lambda: binaries.find_postgres(which=lambda *_, **__: None, postgres_dirs=list))


def test_a_developer_machine_skips_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("ALLERVERS_REQUIRE_SCALE", raising=False)
    without_postgresql(monkeypatch)
    with pytest.raises(pytest.skip.Exception, match="apt-get install postgresql redis-server nginx-light"), \
            postgres.private_cluster():
        pass


@pytest.mark.parametrize(("name", "value"), [("CI", "true"), ("ALLERVERS_REQUIRE_SCALE", "1")])
def test_ci_fails_instead(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    without_postgresql(monkeypatch)
    with pytest.raises(pytest.fail.Exception, match="apt-get install postgresql"), postgres.private_cluster():
        pass
