"""What the bot says about each entitlement, in plain words (source language: English).

Every string is a gettext message id; translations live in locales/. Placeholders in
%(name)s form are filled after translation with amounts formatted for the person's locale.
Rules for writers: short sentences (20 words at most), one idea each, acronyms spelled out
the first time they appear in a message, the first answer (`summary`) at most 60 words.

One module per group of rights; a new right goes in the module of its group (or a new one, listed
below), under its knowledge-base id. tests/unit/test_checklist.py fails until it is here.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.knowledge.texts import (
    autonomy,
    banking_and_justice,
    daily_needs,
    family,
    health,
    housing,
    income,
    unemployment,
)
from bot.knowledge.texts.model import BenefitTexts

TEXTS: dict[str, BenefitTexts] = {
    **income.TEXTS,
    **housing.TEXTS,
    **health.TEXTS,
    **family.TEXTS,
    **banking_and_justice.TEXTS,
    **unemployment.TEXTS,
    **autonomy.TEXTS,
    **daily_needs.TEXTS,
}

PAID_BY = {
    "caf_msa": N_("Paid by the CAF (caisse d'allocations familiales) or the MSA (farming)."),
    "cpam": N_("Given by the health insurance office (CPAM)."),
    "mdph_caf": N_("Decided by the MDPH, paid by the CAF or the MSA."),
    "ccas": N_("Given by the social services of your town (CCAS) or an approved association."),
    "departement": N_("Given by your département (local council), which sets its own rules."),
    "state_asp": N_("Sent by the State, through the ASP (Agence de services et de paiement)."),
    "carsat_msa": N_(
        "Paid by your pension fund: the Carsat (Assurance retraite) or the MSA (farming). "
        "Without a French pension: the SASPA (Caisse des dépôts), through your town hall."
    ),
    "france_travail_mission_locale": N_("Given by the Mission locale or France Travail."),
    "crous": N_("Paid by the CROUS (student services), in monthly payments over the school year."),
    "banque_de_france": N_("The Banque de France names a bank that must open your account."),
    "justice": N_("Decided by the legal aid office (BAJ) of the court, paid by the State."),
    "ofii_asp": N_("Decided by the OFII, paid by the ASP (Agence de services et de paiement)."),
    "caf_or_france_travail": N_(
        "Paid by the CAF (caisse d'allocations familiales) or the MSA with the RSA, "
        "or by France Travail with the ASS or the AER."
    ),
    "france_travail": N_("Paid by France Travail (formerly Pôle emploi)."),
    "mdph_departement": N_("Decided by the MDPH, paid by your département (local council)."),
    "departement_national": N_("Decided and paid by your département (local council), under national rules."),
    "ccas_associations": N_(
        "Given by associations (food banks, Restos du cœur, Secours populaire…) and by the social "
        "services of your town (CCAS)."
    ),
    "dalo_commission": N_(
        "Decided by a commission of your département (commission de médiation). "
        "Then the préfet must offer you housing."
    ),
    "hospital_state": N_("Given by public hospitals; the State pays the costs."),
}

# The menu of rights, by what people need: thirty buttons at once are too many on a phone.
# Every right is in exactly one group (tests/unit/knowledge/test_base.py).
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "money": (N_("Money to live on"),
              ("rsa", "prime_activite", "prime_noel", "cej", "bourse_crous", "ada")),
    "job": (N_("Lost my job"), ("are", "ass")),
    "housing": (N_("Housing, energy, an address"),
                ("aide_logement", "fsl", "dalo", "domiciliation", "cheque_energie")),
    "health": (N_("Health care"), ("puma", "css", "ame", "soins_urgents")),
    "family": (N_("Children and family"),
               ("allocations_familiales", "paje", "complement_familial", "ars", "asf", "aeeh")),
    "age_disability": (N_("Disability, old age"), ("aah", "pch", "aspa", "apa")),
    "daily": (N_("Food, bank, lawyer"), ("aide_alimentaire", "droit_au_compte", "aide_juridictionnelle")),
}
