"""Held-out NLU accuracy per language, on sentences never used in training.

The held-out sets live in tests/nlu_heldout/, outside nlu/, so `rasa train --data nlu` never
sees them. The same measurement is reported by `make bench` in docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT
from tests.nlu_eval import evaluate_language

FLOORS = {"fr": 0.90, "en": 0.85, "ar": 0.85}
BENEFIT_FLOORS = {"fr": 0.85, "en": 0.85, "ar": 0.80}


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_held_out_intent_accuracy_meets_the_floor(stack, language):
    report = evaluate_language(stack.rasa_url, language)
    print(f"\n{language}: {report.summary()}")
    assert report.intent_accuracy >= FLOORS[language], report.errors_digest()
    assert report.benefit_accuracy >= BENEFIT_FLOORS[language], report.errors_digest()


def test_parse_command_follows_the_contract(stack, settings):
    lines = "c koi le rsa\nhow do I apply for APL\nكيف نطلب الـ AME\n\n"
    env = {**os.environ, "RASA_URL": stack.rasa_url, "SECRET_KEY": settings.secret_key.get(),
           "ALLERVERS_VAR_DIR": str(settings.var_dir)}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "parse"], input=lines, text=True,
                          capture_output=True, cwd=PROJECT_ROOT, env=env, timeout=120, check=True)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["c koi le rsa", "how do I apply for APL",
                                          "كيف نطلب الـ AME", ""]
    assert all(set(r) == {"text", "language", "intent", "confidence", "benefit"} for r in rows)
    assert [r["language"] for r in rows[:3]] == ["fr", "en", "ar"]
    assert [r["benefit"] for r in rows[:3]] == ["rsa", "aide_logement", "ame"]
    assert rows[1]["intent"] == "how_to_apply"
    assert all(0.0 <= r["confidence"] <= 1.0 for r in rows)
