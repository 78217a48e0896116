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
* Every fact and income is given for each month from January two years back (N-2) to
  December of the estimate's year N, the same every month: OpenFisca reads the last 3 months
  (RSA, prime d'activité, ASPA), the last 12 months (housing aid, CSS), year N-2 (family
  benefits, chèque énergie through the tax return) and the first month of the year (chèque
  énergie). The household's pay from work goes to the person (one earner). (The CSS counts
  the family benefits of the last 12 months, whose own income test for the first of those
  months reads year N-3, not given: taken as no income, which only matters for incomes far
  above this bot's public.)
  - Pay: `salaire_net` is the net pay the person gives (used by RSA, prime d'activité and CSS).
    Housing aid, the family benefits and the income tax read `salaire_imposable`, and the ASPA
    reads the gross `salaire_de_base`; both are derived from the net pay with the ratios of
    OpenFisca-France's own payroll model for a private-sector employee below the social
    security ceiling, rounded to the cent (NET_PAY_PER_GROSS, TAXABLE_PAY_PER_GROSS; a unit
    test checks them against OpenFisca).
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
  5 years: fails the RSA/prime d'activité 5-year condition). With 5 years or more,
  `asi_aspa_condition_nationalite` is given as True (works around an openfisca-france 176
  bug that refuses the ASPA to every non-EEA national). "no_papers" is never simulated.
  Every adult's income variables are given, 0 when the person has none (OpenFisca would
  otherwise derive some of them, e.g. an unemployment benefit from past pay).
* Disability (only when True): `handicap` and `taux_incapacite` 80 % (the rate the MDPH would
  have to grant for a full AAH without further conditions, so
  `aah_restriction_substantielle_durable_acces_emploi` is not needed). Otherwise `aah` is
  given as 0 for everyone: OpenFisca need not compute it (it is the costliest part).
* Student: `etudiant` and `activite` "etudiant". Otherwise `activite` is "actif" with pay,
  "chomeur" with unemployment benefit, "retraite" with a pension, else "inactif".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from bot.estimate.answers import Answers

CENT = Decimal("0.01")
ADULT_AGE = {"18_24": 20, "25_64": 35, "65_plus": 70}
# Children: the middle of the band; siblings in the same band: the band's other ages in turn.
SIBLING_AGES = {
    "0_2": (1, 0, 2),
    "3_5": (4, 3, 5),
    "6_10": (8, 7, 9, 6, 10),
    "11_14": (12, 13, 11, 14),
    "15_17": (16, 15, 17),
    "18_19": (18, 19),
}
CHILD_AGE = {band: ages[0] for band, ages in SIBLING_AGES.items()}

# OpenFisca-France 176.1.8, years 2024 to 2026, private-sector non-executive employee, pay
# below the social security ceiling: salaire_net = 0.79160 x salaire_de_base and
# salaire_imposable = 0.82009 x salaire_de_base (employee contributions and CSG/CRDS are
# proportional there). tests/unit/estimate/test_statuses.py checks these against OpenFisca.
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
# Refugees and people with subsidiary protection are exempt from the permit-duration conditions
# (RSA, prime d'activité, ASPA): simulated as holding a permit for 10 years.
PERMIT_YEARS = {"refugee": 10, "permit_5y_plus": 10, "permit_less_5y": 1, "asylum_seeker": 0}
DISABILITY_RATE = 0.8

INCOME_VARIABLES = (
    "salaire_net",
    "salaire_imposable",
    "salaire_de_base",
    "chomage_net",
    "chomage_imposable",
    "chomage_brut",
    "retraite_nette",
    "retraite_imposable",
    "retraite_brute",
)

PERSON = "demandeur"
PARTNER = "conjoint"


def gross_pay(net: Decimal) -> Decimal:
    """Gross monthly pay (`salaire_de_base`) for a net pay, to the cent."""
    return (net / NET_PAY_PER_GROSS).quantize(CENT)


def taxable_pay(net: Decimal) -> Decimal:
    """Taxable monthly pay (`salaire_imposable`) for a net pay, to the cent."""
    return (net * TAXABLE_PAY_PER_GROSS / NET_PAY_PER_GROSS).quantize(CENT)


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


def input_months(month: str) -> list[str]:
    """The months given to OpenFisca: January of N-2 to December of N, the estimate's year."""
    year = int(month[:4])
    return [f"{y}-{m:02d}" for y in range(year - 2, year + 1) for m in range(1, 13)]


def build_situation(answers: Answers, month: str) -> dict[str, Any]:
    """An OpenFisca-France situation (entities dict) for `answers` in `month` ("YYYY-MM")."""
    months = input_months(month)

    def constant(value: Any) -> dict[str, Any]:
        """A fact, or an amount received, in every input month."""
        return dict.fromkeys(months, value)

    def monthly(amount: Decimal) -> dict[str, float]:
        return constant(float(amount))

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
        if answers.residence in ("permit_5y_plus", "refugee"):
            # openfisca-france 176 never grants the ASPA/ASI to a non-EEA national: its
            # asi_aspa_condition_nationalite calls numpy's logical_or with three arguments, so
            # the permit-duration test is taken as the `out` array and ignored. The condition
            # (10 years of permit) is given as met; the estimate marks the ASPA "possible".
            person["asi_aspa_condition_nationalite"] = constant(True)
        individuals[name] = person

    for name, age in zip(children, child_ages(answers.children or ()), strict=True):
        individuals[name] = {"date_naissance": {"ETERNITY": birth_date(age, month)}}

    zero = Decimal(0)
    for name in adults:
        # Every adult's income is given, 0 when none: OpenFisca then does not try to derive
        # it (e.g. an unemployment benefit from past pay), which is also much faster.
        for variable in INCOME_VARIABLES:
            individuals[name][variable] = monthly(zero)
    if not answers.disability:
        # Facts the answers settle, given so that OpenFisca does not derive them again for each of
        # the 13 months the housing aid, the RSA and the CSS read (about 15 % of an estimate's
        # time): no disability, no AAH and no AAH complement.
        for name in individuals:
            individuals[name]["aah"] = monthly(zero)
            individuals[name]["caah"] = monthly(zero)
    if not answers.student:
        # Not a student: no higher-education grant (the housing aid asks whether one is paid).
        for name in individuals:
            individuals[name]["boursier"] = constant(False)

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
    if answers.residence == "asylum_seeker":
        # The ADA: a supplement is paid when no place in a centre is offered (no home, hosted,
        # renting); an unknown housing counts as a place (the lower amount).
        family["asile_demandeur"] = constant(True)
        family["place_hebergement"] = constant(answers.housing not in ("homeless", "free", "tenant"))
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
