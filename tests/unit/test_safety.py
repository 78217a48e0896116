"""Danger words are caught in every language the bot speaks, before anything else."""

from pathlib import Path

import pytest
import yaml

from bot.folding import fold
from bot.languages import IN_PREPARATION, SUPPORTED_LANGUAGES
from bot.safety import (
    CHECK_ORDER,
    DANGER_KINDS,
    LEXICON,
    LEXICON_KEYS,
    NUMBERS_BY_DANGER,
    compile_lexicon,
    detect_danger,
)

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
    "mi marido me va a matar", "el me quiere matar", "meu marido vai me matar", "ele quer me matar",
    "sotul meu o sa ma omoare", "el vrea sa ma omoare", "муж меня убьет", "он хочет меня убить",
    "on menya ub'et", "чоловік мене вб'є", "він хоче мене вбити", "vin mene vbye", "شوهرم مرا می‌کشد",
    "مره میکشه", "mara mekosha", "هغه به ما ووژني", "ma wawazhni",
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


@pytest.mark.parametrize("text", [
    "me muero de hambre", "to morrendo de fome", "mor de foame", "умираю с голоду", "помираю з голоду",
    "از گرسنگی می‌میرم", "له لوږې مړ شوم", "je meurs de faim", "im dying of hunger", "سأموت من الجوع",
])
def test_hunger_is_not_a_danger_in_any_language(text):
    """"Dying of hunger" is an idiom in every language: food aid, not 3114 (nor 115: no shelter asked)."""
    assert detect_danger(text) is None


@pytest.mark.parametrize("text", [
    "quiero morir", "quero morrer", "vreau sa mor", "хочу умереть", "хочу померти", "می‌خواهم بمیرم",
    "غواړم مړ شم", "i want to die", "je veux mourir",
])
def test_wanting_to_die_is_suicide_in_every_language(text):
    assert detect_danger(text) == "suicide"


@pytest.mark.parametrize("language", sorted(CORPUS))
def test_the_corpus_is_large_enough(language):
    corpus = CORPUS[language]
    assert sum(len(texts) for texts in corpus["trigger"].values()) >= 56  # en.yml, the smallest
    assert len(corpus["none"]) >= 27
    assert set(corpus["trigger"]) == set(DANGER_KINDS)


def test_every_language_with_danger_words_has_a_corpus():
    assert set(CORPUS) == set(LEXICON)


@pytest.mark.parametrize("language", sorted(CORPUS))
def test_a_language_s_own_words_catch_its_corpus(language):
    """Each language's list stands on its own: it does not lean on a neighbour's words (fr "inconscient"
    for pt "inconsciente"), which could be narrowed one day without a thought for the other language."""
    own = compile_lexicon({language: LEXICON[language]})

    def detect(text: str) -> str | None:
        folded = fold(text)
        return next((kind for key, kind in CHECK_ORDER if own[key].search(folded)), None)

    wrong = [(text, kind, detect(text)) for kind, texts in CORPUS[language]["trigger"].items()
             for text in texts if detect(text) != kind]
    assert not wrong


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


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES + IN_PREPARATION)
def test_every_supported_language_has_a_danger_lexicon_for_every_kind(language):
    """A new language must come with its danger words: without them it gets no screening."""
    assert language in LEXICON, f"no danger lexicon for {language!r} in bot/danger_words/"
    missing = [key for key in LEXICON_KEYS if not LEXICON[language].get(key)]
    assert not missing, f"{language!r} has no danger words for {missing}"


def test_every_kind_has_emergency_numbers():
    assert set(DANGER_KINDS) <= set(NUMBERS_BY_DANGER)
