"""Button data: every kind round-trips, anything forged or stale is refused."""

import pytest

from bot.buttons import (
    MAX_BYTES,
    CallbackAnswer,
    CaseAction,
    ChooseLanguage,
    FollowUpAnswer,
    IntentPayload,
    MyRequest,
    ReceivesAnswer,
    intent_payload,
    parse_button,
    parse_payload,
)
from bot.knowledge import load_knowledge_base

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


@pytest.mark.parametrize("button", [
    ChooseLanguage("ar"),
    CallbackAnswer("consent", "yes"), CallbackAnswer("time", "tomorrow_afternoon"),
    MyRequest("cancel", 12), MyRequest("change", 4_000_000_000),
    CaseAction("claim", 7), CaseAction("done", 1),
    FollowUpAnswer("yes", 3), FollowUpAnswer("stuck", 4_000_000_000),
    IntentPayload("ask_benefit", {"benefit": "aide_juridictionnelle"}), IntentPayload("greet"),
    ReceivesAnswer("n", ("rsa",)), ReceivesAnswer("u", ("prime_activite", "aide_logement", "css")),
])
def test_every_kind_round_trips_within_telegrams_limit(button):
    data = button.encode()
    assert len(data.encode()) <= MAX_BYTES
    assert parse_button(data, IDS) == button


@pytest.mark.parametrize("forged", [
    "lang:de", "lang:", "cb:", "cb:consent", "cb:teleport:yes", "cb:cancel:abc", "cb:time:Any",
    "cb:cancel:99999999999", "w:claim:", "w:steal:3", "w:claim:3:4", "w:claim:-1", "x:1", "",
    "fu:", "fu:yes", "fu:maybe:3", "fu:stop:x", "fu:applied:99999999999",
    '/ask_benefit{"benefit":"bitcoin"}',
    "rcv:n:", "rcv:x:rsa", "rcv:n:bitcoin", "rcv:y:rsa.bitcoin", "rcv:y:rsa.rsa", "rcv:n:rsa.",
])
def test_forged_button_data_is_refused(forged):
    assert parse_button(forged, IDS) is None


def test_the_rights_still_to_ask_are_cut_to_fit_telegrams_limit():
    many = ("aide_juridictionnelle", "complement_familial", "allocations_familiales", "prime_activite")
    button = ReceivesAnswer.fitting("y", many)
    assert len(button.encode().encode()) <= MAX_BYTES
    assert button.rights[0] == "aide_juridictionnelle" and parse_button(button.encode(), IDS) == button
