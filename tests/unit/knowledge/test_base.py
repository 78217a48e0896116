"""The knowledge base reads today's amounts from OpenFisca-France and stays current."""

import dataclasses
import datetime as dt
import re
from decimal import ROUND_DOWN, Decimal

import pytest

from bot.knowledge import load_knowledge_base
from bot.knowledge.base import annual_to_monthly, parameter, tax_benefit_system

ARCHITECTURE_IDS = {
    "rsa", "prime_activite", "aide_logement", "css", "puma", "ame", "aah", "aspa",
    "allocations_familiales", "complement_familial", "ars", "asf", "cheque_energie", "cej",
    "bourse_crous", "domiciliation", "droit_au_compte", "aide_juridictionnelle", "fsl", "ada",
    "prime_noel", "are", "ass", "paje", "aeeh", "pch", "apa", "aide_alimentaire", "dalo",
    "soins_urgents",
}
FIRST_SLICE = {"rsa", "prime_activite", "aide_logement", "css", "aah", "allocations_familiales",
               "ame", "domiciliation"}
ALL_IDS = sorted(ARCHITECTURE_IDS)
NO_FICHE = {"aide_alimentaire"}  # food aid: associations and CCAS, no national fiche
ON = dt.date(2026, 11, 26)
ASPA = "prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa.montant_maximum_annuel"


def test_first_slice_is_present_and_ids_are_the_contract():
    kb = load_knowledge_base()
    assert set(kb.ids) >= FIRST_SLICE
    assert set(kb.ids) <= ARCHITECTURE_IDS


def test_every_right_of_the_architecture_is_in_the_knowledge_base():
    assert set(load_knowledge_base().ids) == ARCHITECTURE_IDS


@pytest.mark.parametrize("benefit_id", ALL_IDS)
def test_every_amount_equals_the_openfisca_parameter_today(benefit_id):
    kb = load_knowledge_base()
    today = dt.date.today()
    instant = tax_benefit_system().parameters(today.isoformat())
    values = kb.amounts(benefit_id, today)
    for name, source in kb.get(benefit_id).amount_sources.items():
        assert values[name] > 0, f"{benefit_id}.{name} is {values[name]} today"
        if isinstance(source, str):
            node = instant
            for key in source.split("."):
                node = node[int(key)] if key.isdigit() else getattr(node, key)
            assert values[name] == Decimal(str(node))


@pytest.mark.parametrize("benefit_id", ALL_IDS)
def test_every_placeholder_has_an_amount_and_every_amount_is_shown(benefit_id):
    benefit = load_knowledge_base().get(benefit_id)
    texts = dataclasses.asdict(benefit.texts).values()
    placeholders = {name for text in texts for name in re.findall(r"%\((\w+)\)s", text)}
    assert placeholders == set(benefit.amount_sources)


def test_rsa_base_for_november_2026_is_the_decree_value():
    # Décret n° 2026-220: 651.69 € from 1 April 2026 (benefits-facts-2026.md).
    assert load_knowledge_base().amounts("rsa", dt.date(2026, 11, 26))["amount"] == Decimal("651.69")
    assert load_knowledge_base().amounts("rsa", dt.date(2025, 11, 26))["amount"] == Decimal("646.52")


def test_family_allowance_is_net_of_crds_like_the_caf_pays_it():
    # BMAF 478.16 x 32 % = 153.01 gross; CRDS 0.5 % truncated = 0.76; 152.25 net.
    on = dt.date(2026, 11, 26)
    assert parameter("prestations_sociales.prestations_familiales.bmaf.bmaf", on) == Decimal("478.16")
    assert load_knowledge_base().amounts("allocations_familiales", on)["two_children"] == Decimal("152.25")


def test_aspa_is_the_yearly_maximum_paid_as_a_truncated_twelfth():
    # Circulaire Cnav 2025-29: 12 523.14 € a year for a person alone, 19 442.21 € for a couple.
    amounts = load_knowledge_base().amounts("aspa", ON)
    assert amounts == {"amount": Decimal("1043.59"), "couple": Decimal("1620.18")}
    # 2025: 12 411.44 € a year, published as 1 034.28 € a month (rounding would give 1 034.29).
    assert annual_to_monthly(f"{ASPA}.personnes_seules", dt.date(2025, 11, 26)) == Decimal("1034.28")


