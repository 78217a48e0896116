"""What the bot says about everyday needs: food.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
    "aide_alimentaire": BenefitTexts(
        name=N_("food aid (aide alimentaire)"),
        summary=N_(
            "Food aid gives free or very cheap food: food parcels, meals, social grocery shops. "
            "Associations give it, like the Restos du cœur and the Secours populaire. "
            "Your town's social services (CCAS) can also give food vouchers. "
            "Soliguide.fr shows places near you."
        ),
        eligibility=N_(
            "Food aid is for people who cannot buy enough food.\n"
            "• Meals in the street and some food banks ask for nothing: no papers, no proof.\n"
            "• Other places look at your income and expenses. Bring what you have.\n"
            "• Some places need a letter from a social worker first (orientation).\n"
            "You do not need a residence permit."
        ),
        how_to_apply=N_(
            "Today: look on soliguide.fr for meals and food banks near you. "
            "Or call 115 if you also have nowhere to sleep.\n"
            "To get food every week, go to the social services of your town (CCAS) or of your "
            "département.\n"
            "A social worker can send you to a food bank or a social grocery shop.\n"
            "Bring an ID, and proof of income and rent if you have them."
        ),
    ),
}
