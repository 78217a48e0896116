"""Tests of the Bot API emulator, driven by a real python-telegram-bot Application over HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
import warnings
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)

from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        yield emulator


def make_bot(emu: BotApiEmulator, **kwargs: object) -> ExtBot:
    return ExtBot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url, **kwargs)


async def start_app(app: Application) -> None:
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=2)


async def stop_app(app: Application) -> None:
    assert app.updater is not None
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


@pytest.fixture
async def app(emu: BotApiEmulator) -> AsyncIterator[Application]:
    """An echo bot: /start shows a yes/no keyboard, other texts are echoed."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyboard = [
            [
                InlineKeyboardButton("Oui ✅", callback_data="answer:yes"),
                InlineKeyboardButton("Non", callback_data="answer:no"),
            ]
        ]
        await update.effective_message.reply_text("Bonjour !", reply_markup=InlineKeyboardMarkup(keyboard))

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        context.bot_data.setdefault("seen", []).append(update.update_id)
        await update.effective_message.reply_text(f"echo: {update.effective_message.text}")

    async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.answer("Merci")
        await query.edit_message_text(f"choisi: {query.data}")

    application = (
        Application.builder().token(emu.token).base_url(emu.base_url).base_file_url(emu.base_file_url).build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(CallbackQueryHandler(answer))
    await start_app(application)
    yield application
    await stop_app(application)


async def test_get_me_sets_username(emu: BotApiEmulator, app: Application) -> None:
    assert app.bot.username == emu.me["username"]
    assert app.bot.bot.is_bot
    assert emu.calls[0][0] == "getMe"
    assert emu.calls_to("deleteWebhook"), "start_polling bootstraps with deleteWebhook"


async def test_echo_via_long_polling(emu: BotApiEmulator, app: Application) -> None:
    user = make_user("Amina")
    await asyncio.sleep(0.1)  # let the first long poll start waiting
    emu.send_text(user, "bonjour")
    reply = await emu.wait_for_message(user["id"], lambda m: m["text"].startswith("echo"), timeout=5)
    assert reply["text"] == "echo: bonjour"
    assert reply["chat"] == {"id": user["id"], "type": "private", "first_name": "Amina"}
    assert reply["from"]["is_bot"] is True
    assert isinstance(reply["date"], int)
    assert abs(reply["date"] - time.time()) < 60
    assert reply["message_id"] == 2  # the user's message was #1 in this chat


async def test_command_keyboard_and_callback_round_trip(emu: BotApiEmulator, app: Application) -> None:
    user = make_user()
    update = emu.send_text(user, "/start")
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    menu = await emu.wait_for_message(user["id"], timeout=5)
    assert menu["text"] == "Bonjour !"

    mark = emu.mark(user["id"])
    emu.press(user, menu, "Oui")
    answer = await emu.wait_for_call("answerCallbackQuery", timeout=5)
    assert answer["text"] == "Merci"
    assert emu.callback_answers[-1]["text"] == "Merci"
    await emu.wait_for_call("editMessageText", timeout=5)
    edited = emu.messages[(user["id"], menu["message_id"])]
    assert edited["text"] == "choisi: answer:yes"
    assert "reply_markup" not in edited  # edit without reply_markup drops the keyboard
    assert emu.mark(user["id"]) == mark  # edits are not new messages
    with pytest.raises(AssertionError, match="no button"):
        emu.press(user, menu, "Non")


async def test_updates_are_not_delivered_twice(emu: BotApiEmulator, app: Application) -> None:
    user = make_user()
    sent = [emu.send_text(user, f"m{i}")["update_id"] for i in range(3)]
    for i in range(3):
        await emu.wait_for_message(user["id"], lambda m, i=i: m["text"] == f"echo: m{i}", timeout=5)
    emu.send_text(user, "last")
    await emu.wait_for_message(user["id"], lambda m: m["text"] == "echo: last", timeout=5)
    seen = app.bot_data["seen"]
    assert seen[:3] == sent
    assert len(seen) == len(set(seen)) == 4
    offsets = [p.get("offset") for p in emu.calls_to("getUpdates") if p.get("offset")]
    assert offsets == sorted(offsets)

    # an explicit duplicate (same update_id) is delivered once more
    emu.redeliver(emu.updates[0])
    await emu.wait_for_message(user["id"], lambda m: m["text"] == "echo: m0", after=4, timeout=5)
    assert app.bot_data["seen"][-1] == sent[0]


async def test_get_updates_offset_limit_and_long_poll(emu: BotApiEmulator) -> None:
    user = make_user()
    async with make_bot(emu) as bot:
        first, second = emu.send_text(user, "a"), emu.send_text(user, "b")
        updates = await bot.get_updates(timeout=0)
        assert [u.update_id for u in updates] == [first["update_id"], second["update_id"]]
        assert len(await bot.get_updates(limit=1)) == 1
        assert await bot.get_updates(offset=second["update_id"] + 1) == ()
        assert await bot.get_updates() == ()  # confirmed updates are gone for good

        started = time.monotonic()
        poll = asyncio.create_task(bot.get_updates(timeout=5, offset=second["update_id"] + 1))
        await asyncio.sleep(0.2)
        third = emu.send_text(user, "c")
        updates = await poll
        assert [u.update_id for u in updates] == [third["update_id"]]
        assert time.monotonic() - started < 2
        assert await bot.get_updates(timeout=0.3, offset=third["update_id"] + 1) == ()


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 deprecates the int form of retry_after
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def test_flood_control_surfaces_as_retry_after(emu: BotApiEmulator) -> None:
    user = make_user()
    emu.add_chat({"id": user["id"], "type": "private", "first_name": user["first_name"]})
    emu.fail_next("sendMessage")
    async with make_bot(emu) as bot:
        with pytest.raises(RetryAfter) as excinfo:
            await bot.send_message(user["id"], "hello")
        assert retry_after_seconds(excinfo.value) == 1
        await bot.send_message(user["id"], "hello")
    assert [e[1] for e in emu.errors] == [429]
    assert len(emu.sent_messages(user["id"])) == 1


async def test_flood_control_retried_by_rate_limiter(emu: BotApiEmulator) -> None:
    user = make_user()
    emu.send_text(user, "hi")  # makes the private chat known
    emu.fail_next("sendMessage")
    async with make_bot(emu, rate_limiter=AIORateLimiter(max_retries=1)) as bot:
        started = time.monotonic()
        message = await bot.send_message(user["id"], "after the flood")
    assert time.monotonic() - started >= 1.0
    assert message.text == "after the flood"
    assert len(emu.calls_to("sendMessage")) == 2


async def test_bad_requests(emu: BotApiEmulator) -> None:
    user = make_user()
    emu.send_text(user, "hi")
    async with make_bot(emu) as bot:
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(user["id"], "x" * 4097)
        assert (await bot.send_message(user["id"], "x" * 4096)).text == "x" * 4096
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(424242, "hello")
        with pytest.raises(BadRequest, match="plain text"):
            await bot.send_message(user["id"], "<b>Fin</b>", parse_mode="HTML")
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            markup = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="y" * 65)]])
            await bot.send_message(user["id"], "hello", reply_markup=markup)


