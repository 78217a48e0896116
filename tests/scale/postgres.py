"""The scale tests' PostgreSQL: bot.scaled.postgres.PrivateCluster, the cluster `make run-scaled`
runs, started once per test session in a temporary directory on a free loopback port (as the
`postgres` system user when the tests run as root: PostgreSQL refuses root), a new empty
database per test. Without PostgreSQL the tests skip or, under CI, fail (tests/scale/availability.py).

Its directory is one of its own in /tmp, not under pytest's: the `postgres` user must be able to
enter every directory above its cluster, and pytest closes /tmp/pytest-of-<user> again (0700)
whenever a pytest starts.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.scaled.children import Children
from bot.scaled.postgres import PrivateCluster
from bot.stack import free_port
from tests.scale import availability


@dataclass
class PostgresServer:
    cluster: PrivateCluster
    children: Children

    def create_database(self, name: str) -> str:
        """A new, empty database; its SQLAlchemy URL (psycopg 3)."""
        return self.cluster.create_database(self.children, name)


@contextlib.contextmanager
def private_cluster() -> Iterator[PostgresServer]:
    """The cluster started and ready; stopped and removed at the end."""
    binaries = availability.require_postgres()
    var_dir = Path(tempfile.mkdtemp(prefix="allervers-pg-"))
    children = Children(var_dir)
    # The tests' connections: two lock tables per test, engines, the eraser (the launcher: 100+).
    cluster = PrivateCluster(binaries, var_dir / "scaled", free_port(), max_connections=200)
    try:
        cluster.start_ready(children)
        yield PostgresServer(cluster, children)
    finally:
        children.stop_all()
        shutil.rmtree(var_dir, ignore_errors=True)
