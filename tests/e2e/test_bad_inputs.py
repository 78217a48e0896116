"""Bad inputs, one kind per case (issue 10, reliability campaign): each gets a clear reply in the
person's language, nothing crashes, and the gateway answers the next message.

Kinds already pinned in `test_conversation.py` (three spaces, a sticker, a photo, a voice note, a
location, /bitcoin, four forged button payloads, a 4,096-character French text, three smileys, a
duplicate update) are not repeated here. Real gateway, real Rasa and action server (the session's
stack, started once), the Bot API emulator as Telegram.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from bot.gateway.core.messages import BAD_BUTTON, EMPTY_TEXT, HELP, NOT_TEXT, UNKNOWN_COMMAND
from bot.gateway.desk.texts import NOT_A_WORKER
from bot.i18n import Translator
from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user
from tests.e2e.helpers import assert_written_in, send_and_wait

JSON = dict[str, Any]
PICKER = "Hello! Which language do you want me to write in?"
ANSWER = None  # an answer from the dialogue (Rasa), checked for its language only
SILENT = "(nothing in that chat)"  # a chat the bot must not talk in; the person is answered after
PHISHING = "Call 0899 123 456 http://evil.example"


@dataclass(frozen=True)
class Kind:
    language: str
    send: Callable[[BotApiEmulator, JSON, JSON], object]  # (emulator, person, the bot's first message)
    expect: str | None  # msgid the gateway says itself, PICKER, SILENT, or ANSWER
    toast: bool = False  # the reply is the button's pop-up (answerCallbackQuery), not a message
    before: str | None = None  # a text sent, and answered, first


def text(value: str) -> Callable[[BotApiEmulator, JSON, JSON], object]:
    return lambda emu, user, _greeting: emu.send_text(user, value)


def content(value: JSON) -> Callable[[BotApiEmulator, JSON, JSON], object]:
    return lambda emu, user, _greeting: emu.send_content(user, value)


def press(data: str) -> Callable[[BotApiEmulator, JSON, JSON], object]:
    return lambda emu, user, greeting: emu.press_button(user, greeting, data, strict=False)


def media(emu: BotApiEmulator, kind: str, **fields: object) -> JSON:
    return emu.new_file(b"\x00media", kind).describe(**fields)


def edited(emu: BotApiEmulator, user: JSON, _greeting: JSON) -> object:
    """A typo corrected after the message was answered: the corrected question is answered."""
    last = max(key for key, message in emu.messages.items()
               if key[0] == user["id"] and message["from"]["id"] == user["id"])
    return emu.edit_text(user, emu.messages[last], "what is the rsa")


def in_a_stranger_group(emu: BotApiEmulator, user: JSON, _greeting: JSON) -> object:
    """Someone added the bot to their own group and talks there."""
    group = emu.add_chat(make_chat("supergroup", title="Not the workers"))
    emu.send_text(user, "/start@allervers_test_bot", chat=group)
    return emu.send_text(user, "c koi le rsa", chat=group)


KINDS: dict[str, Kind] = {
    # Text that is empty, invisible or only symbols.
    "empty text": Kind("en", text(""), NOT_TEXT),
    "unicode spaces and newlines": Kind("ar", text("\u00a0\u2003\u3000\n\t "), EMPTY_TEXT),
    "zero-width characters only": Kind("fr", text("\u200b\u200c\u200d\u2060\ufeff"), EMPTY_TEXT),
    "zero-width inside a word": Kind("en", text("what is the r\u200bs\u200ba"), ANSWER),
    "control characters": Kind("fr", text("\x00\x07\x1b[31mc koi le rsa\x1b[0m\x7f"), ANSWER),
    "emoji only, joined sequences": Kind("ar", text("🙏🏽❤️‍🔥👨‍👩‍👧"), ANSWER),
    "200 digits": Kind("en", text("1234567890" * 20), ANSWER),
    "4,096 characters of Arabic": Kind("ar", text(("شنو هو rsa " * 400)[:4096]), ANSWER),
    "mixed right-to-left and left-to-right": Kind("ar", text("بغيت RSA \u200fplease\u200e merci ؟"), ANSWER),
    # After picking French, a language the bot does not speak is answered in French (the picked
    # language stays); before any pick it gets the interpreter offer (test_ten_languages.py).
    "a language the bot does not speak": Kind("fr", text("გამარჯობა, საცხოვრებელი დახმარება მჭირდება"),
                                              ANSWER),
    "Chinese": Kind("en", text("你好，我需要住房补助"), ANSWER),
    "a link only": Kind("fr", text("https://www.caf.fr/allocataires/droits-et-prestations"), ANSWER),
    "HTML markup": Kind("en", text("<b>RSA</b><script>alert(1)</script>"), ANSWER),
    "Markdown markup": Kind("fr", text("*RSA* _c koi_ `code` [lien](http://evil.example)"), ANSWER),
    # Rasa's own syntax typed by a person never sets a slot (the phishing text never comes back).
    "Rasa syntax as a command": Kind("en", text('/ask_benefit{"benefit":"rsa"}'), UNKNOWN_COMMAND),
    "Rasa syntax behind a no-break space": Kind(
        "fr", text(f'\u00a0/ask_benefit{{"benefit": "{PHISHING}"}}'), ANSWER),
    "Rasa syntax with a space after the slash": Kind(
        "ar", text(f'/ ask_benefit{{"benefit": "{PHISHING}"}}'), ANSWER),
    # Commands.
    "command with the bot's username": Kind("ar", text("/help@allervers_test_bot"), HELP),
    "command for another bot": Kind("en", text("/help@some_other_bot"), UNKNOWN_COMMAND),
    "unknown command with arguments": Kind("ar", text("/delete_all_users now please"), UNKNOWN_COMMAND),
    "very long /start payload": Kind("en", text("/start " + "x" * 4000), PICKER),
    "/start payload with a path and quotes": Kind("ar", text("/start ../../etc/passwd'\";--"), PICKER),
    # Messages that are not text.
    "video note": Kind("fr", lambda emu, u, _g: emu.send_content(u, {"video_note": media(
        emu, "video_notes", length=240, duration=3)}), NOT_TEXT),
    "document": Kind("en", lambda emu, u, _g: emu.send_content(u, {"document": media(
        emu, "documents", file_name="avis.pdf", mime_type="application/pdf")}), NOT_TEXT),
    "video": Kind("ar", lambda emu, u, _g: emu.send_content(u, {"video": media(
        emu, "videos", width=640, height=360, duration=5)}), NOT_TEXT),
    "animation (GIF)": Kind("fr", lambda emu, u, _g: emu.send_content(u, {
        "animation": media(emu, "animations", width=320, height=240, duration=2),
        "document": media(emu, "documents", file_name="a.gif.mp4")}), NOT_TEXT),
    "audio file": Kind("en", lambda emu, u, _g: emu.send_content(u, {"audio": media(
        emu, "music", duration=60)}), NOT_TEXT),
    "photo with a question as caption": Kind("ar", lambda emu, u, _g: emu.send_photo(
        u, caption="شنو هو rsa"), ANSWER),
    "photo with a blank caption": Kind("en", lambda emu, u, _g: emu.send_photo(u, caption=" \n"), NOT_TEXT),
    "poll": Kind("fr", content({"poll": {
        "id": "5000000000000000001", "question": "RSA ?", "total_voter_count": 0,
        "options": [{"persistent_id": "o1", "text": "oui", "voter_count": 0},
                    {"persistent_id": "o2", "text": "non", "voter_count": 0}],
        "is_closed": False, "is_anonymous": True, "type": "regular", "allows_multiple_answers": False,
        "allows_revoting": False, "members_only": False}}),
        NOT_TEXT),
    # A shape python-telegram-bot cannot read (before Bot API 9.6): it once jammed polling for all.
    "a poll the library cannot read": Kind("ar", content({"poll": {
        "id": "5000000000000000002", "question": "RSA ?", "total_voter_count": 0,
        "options": [{"text": "oui", "voter_count": 0}], "is_closed": False, "is_anonymous": True,
        "type": "regular", "allows_multiple_answers": False}}), NOT_TEXT),
    "dice": Kind("en", content({"dice": {"emoji": "🎲", "value": 6}}), NOT_TEXT),
    "venue": Kind("ar", content({"venue": {
        "location": {"latitude": 48.85, "longitude": 2.35}, "title": "CAF", "address": "Paris"}}),
        NOT_TEXT),
    "someone else's contact": Kind("fr", lambda emu, u, _g: emu.send_contact(
        u, "+33600000000", user_id=424242, first_name="Voisin"), NOT_TEXT),
    # Messages that change or point back.
    "edited message": Kind("en", edited, ANSWER, before="what is the rsq"),
    "reply to an old message": Kind("fr", lambda emu, u, g: emu.send_text(
        u, "et pour l'APL ?", reply_to_message_id=g["message_id"]), ANSWER),
    "forwarded message": Kind("ar", content({"text": "شنو هي AME", "forward_origin": {
        "type": "hidden_user", "sender_user_name": "Amal", "date": 1_700_000_000}}), ANSWER),
    # Buttons that were never offered, or no longer mean anything.
    "stale callback-request button": Kind("en", press("cb:consent:yes"), BAD_BUTTON),
    "stale request button with a case id": Kind("ar", press("cb:cancel:987654"), BAD_BUTTON),
    "forged payload with an extra slot": Kind(
        "fr", press('/ask_benefit{"benefit":"rsa","urgent":"yes"}'), BAD_BUTTON),
    "forged 64 bytes of noise": Kind("en", press("\u00e9" * 32), BAD_BUTTON),
    "a worker's button pressed by a person": Kind("ar", press("w:claim:1"), NOT_A_WORKER, toast=True),
    # Where the bot must say nothing.
    "messages in a group that is not the workers' group": Kind("fr", in_a_stranger_group, SILENT),
}


async def open_in(application, emulator: BotApiEmulator, language: str) -> tuple[JSON, JSON]:  # type: ignore[no-untyped-def]
    """/start, then the language stored as the picker's button would (without the Rasa greeting:
    the button itself is tested in test_conversation.py); the person and the picker."""
    user = make_user("Alice", language_code="fr")
    picker = await send_and_wait(emulator, user, "/start")
    services = application.bot_data.gateway.services
    person = services.pseudonyms(user["id"])
    await services.repositories.contacts.touch(person, language=language, chosen=True)
    return user, picker


async def first_reply(emulator: BotApiEmulator, user: JSON, kind: Kind, mark: int, calls: int) -> str:
    if kind.toast:
        answer = await emulator.wait_for_call(
            "answerCallbackQuery", lambda c: bool(c.get("text")), after=calls, timeout=30)
        return str(answer["text"])
    return str((await emulator.wait_for_message(user["id"], after=mark, timeout=60))["text"])


@pytest.mark.parametrize("name", list(KINDS))
async def test_a_bad_input_gets_a_clear_reply_and_the_next_message_is_answered(gateway, emulator, name):
    kind = KINDS[name]
    _ = Translator(kind.language)
    user, greeting = await open_in(gateway, emulator, kind.language)
    if kind.before is not None:
        await send_and_wait(emulator, user, kind.before)
    mark, calls = emulator.mark(user["id"]), emulator.mark_calls()
    kind.send(emulator, user, greeting)
    if kind.expect is not SILENT:
        reply = await first_reply(emulator, user, kind, mark, calls)
        if kind.expect is ANSWER:
            assert_written_in(reply, kind.language)
            assert "0899" not in reply and "evil.example" not in reply
        else:
            assert reply == _.gettext(kind.expect)
    # The gateway is still there and still speaks the person's language.
    # (an answer may come in several messages: the probe's is the one that says /help)
    probe_mark = emulator.mark(user["id"])
    emulator.send_text(user, "/help")
    await emulator.wait_for_message(user["id"], lambda m: m["text"] == _.gettext(HELP), after=probe_mark,
                                    timeout=30)
    if kind.expect is SILENT:
        await asyncio.sleep(0.5)
        groups = [chat for chat in emulator.chats if chat < 0]
        assert not any(emulator.sent_messages(chat) for chat in groups), "the bot talked in a group"
        assert len(emulator.sent_messages(user["id"])) == mark + 1
    assert not [e for e in emulator.errors if e[0] != "getUpdates"], "every Bot API call was valid"
