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
            "Outside the European Union, you also need a residence permit or a receipt (récépissé).\n"
            "There is no 3-month wait for refugees, asylum seekers and students. "
            "There is none either if you get the RSA (revenu de solidarité active) or the AAH "
            "(allocation aux adultes handicapés).\n"
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
    "aspa": BenefitTexts(
        name=N_("ASPA (allocation de solidarité aux personnes âgées, old-age minimum)"),
        summary=N_(
            "The ASPA (allocation de solidarité aux personnes âgées) is monthly money for people "
            "aged 65 or more. "
            "It tops up a small income to %(amount)s a month for a person alone. "
            "For a couple, it is %(couple)s. Ask your pension fund."
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
            "It stops if you marry, sign a PACS (civil partnership) or live as a couple."
        ),
        how_to_apply=N_(
            "Apply online on caf.fr (or msa.fr if you work in farming). You need a CAF account.\n"
            "Keep the court decision on child support, if there is one.\n"
            "The other parent does not pay? The CAF can claim the money from them for you. "
            "This is the ARIPA service: pension-alimentaire.caf.fr."
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
            "It works even with a banking ban (interdit bancaire) or if you are over-indebted.\n"
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
            "The Banque de France names a bank within 1 working day once your file is complete."
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
            "• you sent your claim to the OFPRA within 21 days (except in the Dublin procedure);\n"
            "• your monthly income is under the RSA (revenu de solidarité active).\n"
            "People with temporary protection, for example from Ukraine, can get it too.\n"
            "Each extra person in the family adds %(per_extra_person)s a day."
        ),
        how_to_apply=N_(
            "You ask for it when your asylum claim is registered, at the one-stop desk (guichet "
            "unique).\n"
            "Accept the reception offered by the OFII (Office français de l'immigration et de "
            "l'intégration). Without it, there is no ADA.\n"
            "The OFII gives you a payment card. The money arrives each month.\n"
            "Go to all appointments and accept the housing offered. Otherwise the ADA can stop.\n"
            "Asylum seekers cannot work during the first 6 months."
        ),
    ),
}

PAID_BY = {
    "caf_msa": N_("Paid by the CAF (caisse d'allocations familiales) or the MSA (farming)."),
    "cpam": N_("Given by the health insurance office (CPAM)."),
    "mdph_caf": N_("Decided by the MDPH, paid by the CAF or the MSA."),
    "ccas": N_("Given by the social services of your town (CCAS) or an approved association."),
    "departement": N_("Given by your département (local council), which sets its own rules."),
    "state_asp": N_("Sent by the State, through the ASP (Agence de services et de paiement)."),
    "carsat_msa": N_("Paid by your pension fund: the Carsat (Assurance retraite) or the MSA (farming)."),
    "france_travail_mission_locale": N_("Given by the Mission locale or France Travail."),
    "crous": N_("Paid by the CROUS (student services), in monthly payments over the school year."),
    "banque_de_france": N_("The Banque de France names a bank that must open your account."),
    "justice": N_("Decided by the legal aid office (BAJ) of the court, paid by the State."),
    "ofii_asp": N_("Decided by the OFII, paid by the ASP (Agence de services et de paiement)."),
}
