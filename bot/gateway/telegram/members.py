"""The door of the workers' group: who comes in, checked against `WORKER_USER_IDS`.

Registered before the gatekeeper (group -2) because a stranger's join or message is exactly what
the gatekeeper turns away unseen; it never stops an update. The rule and its alerts live in
`bot/gateway/desk/membership.py`.
"""

from __future__ import annotations

from telegram import ChatMember, Update

from bot.gateway.desk.membership import came_in, is_in_chat
from bot.gateway.telegram.context import AllerversContext


async def watch_members(update: Update, context: AllerversContext) -> None:
    """Joins and departures, the bot's own rights, and unlisted accounts writing in the group."""
    watch = context.desk.membership
    chat = update.effective_chat
    if chat is None or watch.chat_id is None or chat.id != watch.chat_id:
        return
    if update.chat_member is not None:
        change = update.chat_member
        if came_in(change):
            await watch.check(change.new_chat_member.user, joined=True)
        elif not is_in_chat(change.new_chat_member):
            watch.gone(change.new_chat_member.user.id)
        return
    if update.my_chat_member is not None:
        old, new = update.my_chat_member.old_chat_member, update.my_chat_member.new_chat_member
        if new.status == ChatMember.ADMINISTRATOR and old.status != ChatMember.ADMINISTRATOR:
            await watch.audit()  # promoted: now it can see the group, check it
        elif old.status == ChatMember.ADMINISTRATOR and is_in_chat(new):
            await watch.lost_rights()
        return
    message = update.effective_message
    if message is not None and message.new_chat_members:
        for user in message.new_chat_members:
            await watch.check(user, joined=True)
    elif message is not None and message.left_chat_member is not None:
        watch.gone(message.left_chat_member.id)
    elif update.effective_user is not None and not update.effective_user.is_bot:
        # Bots are left out here: anonymous administrators write as Telegram's GroupAnonymousBot.
        await watch.check(update.effective_user, joined=False)
