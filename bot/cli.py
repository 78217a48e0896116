"""`allervers` command: run, run-scaled, chat, actions, parse, migrate.

Every command runs with umask 077 and closes `var/` first (`prepare_var_dir`): the databases,
the secret key and the logs it creates are its user's only. `run` stops everything it started
the same way on Ctrl-C, SIGTERM, SIGHUP (the terminal closed) and the end of the console's input
(Ctrl-D).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from pathlib import Path

import httpx

from bot.config import Settings, SettingsError
from bot.db import migrate
from bot.i18n import check_catalogs
from bot.privacy.local_files import LOG_FORMAT, PRIVATE_UMASK, gateway_log_handler, prepare_var_dir
from bot.stack import PortInUseError, Stack
from bot.supervisor import Supervisor

logger = logging.getLogger("allervers")


# Signals that stop `allervers run` as Ctrl-C does: a service manager's stop, a closed terminal.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def configure_logging(level: int = logging.INFO, var_dir: Path | None = None) -> None:
    """Logs on stderr at `level`; with `var_dir`, also at INFO into var/log/gateway.log (rotated)."""
    terminal = logging.StreamHandler()
    terminal.setLevel(level)
    terminal.setFormatter(logging.Formatter(LOG_FORMAT))
    handlers: list[logging.Handler] = [terminal]
    if var_dir is not None:
        handlers.append(gateway_log_handler(var_dir))
    logging.basicConfig(level=min(level, logging.INFO) if var_dir else level, handlers=handlers)
    # httpx logs full URLs: Telegram's contain the bot token, Rasa's its auth token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def rasa_is_up(url: str, token: str) -> bool:
    try:
        return bool(httpx.get(f"{url}/status", params={"token": token}, timeout=2).json().get("model_file"))
    except (httpx.HTTPError, ValueError):
        return False


def say(text: str, *, error: bool = False) -> None:
    """A line for the person at the terminal, if there still is one (a closed one raises EIO)."""
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr if error else sys.stdout, flush=True)


def stop_like_ctrl_c() -> None:
    """SIGTERM and SIGHUP raise KeyboardInterrupt in the main thread, as Ctrl-C does."""
    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, signal.default_int_handler)


def cmd_run(settings: Settings, console: bool) -> int:
    """Start the action server and Rasa, then Telegram (with a token) or the console chat.

    Both servers are kept up while it runs; 1 when they could not be (or a port was taken).
    With GATEWAY_ONLY only the gateway runs here: Rasa and the action server are shared ones
    (RASA_URL), started and watched elsewhere (`deploy/`)."""
    stop_like_ctrl_c()
    check_catalogs()
    migrate(settings.database_url)
    if settings.gateway_only:
        if not rasa_is_up(settings.rasa_url, settings.rasa_auth_token.get()):
            say(f"Rasa does not answer at {settings.rasa_url} yet: turns fail until it does.", error=True)
        with contextlib.suppress(KeyboardInterrupt):
            serve(settings, console)
        return 0
    stack = Stack.for_settings(settings)
    supervisor = Supervisor(stack)
    say("Starting the action + NLG server and the Rasa server (about 30 s)...")
    try:
        try:
            stack.start()
        except PortInUseError as error:
            say(f"Not started: {error}", error=True)
            return 1
        supervisor.start()
        say("Ready.")
        serve(settings, console)
    except KeyboardInterrupt:
        pass
    finally:
        say("Stopping...")
        supervisor.stop()
        stack.stop()
    if supervisor.gave_up:
        say("Rasa or the action server kept failing and was stopped: see var/log/.", error=True)
        return 1
    return 0


def serve(settings: Settings, console: bool) -> None:
    """Telegram (webhook with TELEGRAM_WEBHOOK_URL, else long polling), or the console chat."""
    if settings.telegram_bot_token and not console:
        import uvloop

        from bot.gateway.telegram.app import ALLOWED_UPDATES, build_application

        application = build_application(settings)
        # libuv's event loop: less CPU per socket event than asyncio's own (the gateway's turn is
        # mostly HTTP calls); PTB creates its loop from this policy.
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
        if settings.telegram_webhook_url:
            from bot.gateway.telegram.webhook import webhook_options

            host, port = settings.webhook_listen
            say(f"Serving Telegram (webhook, listening on {host}:{port}). Ctrl-C stops everything.")
            application.run_webhook(**webhook_options(settings), stop_signals=STOP_SIGNALS)
        else:
            say("Serving Telegram (long polling). Ctrl-C stops everything.")
            application.run_polling(allowed_updates=ALLOWED_UPDATES, stop_signals=STOP_SIGNALS)
    else:
        from bot.gateway.console import chat

        say("No TELEGRAM_BOT_TOKEN: console chat.")
        asyncio.run(chat(settings))


def cmd_chat(settings: Settings) -> int:
    """The console chat; starts the servers itself when RASA_URL does not answer."""
    if rasa_is_up(settings.rasa_url, settings.rasa_auth_token.get()):
        check_catalogs()
        migrate(settings.database_url)
        from bot.gateway.console import chat

        stop_like_ctrl_c()
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(chat(settings))
        return 0
    return cmd_run(settings, console=True)


def cmd_actions(settings: Settings) -> int:
    from bot.actions.server import build_app

    build_app(settings).run(host="127.0.0.1", port=settings.action_server_port, workers=1,
                            access_log=False, motd=False)
    return 0


def cmd_parse(settings: Settings) -> int:
    """stdin lines -> JSON lines {text, language, intent, confidence, benefit[, benefits]}."""
    from bot.knowledge import load_knowledge_base
    from bot.language_id import identify_language

    kb = load_knowledge_base()
    stack: Stack | None = None
    url = settings.rasa_url
    if not rasa_is_up(url, settings.rasa_auth_token.get()):
        stack = Stack.for_settings(settings, fresh_ports=True)
        # NLU only: parsing needs neither the action server nor a tracker.
        stack.start(with_actions=False)
        url = stack.rasa_url
    try:
        token = {"token": settings.rasa_auth_token.get()}
        with httpx.Client(base_url=url, timeout=30, params=token) as client:
            for raw in sys.stdin:
                text = raw.rstrip("\n")
                result = client.post("/model/parse", json={"text": text}).json()
                intent = result.get("intent") or {}
                benefits = kb.rights_in(result.get("entities"))
                row = {
                    "text": text,
                    "language": identify_language(text, settings.default_language),
                    "intent": intent.get("name"),
                    "confidence": round(float(intent.get("confidence") or 0.0), 4),
                    "benefit": benefits[0] if benefits else None,
                }
                if len(benefits) > 1:
                    row["benefits"] = benefits  # a situation that touches several rights
                print(json.dumps(row, ensure_ascii=False), flush=True)
    finally:
        if stack is not None:
            stack.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="allervers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start everything: Telegram with a token, else console chat")
    run.add_argument("--console", action="store_true", help="console chat even with a token")
    scaled = sub.add_parser("run-scaled", help="PostgreSQL, Redis, Rasa replicas behind nginx, gateways "
                            "(webhook mode with TELEGRAM_WEBHOOK_URL, else console chat)")
    scaled.add_argument("--replicas", type=int, default=2, help="Rasa replicas (2)")
    scaled.add_argument("--actions", type=int, default=1, help="action + NLG servers (1)")
    scaled.add_argument("--gateways", type=int, default=2, help="gateway processes, webhook mode (2)")
    scaled.add_argument("--webhook-listen", default="127.0.0.1:8443",
                        help="where nginx takes Telegram's webhook (127.0.0.1:8443)")
    sub.add_parser("chat", help="console chat")
    sub.add_parser("actions", help="the action + NLG server alone")
    sub.add_parser("parse", help="stdin lines -> JSON lines (intent, language, benefit)")
    sub.add_parser("migrate", help="apply database migrations")
    args = parser.parse_args(argv)
    os.umask(PRIVATE_UMASK)  # before anything is written: files 0600, directories 0700
    try:
        settings = Settings.from_env(with_secret_key=args.command != "actions")
    except SettingsError as error:
        say(f"allervers: {error}", error=True)
        return 2
    prepare_var_dir(settings.var_dir)
    quiet = args.command in ("parse", "chat", "run-scaled") or (
        args.command == "run" and (args.console or not settings.telegram_bot_token))
    # The console chat shares the terminal with the logs: only warnings there (all in the file).
    configure_logging(logging.WARNING if quiet else logging.INFO,
                      settings.var_dir if args.command in ("run", "chat", "run-scaled") else None)
    if args.command == "run":
        return cmd_run(settings, args.console)
    if args.command == "chat":
        return cmd_chat(settings)
    if args.command == "run-scaled":
        from bot.scaled.run import run_scaled
        from bot.scaled.stack import ScaledOptions

        stop_like_ctrl_c()
        return run_scaled(settings, ScaledOptions(args.replicas, args.actions, args.gateways,
                                                  args.webhook_listen), say)
    if args.command == "actions":
        return cmd_actions(settings)
    if args.command == "parse":
        return cmd_parse(settings)
    if args.command == "migrate":
        migrate(settings.database_url)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
