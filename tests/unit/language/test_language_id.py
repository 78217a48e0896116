"""Which language a message is in: the ten, another one, or too little to say (bot/language_id.py).

Accuracy is measured on the held-out sets by tests/integration/test_language_id.py; these are the
cases a person would notice at once."""

from __future__ import annotations

import pytest

from bot.language_id import Identified, identify


@pytest.mark.parametrize(("text", "expected"), [
    ("ሰላም ሓገዝ የድልየኒ ብዛዕባ መሰለይ", "ti"),  # Tigrinya: a script none of the ten uses
    ("დახმარება მჭირდება ბინის ქირაში", "ka"),
    ("আমার সাহায্য দরকার, আমার কোনো কাজ নেই", "bn"),
    ("Merhaba, işim yok ve kira ödeyemiyorum, yardım alabilir miyim?", "tr"),  # a shared script
    ("Përshëndetje, nuk kam punë dhe nuk mund të paguaj qiranë", "sq"),
])
def test_a_language_the_bot_does_not_speak_is_named(text, expected):
    assert identify(text) == Identified(None, expected, sure=True)
    # A phone set to French does not hide it.
    assert identify(text, "fr").other == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("скільки платять RSA якщо я живу сама з дитиною", "uk"),
    ("сколько платят RSA если я живу одна с ребенком", "ru"),
    ("quanto recebo de RSA se moro sozinha com o meu filho", "pt"),
    ("cuanto me dan de RSA si vivo sola con mi hijo", "es"),
    ("cat primesc de la CAF daca stau singura cu copilul", "ro"),
    ("زه له خپل ماشوم سره یوازې اوسېږم، څومره پیسې راکوي", "ps"),
    ("من با طفلم تنها زندگی می کنم، چقدر پول می دهند", "fa"),
    ("انا عايشة وحدي مع ولدي، شحال كيعطيو ديال RSA", "ar"),
    ("je vis seule avec mon fils combien je touche", "fr"),
    ("i live alone with my son how much do i get", "en"),
])
def test_each_of_the_ten_languages_is_recognised_from_the_text_alone(text, expected):
    found = identify(text)
    assert (found.language, found.other) == (expected, None)


@pytest.mark.parametrize(("text", "code", "expected"), [
    ("skolko platyat za kvartiru esli net raboty", "ru", "ru"),  # transliterated Russian
    ("salam man kar nadaram paisa nadaram", "fa", "fa"),  # Dari in Latin letters
    ("ma3andi walou w bghit nkhalas lkra", "ar", "ar"),  # Arabizi
])
def test_transliteration_follows_the_phone_language(text, code, expected):
    assert identify(text, code).language == expected


def test_a_word_that_says_nothing_takes_the_phone_language_or_nothing():
    assert identify("ok", "uk") == Identified("uk", sure=False)
    assert identify("rsa", "pt-BR").language == "pt"
    assert identify("ok").language is None and identify("ok").other is None
    assert identify("👍").language is None


def test_cyrillic_is_russian_or_ukrainian_never_a_latin_language():
    assert identify("привіт", "fr").language == "uk"
    assert identify("привет, мне нужна помощь", "en").language == "ru"


def test_language_command_knows_the_names_people_type():
    from bot.i18n import language_named

    assert [language_named(w) for w in ("Farsi", "فارسی", "pashtu", "Українська", "espanol", "klingon")] == [
        "fa", "fa", "ps", "uk", "es", None]
