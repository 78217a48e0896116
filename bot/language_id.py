"""Which language a person writes in: one of the bot's ten, another one (then a person with an
interpreter is offered), or too little text to say.

Three steps, cheapest first:
1. The writing system. Ethiopic, Georgian, Bengali, Armenian... are none of the bot's languages:
   the language is named from the script (Ethiopic is shown as Tigrinya, the language of most
   people writing it whom outreach workers meet in France). Cyrillic narrows the choice to
   Russian or Ukrainian, Arabic letters to Arabic, Dari or Pashto.
2. Another language in a shared script (Turkish, Albanian, Urdu...): py3langid's 97-language model,
   trusted only on a sentence long enough, sure of itself, and unlike any of the bot's languages.
3. Which of the ten: a classifier learned from the bot's own training lines (`nlu/<lang>/*.yml`:
   native script, but also transliteration, SMS spelling, Pashto typed on a Persian keyboard,
   French right names inside a sentence), character n-grams and a logistic regression
   (scikit-learn). py3langid alone gets transliterated Russian, Dari or Arabizi wrong, and our lines
   are what people type. Telegram's `language_code` weighs in as a prior, most on short messages.

The classifier is fitted once (a few seconds; `make train` does it) and kept in models/, keyed by a
hash of the training lines, so every process loads it in milliseconds. The held-out sets (tests/nlu_real,
tests/nlu_situations) are never read here: tests/integration/test_language_id.py measures on them.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.config import PROJECT_ROOT
from bot.i18n import negotiate_language
from bot.languages import SUPPORTED_LANGUAGES

logger = logging.getLogger(__name__)

NLU = PROJECT_ROOT / "nlu"
# Beside the Rasa model, as a trained artefact of the same lines (`make train` builds it); every
# process and every deployment on the machine loads it instead of fitting it again.
MODELS = PROJECT_ROOT / "models"
# Scripts none of the bot's languages uses, and the language people in France most often write in it.
SCRIPT_LANGUAGES = {
    "ETHIOPIC": "ti", "GEORGIAN": "ka", "ARMENIAN": "hy", "BENGALI": "bn", "DEVANAGARI": "hi",
    "GURMUKHI": "pa", "TAMIL": "ta", "SINHALA": "si", "THAI": "th", "HEBREW": "he", "GREEK": "el",
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh", "MYANMAR": "my", "KHMER": "km",
    "LAO": "lo", "TIBETAN": "bo", "GUJARATI": "gu", "TELUGU": "te", "KANNADA": "kn", "MALAYALAM": "ml",
    "ORIYA": "or", "NKO": "nqo", "TIFINAGH": "zgh",
}
SCRIPT_CANDIDATES = {"ARABIC": ("ar", "fa", "ps"), "CYRILLIC": ("ru", "uk")}
# py3langid's languages too close to ours to be told apart by it (Galician and Portuguese, Latin...)
# or written by nobody who would write to the bot: never taken for "another language".
TOO_CLOSE = {*SUPPORTED_LANGUAGES, "gl", "oc", "an", "la", "wa", "lb", "eo", "mg", "qu"}
OTHER_MIN_LETTERS = 20  # a shared-script language is named only on a sentence this long...
OTHER_MIN_PROBABILITY = 0.995  # ...when py3langid is this sure of it...
OTHER_MAX_OURS = 0.6  # ...and our classifier (with the prior) is no surer than this of one of ours.
PRIOR = 4.0  # Telegram's language_code counts as this many times more likely.
SHORT = 12  # letters: below this, the text says little and the language_code decides if it can
SURE = 0.7
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")


@dataclass(frozen=True)
class Identified:
    """`language`: one of the bot's languages, or None; `other`: the ISO 639-1 code of a language
    the bot does not speak, when that is what the person writes; `sure`: enough text to decide."""

    language: str | None
    other: str | None = None
    sure: bool = False


def identify(text: str, telegram_code: str | None = None) -> Identified:
    """The language of `text`, with Telegram's `language_code` ("uk", "pt-BR"...) as a prior."""
    prior = negotiate_language(telegram_code, "") or None
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return Identified(prior)
    script = _script(letters)
    if script in SCRIPT_LANGUAGES:
        return Identified(None, SCRIPT_LANGUAGES[script], sure=True)
    candidates = SCRIPT_CANDIDATES.get(script, SUPPORTED_LANGUAGES)
    probabilities = _classifier().probabilities(text)
    weights = {lang: probabilities.get(lang, 0.0) * (PRIOR if lang == prior else 1.0) for lang in candidates}
    total = sum(weights.values()) or 1.0
    best = max(weights, key=lambda lang: weights[lang])
    confidence = weights[best] / total
    if len(letters) >= OTHER_MIN_LETTERS and confidence <= OTHER_MAX_OURS:
        other = _other_language(text)
        if other is not None:
            return Identified(None, other, sure=True)
    if len(letters) < SHORT:
        # "ok", "rsa", "slow", a name: the phone's language if it fits the script; else, in Latin
        # letters and unsure, nothing says which language (the caller keeps its own).
        if prior in candidates:
            return Identified(prior, sure=False)
        if script == "LATIN" and confidence < SURE:
            return Identified(None, sure=False)
    return Identified(best, sure=confidence >= SURE)


