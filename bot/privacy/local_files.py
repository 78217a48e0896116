"""What the bot keeps on disk under `var/`: private to its user, and logs that do not grow forever.

- `var/` is 0700 and every file in it 0600 (databases, the secret key, logs): the processes of
  the bot (the gateway, and the children `bot/stack.py` starts, Rasa's SQLite tracker included)
  run with umask 077, and `prepare_var_dir` puts right what an older version left open.
- Logs rotate. The gateway's own log, `var/log/gateway.log`, at midnight, keeping
  `LOG_RETENTION_DAYS` days. Rasa's and the action server's output goes through a pipe into
  `var/log/<child>.log`, rotated at `CHILD_LOG_BYTES` (a few old files kept); rotated files older
  than `LOG_RETENTION_DAYS` days are deleted at start and by the daily retention job.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import stat
import threading
import time
from pathlib import Path
from typing import IO

PRIVATE_UMASK = 0o077  # files 0600, directories 0700
LOG_RETENTION_DAYS = 14
CHILD_LOG_BYTES = 10 * 1024 * 1024
CHILD_LOG_BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


def prepare_var_dir(var_dir: Path) -> None:
    """Create `var/` 0700 and close what is already in it to everyone but its owner (a database
    or a log 0644 becomes 0600; the owner's own bits stay, so a tool kept there still runs)."""
    var_dir.mkdir(parents=True, exist_ok=True)
    var_dir.chmod(0o700)
    for root, dirs, files in os.walk(var_dir):
        for name in [*dirs, *files]:
            path = Path(root) / name
            with contextlib.suppress(FileNotFoundError):
                if not path.is_symlink():
                    path.chmod(stat.S_IMODE(path.stat().st_mode) & 0o700)


def log_dir(var_dir: Path) -> Path:
    path = var_dir / "log"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def purge_old_logs(directory: Path, days: int = LOG_RETENTION_DAYS) -> int:
    """Delete the log files (rotated or not) not written to for `days` days; how many."""
    cutoff = time.time() - days * 86400
    removed = 0
    for path in directory.glob("*.log*"):
        with contextlib.suppress(FileNotFoundError):
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
    return removed


def gateway_log_handler(var_dir: Path) -> logging.Handler:
    """var/log/gateway.log, a new file every midnight, `LOG_RETENTION_DAYS` of them kept."""
    handler = logging.handlers.TimedRotatingFileHandler(
        log_dir(var_dir) / "gateway.log", when="midnight", backupCount=LOG_RETENTION_DAYS,
        encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    return handler


class ChildLog:
    """One child's output (one line, one record) into a size-rotated `var/log/<name>.log`.

    The same file handler serves every run of the child, so restarts append and rotation counts
    across them.
    """

    def __init__(self, path: Path, max_bytes: int = CHILD_LOG_BYTES,
                 backups: int = CHILD_LOG_BACKUPS) -> None:
        self.path = path
        self._handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True)
        self._handler.setFormatter(logging.Formatter("%(message)s"))
        self._threads: list[threading.Thread] = []

    def follow(self, stream: IO[bytes]) -> threading.Thread:
        """Copy `stream` (a child's stdout) into the log until it closes, from a thread."""
        thread = threading.Thread(target=self._copy, args=(stream,), name=f"log {self.path.name}",
                                  daemon=True)
        thread.start()
        self._threads.append(thread)
        return thread

    def _copy(self, stream: IO[bytes]) -> None:
        with stream:
            for raw in stream:
                line = raw.decode("utf-8", errors="replace").rstrip("\n")
                self._handler.handle(logging.makeLogRecord({"msg": line, "args": None}))

    def close(self, timeout: float = 5.0) -> None:
        """Close the file once the children's output has ended (they were stopped)."""
        for thread in self._threads:
            thread.join(timeout)
        self._handler.close()
