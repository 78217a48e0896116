"""Updates through the real update queue: one chat in order, chats in parallel."""

from __future__ import annotations

import asyncio

from telegram.ext import Application

from tests.unit.gateway.fakes import make_user, text_update

ALICE, BOB = make_user(42), make_user(43, first_name="Bob")


async def feed(app: Application, *updates: object) -> None:
    """Put updates on the queue as the poller does, and wait until every one is handled."""
    await app.start()
    try:
        for update in updates:
            await app.update_queue.put(update)
        await asyncio.wait_for(app.update_queue.join(), timeout=10)
    finally:
        await app.stop()


async def test_a_slow_answer_is_not_overtaken_by_the_next_message_of_the_same_chat(app, telegram, rasa):
    rasa.delays["first"] = 0.3
    await feed(app, text_update(app.bot, ALICE, "first"), text_update(app.bot, ALICE, "second"))
    assert telegram.texts(ALICE["id"]) == ["[fr] first", "[fr] second"]


async def test_another_chat_does_not_wait_for_a_slow_one(app, telegram, rasa):
    rasa.delays["slow"] = 0.3
    await feed(app, text_update(app.bot, ALICE, "slow"), text_update(app.bot, BOB, "quick"))
    sent = [p["text"] for p in telegram.to("sendMessage")]
    assert sent == ["[fr] quick", "[fr] slow"]