def identify_language(text: str, default: str = "fr") -> str:
    """One of the bot's languages for `text` (the console chat: no language_code, no interpreter)."""
    return identify(text).language or default


def _script(letters: list[str]) -> str:
    """The writing system of most of the letters: LATIN, ARABIC, CYRILLIC, ETHIOPIC..."""
    counts = Counter((unicodedata.name(c, "").split(" ") or [""])[0] for c in letters)
    script = counts.most_common(1)[0][0]
    return "CJK" if script.startswith("CJK") else script


def _other_language(text: str) -> str | None:
    """A language the bot does not speak, if py3langid is sure of one (see module docstring)."""
    language, probability = _langid().classify(text)
    language = str(language)
    return language if language not in TOO_CLOSE and probability >= OTHER_MIN_PROBABILITY else None


@cache
def _langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def training_lines(root: Path = NLU) -> dict[str, list[str]]:
    """Language -> the text of every training example in nlu/<lang>/ (annotations removed)."""
    lines: dict[str, list[str]] = {}
    for language in SUPPORTED_LANGUAGES:
        found = lines.setdefault(language, [])
        for path in sorted((root / language).glob("*.yml")):
            for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
                for line in str(item.get("examples") or "").splitlines():
                    line = line.strip()
                    if line.startswith("- "):
                        found.append(ANNOTATION.sub(r"\1", line[2:]))
    return lines


class LanguageClassifier:
    """Character n-grams (1-4, within words) and a logistic regression over the ten languages."""

    def __init__(self, model: Any) -> None:
        import numpy as np
        from scipy.special import expit

        self._model = model
        self._expit = expit
        # predict_proba for one text, without the pipeline's checks and the copy of the weights
        # they make on each call (2 of its 3 ms): the same numbers, as SGDClassifier computes them.
        vectorizer, regression = model.steps[0][1], model.steps[-1][1]
        self._vectorize = vectorizer.transform
        self._weights = np.ascontiguousarray(regression.coef_.T)
        self._intercept = regression.intercept_
        self._languages = [str(language) for language in regression.classes_]

    @classmethod
    def fit(cls, lines: dict[str, list[str]]) -> LanguageClassifier:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.pipeline import make_pipeline

        texts = [text for language in lines for text in lines[language]]
        labels = [language for language in lines for _ in lines[language]]
        model = make_pipeline(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True),
            SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=30, tol=None, random_state=0),
        )
        model.fit(texts, labels)
        return cls(model)

    def probabilities(self, text: str) -> dict[str, float]:
        """One-vs-rest logistic scores, normalised (SGDClassifier's predict_proba for log loss)."""
        row = self._expit(self._vectorize([text]) @ self._weights + self._intercept)[0]
        row /= row.sum()
        return {language: float(p) for language, p in zip(self._languages, row, strict=True)}


_lock = threading.Lock()


def _digest(root: Path = NLU) -> str:
    """A hash of the training files' bytes: reading them is milliseconds, parsing them is seconds."""
    digest = hashlib.sha256()
    for language in SUPPORTED_LANGUAGES:
        for path in sorted((root / language).glob("*.yml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


_loaded: LanguageClassifier | None = None


def _classifier() -> LanguageClassifier:
    """Fitted from nlu/ once, then loaded from models/ by every later process (same lines, same
    file); loaded once per process, however many threads ask for it while it loads."""
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is None:  # another thread may have loaded it while this one waited
            _loaded = _load_or_fit()
        return _loaded


def _load_or_fit() -> LanguageClassifier:
    import joblib

    digest = _digest()
    path = MODELS / f"language-id-{digest}.joblib"
    if path.exists():
        try:
            return LanguageClassifier(joblib.load(path))
        except Exception:  # a damaged cache is fitted again
            logger.warning("language classifier cache unreadable; fitting it again")
    classifier = LanguageClassifier.fit(training_lines())
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("language-id-*.joblib"):
        old.unlink(missing_ok=True)
    joblib.dump(classifier._model, path)
    return classifier


def ready() -> None:
    """Load (or fit) the classifier now, in this thread."""
    _classifier()


def loaded() -> bool:
    """The classifier is in memory: `identify` takes about a millisecond, nothing to wait for."""
    return _loaded is not None


def warm_up() -> None:
    """Load (or fit) the classifier in the background now, so the first person does not wait."""
    threading.Thread(target=_classifier, name="language classifier", daemon=True).start()


if __name__ == "__main__":  # `make language-id`: fit it now (or check the cached one loads)
    ready()
    print(f"language classifier ready ({len(SUPPORTED_LANGUAGES)} languages)")
