"""The reassurance message: for people who distrust institutions, what asking costs and who
sees what. Reachable from the menu ("Is it safe to ask?") and by asking in one's own words."""

from __future__ import annotations

from bot.config import Settings
from bot.i18n import N_
from bot.nlg.render import Context, Reply, human_button, response, rights_button


@response("utter_reassurance")
def reassurance(ctx: Context) -> Reply:
    """For people who distrust institutions: what asking costs, who sees what."""
    days = ctx.arguments.get("retention_days") or Settings().retention_days
    return Reply(
        ctx._.gettext(
            N_(
                "Asking here is free and safe.\n"
                "• You do not need to give your name.\n"
                "• Asking does not report you to anyone: not the CAF, not the police, not the "
                "préfecture.\n"
                "• No office sees your messages. They are deleted after %(days)s days, "
                "or at once if you send /forget.\n"
                "• An outreach worker reads this chat only if you ask for one.\n"
                "• Your phone number is kept only if you agree, and deleted after the call.\n"
                "• Applying for a right is free. No one may ask you for money for it."
            ),
            days=days,
        ),
        [rights_button(ctx), human_button(ctx)],
    )
