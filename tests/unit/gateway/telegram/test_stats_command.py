"""/stats through the real Application, offline: a worker gets a chart and a text, or a CSV; anyone
else nothing. A "Do you already receive it?" button counts once: its keyboard goes at the first tap."""

from __future__ import annotations

import datetime as dt

from tests.unit.gateway.conftest import WORKER_1, WORKERS_CHAT
from tests.unit.gateway.fakes import button_update, group_chat, make_user, private_chat, text_update

GROUP = group_chat(WORKERS_CHAT)
WORKER = make_user(WORKER_1, first_name="W1")


async def test_a_worker_gets_the_chart_and_the_text(app, telegram):
    await app.process_update(text_update(app.bot, WORKER, "/stats 7", chat=GROUP))
    assert [name for name, _ in telegram.calls if name in ("sendPhoto", "sendMessage")] == [
        "sendPhoto", "sendMessage"]
    assert telegram.texts(WORKERS_CHAT)[0].startswith("📊 Statistiques: 7 derniers jours")


async def test_a_worker_gets_the_csv(app, telegram):
    await app.process_update(text_update(app.bot, WORKER, "/stats csv", chat=GROUP))
    [document] = telegram.to("sendDocument", WORKERS_CHAT)
    assert "30 derniers jours" in document["caption"]
    assert telegram.to("sendPhoto") == []


async def test_anyone_else_gets_no_stats(app, telegram):
    outsider = make_user(777, first_name="Mallory")
    await app.process_update(text_update(app.bot, outsider, "/stats", chat=GROUP))
    await app.process_update(text_update(app.bot, WORKER, "/stats", chat=private_chat(WORKER)))
    assert telegram.to("sendPhoto") == [] and telegram.to("sendDocument") == []
    assert not any("📊" in text for text in telegram.texts(WORKERS_CHAT) + telegram.texts(WORKER_1))


async def test_a_receives_answer_counts_once_and_its_buttons_go(app, telegram):
    person = make_user(43, "fr")
    await app.process_update(button_update(app.bot, person, "rcv:n:rsa.css", message_id=9))
    [edit] = telegram.to("editMessageReplyMarkup")
    assert int(edit["message_id"]) == 9 and not edit.get("reply_markup")
    tallies = app.bot_data.gateway.services.repositories.tallies
    assert await tallies.counts("not_rcv", dt.date(2000, 1, 1)) == {"rsa": 1}
    assert "C2S" in telegram.texts(43)[-1]  # the next likely right is asked
