"""What the bot says about each entitlement, in plain words (source language: English).

Every string is a gettext message id; translations live in locales/. Placeholders in
%(name)s form are filled after translation with amounts formatted for the person's locale.
Rules for writers: short sentences (20 words at most), one idea each, acronyms spelled out
the first time they appear in a message, the first answer (`summary`) at most 60 words.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import N_


@dataclass(frozen=True)
class BenefitTexts:
    name: str
    summary: str
    eligibility: str
    how_to_apply: str


TEXTS: dict[str, BenefitTexts] = {
    "rsa": BenefitTexts(
        name=N_("RSA (revenu de solidarité active)"),
        summary=N_(
            "The RSA (revenu de solidarité active) is monthly money for people with little "
            "or no income. It is for people aged 25 or more, or younger with a child. "
            "A person alone with no income can get up to %(amount)s a month. "
            "Your other income is taken off."
        ),
        eligibility=N_(
            "You can get the RSA (revenu de solidarité active) if:\n"
            "• you are 25 or older, or you are pregnant, or you have a child;\n"
            "• you live in France for good;\n"
            "• your household income is low.\n"
            "Outside the European Union, you need a residence permit for work held for 5 years. "
            "Refugees do not need this.\n"
            "You must declare your income every three months."
        ),
        how_to_apply=N_(
            "Apply online on caf.fr (or msa.fr if you work in farming).\n"
            "Prepare: an ID or residence permit, your bank details (RIB), "
            "your income of the last 3 months.\n"
            "The social services of your town (CCAS) can help you fill it in.\n"
            "Then declare your income every three months, or the payment stops."
        ),
    ),
    "prime_activite": BenefitTexts(
        name=N_("prime d'activité (work bonus)"),
        summary=N_(
            "The prime d'activité is extra money for people who work and earn a small pay. "
            "It is for people aged 18 or more. The amount depends on your pay and your family. "
            "It starts from a base of %(amount)s a month for a person alone."
        ),
        eligibility=N_(
            "You can get the prime d'activité if:\n"
            "• you are 18 or older;\n"
            "• you work, as an employee or self-employed;\n"
            "• your household income is modest;\n"
            "• you live in France for good.\n"
            "Students and apprentices must earn more than %(student_floor)s a month.\n"
            "You must declare your income every three months."
        ),
        how_to_apply=N_(
            "Apply online on caf.fr (or msa.fr if you work in farming). "
            "It takes about 15 minutes.\n"
            "The caf.fr simulator tells you first how much you may get.\n"
            "Then declare your income every three months, or the payment stops."
        ),
    ),
    "aide_logement": BenefitTexts(
        name=N_("housing aid (APL, aide personnalisée au logement)"),
        summary=N_(
            "Housing aid (APL, aide personnalisée au logement) pays part of your rent each month. "
            "It is for tenants, people in a hostel and some owners with a loan. "
            "The amount depends on your rent, your income and your town. "
            "In Paris, rent is counted up to %(rent_cap)s a month for a person alone."
        ),
        eligibility=N_(
            "You can get housing aid if:\n"
            "• you rent your home, or live in a hostel, or repay a loan for it;\n"
            "• it is your main home, where you live at least 8 months a year;\n"
            "• the home is decent;\n"
            "• your income is modest.\n"
            "Students can get it too. You cannot get it if you are housed for free."
        ),
        how_to_apply=N_(
            "Apply online on caf.fr (or msa.fr), from the month you move in.\n"
            "Prepare: your lease, your rent, your landlord's details, your bank details (RIB).\n"
            "Apply quickly: the aid does not cover the months before you apply."
        ),
    ),
    "css": BenefitTexts(
        name=N_("CSS (complémentaire santé solidaire, free health cover)"),
        summary=N_(
            "The CSS (complémentaire santé solidaire) pays the part of your health costs that "
            "health insurance does not pay. You pay no doctor in advance. "
            "It is free if your income is very low. "
            "Otherwise it costs %(min_participation)s to %(max_participation)s a month per person, "
            "depending on age."
        ),
        eligibility=N_(
            "You can get the CSS (complémentaire santé solidaire) if:\n"
            "• you have health insurance (Assurance Maladie);\n"
            "• you have lived in France for more than 3 months;\n"
            "• your household income over the last 12 months is under a ceiling.\n"
            "If you get the RSA (revenu de solidarité active), you get it for free."
        ),
        how_to_apply=N_(
            "Apply online from your ameli account, or send the paper form to your health insurance "
            "office (CPAM, caisse primaire d'assurance maladie).\n"
            "Prepare: your income of the last 12 months.\n"
            "It lasts one year. Ask to renew it two months before the end."
        ),
    ),
    "aah": BenefitTexts(
        name=N_("AAH (allocation aux adultes handicapés, disability allowance)"),
        summary=N_(
            "The AAH (allocation aux adultes handicapés) is monthly money for adults with a "
            "disability. It can be up to %(amount)s a month. "
            "Your partner's income no longer counts. "
            "You apply to the disability office of your département (MDPH)."
        ),
        eligibility=N_(
            "You can get the AAH (allocation aux adultes handicapés) if:\n"
            "• you are 20 or older (sometimes 16);\n"
            "• your disability rate is at least 80%%, or 50 to 79%% with real trouble finding work;\n"
            "• you live in France for good;\n"
            "• your own income is under a ceiling. Your partner's income does not count."
        ),
        how_to_apply=N_(
            "Fill in the MDPH (maison départementale des personnes handicapées) form. "
            "Add a medical certificate less than 12 months old, an ID and a proof of address.\n"
            "Many MDPH accept it online.\n"
            "A commission decides, in about 4 months. Then the CAF pays."
        ),
    ),
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
            "Asylum seekers get health insurance instead.\n"
            "In an emergency, the hospital treats you even without the AME."
        ),
        how_to_apply=N_(
            "Fill in the AME form and give it to the health insurance office (CPAM, caisse "
            "primaire d'assurance maladie) where you live.\n"
            "Prepare: an ID, proof you have been in France for 3 months, proof of income.\n"
            "The social services of your town (CCAS), associations or the hospital can help.\n"
            "Renew it every year, 2 months before the end."
        ),
    ),
    "domiciliation": BenefitTexts(
        name=N_("an address to receive your mail (domiciliation)"),
        summary=N_(
            "With no stable home, you have the right to a free address to receive your mail. "
            "It is called domiciliation. "
            "With it you can claim your rights, open a bank account and get ID papers. "
            "Ask the social services of your town (CCAS) or an approved association."
        ),
        eligibility=N_(
            "You can get a domiciliation if you have no address where you can receive your mail "
            "safely.\n"
            "It is free. You need a link with the town: you live, work, "
            "get help or have family there."
        ),
        how_to_apply=N_(
            "Go to the social services of your town (CCAS, centre communal d'action sociale) "
            "or an approved association.\n"
            "Fill in the domiciliation form. You will have a short interview.\n"
            "The answer comes within 2 months. A refusal must be written, with its reasons.\n"
            "It lasts one year and can be renewed."
        ),
    ),
}

PAID_BY = {
    "caf_msa": N_("Paid by the CAF (caisse d'allocations familiales) or the MSA (farming)."),
    "cpam": N_("Given by the health insurance office (CPAM)."),
    "mdph_caf": N_("Decided by the MDPH, paid by the CAF or the MSA."),
    "ccas": N_("Given by the social services of your town (CCAS) or an approved association."),
}
