"""A private PostgreSQL cluster for the scale tests: initdb in a temporary directory, on a free
loopback port, as the `postgres` system user when the tests run as root (PostgreSQL refuses root).

Without the server binaries the tests skip with one line saying what to install; under CI
(`CI=true` or `ALLERVERS_REQUIRE_SCALE=1`) they fail instead: CI installs the packages first.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

INSTALL_HINT = "apt-get install postgresql redis-server nginx-light"


def scale_required() -> bool:
    """CI must run the scale tests: a missing service is a failure there, not a skip."""
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("ALLERVERS_REQUIRE_SCALE") == "1"


def missing(what: str) -> None:
    """Skip (a developer's machine) or fail (CI) with the one line saying what to install."""
    message = f"{what} not found: {INSTALL_HINT}"
    if scale_required():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def server_binaries() -> Path | None:
    """The directory of initdb/pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    def version(path: str) -> int:
        name = Path(path).parent.parent.name
        return int(name) if name.isdigit() else 0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    return Path(candidates[-1]).parent if candidates else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    port: int
    password: str
    bin_dir: Path
    data_dir: Path
    as_user: list[str]

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://allervers:{self.password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A fresh database; its SQLAlchemy URL (psycopg 3)."""
        import psycopg

        with psycopg.connect(self.url(driver="postgresql"), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m",
                        "immediate", "stop"], check=False, capture_output=True)


@contextlib.contextmanager
def private_cluster() -> Iterator[PostgresServer]:
    """initdb + pg_ctl start in a temporary directory; stopped and removed at the end."""
    bin_dir = server_binaries()
    if bin_dir is None:
        missing("PostgreSQL (initdb)")
    assert bin_dir is not None
    as_user: list[str] = []
    root = tempfile.mkdtemp(prefix="allervers-pg-")
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            missing("the postgres system user")
        as_user = ["runuser", "-u", "postgres", "--"]
        os.chown(root, owner.pw_uid, owner.pw_gid)
    os.chmod(root, 0o700)
    data, password = Path(root) / "data", secrets.token_hex(16)
    pwfile = Path(root) / "pw"
    pwfile.write_text(password + "\n")
    if as_user:
        os.chown(pwfile, owner.pw_uid, owner.pw_gid)
    port = free_port()
    server = PostgresServer(port, password, bin_dir, data, as_user)
    try:
        subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "allervers",
                        "--pwfile", str(pwfile), "-A", "scram-sha-256", "-E", "UTF8", "--no-sync"],
                       check=True, capture_output=True)
        options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                        str(Path(root) / "log"), "-w", "-t", "60", "start"], check=True, capture_output=True)
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
