"""What the bot says about losing a job: unemployment benefit, its solidarity follow-up, and the
Christmas bonus paid to people on minimum benefits.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
    "are": BenefitTexts(
        name=N_("ARE (allocation d'aide au retour à l'emploi, unemployment benefit)"),
        summary=N_(
            "The ARE (allocation d'aide au retour à l'emploi) is the unemployment benefit. "
            "It is for people who lost their job and worked at least 6 months in the last 2 years. "
            "It is a share of your past pay. "
            "Register with France Travail as soon as your job ends."
        ),
        eligibility=N_(
            "You can get the ARE (allocation d'aide au retour à l'emploi) if:\n"
            "• you worked at least 6 months in the last 24 months (36 months if you are 55 or older);\n"
            "• you did not choose to lose your job: dismissal, end of a fixed-term contract, "
            "or a break agreed with your employer (rupture conventionnelle);\n"
            "• you live in France and you look for work;\n"
            "• you have not reached retirement age.\n"
            "If you resigned, you usually get nothing, except for some reasons. Ask France Travail."
        ),
        how_to_apply=N_(
            "The day your job ends:\n"
            "• register on francetravail.fr, or call 3949;\n"
            "• keep the papers your employer gives you: work certificate (certificat de travail), "
            "final pay slip (solde de tout compte) and employer certificate (attestation employeur).\n"
            "Register within 12 months, or you lose your rights.\n"
            "Payment starts after a wait of at least 7 days.\n"
            "Each month, tell France Travail if you are still looking for work (actualisation)."
        ),
    ),
    "ass": BenefitTexts(
        name=N_("ASS (allocation de solidarité spécifique, after unemployment benefit ends)"),
        summary=N_(
            "The ASS (allocation de solidarité spécifique) is money for job seekers whose "
            "unemployment benefit has ended. "
            "You must have worked 5 years in the 10 years before your job ended. "
            "It is %(per_day)s a day at most. France Travail pays it."
        ),
        eligibility=N_(
            "You can get the ASS (allocation de solidarité spécifique) if:\n"
            "• your unemployment benefit (ARE, allocation d'aide au retour à l'emploi) has ended;\n"
            "• you worked at least 5 years in the 10 years before your last job ended;\n"
            "• you are looking for work;\n"
            "• your household income is under a ceiling.\n"
            "Otherwise, ask about the RSA (revenu de solidarité active)."
        ),
        how_to_apply=N_(
            "When your unemployment benefit ends, France Travail sends you the ASS form, "
            "or looks at your rights itself.\n"
            "Nothing received? Ask your adviser or call 3949.\n"
            "Prepare your work certificates for the last 10 years and your income.\n"
            "Each month, tell France Travail that you are still looking for work (actualisation)."
        ),
    ),
    "prime_noel": BenefitTexts(
        name=N_("Christmas bonus (prime de Noël)"),
        summary=N_(
            "The Christmas bonus (prime de Noël) is paid once, in the middle of December. "
            "It is for people who get the RSA (revenu de solidarité active), the ASS (allocation "
            "de solidarité spécifique) or the AER (allocation équivalent retraite). "
            "A person alone gets %(amount)s, more with a family. "
            "You have nothing to do: it comes by itself."
        ),
        eligibility=N_(
            "You get the Christmas bonus (prime de Noël) if you got one of these for November or "
            "December:\n"
            "• the RSA (revenu de solidarité active);\n"
            "• the ASS (allocation de solidarité spécifique);\n"
            "• the AER (allocation équivalent retraite).\n"
            "With the RSA, the amount grows with the size of your family.\n"
            "The prime d'activité alone does not give it."
        ),
        how_to_apply=N_(
            "There is nothing to ask for. It is paid by itself, around 15 December.\n"
            "With the RSA, the CAF (caisse d'allocations familiales) or the MSA pays it. "
            "With the ASS or the AER, France Travail pays it.\n"
            "Nothing came? Check your RSA or ASS for November, then ask your CAF or France Travail."
        ),
    ),
}
