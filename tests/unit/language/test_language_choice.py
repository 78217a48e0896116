"""The first message decides the language; a picked language stays; a language the bot does not
speak reaches a person with an interpreter (conversation core, Rasa faked)."""

from __future__ import annotations

from bot.buttons import ChooseLanguage, Interpreter, parse_button
from bot.gateway.core import interpreter
from bot.gateway.core.messages import LANGUAGE_SWITCHED
from bot.gateway.desk.cards import card_text
from bot.i18n import Translator
from tests.unit.gateway.core.test_conversation import PERSON, RecordingEvents, core  # noqa: F401

UKRAINIAN = "скільки платять RSA якщо я живу сама з дитиною"
SPANISH = "hola, vivo sola con mi hijo y no tengo trabajo, que ayudas hay"
TIGRINYA = "ሰላም ሓገዝ የድልየኒ ብዛዕባ መሰለይ"


async def test_a_first_message_in_ukrainian_is_answered_in_ukrainian_without_a_picker(core):  # noqa: F811
    conversation, rasa, _ = core
    replies = await conversation.say(PERSON, UKRAINIAN, telegram_language="fr")
    assert rasa.received[-1]["metadata"] == {"language": "uk"}
    assert [r.text for r in replies] == [f"[uk] {UKRAINIAN}"]
    await conversation.say(PERSON, "ok")  # says nothing about the language: it stays
    assert rasa.received[-1]["metadata"] == {"language": "uk"}


async def test_a_followed_language_switches_on_a_clear_sentence_and_says_so(core):  # noqa: F811
    conversation, rasa, _ = core
    await conversation.say(PERSON, "hello, I need help with my rent", telegram_language="en")
    replies = await conversation.say(PERSON, SPANISH)
    assert rasa.received[-1]["metadata"] == {"language": "es"}
    assert replies[0].text == Translator("es").gettext(LANGUAGE_SWITCHED)
    assert "español" in replies[0].text


async def test_a_picked_language_is_kept_whatever_the_person_types(core):  # noqa: F811
    conversation, rasa, _ = core
    await conversation.choose_language(PERSON, ChooseLanguage("ar"))
    replies = await conversation.say(PERSON, "je vis seule avec mon fils, combien je peux toucher")
    assert rasa.received[-1]["metadata"] == {"language": "ar"}
    assert not any(r.text == Translator("fr").gettext(LANGUAGE_SWITCHED) for r in replies)


async def test_a_language_the_bot_does_not_speak_gets_a_person_with_an_interpreter(core, repositories):  # noqa: F811
    conversation, rasa, events = core
    [offer] = await conversation.say(PERSON, TIGRINYA, telegram_language="ti")
    assert rasa.received == []  # no Rasa turn in a language it cannot read: no "I did not understand"
    assert Translator("fr").gettext(interpreter.OFFER) in offer.text
    assert Translator("en").gettext(interpreter.OFFER) in offer.text
    yes = parse_button(offer.buttons[0].data, frozenset())
    assert yes == Interpreter("ti")
    [confirmed] = await conversation.ask_interpreter(PERSON, yes)
    case = await repositories.cases.open_case_of(PERSON)
    assert events.created == [case.id]
    assert case.interpreter and case.interpreter_language == "ti" and case.contact_method == "telegram"
    assert f"{case.id}" in confirmed.text
    assert "tigrigna" in card_text(case, Translator("fr"))
    assert "Tigrinya" in card_text(case, Translator("en"))
    # Pressed twice: still one request.
    [again] = await conversation.ask_interpreter(PERSON, yes)
    assert str(case.id) in again.text and events.created == [case.id]


async def test_the_offer_lets_the_person_carry_on_in_french_or_english(core):  # noqa: F811
    conversation, rasa, _ = core
    [offer] = await conversation.say(PERSON, "Merhaba, işim yok ve kira ödeyemiyorum, yardım alabilir miyim?")
    choices = [parse_button(b.data, frozenset()) for b in offer.buttons[1:]]
    assert choices == [ChooseLanguage("fr"), ChooseLanguage("en")]
    await conversation.choose_language(PERSON, ChooseLanguage("en"))
    await conversation.say(PERSON, "Merhaba, işim yok ve kira ödeyemiyorum, yardım alabilir miyim?")
    assert rasa.received[-1]["metadata"] == {"language": "en"}  # picked: no offer loop
