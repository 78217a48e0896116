"""Turn a person's answers into an OpenFisca-France situation (openfisca-france 176).

Choices made here (each is a modelling assumption, documented once):

* People. The person ("demandeur"), a partner ("conjoint") when `couple` is True, and one
  individual per child ("enfant_1", ...). Ages come from `date_naissance`, chosen so that the
  person has the representative age of their band in the estimate month (half a year after
  their birthday): 20 for 18-24, 35 for 25-64, 70 for 65+, or the exact age when given; the
  partner has the person's age. Children: 1 (0-2), 4 (3-5), 8 (6-10), 12 (11-14), 16 (15-17),
  18 (18-19); a second (third...) child in the same band takes another age of the band
  (SIBLING_AGES: 15-17 -> 16, then 15, then 17), so siblings are not twins (the allocations
  familiales' age increase is not paid for the eldest of two children, and OpenFisca compares
  ages in whole years: twins are both "the eldest"). Birth dates (rather than
  `age`) keep ages right in every month OpenFisca looks at (the ARS uses the age in December,
  the family benefits the age in each month).
* One family (famille), one tax household (foyer fiscal: the adults declare, the children
  are dependants) and one dwelling (ménage).
* Income, the same every month from January two years back (N-2) to the end of the current
  year: OpenFisca reads the last 3 months (RSA, prime d'activité, ASPA), the last 12 months
  (housing aid, CSS) and year N-2 (family benefits, chèque énergie via the tax return).
  Period keys are whole years; OpenFisca splits a year's total evenly over its months.
  The household's pay from work goes to the person (one earner).
  - Pay: `salaire_net` is the net pay the person gives (used by RSA, prime d'activité and CSS).
    Housing aid, the family benefits and the income tax read `salaire_imposable`, and the ASPA
    reads the gross `salaire_de_base`; both are derived from the net pay with the ratios of
    OpenFisca-France's own payroll model for a private-sector employee below the social
    security ceiling (see NET_PAY_PER_GROSS, TAXABLE_PAY_PER_GROSS; a unit test checks
    them against OpenFisca).
  - Unemployment benefit and pension: net = taxable = gross (`chomage_net`/`chomage_imposable`/
    `chomage_brut`, `retraite_nette`/`retraite_imposable`/`retraite_brute`). This is exact for
    the small amounts exempted from CSG and CRDS (the people this bot is for), and slightly
    understates resources above the exemption threshold.
* Housing: tenant -> `locataire_vide` (unfurnished private rental, the general case), housed
  free -> `loge_gratuitement`, homeless -> `sans_domicile`, owner -> `proprietaire` (no loan
  repayments), skipped -> `non_renseigne`. `loyer` is the monthly rent; `depcom` the commune.
* Residence: French/EU -> nationality "FR". A non-EU residence permit -> nationality "ZZ" (a
  code outside the EEA: OpenFisca only checks EEA/Swiss membership) with
  `duree_possession_titre_sejour` 10 years (5 years or more: the inclusive reading, which also
  opens the ASPA's 10-year condition; the estimate marks ASPA "possible") or 1 year (under
  5 years: fails the RSA/prime d'activité 5-year condition). "no_papers" is never simulated.
* Disability (only when True): `handicap` and `taux_incapacite` 80 % (the rate the MDPH would
  have to grant for a full AAH without further conditions, so
  `aah_restriction_substantielle_durable_acces_emploi` is not needed).
* Student: `etudiant` and `activite` "etudiant". Otherwise `activite` is "actif" with pay,
  "chomeur" with unemployment benefit, "retraite" with a pension, else "inactif".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from bot.estimate.answers import Answers

ADULT_AGE = {"18_24": 20, "25_64": 35, "65_plus": 70}
CHILD_AGE = {"0_2": 1, "3_5": 4, "6_10": 8, "11_14": 12, "15_17": 16, "18_19": 18}
# Siblings in the same band: the middle age first, then the band's other ages.
SIBLING_AGES = {
    "0_2": (1, 0, 2),
    "3_5": (4, 3, 5),
    "6_10": (8, 7, 9, 6, 10),
    "11_14": (12, 13, 11, 14),
    "15_17": (16, 15, 17),
    "18_19": (18, 19),
}

# OpenFisca-France 176.1.8, years 2024 to 2026, private-sector non-executive employee, pay
# below the social security ceiling: salaire_net = 0.79160 x salaire_de_base and
# salaire_imposable = 0.82009 x salaire_de_base (employee contributions and CSG/CRDS are
# proportional there). tests/unit/test_estimate.py checks these against OpenFisca.
NET_PAY_PER_GROSS = Decimal("0.79160")
TAXABLE_PAY_PER_GROSS = Decimal("0.82009")

HOUSING_STATUS = {
    "tenant": "locataire_vide",
    "free": "loge_gratuitement",
    "homeless": "sans_domicile",
    "owner": "proprietaire",
    None: "non_renseigne",
}
NON_EEA_NATIONALITY = "ZZ"
PERMIT_YEARS = {"permit_5y_plus": 10, "permit_less_5y": 1}
DISABILITY_RATE = 0.8

PERSON = "demandeur"
PARTNER = "conjoint"


def gross_pay(net: Decimal) -> float:
    return float(net / NET_PAY_PER_GROSS)


def taxable_pay(net: Decimal) -> float:
    return float(net * TAXABLE_PAY_PER_GROSS / NET_PAY_PER_GROSS)


def child_ages(bands: tuple[str, ...]) -> list[int]:
    """Representative ages of children: the band's middle, then its other ages for siblings."""
    seen: dict[str, int] = {}
    ages = []
    for band in bands:
        rank = seen[band] = seen.get(band, -1) + 1
        ages.append(SIBLING_AGES[band][rank % len(SIBLING_AGES[band])])
    return ages


