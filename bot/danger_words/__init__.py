"""The danger words of every language, one module per language, read by `bot.safety`.

Each module holds `WORDS`: lower-case regular expressions by word list ("threat", "suicide",
"violence", "child", "medical", "shelter"), matched against folded text (`bot.folding`), so a
pattern is written once in any spelling. Every message is screened against every language, the
bot's own and the ones it is still learning (people mix them, and a person in danger writes in
their own language before any language is chosen). The phrases each language must catch, and
must not, are in `tests/unit/safety_corpus/<lang>.yml`: add a phrase there before a pattern.

Kept specific: a false alarm costs one extra message, a miss can cost a life.
"""

from __future__ import annotations

from bot.danger_words import ar, en, es, fa, fr, ps, pt, ro, ru, uk

# The languages the bot speaks and those in preparation (bot.languages.IN_PREPARATION).
DANGER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    module.__name__.rpartition(".")[2]: module.WORDS for module in (fr, en, ar, es, pt, ro, ru, uk, fa, ps)
}
