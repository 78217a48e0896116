"""The checklists of docs/contributing.md, as tests: a right or a language is added everywhere,
or a named test says which piece is missing.

A right is declared by its knowledge-base id (bot/knowledge/benefits.yml); a language by its row in
bot/languages.py. Everything else must follow; `missing_for_right` / `missing_for_language` list
what does not.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
import yaml
from babel import Locale
from babel.messages.pofile import read_po

from bot.config import PROJECT_ROOT
from bot.knowledge import load_knowledge_base
from bot.knowledge.base import KB_FILE
from bot.knowledge.texts import GROUPS, TEXTS
from bot.languages import BY_CODE, IN_PREPARATION, LANGUAGES, SUPPORTED_LANGUAGES
from bot.nlg.render import LANGUAGE_NAMES, SHORT_NAMES
from bot.safety import LEXICON, LEXICON_KEYS

NLU = PROJECT_ROOT / "nlu"
LOCALES = PROJECT_ROOT / "locales"
# An annotated right in NLU examples: [words]{"entity": "benefit", "value": "rsa"}
ANNOTATED = re.compile(r'\{\s*"entity"\s*:\s*"benefit"\s*,\s*"value"\s*:\s*"(?P<id>[a-z_]+)"\s*\}')
MIN_EXAMPLES = 3  # per right and per language: enough for DIET to see the right at all
MIN_SITUATIONS = 20  # described situations per right and per language, for the rights classifier


def declared_rights() -> list[str]:
    """The rights declared in the knowledge base file (read directly: a right with no texts
    would stop `load_knowledge_base()` itself)."""
    return list(yaml.safe_load(KB_FILE.read_text(encoding="utf-8")))


def domain() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def nlu_text(language: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((NLU / language).glob("*.yml")))


def synonym_values() -> set[str]:
    values: set[str] = set()
    for path in [NLU / "synonyms.yml", *NLU.glob("*/synonyms.yml")]:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "synonym" in item:
                values.add(item["synonym"])
    return values


def situations(language: str) -> dict[str, int]:
    """Right -> number of described-situation examples in nlu/<language>/situations*.yml."""
    counts: dict[str, int] = {}
    for path in sorted((NLU / language).glob("situations*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            right = (block.get("metadata") or {}).get("right")
            if right:
                lines = [line for line in block["examples"].splitlines() if line.strip().startswith("- ")]
                counts[right] = counts.get(right, 0) + len(lines)
    return counts


def translated(language: str) -> dict[str, str]:
    """The catalog's msgid -> msgstr, without fuzzy entries (they are never shipped)."""
    path = LOCALES / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and m.string and not m.fuzzy}


def makefile_languages() -> list[str]:
    match = re.search(r"^LANGS := (.*)$", (PROJECT_ROOT / "Makefile").read_text(), re.MULTILINE)
    return match[1].split() if match else []


# --- a right --------------------------------------------------------------------------------


def missing_for_right(right: str) -> list[str]:
    """The pieces of docs/contributing.md "Add a right" that `right` lacks."""
    missing = []
    if right not in declared_rights():
        missing.append("bot/knowledge/benefits.yml: no entry")
    texts = TEXTS.get(right)
    if texts is None:
        missing.append("bot/knowledge/texts/: no BenefitTexts")
    if right not in SHORT_NAMES:
        missing.append("bot/nlg/render.py: no SHORT_NAMES entry")
    topics = [group for group, (_title, rights) in GROUPS.items() if right in rights]
    if len(topics) != 1:
        missing.append(f"bot/knowledge/texts/__init__.py: in {len(topics)} GROUPS topics (need 1)")
    if right not in domain()["slots"]["benefit"].get("values", []):
        missing.append("domain.yml: not a value of the benefit slot")
    for language in SUPPORTED_LANGUAGES:
        examples = [m for m in ANNOTATED.finditer(nlu_text(language)) if m["id"] == right]
        if len(examples) < MIN_EXAMPLES:
            missing.append(f"nlu/{language}/: {len(examples)} annotated examples (need {MIN_EXAMPLES})")
        described = situations(language).get(right, 0)
        if described < MIN_SITUATIONS:
            missing.append(f"nlu/{language}/situations.yml: {described} described situations "
                           f"(need {MIN_SITUATIONS})")
    if right not in synonym_values():
        missing.append("nlu/synonyms.yml or nlu/<lang>/synonyms.yml: no synonym entry")
    messages = [SHORT_NAMES.get(right)] + (
        [texts.name, texts.summary, texts.eligibility, texts.how_to_apply] if texts else [])
    for language in SUPPORTED_LANGUAGES:
        catalog = translated(language)
        untranslated = [m for m in messages if m and m not in catalog]
        if untranslated:
            missing.append(f"locales/{language}: {len(untranslated)} texts not translated")
    return missing


@pytest.mark.parametrize("right", declared_rights())
def test_every_right_is_complete(right):
    assert missing_for_right(right) == []


def test_every_piece_of_a_right_names_a_known_right():
    """Nothing left behind by a right that was removed or misspelt."""
    ids = set(declared_rights())
    assert ids == set(load_knowledge_base().ids)
    assert set(TEXTS) <= ids and set(SHORT_NAMES) <= ids
    assert set(domain()["slots"]["benefit"]["values"]) <= ids


