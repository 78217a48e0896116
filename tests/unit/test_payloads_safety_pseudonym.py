"""Forged buttons are refused, danger words are caught, Telegram ids never leave unhashed."""

import pytest

from bot.gateway.pseudonym import Pseudonymizer
from bot.knowledge import load_knowledge_base
from bot.nlg.payloads import intent_payload, parse_payload
from bot.safety import detect_danger

IDS = frozenset(load_knowledge_base().ids)


def test_genuine_payloads_round_trip():
    assert parse_payload(intent_payload("how_to_apply", benefit="ame"), IDS) == (
        "how_to_apply", {"benefit": "ame"})
    assert parse_payload("/talk_to_human", IDS) == ("talk_to_human", {})


@pytest.mark.parametrize("forged", [
    "", "rsa", "/emergency", "/nlu_fallback", '/ask_benefit{"benefit":"bitcoin"}',
    '/ask_benefit{"benefit":"rsa","x":"y"}', '/ask_benefit{"evil":"rsa"}',
    "/restart", "/session_start", '/choose_language{"language":"xx"}', "/ask_benefit" + "a" * 60,
    "lang:de", '/ask_benefit{"benefit": "rsa"}', "/ASK_BENEFIT",
])
def test_forged_payloads_are_refused(forged):
    assert parse_payload(forged, IDS) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("je veux mourir", "suicide"), ("jveux en finir avec la vie", "suicide"),
    ("I want to kill myself", "suicide"), ("بغيت نموت", "suicide"),
    ("mon mari me frappe", "violence"), ("he beats me every night", "violence"),
    ("زوجي يضربني", "violence"), ("je dors dehors ce soir", "shelter"),
    ("I have nowhere to sleep tonight", "shelter"), ("أنام في الشارع الليلة", "shelter"),
    ("mon fils ne respire plus", "medical"), ("my baby is not breathing", "medical"),
    ("c'est quoi le RSA", None), ("how much is the APL", None), ("كم هي منحة السكن", None),
])
def test_danger_words_in_three_languages(text, kind):
    assert detect_danger(text) == kind


def test_pseudonym_is_keyed_and_stable():
    a, b = Pseudonymizer("key-1"), Pseudonymizer("key-2")
    assert a(123456789) == a("123456789")
    assert a(123456789) != b(123456789)
    assert "123456789" not in a(123456789) and len(a(1)) == 64
