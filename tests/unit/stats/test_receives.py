"""What the gateway counts from Rasa's replies, and "Do you already receive it?" after an estimate."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.buttons import ReceivesAnswer, parse_button
from bot.gateway.core.conversation import Conversation
from bot.gateway.core.rasa_client import RasaClient
from bot.knowledge import load_knowledge_base
from bot.privacy.tracker import TrackerEraser
from tests.unit.gateway.core.test_conversation import RecordingEvents
from tests.unit.gateway.fakes import FakeRasa

PERSON = "q" * 64
IDS = frozenset(load_knowledge_base().ids)
ESTIMATE = [{"text": "Vous avez probablement droit à : RSA, C2S"},
            {"custom": {"tally": "estimate", "likely": ["rsa", "css"]}}]


@pytest.fixture
async def core(repositories, tracker_url):
    rasa = FakeRasa()
    client = RasaClient("http://rasa", transport=rasa.transport())
    tracker = TrackerEraser(tracker_url)
    yield Conversation(client, repositories, tracker, RecordingEvents(), default_language="fr",
                       retention_days=90), rasa
    await client.aclose()
    tracker.dispose()


async def counts(repositories, kind):
    return dict(await repositories.tallies.counts(kind, dt.date(2000, 1, 1)))


async def test_an_estimate_is_counted_and_asks_about_the_first_likely_right(core, repositories):
    conversation, rasa = core
    rasa.replies["/estimate_done"] = ESTIMATE
    replies = await conversation.say(PERSON, "/estimate_done", screen=False)
    assert await counts(repositories, "estimate") == {"": 1}
    assert await counts(repositories, "likely") == {"rsa": 1, "css": 1}
    question = replies[-1]
    assert question.text.startswith("Revenu minimum (RSA)") and question.text.endswith("?")
    assert [parse_button(b.data, IDS) for b in question.buttons] == [
        ReceivesAnswer("y", ("rsa", "css")), ReceivesAnswer("n", ("rsa", "css")),
        ReceivesAnswer("u", ("rsa", "css"))]


async def test_each_likely_right_is_asked_once_then_thanks(core, repositories):
    conversation, _ = core
    [next_question] = await conversation.answer_receives(PERSON, ReceivesAnswer("n", ("rsa", "css")))
    assert "C2S" in next_question.text
    assert parse_button(next_question.buttons[1].data, IDS) == ReceivesAnswer("n", ("css",))
    [thanks] = await conversation.answer_receives(PERSON, ReceivesAnswer("y", ("css",)))
    assert thanks.buttons == []
    assert await counts(repositories, "not_rcv") == {"rsa": 1}
    assert await counts(repositories, "receives") == {"css": 1}


async def test_no_question_when_the_estimate_finds_no_likely_right(core, repositories):
    conversation, rasa = core
    rasa.replies["/estimate_done"] = [{"text": "Aucun droit"},
                                      {"custom": {"tally": "estimate", "likely": []}}]
    replies = await conversation.say(PERSON, "/estimate_done", screen=False)
    assert [r.text for r in replies] == ["Aucun droit"]
    assert await counts(repositories, "estimate") == {"": 1}


async def test_an_answer_about_a_right_is_counted_without_the_person(core, repositories):
    conversation, rasa = core
    rasa.replies["rsa ?"] = [{"text": "Le RSA..."}, {"custom": {"tally": "asked", "right": "rsa"}}]
    rasa.replies["bitcoin ?"] = [{"text": "..."}, {"custom": {"tally": "asked", "right": "bitcoin"}}]
    await conversation.say(PERSON, "rsa ?")
    await conversation.say(PERSON, "bitcoin ?")
    assert await counts(repositories, "asked") == {"rsa": 1}


async def test_the_console_chat_reads_the_answer_too(core, repositories):
    from bot.gateway.console import press

    conversation, rasa = core
    [thanks] = await press(conversation, PERSON, "rcv:u:ame", IDS)
    assert rasa.received == []  # never sent to Rasa as a message
    assert await counts(repositories, "rcv_unsure") == {"ame": 1}
    assert thanks.buttons == []
