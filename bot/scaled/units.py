"""deploy/'s systemd units and environment files, read so that the scaled stack runs what they say.

A unit's command line (`ExecStart=`, `%i` the instance) runs with this checkout's virtualenvs in
place of the installed ones under `/opt/allervers`, from the project's root (the units'
`WorkingDirectory=`). A process's environment is composed as systemd composes it — the unit's
`Environment=` lines, then its `EnvironmentFile=`, whose values win (systemd.exec(5)) — then the
values the stack knows (ports, passwords, URLs) replace the files' examples. The files are the
contract: a variable the stack would set that the unit's environment does not list, or a
`change-me` placeholder the stack has no value for, stops the start with an error naming the file.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Collection
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.stack import RASA_PYTHON

DEPLOY = PROJECT_ROOT / "deploy"
INSTALLED = "/opt/allervers"  # where the units expect the checkout (WorkingDirectory=)
PLACEHOLDER = "change-me"


class DeployMismatchError(RuntimeError):
    """deploy/ and what the stack starts disagree: the description would not run as written."""


def unit_path(unit: str) -> Path:
    return DEPLOY / "systemd" / unit


def service_lines(unit: str) -> list[tuple[str, str]]:
    """The `[Service]` section's settings in order, continuation lines joined."""
    lines: list[tuple[str, str]] = []
    section, pending = "", ""
    for raw in unit_path(unit).read_text(encoding="utf-8").splitlines():
        line = pending + raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line:
            key, value = line.split("=", 1)
            lines.append((key.strip(), value.strip()))
    return lines


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; blank lines and comments skipped (the files use no quoting)."""
    values: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def env_file_of(unit: str) -> Path:
    """deploy/env/NAME.env for the unit's `EnvironmentFile=/etc/allervers/NAME.env`."""
    files = [value.lstrip("-") for key, value in service_lines(unit) if key == "EnvironmentFile"]
    if len(files) != 1:
        raise DeployMismatchError(f"{unit}: expected one EnvironmentFile=, found {len(files)}")
    return DEPLOY / "env" / Path(files[0]).name


def unit_environment(unit: str, instance: str) -> dict[str, str]:
    """What systemd gives the process: `Environment=` (with `%i`), then the file over it."""
    environment: dict[str, str] = {}
    for key, value in service_lines(unit):
        if key == "Environment":
            for assignment in shlex.split(value.replace("%i", instance)):
                name, _, setting = assignment.partition("=")
                environment[name] = setting
    environment.update(read_env_file(env_file_of(unit)))
    return environment


def command(unit: str, instance: str) -> list[str]:
    """The unit's `ExecStart=` as this checkout runs it."""
    starts = [value for key, value in service_lines(unit) if key == "ExecStart"]
    if len(starts) != 1:
        raise DeployMismatchError(f"{unit}: expected one ExecStart=, found {len(starts)}")
    words = shlex.split(starts[0].replace("%i", instance))
    program, arguments = words[0], words[1:]
    installed = {
        f"{INSTALLED}/.venv/bin/allervers": [sys.executable, "-m", "bot.cli"],
        f"{INSTALLED}/.venv/bin/python": [sys.executable],
        f"{INSTALLED}/.venv-rasa/bin/python": [str(RASA_PYTHON)],
    }
    if program not in installed:
        raise DeployMismatchError(f"{unit}: ExecStart= runs {program}, not a program of {INSTALLED}")
    return installed[program] + arguments


def process_environment(unit: str, instance: str, known: dict[str, str], *,
                        launcher_only: Collection[str] = ()) -> dict[str, str]:
    """The unit's environment with the stack's values in: `known` replaces the files' values;
    a variable in `launcher_only` (the gateway's optional settings: a Telegram token, the workers'
    chat, a rate limit) comes only from `known`, never from the file's example, and may be one
    the file does not show."""
    declared = unit_environment(unit, instance)
    undocumented = sorted(set(known) - set(declared) - set(launcher_only))
    if undocumented:
        raise DeployMismatchError(f"{unit} and {env_file_of(unit).relative_to(PROJECT_ROOT)} do not "
                                  f"list {', '.join(undocumented)}, which the process is given")
    environment: dict[str, str] = {}
    for key, value in declared.items():
        if key in known:
            environment[key] = known[key]
        elif key in launcher_only:
            continue
        elif PLACEHOLDER in value:
            raise DeployMismatchError(f"{env_file_of(unit).relative_to(PROJECT_ROOT)}: {key} is a "
                                      "placeholder the scaled stack has no value for")
        else:
            environment[key] = value
    # The launcher's optional settings the file does not show (bot/config.py lists them all).
    environment.update({key: known[key] for key in launcher_only if key in known})
    return environment
