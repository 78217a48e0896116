"""Scale tests: PostgreSQL shared by several gateway processes (marked `scale`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.scale.postgres import PostgresServer, private_cluster


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/scale/" in str(item.fspath):
            item.add_marker(pytest.mark.scale)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One private PostgreSQL cluster for the whole session (a database per test)."""
    with private_cluster() as server:
        yield server


@pytest.fixture
def pg_url(postgres: PostgresServer, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database for this test (psycopg 3 URL)."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return postgres.create_database(name)
