"""`allervers` command: run, chat, actions, parse, migrate."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import sys

import httpx

from bot.config import Settings
from bot.db import migrate
from bot.i18n import check_catalogs
from bot.stack import PortInUseError, Stack
from bot.supervisor import Supervisor

logger = logging.getLogger("allervers")


def configure_logging(level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # httpx logs full URLs, and Telegram URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def rasa_is_up(url: str, token: str) -> bool:
    try:
        return bool(httpx.get(f"{url}/status", params={"token": token}, timeout=2).json().get("model_file"))
    except (httpx.HTTPError, ValueError):
        return False


def cmd_run(settings: Settings, console: bool) -> int:
    """Start the action server and Rasa, then Telegram (with a token) or the console chat.

    Both servers are kept up while it runs; 1 when they could not be (or a port was taken)."""
    check_catalogs()
    migrate(settings.database_url)
    stack = Stack.for_settings(settings)
    supervisor = Supervisor(stack)
    print("Starting the action + NLG server and the Rasa server (about 30 s)...", flush=True)
    try:
        try:
            stack.start()
        except PortInUseError as error:
            print(f"Not started: {error}", file=sys.stderr, flush=True)
            return 1
        supervisor.start()
        print("Ready.", flush=True)
        if settings.telegram_bot_token and not console:
            from bot.gateway.telegram.app import build_application

            print("Serving Telegram (long polling). Ctrl-C stops everything.", flush=True)
            build_application(settings).run_polling(allowed_updates=None)
        else:
            from bot.gateway.console import chat

            print("No TELEGRAM_BOT_TOKEN: console chat.", flush=True)
            asyncio.run(chat(settings))
    except KeyboardInterrupt:
        pass
    finally:
        print("Stopping...", flush=True)
        supervisor.stop()
        stack.stop()
    if supervisor.gave_up:
        print("Rasa or the action server kept failing and was stopped: see var/log/.",
              file=sys.stderr, flush=True)
        return 1
    return 0


def cmd_chat(settings: Settings) -> int:
    """The console chat; starts the servers itself when RASA_URL does not answer."""
    if rasa_is_up(settings.rasa_url, settings.rasa_auth_token.get()):
        check_catalogs()
        migrate(settings.database_url)
        from bot.gateway.console import chat

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
    sub.add_parser("chat", help="console chat")
    sub.add_parser("actions", help="the action + NLG server alone")
    sub.add_parser("parse", help="stdin lines -> JSON lines (intent, language, benefit)")
    sub.add_parser("migrate", help="apply database migrations")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    quiet = args.command in ("parse", "chat") or (
        args.command == "run" and (args.console or not settings.telegram_bot_token))
    # The console chat shares the terminal with the logs: only warnings there.
    configure_logging(logging.WARNING if quiet else logging.INFO)
    if args.command == "run":
        return cmd_run(settings, args.console)
    if args.command == "chat":
        return cmd_chat(settings)
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
