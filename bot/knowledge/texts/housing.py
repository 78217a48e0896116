"""What the bot says about a home and its costs: housing aid, moving in or staying, energy,
an address for mail.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
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
    "fsl": BenefitTexts(
        name=N_("FSL (fonds de solidarité pour le logement, housing solidarity fund)"),
        summary=N_(
            "The FSL (fonds de solidarité pour le logement) helps you move into a home or stay in it. "
            "It can pay a deposit, rent arrears, or energy and water bills. "
            "It is a grant or an interest-free loan. "
            "Each département sets its own rules. Ask a social worker."
        ),
        eligibility=N_(
            "You may get help from the FSL (fonds de solidarité pour le logement) if:\n"
            "• you rent, sublet, or live in a hostel or temporary housing (in some départements, "
            "owners too);\n"
            "• you cannot pay the costs of moving in, or of staying in your home;\n"
            "• your income is under the ceiling of your département.\n"
            "Rules, ceilings and amounts change from one département to another."
        ),
        how_to_apply=N_(
            "Ask a social worker. You find one at the social services of your département or "
            "your town hall.\n"
            "The town's social services are called CCAS (centre communal d'action sociale). "
            "The CAF and associations also have social workers.\n"
            "You can also contact the FSL of your département yourself.\n"
            "Prepare: your lease, the unpaid bills or rent, proof of your income.\n"
            "Ask early: do not wait for an eviction or a power cut."
        ),
    ),
    "cheque_energie": BenefitTexts(
        name=N_("chèque énergie (energy voucher)"),
        summary=N_(
            "The chèque énergie helps households with a low income pay for energy: electricity, "
            "gas, fuel oil, wood. It is worth %(minimum)s to %(maximum)s a year. "
            "The amount depends on your income and household. "
            "Most people get it by post, with nothing to do. File a tax return every year."
        ),
        eligibility=N_(
            "You can get the chèque énergie if:\n"
            "• your household income is low, counted with the number of people in your home;\n"
            "• you file a tax return every year, even with no income.\n"
            "It pays energy bills or work to save energy in your home. You cannot exchange it for "
            "cash.\n"
            "It can only be used until a date written on it."
        ),
        how_to_apply=N_(
            "Usually you have nothing to do: the cheque is sent to you by post.\n"
            "Some years, households that are not found automatically must claim it online or by "
            "post. Check the deadline on chequeenergie.gouv.fr.\n"
            "Prepare: an electricity bill less than 3 months old, an ID and your tax notice.\n"
            "To use it, give it to your energy supplier, or pay online on chequeenergie.gouv.fr.\n"
            "A France services office can help you."
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
    "dalo": BenefitTexts(
        name=N_("DALO (droit au logement opposable, a legal right to housing)"),
        summary=N_(
            "The DALO (droit au logement opposable) is a legal appeal to get housing. "
            "It is for people with no home, or in a shelter for a long time. "
            "It is also for unsafe housing, or a very long wait for social housing. "
            "A commission decides; the State must then offer you housing."
        ),
        eligibility=N_(
            "You can use the DALO (droit au logement opposable) if you live in France legally, "
            "in a stable way, and:\n"
            "• you have no home, or you are housed by friends or family;\n"
            "• you must leave your home, with no other housing;\n"
            "• you have lived in a shelter or a hotel for a long time;\n"
            "• your home is unsafe, unhealthy or too small, with a child or a disabled person;\n"
            "• or you asked for social housing long ago and got no offer.\n"
            "The waiting time that counts as too long depends on your département."
        ),
        how_to_apply=N_(
            "Fill in the DALO form. Send it to the commission of your département "
            "(commission de médiation), by registered letter.\n"
            "Add the number of your social housing request, if you have one.\n"
            "The commission answers within 3 months (6 months in and around Paris).\n"
            "If it says yes, the préfet must offer you housing. "
            "Associations can help you fill in the form for free."
        ),
    ),
}
