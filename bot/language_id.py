"""Which of the bot's languages a message is written in (py3langid, restricted to fr/en/ar)."""

from __future__ import annotations

import re
from functools import cache

from bot.config import SUPPORTED_LANGUAGES

ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier


def identify_language(text: str, default: str = "fr") -> str:
    """An ISO 639-1 code among fr, en, ar. Arabic script wins; otherwise the model decides."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    if arabic and arabic >= latin / 3:
        return "ar"
    if latin < 2:
        return default
    language, _probability = _identifier().classify(text)
    return str(language) if language in SUPPORTED_LANGUAGES else default
