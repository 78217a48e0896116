"""The programs the scaled stack runs, found on this machine, or one line saying what to install.

PostgreSQL's server programs are not on PATH on Debian (`/usr/lib/postgresql/<version>/bin`):
the newest version there is used when `initdb` is not on PATH. The PostgreSQL programs alone
(`find_postgres`) are what tests/scale/'s private cluster needs: a machine with PostgreSQL but
without Redis or nginx still runs the database tests.
"""

from __future__ import annotations

import glob
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

APT_PACKAGES = "postgresql redis-server nginx-light"
INSTALL_LINE = f"apt-get install {APT_PACKAGES}"
POSTGRES_GLOB = "/usr/lib/postgresql/*/bin"


class MissingBinaryError(RuntimeError):
    """A program of the scaled stack is not installed; the message is the one line to act on."""


@dataclass(frozen=True)
class PostgresBinaries:
    initdb: str
    postgres: str
    pg_isready: str
    psql: str


@dataclass(frozen=True)
class Binaries(PostgresBinaries):
    redis_server: str
    nginx: str


def _postgres_bin_dirs() -> list[str]:
    def version(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0
    return sorted(glob.glob(POSTGRES_GLOB), key=version, reverse=True)


Which = Callable[..., str | None]


def _search(which: Which, postgres_dirs: Callable[[], list[str]],
            others: tuple[str, ...]) -> dict[str, str]:
    """PostgreSQL's programs and `others`, or MissingBinaryError naming the missing ones."""
    found: dict[str, str] = {}
    missing: list[str] = []
    pg_dirs = postgres_dirs()
    for program in ("initdb", "postgres", "pg_isready", "psql"):
        # The server's own directory first: its initdb, postgres and psql agree on the version.
        path = next((p for d in pg_dirs if (p := which(program, path=d))), None) or which(program)
        if path:
            found[program] = path
        else:
            missing.append(program)
    for program in others:
        path = which(program) or which(program, path="/usr/sbin:/sbin")
        if path:
            found[program.replace("-", "_")] = path
        else:
            missing.append(program)
    if missing:
        raise MissingBinaryError(
            f"the scaled stack needs {', '.join(missing)}: {INSTALL_LINE} (as root)")
    return found


def find_postgres(which: Which = shutil.which,
                  postgres_dirs: Callable[[], list[str]] = _postgres_bin_dirs) -> PostgresBinaries:
    """PostgreSQL's server programs, or MissingBinaryError with the apt-get line."""
    return PostgresBinaries(**_search(which, postgres_dirs, ()))


def find_binaries(which: Which = shutil.which,
                  postgres_dirs: Callable[[], list[str]] = _postgres_bin_dirs) -> Binaries:
    """Every program, or MissingBinaryError naming the missing ones and the apt-get line."""
    return Binaries(**_search(which, postgres_dirs, ("redis-server", "nginx")))
