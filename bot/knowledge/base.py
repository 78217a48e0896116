"""Load the knowledge base and read each entitlement's amounts from OpenFisca-France."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.texts import TEXTS, BenefitTexts

KB_FILE = Path(__file__).with_name("benefits.yml")
# Service-public moved to service-public.gouv.fr in 2024; fiche ids (F1234, N19775, R44660) stayed.
SERVICE_PUBLIC = "https://www.service-public.gouv.fr/particuliers/vosdroits/"
FICHE_ID = re.compile(r"^[FNR]\d+$")
CHECKLIST = ("amounts", "conditions", "apply")
CENT = Decimal("0.01")
BMAF = "prestations_sociales.prestations_familiales.bmaf.bmaf"
CRDS = "prelevements_sociaux.contributions_sociales.crds"


@dataclass(frozen=True)
class Benefit:
    id: str
    acronym: str | None
    paid_by: str
    service_public: str | None  # None: no official fiche exists (said in benefits.yml)
    apply_url: str
    reviewed: dt.date
    checked: dict[str, str]  # what was checked on `reviewed`: CHECKLIST keys
    amount_sources: dict[str, Any]
    texts: BenefitTexts


@cache
def tax_benefit_system() -> Any:
    """OpenFisca-France, loaded once per process (about 3 s)."""
    from openfisca_france import FranceTaxBenefitSystem

    return FranceTaxBenefitSystem()


@lru_cache(maxsize=4096)  # the law on a date does not change while the process runs
def parameter(path: str, on: dt.date) -> Decimal:
    """An OpenFisca-France parameter value on a date, as an exact decimal.

    A numeric segment picks an item of a list: `...baremes.une_uc.amounts.3` is the fourth
    amount of a scale (OpenFisca gives a scale's `amounts` and `thresholds` as lists).
    """
    node = tax_benefit_system().parameters(on.isoformat())
    for key in path.split("."):
        node = node[int(key)] if key.isdigit() else getattr(node, key)
    return Decimal(str(node))


def annual_to_monthly(path: str, on: dt.date) -> Decimal:
    """An annual amount paid monthly: a twelfth, truncated to the cent.

    The old-age minimum (ASPA) is set per year; the pension funds publish and pay the twelfth
    truncated (12 411.44 € a year in 2025 was published as 1 034.28 € a month).
    """
    return (parameter(path, on) / 12).quantize(CENT, ROUND_DOWN)


def family_benefit_net(rate_path: str, on: dt.date) -> Decimal:
    """A family benefit paid as a share of the BMAF, net of CRDS.

    Gross = BMAF x rate, rounded to the cent; the CAF then withholds CRDS, truncated to the cent.
    """
    gross = (parameter(BMAF, on) * parameter(rate_path, on)).quantize(CENT, ROUND_HALF_UP)
    return net_of_crds(gross, on)


def net_of_crds(gross: Decimal, on: dt.date) -> Decimal:
    """A family benefit as the CAF pays it: the CRDS taken off, truncated to the cent (OpenFisca
    gives some benefits, e.g. the PAJE base allowance, before CRDS)."""
    return gross - (gross * parameter(CRDS, on)).quantize(CENT, ROUND_DOWN)


@lru_cache(maxsize=256)  # a whole simulation: once per variable and day, not once per reply
def person_variable(variable: str, on: dt.date) -> Decimal:
    """A monthly OpenFisca-France variable that depends only on the law (one adult, no income)."""
    from openfisca_core.simulation_builder import SimulationBuilder

    month = on.strftime("%Y-%m")
    situation = {
        "individus": {"person": {}},
        "familles": {"family": {"parents": ["person"]}},
        "foyers_fiscaux": {"tax_household": {"declarants": ["person"]}},
        "menages": {"household": {"personne_de_reference": ["person"]}},
    }
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system(), situation)
    value = float(simulation.calculate(variable, month)[0])
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


class KnowledgeBase:
    """Every entitlement the bot can talk about, by knowledge-base id."""

    def __init__(self, benefits: dict[str, Benefit]) -> None:
        self._benefits = benefits

    @property
    def ids(self) -> list[str]:
        return list(self._benefits)

    def __contains__(self, benefit_id: object) -> bool:
        return benefit_id in self._benefits

    def get(self, benefit_id: str) -> Benefit:
        return self._benefits[benefit_id]

    def rights_in(self, entities: list[dict] | None) -> list[str]:
        """The rights an NLU result's `benefit` entities name, most likely first, once each;
        values that are no knowledge-base id are left out."""
        rights: list[str] = []
        for entity in entities or []:
            value = entity.get("value")
            if entity.get("entity") == "benefit" and value in self and value not in rights:
                rights.append(str(value))
        return rights

    def amounts(self, benefit_id: str, on: dt.date | None = None) -> dict[str, Decimal]:
        """Today's amounts named in the benefit's texts, from OpenFisca-France."""
        on = on or dt.date.today()
        values: dict[str, Decimal] = {}
        for name, source in self.get(benefit_id).amount_sources.items():
            if isinstance(source, str):
                values[name] = parameter(source, on)
            elif "variable" in source:
                values[name] = person_variable(source["variable"], on)
            elif "family_benefit_rate" in source:
                values[name] = family_benefit_net(source["family_benefit_rate"], on)
            elif "annual_to_monthly" in source:
                values[name] = annual_to_monthly(source["annual_to_monthly"], on)
            else:
                raise ValueError(f"{benefit_id}.{name}: unknown amount source {source!r}")
        return values


def fiche_url(value: str) -> str:
    """A service-public fiche id as its address; any other address unchanged."""
    return SERVICE_PUBLIC + value if FICHE_ID.match(value) else value


@cache
def load_knowledge_base() -> KnowledgeBase:
    raw = yaml.safe_load(KB_FILE.read_text(encoding="utf-8"))
    benefits = {
        benefit_id: Benefit(
            id=benefit_id,
            acronym=entry.get("acronym"),
            paid_by=entry["paid_by"],
            service_public=entry["service_public"] and fiche_url(entry["service_public"]),
            apply_url=fiche_url(entry["apply_url"]),
            reviewed=entry["reviewed"],
            checked=entry.get("checked") or {},
            amount_sources=entry.get("amounts") or {},
            texts=TEXTS[benefit_id],
        )
        for benefit_id, entry in raw.items()
    }
    return KnowledgeBase(benefits)
