"""The NLU part of `make bench`: accuracy in the ten languages, language identification, the
cross-lingual set, and what the model costs (training time, size)."""

from __future__ import annotations

from bot.config import PROJECT_ROOT
from bot.languages import SUPPORTED_LANGUAGES
from tests.crosslingual_eval import evaluate_crosslingual
from tests.language_eval import SCENARIOS, identification_accuracy, other_rate
from tests.nlu_eval import HELDOUT_DIR, REAL_DIR, SITUATIONS_DIR, evaluate_language, evaluate_set

MODEL = PROJECT_ROOT / "models" / "allervers.tar.gz"
TRAINING_SECONDS = PROJECT_ROOT / "models" / "training-seconds"  # written by `make train`


def table(rows: list[list[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


def nlu_section(url: str, token: str) -> str:
    print("held-out NLU accuracy, ten languages...", flush=True)
    real = {lang: evaluate_set(url, REAL_DIR, lang, token=token) for lang in SUPPORTED_LANGUAGES}
    situations = {lang: evaluate_set(url, SITUATIONS_DIR, lang, token=token) for lang in SUPPORTED_LANGUAGES}
    paraphrases = {lang: evaluate_language(url, lang, token=token) for lang in SUPPORTED_LANGUAGES
                   if (HELDOUT_DIR / f"{lang}.yml").exists()}
    cross = evaluate_crosslingual(url, token=token)
    rows = [["language", "real questions", "right-or-intent (real)", "situations",
             "right-or-intent (situations)", "both", "paraphrases: intent", "paraphrases: right"]]
    for lang in SUPPORTED_LANGUAGES:
        r, s, p = real[lang], situations[lang], paraphrases.get(lang)
        both = (r.correct + s.correct) / (r.total + s.total)
        rows.append([lang, str(r.total), f"{r.accuracy:.3f}", str(s.total), f"{s.accuracy:.3f}",
                     f"**{both:.3f}**", f"{p.intent_accuracy:.3f}" if p else "—",
                     f"{p.benefit_accuracy:.3f}" if p else "—"])
    asked = [["set", "language", "asked back", "right among the buttons", "right named: accuracy"]] + [
        [r.name, lang, f"{r.asked_back_rate:.3f}", f"{r.asked_back_with_label}/{r.asked_back}",
         f"{r.named_accuracy:.3f} ({r.named_total})"]
        for reports in (real, situations) for lang, r in reports.items()]
    lid = [["phone language", *SUPPORTED_LANGUAGES]] + [
        [{"own": "the person's", "fr": "French", "none": "none sent"}[scenario],
         *(f"{identification_accuracy(lang, scenario)[0]:.3f}" for lang in SUPPORTED_LANGUAGES)]
        for scenario in SCENARIOS]
    cross_rows = [["", *cross.languages],
                  ["right", *(f"{cross.accuracy(lang):.2f}" for lang in cross.languages)]]
    seconds = TRAINING_SECONDS.read_text().strip() if TRAINING_SECONDS.exists() else None
    training = (f"{int(seconds) // 60} min {int(seconds) % 60} s" if seconds and seconds.isdigit()
                else "not recorded (train with `make train`)")
    few = [real[lang].total for lang in SUPPORTED_LANGUAGES if lang not in ("fr", "en", "ar")]
    size = f"{MODEL.stat().st_size / 2**20:.0f} MiB" if MODEL.exists() else "—"
    return f"""## Understanding people (NLU), on sets never trained on

- **real**: `tests/nlu_real/<lang>.yml`, questions written by people (forums, press quotes) or
  published by public services and associations as questions people ask, each with its source.
  In Spanish, Portuguese, Romanian, Russian, Ukrainian, Dari and Pashto such questions are few in
  public sources ({min(few)} to {max(few)} a language), so the described situations carry most of
  the measurement.
- **situations**: `tests/nlu_situations/<lang>.yml`, situations described without the right's
  name, written apart from the training data (for the seven newer languages, by a non-native hand:
  they await native review).
- **paraphrases**: `tests/nlu_heldout/<lang>.yml`, written with the training data, kept apart
  because they do not predict what real people get.

A question counts as right when the bot would answer about its right (or one a social worker
would also accept), or, for a question labelled with an intent, when the intent is that one.

{table(rows)}

"Asked back": the bot was not sure and asked which right, with its best guesses as buttons
(counted as not right above). "Right named": the questions whose text names their right.

{table(asked)}

### The same 30 situations in ten languages

`tests/nlu_crosslingual.yml`: all ten languages get the same right on **{cross.all_agree} of
{cross.items}** situations.

{table(cross_rows)}

### Which language, from the first message

`bot/language_id.py` on every held-out text above, as a first message, with the phone set to the
person's language, to French, or with no `language_code` at all. Taken for a language the bot does
not speak (an interpreter offered instead of an answer): {other_rate() * 100:.2f} % of them.

{table(lid)}

### The model

Ten languages, {sum(1 for _ in (PROJECT_ROOT / "nlu").glob("*/"))} folders in `nlu/`; last training
on this machine: {training}; model file: {size}.
"""
