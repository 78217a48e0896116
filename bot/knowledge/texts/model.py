"""The texts of one right: its name and its three answers (catalog message ids)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BenefitTexts:
    name: str
    summary: str
    eligibility: str
    how_to_apply: str
