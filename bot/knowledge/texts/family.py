"""What the bot says about children and families.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
    "allocations_familiales": BenefitTexts(
        name=N_("family allowances (allocations familiales)"),
        summary=N_(
            "Family allowances (allocations familiales) are monthly money for families with at "
            "least 2 children under 20. With 2 children, it is %(two_children)s a month at the "
            "full rate. It is less if your income is high. "
            "You must live in France more than 9 months a year."
        ),
        eligibility=N_(
            "You can get family allowances if:\n"
            "• you have at least 2 children under 20 living with you;\n"
            "• you live in France more than 9 months a year;\n"
            "• if you are not from the European Union, you have a valid residence permit.\n"
            "There is no income ceiling, but the amount is smaller for high incomes."
        ),
        how_to_apply=N_(
            "If the CAF (caisse d'allocations familiales) already pays you something, "
            "just declare the birth or arrival of your second child on caf.fr.\n"
            "Otherwise, apply on caf.fr (or msa.fr)."
        ),
    ),
    "complement_familial": BenefitTexts(
        name=N_("complément familial (for families with 3 children or more)"),
        summary=N_(
            "The complément familial helps families with 3 or more children aged 3 to 21, "
            "under an income ceiling. "
            "It is %(amount)s a month, or %(increased)s for lower incomes. "
            "You must live in France more than 9 months a year. Apply on caf.fr."
        ),
        eligibility=N_(
            "You can get the complément familial if:\n"
            "• you have at least 3 children aged 3 or more and under 21;\n"
            "• your income of two years ago is under a ceiling;\n"
            "• you live in France more than 9 months a year;\n"
            "• if you are not from the European Union, you have a valid residence permit.\n"
            "The ceiling is higher if both parents work, or if you raise your children alone.\n"
            "In the overseas departments, other rules apply."
        ),
        how_to_apply=N_(
            "Apply on caf.fr, or on msa.fr if you work in farming.\n"
            "Use the online form for family benefits or a change of situation.\n"
            "File your tax return every year: the CAF (caisse d'allocations familiales) uses it "
            "to check your income.\n"
            "Tell the CAF quickly when a child leaves your home."
        ),
    ),
    "ars": BenefitTexts(
        name=N_("ARS (allocation de rentrée scolaire, back-to-school allowance)"),
        summary=N_(
            "The ARS (allocation de rentrée scolaire) helps pay for the school year. "
            "It is paid in August per child aged 6 to 18, under an income ceiling. "
            "Per child: %(age_6_10)s (6-10), %(age_11_14)s (11-14), %(age_15_18)s (15-18). "
            "From 16, confirm schooling on caf.fr."
        ),
        eligibility=N_(
            "You can get the ARS (allocation de rentrée scolaire) if:\n"
            "• you have a child aged 6 to 18 at school or in an apprenticeship;\n"
            "• your income of two years ago is under a ceiling;\n"
            "• you live in France more than 9 months a year.\n"
            "The child must be 6 before 1 February of the next year, and under 18 on 15 September.\n"
            "Just above the ceiling, you may still get a smaller amount."
        ),
        how_to_apply=N_(
            "Does the CAF (caisse d'allocations familiales) or the MSA already pay you? "
            "Then it comes by itself for children under 16.\n"
            "For a child aged 16 to 18, declare on caf.fr that they are still at school or an "
            "apprentice. Without this, nothing is paid for that child.\n"
            "If the CAF does not know you yet, apply on caf.fr."
        ),
    ),
    "asf": BenefitTexts(
        name=N_("ASF (allocation de soutien familial, support for a child raised alone)"),
        summary=N_(
            "The ASF (allocation de soutien familial) helps people raising a child alone. "
            "This is when the other parent pays little or no child support, has died, "
            "or did not recognise the child. "
            "It is %(amount)s a month per child. Apply to the CAF (caisse d'allocations familiales)."
        ),
        eligibility=N_(
            "You can get the ASF (allocation de soutien familial) if you raise a child and:\n"
            "• the other parent does not pay the child support (pension alimentaire), or pays "
            "less than the ASF;\n"
            "• or the other parent has died, or did not recognise the child.\n"
            "You can also get it if you take in a child. "
            "If neither parent supports the child, it is %(both_parents)s a month.\n"
            "You must live in France more than 9 months a year.\n"
            "If you raise the child alone, it stops when you marry, sign a PACS (civil "
            "partnership) or live as a couple. A couple who takes in a child can get it."
        ),
        how_to_apply=N_(
            "Apply online on caf.fr (or msa.fr if you work in farming). You need a CAF account.\n"
            "Keep the court decision on child support, if there is one.\n"
            "The other parent does not pay? The CAF can claim the money from them for you. "
            "This is the ARIPA service: pension-alimentaire.caf.fr."
        ),
    ),
    "paje": BenefitTexts(
        name=N_("PAJE (prestation d'accueil du jeune enfant, money for a baby)"),
        summary=N_(
            "The PAJE (prestation d'accueil du jeune enfant) helps when a baby comes. "
            "The birth grant is %(birth_grant)s, paid once by the end of the 7th month of pregnancy. "
            "Then the base allowance is up to %(base)s a month, until the child is 3. "
            "Both depend on your income."
        ),
        eligibility=N_(
            "You can get the PAJE (prestation d'accueil du jeune enfant) if:\n"
            "• you are pregnant, or you have or adopt a child under 3;\n"
            "• your household income is under a ceiling;\n"
            "• you live in France more than 9 months a year.\n"
            "For the birth grant, declare the pregnancy before the end of the 14th week.\n"
            "Outside the European Union, you need a residence permit."
        ),
        how_to_apply=N_(
            "Declare your pregnancy to your health insurance office (CPAM) and to the CAF "
            "(caisse d'allocations familiales) before the end of the 14th week.\n"
            "Your doctor or midwife gives you the form or sends it online.\n"
            "If the CAF already knows you, you have nothing else to do.\n"
            "Otherwise, create your account on caf.fr and give your income."
        ),
    ),
    "aeeh": BenefitTexts(
        name=N_("AEEH (allocation d'éducation de l'enfant handicapé, for a disabled child)"),
        summary=N_(
            "The AEEH (allocation d'éducation de l'enfant handicapé) helps parents of a disabled "
            "child under 20. "
            "It is %(base)s a month, with more when care costs a lot or a parent stops working. "
            "Your income does not count. Apply to the disability office (MDPH)."
        ),
        eligibility=N_(
            "You can get the AEEH (allocation d'éducation de l'enfant handicapé) if:\n"
            "• your child is under 20;\n"
            "• the MDPH (maison départementale des personnes handicapées) finds a disability rate "
            "of at least 80%%, or 50 to 79%% with special care or school;\n"
            "• you live in France.\n"
            "There is no income ceiling.\n"
            "An extra amount is paid when care costs a lot, or a parent works less or stops."
        ),
        how_to_apply=N_(
            "Fill in the MDPH (maison départementale des personnes handicapées) form, with a "
            "medical certificate less than 12 months old.\n"
            "Add your costs for the child: care, equipment, hours of work lost.\n"
            "The school or the child's doctor can help you.\n"
            "A commission decides. Then the CAF (caisse d'allocations familiales) pays."
        ),
    ),
}
