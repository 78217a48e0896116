"""Text longer than one Telegram message goes as several, cut where a reader expects it."""

from __future__ import annotations

import pytest

from bot.gateway.desk import texts
from bot.gateway.desk.long_text import CAPTION_LIMIT, TEXT_LIMIT, split_text, telegram_length
from bot.i18n import Translator
from tests.unit.gateway.conftest import WORKERS_CHAT
from tests.unit.gateway.fakes import button_update, make_user, text_update
from tests.unit.gateway.telegram.test_guard import in_handoff
from tests.unit.gateway.telegram.test_workers import PERSON, W1


def words(text: str) -> list[str]:
    return text.split()


def test_short_text_is_one_part_as_is():
    assert split_text("Bonjour\n\nça va ?") == ["Bonjour\n\nça va ?"]


def test_cut_at_the_last_paragraph_break_that_fits():
    first, second = "a" * 3000, "b " * 1000
    assert split_text(f"{first}\n\n{second}") == [first, second.strip()]


def test_cut_at_a_line_then_a_word_when_there_is_no_paragraph():
    lines = "\n".join(f"ligne {n:04d} " + "x" * 40 for n in range(200))
    parts = split_text(lines)
    assert len(parts) == 3 and all(telegram_length(p) <= TEXT_LIMIT for p in parts)
    assert all(p.startswith("ligne ") for p in parts), "each part starts on a line"
    prose = "mot " * 3000
    parts = split_text(prose)
    assert all(p.endswith("mot") for p in parts) and words(" ".join(parts)) == words(prose)


def test_a_word_longer_than_a_message_is_cut_hard():
    assert split_text("x" * 9000) == ["x" * 4096, "x" * 4096, "x" * 808]


def test_emoji_count_twice_as_telegram_counts_them():
    text = "😀" * 3000  # 6,000 UTF-16 units
    parts = split_text(text)
    assert [telegram_length(p) for p in parts] == [4096, 6000 - 4096] and "".join(parts) == text


@pytest.mark.parametrize("limit", [TEXT_LIMIT, CAPTION_LIMIT])
def test_nothing_is_lost_but_whitespace_at_the_cuts(limit):
    text = "\n\n".join(f"Paragraphe {n}. " + "Une phrase simple et claire. " * (n % 50) for n in range(300))
    parts = split_text(text, limit)
    assert all(0 < telegram_length(p) <= limit for p in parts)
    assert words(" ".join(parts)) == words(text)


async def test_a_long_worker_message_reaches_the_person_in_several_messages(app, telegram, rasa):
    _, in_topic = await in_handoff(app, telegram, rasa)
    long_text = "\n\n".join(f"Étape {n} : " + "apportez les papiers demandés. " * 20 for n in range(12))
    await app.process_update(text_update(app.bot, W1, long_text, **in_topic))
    received = telegram.texts(PERSON["id"])
    assert len(received) == 2 and all(telegram_length(t) <= TEXT_LIMIT for t in received)
    assert received[0].startswith(Translator("ar").gettext(texts.WORKER_LABEL))
    assert words(" ".join(received)) == words(Translator("ar").gettext(texts.WORKER_LABEL) + " " + long_text)


async def test_a_long_summary_is_sent_whole_in_several_messages(app, telegram, rasa):
    _, in_topic = await in_handoff(app, telegram, rasa)
    for n in range(3):
        await app.process_update(text_update(app.bot, W1, f"/note note{n} " + "détail " * 500, **in_topic))
    telegram.clear()
    await app.process_update(text_update(app.bot, W1, "/summary", **in_topic))
    parts = telegram.texts(WORKERS_CHAT)
    assert len(parts) >= 2 and all(telegram_length(t) <= TEXT_LIMIT for t in parts)
    assert all(f"note{n}" in "".join(parts) for n in range(3))
    assert all(p["message_thread_id"] == in_topic["message_thread_id"]
               for p in telegram.to("sendMessage", WORKERS_CHAT))


async def test_a_long_answer_keeps_its_buttons_under_the_last_part(app, telegram, rasa):
    person = make_user(43, "fr")
    button = {"title": "RSA", "payload": '/ask_benefit{"benefit": "rsa"}'}
    rasa.replies["/ask_benefit"] = [{"text": "Réponse. " * 600, "buttons": [button]}]
    await app.process_update(button_update(app.bot, person, "/ask_benefit"))
    first, last = telegram.to("sendMessage", person["id"])
    assert "reply_markup" not in first and last["reply_markup"]["inline_keyboard"][0][0]["text"] == "RSA"
