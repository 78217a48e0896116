"""A private PostgreSQL cluster under var/scaled/pg: the app database and Rasa's tracker store.

Created once (`initdb`), started at every run on a free loopback port with deploy/postgresql.conf
rendered into it, stopped with the launcher. It never touches a cluster of the system (the
Debian package's on 5432). PostgreSQL refuses to run as root, so when the launcher is root the
cluster belongs to the `postgres` system user and its programs run as that user; the directories
above it get the execute bit for others (enter, not list: 0711) so that user can reach it.

One role (`allervers`) owns both databases; its password is generated once and kept in
var/scaled/pg-password (0600). The role, the databases and the password are put right at every
start, so a cluster kept from an earlier run and a lost password file both work.
"""

from __future__ import annotations

import os
import pwd
import secrets
import signal
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bot.scaled.binaries import Binaries
from bot.scaled.children import Children
from bot.scaled.templates import render, write_private

ROLE = "allervers"
APP_DATABASE = "allervers"
TRACKER_DATABASE = "allervers_tracker"
SERVER_USER = "postgres"


def server_user() -> str | None:
    """The user the server runs as: `postgres` when we are root, else ourselves (None)."""
    return SERVER_USER if os.geteuid() == 0 else None


def open_for_traversal(path: Path, owner_uid: int) -> None:
    """Let another user enter (not list) every directory above `path` that `owner_uid` owns."""
    for directory in path.parents:
        info = directory.stat()
        if info.st_uid == owner_uid and not info.st_mode & stat.S_IXOTH:
            directory.chmod(stat.S_IMODE(info.st_mode) | stat.S_IXOTH)


def chown_to(path: Path, user: str | None) -> None:
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(path, entry.pw_uid, entry.pw_gid)


@dataclass
class PrivateCluster:
    binaries: Binaries
    root: Path  # var/scaled
    port: int
    max_connections: int = 100

    @property
    def data_dir(self) -> Path:
        return self.root / "pg"

    @property
    def socket_dir(self) -> Path:
        return self.root / "pg-socket"

    @property
    def password_file(self) -> Path:
        return self.root / "pg-password"

    def password(self) -> str:
        if not self.password_file.exists():
            write_private(self.password_file, secrets.token_urlsafe(32))
        return self.password_file.read_text(encoding="utf-8").strip()

    def url(self, database: str, driver: str = "postgresql") -> str:
        """`postgresql://` for Rasa (psycopg2), `postgresql+psycopg://` for the bot (psycopg 3)."""
        return f"{driver}://{ROLE}:{self.password()}@127.0.0.1:{self.port}/{database}"

    @property
    def app_url(self) -> str:
        return self.url(APP_DATABASE, "postgresql+psycopg")

    @property
    def tracker_url(self) -> str:
        return self.url(TRACKER_DATABASE)

    def _run(self, command: list[str], log: Path, stdin: str | None = None) -> None:
        user = server_user()
        with log.open("a", encoding="utf-8") as out:
            result = subprocess.run(command, input=stdin, text=True, stdout=out,
                                    stderr=subprocess.STDOUT, cwd="/", user=user, group=user,
                                    extra_groups=[] if user else None, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed (exit {result.returncode}); see {log}")

    def initialise(self, children: Children) -> None:
        """initdb once (UTF-8, peer auth on the socket, SCRAM passwords over TCP)."""
        user = server_user()
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        if user is not None:
            open_for_traversal(self.data_dir, os.geteuid())
        for directory in (self.data_dir, self.socket_dir):
            directory.mkdir(exist_ok=True, mode=0o700)
            chown_to(directory, user)
        if (self.data_dir / "PG_VERSION").exists():
            return
        self._run([self.binaries.initdb, "-D", str(self.data_dir), "--encoding=UTF8", "--locale=C",
                   "--auth-local=peer", "--auth-host=scram-sha-256", "--no-instructions",
                   f"--username={user or pwd.getpwuid(os.geteuid()).pw_name}"],
                  children.log_path("postgres-initdb"))
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# The scaled stack's settings (deploy/postgresql.conf, rendered at each start)\n"
                       "include 'allervers.conf'\n")

    def start(self, children: Children) -> None:
        children.check_port(self.port, "PostgreSQL")
        self.initialise(children)
        conf = write_private(self.data_dir / "allervers.conf", render("postgresql.conf", {
            "PG_PORT": self.port, "PG_SOCKET_DIR": self.socket_dir,
            "PG_MAX_CONNECTIONS": self.max_connections}))
        chown_to(conf, server_user())
        # SIGINT: PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to leave).
        children.spawn("postgres", [self.binaries.postgres, "-D", str(self.data_dir)], {},
                       user=server_user(), stop_signal=signal.SIGINT, death_signal=signal.SIGINT,
                       cwd=self.data_dir)

    def is_ready(self) -> bool:
        return subprocess.run([self.binaries.pg_isready, "-q", "-h", "127.0.0.1", "-p", str(self.port)],
                              check=False).returncode == 0

    def create_databases(self, children: Children) -> None:
        """The role (its password set again) and both databases, when missing."""
        user = server_user() or pwd.getpwuid(os.geteuid()).pw_name
        sql = (
            f"SELECT 'CREATE ROLE {ROLE} LOGIN' WHERE NOT EXISTS "
            f"(SELECT FROM pg_roles WHERE rolname = '{ROLE}')\\gexec\n"
            f"ALTER ROLE {ROLE} PASSWORD '{self.password()}';\n"  # token_urlsafe: no quote in it
        )
        for database in (APP_DATABASE, TRACKER_DATABASE):
            sql += (f"SELECT 'CREATE DATABASE {database} OWNER {ROLE}' WHERE NOT EXISTS "
                    f"(SELECT FROM pg_database WHERE datname = '{database}')\\gexec\n")
        # The password goes on stdin, never on a command line (`ps` shows those to everyone).
        self._run([self.binaries.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(self.socket_dir),
                   "-p", str(self.port), "-U", user, "-d", "postgres"],
                  children.log_path("postgres-setup"), stdin=sql)