async def test_http_protocol_details(emu: BotApiEmulator) -> None:
    base = emu.base_url
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base}999:WRONG/getMe") as response:
            assert response.status == 401
            assert await response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        async with http.post(f"{base}{emu.token}/sendNothing", json={}) as response:
            assert response.status == 404
            assert (await response.json())["description"] == "Not Found: method not found"
        async with http.get(f"{base}{emu.token}/GETME") as response:
            assert (await response.json())["result"]["is_bot"] is True
        async with http.post(f"{base}{emu.token}/sendMessage", json={"chat_id": 5}) as response:
            body = await response.json()
            assert (response.status, body["description"]) == (400, "Bad Request: message text is empty")


async def test_files_and_topics(emu: BotApiEmulator) -> None:
    user = make_user()
    forum = emu.add_chat(make_chat(is_forum=True, title="Travailleurs sociaux"))
    async with make_bot(emu) as bot:
        topic = await bot.create_forum_topic(forum["id"], "Amina — RSA")
        sent = await bot.send_message(
            forum["id"], "nouveau dossier", message_thread_id=topic.message_thread_id
        )
        assert sent.message_thread_id == topic.message_thread_id and sent.is_topic_message
        await bot.edit_forum_topic(forum["id"], topic.message_thread_id, name="Amina — RSA, APL")
        with pytest.raises(BadRequest, match="Topic_not_modified"):
            await bot.edit_forum_topic(forum["id"], topic.message_thread_id, name="Amina — RSA, APL")
        with pytest.raises(BadRequest, match="Message thread not found"):
            await bot.send_message(forum["id"], "x", message_thread_id=99999)

        emu.send_voice(user, data=b"OggS-voice")
        photo = await bot.send_photo(user["id"], photo=b"\x89PNG fake", caption="carte")
        assert photo.caption == "carte" and photo.photo[-1].file_id
        voice_id = emu.updates[-1]["message"]["voice"]["file_id"]
        downloaded = await (await bot.get_file(voice_id)).download_as_bytearray()
        assert bytes(downloaded) == b"OggS-voice"

        with pytest.raises(TelegramError, match="method not found"):  # not a method the bot uses
            await bot.send_dice(user["id"])


