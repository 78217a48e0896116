"""What the bot says about health cover: with or without papers.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
    "css": BenefitTexts(
        name=N_("C2S (complémentaire santé solidaire, health cover for a low income)"),
        summary=N_(
            "The C2S (complémentaire santé solidaire) pays the part of your health costs that "
            "health insurance does not pay. You pay no doctor in advance. "
            "It is free if your income is very low. "
            "Otherwise it costs %(min_participation)s to %(max_participation)s a month per person, "
            "depending on age."
        ),
        eligibility=N_(
            "You can get the C2S (complémentaire santé solidaire) if:\n"
            "• you have health insurance (Assurance Maladie);\n"
            "• you have lived in France for more than 3 months;\n"
            "• your household income over the last 12 months is under a ceiling.\n"
            "If you get the RSA (revenu de solidarité active), you get it for free.\n"
            "It is free, or costs a small share each month: it depends on your income."
        ),
        how_to_apply=N_(
            "Apply online from your ameli account, or send the paper form to your health insurance "
            "office (CPAM, caisse primaire d'assurance maladie).\n"
            "Prepare: your income of the last 12 months.\n"
            "It lasts one year. Ask to renew it 2 to 4 months before the end.\n"
            "If you get the RSA, the ASPA (minimum vieillesse) or the ASI (allocation "
            "supplémentaire d'invalidité), it renews by itself."
        ),
    ),
    "puma": BenefitTexts(
        name=N_("PUMa (protection universelle maladie, health insurance)"),
        summary=N_(
            "The PUMa (protection universelle maladie) is the basic health insurance. "
            "It pays back a large part of your doctor, hospital and medicine costs. "
            "It is for people who work in France, or live here in a stable, regular way. "
            "It is free for most people. Ask your health insurance office (CPAM)."
        ),
        eligibility=N_(
            "You can get the PUMa (protection universelle maladie) if:\n"
            "• you work in France; or\n"
            "• you have lived in France for more than 3 months without a break. "
            "After that, you must live here at least 6 months a year.\n"
            "Outside the European Union, you also need a residence permit or the paper that proves "
            "you asked for one (récépissé).\n"
            "There is no 3-month wait for refugees, students and children. "
            "There is none either if you get the RSA (revenu de solidarité active) or the AAH "
            "(allocation aux adultes handicapés).\n"
            "Adult asylum seekers must wait 3 months. Until then, the hospital gives urgent care "
            "(soins urgents), and its free care desk (PASS) can see you.\n"
            "Children are covered through a parent.\n"
            "Without a residence permit, ask for the AME (aide médicale de l'État) instead."
        ),
        how_to_apply=N_(
            "If you work, your employer registers you. You have nothing to do.\n"
            "Otherwise, ask for the form to open your rights at the health insurance office where "
            "you live. It is the CPAM (caisse primaire d'assurance maladie).\n"
            "Prepare:\n"
            "• an ID, and your residence permit if you are not from the European Union;\n"
            "• proof that you have lived in France for 3 months: lease, bills, or domiciliation "
            "certificate;\n"
            "• your bank details (RIB).\n"
            "Without a home, use the address of your domiciliation.\n"
            "The social services of your town (CCAS), associations or a hospital social worker "
            "can help."
        ),
    ),
    "ame": BenefitTexts(
        name=N_("AME (aide médicale de l'État, health cover without papers)"),
        summary=N_(
            "The AME (aide médicale de l'État) pays for doctors, hospital and medicines for "
            "people without a residence permit. It is free. "
            "You need to have lived in France for more than 3 months, with a low income. "
            "It lasts one year."
        ),
        eligibility=N_(
            "You can get the AME (aide médicale de l'État) if:\n"
            "• you live in France without a residence permit;\n"
            "• you have been in France for more than 3 months (no wait for children);\n"
            "• your income is low.\n"
            "Asylum seekers do not get the AME. They get health insurance (PUMa) after 3 months "
            "in France; children get it at once.\n"
            "In an emergency, the hospital treats you even without the AME (soins urgents). "
            "Its free care desk (PASS) can see you too."
        ),
        how_to_apply=N_(
            "Fill in the AME form and give it to the health insurance office (CPAM, caisse "
            "primaire d'assurance maladie) where you live.\n"
            "Prepare: an ID, proof you have been in France for 3 months, proof of income.\n"
            "The social services of your town (CCAS), associations or the hospital can help.\n"
            "Renew it every year, 2 months before the end."
        ),
    ),
    "soins_urgents": BenefitTexts(
        name=N_("urgent care while you wait for health cover (soins urgents, PASS)"),
        summary=N_(
            "You are sick and have no health cover yet? Public hospitals must give you urgent care. "
            "This covers serious illness, pregnancy and children. "
            "The hospital's free care desk (PASS) sees you and gives medicines. "
            "It also helps you ask for your health cover."
        ),
        eligibility=N_(
            "You can get this care if you have no health cover yet, for example:\n"
            "• you asked for asylum less than 3 months ago (adults wait 3 months for health "
            "insurance; children do not);\n"
            "• you have no papers and have been in France for less than 3 months;\n"
            "• your claim for health cover is not answered yet.\n"
            "Urgent care is care without which your life or health would be in danger. "
            "Care for pregnancy and for children always counts."
        ),
        how_to_apply=N_(
            "Go to a public hospital and ask for the PASS (permanence d'accès aux soins de "
            "santé). It is free.\n"
            "In an emergency, go to the emergency department, or call 15.\n"
            "Bring any paper you have: ID, asylum paper, proof of address. "
            "You will not be refused without them.\n"
            "A social worker at the hospital helps you ask for your health cover."
        ),
    ),
}
