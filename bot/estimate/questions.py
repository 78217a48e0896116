"""The estimate form: its 8 questions, the button answers they accept, and how the answers
become an `Answers` value. Shared by the NLG (buttons), the payload check (forged data) and
the actions (validation, computation), so the three never disagree.

Each answer is a short value carried in a button payload: `/inform{"est_age":"25_64"}`.
"unknown" ("I don't know") is accepted everywhere and means the question was skipped.
"""

from __future__ import annotations

from decimal import Decimal

from bot.estimate.answers import Answers
from bot.i18n import N_

UNKNOWN = "unknown"

# slot -> {value: button label}; the order is the order of the questions.
QUESTIONS: dict[str, dict[str, str]] = {
    "est_age": {"18_24": N_("18 to 24"), "25_64": N_("25 to 64"), "65_plus": N_("65 or more")},
    "est_household": {"alone": N_("Alone"), "couple": N_("As a couple")},
    "est_children": {
        "none": N_("No child"),
        "one_small": N_("1 child under 3"),
        "one": N_("1 child aged 3 or more"),
        "two": N_("2 children"),
        "three": N_("3 children"),
        "four_plus": N_("4 children or more"),
    },
    "est_work_income": {
        "w0": N_("No pay"),
        "w500": N_("Under 700 €"),
        "w900": N_("700 to 1,100 €"),
        "w1300": N_("1,100 to 1,500 €"),
        "w1800": N_("1,500 to 2,200 €"),
        "w2600": N_("More than 2,200 €"),
    },
    "est_other_income": {
        "none": N_("None"),
        "unemployment_low": N_("Unemployment benefit under 800 €"),
        "unemployment_high": N_("Unemployment benefit over 800 €"),
        "pension_low": N_("Pension under 900 €"),
        "pension_high": N_("Pension over 900 €"),
    },
    "est_housing": {
        "rent_low": N_("Tenant, rent under 400 €"),
        "rent_mid": N_("Tenant, rent 400 to 700 €"),
        "rent_high": N_("Tenant, rent over 700 €"),
        "free": N_("Housed for free (family, friends)"),
        "homeless": N_("No home"),
        "owner": N_("Owner"),
    },
    "est_postcode": {},  # typed: a postcode, or the "I don't know" button
    "est_residence": {
        "french_eu": N_("French or European"),
        "refugee": N_("Refugee or subsidiary protection"),
        "permit_5y_plus": N_("Residence permit for 5 years or more"),
        "permit_less_5y": N_("Residence permit for less than 5 years"),
        "asylum_seeker": N_("Asylum seeker"),
        "no_papers": N_("No residence permit"),
    },
}
SLOTS = tuple(QUESTIONS)

ASK = {
    "est_age": N_("Question 1 of 8. How old are you?"),
    "est_household": N_("Question 2 of 8. Do you live alone or as a couple?"),
    "est_children": N_("Question 3 of 8. How many children live with you?"),
    "est_work_income": N_("Question 4 of 8. How much does your household earn from work each month?"),
    "est_other_income": N_("Question 5 of 8. Do you have other income each month?"),
    "est_housing": N_("Question 6 of 8. Where do you live?"),
    "est_postcode": N_("Question 7 of 8. What is your postcode? For example: 75011."),
    "est_residence": N_("Question 8 of 8. What is your situation in France?"),
}

# What a person can type instead of tapping: shown when a typed answer does not fit.
TYPED_EXAMPLE = {
    "est_age": N_("35"),
    "est_household": N_("alone"),
    "est_children": N_("2"),
    "est_work_income": N_("1200"),
    "est_other_income": N_("none, or 600 unemployment benefit"),
    "est_housing": N_("tenant, rent 450"),
    "est_postcode": N_("75011"),
    "est_residence": N_("French, or residence permit for 2 years"),
}

# Representative values for the bands (an estimate, said so to the person).
CHILDREN = {
    "none": (),
    "one_small": ("0_2",),
    "one": ("6_10",),
    "two": ("3_5", "11_14"),
    "three": ("3_5", "6_10", "11_14"),
    "four_plus": ("0_2", "3_5", "6_10", "11_14"),
}
WORK = {"w0": 0, "w500": 500, "w900": 900, "w1300": 1300, "w1800": 1800, "w2600": 2600}
OTHER = {
    "none": ("none", 0),
    "unemployment_low": ("unemployment", 600),
    "unemployment_high": ("unemployment", 1100),
    "pension_low": ("pension", 700),
    "pension_high": ("pension", 1300),
}
HOUSING = {
    "rent_low": ("tenant", 330),
    "rent_mid": ("tenant", 550),
    "rent_high": ("tenant", 850),
    "free": ("free", None),
    "homeless": ("homeless", None),
    "owner": ("owner", None),
}


def accepted_values(slot: str) -> frozenset[str]:
    return frozenset(QUESTIONS[slot]) | {UNKNOWN}


def to_answers(slots: dict[str, str | None]) -> Answers:
    """The form's slot values as `Answers` (unknown or missing -> None)."""

    def value(slot: str) -> str | None:
        raw = slots.get(slot)
        return None if raw in (None, UNKNOWN) else str(raw)

    other = OTHER.get(value("est_other_income") or "") or _typed_pair(value("est_other_income"))
    housing = HOUSING.get(value("est_housing") or "") or _typed_pair(value("est_housing"))
    household = value("est_household")
    work = value("est_work_income")
    children = value("est_children")
    age = value("est_age")
    return Answers(
        age_band=None if age is None or age.isdigit() else age,
        age=int(age) if age and age.isdigit() else None,
        couple=None if household is None else household == "couple",
        children=CHILDREN.get(children) if children else None,
        work_income=Decimal(WORK[work]) if work in WORK else _typed_amount(work),
        other_income_kind=other[0] if other else None,
        other_income=Decimal(other[1]) if other and other[1] is not None else None,
        housing=housing[0] if housing else None,
        rent=Decimal(housing[1]) if housing and housing[1] is not None else None,
        depcom=value("est_postcode"),
        residence=value("est_residence"),
    )


def _typed_pair(value: str | None) -> tuple[str, int | None] | None:
    """A typed answer with an amount ("unemployment:600", "tenant:450") or without ("tenant")."""
    if not value or value in QUESTIONS["est_other_income"] or value in QUESTIONS["est_housing"]:
        return None
    kind, _, amount = value.partition(":")
    if kind not in ("unemployment", "pension", "tenant"):
        return None
    return kind, int(amount) if amount.isdigit() else None


def _typed_amount(value: str | None) -> Decimal | None:
    """A typed amount in euros ("1200"), else None."""
    return Decimal(value) if value and value.isdigit() else None
