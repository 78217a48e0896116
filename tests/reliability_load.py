"""`make reliability`: many conversations at once for minutes, through the Bot API emulator.

N people (default 200) each open a chat (/start, a language: fr, en, ar in turn), then, at a
human pace (a pause of `--think` seconds on average), ask questions and press the bot's buttons,
for T minutes (default 10). Everything runs on this machine and on loopback only: Rasa, the
action + NLG server, and this process, which holds the gateway (real PTB Application over HTTP)
and the emulator. Not part of `make test` (it takes T minutes plus the start-up).

Reported: messages sent and answered, messages left unanswered (no reply within
`--reply-timeout`), apologies (the "cannot answer right now" notice), errors (ERROR lines logged by
the bot, Bot API error replies, failed conversations), reply latency (p50, p95, max: from the
update being available to the bot's first reply in that chat), and the resident memory of the
gateway, Rasa and the action server at the start and the end. Written as markdown to `--out`.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import logging
import platform
import random
import time
from collections.abc import Callable
from pathlib import Path

import psutil

from bot.config import PROJECT_ROOT
from bot.gateway.core.messages import UNAVAILABLE
from bot.i18n import Translator
from bot.stack import Stack
from tests.bench import percentile, table, throwaway_settings
from tests.bench_processes import PeakMemory
from tests.e2e.botapi_emulator import BotApiEmulator, inline_buttons, make_user
from tests.e2e.conftest import start_gateway, stop_gateway

LANGUAGES = ("fr", "en", "ar")
QUESTIONS = {
    "fr": ["c koi le rsa", "j ai droit a la prime d activite", "comment demander la css", "bonjour",
           "jpeux plus payer mon loyer", "merci", "c est quoi l aah", "je cherche une domiciliation"],
    "en": ["how much is the RSA", "what is the AAH", "how do I apply for housing aid", "hello",
           "no papers and my kid is sick", "thanks", "can I get the energy cheque"],
    "ar": ["شنو هو rsa", "شنو هي AME", "عندي 70 سنة والمعاش صغير", "شكرا", "كيفاش نطلب المساعدة ديال السكن"],
}
JSON = dict


class ErrorCount(logging.Handler):
    """Counts ERROR records logged by the bot while the load runs (never their text)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclasses.dataclass
class Tally:
    latencies: list[float] = dataclasses.field(default_factory=list)
    sent: int = 0
    unanswered: int = 0
    apologies: int = 0
    failed_conversations: int = 0


async def turn(emulator: BotApiEmulator, user: JSON, act: Callable[[], object], tally: Tally,
               reply_timeout: float) -> JSON | None:
    """One message or button press, and the bot's first reply to it (None: none in time)."""
    mark = emulator.mark(user["id"])
    started = time.perf_counter()
    act()
    tally.sent += 1
    try:
        reply = await emulator.wait_for_message(user["id"], after=mark, timeout=reply_timeout)
    except AssertionError:
        tally.unanswered += 1
        return None
    tally.latencies.append(time.perf_counter() - started)
    language = user["language_code"]
    if reply.get("text") == Translator(language).gettext(UNAVAILABLE):
        tally.apologies += 1
    return reply


async def conversation(emulator: BotApiEmulator, index: int, deadline: float, args: argparse.Namespace,
                       tally: Tally) -> None:
    """One person: open the chat, then questions and button presses until the deadline."""
    rng = random.Random(index)
    language = LANGUAGES[index % len(LANGUAGES)]
    user = make_user(f"P{index}", language_code=language)
    await asyncio.sleep(rng.uniform(0, args.think))  # people do not all arrive in the same second
    reply = await turn(emulator, user, lambda: emulator.send_text(user, "/start"), tally, args.reply_timeout)
    if reply is not None:
        picker = reply
        reply = await turn(emulator, user, lambda: emulator.press_button(user, picker, f"lang:{language}"),
                           tally, args.reply_timeout)
    while time.perf_counter() < deadline:
        await asyncio.sleep(rng.uniform(0.5 * args.think, 1.5 * args.think))
        if time.perf_counter() >= deadline:
            break
        buttons = [b["callback_data"] for b in inline_buttons(reply or {})
                   if str(b.get("callback_data", "")).startswith("/")]
        if buttons and rng.random() < 0.4:
            message, data = reply, rng.choice(buttons)
            reply = await turn(emulator, user,
                               lambda m=message, d=data: emulator.press_button(user, m, d, strict=False),
                               tally, args.reply_timeout)
        else:
            text = rng.choice(QUESTIONS[language])
            reply = await turn(emulator, user, lambda t=text: emulator.send_text(user, t), tally,
                               args.reply_timeout)


