"""The knowledge base reads today's amounts from OpenFisca-France and stays current."""

import datetime as dt
from decimal import Decimal

import pytest

from bot.knowledge import load_knowledge_base
from bot.knowledge.base import parameter, tax_benefit_system

ARCHITECTURE_IDS = {
    "rsa", "prime_activite", "aide_logement", "css", "puma", "ame", "aah", "aspa",
    "allocations_familiales", "complement_familial", "ars", "asf", "cheque_energie", "cej",
    "bourse_crous", "domiciliation", "droit_au_compte", "aide_juridictionnelle", "fsl", "ada",
}
FIRST_SLICE = {"rsa", "prime_activite", "aide_logement", "css", "aah", "allocations_familiales",
               "ame", "domiciliation"}


def test_first_slice_is_present_and_ids_are_the_contract():
    kb = load_knowledge_base()
    assert set(kb.ids) >= FIRST_SLICE
    assert set(kb.ids) <= ARCHITECTURE_IDS


@pytest.mark.parametrize("benefit_id", sorted(FIRST_SLICE))
def test_every_amount_equals_the_openfisca_parameter_today(benefit_id):
    kb = load_knowledge_base()
    today = dt.date.today()
    instant = tax_benefit_system().parameters(today.isoformat())
    for name, source in kb.get(benefit_id).amount_sources.items():
        if isinstance(source, str):
            node = instant
            for key in source.split("."):
                node = getattr(node, key)
            assert kb.amounts(benefit_id, today)[name] == Decimal(str(node))


def test_rsa_base_for_november_2026_is_the_decree_value():
    # Décret n° 2026-220: 651.69 € from 1 April 2026 (benefits-facts-2026.md).
    assert load_knowledge_base().amounts("rsa", dt.date(2026, 11, 26))["amount"] == Decimal("651.69")
    assert load_knowledge_base().amounts("rsa", dt.date(2025, 11, 26))["amount"] == Decimal("646.52")


def test_family_allowance_is_net_of_crds_like_the_caf_pays_it():
    # BMAF 478.16 x 32 % = 153.01 gross; CRDS 0.5 % truncated = 0.76; 152.25 net.
    on = dt.date(2026, 11, 26)
    assert parameter("prestations_sociales.prestations_familiales.bmaf.bmaf", on) == Decimal("478.16")
    assert load_knowledge_base().amounts("allocations_familiales", on)["two_children"] == Decimal("152.25")


@pytest.mark.parametrize("benefit_id", sorted(FIRST_SLICE))
def test_review_date_is_less_than_twelve_months_old(benefit_id):
    reviewed = load_knowledge_base().get(benefit_id).reviewed
    assert dt.date.today() - reviewed <= dt.timedelta(days=365), (
        f"{benefit_id}: text last reviewed on {reviewed}; check it against the official page"
    )


@pytest.mark.parametrize("benefit_id", sorted(FIRST_SLICE))
def test_every_right_links_to_service_public_and_an_https_service(benefit_id):
    benefit = load_knowledge_base().get(benefit_id)
    assert benefit.service_public.startswith("https://www.service-public.fr/particuliers/vosdroits/")
    assert benefit.apply_url.startswith("https://")
