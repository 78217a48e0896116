"""Language identification on the held-out sets: shared by the integration test and `make bench`."""

from __future__ import annotations

from functools import cache

from bot.language_id import identify
from bot.languages import SUPPORTED_LANGUAGES
from tests.nlu_eval import REAL_DIR, SITUATIONS_DIR, load_labelled

# How the person's phone is set: their language, French, or no language_code at all.
SCENARIOS = ("own", "fr", "none")


@cache
def held_out_texts(language: str) -> tuple[str, ...]:
    paths = [directory / f"{language}.yml" for directory in (REAL_DIR, SITUATIONS_DIR)]
    return tuple(example.text for path in paths if path.exists() for example in load_labelled(path))


def _code(language: str, scenario: str) -> str | None:
    return {"own": language, "fr": "fr", "none": None}[scenario]


def identification_accuracy(language: str, scenario: str) -> tuple[float, list[str]]:
    """Share of the language's held-out texts identified as that language; the misses."""
    texts = held_out_texts(language)
    misses = [t for t in texts if identify(t, _code(language, scenario)).language != language]
    return 1 - len(misses) / len(texts), misses


def other_rate() -> float:
    """Share of all held-out texts (any scenario) taken for a language the bot does not speak."""
    tried = wrong = 0
    for language in SUPPORTED_LANGUAGES:
        for scenario in SCENARIOS:
            for text in held_out_texts(language):
                tried += 1
                wrong += identify(text, _code(language, scenario)).other is not None
    return wrong / tried
