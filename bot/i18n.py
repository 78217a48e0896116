"""Catalogs, locale negotiation and formatting of numbers, money and dates (Babel).

Catalogs are loaded once per process. A language without a compiled catalog is an error at
start-up, not a silent fallback to French in front of a person.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, get_currency_symbol
from babel.support import Translations

from bot.config import PROJECT_ROOT
from bot.languages import BY_CODE, N_, SUPPORTED_LANGUAGES

LOCALES_DIR = PROJECT_ROOT / "locales"
DOMAIN = "messages"
# The Babel locale used to format numbers and dates for each language the bot speaks.
RLM = "\u200f"
FORMAT_LOCALES = {code: language.babel_locale for code, language in BY_CODE.items()}
__all__ = ["N_", "Translator", "check_catalogs", "format_money", "negotiate_language", "translations"]


class CatalogMissingError(RuntimeError):
    """A language has no compiled catalog (run `make i18n`)."""


@cache
def translations(language: str) -> Translations:
    """The compiled catalog of a language, loaded once."""
    mo = Path(LOCALES_DIR) / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.exists():
        raise CatalogMissingError(f"{mo} is missing: run `make i18n`")
    with mo.open("rb") as handle:
        return Translations(handle, domain=DOMAIN)


def check_catalogs() -> None:
    """Fail fast at start-up if any language lacks its compiled catalog."""
    for language in SUPPORTED_LANGUAGES:
        translations(language)


class Translator:
    """Everything one reply needs to speak a person's language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in SUPPORTED_LANGUAGES else "fr"
        self._catalog = translations(self.language)
        self.rtl = BY_CODE[self.language].direction == "rtl"

    def gettext(self, message: str, **params: object) -> str:
        # Always %-format, so "80%%" reads "80%" even without placeholders.
        text = self._catalog.gettext(message) % params
        return right_to_left(text) if self.rtl else text

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        text = self._catalog.ngettext(singular, plural, n) % {"n": n, **params}
        return right_to_left(text) if self.rtl else text

    def money(self, amount: Decimal | float) -> str:
        return format_money(amount, self.language)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=FORMAT_LOCALES[self.language])


def right_to_left(text: str) -> str:
    """Each line opened by a right-to-left mark (U+200F). Telegram lays a line out from its first
    strong letter: an Arabic, Dari or Pashto line that begins with "RSA", "CAF" or a number would
    otherwise run left to right, its words in the wrong order for the reader."""
    return "\n".join(line if not line or line.startswith(RLM) else RLM + line for line in text.split("\n"))


def format_money(amount: Decimal | float, language: str) -> str:
    """An amount in euros as a person of that language reads it: "651,69 €" in French, and a
    whole amount without cents ("8 €", not "8,00 €"). The digits, separators and the sign's place
    are the locale's; the sign is always "€", the one on every letter and price in France (Babel's
    Romanian and Ukrainian write "EUR")."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    locale = FORMAT_LOCALES.get(language, "fr_FR")
    if value != value.to_integral_value():
        text = format_currency(value, "EUR", locale=locale)
    else:
        pattern = Locale.parse(locale).currency_formats["standard"].pattern.replace(".00", "")
        text = format_currency(value, "EUR", locale=locale, format=pattern, currency_digits=False)
    return text.replace(get_currency_symbol("EUR", locale), "€")


def language_named(word: str) -> str | None:
    """The language a person names after /language ("en", "English", "anglais" is not one: the
    code, its own name or its English name), however cased or accented; None otherwise."""

    def plain(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    wanted = plain(word)
    for code in SUPPORTED_LANGUAGES:
        language = BY_CODE[code]
        if wanted in {code, plain(language.native_name), plain(language.name), *map(plain, language.aliases)}:
            return code
    return None


def negotiate_language(language_code: str | None, default: str = "fr") -> str:
    """Pick the bot language from a Telegram `language_code` such as "ar-MA" or "en"."""
    if not language_code:
        return default
    try:
        locale = Locale.parse(language_code, sep="-")
    except (ValueError, UnknownLocaleError):
        return default
    return locale.language if locale.language in SUPPORTED_LANGUAGES else default
