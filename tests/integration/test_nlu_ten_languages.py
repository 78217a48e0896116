"""NLU accuracy in the seven languages added with the languages issue, and the cross-lingual set.

Real questions in these languages are few in public sources (22 to 54 a language), so the floor is
on the real questions and the described situations together (120 to 145 lines a language), all
written apart from the training data (tests/nlu_real, tests/nlu_situations; the writers never saw
nlu/). The issue's target is 0.85 in every language (TARGET); FLOORS holds what the model measured,
a retrain's noise (two or three lines) below it, so that a regression fails — see docs/benchmarks.md.
"""

from __future__ import annotations

import pytest

from tests.crosslingual_eval import evaluate_crosslingual
from tests.nlu_eval import HELDOUT_DIR, REAL_DIR, SITUATIONS_DIR, evaluate_language, evaluate_set

# Measured on 2026-12-07 with the first ten-language model (real + situations): es 113/135 (0.837),
# pt 113/134 (0.843), ro 104/145 (0.717), ru 98/141 (0.695), uk 84/140 (0.600), fa 72/134 (0.537),
# ps 67/134 (0.500). Below the 0.85 target: most misses are real questions about asylum and temporary
# protection procedures (out of scope, answered as a right) and close rights (C2S, AME, urgent care).
TARGET = 0.85
# Second round (same day: ~95 out-of-scope questions and 88 contrasting situations a language, and a
# right written by its name decides when the classifier is unsure): es 118/135 (0.874), pt 118/134
# (0.881), ro 109/145 (0.752), ru 107/141 (0.759), uk 100/140 (0.714), fa 82/134 (0.612),
# ps 80/134 (0.597). es and pt meet the target; the five others do not yet.
# Third round (2026-12-07: estimate, emergency, talk_to_human, find_help_nearby and out-of-scope lines
# in ro, ru, uk, fa, ps, situations of people under temporary protection in uk/ru; and 17-20 more
# real questions a language in the held-out sets, mostly published headings, many about Romania's or
# other countries' own benefits): es 115/135 (0.852), pt 115/134 (0.858), ro 108/165 (0.655: the 20
# new Romanian questions, about Romania's own allowances, all missed), ru 130/158 (0.823), uk 119/157
# (0.758), fa 98/154 (0.636), ps 105/154 (0.682). es and pt, unchanged data, moved 3 lines (retrain).
# Fourth round (2026-12-07: how_to_apply and check_eligibility grown for every right in es, pt, ro,
# ru, uk, fa, ps, 3-5 times smaller than French before; measured on a model trained from exactly the
# committed data): es 118/135 (0.874), pt 117/134 (0.873), ro 118/165 (0.715), ru 130/158 (0.823),
# uk 118/157 (0.752), fa 98/154 (0.636), ps 103/154 (0.669). A fresh training (CI) is not bit-for-bit
# the same model: the previous stop's floors, set on a model trained before 19 lines were removed,
# failed by 2-4 paraphrases in CI. The floors sit 0.03 (four or five lines) below the measurement.
# Fifth round (same day: ~30 short how-to and ~12 eligibility follow-ups with no right named in all
# ten languages, "which site", "and the papers", "and me?"): es 118/135 (0.874), pt 117/134 (0.873),
# ro 119/165 (0.721), ru 132/158 (0.835), uk 125/157 (0.796), fa 104/154 (0.675), ps 99/154 (0.643).
FLOORS = {"es": 0.84, "pt": 0.84, "ro": 0.69, "ru": 0.80, "uk": 0.76, "fa": 0.64, "ps": 0.61}
# Paraphrase intent accuracy, measured: es 0.773, pt 0.912, ro 0.752, ru 0.807, uk 0.785, fa 0.878,
# ps 0.797; second round: es 0.812, pt 0.883, ro 0.782, ru 0.844, uk 0.829, fa 0.878, ps 0.831.
# Third round: es 0.773 (unchanged data: retrain noise), pt 0.888, ro 0.816, ru 0.858, uk 0.849,
# fa 0.868, ps 0.850.
# Fourth round: es 0.836, pt 0.907, ro 0.820, ru 0.896, uk 0.863, fa 0.893, ps 0.826 (what is still
# missed is mostly "how do I apply" and "am I entitled" answered as the right's summary, ask_benefit,
# whose buttons lead to both; and emergency paraphrases, which the danger screen answers first).
# Fifth round: es 0.826, pt 0.917, ro 0.869, ru 0.887, uk 0.863, fa 0.917, ps 0.860.
PARAPHRASE_FLOORS = {"es": 0.79, "pt": 0.88, "ro": 0.83, "ru": 0.85, "uk": 0.83, "fa": 0.88, "ps": 0.83}
# The same 30 situations in ten languages, measured: all ten right on 11 of 30; per language fr 0.90,
# en 0.97, ar 0.97, es 0.97, pt 0.97, ro 0.73, ru 0.97, uk 0.80, fa 0.67, ps 0.63 (one item is 0.033).
# Second round: all ten right on 10 of 30; fr 0.93, en 0.97, ar 0.93, es 0.97, pt 0.97, ro 0.67,
# ru 0.93, uk 0.83, fa 0.73, ps 0.63.
# Floors two items below (a retrain on 2 cores moves an item or two of 30).
# Third round: all ten right on 12 of 30; fr 0.93, en 0.97, ar 0.97, es 0.97, pt 0.97, ro 0.73,
# ru 0.93, uk 0.83, fa 0.70, ps 0.67.
# Fourth round: all ten right on 11 of 30; fr 0.93, en 0.97, ar 0.93, es 0.97, pt 0.97, ro 0.73,
# ru 0.93, uk 0.80, fa 0.70, ps 0.67.
# Fifth round: the same (11 of 30, the same per-language figures).
CROSS_LANGUAGE_FLOORS = {"fr": 0.86, "en": 0.90, "ar": 0.90, "es": 0.90, "pt": 0.90, "ro": 0.66,
                         "ru": 0.86, "uk": 0.76, "fa": 0.63, "ps": 0.60}
CROSS_ALL_AGREE = 9


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_real_questions_and_situations_meet_the_floor(stack, language):
    reports = [evaluate_set(stack.rasa_url, d, language, token=stack.rasa_token)
               for d in (REAL_DIR, SITUATIONS_DIR)]
    correct, total = sum(r.correct for r in reports), sum(r.total for r in reports)
    print("\n" + "\n".join(r.summary() for r in reports))
    assert total >= 120
    assert correct / total >= FLOORS[language], "\n".join(r.errors_digest() for r in reports)


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_paraphrases_meet_the_floor(stack, language):
    assert (HELDOUT_DIR / f"{language}.yml").exists()
    report = evaluate_language(stack.rasa_url, language, token=stack.rasa_token)
    print(f"\n{language}: {report.summary()}")
    assert report.intent_accuracy >= PARAPHRASE_FLOORS[language], report.errors_digest()


def test_the_same_situation_gets_the_same_right_in_ten_languages(stack):
    report = evaluate_crosslingual(stack.rasa_url, token=stack.rasa_token)
    print(f"\n{report.summary()}")
    digest = "\n".join(report.misses[:60])
    assert all(report.accuracy(lang) >= CROSS_LANGUAGE_FLOORS[lang] for lang in report.languages), digest
    assert report.all_agree >= CROSS_ALL_AGREE, digest
