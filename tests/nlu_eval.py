"""NLU evaluation against a running Rasa server (used by the tests and by the benchmark).

Three kinds of held-out sets, none ever trained on (training reads `nlu/` only):
- `tests/nlu_real/<lang>.yml`: real questions written by people or published by public services
  as questions people ask, each with its source;
- `tests/nlu_situations/<lang>.yml`: situations described without the right's name, written apart
  from the training data;
- `tests/nlu_heldout/<lang>.yml`: paraphrases written by the same hand as the training data
  (kept apart: they do not predict what real people get).

A line of the first two is right when the bot would answer about its right (the first
`benefit` entity is the label or one of its `also`), or, for a line labelled with an intent, when
the intent is that one. "Asked back" is when the bot would ask which right with its best guesses
as buttons instead of answering (no right sure enough, and the message was about a right).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

TESTS = Path(__file__).parent
HELDOUT_DIR = TESTS / "nlu_heldout"
REAL_DIR = TESTS / "nlu_real"
SITUATIONS_DIR = TESTS / "nlu_situations"
NLU_DIR = TESTS.parent / "nlu"
SYNONYM_FILES = [NLU_DIR / "synonyms.yml", *sorted(NLU_DIR.glob("*/synonyms.yml"))]
# [text]{"entity": "benefit", "value": "rsa"} or [text](entity)
ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\{(?P<json>[^}]*)\}|\((?P<name>[^)]+)\))")
BENEFIT_VALUE = re.compile(r'"entity"\s*:\s*"benefit"\s*,\s*"value"\s*:\s*"(?P<value>\w+)"')
ASK_BACK_INTENTS = {"nlu_fallback", "ask_benefit", "check_eligibility", "how_to_apply"}


@dataclass
class Example:
    text: str
    intent: str | None
    benefits: set[str]
    source: str | None = None


@dataclass
class Parse:
    """What the bot would do with a message: its intent and the rights it would answer about."""

    intent: str | None
    benefits: list[str]
    guesses: list[str]

    @property
    def benefit(self) -> str | None:
        return self.benefits[0] if self.benefits else None

    @property
    def asked_back(self) -> bool:
        return self.benefit is None and self.intent in ASK_BACK_INTENTS and bool(self.guesses)


def parse(client: httpx.Client, text: str) -> Parse:
    """What the bot would read in `text`: the same rule as its actions (`KnowledgeBase.rights_in`)."""
    from bot.knowledge import load_knowledge_base

    kb = load_knowledge_base()
    result = client.post("/model/parse", json={"text": text}).json()
    guesses = [r["value"] for r in result.get("rights") or [] if r.get("value") in kb]
    return Parse((result.get("intent") or {}).get("name"), kb.rights_in(result.get("entities")), guesses)


def known_rights() -> set[str]:
    from bot.knowledge import load_knowledge_base

    return set(load_knowledge_base().ids)


# --- real questions and described situations ---------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).replace("'", " ").split())


def right_names() -> dict[str, set[str]]:
    """Every name and synonym of each right in the training data, folded (to spot "named")."""
    names: dict[str, set[str]] = {}
    for path in SYNONYM_FILES:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if "synonym" not in block:
                continue
            values = {block["synonym"]} | {
                line.strip()[2:] for line in block["examples"].splitlines() if line.strip().startswith("- ")}
            names.setdefault(block["synonym"], set()).update(_fold(v) for v in values if len(v) > 2)
    return names


def names_the_right(text: str, label: str, names: dict[str, set[str]]) -> bool:
    folded = f" {_fold(text)} "
    return any(re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", folded) for name in names.get(label, ()))


@dataclass
class LabelledExample:
    text: str
    label: str
    also: list[str]
    source: str | None


def load_labelled(path: Path) -> list[LabelledExample]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [LabelledExample(str(e["text"]), e["label"], list(e.get("also") or []), e.get("source"))
            for e in data["examples"]]


@dataclass
class SetReport:
    name: str
    language: str
    total: int = 0
    correct: int = 0
    asked_back: int = 0
    asked_back_with_label: int = 0
    named_total: int = 0
    named_correct: int = 0
    errors: list[str] = field(default_factory=list)
    confusions: Counter = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def asked_back_rate(self) -> float:
        return self.asked_back / self.total if self.total else 0.0

    @property
    def named_accuracy(self) -> float:
        return self.named_correct / self.named_total if self.named_total else 0.0

    def summary(self) -> str:
        return (f"{self.name}/{self.language}: accuracy {self.accuracy:.3f} ({self.correct}/{self.total}), "
                f"asked back {self.asked_back_rate:.3f} ({self.asked_back}, right among the buttons "
                f"{self.asked_back_with_label}), named {self.named_accuracy:.3f} "
                f"({self.named_correct}/{self.named_total})")

    def errors_digest(self, limit: int = 60) -> str:
        return f"{self.summary()}\n" + "\n".join(self.errors[:limit])


def evaluate_set(rasa_url: str, directory: Path, language: str, *, token: str) -> SetReport:
    known = known_rights()
    names = right_names()
    report = SetReport(directory.name.removeprefix("nlu_"), language)
    with httpx.Client(base_url=rasa_url, timeout=30, params={"token": token}) as client:
        for example in load_labelled(directory / f"{language}.yml"):
            got = parse(client, example.text)
            accepted = {example.label, *example.also}
            if example.label in known:
                ok = got.benefit in accepted
                named = names_the_right(example.text, example.label, names)
                report.named_total += named
                report.named_correct += named and ok
                if got.asked_back:
                    report.asked_back += 1
                    report.asked_back_with_label += bool(accepted & set(got.guesses))
                predicted = got.benefit or (f"?{got.guesses[:2]}" if got.asked_back else f"({got.intent})")
            else:
                ok = got.intent == example.label
                predicted = f"({got.intent})"
            report.total += 1
            report.correct += ok
            if not ok:
                report.confusions[(example.label, predicted)] += 1
                report.errors.append(f"  {example.label} -> {predicted}: {example.text[:120]}")
    return report


# --- paraphrases written with the training data ------------------------------------------


@dataclass
class Report:
    language: str
    total: int = 0
    intent_correct: int = 0
    benefit_total: int = 0
    benefit_correct: int = 0
    errors: list[str] = field(default_factory=list)
    confusions: Counter = field(default_factory=Counter)

    @property
    def intent_accuracy(self) -> float:
        return self.intent_correct / self.total if self.total else 0.0

    @property
    def benefit_accuracy(self) -> float:
        return self.benefit_correct / self.benefit_total if self.benefit_total else 0.0

    def summary(self) -> str:
        return (f"intent {self.intent_accuracy:.3f} ({self.intent_correct}/{self.total}), "
                f"benefit {self.benefit_accuracy:.3f} ({self.benefit_correct}/{self.benefit_total})")

    def errors_digest(self) -> str:
        return f"{self.summary()}\n" + "\n".join(self.errors[:40])


def load_examples(language: str) -> list[Example]:
    data = yaml.safe_load((HELDOUT_DIR / f"{language}.yml").read_text(encoding="utf-8"))
    examples = []
    for block in data["nlu"]:
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            raw = line[2:]
            benefits = {m["value"] for m in BENEFIT_VALUE.finditer(raw)}
            text = ANNOTATION.sub(lambda m: m["text"], raw)
            examples.append(Example(text, block["intent"], benefits))
    return examples


def evaluate_language(rasa_url: str, language: str, *, token: str) -> Report:
    """Like the bot: the right it answers about is the first known `benefit` entity."""
    report = Report(language)
    with httpx.Client(base_url=rasa_url, timeout=30, params={"token": token}) as client:
        for example in load_examples(language):
            got = parse(client, example.text)
            report.total += 1
            if got.intent == example.intent:
                report.intent_correct += 1
            else:
                report.confusions[(example.intent, got.intent)] += 1
                report.errors.append(f"  {example.intent} -> {got.intent}: {example.text}")
            if example.benefits:
                report.benefit_total += 1
                if got.benefit in example.benefits and set(got.benefits) >= example.benefits:
                    report.benefit_correct += 1
                else:
                    report.errors.append(f"  benefit {sorted(example.benefits)} -> {got.benefits}: "
                                         f"{example.text}")
    return report
