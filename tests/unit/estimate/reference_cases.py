"""Reference situations for the estimate tests: answers, the same household by hand, amounts.

Each case pairs the answers a person gives in the chat with the same household written by hand
as an OpenFisca situation (not with build_situation): ages are the representative ages of the
answered bands (35 for 25-64, 70 for 65+; children 4 for 3-5, 8 for 6-10, 12 for 11-14,
16 then 15 for two children aged 15-17), born half a year before their birthday. The hand-written
reference leaves out what the estimate adds only for speed (zero incomes, AAH 0) and uses a real
non-EU nationality, so it also checks that those choices change no amount.
All reference households of one date run in one vectorised simulation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from bot.estimate import Answers, estimate_entitlements
from bot.estimate.compute import CHRISTMAS_MONTHS
from bot.knowledge.base import net_of_crds, tax_benefit_system

NOV = dt.date(2026, 11, 26)
SEP = dt.date(2026, 9, 15)
YEARS = (2024, 2025, 2026)  # N-2 to N: what family benefits, the tax return and rolling windows read
D = Decimal

# knowledge-base id -> OpenFisca variable and its period ("rentree": the year of the next ARS)
VARIABLES = {
    "rsa": ("rsa", "month"),
    "prime_activite": ("ppa", "month"),
    "aide_logement": ("aide_logement", "month"),
    "aah": ("aah", "month"),
    "aspa": ("aspa", "month"),
    "allocations_familiales": ("af_nettes_crds", "month"),
    "complement_familial": ("cf_net_crds", "month"),
    "asf": ("asf_nette_crds", "month"),
    "ars": ("ars_nette_crds", "rentree"),
    "cheque_energie": ("cheque_energie", "year"),
    "paje": ("paje_base", "month"),  # before CRDS: the estimate takes it off like the CAF
    "prime_noel": ("aefa", "year"),
}


def every_month(value: Any) -> dict[str, Any]:
    return {f"{year}-{month:02d}": value for year in YEARS for month in range(1, 13)}


def person(born: str, **facts: Any) -> dict[str, Any]:
    return {"date_naissance": {"ETERNITY": born}, **{name: every_month(v) for name, v in facts.items()}}


def household(adults: list[dict], children: tuple[str, ...] = (), **dwelling: Any) -> dict[str, Any]:
    """One family, tax household and dwelling; `children` are birth dates."""
    people = {f"adult{i}": facts for i, facts in enumerate(adults)}
    kids = {f"child{i}": {"date_naissance": {"ETERNITY": born}} for i, born in enumerate(children)}
    parents, enfants = list(people), list(kids)
    menage: dict[str, Any] = {"personne_de_reference": parents[:1], "enfants": enfants}
    if len(parents) == 2:
        menage["conjoint"] = parents[1:]
    menage.update({name: every_month(value) for name, value in dwelling.items()})
    return {
        "individus": {**people, **kids},
        "famille": {"parents": parents, "enfants": enfants},
        "foyer_fiscal": {"declarants": parents, "personnes_a_charge": enfants},
        "menage": menage,
    }


def pay(net: float, taxable: float, gross: float) -> dict[str, Any]:
    """Net pay as answered, with its taxable and gross pay (OpenFisca payroll ratios, to the cent)."""
    return {"salaire_net": net, "salaire_imposable": taxable, "salaire_de_base": gross, "activite": "actif"}


def pension(amount: float) -> dict[str, Any]:
    return {"retraite_nette": amount, "retraite_imposable": amount, "retraite_brute": amount,
            "activite": "retraite"}


def unemployment(amount: float) -> dict[str, Any]:
    return {"chomage_net": amount, "chomage_imposable": amount, "chomage_brut": amount, "activite": "chomeur"}


def tenant(rent: float, depcom: str) -> dict[str, Any]:
    return {"statut_occupation_logement": "locataire_vide", "loyer": rent, "depcom": depcom}


KNOWN = {"couple": False, "children": (), "work_income": D(0), "other_income_kind": "none",
         "residence": "french_eu", "disability": False, "student": False}


@dataclass(frozen=True)
class Case:
    answers: Answers
    reference: dict[str, Any] | None  # None: nothing may be simulated
    on: dt.date = NOV
    headline: dict[str, Decimal] = field(default_factory=dict)  # amounts checked by hand


CASES: dict[str, Case] = {
    "single_no_income_paris_rent_450": Case(
        Answers(**KNOWN, age_band="25_64", housing="tenant", rent=D(450), depcom="75056"),
        household([person("1991-05-01")], **tenant(450, "75056")),
        # facts sheet: 651.69 - housing forfait 78.20 = 573.49 for 2026-11
        headline={"rsa": D("573.49")},
    ),
    "single_mother_two_children_part_time_900": Case(
        Answers(**{**KNOWN, "children": ("6_10", "11_14"), "work_income": D(900)},
                age_band="25_64", housing="tenant", rent=D(600), depcom="59350"),
        household([person("1991-05-01", **pay(900, 932.39, 1136.94))],
                  ("2018-05-01", "2014-05-01"), **tenant(600, "59350")),
    ),
    "couple_over_65_pension_700": Case(
        Answers(**{**KNOWN, "couple": True, "other_income_kind": "pension", "other_income": D(700)},
                age_band="65_plus", housing="tenant", rent=D(500), depcom="13055"),
        household([person("1956-05-01", **pension(700)), person("1956-05-01")], **tenant(500, "13055")),
        headline={"aspa": D("1620.18") - D(700)},  # couple ceiling 19 442.21 / 12, truncated
    ),
    "disabled_adult_housed_free_by_parents": Case(
        Answers(**{**KNOWN, "disability": True}, age_band="25_64", housing="free", depcom="35238"),
        household([person("1991-05-01", handicap=True, taux_incapacite=0.8)],
                  statut_occupation_logement="loge_gratuitement", depcom="35238"),
        headline={"aah": D("1041.59")},
    ),
    "student_20_room_350_lyon": Case(
        Answers(**{**KNOWN, "student": True}, age_band="18_24", age=20, housing="tenant", rent=D(350),
                depcom="69123"),
        household([person("2006-05-01", etudiant=True, activite="etudiant")], **tenant(350, "69123")),
    ),
    "housed_by_friends_no_income": Case(
        Answers(**KNOWN, age_band="25_64", housing="free"),  # commune skipped: Paris assumed
        household([person("1991-05-01")], statut_occupation_logement="loge_gratuitement", depcom="75056"),
        headline={"rsa": D("573.49")},
    ),
    "couple_three_children_pay_1800": Case(
        Answers(**{**KNOWN, "couple": True, "children": ("3_5", "6_10", "11_14"), "work_income": D(1800)},
                age_band="25_64", housing="tenant", rent=D(800), depcom="59350"),
        household([person("1991-05-01", **pay(1800, 1864.78, 2273.88)), person("1991-05-01")],
                  ("2022-05-01", "2018-05-01", "2014-05-01"), **tenant(800, "59350")),
        headline={"complement_familial": D("297.26")},  # majoré: 62.48 % of 478.16, net of CRDS
    ),
    "single_mother_baby_no_income": Case(
        Answers(**{**KNOWN, "children": ("0_2",)}, age_band="25_64", housing="tenant", rent=D(500),
                depcom="93066"),
        household([person("1991-05-01")], ("2025-05-01",), **tenant(500, "93066")),
        # PAJE base allowance: 41.65 % of 478.16 = 199.15, less CRDS 0.99 = 198.16 (CAF's amount)
        headline={"paje": D("198.16")},
    ),
    "single_parent_no_alimony": Case(
        Answers(**{**KNOWN, "children": ("3_5",)}, age_band="25_64", housing="tenant", rent=D(550),
                depcom="33063"),
        household([person("1991-05-01")], ("2022-05-01",), **tenant(550, "33063")),
    ),
    "worker_alone_pay_1300": Case(
        Answers(**{**KNOWN, "work_income": D(1300)}, age_band="25_64", housing="tenant", rent=D(500),
                depcom="31555"),
        household([person("1991-05-01", **pay(1300, 1346.79, 1642.24))], **tenant(500, "31555")),
    ),
    "retired_single_68_pension_400": Case(
        Answers(**{**KNOWN, "other_income_kind": "pension", "other_income": D(400)},
                age_band="65_plus", age=68, housing="tenant", rent=D(400), depcom="75056"),
        household([person("1958-05-01", **pension(400))], **tenant(400, "75056")),
        headline={"aspa": D("1043.59") - D(400)},  # single ceiling 12 523.14 / 12, truncated
    ),
    "family_two_teenagers_in_september": Case(
        Answers(**{**KNOWN, "couple": True, "children": ("15_17", "15_17"), "work_income": D(1500)},
                age_band="25_64", housing="tenant", rent=D(700), depcom="44109"),
        household([person("1991-03-01", **pay(1500, 1553.99, 1894.90)), person("1991-03-01")],
                  ("2010-03-01", "2011-03-01"), **tenant(700, "44109")),
        on=SEP,
    ),
    "no_papers": Case(
        Answers(age_band="25_64", residence="no_papers", housing="homeless"),
        None,
    ),
    "non_eu_permit_two_years_single_parent": Case(
        Answers(**{**KNOWN, "children": ("6_10",), "residence": "permit_less_5y"},
                age_band="25_64", housing="tenant", rent=D(500), depcom="75056"),
        household([person("1991-05-01", nationalite="MA", duree_possession_titre_sejour=2)],
                  ("2018-05-01",), **tenant(500, "75056")),
    ),
    "non_eu_permit_over_5_years_aged_70": Case(
        Answers(**{**KNOWN, "residence": "permit_5y_plus", "other_income_kind": "pension",
                   "other_income": D(300)}, age_band="65_plus", housing="tenant", rent=D(450),
                depcom="93066"),
        household([person("1956-05-01", nationalite="DZ", duree_possession_titre_sejour=12,
                          asi_aspa_condition_nationalite=True,  # see test_openfisca_aspa_permit_bug
                          **pension(300))],
                  **tenant(450, "93066")),
    ),
    "homeless_no_income": Case(
        Answers(**KNOWN, age_band="25_64", housing="homeless"),
        household([person("1991-05-01")], statut_occupation_logement="sans_domicile", depcom="75056"),
        headline={"rsa": D("651.69")},  # no housing forfait
    ),
    "owner_no_income": Case(
        Answers(**KNOWN, age_band="25_64", housing="owner", depcom="21231"),
        household([person("1991-05-01")], statut_occupation_logement="proprietaire", depcom="21231"),
        headline={"rsa": D("573.49")},
    ),
    "unemployment_benefit_900_tenant": Case(
        Answers(**{**KNOWN, "other_income_kind": "unemployment", "other_income": D(900)},
                age_band="25_64", housing="tenant", rent=D(500), depcom="75056"),
        household([person("1991-05-01", **unemployment(900))], **tenant(500, "75056")),
    ),
    "everything_skipped": Case(
        Answers(),
        household([person("1991-05-01")], depcom="75056"),
    ),
}


def money(value: Any) -> Decimal:
    return Decimal(str(round(float(value), 2)))


def period_of(kind: str, on: dt.date) -> str:
    if kind == "month":
        return on.strftime("%Y-%m")
    if kind == "year":
        return str(on.year)
    return str(on.year if on.month <= 9 else on.year + 1)  # ARS: this rentrée until September


@cache
def reference_values(on: dt.date) -> dict[str, dict[str, Any]]:
    """Every reference household of the date `on`, in ONE OpenFisca simulation."""
    from openfisca_core.simulation_builder import SimulationBuilder

    names = [name for name, case in CASES.items() if case.on == on and case.reference]
    situation: dict[str, dict] = {"individus": {}, "familles": {}, "foyers_fiscaux": {}, "menages": {}}
    for name in names:
        ref = CASES[name].reference
        assert ref is not None
        situation["individus"].update({f"{name}:{p}": facts for p, facts in ref["individus"].items()})
        for plural, singular in (("familles", "famille"), ("foyers_fiscaux", "foyer_fiscal"),
                                 ("menages", "menage")):
            situation[plural][name] = {
                role: [f"{name}:{p}" for p in value] if isinstance(value, list) else value
                for role, value in ref[singular].items()
            }
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system(), situation)
    people = list(situation["individus"])
    values: dict[str, dict[str, Any]] = {name: {} for name in names}
    for benefit_id, (variable, kind) in VARIABLES.items():
        result = simulation.calculate(variable, period_of(kind, on))
        for i, name in enumerate(names):
            if variable == "aah":
                values[name][benefit_id] = money(result[people.index(f"{name}:adult0")])
            else:
                values[name][benefit_id] = money(result[i])
    month = on.strftime("%Y-%m")
    cmu_c = simulation.calculate("cmu_c", month)
    participation = simulation.calculate("css_participation_forfaitaire", month)
    for i, name in enumerate(names):  # free CSS: 0.00; paying CSS: its participation; else None
        paid = money(participation[i])
        values[name]["css"] = D("0.00") if cmu_c[i] else paid if paid > 0 else None
    return values


@cache
def estimate(name: str):
    case = CASES[name]
    return estimate_entitlements(case.answers, case.on)


def expected_amounts(name: str) -> dict[str, Decimal]:
    """The amounts the bot must show: OpenFisca's, for the rights it computes for these answers."""
    case, answers = CASES[name], CASES[name].answers
    shown = dict(reference_values(case.on)[name])
    shown.pop("css")
    if not answers.disability:
        shown.pop("aah")
    if answers.effective_age_band != "65_plus":
        shown.pop("aspa")
    if not answers.children:
        for benefit_id in ("allocations_familiales", "complement_familial", "ars", "asf"):
            shown.pop(benefit_id)
    if "0_2" not in (answers.children or ()):
        shown.pop("paje")
    else:
        shown["paje"] = net_of_crds(shown["paje"], case.on)
    if case.on.month not in CHRISTMAS_MONTHS or answers.residence == "permit_less_5y":
        shown.pop("prime_noel")  # with the RSA, in November and December only
    if answers.residence == "permit_less_5y":
        shown.pop("rsa")
        shown.pop("prime_activite")
    if answers.housing is None:
        shown.pop("aide_logement")
    return {benefit_id: amount for benefit_id, amount in shown.items() if amount > 0}


SIMULATED = [name for name, case in CASES.items() if case.reference]
