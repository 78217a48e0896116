"""The conversation core with no channel at all: Rasa faked, case events recorded."""

from __future__ import annotations

import pytest

from bot.buttons import CallbackAnswer, ChooseLanguage, MyRequest
from bot.gateway.core import callback_flow as flow
from bot.gateway.core.conversation import MAX_TEXT, Conversation
from bot.gateway.core.messages import BAD_BUTTON, CANCELLED, EMPTY_TEXT, NO_CALLBACK
from bot.gateway.core.rasa_client import RasaClient
from bot.i18n import Translator
from bot.privacy.tracker import TrackerEraser
from tests.unit.gateway.fakes import FakeRasa

PERSON = "p" * 64


class RecordingEvents:
    def __init__(self):
        self.created, self.withdrawn = [], []

    async def case_created(self, case):
        self.created.append(case.id)

    async def case_withdrawn(self, case):
        self.withdrawn.append((case.id, case.state))


@pytest.fixture
async def core(repositories, tmp_path):
    rasa, events = FakeRasa(), RecordingEvents()
    client = RasaClient("http://rasa", transport=rasa.transport())
    tracker = TrackerEraser(f"sqlite:///{tmp_path / 'tracker.db'}")
    conversation = Conversation(client, repositories, tracker, events, default_language="fr",
                                retention_days=90)
    yield conversation, rasa, events
    await client.aclose()
    tracker.dispose()


async def test_language_changed_in_free_text_is_kept_for_later_turns(core):
    conversation, rasa, _ = core
    rasa.replies["in english please"] = [{"text": "OK", "custom": {"set_language": "en"}}]
    await conversation.say(PERSON, "in english please")
    await conversation.say(PERSON, "hello")
    assert rasa.received[-1]["metadata"] == {"language": "en"}


async def test_empty_and_overlong_text(core):
    conversation, rasa, _ = core
    assert [m.text for m in await conversation.say(PERSON, "   ")] == [Translator("fr").gettext(EMPTY_TEXT)]
    await conversation.say(PERSON, "a" * 5000)
    assert len(rasa.received[-1]["message"]) == MAX_TEXT


async def test_language_picker_refuses_an_unsupported_language(core):
    conversation, rasa, _ = core
    replies = await conversation.choose_language(PERSON, ChooseLanguage("xx"))
    assert [m.text for m in replies] == [Translator("fr").gettext(BAD_BUTTON)] and rasa.received == []


async def start_request(conversation, rasa):
    rasa.replies["/request_callback"] = [{"text": "…", "custom": {"start_callback": True}}]
    replies = await conversation.say(PERSON, "/request_callback", screen=False)
    assert replies[-1].text == Translator("fr").gettext(flow.CONSENT_NOTICE, days=90)


async def test_no_consent_keeps_nothing(core, repositories):
    conversation, rasa, events = core
    await start_request(conversation, rasa)
    replies = await conversation.press_callback(PERSON, CallbackAnswer("consent", "no"))
    assert [m.text for m in replies] == [Translator("fr").gettext(flow.NO_CONSENT)]
    assert await repositories.cases.open_case_of(PERSON) is None and events.created == []
    stale = await conversation.press_callback(PERSON, CallbackAnswer("method", "telegram"))
    assert [m.text for m in stale] == [Translator("fr").gettext(BAD_BUTTON)]


async def test_urgent_request_with_topics_from_the_tracker_then_cancel(core, repositories):
    conversation, rasa, events = core
    rasa.events[PERSON] = [{"event": "slot", "name": "benefit", "value": "rsa"},
                           {"event": "slot", "name": "benefit", "value": "aah"},
                           {"event": "slot", "name": "benefit", "value": "rsa"}]
    await conversation.say(PERSON, "mon mari me frappe")
    await start_request(conversation, rasa)
    for answer in (CallbackAnswer("consent", "yes"), CallbackAnswer("method", "telegram"),
                   CallbackAnswer("time", "any"), CallbackAnswer("interp", "no")):
        replies = await conversation.press_callback(PERSON, answer)
    case = await repositories.cases.open_case_of(PERSON)
    assert case.urgent and case.topics == "rsa,aah" and events.created == [case.id]
    assert replies[0].text == Translator("fr").gettext(flow.CONFIRMED_TELEGRAM, number=f"#{case.id}")
    status = await conversation.my_callback(PERSON)
    cancel = status[0].buttons[1].data
    assert cancel == MyRequest("cancel", case.id).encode()
    replies = await conversation.press_callback(PERSON, MyRequest("cancel", case.id))
    assert replies[0].text == Translator("fr").gettext(CANCELLED, number=f"#{case.id}")
    assert events.withdrawn == [(case.id, "cancelled")]
    assert (await conversation.my_callback(PERSON))[0].text == Translator("fr").gettext(NO_CALLBACK)


async def test_change_withdraws_and_starts_again(core, repositories):
    conversation, rasa, events = core
    await start_request(conversation, rasa)
    for answer in (CallbackAnswer("consent", "yes"), CallbackAnswer("method", "telegram"),
                   CallbackAnswer("time", "any"), CallbackAnswer("interp", "no")):
        await conversation.press_callback(PERSON, answer)
    case = await repositories.cases.open_case_of(PERSON)
    wrong = await conversation.press_callback(PERSON, MyRequest("change", case.id + 1))
    assert [m.text for m in wrong] == [Translator("fr").gettext(BAD_BUTTON)]
    again = await conversation.press_callback(PERSON, MyRequest("change", case.id))
    assert again[0].text == Translator("fr").gettext(flow.CONSENT_NOTICE, days=90)
    assert events.withdrawn == [(case.id, "cancelled")]
