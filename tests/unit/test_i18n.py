"""Catalogs are complete, and amounts are formatted the way each language reads them."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.config import SUPPORTED_LANGUAGES
from bot.i18n import LOCALES_DIR, Translator, format_money, negotiate_language
from bot.languages import IN_PREPARATION

PLACEHOLDER = re.compile(r"%\(\w+\)s|%%")


def catalog(language):
    with Path(LOCALES_DIR, language, "LC_MESSAGES", "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def template_ids():
    with Path(LOCALES_DIR, "messages.pot").open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


def test_money_in_french_english_arabic():
    assert format_money(651.69, "fr").replace("\u202f", " ").replace("\xa0", " ") == "651,69 €"
    assert format_money(651.69, "en") == "€651.69"
    assert "651.69" in format_money(651.69, "ar") and "€" in format_money(651.69, "ar")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ar-MA", "ar"), ("en", "en"), ("fr-FR", "fr"), ("de", "fr"), (None, "fr"), ("zz-??", "fr")],
)
def test_telegram_language_code_is_negotiated(code, expected):
    assert negotiate_language(code, "fr") == expected


CATALOGS = SUPPORTED_LANGUAGES + IN_PREPARATION


@pytest.mark.parametrize("language", CATALOGS)
def test_catalog_is_complete_without_fuzzy_entries(language):
    messages = {m.id: m for m in catalog(language) if m.id}
    assert set(messages) >= template_ids(), "run `make i18n-extract` and translate"
    missing = [m for m in template_ids() if not messages[m].string]
    fuzzy = [m for m in template_ids() if messages[m].fuzzy]
    assert not missing, f"{language}: untranslated {missing[:3]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:3]}"


@pytest.mark.parametrize("language", CATALOGS)
def test_every_placeholder_is_kept_in_every_translation(language):
    for message in catalog(language):
        if message.id:
            assert sorted(PLACEHOLDER.findall(message.id)) == sorted(
                PLACEHOLDER.findall(message.string)
            ), f"{language}: {message.id[:60]!r}"


def test_catalog_headers_say_which_languages_await_native_review():
    for language in ("fr", "ar", *IN_PREPARATION):
        header = Path(LOCALES_DIR, language, "LC_MESSAGES", "messages.po").read_text()
        assert "Review status" in header.split("msgid")[0]


def test_each_language_speaks_itself():
    said = {lang: Translator(lang).gettext("OK, I will write in English from now on.")
            for lang in SUPPORTED_LANGUAGES}
    assert "English" in said["en"]
    assert "français" in said["fr"]
    assert "العربية" in said["ar"]
