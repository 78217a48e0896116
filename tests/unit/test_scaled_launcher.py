"""The scaled stack's launcher without its services: what a person sees when a program is
missing, and what deploy/'s files say once rendered (no token, no message in nginx's logs)."""

from __future__ import annotations

import pytest
import yaml

from bot.cli import main
from bot.scaled.binaries import MissingBinaryError, find_binaries
from bot.scaled.services import Nginx
from bot.scaled.templates import DEPLOY_DIR, render

INSTALL = "apt-get install postgresql redis-server nginx-light"


def test_a_missing_program_gives_the_apt_get_line() -> None:
    def which(program: str, path: str | None = None) -> str | None:
        return None if program == "redis-server" else f"/usr/bin/{program}"

    with pytest.raises(MissingBinaryError) as raised:
        find_binaries(which=which, postgres_dirs=list)
    message = str(raised.value)
    assert "redis-server" in message and INSTALL in message
    assert "\n" not in message
    assert "initdb" not in message  # what is there is not named


def test_run_scaled_without_the_programs_says_one_line(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str],
                                                       tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("ALLERVERS_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.setattr("bot.scaled.binaries.POSTGRES_GLOB", str(tmp_path / "no-postgresql" / "*"))
    assert main(["run-scaled"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert INSTALL in err and "initdb" in err


def rendered_nginx(tmp_path) -> str:  # type: ignore[no-untyped-def]
    nginx = Nginx(binaries=None, root=tmp_path, rasa_port=5006, actions_port=5056,  # type: ignore[arg-type]
                  webhook_listen="127.0.0.1:8443", rasa_ports=[5005, 5015], action_ports=[5055],
                  gateway_ports=[8081, 8082])
    return nginx.config()


def test_nginx_logs_no_query_string_and_no_body(tmp_path) -> None:  # type: ignore[no-untyped-def]
    conf = rendered_nginx(tmp_path)
    log_format = conf.split("log_format", 1)[1].split(";", 1)[0]
    assert "$logged_path" in log_format  # $uri, without a conversation's id
    assert "~^/conversations/[^/]+(?<rest>/.*)?$  /conversations/-$rest;" in conf
    for leaky in ("$request ", "$request'", "$request_uri", "$args", "$query_string", "$request_body",
                  "$http_"):
        assert leaky not in log_format
    assert f"error_log {tmp_path}/nginx/error.log crit;" in conf  # error lines quote ?token=
    assert "${" not in conf


def test_nginx_retries_a_failed_replica_on_the_other(tmp_path) -> None:  # type: ignore[no-untyped-def]
    conf = rendered_nginx(tmp_path)
    rasa = conf.split("upstream rasa {", 1)[1].split("}", 1)[0]
    assert "server 127.0.0.1:5005 max_fails=1 fail_timeout=5s;" in rasa
    assert "server 127.0.0.1:5015 max_fails=1 fail_timeout=5s;" in rasa
    assert "keepalive" in rasa
    rasa_server = conf.split("listen 127.0.0.1:5006;", 1)[1].split("server {", 1)[0]
    assert "proxy_next_upstream error timeout http_502 http_503 non_idempotent;" in rasa_server
    assert "proxy_next_upstream_tries 2;" in rasa_server
    assert "server 127.0.0.1:8081" in conf.split("upstream gateways {", 1)[1].split("}", 1)[0]
    assert "location = /telegram/webhook" in conf


def test_rasa_endpoints_share_the_tracker_and_the_lock() -> None:
    endpoints = yaml.safe_load((DEPLOY_DIR / "endpoints.yml").read_text(encoding="utf-8"))
    assert endpoints["tracker_store"] == {"type": "SQL", "url": "${TRACKER_STORE_URL}"}
    # Rasa's `type: redis` with atomic changes (allervers_nlu/lock_store.py), same settings.
    assert endpoints["lock_store"]["type"] == "allervers_nlu.lock_store.AtomicRedisLockStore"
    assert endpoints["lock_store"]["url"] == "${REDIS_HOST}"
    assert endpoints["lock_store"]["port"] == "${REDIS_PORT}"


def test_redis_keeps_nothing_on_disk_and_listens_on_loopback() -> None:
    conf = render("redis.conf", {"REDIS_BIND": "127.0.0.1", "REDIS_PORT": 6390, "REDIS_DIR": "/x",
                                 "REDIS_PASSWORD": "p"})
    lines = {line.strip() for line in conf.splitlines() if line.strip() and not line.startswith("#")}
    assert {"bind 127.0.0.1", 'save ""', "appendonly no", "requirepass p",
            "maxmemory-policy noeviction"} <= lines


def scaled_stack(tmp_path, environ: dict[str, str]):  # type: ignore[no-untyped-def]
    from bot.config import Settings
    from bot.scaled.binaries import Binaries
    from bot.scaled.stack import ScaledOptions, ScaledStack

    settings = Settings.from_env({"SECRET_KEY": "s" * 40, "ALLERVERS_VAR_DIR": str(tmp_path)})
    fake = Binaries(*(f"/bin/{name}" for name in ("initdb", "postgres", "pg_isready", "psql",
                                                  "redis-server", "nginx")))
    return ScaledStack(settings, ScaledOptions(replicas=2, gateways=2), environ=environ, binaries=fake)


def test_a_replica_gets_no_secret_of_the_gateway(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, {"TELEGRAM_BOT_TOKEN": "1:T", "TELEGRAM_WEBHOOK_URL": "https://x/hook"})
    env = stack.rasa_env()
    assert "SECRET_KEY" not in env and "TELEGRAM_BOT_TOKEN" not in env and "DATABASE_URL" not in env
    assert env["TRACKER_STORE_URL"].startswith("postgresql://")
    assert env["TICKET_LOCK_LIFETIME"] == "15"
    assert env["ACTION_ENDPOINT_URL"] == f"http://127.0.0.1:{stack.nginx.actions_port}/webhook"


def test_gateways_share_the_services_through_nginx(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, {"TELEGRAM_BOT_TOKEN": "1:T", "TELEGRAM_WEBHOOK_URL": "https://x/tg/hook",
                                    "AWS_SECRET_ACCESS_KEY": "other"})
    assert stack.webhook_mode and len(stack.gateway_ports) == 2
    assert stack.nginx.webhook_path == "/tg/hook"
    first, second = (stack.gateway_env(port) for port in stack.gateway_ports)
    assert first["GATEWAY_ONLY"] == "true"
    assert first["RASA_URL"] == stack.rasa_url == f"http://127.0.0.1:{stack.nginx.rasa_port}"
    assert first["WEBHOOK_LISTEN"] != second["WEBHOOK_LISTEN"]
    assert first["ALLERVERS_VAR_DIR"] != second["ALLERVERS_VAR_DIR"]  # logs of their own
    assert first["SECRET_KEY"] == second["SECRET_KEY"] == "s" * 40  # pseudonyms agree
    assert first["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert "AWS_SECRET_ACCESS_KEY" not in first


def test_without_a_webhook_url_no_gateway_is_started(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stack = scaled_stack(tmp_path, {"TELEGRAM_BOT_TOKEN": "1:T"})
    assert not stack.webhook_mode and stack.gateway_ports == []
