"""Check-ins through the conversation core: offered once, Yes/No, the four answers, the limits.

Rasa is faked: a reply marked by the NLG (`custom.follow_up`) stands for an answer about a right."""

from __future__ import annotations

import datetime as dt

import pytest

import bot.clock
from bot.buttons import FollowUpAnswer
from bot.gateway.core import callback_flow as flow
from bot.gateway.core import follow_ups as fu
from bot.gateway.core.conversation import Conversation
from bot.gateway.core.messages import BAD_BUTTON
from bot.gateway.core.rasa_client import RasaClient
from bot.i18n import Translator
from bot.privacy.tracker import TrackerEraser
from tests.unit.gateway.core.test_conversation import RecordingEvents
from tests.unit.gateway.fakes import FakeRasa

PERSON = "f" * 64
CHAT = 4242
EN = Translator("en")
PARIS = fu.PARIS


def travel_to(moment: dt.datetime) -> None:
    bot.clock.reset()
    bot.clock.advance(moment - bot.clock.now())


@pytest.fixture(autouse=True)
def real_time_after():
    yield
    bot.clock.reset()


@pytest.fixture
async def core(repositories, tracker_url):
    rasa = FakeRasa()
    rasa.replies["rsa?"] = [{"text": "RSA is…", "buttons": []}, {"custom": {"follow_up": "right"}}]
    rasa.replies["hello"] = [{"text": "Hello"}]
    client = RasaClient("http://rasa", transport=rasa.transport())
    tracker = TrackerEraser(tracker_url)
    conversation = Conversation(client, repositories, tracker, RecordingEvents(), default_language="en",
                                retention_days=90, follow_up_days=14)
    yield conversation
    await client.aclose()
    tracker.dispose()


async def offer(conversation) -> FollowUpAnswer:
    replies = await conversation.say(PERSON, "rsa?")
    assert replies[-1].text.startswith("Shall I check in with you on "), replies
    assert [b.title for b in replies[-1].buttons] == ["Yes", "No"]
    yes = bot.buttons.parse_button(replies[-1].buttons[0].data, frozenset())
    assert isinstance(yes, FollowUpAnswer) and yes.action == "yes"
    return yes


async def accept(conversation) -> None:
    yes = await offer(conversation)
    replies = await conversation.press_follow_up(PERSON, yes, CHAT)
    assert replies[0].text.startswith("OK. I will write to you on ")


async def send_due(conversation) -> list[int]:
    """What the channel's job does: the due check-ins claimed (their ids)."""
    store = conversation.follow_ups.store
    return [due.id for due in await store.due(bot.clock.now()) if await store.claim(due.id)]


async def test_offered_once_per_conversation_and_not_after_other_replies(core):
    assert [m.text for m in await core.say(PERSON, "hello")] == ["Hello"]
    await offer(core)
    again = await core.say(PERSON, "rsa?")
    assert [m.text for m in again] == ["RSA is…"], "one offer per conversation"
    bot.clock.advance(dt.timedelta(days=1))  # a new conversation: offered again (none pending)
    await offer(core)


async def test_a_channel_that_cannot_write_first_offers_nothing(repositories, tracker_url):
    rasa = FakeRasa()
    rasa.replies["rsa?"] = [{"text": "RSA is…"}, {"custom": {"follow_up": "right"}}]
    client = RasaClient("http://rasa", transport=rasa.transport())
    console = Conversation(client, repositories, TrackerEraser(tracker_url), RecordingEvents(),
                           default_language="en", retention_days=90)
    assert [m.text for m in await console.say(PERSON, "rsa?")] == ["RSA is…"]
    await client.aclose()


async def test_yes_schedules_one_due_in_14_days_outside_quiet_hours(core, repositories):
    travel_to(dt.datetime(2026, 3, 2, 22, 30, tzinfo=PARIS))  # a Monday evening, late
    await accept(core)
    [row] = await repositories.follow_ups.of(PERSON)
    assert row.state == "pending" and row.chat_id_sealed is not None
    # 14 days later is 22:30, in the quiet hours: it waits until 09:00 the next morning.
    assert row.due_at.astimezone(PARIS) == dt.datetime(2026, 3, 17, 9, 0, tzinfo=PARIS)
    assert await send_due(core) == []
    travel_to(dt.datetime(2026, 3, 17, 8, 59, tzinfo=PARIS))
    assert await send_due(core) == []
    travel_to(dt.datetime(2026, 3, 17, 9, 0, tzinfo=PARIS))
    assert await send_due(core) == [row.id]
    assert await send_due(core) == [], "never more than one message per follow-up"


