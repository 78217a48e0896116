"""Language identification on the first message, measured on sets it never learned from.

The classifier learns from nlu/ only; the texts here are the held-out real questions and described
situations of every language (tests/nlu_real, tests/nlu_situations). Each text is tried as a first
message three ways, as people arrive: the phone set to their language, set to French (a phone
bought here, or a helper's), and no language_code at all. The issue's floor is 0.95 per language
in each case; `make bench` prints the same table in docs/benchmarks.md.
"""

from __future__ import annotations

import pytest

from bot.languages import SUPPORTED_LANGUAGES
from tests.language_eval import SCENARIOS, identification_accuracy, other_rate

FLOOR = 0.95
# Taken for a language the bot does not speak although it is one of the ten (an interpreter is
# offered instead of an answer): measured 0.3 % with no language_code, 0 with the person's own.
MAX_WRONG_OTHER = 0.01


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_the_first_message_is_read_in_its_language(language, scenario):
    accuracy, misses = identification_accuracy(language, scenario)
    assert accuracy >= FLOOR, misses[:10]


def test_the_ten_languages_are_rarely_taken_for_another_one():
    assert other_rate() <= MAX_WRONG_OTHER
