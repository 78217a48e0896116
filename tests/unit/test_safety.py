"""Danger words are caught in every language the bot speaks, before anything else."""

import pytest

from bot.languages import SUPPORTED_LANGUAGES
from bot.safety import DANGER_KINDS, LEXICON, NUMBERS_BY_DANGER, detect_danger


@pytest.mark.parametrize(("text", "kind"), [
    ("je veux mourir", "suicide"), ("jveux en finir avec la vie", "suicide"),
    ("I want to kill myself", "suicide"), ("بغيت نموت", "suicide"),
    ("mon mari me frappe", "violence"), ("he beats me every night", "violence"),
    ("زوجي يضربني", "violence"), ("je dors dehors ce soir", "shelter"),
    ("I have nowhere to sleep tonight", "shelter"), ("أنام في الشارع الليلة", "shelter"),
    ("mon fils ne respire plus", "medical"), ("my baby is not breathing", "medical"),
    ("c'est quoi le RSA", None), ("how much is the APL", None), ("كم هي منحة السكن", None),
])
def test_danger_words_in_three_languages(text, kind):
    assert detect_danger(text) == kind


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_supported_language_has_a_danger_lexicon_for_every_kind(language):
    """A new language must come with its danger words: without them it gets no screening."""
    assert language in LEXICON, f"no danger lexicon for {language!r} in bot/safety.py"
    missing = [kind for kind in DANGER_KINDS if not LEXICON[language].get(kind)]
    assert not missing, f"{language!r} has no danger words for {missing}"


def test_every_kind_has_emergency_numbers():
    assert set(DANGER_KINDS) <= set(NUMBERS_BY_DANGER)
