"""The answer to /forget: exactly what was erased, in the person's language, or that it failed.

Counts only, one plain line each, so "0" reads as clearly as "3". Lines about messages that
could not be deleted appear only when there are some.
"""

from __future__ import annotations

from bot.gateway.core.messages import FORGOTTEN
from bot.i18n import N_, Translator
from bot.privacy.erasure import ErasureReport

FORGOTTEN_REQUESTS = N_("• Requests withdrawn: %(count)s")
FORGOTTEN_GROUP = N_("• Messages about you deleted in the outreach workers' group: %(count)s")
FORGOTTEN_CHAT = N_("• Messages from outreach workers deleted in this chat: %(count)s")
FORGOTTEN_HISTORY = N_("• Our conversation history: erased")
FORGOTTEN_BLANKED = N_(
    "• Messages too old to delete (Telegram allows it for 48 hours only), their text replaced "
    "by \"(erased)\": %(count)s")
FORGOTTEN_LEFT = N_("• Messages too old to delete that I could not blank out (a photo, a voice note): "
                    "%(count)s")
FORGOTTEN_KEPT = N_("• Messages Telegram did not let me delete yet (I will try again): %(count)s")
FORGET_FAILED = N_(
    "Sorry, erasing did not work this time. Your data is still there. "
    "Please send /forget again in a few minutes.")


def forgotten(_: Translator, report: ErasureReport) -> str:
    """The heading, then one line per kind of thing erased."""
    posted = report.posted
    lines = [_.gettext(FORGOTTEN),
             _.gettext(FORGOTTEN_REQUESTS, count=report.withdrawn),
             _.gettext(FORGOTTEN_GROUP, count=posted.workers_side)]
    if posted.person_side:
        lines.append(_.gettext(FORGOTTEN_CHAT, count=posted.person_side))
    lines.append(_.gettext(FORGOTTEN_HISTORY))
    if posted.blanked:
        lines.append(_.gettext(FORGOTTEN_BLANKED, count=posted.blanked))
    if posted.left:
        lines.append(_.gettext(FORGOTTEN_LEFT, count=posted.left))
    if posted.kept:
        lines.append(_.gettext(FORGOTTEN_KEPT, count=posted.kept))
    return "\n".join(lines)
