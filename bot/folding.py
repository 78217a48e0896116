"""Fold the spellings people type on a phone into one form, so words can be matched.

Lower case; Latin accents dropped ("activité" = "activite"); apostrophes, hyphens and
underscores as spaces ("d'activité" = "d activite"); invisible characters (zero-width spaces and
joiners, direction marks) dropped; Arabic-script letters folded the way people vary them: hamza
forms as alef, alef maqsura and Persian yeh as yeh, ta marbuta as heh, Persian keheh as kaf,
tatweel and vowel marks dropped; Pashto letters as the Persian letters people type without a
Pashto keyboard (ې ۍ → ی, ټ → ت, ښ → ش...); Arabic-Indic and Persian digits as ASCII. Cyrillic and
Romanian need no table: dropping marks turns ё into е, ї into і, й into и, ș ş into s and ț ţ into
t, the same in messages and patterns. A letter typed three times or more is kept twice
("svppp" = "svpp").

The same rules as `allervers_nlu.normalise` (which runs in Rasa's virtualenv and cannot be
imported here). `fold_pattern` applies the letter rules to a regular expression, so the authors
of word lists (danger words, typed answers) need not think about spelling variants.
"""

from __future__ import annotations

import re
import unicodedata

ARABIC_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ګ": "گ", "ڪ": "ك",
    "ھ": "ه",
    # Pashto letters typed on a Persian keyboard as their nearest Persian letter: ې ۍ as yeh,
    # ټ ډ ړ ڼ without their ring, ښ as sheen, ږ as zhe (ځ and څ vary too much: patterns list them)
    "ې": "ي", "ۍ": "ي", "ټ": "ت", "ډ": "د", "ړ": "ر", "ڼ": "ن", "ښ": "ش", "ږ": "ژ",
    "ـ": None,  # tatweel
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
}
_LETTERS = str.maketrans(ARABIC_LETTERS)
# ʼ (U+02BC) is the Ukrainian apostrophe of a keyboard's layout ("вбʼє" = "вб'є").
_SEPARATORS = str.maketrans({"’": " ", "'": " ", "ʼ": " ", "`": " ", "-": " ", "_": " "})
_REPEATED_LETTER = re.compile(r"([^\W\d])\1{2,}")
_SPACES = re.compile(r"\s+")


def _drop_marks(text: str) -> str:
    """NFKD, then without combining marks (accents, harakat) and invisible format characters."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")


def fold(text: str) -> str:
    """The folded form of what a person typed (see the module docstring)."""
    text = _drop_marks(text.lower().translate(_LETTERS)).translate(_SEPARATORS)
    text = _REPEATED_LETTER.sub(r"\1\1", text)
    return _SPACES.sub(" ", text).strip()


def fold_pattern(pattern: str) -> str:
    """A regular expression written in any spelling, folded to match `fold`ed text.

    Only letters and apostrophes change: hyphens, underscores and case are kept because they
    mean something in a regular expression (`[a-z]`, `\\S`). Write word lists in lower case.
    """
    return _drop_marks(pattern.translate(_LETTERS)).replace("’", " ").replace("'", " ").replace("ʼ", " ")
