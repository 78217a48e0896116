"""Estimate a person's rights from a few answers, with OpenFisca-France."""

from bot.estimate.answers import Answers
from bot.estimate.compute import Estimate, Result, estimate_entitlements
from bot.estimate.situation import build_situation

__all__ = ["Answers", "Estimate", "Result", "build_situation", "estimate_entitlements"]
