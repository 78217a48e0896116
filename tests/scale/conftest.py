"""Scale tests: PostgreSQL shared by several gateway processes (marked `scale`)."""

from __future__ import annotations

import itertools
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


_numbers = itertools.count(1)


@pytest.fixture
def pg_url(postgres: PostgresServer, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database for this test (psycopg 3 URL)."""
    # Numbered: two tests whose names begin alike never share a database.
    slug = "".join(c if c.isascii() and c.isalnum() else "_" for c in request.node.name.lower())
    name = f"t{next(_numbers)}_{slug[:50]}"
    return postgres.create_database(name)
