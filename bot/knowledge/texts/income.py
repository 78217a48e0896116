"""What the bot says about money to live on: income support, work, disability, old age,
asylum, young people, students.

Rules for writers: see bot/knowledge/texts/__init__.py.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts.model import BenefitTexts

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
            "• or you are 18 to 24 and have worked 3,214 hours in the last 3 years "
            "(about 2 years full time);\n"
            "• you live in France in a stable way, most of the year;\n"
            "• your household income is low.\n"
            "Outside the European Union, you need a residence permit for work held for 5 years. "
            "Refugees, people with subsidiary protection, stateless people and holders of a 10-year "
            "resident card (carte de résident) do not need this.\n"
            "You must declare your income every three months."
        ),
        how_to_apply=N_(
            "Apply online on caf.fr (or msa.fr if you work in farming).\n"
            "Prepare: an ID or residence permit, your bank details (RIB), "
            "your income of the last 3 months.\n"
            "The social services of your town (CCAS) can help you fill it in.\n"
            "When you ask for the RSA, you are registered with France Travail. "
            "With an adviser, you sign a plan called a contrat d'engagement.\n"
            "It usually means 15 to 20 hours of activities a week: training, workshops, job search, "
            "help with health or housing.\n"
            "Some people do fewer hours or none, for example for health, disability or a young "
            "child without childcare. Tell your adviser.\n"
            "Then declare your income every three months, or the payment stops."
        ),
    ),
    "prime_activite": BenefitTexts(
        name=N_("prime d'activité (work bonus)"),
        summary=N_(
            "The prime d'activité is extra money for people who work and earn a small pay. "
            "It is for people aged 18 or more. The amount depends on your pay and your family, "
            "and is often smaller than people think. "
            "The estimate can tell you how much you may get."
        ),
        eligibility=N_(
            "You can get the prime d'activité if:\n"
            "• you are 18 or older;\n"
            "• you work, as an employee or self-employed;\n"
            "• your household income is modest;\n"
            "• you live in France in a stable way, most of the year.\n"
            "Outside the European Union, you need a residence permit for work held for 5 years. "
            "Refugees do not need this.\n"
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
            "• you live in France in a stable way, most of the year;\n"
            "• your own income is under a ceiling. Your partner's income does not count."
        ),
        how_to_apply=N_(
            "Fill in the MDPH (maison départementale des personnes handicapées) form. "
            "Add a medical certificate less than 12 months old, an ID and a proof of address.\n"
            "Many MDPH accept it online.\n"
            "A commission decides, in about 4 months. Then the CAF pays."
        ),
    ),
    "aspa": BenefitTexts(
        name=N_("ASPA (allocation de solidarité aux personnes âgées, the minimum vieillesse)"),
        summary=N_(
            "The ASPA (allocation de solidarité aux personnes âgées) is often called the "
            "minimum vieillesse. It is monthly money for people aged 65 or more. "
            "It tops up a small income to %(amount)s a month for a person alone. "
            "For a couple, it is %(couple)s."
        ),
        eligibility=N_(
            "You can get the ASPA (allocation de solidarité aux personnes âgées) if:\n"
            "• you are 65 or older, or have reached retirement age and cannot work for health "
            "reasons;\n"
            "• you live in France more than 9 months a year;\n"
            "• your income is under a ceiling;\n"
            "• you have first asked for all the pensions you have a right to.\n"
            "Outside the European Union, you need a residence permit for work held for 10 years. "
            "Refugees do not need this.\n"
            "You cannot get it together with the AAH (allocation aux adultes handicapés).\n"
            "After your death, part of it may be taken back from what you leave, above a "
            "certain amount."
        ),
        how_to_apply=N_(
            "Ask your pension fund: the Assurance retraite (Carsat), or the MSA if you worked in "
            "farming.\n"
            "You never paid into a French pension? Ask your town hall (mairie). "
            "It sends your claim to the SASPA, a service of the Caisse des dépôts.\n"
            "Fill in the ASPA form, or call 39 60 for help.\n"
            "Prepare:\n"
            "• your tax notice (avis d'impôt);\n"
            "• two proofs of address;\n"
            "• your partner's tax notice, if you live as a couple.\n"
            "If you are housed by someone or have no home, a signed statement can replace the "
            "proofs of address.\n"
            "Ask for all your pensions first, or the ASPA can be refused."
        ),
    ),
    "cej": BenefitTexts(
        name=N_("CEJ (contrat d'engagement jeune, help to find work)"),
        summary=N_(
            "The CEJ (contrat d'engagement jeune) helps young people aged 16 to 25 find a job "
            "or a training course. You get an adviser and 15 to 20 hours of activities a week. "
            "You can get a monthly allowance, depending on your income. "
            "Go to your Mission locale or France Travail."
        ),
        eligibility=N_(
            "You can get the CEJ (contrat d'engagement jeune) if:\n"
            "• you are 16 to 25, or up to 29 if you are recognised as a disabled worker;\n"
            "• you have no job, and you are not studying or in training;\n"
            "• you find it hard to get a lasting job.\n"
            "It lasts 6 to 12 months. To keep the allowance, you must take part in the activities.\n"
            "The allowance is lower if you have other income.\n"
            "You usually cannot get it with the RSA (revenu de solidarité active) or the prime "
            "d'activité."
        ),
        how_to_apply=N_(
            "Go to your Mission locale (the local office for young people) or to a France Travail "
            "office.\n"
            "An adviser looks at your situation with you. Then you sign the contract together.\n"
            "Bring an ID and your bank details (RIB) for the allowance."
        ),
    ),
    "bourse_crous": BenefitTexts(
        name=N_("student grant (bourse sur critères sociaux)"),
        summary=N_(
            "The student grant (bourse sur critères sociaux) is monthly money for students "
            "whose parents have a modest income. "
            "The CROUS (centre régional des œuvres universitaires et scolaires) pays it. "
            "The amount depends on your parents' income and your family. "
            "Apply each spring with the Dossier social étudiant."
        ),
        eligibility=N_(
            "You can get a student grant if:\n"
            "• you study in higher education, in a course open to grants;\n"
            "• you are under 28 the first time you get it (this can be extended in some cases);\n"
            "• your parents' income of two years ago is under a ceiling.\n"
            "Your family situation also counts.\n"
            "You can get it 7 times at most.\n"
            "If you are not from the European Union, extra conditions apply."
        ),
        how_to_apply=N_(
            "Fill in the Dossier social étudiant (DSE) on messervices.etudiant.gouv.fr.\n"
            "Do it every year, usually between March and May.\n"
            "Do not wait to know your university or school: you can apply before.\n"
            "Prepare your parents' tax notice (avis d'impôt)."
        ),
    ),
    "ada": BenefitTexts(
        name=N_("ADA (allocation pour demandeur d'asile, asylum seeker's allowance)"),
        summary=N_(
            "The ADA (allocation pour demandeur d'asile) is money for asylum seekers while their "
            "claim is examined. A person alone gets %(per_day)s a day. "
            "If no housing is offered, it is %(not_housed)s more a day. "
            "Ask for it when you register your asylum claim."
        ),
        eligibility=N_(
            "You can get the ADA (allocation pour demandeur d'asile) if:\n"
            "• you are 18 or older;\n"
            "• you have the asylum claim certificate (attestation de demande d'asile);\n"
            "• you accepted the reception offered by the OFII (Office français de l'immigration "
            "et de l'intégration);\n"
            "• you sent your claim to the OFPRA within 21 days. This does not apply in the Dublin "
            "procedure, when another European country must examine your claim;\n"
            "• your monthly income is under the RSA (revenu de solidarité active).\n"
            "People with temporary protection, for example from Ukraine, can get it too.\n"
            "Each extra person in the family adds %(per_extra_person)s a day."
        ),
        how_to_apply=N_(
            "You ask for it when your asylum claim is registered. This is at the préfecture's "
            "one-stop desk for asylum seekers (guichet unique).\n"
            "Accept the reception offered by the OFII (Office français de l'immigration et de "
            "l'intégration). Without it, there is no ADA.\n"
            "The OFII gives you a payment card. The money arrives each month.\n"
            "Go to all appointments and accept the housing offered. Otherwise the ADA can stop.\n"
            "Asylum seekers cannot work during the first 6 months."
        ),
    ),
}
