"""The languages the bot speaks: one table, everything else derived from it or checked against it.

Adding a language starts here (see docs/contributing.md). Config, the language picker, the NLG,
the workers' cards, Babel formatting and the danger screen read this table; the domain's slot
values, the Makefile's catalog list, `nlu/<code>/` and `locales/<code>/` are checked against it
by tests/unit/test_checklist.py.

`N_` lives here (and is re-exported by `bot.i18n`) so the table's names reach the catalogs
without an import cycle: this module imports nothing from the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogs without translating it now."""
    return message


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: the `language` value everywhere (slots, metadata, parse, settings)
    native_name: str  # what the person reads on the language button
    name: str  # its English name, a catalog message id: what the workers read on a case card
    direction: Literal["ltr", "rtl"]
    babel_locale: str  # how numbers, money and dates are formatted for this language
    aliases: tuple[str, ...] = ()  # other names people type after /language ("farsi" for Dari)


LANGUAGES: tuple[Language, ...] = (
    Language("fr", "Français", N_("French"), "ltr", "fr_FR"),
    Language("en", "English", N_("English"), "ltr", "en_GB"),
    Language("ar", "العربية", N_("Arabic"), "rtl", "ar"),
    Language("es", "Español", N_("Spanish"), "ltr", "es_ES"),
    Language("pt", "Português", N_("Portuguese"), "ltr", "pt_PT"),
    Language("ro", "Română", N_("Romanian"), "ltr", "ro_RO"),
    Language("ru", "Русский", N_("Russian"), "ltr", "ru_RU"),
    Language("uk", "Українська", N_("Ukrainian"), "ltr", "uk_UA"),
    # Dari, as written in Afghanistan (its words for doctor, street, child...): Persian, Afghan locale.
    Language("fa", "دری", N_("Dari"), "rtl", "fa_AF", ("farsi", "persian", "فارسی", "dari", "دري")),
    Language("ps", "پښتو", N_("Pashto"), "rtl", "ps_AF", ("pashtu", "pushto", "pachto", "پشتو")),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(BY_CODE)
# Languages whose catalogs exist but are not offered to people yet (none today): kept complete by
# `make i18n-extract` and checked by the same tests as the others.
IN_PREPARATION: tuple[str, ...] = ()
SOURCE_LANGUAGE = "en"  # the language of the message ids in the code
