"""Postcode -> INSEE commune code (what OpenFisca-France's `depcom` needs).

Data: bot/data/postcodes.csv, built by `make postcodes` from Etalab's Base officielle des codes
postaux (npm package codes-postaux; Licence Ouverte). A postcode shared by several communes gives
the first one: close enough for housing-aid zones, which the estimate says is approximate.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "postcodes.csv"
POSTCODE = re.compile(r"\b(\d{2})\s?(\d{3})\b")


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            table.setdefault(row["postcode"], row["depcom"])
    return table


def commune_code(text: str) -> str | None:
    """The commune code for a postcode found in `text` ("75011", "69 003"), or None."""
    match = POSTCODE.search(text)
    if match is None:
        return None
    return _table().get(match[1] + match[2])
