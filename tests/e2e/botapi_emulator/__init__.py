"""An in-process Telegram Bot API emulator for end-to-end tests.

A real python-telegram-bot ``Application`` talks to :class:`BotApiEmulator` over HTTP on
loopback exactly as it would talk to ``api.telegram.org``::

    async with BotApiEmulator() as emu:
        app = (
            Application.builder().token(emu.token)
            .base_url(emu.base_url).base_file_url(emu.base_file_url).build()
        )
        ...  # add handlers, start polling
        user = make_user("Amina")
        emu.send_text(user, "/start")
        reply = await emu.wait_for_message(user["id"], lambda m: "Bonjour" in m["text"])
        emu.press_button(user, reply, emu.button_data(reply, "Oui"))

It implements the methods the bot calls, as the Bot API documents them: getMe, getUpdates (long
polling with offset confirmation), deleteWebhook, sendMessage, copyMessage, editMessageText,
answerCallbackQuery, sendChatAction, getChat, createForumTopic, editForumTopic, deleteMessage,
deleteMessages and deleteForumTopic (with the 48-hour limit), leaveChat (then a
``my_chat_member`` update, and 403 on sends), plus sendPhoto / sendDocument / sendVoice and
getFile for the workers' artefacts (QR codes, posters, charts), and group membership:
getChatMember, getChatAdministrators, getChatMemberCount, banChatMember, unbanChatMember with
the ``chat_member`` / ``my_chat_member`` updates Telegram sends (``join``, ``set_bot_status``).
Form, multipart and JSON requests, per-chat message ids, dates in integer seconds, Telegram-style
error replies, injectable faults (429 and 5xx with :meth:`fail_next`, calls that time out
with :meth:`stall_next`), update ids chosen afresh after a long pause
(:meth:`restart_update_ids`), and webhooks (setWebhook, getWebhookInfo, deleteWebhook; while one is
set, getUpdates answers 409 and updates are POSTed to it with the secret token: ``webhooks.py``).
Text is plain: the bot sends no parse_mode. Any other method answers 404, so a new call shows.

    builders.py     users and chats a test makes
    protocol.py     errors, decoded parameters, the method registry
    server.py       lifecycle, HTTP, failure injection, shared internals
    methods.py      the Bot API methods
    members.py      group membership: ChatMember objects, member methods and updates
    webhooks.py     setWebhook / getWebhookInfo / deleteWebhook and delivery by POST
    user_side.py    what users do: write, press, share, add the bot to a group (queued updates)
    observation.py  what the bot did, and waiting for it: the BotApiEmulator class

Test-side helpers (``send_text``, ``press_button``, ...) are synchronous: they queue an update
and return it; the bot receives it on its next (or current, long-polling) ``getUpdates``.
Everything runs on the caller's event loop, so create the emulator inside the test's loop.
"""

from tests.e2e.botapi_emulator.builders import inline_buttons, make_chat, make_user, private_chat
from tests.e2e.botapi_emulator.observation import BotApiEmulator
from tests.e2e.botapi_emulator.protocol import ApiError

__all__ = ["ApiError", "BotApiEmulator", "inline_buttons", "make_chat", "make_user", "private_chat"]
