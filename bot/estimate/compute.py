"""Estimate a person's rights with one OpenFisca-France simulation, and sort them.

Variables read (openfisca-france 176), for the estimate month unless said otherwise; amounts are
what the household receives, net of CRDS where the benefit bears it:

| knowledge-base id       | OpenFisca variable(s)                          | period            |
|-------------------------|------------------------------------------------|-------------------|
| rsa                     | rsa                                            | month             |
| prime_activite          | ppa                                            | month             |
| aide_logement           | aide_logement (= apl + als + alf, net of CRDS) | month             |
| css                     | cmu_c (free CSS), css_participation_forfaitaire| month             |
|                         | (monthly contribution of the paying CSS)       |                   |
| aah                     | aah (summed over the household's members)      | month             |
| aspa                    | aspa                                           | month             |
| allocations_familiales  | af_nettes_crds (af net of CRDS)                | month             |
| complement_familial     | cf_net_crds (cf net of CRDS)                   | month             |
| asf                     | asf_nette_crds (asf net of CRDS)               | month             |
| ars                     | ars_nette_crds (ars net of CRDS)               | year of the rentrée|
| cheque_energie          | cheque_energie                                 | year              |
| paje                    | paje_base (base allowance, child under 3),     | month             |
|                         | CRDS taken off like the CAF (see base.py)      |                   |
| prime_noel              | aefa (in November and December, with the RSA) | year              |
| ada                     | ada (asylum seekers only)                      | month             |

OpenFisca takes the CRDS off unrounded (gross x 0.995) where the CAF truncates the CRDS to the
cent, so a net family benefit can be 1 cent below the CAF's published figure (2 children,
2026-04: OpenFisca 152.24 €, CAF 152.25 €). The estimate shows OpenFisca's amount.

Statuses. A right is "likely" when its amount is above 0 and every answer it depends on was
given (NEEDS), and "possible" when it needs a check: an answer it depends on was skipped, the
amount is small (under NEAR_THRESHOLD a month: a small change of income can end it), or it
always needs a decision or a fact the form does not ask (AAH: the MDPH sets the disability rate;
ASF: whether the other parent pays alimony; ASPA with a non-EU permit: 10 years of permit).
Rights worth 0 € are not listed, except housing aid when the person may rent but gave no rent.

ARS (allocation de rentrée scolaire, paid once in August): from July to September it is shown
for this year's rentrée with its status; from October to June it is listed as "possible" with
the amount OpenFisca computes for the next rentrée (next August: the children's ages then, the
current scales), with the reason "ars_next_rentree".

Residence. "no_papers": nothing is simulated (no RSA or CAF right); the estimate is flagged
`no_papers` and suggests AME and domiciliation. "permit_less_5y" (non-EU permit held for less
than 5 years): RSA and prime d'activité are not computed (5-year condition; `not_computed`
and the note "permit_under_5_years"); family benefits, housing aid, CSS are computed.
A homeless person is also pointed to domiciliation (an address to claim rights).
"refugee" (refugee or subsidiary protection): exempt from the permit-duration conditions, so
computed like a long permit, without the ASPA's 10-year reason. "asylum_seeker": only the ADA is
computed (no CAF benefit, no RSA before a decision); the estimate notes the 3-month wait for
health insurance (urgent care and the PASS meanwhile) and points to soins_urgents and puma,
never to the AME.

Christmas bonus (prime_noel): in November and December, when the RSA is found, OpenFisca's `aefa`
for the year (it reads the RSA of every month, about 2 s more: only then).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bot.estimate.answers import Answers
from bot.estimate.situation import build_situation
from bot.knowledge.base import net_of_crds, tax_benefit_system

CENT = Decimal("0.01")
NEAR_THRESHOLD = Decimal("20")  # euros a month
ARS_SEASON = (7, 8, 9)  # July to September

LIKELY = "likely"
POSSIBLE = "possible"

INCOME = ("work_income", "other_income")
NEEDS: dict[str, tuple[str, ...]] = {
    "rsa": ("age", "couple", "children", *INCOME, "housing", "residence"),
    "prime_activite": ("age", "couple", "children", *INCOME, "housing", "residence"),
    "aide_logement": ("couple", "children", *INCOME, "housing", "rent", "depcom"),
    "css": ("age", "couple", "children", *INCOME),
    "aah": INCOME,
    "aspa": ("age", "couple", *INCOME, "residence"),
    "allocations_familiales": ("children", *INCOME),
    "complement_familial": ("children", "couple", *INCOME),
    "ars": ("children", *INCOME),
    "cheque_energie": ("couple", "children", *INCOME, "housing"),
    "asf": ("couple", "children"),
    "paje": ("children", "couple", *INCOME),
    "prime_noel": ("age", "couple", "children", *INCOME, "housing", "residence"),
    "ada": ("couple", "children", *INCOME, "housing"),
}
CHRISTMAS_MONTHS = (11, 12)
ORDER = tuple(NEEDS)


@dataclass(frozen=True)
class Result:
    """One right in an estimate.

    `amount` is what the household would receive per `period` ("month", "year" or "once"), rounded to
    the cent as OpenFisca gives it; None when there is no sum of money (CSS) or it could not be
    computed (housing aid without a rent). For the CSS, `participation` is the monthly
    contribution the household would pay (0.00: free CSS). `reasons` are keys saying why a right
    is only "possible" (e.g. "skipped_work_income", "near_threshold", "ars_next_rentree").
    """

    id: str
    amount: Decimal | None
    period: str
    status: str
    reasons: tuple[str, ...] = ()
    participation: Decimal | None = None


@dataclass
class Estimate:
    likely: list[Result] = field(default_factory=list)
    possible: list[Result] = field(default_factory=list)
    no_papers: bool = False
    notes: list[str] = field(default_factory=list)  # keys, not prose
    suggestions: list[str] = field(default_factory=list)  # knowledge-base ids to point to
    not_computed: list[str] = field(default_factory=list)  # rights deliberately not computed

    def get(self, benefit_id: str) -> Result | None:
        for result in (*self.likely, *self.possible):
            if result.id == benefit_id:
                return result
        return None

    @property
    def results(self) -> list[Result]:
        return [*self.likely, *self.possible]


def money(value: Any) -> Decimal:
    """An OpenFisca amount (float32) as euros and cents."""
    return Decimal(str(round(float(value), 2))).quantize(CENT)


def ars_rentree_year(on: dt.date) -> int:
    """The year of the ARS to show: this year's until September, else next year's."""
    return on.year if on.month <= max(ARS_SEASON) else on.year + 1


def estimate_entitlements(answers: Answers, on: dt.date) -> Estimate:
    """The rights `answers` may open on the date `on`, from one OpenFisca-France simulation."""
    if answers.residence == "no_papers":
        return Estimate(no_papers=True, notes=["no_papers"], suggestions=["ame", "domiciliation"])

    from openfisca_core.simulation_builder import SimulationBuilder

    month = on.strftime("%Y-%m")
    simulation = SimulationBuilder().build_from_entities(
        tax_benefit_system(), build_situation(answers, month)
    )

    def family(variable: str, period: str = month) -> Decimal:
        return money(simulation.calculate(variable, period)[0])

    estimate = Estimate()
    skipped = answers.skipped
    found: list[Result] = []

    def add(
        benefit_id: str,
        amount: Decimal | None,
        period: str = "month",
        extra: tuple[str, ...] = (),
        participation: Decimal | None = None,
    ) -> None:
        """List a right worth more than 0 (or with no computable amount), with its status."""
        if amount is not None and amount <= 0:
            return
        reasons = [f"skipped_{name}" for name in NEEDS[benefit_id] if name in skipped]
        reasons += extra
        if amount is not None and period == "month" and amount < NEAR_THRESHOLD:
            reasons.append("near_threshold")
        status = POSSIBLE if reasons else LIKELY
        found.append(Result(benefit_id, amount, period, status, tuple(reasons), participation))

    if answers.residence == "asylum_seeker":
        # Only the ADA: no CAF benefit and no RSA before a decision on the asylum claim.
        add("ada", family("ada"))
        estimate.notes.append("asylum_seeker_health_wait")
        estimate.suggestions += ["soins_urgents", "puma"]
    else:
        if answers.residence == "permit_less_5y":
            estimate.not_computed += ["rsa", "prime_activite"]
            estimate.notes.append("permit_under_5_years")
        else:
            rsa = family("rsa")
            add("rsa", rsa)
            add("prime_activite", family("ppa"))
            if rsa > 0 and on.month in CHRISTMAS_MONTHS:
                add("prime_noel", family("aefa", str(on.year)), "once")

        if answers.housing is None:
            add("aide_logement", None, extra=("housing_unknown",))
        elif answers.housing == "tenant" and answers.rent is None:
            add("aide_logement", None, extra=("rent_unknown",))
        else:
            add("aide_logement", family("aide_logement"))

        if bool(simulation.calculate("cmu_c", month)[0]):
            add("css", None, participation=Decimal("0.00"))
        elif (participation := family("css_participation_forfaitaire")) > 0:
            add("css", None, participation=participation)

        if answers.disability:
            aah = money(simulation.calculate("aah", month).sum())
            add("aah", aah, extra=("aah_mdph_decision",))

        if answers.effective_age_band == "65_plus":
            extra = ("aspa_permit_10_years",) if answers.residence == "permit_5y_plus" else ()
            add("aspa", family("aspa"), extra=extra)

        if answers.children:
            add("allocations_familiales", family("af_nettes_crds"))
            add("complement_familial", family("cf_net_crds"))
            rentree = ars_rentree_year(on)
            ars = family("ars_nette_crds", str(rentree))
            add("ars", ars, "year", () if on.month in ARS_SEASON else ("ars_next_rentree",))
            add("asf", family("asf_nette_crds"), extra=("asf_alimony_check",))
            if "0_2" in answers.children:
                add("paje", net_of_crds(family("paje_base"), on))

        add("cheque_energie", family("cheque_energie", str(on.year)), "year")

    found.sort(key=lambda result: ORDER.index(result.id))
    estimate.likely = [result for result in found if result.status == LIKELY]
    estimate.possible = [result for result in found if result.status == POSSIBLE]
    if answers.housing == "homeless":
        estimate.suggestions.append("domiciliation")
    if answers.depcom is None and estimate.get("aide_logement") is not None:
        estimate.notes.append("commune_assumed_paris")
    return estimate