def birth_date(age: int, month: str) -> str:
    """A birth date giving `age` all through `month` (born half a year before that birthday)."""
    year, mon = (int(part) for part in month.split("-"))
    index = (year - age) * 12 + (mon - 1) - 6
    return dt.date(index // 12, index % 12 + 1, 1).isoformat()


def input_years(month: str) -> list[str]:
    """The years given to OpenFisca: N-2 (family benefits, tax) to N (the estimate's year)."""
    year = int(month[:4])
    return [str(year - 2), str(year - 1), str(year)]


def build_situation(answers: Answers, month: str) -> dict[str, Any]:
    """An OpenFisca-France situation (entities dict) for `answers` in `month` ("YYYY-MM")."""
    years = input_years(month)

    def constant(value: Any) -> dict[str, Any]:
        """A fact true in every month of every input year."""
        return dict.fromkeys(years, value)

    def monthly(amount: Decimal | float) -> dict[str, float]:
        """An amount received every month: the yearly total per input year."""
        return dict.fromkeys(years, float(amount) * 12)

    adult_age = answers.age if answers.age is not None else ADULT_AGE[answers.effective_age_band]
    adults = [PERSON, PARTNER] if answers.couple else [PERSON]
    children = [f"enfant_{i}" for i in range(1, len(answers.children or ()) + 1)]

    nationality, permit_years = "FR", 0
    if answers.residence in PERMIT_YEARS:
        nationality, permit_years = NON_EEA_NATIONALITY, PERMIT_YEARS[answers.residence]

    work = answers.work_income_or_zero
    other = answers.other_income_or_zero
    kind = answers.other_income_kind

    individuals: dict[str, dict[str, Any]] = {}
    for name in adults:
        person: dict[str, Any] = {
            "date_naissance": {"ETERNITY": birth_date(adult_age, month)},
            "nationalite": constant(nationality),
        }
        if permit_years:
            person["duree_possession_titre_sejour"] = constant(permit_years)
        individuals[name] = person

    person = individuals[PERSON]
    activity = "inactif"
    if other > 0 and kind == "pension":
        activity = "retraite"
        for variable in ("retraite_nette", "retraite_imposable", "retraite_brute"):
            person[variable] = monthly(other)
    if other > 0 and kind == "unemployment":
        activity = "chomeur"
        for variable in ("chomage_net", "chomage_imposable", "chomage_brut"):
            person[variable] = monthly(other)
    if work > 0:
        activity = "actif"
        person["salaire_net"] = monthly(work)
        person["salaire_imposable"] = monthly(taxable_pay(work))
        person["salaire_de_base"] = monthly(gross_pay(work))
    if answers.student:
        activity = "etudiant"
        person["etudiant"] = constant(True)
    person["activite"] = constant(activity)
    if answers.disability:
        person["handicap"] = constant(True)
        person["taux_incapacite"] = constant(DISABILITY_RATE)

    for name, age in zip(children, child_ages(answers.children or ()), strict=True):
        individuals[name] = {"date_naissance": {"ETERNITY": birth_date(age, month)}}

    household: dict[str, Any] = {
        "personne_de_reference": [PERSON],
        "statut_occupation_logement": constant(HOUSING_STATUS[answers.housing]),
        "depcom": constant(answers.depcom_or_default),
    }
    if answers.couple:
        household["conjoint"] = [PARTNER]
    if children:
        household["enfants"] = children
    if answers.housing == "tenant" and answers.rent is not None:
        household["loyer"] = monthly(answers.rent)

    family: dict[str, Any] = {"parents": adults}
    tax_household: dict[str, Any] = {"declarants": adults}
    if children:
        family["enfants"] = children
        tax_household["personnes_a_charge"] = children

    return {
        "individus": individuals,
        "familles": {"famille": family},
        "foyers_fiscaux": {"foyer_fiscal": tax_household},
        "menages": {"menage": household},
    }
