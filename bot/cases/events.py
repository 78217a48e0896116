"""What happens to a case that someone else must hear about, as an interface given at construction.

The conversation core announces case events through a `CaseEvents` it receives when it is built:
on Telegram the workers' desk (a card in the workers' group), in the console `NoCaseEvents`.
Nothing is assigned afterwards, so a lower layer never calls up into a higher one by a hook.
"""

from __future__ import annotations

from typing import Protocol

from bot.db.models import Case


class CaseEvents(Protocol):
    async def case_created(self, case: Case) -> None:
        """A callback request was committed: show it to the workers."""

    async def case_withdrawn(self, case: Case) -> None:
        """The person cancelled an open case (button or /forget): tell the workers."""

    async def case_became_urgent(self, case: Case) -> None:
        """Danger words in an open case: show it as urgent."""


class NoCaseEvents:
    """For a channel with no workers' group (the console): cases are saved, nobody is told."""

    async def case_created(self, case: Case) -> None:
        return None

    async def case_withdrawn(self, case: Case) -> None:
        return None

    async def case_became_urgent(self, case: Case) -> None:
        return None
