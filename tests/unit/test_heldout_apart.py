"""The held-out sets stay apart from the training data: no held-out sentence is a training line.

The accuracy the tests and `make bench` report means something only if the model never saw the
sentences it is measured on. Sentences are compared folded (case, accents, apostrophes, spaces), so
a line copied with another capital or without its accents is caught too.
"""

from __future__ import annotations

import re

import yaml

from bot.language_id import training_lines
from tests.crosslingual_eval import CROSSLINGUAL
from tests.nlu_eval import HELDOUT_DIR, REAL_DIR, SITUATIONS_DIR, _fold, load_examples, load_labelled

PUNCTUATION = re.compile(r"[^\w ]+")


def _key(text: str) -> str:
    return " ".join(PUNCTUATION.sub(" ", _fold(text)).split())


def held_out_sentences() -> list[tuple[str, str]]:
    found = [(f"{d.name}/{p.name}", e.text) for d in (REAL_DIR, SITUATIONS_DIR)
             for p in sorted(d.glob("*.yml")) for e in load_labelled(p)]
    for path in sorted(HELDOUT_DIR.glob("*.yml")):
        found += [(f"nlu_heldout/{path.name}", e.text) for e in load_examples(path.stem)]
    for item in yaml.safe_load(CROSSLINGUAL.read_text(encoding="utf-8"))["items"]:
        found += [(f"nlu_crosslingual/{lang}", text) for lang, text in item["texts"].items()]
    return found


def test_no_held_out_sentence_is_a_training_line():
    train = {_key(line) for lines in training_lines().values() for line in lines}
    held = held_out_sentences()
    assert len(held) > 2000 and len(train) > 10000
    # Very short lines ("merci", "oui", "RSA") are the same words anyone would type: not a leak.
    leaked = [f"{where}: {text}" for where, text in held if len(_key(text).split()) > 3
              and _key(text) in train]
    assert not leaked, "\n".join(leaked[:40])
