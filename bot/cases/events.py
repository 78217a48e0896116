"""What happens to a case that someone else must hear about, as an interface given at construction.

The conversation core announces case events through a `CaseEvents` it receives when it is built:
on Telegram the workers' desk (a card in the workers' group), in the console `NoCaseEvents`.
Nothing is assigned afterwards, so a lower layer never calls up into a higher one by a hook.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from typing import Protocol

from bot.db.models import Case


@dataclass(frozen=True)
class PostedErasure:
    """What a channel deleted of the messages it had posted about a person (counts only)."""

    workers_side: int = 0  # in the workers' group and in workers' private chats
    person_side: int = 0  # in the person's own chat
    blanked: int = 0  # too old to delete (Telegram: 48 hours): the text replaced by "(erased)"
    left: int = 0  # too old to delete and no text to blank out (a copied photo): left as it is
    kept: int = 0  # the channel did not confirm: tried again at the next retention run

    def __add__(self, other: PostedErasure) -> PostedErasure:
        return PostedErasure(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


class CaseEvents(Protocol):
    async def case_created(self, case: Case) -> None:
        """A callback request was committed: show it to the workers."""

    async def case_withdrawn(self, case: Case) -> None:
        """The person cancelled an open case (a button of /mycallback): tell the workers."""

    async def person_forgotten(self, pseudonym: str, withdrawn: list[Case],
                               language: str) -> PostedErasure:
        """/forget, after the rows were erased: delete what was posted about the person, then
        tell the workers which cases were withdrawn (a failure to tell them is only logged)."""

    async def case_became_urgent(self, case: Case) -> None:
        """Danger words in an open case: show it as urgent."""


class NoCaseEvents:
    """For a channel with no workers' group (the console): cases are saved, nobody is told."""

    async def case_created(self, case: Case) -> None:
        return None

    async def case_withdrawn(self, case: Case) -> None:
        return None

    async def person_forgotten(self, pseudonym: str, withdrawn: list[Case],
                               language: str) -> PostedErasure:
        return PostedErasure()

    async def case_became_urgent(self, case: Case) -> None:
        return None
