"""Words of the typed answers in the languages added after French, English and Arabic.

One module a language, each with `WORDS` (a category of `bot.estimate.typed` -> regular
expressions, written as people type them; `bot.folding.fold_pattern` folds accents and letter
variants; "YEARS" holds the words for years after a number, "TEMPORARY_PROTECTION" is read as a
permit for less than 5 years before "refugee"), `NUMBERS` (number words -> value) and, where a number
word is also a French or Arabic word ("dos", "dois", "دو"), `COUNTED` with `CHILD_NOUNS`: such a word
is read only as the whole answer or before a child noun. Only data here: the engine is `typed.py`,
and every list is searched whatever the person's language.
"""

from __future__ import annotations

from bot.estimate.words import es, fa, ps, pt, ro, ru, uk

LANGUAGES = (es, pt, ro, ru, uk, fa, ps)


def extra(category: str) -> tuple[str, ...]:
    """The patterns of `category` in every added language."""
    return tuple(p for lang in LANGUAGES for p in lang.WORDS.get(category, ()))


def number_words() -> dict[str, int]:
    """The number words of every added language (not folded)."""
    return {word: value for lang in LANGUAGES for word, value in lang.NUMBERS.items()}


def counted_words() -> dict[str, int]:
    """Number words that are also words of other languages: read only alone or before a child noun."""
    return {word: value for lang in LANGUAGES for word, value in getattr(lang, "COUNTED", {}).items()}


def child_nouns() -> tuple[str, ...]:
    return tuple(noun for lang in LANGUAGES for noun in getattr(lang, "CHILD_NOUNS", ()))
