"""The same 30 situations in the ten languages (tests/nlu_crosslingual.yml): does each language get
the same right? Shared by tests/integration/test_nlu_crosslingual.py and `make bench`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

from tests.nlu_eval import parse

CROSSLINGUAL = Path(__file__).parent / "nlu_crosslingual.yml"


@dataclass
class CrossReport:
    languages: list[str]
    items: int = 0
    correct: dict[str, int] = field(default_factory=dict)
    all_agree: int = 0  # items every language got right
    misses: list[str] = field(default_factory=list)

    def accuracy(self, language: str) -> float:
        return self.correct.get(language, 0) / self.items if self.items else 0.0

    def summary(self) -> str:
        per = " ".join(f"{lang} {self.accuracy(lang):.2f}" for lang in self.languages)
        return f"cross-lingual: all ten right on {self.all_agree}/{self.items}; {per}"


def evaluate_crosslingual(rasa_url: str, *, token: str) -> CrossReport:
    data = yaml.safe_load(CROSSLINGUAL.read_text(encoding="utf-8"))
    report = CrossReport(list(data["languages"]), correct=dict.fromkeys(data["languages"], 0))
    with httpx.Client(base_url=rasa_url, timeout=30, params={"token": token}) as client:
        for item in data["items"]:
            accepted = {item["label"], *(item.get("also") or [])}
            report.items += 1
            everyone = True
            for language in report.languages:
                got = parse(client, item["texts"][language]).benefit
                if got in accepted:
                    report.correct[language] += 1
                else:
                    everyone = False
                    text = item["texts"][language]
                    report.misses.append(f"  {item['label']} [{language}] -> {got}: {text}")
            report.all_agree += everyone
    return report
