"""Take phone numbers, e-mail addresses and IBANs out of what a person wrote before Rasa sees it.

Rasa's tracker store keeps every message word for word for TRACKER_RETENTION_DAYS; the bot needs
none of these to answer (a callback's phone number is asked for in its own step, which never goes
to Rasa). They are replaced by placeholders ("[phone]", "[email]", "[iban]") so the sentence still
reads as a sentence for the NLU model.

Phone numbers are found by `phonenumbers` (Google's libphonenumber): French numbers in every way
people type them (06 12 34 56 78, 06.12..., +33 6..., 0033 6...) and foreign numbers written with
their country code; only numbers valid for their country, so amounts ("800 euros", "1200€/mois"),
postcodes (75019) and years stay. An IBAN is two letters, two check digits and 11 to 30 letters or
digits, spaces allowed every four, and must pass its ISO 13616 check (mod 97)
or carry at least 14 digits (a mistyped one is still an account number).
"""

from __future__ import annotations

import re

import phonenumbers

PHONE, EMAIL, IBAN = "[phone]", "[email]", "[iban]"
REGION = "FR"  # how numbers without a country code are read
MISTYPED_IBAN_DIGITS = 14  # an IBAN-shaped string failing its check, but with this many digits

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Country code, check digits, then groups of up to four letters or digits (spaces between groups).
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{1,4}){3,8}\b")


def _iban_checks(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or sum(c.isdigit() for c in compact) < 8:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _longest_iban(match: re.Match[str]) -> str:
    """The IBAN at the start of `match`, dropping words that followed it; unchanged if none.

    One that fails its check but carries an account number's worth of digits (a typo) goes too.
    """
    text = match.group(0)
    cuts = [m.start() for m in re.finditer(" ", text)] + [len(text)]
    for end in sorted(cuts, reverse=True):
        if _iban_checks(text[:end]):
            return IBAN + text[end:]
    groups = text.split(" ")
    while groups and not any(c.isdigit() for c in groups[-1]):
        groups.pop()  # words after the number
    if sum(c.isdigit() for c in "".join(groups)) >= MISTYPED_IBAN_DIGITS:
        return IBAN + text[len(" ".join(groups)):]
    return text


def redact(text: str) -> str:
    """`text` with phone numbers, e-mail addresses and IBANs replaced by placeholders."""
    text = _EMAIL.sub(EMAIL, text)
    text = _IBAN.sub(_longest_iban, text)
    found = list(phonenumbers.PhoneNumberMatcher(text, REGION, leniency=phonenumbers.Leniency.VALID))
    for match in reversed(found):  # from the end, so earlier offsets stay right
        text = text[:match.start] + PHONE + text[match.end:]
    return text
