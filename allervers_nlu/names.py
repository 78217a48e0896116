"""The rights a message names, found by their names as written in the training data.

DIET finds a named right as an entity, and with ten languages it misses some that are plainly
written ("AME : à qui s'adresse l'aide ?", "l'Allocation aux Adultes Handicapés (AAH)"). Every
name the training data gives a right (the surfaces annotated as a `benefit` entity and the
synonyms files) is looked up in the folded message, whole words only, longest first; a name
given to two rights is left out. The rights classifier (`rights.py`) lets a written name decide
only when it is unsure, or when the message is short and names one right: a longer message often
names one right as context and asks about another ("I get the RSA, is there a Christmas bonus?",
"my unemployment benefit ended"). Short names that are also everyday words in one
of the ten languages ("are" in English and Romanian, "apa" = water in Romanian, "pass", "ass"...)
count only when typed in capitals, as the acronym (and not in a message written all in capitals).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from allervers_nlu.normalise import fold

# Names of four letters or fewer that are ordinary words somewhere: only in capitals.
EVERYDAY_WORDS = frozenset({"are", "ass", "apa", "ada", "ars", "pass", "als", "alf"})
MIN_LENGTH = 3  # "af", "cf": too short to look up, even in capitals (DIET still reads them)


def names_table(pairs: Iterable[tuple[str, str]], known: set[str]) -> dict[str, str]:
    """Folded name -> right, from (surface, right) pairs; names given to two rights are dropped."""
    rights: dict[str, set[str]] = {}
    for surface, right in pairs:
        name = fold(surface)
        if right in known and len(name) >= MIN_LENGTH:
            rights.setdefault(name, set()).add(right)
    return {name: next(iter(found)) for name, found in sorted(rights.items()) if len(found) == 1}


def words(names: list[str]) -> re.Pattern[str] | None:
    """One of `names` as a whole word (the first that matches: give the longest first)."""
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None


class NamedRights:
    """Finds the rights named in a text (see the module docstring)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        everyday = {name for name in table if name in EVERYDAY_WORDS}
        common = sorted((n for n in table if n not in everyday), key=len, reverse=True)
        self._folded = words(common)
        self._capitals = words(sorted((n.upper() for n in everyday), key=len, reverse=True))

    def find(self, text: str) -> list[str]:
        """The rights named in `text`, in the order they appear, each once."""
        found: list[tuple[float, str]] = []  # (where in the text, 0 to 1; right)
        if self._folded is not None:
            folded = fold(text)
            found += [(m.start() / max(len(folded), 1), self.table[m.group(1)])
                      for m in self._folded.finditer(folded)]
        if self._capitals is not None and not text.isupper():  # a shouted "WHAT ARE..." is no acronym
            found += [(m.start() / max(len(text), 1), self.table[m.group(1).lower()])
                      for m in self._capitals.finditer(text)]
        return list(dict.fromkeys(right for _, right in sorted(found)))
