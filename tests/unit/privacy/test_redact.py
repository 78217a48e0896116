"""Phone numbers, e-mail addresses and IBANs never reach Rasa's tracker; amounts and places do."""

from __future__ import annotations

import pytest

from bot.privacy.redact import redact


@pytest.mark.parametrize(("typed", "sent"), [
    ("appelez-moi au 06 12 34 56 78 svp", "appelez-moi au [phone] svp"),
    ("0612345678", "[phone]"),
    ("06.12.34.56.78", "[phone]"),
    ("06-12-34-56-78", "[phone]"),
    ("mon fixe 01 42 34 56 78", "mon fixe [phone]"),
    ("+33 6 12 34 56 78", "[phone]"),
    ("+33612345678", "[phone]"),
    ("0033 6 12 34 56 78", "[phone]"),
    ("0033612345678", "[phone]"),
    ("my UK number +44 7911 123456", "my UK number [phone]"),
    ("رقمي +216 20 123 456", "رقمي [phone]"),
    ("رقمي ٠٦١٢٣٤٥٦٧٨", "رقمي [phone]"),  # Eastern Arabic digits
    ("06 12 34 56 78 ou 07 98 76 54 32", "[phone] ou [phone]"),
    ("écrivez à jean.dupont+caf@gmail.com merci", "écrivez à [email] merci"),
    ("mail: Fatima_B@orange.fr", "mail: [email]"),
    ("mon IBAN FR76 3000 6000 0112 3456 7890 189 merci", "mon IBAN [iban] merci"),
    ("FR7630006000011234567890189", "[iban]"),
    ("fr76 3000 6000 0112 3456 7890 189", "[iban]"),
    ("DE89 3704 0044 0532 0130 00", "[iban]"),
    ("FR76 3000 6000 0112 3456 7890 188 (une faute)", "[iban] (une faute)"),  # check digit wrong
])
def test_personal_numbers_and_addresses_are_replaced(typed: str, sent: str):
    assert redact(typed) == sent


@pytest.mark.parametrize("typed", [
    "je gagne 800 euros par mois",
    "loyer 1200€/mois",
    "j'ai 2 500 € de salaire et 3 enfants",
    "RSA 651,69 €",
    "j'habite à Paris 75019",
    "je suis né en 1987, arrivé en 2019",
    "le 12/05/2024",
    "mon numéro CAF est 1234567",
    "j'ai 45 ans",
    "AB12 est mon code",
])
def test_amounts_postcodes_years_and_dates_stay(typed: str):
    assert redact(typed) == typed
