"""`allervers run-scaled`: the scaled stack, then the console chat through it (or, in webhook
mode, the gateways serve Telegram) until Ctrl-C, which stops everything in reverse order."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Callable

from bot.config import Settings
from bot.scaled.binaries import MissingBinaryError
from bot.scaled.children import ServiceDidNotStart
from bot.scaled.stack import ScaledOptions, ScaledStack
from bot.stack import PortInUseError


def run_scaled(settings: Settings, options: ScaledOptions, say: Callable[..., None]) -> int:
    """0 after Ctrl-C; 1 when a program is missing or a service did not come up (one line)."""
    try:
        stack = ScaledStack(settings, options, environ=dict(os.environ))
    except MissingBinaryError as error:
        say(f"Not started: {error}", error=True)
        return 1
    mode = (f"{len(stack.gateway_ports)} gateways (webhook, nginx on {options.webhook_listen})"
            if stack.webhook_mode else "the console chat")
    say(f"Starting PostgreSQL, Redis, {options.actions} action server(s), {options.replicas} Rasa "
        f"replicas (about a minute each), nginx and {mode}...")
    started = time.monotonic()
    try:
        stack.start()
    except (MissingBinaryError, ServiceDidNotStart, PortInUseError, RuntimeError) as error:
        say(f"Not started: {error}", error=True)
        return 1
    except KeyboardInterrupt:
        return 0  # start() stopped what it had started
    say(f"Ready in {time.monotonic() - started:.0f} s: Rasa through nginx at {stack.rasa_url}; "
        f"logs in {stack.children.log_path('nginx').parent}.")
    try:
        if stack.webhook_mode:
            say("Serving Telegram. Ctrl-C stops everything.")
            while all(child.process.poll() is None for child in stack.children.started.values()):
                time.sleep(1)
            say("A process of the stack exited: stopping (see var/log/).", error=True)
            return 1
        from bot.gateway.console import chat

        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(chat(stack.gateway_settings))
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the stop short
        say("Stopping...")
        stack.stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)
