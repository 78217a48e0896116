"""Load at human pace through the real gateway: N chats each asking Q questions, pausing between
them as people do; reply latency, and the Bot API requests the bot spent for it.

    python -m tests.bench_load --chats 50 --questions 5

Starts its own Rasa and action server (the trained model in models/) and prints the figures with
the machine's load average: on a shared machine they mean something only if the load was low.
`make bench` (tests/bench.py) measures open-loop latency and saturation; this measures what a
crowd of people at once costs in Bot API requests (issue 10, item 19).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import random
import time
from pathlib import Path

from bot.stack import Stack
from tests.bench import TURNS, percentile, throwaway_settings
from tests.e2e.botapi_emulator import BotApiEmulator, make_user
from tests.e2e.conftest import start_gateway, stop_gateway

QUESTIONS = TURNS["question"] + TURNS["smalltalk"] + TURNS["situation"]


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def crowd(emulator: BotApiEmulator, chats: int, questions: int, think: tuple[float, float],
                spread: float) -> tuple[list[float], int]:
    """Every chat starts within `spread` seconds and waits `think` seconds between questions."""
    latencies: list[float] = []
    lost = 0

    async def person(index: int) -> None:
        nonlocal lost
        rng = random.Random(index)
        user = make_user(language_code="fr")
        await asyncio.sleep(rng.uniform(0, spread))
        for _ in range(questions):
            mark = emulator.mark(user["id"])
            started = time.perf_counter()
            emulator.send_text(user, rng.choice(QUESTIONS))
            try:
                await emulator.wait_for_message(user["id"], after=mark, timeout=120)
            except AssertionError:
                lost += 1
                continue
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(rng.uniform(*think))

    await asyncio.gather(*(person(i) for i in range(chats)))
    return latencies, lost


async def main_async(args: argparse.Namespace) -> str:
    settings = throwaway_settings("allervers-load-")
    stack = Stack.for_settings(settings, fresh_ports=True).start(timeout=300)
    try:
        async with BotApiEmulator(token="123456:TEST") as emulator:
            app = await start_gateway(dataclasses.replace(
                settings, telegram_base_url=emulator.base_url, rasa_url=stack.rasa_url))
            try:
                # One conversation first, not measured: Rasa's first turns after a start are slow.
                await crowd(emulator, 1, 2, (0.0, 0.0), 0.0)
                before, mark, started = load_average(), emulator.mark_calls(), time.perf_counter()
                latencies, lost = await crowd(emulator, args.chats, args.questions,
                                              (args.think_min, args.think_max), args.spread)
                elapsed, after = time.perf_counter() - started, load_average()
            finally:
                await stop_gateway(app)
            methods = collections.Counter(name for name, _ in emulator.calls[mark:] if name != "getUpdates")
    finally:
        stack.stop()
    spent = sum(methods.values())
    return "\n".join([
        f"{args.chats} chats x {args.questions} questions, think {args.think_min:g}-{args.think_max:g} s, "
        f"starts spread over {args.spread:g} s: {len(latencies)} answered, {lost} unanswered in 120 s",
        f"latency p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, "
        f"max {max(latencies, default=float('nan')):.2f} s; run {elapsed:.0f} s",
        f"Bot API requests (getUpdates aside): {spent} = {spent / elapsed:.1f}/s; "
        + ", ".join(f"{name} {count}" for name, count in methods.most_common()),
        f"load average (1, 5, 15 min) before: {before}; after: {after}",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--think-min", type=float, default=3.0)
    parser.add_argument("--think-max", type=float, default=8.0)
    parser.add_argument("--spread", type=float, default=10.0)
    print(asyncio.run(main_async(parser.parse_args())), flush=True)


if __name__ == "__main__":
    main()
