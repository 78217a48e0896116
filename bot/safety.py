"""Words of danger, and the emergency numbers that fit each kind of danger.

The gateway screens every message with `detect_danger` before anything else (Rasa, the phone
number of a callback request, a conversation with a worker), and answers a danger itself, so a
person in danger gets the numbers first even if the language model misreads the message or
Rasa is down.

Messages and patterns are both folded (`bot.folding`: no accents, apostrophes as spaces, Arabic
letter variants, vowel marks, Persian letters, digits), so a pattern is written once, in lower
case, in any spelling. The words themselves are in `bot.danger_words`, one module per language;
this module is the engine. The phrases each language must catch, and must not, are in
`tests/unit/safety_corpus/<lang>.yml`: add a phrase there before changing a pattern.
"""

from __future__ import annotations

import re

from bot.danger_words import DANGER_WORDS
from bot.folding import fold, fold_pattern
from bot.i18n import N_

EMERGENCY_NUMBERS = {
    "112": N_("European emergency number, for any emergency"),
    "15": N_("SAMU, medical emergency"),
    "17": N_("police, if you are in danger or attacked"),
    "18": N_("fire brigade, fire or accident"),
    "114": N_("by text message to SAMU, police or fire brigade, if you cannot speak or hear"),
    "115": N_("a place to sleep tonight (SAMU social)"),
    "119": N_("a child in danger"),
    "3919": N_("women victims of violence, anonymous"),
    "3114": N_("suicide prevention, someone listens to you"),
}

# In the order they are shown: 114 (text messages) right after the emergency services it reaches,
# before any helpline; no 114 where no emergency service is given (115 takes no text message).
NUMBERS_BY_DANGER = {
    "violence": ("17", "112", "114", "3919"),
    "suicide": ("3114", "15", "112", "114"),
    "shelter": ("115",),
    "medical": ("15", "112", "18", "114"),
    "child": ("119", "17", "114"),
    "general": ("112", "15", "17", "18", "114", "115", "119", "3919", "3114"),
}

# The kinds of danger, and the word lists a language needs: "threat" is violence announced by
# someone else ("he will kill me", "il va me tuer"). It is checked before suicide, so the
# self-harm words it contains ("kill me", "me tuer") never send a threatened person to 3114.
DANGER_KINDS = ("suicide", "violence", "child", "medical", "shelter")
LEXICON_KEYS = ("threat", *DANGER_KINDS)
CHECK_ORDER = (("threat", "violence"), ("suicide", "suicide"), ("violence", "violence"),
               ("child", "child"), ("medical", "medical"), ("shelter", "shelter"))

LEXICON = DANGER_WORDS  # the word lists of every language, by language then list


def compile_lexicon(lexicon: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, re.Pattern[str]]:
    """One folded pattern per word list, every language together."""
    return {
        key: re.compile("|".join(f"(?:{fold_pattern(p)})" for words in lexicon.values()
                                 for p in words.get(key, ())) or r"(?!)")
        for key in LEXICON_KEYS
    }


_COMPILED = compile_lexicon(LEXICON)


def detect_danger(text: str) -> str | None:
    """The kind of danger a message speaks of ("suicide", "violence"...), or None."""
    folded = fold(text)
    for key, kind in CHECK_ORDER:
        if _COMPILED[key].search(folded):
            return kind
    return None
