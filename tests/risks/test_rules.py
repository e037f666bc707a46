"""The risk scale: level = likelihood × impact, its band on every boundary, refusals."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qms.core.actions import action_overdue
from qms.core.errors import ValidationFailed
from qms.risks import rules as risks
from qms.risks.rules import Band


@pytest.mark.parametrize(("likelihood", "impact", "level", "band"), [
    (1, 1, 1, Band.LOW), (2, 2, 4, Band.LOW), (1, 4, 4, Band.LOW),
    (1, 5, 5, Band.MEDIUM), (3, 3, 9, Band.MEDIUM),
    (2, 5, 10, Band.HIGH), (4, 4, 16, Band.HIGH),
    (5, 4, 20, Band.VERY_HIGH), (5, 5, 25, Band.VERY_HIGH)])
def test_the_level_is_likelihood_times_impact_banded_on_the_boundaries(likelihood, impact,
                                                                       level, band):
    assert risks.level(likelihood, impact) == level
    assert risks.band(likelihood, impact) is band


@pytest.mark.parametrize(("value", "band"), [
    (1, Band.LOW), (4, Band.LOW), (5, Band.MEDIUM), (9, Band.MEDIUM), (10, Band.HIGH),
    (16, Band.HIGH), (17, Band.VERY_HIGH), (25, Band.VERY_HIGH)])
def test_every_band_boundary(value, band):
    assert risks.band_of(value) is band


@pytest.mark.parametrize("bad", [0, 6, -1, 2.5, "3", None, True])
def test_a_likelihood_or_impact_off_the_scale_is_refused_in_vietnamese(bad):
    with pytest.raises(ValidationFailed) as raised:
        risks.level(bad, 3)
    assert raised.value.key == "risk.scale"
    assert "từ 1 đến 5" in raised.value.message("vi")
    with pytest.raises(ValidationFailed):
        risks.level(3, bad)


@pytest.mark.parametrize("bad", [0, 26])
def test_a_level_outside_1_to_25_has_no_band(bad):
    with pytest.raises(ValidationFailed):
        risks.band_of(bad)


def test_an_action_is_overdue_only_while_open_past_its_due_date():
    today = date(2023, 6, 10)
    assert action_overdue("open", date(2023, 6, 9), today)
    assert not action_overdue("open", date(2023, 6, 10), today)
    assert not action_overdue("done", date(2023, 6, 1), today)
    assert not action_overdue("open", None, today)


def test_the_trend_compares_with_the_level_before_the_last_review():
    assert risks.trend(None, 9) == "new"
    assert risks.trend(12, 6) == "down"
    assert risks.trend(6, 12) == "up"
    assert risks.trend(6, 6) == "same"


def test_the_next_review_must_come_after_the_review():
    with pytest.raises(ValidationFailed):
        risks.check_review_date(date(2023, 6, 1), date(2023, 6, 1))
    risks.check_review_date(date(2023, 6, 2), date(2023, 6, 1))
    risks.check_review_date(None, date(2023, 6, 1))


@given(st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=3), st.none(),
                 st.booleans()), st.integers(min_value=-3, max_value=8))
def test_any_input_gives_a_level_in_1_to_25_or_a_validation_error(likelihood, impact):
    try:
        value = risks.level(likelihood, impact)
    except ValidationFailed as refused:
        assert refused.key == "risk.scale"
        return
    assert 1 <= value <= 25 and risks.band_of(value) in Band
