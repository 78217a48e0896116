"""The typing indicator: only for an answer still being prepared, and never at the answer's cost.

Driven by events, not clocks: a delay of zero stands for "the answer is slow", an hour for "fast".
"""

from __future__ import annotations

import asyncio

from telegram.error import NetworkError

from bot.gateway.telegram.typing_indicator import typing_if_slow


class FakeBot:
    def __init__(self, fail: bool = False) -> None:
        self.actions: list[tuple[int, str]] = []
        self.fail = fail
        self.called = asyncio.Event()

    async def send_chat_action(self, chat_id: int, action: str) -> bool:
        self.called.set()
        if self.fail:
            raise NetworkError("Bot API unreachable")
        self.actions.append((chat_id, action))
        return True


async def test_an_answer_still_being_prepared_shows_typing():
    bot = FakeBot()
    async with typing_if_slow(bot, 42, delay=0.0):  # type: ignore[arg-type]
        await bot.called.wait()  # the answer is not ready until the indicator went out
    assert bot.actions == [(42, "typing")]


async def test_an_answer_ready_before_the_delay_costs_no_request():
    bot = FakeBot()
    async with typing_if_slow(bot, 42, delay=3600):  # type: ignore[arg-type]
        pass
    await asyncio.sleep(0)
    assert bot.actions == []


async def test_a_failing_indicator_does_not_stop_the_answer():
    bot = FakeBot(fail=True)
    async with typing_if_slow(bot, 42, delay=0.0):  # type: ignore[arg-type]
        await bot.called.wait()
    assert bot.actions == []