def test_aspa_matches_what_openfisca_computes_for_a_person_alone_with_no_income():
    from openfisca_core.simulation_builder import SimulationBuilder

    situation = {
        "individus": {"person": {"date_naissance": {"ETERNITY": "1955-01-01"}}},
        "familles": {"family": {"parents": ["person"]}},
        "foyers_fiscaux": {"tax_household": {"declarants": ["person"]}},
        "menages": {"household": {"personne_de_reference": ["person"]}},
    }
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system(), situation)
    computed = Decimal(str(float(simulation.calculate("aspa", ON.strftime("%Y-%m"))[0])))
    expected = computed.quantize(Decimal("0.01"), ROUND_DOWN)
    assert load_knowledge_base().amounts("aspa", ON)["amount"] == expected


def test_back_to_school_allowance_is_net_of_crds_per_age_band():
    kb = load_knowledge_base()
    # Rentrée 2025, as published (BMAF 474.37).
    assert kb.amounts("ars", dt.date(2025, 11, 26)) == {
        "age_6_10": Decimal("423.48"), "age_11_14": Decimal("446.85"), "age_15_18": Decimal("462.33"),
    }
    # Rentrée 2026 (BMAF 478.16), computed the same way (benefits-facts-2026.md).
    assert kb.amounts("ars", ON) == {
        "age_6_10": Decimal("426.87"), "age_11_14": Decimal("450.41"), "age_15_18": Decimal("466.02"),
    }


def test_family_supplement_and_child_support_allowance_are_net_of_crds():
    kb = load_knowledge_base()
    assert kb.amounts("complement_familial", ON) == {
        "amount": Decimal("198.16"), "increased": Decimal("297.26"),
    }
    assert kb.amounts("asf", ON) == {"amount": Decimal("200.78"), "both_parents": Decimal("267.63")}


def test_a_numeric_path_segment_reads_one_amount_of_a_scale():
    # service-public.fr F33667: the energy voucher is 48 € to 277 € a year.
    assert load_knowledge_base().amounts("cheque_energie", ON) == {
        "minimum": Decimal("48"), "maximum": Decimal("277"),
    }
    path = "prestations_sociales.solidarite_insertion.autre_solidarite.cheque_energie.baremes.une_uc"
    scale = tax_benefit_system().parameters(ON.isoformat())
    for key in path.split("."):
        scale = getattr(scale, key)
    assert [parameter(f"{path}.amounts.{i}", ON) for i in range(len(scale.amounts))] == [
        Decimal(str(amount)) for amount in scale.amounts
    ]


def test_asylum_seekers_allowance_is_read_per_day():
    assert load_knowledge_base().amounts("ada", ON) == {
        "per_day": Decimal("6.8"), "per_extra_person": Decimal("3.4"), "not_housed": Decimal("7.4"),
    }


@pytest.mark.parametrize("benefit_id", ALL_IDS)
def test_review_date_is_less_than_twelve_months_old(benefit_id):
    reviewed = load_knowledge_base().get(benefit_id).reviewed
    assert dt.date.today() - reviewed <= dt.timedelta(days=365), (
        f"{benefit_id}: text last reviewed on {reviewed}; check it against the official page"
    )


@pytest.mark.parametrize("benefit_id", ALL_IDS)
def test_every_right_links_to_service_public_and_an_https_service(benefit_id):
    benefit = load_knowledge_base().get(benefit_id)
    if benefit_id in NO_FICHE:  # no service-public fiche exists: the file says so
        assert benefit.service_public is None
    else:
        assert re.fullmatch(r"https://www\.service-public\.gouv\.fr/particuliers/vosdroits/[FNR]\d+",
                            benefit.service_public)
    assert benefit.apply_url.startswith("https://")
    assert "service-public.fr/" not in benefit.apply_url, "service-public moved to .gouv.fr"


@pytest.mark.parametrize("benefit_id", ALL_IDS)
def test_every_review_says_what_was_checked(benefit_id):
    """The review date is the day this right's text was checked, with what was checked."""
    benefit = load_knowledge_base().get(benefit_id)
    assert set(benefit.checked) == {"amounts", "conditions", "apply"}, benefit_id
    assert all(len(note.split()) >= 2 for note in benefit.checked.values()), benefit.checked
    assert benefit.reviewed <= dt.date.today()


def test_review_dates_are_per_right_not_one_date_for_all():
    assert len({load_knowledge_base().get(b).reviewed for b in ALL_IDS}) > 1