async def test_no_keeps_nothing_to_send(core, repositories):
    no = FollowUpAnswer("no", (await offer(core)).follow_up_id)
    replies = await core.press_follow_up(PERSON, no, CHAT)
    assert replies[0].text == EN.gettext(fu.NO_MORE)
    bot.clock.advance(dt.timedelta(days=30))
    assert await send_due(core) == []
    assert await core.press_follow_up(PERSON, FollowUpAnswer("yes", no.follow_up_id), CHAT) == [
        type(replies[0])(EN.gettext(BAD_BUTTON))], "a stale offer cannot be taken later"


async def answer(core, action: str) -> list:
    bot.clock.advance(dt.timedelta(days=15))
    [sent] = await send_due(core)
    return await core.press_follow_up(PERSON, FollowUpAnswer(action, sent), CHAT)  # type: ignore[arg-type]


async def test_applied_and_stuck_are_counted_stuck_opens_the_callback_request(core, repositories):
    await accept(core)
    assert [m.text for m in await answer(core, "applied")] == [EN.gettext(fu.APPLIED)]
    bot.clock.advance(dt.timedelta(days=1))
    await accept(core)
    stuck = await answer(core, "stuck")
    assert stuck[0].text == EN.gettext(fu.STUCK)
    assert stuck[1].text == EN.gettext(flow.CONSENT_NOTICE, days=90), "the callback flow's first question"
    counts = await repositories.follow_ups.answers_since(bot.clock.now() - dt.timedelta(days=60))
    assert counts == {"applied": 1, "stuck": 1}


async def test_not_yet_schedules_the_next_one_at_most_three(core):
    await accept(core)
    texts = [(await answer(core, "later"))[0].text for _ in range(3)]
    assert texts[0].startswith("OK. I will write to you on ") and texts[1].startswith("OK. I will write")
    assert texts[2] == EN.gettext(fu.NO_MORE), "three check-ins were sent: no fourth"
    bot.clock.advance(dt.timedelta(days=30))
    assert await send_due(core) == []
    assert [m.text for m in await core.say(PERSON, "rsa?")] == ["RSA is…"], "no more offers either"


async def test_stop_ends_them_all(core):
    await accept(core)
    assert [m.text for m in await answer(core, "stop")] == [EN.gettext(fu.NO_MORE)]
    bot.clock.advance(dt.timedelta(days=2))
    assert [m.text for m in await core.say(PERSON, "rsa?")] == ["RSA is…"]


async def test_answered_once_only(core):
    await accept(core)
    bot.clock.advance(dt.timedelta(days=15))
    [sent] = await send_due(core)
    await core.press_follow_up(PERSON, FollowUpAnswer("applied", sent), CHAT)
    twice = await core.press_follow_up(PERSON, FollowUpAnswer("later", sent), CHAT)
    assert [m.text for m in twice] == [EN.gettext(BAD_BUTTON)]
    other = await core.press_follow_up("o" * 64, FollowUpAnswer("stop", sent), CHAT)
    assert [m.text for m in other] == [EN.gettext(BAD_BUTTON)], "someone else's follow-up"


async def test_forget_erases_the_follow_ups(core, repositories):
    await accept(core)
    await core.forget(PERSON)
    assert await repositories.follow_ups.of(PERSON) == []
    bot.clock.advance(dt.timedelta(days=15))
    assert await send_due(core) == []


@pytest.mark.parametrize(("hour", "minute", "is_quiet"), [
    (8, 59, True), (9, 0, False), (20, 59, False), (21, 0, True), (0, 30, True)])
def test_quiet_hours_in_paris(hour, minute, is_quiet):
    for day in (dt.date(2026, 1, 15), dt.date(2026, 7, 15)):  # winter and summer time
        moment = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=PARIS)
        assert fu.quiet(moment.astimezone(dt.timezone.utc)) is is_quiet


def test_a_time_in_the_quiet_hours_moves_to_nine():
    night = dt.datetime(2026, 7, 15, 3, 0, tzinfo=PARIS)
    assert fu.outside_quiet_hours(night) == dt.datetime(2026, 7, 15, 9, 0, tzinfo=PARIS)
    evening = dt.datetime(2026, 7, 15, 21, 30, tzinfo=PARIS)
    assert fu.outside_quiet_hours(evening) == dt.datetime(2026, 7, 16, 9, 0, tzinfo=PARIS)
    noon = dt.datetime(2026, 7, 15, 12, 0, tzinfo=PARIS)
    assert fu.outside_quiet_hours(noon) == noon
