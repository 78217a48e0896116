"""Site links: Telegram's payload rules, and payloads nobody can guess from a site's name."""

import pytest

from bot.outreach.links import PAYLOAD, deep_link, new_payload


def test_a_payload_fits_telegrams_start_parameter():
    payloads = {new_payload() for _ in range(200)}
    assert len(payloads) == 200  # never the same twice
    assert all(PAYLOAD.match(p) and len(p) <= 64 for p in payloads)


def test_a_payload_copied_from_a_strip_has_no_letters_to_mix_up():
    assert not set("".join(new_payload() for _ in range(200))) & set("0oO1lIi-_")


def test_the_deep_link_opens_the_bot_with_the_payload():
    assert deep_link("allervers_bot", "AbC-12_x") == "https://t.me/allervers_bot?start=AbC-12_x"


@pytest.mark.parametrize("payload", ["", "a b", "a" * 65, "été", "x?y=1"])
def test_a_payload_telegram_would_refuse_is_refused(payload):
    with pytest.raises(ValueError):
        deep_link("allervers_bot", payload)
