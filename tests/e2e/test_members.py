"""The workers' group for listed workers only, end to end.

The real gateway (PTB over HTTP, polling with the production `allowed_updates`) against the Bot
API emulator, which plays Telegram's side of membership: join service messages, `chat_member`
updates (sent only to an administrator bot), bans, administrators and the member count.
No Rasa: nothing here reaches a conversation.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator

from bot.config import Settings
from bot.gateway.desk.membership import (
    ADMIN_NOT_LISTED,
    BOT_NOT_ADMIN,
    MEMBER_JOINED,
    MEMBER_REMOVED,
    UNKNOWN_MEMBERS,
)
from bot.i18n import Translator
from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user
from tests.e2e.conftest import start_gateway, stop_gateway

FR = Translator("fr")  # the workers read the default language


@contextlib.asynccontextmanager
async def gateway_for(settings: Settings, emulator: BotApiEmulator, group: dict, workers: list[dict],
                      **changes: object) -> AsyncIterator[None]:
    """The gateway with `group` as the workers' group and `workers` listed; Rasa is not needed."""
    team = dataclasses.replace(
        settings, telegram_base_url=emulator.base_url, rasa_url="http://127.0.0.1:9",
        workers_chat_id=group["id"], worker_user_ids=frozenset(w["id"] for w in workers), **changes)
    application = await start_gateway(team)
    try:
        yield
    finally:
        await stop_gateway(application)


def team(emulator: BotApiEmulator) -> tuple[dict, dict, dict]:
    """A group created by a listed worker, who invited a listed colleague; the bot administers it."""
    group = emulator.add_chat(make_chat("supergroup", title="Maraude"))
    lead, colleague = make_user("Lead"), make_user("Colleague")
    emulator.add_member(group, lead, "creator")
    emulator.add_member(group, colleague)
    return group, lead, colleague


async def test_a_stranger_who_joins_is_removed_and_announced_without_a_name(settings, emulator):
    group, lead, colleague = team(emulator)
    newcomer, stranger = make_user("Newcomer"), make_user("Mallory", last_name="Evil", username="mallory")
    async with gateway_for(settings, emulator, group, [lead, colleague, newcomer]):
        emulator.join(group, newcomer)  # a listed worker joining: nothing to say
        emulator.join(group, stranger)
        alert = await emulator.wait_for_message(group["id"])
        await emulator.wait_for_call("unbanChatMember")
    # Removal is the default (REMOVE_UNLISTED_MEMBERS unset).
    assert alert["text"] == FR.gettext(MEMBER_REMOVED, user_id=stranger["id"])
    assert not any(word in alert["text"] for word in ("Mallory", "Evil", "mallory"))
    assert emulator.status_of(group, stranger) == "left", "kicked: out, and free to be invited again"
    assert [int(p["user_id"]) for p in emulator.calls_to("banChatMember")] == [stranger["id"]]
    assert emulator.status_of(group, newcomer) == "member"
    assert len(emulator.sent_messages(group["id"])) == 1, "one alert for one stranger"


async def test_with_removal_turned_off_a_stranger_is_only_announced(settings, emulator):
    group, lead, colleague = team(emulator)
    stranger = make_user("Mallory")
    async with gateway_for(settings, emulator, group, [lead, colleague], remove_unlisted_members=False):
        # No "joined" service message: only the chat_member update tells the bot.
        emulator.join(group, stranger, added_by=colleague, service_message=False)
        alert = await emulator.wait_for_message(group["id"])
    assert alert["text"] == FR.gettext(MEMBER_JOINED, user_id=stranger["id"])
    assert emulator.status_of(group, stranger) == "member"
    assert not emulator.calls_to("banChatMember")


async def test_at_start_up_a_group_with_more_members_than_workers_gets_an_alert(settings, emulator):
    group, lead, colleague = team(emulator)
    emulator.add_member(group, make_user("Mallory"))  # joined while the bot was not watching
    async with gateway_for(settings, emulator, group, [lead, colleague]):
        # The check is done before the gateway starts polling.
        texts = [m["text"] for m in emulator.sent_messages(group["id"])]
    assert texts == [FR.gettext(UNKNOWN_MEMBERS, count=1)]


async def test_at_start_up_a_group_of_listed_workers_gets_no_alert(settings, emulator):
    group, lead, colleague = team(emulator)
    away = make_user("Away")  # listed but not (or no longer) in the group
    async with gateway_for(settings, emulator, group, [lead, colleague, away]):
        assert emulator.sent_messages(group["id"]) == []
    assert {int(p["user_id"]) for p in emulator.calls_to("getChatMember")} >= {
        lead["id"], colleague["id"], away["id"]}


async def test_at_start_up_an_unlisted_administrator_and_missing_rights_are_announced(settings, emulator):
    group, lead, colleague = team(emulator)
    manager = make_user("Manager")
    emulator.add_member(group, manager, "administrator")
    emulator.add_member(group, {**emulator.bot_user}, "member")  # the bot was never made an administrator
    async with gateway_for(settings, emulator, group, [lead, colleague]):
        texts = [m["text"] for m in emulator.sent_messages(group["id"])]
    assert texts == [FR.gettext(BOT_NOT_ADMIN), FR.gettext(ADMIN_NOT_LISTED, user_id=manager["id"])]
