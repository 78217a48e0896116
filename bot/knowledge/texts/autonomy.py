"""What the bot says about living with a disability or with age: help at home, equipment, care.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
    "pch": BenefitTexts(
        name=N_("PCH (prestation de compensation du handicap, help for a disability)"),
        summary=N_(
            "The PCH (prestation de compensation du handicap) pays for what a disability makes "
            "necessary. This can be a helper at home, equipment, or changes to your home or car. "
            "Your income does not decide if you get it. "
            "Apply to the disability office (MDPH)."
        ),
        eligibility=N_(
            "You can get the PCH (prestation de compensation du handicap) if:\n"
            "• because of your disability, you cannot do one everyday act at all, or two acts are "
            "very hard (washing, dressing, moving, speaking…);\n"
            "• it lasts at least one year;\n"
            "• it started before you were 60 (or you still work).\n"
            "Children can get it too, with the AEEH (allocation d'éducation de l'enfant handicapé).\n"
            "Your income does not stop it, but a high income lowers the share paid."
        ),
        how_to_apply=N_(
            "Fill in the MDPH (maison départementale des personnes handicapées) form. "
            "It is the same form as for the AAH (allocation aux adultes handicapés).\n"
            "Add a medical certificate less than 12 months old, an ID and a proof of address.\n"
            "A team visits or calls you to see what you need. A commission decides.\n"
            "Then your département pays."
        ),
    ),
    "apa": BenefitTexts(
        name=N_("APA (allocation personnalisée d'autonomie, help for older people)"),
        summary=N_(
            "The APA (allocation personnalisée d'autonomie) helps people aged 60 or more who "
            "need help in daily life. "
            "It pays part of a helper at home, or of the costs of a care home (EHPAD). "
            "There is no income ceiling: you pay a share if your income is higher."
        ),
        eligibility=N_(
            "You can get the APA (allocation personnalisée d'autonomie) if:\n"
            "• you are 60 or older;\n"
            "• you need help for daily acts, like washing, dressing or eating;\n"
            "• you live in France legally, in a stable way.\n"
            "A team measures how much help you need, on a scale of 1 to 6 (GIR). "
            "Levels 1 to 4 open the APA.\n"
            "There is no income ceiling. Your family does not have to pay it back."
        ),
        how_to_apply=N_(
            "Ask your département (conseil départemental) for the APA form. "
            "The town hall, the CCAS (centre communal d'action sociale) or a doctor can help.\n"
            "Send it with an ID, your tax notice and your bank details (RIB).\n"
            "A team visits you at home and proposes a plan of help.\n"
            "In a care home, ask the home: it often does the claim with you."
        ),
    ),
}
