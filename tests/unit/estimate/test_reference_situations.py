"""The estimate shows exactly what OpenFisca-France computes for the reference situations."""

from __future__ import annotations

import pytest

from tests.unit.estimate.reference_cases import (
    CASES,
    SIMULATED,
    VARIABLES,
    D,
    estimate,
    expected_amounts,
    reference_values,
)


@pytest.mark.parametrize("name", SIMULATED)
def test_every_amount_shown_is_openfisca_s_to_the_cent(name):
    result = estimate(name)
    shown = {r.id: r.amount for r in result.results if r.amount is not None}
    assert shown == expected_amounts(name)
    for r in result.results:
        period = {"ars": "year", "cheque_energie": "year", "prime_noel": "once"}.get(r.id, "month")
        assert r.period == period
        if r.amount is not None:
            assert r.amount == r.amount.quantize(D("0.01"))


@pytest.mark.parametrize("name", SIMULATED)
def test_css_is_openfisca_s(name):
    css = estimate(name).get("css")
    reference = reference_values(CASES[name].on)[name]["css"]
    if reference is None:
        assert css is None
    else:
        assert css.amount is None
        assert css.participation == reference


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case.headline])
def test_headline_amounts_match_the_facts_sheet(name):
    result = estimate(name)
    for benefit_id, amount in CASES[name].headline.items():
        assert result.get(benefit_id).amount == amount, benefit_id


def test_all_rights_are_covered():
    covered = {r.id for name in SIMULATED for r in estimate(name).results}
    assert covered == set(VARIABLES) | {"css"}
