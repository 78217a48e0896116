"""The callback-request flow: phone numbers French and foreign, answers only in order."""

import pytest

from bot.buttons import CallbackAnswer
from bot.gateway.core.callback_flow import CallbackDraft, answer, give_phone, normalise_phone


@pytest.mark.parametrize(("raw", "expected"), [
    ("06 12 34 56 78", "+33612345678"), ("+33 6 12 34 56 78", "+33612345678"),
    ("0033612345678", "+33612345678"), ("+213 551 23 45 67", "+213551234567"),
    ("+44 7911 123456", "+447911123456"), ("12", None), ("bonjour", None), ("", None),
])
def test_phone_numbers_french_and_foreign(raw, expected):
    assert normalise_phone(raw) == expected


def test_flow_refuses_answers_out_of_order_or_forged():
    draft = CallbackDraft(step="method")
    assert not answer(draft, CallbackAnswer("time", "any"))
    assert not answer(draft, CallbackAnswer("method", "carrier_pigeon"))
    assert not answer(draft, CallbackAnswer("consent", "yes")), "consent was already given"
    assert answer(draft, CallbackAnswer("method", "phone")) and draft.step == "phone"
    assert not give_phone(draft, "123") and draft.step == "phone"
    assert give_phone(draft, "0612345678") and draft.step == "time"
    assert answer(draft, CallbackAnswer("time", "today_evening"))
    assert answer(draft, CallbackAnswer("interp", "no"))
    assert draft.step == "done" and draft.interpreter is False


def test_no_consent_keeps_nothing():
    draft = CallbackDraft()
    assert answer(draft, CallbackAnswer("consent", "no")) and draft.step == "refused"