def test_a_half_added_right_is_reported_piece_by_piece(monkeypatch):
    """The checklist catches a right that exists in the knowledge texts only."""
    monkeypatch.setitem(TEXTS, "not_a_right_yet", TEXTS["rsa"])
    missing = missing_for_right("not_a_right_yet")
    assert "bot/knowledge/texts/: no BenefitTexts" not in missing
    assert {"bot/knowledge/benefits.yml: no entry", "bot/nlg/render.py: no SHORT_NAMES entry",
            "domain.yml: not a value of the benefit slot",
            "nlu/synonyms.yml or nlu/<lang>/synonyms.yml: no synonym entry"} <= set(missing)
    assert any(m.startswith("nlu/ar/") for m in missing)
    assert "nlu/fr/situations.yml: 0 described situations (need 20)" in missing


# --- a language -----------------------------------------------------------------------------


def missing_for_language(code: str) -> list[str]:
    """The pieces of docs/contributing.md "Add a language" that `code` lacks."""
    missing = []
    language = BY_CODE.get(code)
    if language is None:
        return ["bot/languages.py: no row in LANGUAGES"]
    try:
        locale = Locale.parse(language.babel_locale)
        if (locale.character_order == "right-to-left") != (language.direction == "rtl"):
            missing.append("bot/languages.py: direction disagrees with the Babel locale")
    except ValueError:
        missing.append(f"bot/languages.py: {language.babel_locale!r} is not a Babel locale")
    if code not in makefile_languages():
        missing.append("Makefile: not in LANGS (its catalog is never compiled)")
    if code not in domain()["slots"]["language"].get("values", []):
        missing.append("domain.yml: not a value of the language slot")
    if not (NLU / code / "nlu.yml").exists():
        missing.append(f"nlu/{code}/nlu.yml: missing")
    else:
        intents = {item["intent"] for item in yaml.safe_load(
            (NLU / code / "nlu.yml").read_text(encoding="utf-8"))["nlu"] if "intent" in item}
        needed = {"greet", "ask_benefit", "request_callback", "talk_to_human", "emergency"}
        if needed - intents:
            missing.append(f"nlu/{code}/nlu.yml: no examples of {sorted(needed - intents)}")
    catalog = translated(code)
    if not catalog:
        missing.append(f"locales/{code}/LC_MESSAGES/messages.po: missing or empty")
    elif language.name not in catalog:
        missing.append(f"locales/{code}: its own name ({language.name!r}) is not translated")
    for held_out in ("nlu_heldout", "nlu_real", "nlu_situations"):
        if not (PROJECT_ROOT / "tests" / held_out / f"{code}.yml").exists():
            missing.append(f"tests/{held_out}/{code}.yml: missing (its NLU accuracy is never measured)")
    if not situations(code):
        missing.append(f"nlu/{code}/situations.yml: missing (rights from described situations)")
    kinds = LEXICON.get(code, {})
    if any(not kinds.get(key) for key in LEXICON_KEYS):
        missing.append("bot/danger_words/: no danger words for some kinds (no screening at all)")
    if code not in _langid_codes():
        missing.append("bot/language_id.py: py3langid does not know this language")
    return missing


@cache
def _langid_codes() -> set[str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return {str(code) for code in LanguageIdentifier.from_pickled_model(MODEL_FILE).nb_classes}


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_every_language_is_complete(code):
    assert missing_for_language(code) == []


def test_the_language_table_is_the_only_list():
    assert makefile_languages() == list(SUPPORTED_LANGUAGES)
    assert domain()["slots"]["language"]["values"] == list(SUPPORTED_LANGUAGES)
    assert list(LANGUAGE_NAMES) == list(SUPPORTED_LANGUAGES)
    catalogs = sorted(p.name for p in LOCALES.iterdir() if p.is_dir())
    assert catalogs == sorted(SUPPORTED_LANGUAGES + IN_PREPARATION)
    assert {p.name for p in NLU.iterdir() if p.is_dir()} - {"rules", "stories"} == set(SUPPORTED_LANGUAGES)
    assert len({lang.code for lang in LANGUAGES}) == len(LANGUAGES)


def test_a_half_added_language_is_reported(monkeypatch):
    """A language added to the table only: every other piece is named."""
    from bot.languages import Language

    monkeypatch.setitem(BY_CODE, "ka", Language("ka", "ქართული", "Georgian", "ltr", "ka_GE"))
    missing = missing_for_language("ka")
    assert "Makefile: not in LANGS (its catalog is never compiled)" in missing
    assert "domain.yml: not a value of the language slot" in missing
    assert "nlu/ka/nlu.yml: missing" in missing
    assert "locales/ka/LC_MESSAGES/messages.po: missing or empty" in missing
    assert "bot/danger_words/: no danger words for some kinds (no screening at all)" in missing
    assert "tests/nlu_heldout/ka.yml: missing (its NLU accuracy is never measured)" in missing
    assert "tests/nlu_real/ka.yml: missing (its NLU accuracy is never measured)" in missing
    assert "nlu/ka/situations.yml: missing (rights from described situations)" in missing
