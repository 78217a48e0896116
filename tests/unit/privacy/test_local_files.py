"""var/ is private to the bot's user and its logs do not grow forever."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.privacy.local_files import ChildLog, prepare_var_dir, purge_old_logs


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_an_open_var_directory_is_closed(tmp_path: Path):
    var = tmp_path / "var"
    (var / "log").mkdir(parents=True)
    (var / "allervers.db").write_text("")
    (var / "log" / "rasa.log").write_text("")
    (var / "tool").write_text("#!/bin/sh\n")
    for path, bits in ((var, 0o755), (var / "log", 0o755), (var / "allervers.db", 0o644),
                       (var / "log" / "rasa.log", 0o666), (var / "tool", 0o755)):
        path.chmod(bits)
    prepare_var_dir(var)
    assert (mode(var), mode(var / "log")) == (0o700, 0o700)
    assert (mode(var / "allervers.db"), mode(var / "log" / "rasa.log")) == (0o600, 0o600)
    assert mode(var / "tool") == 0o700, "closed to others, still runs for its owner"


def test_allervers_creates_its_database_and_key_private(tmp_path: Path):
    """`allervers migrate` on a fresh machine: var/ 0700, the database and the key 0600."""
    var = tmp_path / "var"
    env = {"PATH": os.environ["PATH"], "ALLERVERS_VAR_DIR": str(var)}
    subprocess.run([sys.executable, "-m", "bot.cli", "migrate"], cwd=PROJECT_ROOT, env=env,
                   check=True, timeout=120, capture_output=True)
    assert mode(var) == 0o700
    assert mode(var / "secret_key") == 0o600 and mode(var / "allervers.db") == 0o600


def test_a_childs_log_rotates_at_its_size_cap(tmp_path: Path):
    path = tmp_path / "rasa.log"
    log = ChildLog(path, max_bytes=1000, backups=2)
    log.follow(io.BytesIO(b"".join(b"line %03d of a chatty child\n" % i for i in range(300)))).join()
    log.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rasa.log", "rasa.log.1", "rasa.log.2"]
    assert all(p.stat().st_size <= 1000 for p in tmp_path.iterdir())
    assert path.read_text().splitlines()[-1] == "line 299 of a chatty child"


def test_logs_older_than_the_retention_are_deleted(tmp_path: Path):
    old, recent = tmp_path / "rasa.log.3", tmp_path / "gateway.log"
    old.write_text("three weeks ago")
    recent.write_text("today")
    three_weeks_ago = time.time() - 21 * 86400
    os.utime(old, (three_weeks_ago, three_weeks_ago))
    assert purge_old_logs(tmp_path, days=14) == 1
    assert not old.exists() and recent.exists()
