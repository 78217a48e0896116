"""Fold the spellings people type on a phone into one form, for character n-grams.

Lower case; Latin accents dropped ("activité" = "activite"); apostrophes and hyphens as spaces
("d'activité" = "d activite"); Arabic letters folded the way people vary them (hamza forms,
alef maqsura, ta marbuta, tatweel, vowel marks; Persian yeh and keheh; Pashto letters as the
Persian letters typed without a Pashto keyboard); the Ukrainian apostrophe ʼ like '; Eastern Arabic
digits as ASCII digits; letters repeated three times or more kept twice ("svppp" = "svpp").
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ک": "ك", "ګ": "گ", "ڪ": "ك",
    # Pashto letters typed on a Persian keyboard as their nearest Persian letter (as bot/folding.py).
    "ې": "ي", "ۍ": "ي", "ټ": "ت", "ډ": "د", "ړ": "ر", "ڼ": "ن", "ښ": "ش", "ږ": "ژ",
    "ـ": None,  # tatweel
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "’": " ", "'": " ", "ʼ": " ", "`": " ", "-": " ", "_": " ",
})
_REPEATS = re.compile(r"(.)\1{2,}")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The folded form of `text` (see the module docstring)."""
    text = text.lower().translate(_ARABIC_FOLD)
    # NFKD splits "é" into "e" + a combining accent; every combining mark (Latin accents and
    # Arabic vowel marks alike) is then dropped.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _REPEATS.sub(r"\1\1", text)
    return _SPACES.sub(" ", text).strip()
