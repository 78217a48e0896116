"""The typing indicator: only for an answer still being prepared, and never at the answer's cost.

Driven by events, not clocks: a delay of zero stands for "the answer is slow", an hour for "fast".
"""

from __future__ import annotations

import asyncio
import contextlib

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


class SwallowingBot(FakeBot):
    """A Bot API call that eats the cancellation arriving while it is on the wire, as the HTTP
    stack did under load; a later call fails, so that an indicator going on ends at last."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    async def send_chat_action(self, chat_id: int, action: str) -> bool:
        self.calls += 1
        self.called.set()
        if self.calls > 1:
            raise NetworkError("Bot API unreachable")
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.Event().wait()  # on the wire until cancelled; the cancellation is lost
        self.actions.append((chat_id, action))
        return True


async def test_the_answer_leaves_when_the_indicator_swallows_its_cancellation():
    bot = SwallowingBot()
    async with typing_if_slow(bot, 42, delay=0.0):  # type: ignore[arg-type]
        await bot.called.wait()  # the indicator is on the wire when the answer is ready
    # Without the fix the indicator went on and sent again (every 4.5 s, for ever with a working
    # Bot API) while the answer waited for it to stop.
    assert bot.calls == 1
    assert bot.actions == [(42, "typing")]