def rss(pid: int, with_children: bool) -> int:
    try:
        process = psutil.Process(pid)
        total = process.memory_info().rss
        if with_children:
            total += sum(child.memory_info().rss for child in process.children(recursive=True))
        return total
    except psutil.Error:
        return 0


async def run(args: argparse.Namespace) -> str:
    settings = throwaway_settings("allervers-load-", RASA_TIMEOUT_SECONDS=str(args.reply_timeout))
    stack = Stack.for_settings(settings, fresh_ports=True)
    print("starting Rasa and the action server...", flush=True)
    stack.start(timeout=600)
    errors = ErrorCount()
    logging.getLogger("bot").addHandler(errors)
    tally = Tally()
    try:
        async with BotApiEmulator(token="123456:TEST") as emulator:
            app = await start_gateway(dataclasses.replace(
                settings, telegram_base_url=emulator.base_url, rasa_url=stack.rasa_url))
            pids = {"gateway + emulator (this process)": (psutil.Process().pid, False),
                    "Rasa server": (stack.processes["rasa"].pid, True),
                    "action + NLG server": (stack.processes["actions"].pid, True)}
            start_rss = {name: rss(pid, children) for name, (pid, children) in pids.items()}
            memory = PeakMemory({name: pid for name, (pid, _) in pids.items()},
                                frozenset({"gateway + emulator (this process)"}))
            print(f"{args.conversations} conversations for {args.minutes:g} min...", flush=True)
            started = time.perf_counter()
            deadline = started + args.minutes * 60
            try:
                with memory:
                    people = (conversation(emulator, i, deadline, args, tally)
                              for i in range(args.conversations))
                    outcomes = await asyncio.gather(*people, return_exceptions=True)
                    elapsed = time.perf_counter() - started
                    end_rss = {name: rss(pid, children) for name, (pid, children) in pids.items()}
            finally:
                await stop_gateway(app)
            tally.failed_conversations = sum(isinstance(o, BaseException) for o in outcomes)
            api_errors = [e for e in emulator.errors if e[0] != "getUpdates"]
    finally:
        logging.getLogger("bot").removeHandler(errors)
        stack.stop()
    return report(args, tally, elapsed, errors.count, len(api_errors), start_rss, end_rss, memory.peak)


def report(args: argparse.Namespace, tally: Tally, elapsed: float, logged_errors: int, api_errors: int,
           start_rss: dict[str, int], end_rss: dict[str, int], peak: dict[str, int]) -> str:
    answered = len(tally.latencies)
    mib = 2**20
    summary = table([
        ["conversations", "minutes", "messages sent", "answered", "unanswered", "apologies",
         "errors logged", "Bot API errors", "failed conversations", "answers/s",
         "p50 (ms)", "p95 (ms)", "max (ms)"],
        [str(args.conversations), f"{elapsed / 60:.1f}", str(tally.sent), str(answered),
         str(tally.unanswered), str(tally.apologies), str(logged_errors), str(api_errors),
         str(tally.failed_conversations), f"{answered / elapsed:.1f}",
         f"{percentile(tally.latencies, 50) * 1000:.0f}", f"{percentile(tally.latencies, 95) * 1000:.0f}",
         f"{max(tally.latencies, default=float('nan')) * 1000:.0f}"],
    ])
    memory = table([["process", "RSS at start (MiB)", "RSS at end (MiB)", "peak RSS (MiB)"]] + [
        [name, f"{start_rss[name] / mib:.0f}", f"{end_rss[name] / mib:.0f}", f"{peak[name] / mib:.0f}"]
        for name in start_rss])
    return f"""# Load run

`python -m tests.reliability_load --conversations {args.conversations} --minutes {args.minutes:g} \
--think {args.think:g}` ({dt.datetime.now().strftime('%Y-%m-%d %H:%M')}), on {psutil.cpu_count()} cores,
{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}; load average at the end
{' '.join(f'{x:.1f}' for x in psutil.getloadavg())}. A reply not received within {args.reply_timeout:g} s
counts as unanswered.

{summary}

{memory}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--think", type=float, default=5.0, help="mean pause between messages (s)")
    parser.add_argument("--reply-timeout", type=float, default=60.0)
    parser.add_argument("--out", default=str(PROJECT_ROOT / "var" / "reliability-load.md"))
    args = parser.parse_args()
    text = asyncio.run(run(args))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
