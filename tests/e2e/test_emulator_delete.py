"""The emulator deletes as Telegram does: deleteMessage(s) within 48 hours, deleteForumTopic with
everything in it, and Telegram's error replies otherwise. No Rasa needed."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram.error import BadRequest
from telegram.ext import ExtBot

from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user

TWO_DAYS = 48 * 3600


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        yield emulator


def make_bot(emu: BotApiEmulator) -> ExtBot:
    return ExtBot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url)


async def test_delete_message_then_not_found_as_telegram_words_it(emu: BotApiEmulator) -> None:
    user = make_user()
    emu.send_text(user, "hi")
    async with make_bot(emu) as bot:
        sent = await bot.send_message(user["id"], "ton numéro")
        assert await bot.delete_message(user["id"], sent.message_id) is True
        assert not emu.shown(user["id"], sent.message_id)
        with pytest.raises(BadRequest, match="Message to delete not found"):
            await bot.delete_message(user["id"], sent.message_id)
    async with aiohttp.ClientSession() as http, http.post(
            f"{emu.base_url}{emu.token}/deleteMessage",
            json={"chat_id": user["id"], "message_id": sent.message_id}) as response:
        assert response.status == 400
        assert await response.json() == {"ok": False, "error_code": 400,
                                         "description": "Bad Request: message to delete not found"}


async def test_after_48_hours_a_message_cannot_be_deleted_but_can_be_edited(emu: BotApiEmulator) -> None:
    user = make_user()
    emu.send_text(user, "hi")
    async with make_bot(emu) as bot:
        old = await bot.send_message(user["id"], "+33612345678")
        emu.messages[(user["id"], old.message_id)]["date"] -= TWO_DAYS
        with pytest.raises(BadRequest, match="Message can't be deleted"):
            await bot.delete_message(user["id"], old.message_id)
        with pytest.raises(BadRequest, match="Message can't be deleted"):
            await bot.delete_messages(user["id"], [old.message_id])
        await bot.edit_message_text("(effacé)", chat_id=user["id"], message_id=old.message_id)
    assert emu.messages[(user["id"], old.message_id)]["text"] == "(effacé)"


async def test_delete_messages_skips_the_missing_ones_up_to_100(emu: BotApiEmulator) -> None:
    user = make_user()
    emu.send_text(user, "hi")
    async with make_bot(emu) as bot:
        first = await bot.send_message(user["id"], "un")
        second = await bot.send_message(user["id"], "deux")
        assert await bot.delete_messages(user["id"], [first.message_id, 999, second.message_id])
        assert not emu.shown(user["id"], first.message_id) and not emu.shown(user["id"], second.message_id)
        with pytest.raises(BadRequest, match="Too many messages"):
            await bot.delete_messages(user["id"], list(range(1, 102)))


async def test_a_forum_topic_goes_with_its_messages_and_others_stay(emu: BotApiEmulator) -> None:
    forum = emu.add_chat(make_chat(is_forum=True, title="Maraude"))
    worker = make_user("Worker")
    async with make_bot(emu) as bot:
        topic = await bot.create_forum_topic(forum["id"], "#1 · ar · rsa")
        card = await bot.send_message(forum["id"], "Dossier #1", message_thread_id=topic.message_thread_id)
        elsewhere = await bot.send_message(forum["id"], "file d'attente")
        said = emu.send_text(worker, "bonjour", chat=forum)["message"]
        with pytest.raises(BadRequest, match="Message can't be deleted"):  # not an administrator
            await bot.delete_message(forum["id"], said["message_id"])
        assert await bot.delete_forum_topic(forum["id"], topic.message_thread_id)
        assert (forum["id"], topic.message_thread_id) not in emu.topics
        assert not emu.shown(forum["id"], card.message_id) and emu.shown(forum["id"], elsewhere.message_id)
        with pytest.raises(BadRequest, match="Message thread not found"):
            await bot.delete_forum_topic(forum["id"], topic.message_thread_id)
