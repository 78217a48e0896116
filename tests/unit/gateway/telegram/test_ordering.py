"""Updates through the real update queue: one chat in order, chats in parallel."""

from __future__ import annotations

import asyncio

from telegram.ext import Application

from bot.gateway.telegram.ordering import ChatOrderedUpdateProcessor
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


async def test_a_chat_waiting_for_its_turn_holds_no_shared_slot(app):
    """Two slots only: one person's backlog (the first turn stuck) must not keep Bob waiting."""
    processor = ChatOrderedUpdateProcessor(max_concurrent_updates=2)
    stuck, bob_answered = asyncio.Event(), asyncio.Event()
    handled: list[str] = []

    async def alice_turn(number: int) -> None:
        await stuck.wait()
        handled.append(f"alice {number}")

    async def bob_turn() -> None:
        handled.append("bob")
        bob_answered.set()

    flood = [asyncio.create_task(processor.process_update(text_update(app.bot, ALICE, f"m{n}"),
                                                          alice_turn(n))) for n in range(6)]
    bob = asyncio.create_task(processor.process_update(text_update(app.bot, BOB, "hello"), bob_turn()))
    await asyncio.wait_for(bob_answered.wait(), timeout=5)  # a safety net, not a timing assertion
    assert handled == ["bob"]
    stuck.set()
    await asyncio.gather(*flood, bob)
    assert handled == ["bob"] + [f"alice {n}" for n in range(6)], "Alice's turns still in order"
    assert processor.current_concurrent_updates == 0