async def test_group_membership(emu: BotApiEmulator) -> None:
    group = emu.add_chat(make_chat(title="Maraude"))
    owner, member, other_bot = make_user("Owner"), make_user("Member"), make_user("Helper")
    other_bot["is_bot"] = True
    emu.add_member(group, owner, "creator")
    emu.add_member(group, member)
    emu.add_member(group, other_bot)
    async with make_bot(emu) as bot:
        assert await bot.get_chat_member_count(group["id"]) == 4  # bots count, this one too
        admins = await bot.get_chat_administrators(group["id"])
        assert [a.user.id for a in admins] == [owner["id"]]  # bots are left out
        assert (await bot.get_chat_member(group["id"], bot.id)).status == "administrator"
        with pytest.raises(BadRequest, match="Can't remove chat owner"):
            await bot.ban_chat_member(group["id"], owner["id"])
        assert await bot.ban_chat_member(group["id"], member["id"])
        assert (await bot.get_chat_member(group["id"], member["id"])).status == "kicked"
        assert await bot.unban_chat_member(group["id"], member["id"], only_if_banned=True)
        assert (await bot.get_chat_member(group["id"], member["id"])).status == "left"
        assert await bot.get_chat_member_count(group["id"]) == 3

        # chat_member updates only for a bot that asks for them (and administers the chat).
        emu.join(group, make_user("Newcomer"), service_message=False)
        assert await bot.get_updates(timeout=0) == ()
        stranger = make_user("Stranger")
        emu.join(group, stranger, service_message=False)
        (update,) = await bot.get_updates(timeout=0, allowed_updates=["chat_member"])
        change = update.chat_member
        assert (change.old_chat_member.status, change.new_chat_member.status) == ("left", "member")
        assert change.new_chat_member.user.id == stranger["id"] and change.invite_link is not None

        emu.set_bot_status(group, "member", by=owner)
        with pytest.raises(BadRequest, match="Not enough rights"):
            await bot.ban_chat_member(group["id"], stranger["id"])
        # allowed_updates stays as last set, as on Telegram: ask for my_chat_member too.
        (update,) = await bot.get_updates(offset=update.update_id + 1, timeout=0,
                                          allowed_updates=["chat_member", "my_chat_member"])
        assert update.my_chat_member.new_chat_member.status == "member"


async def test_adding_the_bot_to_a_group_and_leaving_it(emu: BotApiEmulator) -> None:
    """my_chat_member when a user adds the bot; leaveChat, Telegram's update about it, then 403."""
    user, group = make_user(), make_chat(title="Strangers")
    added = emu.add_bot_to(user, group)
    assert added["my_chat_member"]["new_chat_member"]["status"] == "member"
    async with make_bot(emu) as bot:
        (update,) = await bot.get_updates(timeout=0)
        assert update.my_chat_member is not None and update.my_chat_member.chat.id == group["id"]
        assert update.my_chat_member.from_user.id == user["id"]
        assert await bot.send_message(group["id"], "hello")
        assert await bot.leave_chat(group["id"]) is True
        (left,) = await bot.get_updates(offset=update.update_id + 1, timeout=0)
        assert left.my_chat_member is not None and left.my_chat_member.new_chat_member.status == "left"
        with pytest.raises(TelegramError, match="not a member"):
            await bot.send_message(group["id"], "still here?")
        emu.add_chat({"id": user["id"], "type": "private", "first_name": user["first_name"]})
        with pytest.raises(BadRequest, match="private chats"):
            await bot.leave_chat(user["id"])
