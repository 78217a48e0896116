"""Held-out NLU evaluation against a running Rasa server (used by tests and by the benchmark)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

HELDOUT_DIR = Path(__file__).with_name("nlu_heldout")
# [text]{"entity": "benefit", "value": "rsa"} or [text](entity)
ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\{(?P<json>[^}]*)\}|\((?P<name>[^)]+)\))")
BENEFIT_VALUE = re.compile(r'"entity"\s*:\s*"benefit"\s*,\s*"value"\s*:\s*"(?P<value>\w+)"')


@dataclass
class Example:
    text: str
    intent: str
    benefits: set[str]


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


def evaluate_language(rasa_url: str, language: str) -> Report:
    """Like the bot: a detected benefit counts only if it is a knowledge-base id."""
    from bot.knowledge import load_knowledge_base

    known = set(load_knowledge_base().ids)
    report = Report(language)
    with httpx.Client(base_url=rasa_url, timeout=30) as client:
        for example in load_examples(language):
            result = client.post("/model/parse", json={"text": example.text}).json()
            predicted = (result.get("intent") or {}).get("name")
            report.total += 1
            if predicted == example.intent:
                report.intent_correct += 1
            else:
                report.confusions[(example.intent, predicted)] += 1
                report.errors.append(f"  {example.intent} -> {predicted}: {example.text}")
            if example.benefits:
                found = {e.get("value") for e in result.get("entities") or []
                         if e.get("entity") == "benefit" and e.get("value") in known}
                report.benefit_total += 1
                if found == example.benefits:
                    report.benefit_correct += 1
                else:
                    report.errors.append(f"  benefit {sorted(example.benefits)} -> {sorted(found)}: "
                                         f"{example.text}")
    return report
