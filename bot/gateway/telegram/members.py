"""The door of the workers' group: who comes in, checked against `WORKER_USER_IDS`.

Registered before the gatekeeper (group -2) because a stranger's join or message is exactly what
the gatekeeper turns away unseen; none of these handlers stops an update. The rule and its alerts
live in `bot/gateway/desk/membership.py`.
"""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.ext import Application, CallbackQueryHandler, ChatMemberHandler, MessageHandler, filters

from bot.gateway.desk.membership import came_in, is_in_chat
from bot.gateway.telegram.context import AllerversContext

GROUP = -2


async def on_member_change(update: Update, context: AllerversContext) -> None:
    """A `chat_member` update: someone joined, left, or was removed."""
    change = update.chat_member
    if change is None:
        return
    if came_in(change):
        await context.desk.membership.check(change.new_chat_member.user, joined=True)
    elif not is_in_chat(change.new_chat_member):
        context.desk.membership.gone(change.new_chat_member.user.id)


async def on_own_rights(update: Update, context: AllerversContext) -> None:
    """A `my_chat_member` update: the bot was made administrator (check the group), or stopped being one."""
    change = update.my_chat_member
    if change is None:
        return
    old, new = change.old_chat_member.status, change.new_chat_member
    if new.status == ChatMember.ADMINISTRATOR and old != ChatMember.ADMINISTRATOR:
        await context.desk.membership.audit()
    elif old == ChatMember.ADMINISTRATOR and is_in_chat(new):
        await context.desk.membership.lost_rights()


async def on_joined_message(update: Update, context: AllerversContext) -> None:
    """The "joined" service message: the only sign of a newcomer when the bot is no administrator."""
    message = update.effective_message
    for user in message.new_chat_members if message is not None else ():
        await context.desk.membership.check(user, joined=True)


async def on_left_message(update: Update, context: AllerversContext) -> None:
    """The "left" service message."""
    message = update.effective_message
    if message is not None and message.left_chat_member is not None:
        context.desk.membership.gone(message.left_chat_member.id)


async def on_activity(update: Update, context: AllerversContext) -> None:
    """Anyone else writing, editing or pressing a button in the group is in it."""
    user, chat = update.effective_user, update.effective_chat
    if chat is None or chat.id != context.desk.membership.chat_id:
        return
    # Bots are left out: anonymous administrators write as Telegram's GroupAnonymousBot.
    if user is not None and not user.is_bot:
        await context.desk.membership.check(user, joined=False)


def register(application: Application, workers_chat_id: int | None) -> None:
    """In group -2, first match wins: member updates, service messages, then any other activity
    (buttons: `on_activity` checks the chat, a button press has no chat filter)."""
    if workers_chat_id is None:
        return
    in_group = filters.Chat(chat_id=workers_chat_id)
    for handler in (
        ChatMemberHandler(on_member_change, ChatMemberHandler.CHAT_MEMBER, chat_id=workers_chat_id),
        ChatMemberHandler(on_own_rights, ChatMemberHandler.MY_CHAT_MEMBER, chat_id=workers_chat_id),
        MessageHandler(in_group & filters.StatusUpdate.NEW_CHAT_MEMBERS, on_joined_message),
        MessageHandler(in_group & filters.StatusUpdate.LEFT_CHAT_MEMBER, on_left_message),
        MessageHandler(in_group & ~filters.StatusUpdate.ALL, on_activity),
        CallbackQueryHandler(on_activity),
    ):
        application.add_handler(handler, group=GROUP)
