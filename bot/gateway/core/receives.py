"""Counting what the bot answered, and the non-recours question after an estimate.

Rasa's replies carry a `custom` mark put there by the NLG (bot/nlg/render.py, estimate.py): an
answer about a new right, or an estimate result with its likely rights. The gateway counts them
in the anonymous tallies (bot/db/tallies.py) — the right and the language, never the person —
and after an estimate asks once, for each likely right, "Do you already receive it?". A "No" is
a right the person probably has and does not get: the bot's measure of non-recours in /stats.

```mermaid
flowchart LR
  E[estimate result: likely RSA, CSS] --> Q1[RSA: do you already receive it? Yes / No / I don't know]
  Q1 -- any answer, counted --> Q2[CSS: do you already receive it?] -- any answer, counted --> T[Thank you]
```
"""

from __future__ import annotations

from typing import Any

from bot.buttons import Receives, ReceivesAnswer
from bot.db.tallies import Tallies, TallyKind
from bot.gateway.core.messages import Outgoing, OutgoingButton
from bot.i18n import N_, Translator
from bot.nlg.render import SHORT_NAMES

QUESTION = N_("%(right)s: do you already receive it?")
ANSWERS: dict[Receives, str] = {"y": N_("Yes"), "n": N_("No"), "u": N_("I don't know")}
THANKS = N_("Thank you. This helps us see which rights people miss. Nothing about you is kept.")
KINDS: dict[Receives, TallyKind] = {"y": "receives", "n": "not_rcv", "u": "rcv_unsure"}


def question(language: str, rights: tuple[str, ...]) -> Outgoing:
    """"Do you already receive it?" about `rights[0]`; the others ride along in the buttons."""
    _ = Translator(language)
    return Outgoing(_.gettext(QUESTION, right=_.gettext(SHORT_NAMES[rights[0]])),
                    [OutgoingButton(_.gettext(label), ReceivesAnswer.fitting(answer, rights).encode())
                     for answer, label in ANSWERS.items()])


async def count_replies(tallies: Tallies, messages: list[dict[str, Any]], language: str) -> list[Outgoing]:
    """Count the marked replies; after an estimate with likely rights, the first question."""
    questions: list[Outgoing] = []
    for message in messages:
        custom = message.get("custom")
        if not isinstance(custom, dict):
            continue
        if custom.get("tally") == "asked" and custom.get("right") in SHORT_NAMES:
            await tallies.record("asked", right=str(custom["right"]), language=language)
        elif custom.get("tally") == "estimate":
            likely = tuple(dict.fromkeys(r for r in custom.get("likely") or [] if r in SHORT_NAMES))
            await tallies.record("estimate", language=language)
            if likely:
                await tallies.record("likely", rights=likely, language=language)
                questions.append(question(language, likely))
    return questions


async def answer(tallies: Tallies, button: ReceivesAnswer, language: str) -> Outgoing:
    """Count the answer about `button.rights[0]`; then the next right's question, or thanks."""
    await tallies.record(KINDS[button.answer], right=button.rights[0], language=language)
    if len(button.rights) > 1:
        return question(language, button.rights[1:])
    return Outgoing(Translator(language).gettext(THANKS))
