"""What the bot says about a bank account and legal aid.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
    "droit_au_compte": BenefitTexts(
        name=N_("right to a bank account (droit au compte)"),
        summary=N_(
            "Everyone who lives in France has the right to a bank account. "
            "If a bank says no, ask it for a refusal letter. "
            "The Banque de France then names a bank that must open one for you. "
            "The basic services are free. It works even with a banking ban or debts."
        ),
        eligibility=N_(
            "You can use the right to a bank account if:\n"
            "• you live in France, or you are French and live abroad;\n"
            "• you have no bank account in France.\n"
            "It works even if you are banned from writing cheques (interdit bancaire), "
            "or if you have more debts than you can pay (surendettement).\n"
            "These basic services are free:\n"
            "• a payment card;\n"
            "• transfers and direct debits;\n"
            "• cash in and out at the bank counter;\n"
            "• 2 bank cheques a month."
        ),
        how_to_apply=N_(
            "Ask a bank to open an account. If it says no, ask for a refusal letter. It is free.\n"
            "No answer within 15 days counts as a refusal.\n"
            "The bank can send your request to the Banque de France. "
            "Or you go to a Banque de France office yourself.\n"
            "Prepare:\n"
            "• an ID;\n"
            "• a proof of address less than 3 months old, or a domiciliation certificate;\n"
            "• the refusal letter;\n"
            "• a signed statement that you have no other account.\n"
            "The Banque de France names a bank within 1 working day (not a weekend or a public "
            "holiday) once your file is complete."
        ),
    ),
    "aide_juridictionnelle": BenefitTexts(
        name=N_("legal aid (aide juridictionnelle)"),
        summary=N_(
            "Legal aid (aide juridictionnelle) pays all or part of your lawyer and court costs. "
            "It is for people with a low income and few savings. "
            "The State pays 100%%, 55%% or 25%% of the costs, depending on your income. "
            "Apply online or at the court near your home."
        ),
        eligibility=N_(
            "You can get legal aid (aide juridictionnelle) if:\n"
            "• your income and your savings are low (the ceilings change each year);\n"
            "• you need a lawyer, or you have a case before a court;\n"
            "• no insurance already pays these costs (legal protection insurance).\n"
            "Victims of the most serious crimes get it whatever their income."
        ),
        how_to_apply=N_(
            "Apply online on aidejuridictionnelle.justice.fr, with FranceConnect. "
            "A simulator tells you first if you can get it.\n"
            "Or fill in the paper form. Give it to the legal aid office (BAJ, bureau d'aide "
            "juridictionnelle) of the court near your home.\n"
            "Prepare: your latest tax notice, an ID, and the papers of your case.\n"
            "Without a home, apply to the court of the place of your domiciliation."
        ),
    ),
}
