"""Plain language, checked: every response in every language, as a person reads it.

- no sentence over 20 words (an acronym's spelled-out form in parentheses is not counted: the
  next rule asks for it);
- a first answer (benefit summary) at most 60 words;
- in French, an acronym is spelled out at its first use in a message: "RSA (revenu de
  solidarité active)" or "revenu de solidarité active (RSA)".
"""

from __future__ import annotations

import re

import pytest

from bot.config import SUPPORTED_LANGUAGES
from bot.knowledge import load_knowledge_base
from bot.nlg import render
from bot.nlg.render import RESPONSES

BENEFITS = load_knowledge_base().ids
URL = re.compile(r"\S+\.(?:fr|gouv\.fr|org|com)\S*|https?://\S+")
WORD = re.compile(r"\w+(?:['’]\w+)?")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
# Names people know by their acronym alone, or that are proper names rather than acronyms.
NOT_ACRONYMS = {"RIB", "SAMU", "SMS", "OK", "EDF", "PUMa", "II", "ID"}


def all_replies(language: str):
    for name in sorted(RESPONSES):
        benefits = BENEFITS if "benefit" in name else [None]
        for benefit in benefits:
            arguments = {"benefit": benefit, "danger": "general", "language": language}
            yield f"{name}/{benefit}", render(name, language, arguments, {}).text


PARENTHESES = re.compile(r"\([^)]*\)")


def sentences(text: str) -> list[str]:
    text = PARENTHESES.sub("", URL.sub("lien", text))
    parts = re.split(r"(?<=[.!?؟])\s+|\n+|:\s", text)
    return [p for p in parts if p.strip()]


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_no_sentence_over_twenty_words(language):
    long = [(key, s) for key, text in all_replies(language) for s in sentences(text)
            if len(WORD.findall(s)) > 20]
    assert not long, "\n".join(f"{k}: {s}" for k, s in long[:10])


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_first_answers_at_most_sixty_words(language):
    for benefit in BENEFITS:
        text = render("utter_benefit_summary", language, {"benefit": benefit}, {}).text
        assert len(WORD.findall(text)) <= 60, f"{benefit}: {text}"


def test_french_acronyms_are_spelled_out_at_first_use():
    missing = []
    for key, text in all_replies("fr"):
        clean = URL.sub("lien", text)
        seen = set()
        for match in ACRONYM.finditer(clean):
            acronym = match[0]
            if acronym in seen or acronym in NOT_ACRONYMS:
                continue
            seen.add(acronym)
            after = clean[match.end():match.end() + 3]
            before = clean[max(0, match.start() - 1):match.start()]
            if not (after.startswith(" (") or before == "("):
                missing.append(f"{key}: {acronym} in «{clean[max(0, match.start() - 30):match.end() + 30]}»")
    assert not missing, "\n".join(missing[:15])
