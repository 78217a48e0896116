"""Telegram ids never leave unhashed."""

from bot.privacy.pseudonyms import Pseudonymizer


def test_pseudonym_is_keyed_and_stable():
    a, b = Pseudonymizer("key-1"), Pseudonymizer("key-2")
    assert a(123456789) == a("123456789")
    assert a(123456789) != b(123456789)
    assert "123456789" not in a(123456789) and len(a(1)) == 64


def test_worker_pseudonyms_are_short_marked_and_distinct_from_persons():
    key = Pseudonymizer("key-1")
    assert key.worker(42).startswith("worker:") and len(key.worker(42)) == 23
    assert key.worker(42)[7:] not in key(42)
