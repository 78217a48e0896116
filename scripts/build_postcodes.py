"""Build bot/data/postcodes.csv (postcode -> INSEE commune code) from the npm package codes-postaux.

Source: Etalab's "Base officielle des codes postaux" as shipped by the npm package codes-postaux
(data from INSEE's Code officiel géographique and DGFiP's FIMOCT; Licence Ouverte / Open Licence).
Usage: python scripts/build_postcodes.py path/to/codes-postaux.json  (see `make postcodes`).
"""

import csv
import json
import sys
from pathlib import Path

# Municipal arrondissements of Paris, Lyon and Marseille map to their commune, which is what
# OpenFisca-France's housing-aid zones know.
ARRONDISSEMENTS = [(75101, 75120, "75056"), (69381, 69389, "69123"), (13201, 13216, "13055")]
OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "postcodes.csv"


def commune(code: str) -> str:
    if code.isdigit():
        for first, last, city in ARRONDISSEMENTS:
            if first <= int(code) <= last:
                return city
    return code


def main(source: str) -> None:
    rows = json.loads(Path(source).read_text(encoding="utf-8"))
    seen: set[tuple[str, str]] = set()
    out = []
    for row in sorted(rows, key=lambda r: (r["codePostal"], r["codeCommune"])):
        key = (row["codePostal"], commune(row["codeCommune"]))
        if key not in seen:
            seen.add(key)
            out.append([key[0], key[1], row["nomCommune"]])
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["postcode", "depcom", "commune"])
        writer.writerows(out)
    print(f"{len(out)} rows written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
