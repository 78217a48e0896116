"""Danger words are caught in every language the bot speaks, before anything else."""

from pathlib import Path

import pytest
import yaml

from bot.folding import fold
from bot.languages import SUPPORTED_LANGUAGES
from bot.safety import DANGER_KINDS, LEXICON, LEXICON_KEYS, NUMBERS_BY_DANGER, compile_lexicon, detect_danger

CORPUS_DIR = Path(__file__).parent / "safety_corpus"
CORPUS = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
          for path in sorted(CORPUS_DIR.glob("*.yml"))}
MUST_TRIGGER = [(language, text, kind) for language, corpus in CORPUS.items()
                for kind, texts in corpus["trigger"].items() for text in texts]
MUST_NOT = [(language, text) for language, corpus in CORPUS.items() for text in corpus["none"]]


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


@pytest.mark.parametrize("text", [
    "il va me tuer", "il veut me tuer", "il me menace de me tuer", "mon mari va me tuer",
    "he is going to kill me", "my husband will kill me", "they want to kill me",
    "سيقتلني", "زوجي غادي يقتلني", "bgha yqtelni",
])
def test_a_threat_by_someone_else_is_violence_not_suicide(text):
    """"Kill me" said of someone else: the police (17) and 3919, not the suicide line."""
    assert detect_danger(text) == "violence"


@pytest.mark.parametrize(("language", "text", "kind"), MUST_TRIGGER,
                         ids=[f"{lang}:{text}" for lang, text, _ in MUST_TRIGGER])
def test_corpus_phrase_is_caught_with_its_kind(language, text, kind):
    assert detect_danger(text) == kind


@pytest.mark.parametrize(("language", "text"), MUST_NOT, ids=[f"{lang}:{text}" for lang, text in MUST_NOT])
def test_corpus_ordinary_question_is_not_a_danger(language, text):
    assert detect_danger(text) is None


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_the_corpus_is_large_enough(language):
    corpus = CORPUS[language]
    assert sum(len(texts) for texts in corpus["trigger"].values()) >= 40
    assert len(corpus["none"]) >= 25
    assert set(corpus["trigger"]) == set(DANGER_KINDS)


@pytest.mark.parametrize(("typed", "folded"), [
    ("أ إ آ ٱ", "ا ا ا ا"),                # hamza forms
    ("أُرِيدُ أَنْ أَمُوتَ", "اريد ان اموت"),  # vowel marks
    ("مستشفى", "مستشفي"),                  # alef maqsura
    ("مدرسة", "مدرسه"),                    # ta marbuta
    ("انتحـــار", "انتحار"),               # tatweel
    ("کمک می‌خواهم", "كمك ميخواهم"),       # Persian keheh and yeh, zero-width non-joiner
    ("١١٥ ۱۱۵", "115 115"),                # Arabic-Indic and Persian digits
    ("J'AI Été", "j ai ete"),
    ("aideeeez", "aideez"),
    ("Ещё ЁЖИК", "еще ежик"),                 # Russian ё as е
    ("її Євген ґанок", "іі євген ґанок"),     # Ukrainian ї as і, є and ґ kept (not Russian е, г)
    ("убей", "убеи"),                         # й as и, in messages and patterns alike
    ("вбʼє вб’є вб'є", "вб є вб є вб є"),     # the Ukrainian apostrophe U+02BC like the others
    ("ș ş ț ţ ă â î", "s s t t a a i"),       # Romanian comma-below and cedilla forms
    # Pashto letters as typed on a Persian keyboard
    ("وژنې ځان ټول ډېر ړوند ښځه ږغ ګوره", "وژني ځان تول دير روند شځه ژغ گوره"),
    ("ھر", "هر"),                             # heh doachashmee
])
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_lexicon_patterns_are_folded_like_the_messages():
    """A lexicon author writes any spelling: hamza, ta marbuta, Persian letters all match."""
    patterns = compile_lexicon({"xx": {"suicide": ("أريد أن أموت",), "shelter": ("بلا مأوى",),
                                       "medical": ("کمک",)}})
    assert patterns["suicide"].search(fold("اريد ان اموت"))
    assert patterns["shelter"].search(fold("بلا ماوى"))
    assert patterns["medical"].search(fold("كمك"))


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_supported_language_has_a_danger_lexicon_for_every_kind(language):
    """A new language must come with its danger words: without them it gets no screening."""
    assert language in LEXICON, f"no danger lexicon for {language!r} in bot/danger_words/"
    missing = [key for key in LEXICON_KEYS if not LEXICON[language].get(key)]
    assert not missing, f"{language!r} has no danger words for {missing}"


def test_every_kind_has_emergency_numbers():
    assert set(DANGER_KINDS) <= set(NUMBERS_BY_DANGER)
