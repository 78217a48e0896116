"""The console chat reads buttons and commands the same way as Telegram."""

from __future__ import annotations

import pytest

from bot.cases.events import NoCaseEvents
from bot.gateway.console import command, press, show
from bot.gateway.core import callback_flow as flow
from bot.gateway.core.conversation import Conversation
from bot.gateway.core.messages import FORGOTTEN, HELP
from bot.gateway.core.rasa_client import RasaClient
from bot.i18n import Translator
from bot.knowledge import load_knowledge_base
from bot.languages import SUPPORTED_LANGUAGES
from bot.privacy.tracker import TrackerEraser
from tests.unit.gateway.fakes import FakeRasa

PERSON = "c" * 64
IDS = frozenset(load_knowledge_base().ids)


@pytest.fixture
async def console(repositories, tracker_url):
    rasa = FakeRasa()
    client = RasaClient("http://rasa", transport=rasa.transport())
    tracker = TrackerEraser(tracker_url)
    yield Conversation(client, repositories, tracker, NoCaseEvents(), default_language="fr",
                       retention_days=30), rasa
    await client.aclose()
    tracker.dispose()


async def test_numbered_buttons_choose_a_language_then_go_to_rasa(console, capsys):
    conversation, rasa = console
    choices = show([conversation.language_picker("fr")])
    assert choices == [f"lang:{code}" for code in SUPPORTED_LANGUAGES]
    assert "[3] العربية" in capsys.readouterr().out
    await press(conversation, PERSON, choices[1], IDS)
    assert rasa.received[-1]["metadata"] == {"language": "en"}
    await press(conversation, PERSON, '/ask_benefit{"benefit":"rsa"}', IDS)
    assert rasa.messages()[-1] == '/ask_benefit{"benefit":"rsa"}'


async def test_a_callback_request_is_saved_with_nobody_to_tell(console, repositories):
    conversation, rasa = console
    rasa.replies["/request_callback"] = [{"text": "…", "custom": {"start_callback": True}}]
    replies = await conversation.say(PERSON, "/request_callback", screen=False)
    assert replies[-1].text == Translator("fr").gettext(flow.CONSENT_NOTICE, days=30)
    for data in ("cb:consent:yes", "cb:method:telegram", "cb:time:any", "cb:interp:no"):
        replies = await press(conversation, PERSON, data, IDS)
    assert "/mycallback" in replies[0].text
    assert await repositories.cases.open_case_of(PERSON) is not None


async def test_commands_as_on_telegram(console, repositories):
    conversation, _ = console
    assert [m.text for m in await command(conversation, PERSON, "/help")] == [
        Translator("fr").gettext(HELP)]
    assert await command(conversation, PERSON, "bonjour") is None
    await repositories.contacts.touch(PERSON, language="ar")
    [forgotten] = await command(conversation, PERSON, "/forget")
    assert forgotten.text.splitlines()[0] == Translator("ar").gettext(FORGOTTEN)
    assert await repositories.contacts.language(PERSON) is None
