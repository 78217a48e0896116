"""deploy/'s systemd units and environment files are what the scaled stack runs: the command lines
and the environment of each process come from them, and a disagreement stops the start."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT
from bot.scaled import units
from bot.scaled.children import ServiceDidNotStart
from bot.scaled.stack import ACTIONS_UNIT, GATEWAY_SETTINGS, GATEWAY_UNIT, RASA_UNIT
from bot.stack import RASA_PYTHON
from tests.unit.test_scaled_launcher import scaled_stack

UNITS = sorted(path.name for path in (units.DEPLOY / "systemd").glob("*.service"))
WEBHOOK = {"TELEGRAM_BOT_TOKEN": "1:T", "TELEGRAM_WEBHOOK_URL": "https://x/hook"}


@pytest.mark.parametrize("unit", UNITS)
def test_a_unit_sets_no_variable_its_environment_file_would_override(unit: str) -> None:
    """systemd.exec(5): EnvironmentFile= wins over Environment=; `ALLERVERS_VAR_DIR=...-%i` in the
    unit would be silently replaced by the file's one directory for every instance."""
    own = {line.split("=", 1)[0] for key, line in units.service_lines(unit) if key == "Environment"}
    assert not own & set(units.read_env_file(units.env_file_of(unit)))


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_runs_a_program_of_this_checkout(unit: str) -> None:
    program = units.command(unit, "5005")[0]
    assert program in (sys.executable, str(RASA_PYTHON))


def test_each_process_starts_with_its_units_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, WEBHOOK)
    replica, gateway = stack.rasa_ports[0], stack.gateway_ports[0]
    rasa_command, rasa_env = stack._as_unit(RASA_UNIT, replica, stack.rasa_env())
    assert rasa_command[:3] == [str(RASA_PYTHON), "-m", "allervers_nlu.serve"]
    assert rasa_command[rasa_command.index("--port") + 1] == str(replica)
    assert rasa_command[rasa_command.index("--endpoints") + 1] == "deploy/endpoints.yml"
    assert rasa_env["REDIS_PORT"] == str(stack.redis.port), "the stack's Redis, not the file's 6379"
    gateway_command, gateway_env = stack._as_unit(GATEWAY_UNIT, gateway, stack.gateway_env(gateway),
                                                  launcher_only=GATEWAY_SETTINGS)
    assert gateway_command == [sys.executable, "-m", "bot.cli", "run"]
    assert gateway_env["WEBHOOK_LISTEN"] == f"127.0.0.1:{gateway}"
    assert gateway_env["RASA_AUTH_TOKEN"] == rasa_env["RASA_AUTH_TOKEN"], "the gateway can talk to Rasa"
    actions_command, actions_env = stack._as_unit(ACTIONS_UNIT, stack.action_ports[0],
                                                  stack.actions_env(stack.action_ports[0]))
    assert actions_command == [sys.executable, "-m", "bot.cli", "actions"]
    assert actions_env["ACTION_SERVER_PORT"] == str(stack.action_ports[0])


def test_the_files_examples_and_placeholders_never_reach_a_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, WEBHOOK)  # no workers' chat given to the launcher
    port = stack.gateway_ports[0]
    _, env = stack._as_unit(GATEWAY_UNIT, port, stack.gateway_env(port), launcher_only=GATEWAY_SETTINGS)
    assert "WORKERS_CHAT_ID" not in env, "not the file's example chat id"
    assert env["TELEGRAM_BOT_TOKEN"] == "1:T"
    assert not [key for key, value in env.items() if units.PLACEHOLDER in value]


def test_the_launchers_optional_settings_reach_the_gateway(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, {**WEBHOOK, "RATE_LIMIT_BURST": "1000"})  # not in gateway.env
    port = stack.gateway_ports[0]
    _, env = stack._as_unit(GATEWAY_UNIT, port, stack.gateway_env(port), launcher_only=GATEWAY_SETTINGS)
    assert env["RATE_LIMIT_BURST"] == "1000"


def test_a_variable_the_files_do_not_list_stops_the_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, WEBHOOK)
    with pytest.raises(ServiceDidNotStart, match=r"deploy/env/rasa\.env do not list NEW_SETTING"):
        stack._as_unit(RASA_UNIT, stack.rasa_ports[0], {**stack.rasa_env(), "NEW_SETTING": "1"})


def test_a_placeholder_the_stack_cannot_fill_stops_the_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, WEBHOOK)
    known = {key: value for key, value in stack.rasa_env().items() if key != "REDIS_PASSWORD"}
    with pytest.raises(ServiceDidNotStart, match="REDIS_PASSWORD is a placeholder"):
        stack._as_unit(RASA_UNIT, stack.rasa_ports[0], known)


def test_systemd_reads_every_unit_without_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`systemd-analyze verify` on the units as installed in this checkout: unknown keys, wrong
    values, a program that is not there (the `allervers` script, the Rasa virtualenv's python)."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not found (apt-get install systemd): the units are not verified")
    files = []
    for path in sorted((units.DEPLOY / "systemd").iterdir()):
        text = path.read_text(encoding="utf-8").replace(units.INSTALLED, str(PROJECT_ROOT))
        name = path.name.replace("@.service", "@5005.service")  # an instance of a template
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(f"./{name}")
    result = subprocess.run([analyze, "verify", "--man=no", *files], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
