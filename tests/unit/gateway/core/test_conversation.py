"""The conversation core with no channel at all: Rasa faked, case events recorded."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from bot.buttons import CallbackAnswer, ChooseLanguage, MyRequest
from bot.cases.events import PostedErasure
from bot.gateway.core import callback_flow as flow
from bot.gateway.core.conversation import MAX_TEXT, Conversation
from bot.gateway.core.messages import BAD_BUTTON, CANCELLED, EMPTY_TEXT, FORGOTTEN, NO_CALLBACK
from bot.gateway.core.rasa_client import RasaClient
from bot.i18n import Translator
from bot.nlg import render
from bot.privacy.tracker import TrackerEraser
from tests.unit.gateway.fakes import FakeRasa, HandlerTransport

PERSON = "p" * 64


class RecordingEvents:
    def __init__(self):
        self.created, self.withdrawn = [], []

    async def case_created(self, case):
        self.created.append(case.id)

    async def case_withdrawn(self, case):
        self.withdrawn.append((case.id, case.state))

    async def person_forgotten(self, pseudonym, withdrawn, language):
        self.withdrawn += [(case.id, case.state) for case in withdrawn]
        return PostedErasure()


@pytest.fixture
async def core(repositories, tracker_url):
    rasa, events = FakeRasa(), RecordingEvents()
    client = RasaClient("http://rasa", transport=rasa.transport())
    tracker = TrackerEraser(tracker_url)
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


# --- the danger screen: the numbers come from the gateway itself ------------------------------


def emergency_text(language, danger):
    return render("utter_emergency", language, {"danger": danger}).text


async def test_danger_gets_the_numbers_in_the_persons_language_even_when_rasa_is_down(core, repositories):
    conversation, rasa, _ = core
    await repositories.contacts.touch(PERSON, language="ar")
    rasa.down = True
    replies = await conversation.say(PERSON, "il va me tuer")
    assert replies[0].text == emergency_text("ar", "violence")
    assert "☎ 17:" in replies[0].text and "☎ 3919:" in replies[0].text


async def test_rasa_is_told_of_the_danger_and_what_it_adds_is_kept_once(core):
    conversation, rasa, _ = core
    payload = '/emergency{"danger":"suicide"}'
    rasa.replies[payload] = [{"text": emergency_text("fr", "suicide")}, {"text": "How old are you?"}]
    replies = await conversation.say(PERSON, "je veux mourir")
    assert rasa.messages() == [payload]
    assert [m.text for m in replies] == [emergency_text("fr", "suicide"), "How old are you?"]


async def test_danger_while_typing_a_phone_number_gets_the_numbers_then_the_question(core, repositories):
    conversation, rasa, _ = core
    await start_request(conversation, rasa)
    for answer in (CallbackAnswer("consent", "yes"), CallbackAnswer("method", "phone")):
        await conversation.press_callback(PERSON, answer)
    rasa.received.clear()
    replies = await conversation.say(PERSON, "il veut me tuer")
    assert replies[0].text == emergency_text("fr", "violence")
    assert replies[-1].text == Translator("fr").gettext(flow.ASK_PHONE) and replies[-1].request_contact
    assert rasa.messages() == ['/emergency{"danger":"violence"}'], "never the person's words"
    await conversation.say(PERSON, "06 12 34 56 78")
    for answer in (CallbackAnswer("time", "any"), CallbackAnswer("interp", "no")):
        await conversation.press_callback(PERSON, answer)
    assert (await repositories.cases.open_case_of(PERSON)).urgent


# --- Rasa's own syntax typed by a person never sets a slot ------------------------------------


@pytest.mark.parametrize("typed", [
    '/ask_benefit{"benefit":"ATTACKER TEXT"}',
    '/ intent{"benefit": "ATTACKER TEXT"}',
    '\u00a0/ask_benefit{"benefit":"ATTACKER TEXT"}',
    '\u200b/ask_benefit{"benefit":"ATTACKER TEXT"}',
    '\ufeff\u2060 \u200d//ask_benefit{"benefit":"ATTACKER TEXT"}',
    '\u3000／ask_benefit{"benefit":"ATTACKER TEXT"}',
])
async def test_a_typed_intent_reaches_rasa_as_plain_text(core, typed):
    conversation, rasa, _ = core
    await conversation.say(PERSON, typed)
    (sent,) = rasa.messages()
    assert "ask_benefit" in sent or "intent" in sent
    assert not sent.lstrip(" \u00a0\u200b\u200d\u2060\ufeff\u3000").startswith(("/", "／"))


async def test_a_button_payload_the_bot_made_still_reaches_rasa_as_is(core):
    conversation, rasa, _ = core
    await conversation.say(PERSON, '/ask_benefit{"benefit":"rsa"}', screen=False)
    assert rasa.messages() == ['/ask_benefit{"benefit":"rsa"}']


async def test_only_knowledge_base_ids_become_the_topics_of_a_case(core, repositories):
    conversation, rasa, _ = core
    rasa.events[PERSON] = [{"event": "slot", "name": "benefit", "value": "ATTACKER TEXT"},
                           {"event": "slot", "name": "benefit", "value": "rsa"},
                           {"event": "slot", "name": "benefit", "value": "rsa,x"}]
    await start_request(conversation, rasa)
    for answer in (CallbackAnswer("consent", "yes"), CallbackAnswer("method", "telegram"),
                   CallbackAnswer("time", "any"), CallbackAnswer("interp", "no")):
        await conversation.press_callback(PERSON, answer)
    assert (await repositories.cases.open_case_of(PERSON)).topics == "rsa"


async def test_forget_waits_for_a_turn_in_flight_which_writes_nothing_back(repositories, tracker_url):
    """A turn still waiting for Rasa when /forget arrives finishes first; without the person's
    lock its end (here: the language Rasa switched to) would re-create what /forget erased."""
    rasa, asked, gate = FakeRasa(), asyncio.Event(), asyncio.Event()
    rasa.replies["in english please"] = [{"text": "OK", "custom": {"set_language": "en"}}]

    def held_until_the_gate_opens(request: httpx.Request):
        reply = rasa.handler(request)
        if b"in english please" not in request.content:
            return reply

        async def later():
            asked.set()
            await gate.wait()
            return reply
        return later()

    client = RasaClient("http://rasa", transport=HandlerTransport(held_until_the_gate_opens))
    tracker = TrackerEraser(tracker_url)
    conversation = Conversation(client, repositories, tracker, RecordingEvents(), default_language="fr",
                                retention_days=90)
    turn = asyncio.create_task(conversation.say(PERSON, "in english please"))
    await asked.wait()
    forget = asyncio.create_task(conversation.forget(PERSON))
    await asyncio.wait({forget}, timeout=0.5)  # long enough for an unserialised /forget to finish
    assert not forget.done(), "/forget waits for the turn in flight"
    gate.set()
    await turn
    [answer] = await forget
    assert answer.text.splitlines()[0] == Translator("en").gettext(FORGOTTEN)
    assert await repositories.contacts.language(PERSON) is None, "nothing written back"
    assert rasa.settled == [PERSON], "Rasa's own turns were waited for too"
    await client.aclose()
    tracker.dispose()


# --- Rasa's tracker never gets a phone number, an e-mail address or an IBAN ------------------------


async def test_a_number_typed_in_a_question_reaches_rasa_redacted(core):
    conversation, rasa, _ = core
    await conversation.say(PERSON, "je touche 800 euros, appelez-moi au 06 12 34 56 78 ou toto@mail.fr")
    assert rasa.messages() == ["je touche 800 euros, appelez-moi au [phone] ou [email]"]


async def test_the_phone_step_still_gets_the_number_and_rasa_never_sees_it(core, repositories):
    conversation, rasa, _ = core
    await start_request(conversation, rasa)
    for answer in (CallbackAnswer("consent", "yes"), CallbackAnswer("method", "phone")):
        await conversation.press_callback(PERSON, answer)
    await conversation.say(PERSON, "06 12 34 56 78")
    for answer in (CallbackAnswer("time", "any"), CallbackAnswer("interp", "no")):
        await conversation.press_callback(PERSON, answer)
    case = await repositories.cases.open_case_of(PERSON)
    assert repositories.cases.phone_of(case) == "+33612345678"
    assert not any("12 34" in message for message in rasa.messages())
