"""Numbers, five whys, recurrence and the one-stop on-time rate, as pure rules."""

from __future__ import annotations

from datetime import date

import pytest

from qms.core.errors import ValidationFailed
from qms.nonconformities.vocabulary_rules import (
    ClosedCase,
    NcGrade,
    check_prefix,
    choice,
    clean_whys,
    format_number,
    parse_number,
    procedure_key,
    recurrence_of,
)
from qms.onestop.rules import Figures, TargetCandidate, check_figures, default_target_task

PROC = procedure_key(None, "QT-05 Đăng ký khai sinh")
CLOSED = ClosedCase(3, "KPH-2022-007", "8.5.1", 2, PROC, date(2022, 4, 15))


def test_numbers_carry_prefix_year_and_three_digits():
    assert format_number("KPH", 2023, 1) == "KPH-2023-001"
    assert format_number("NC", 2023, 1234) == "NC-2023-1234"
    assert parse_number(" kph-2023-001 ") == ("KPH", 2023, 1)
    assert parse_number("KPH-23-1") is None


def test_a_prefix_is_short_capitals_or_digits():
    assert check_prefix(" pyc ") == "PYC"
    for bad in ("", "KPH-", "QUÁ DÀI NHIỀU CHỮ", "A B"):
        with pytest.raises(ValidationFailed):
            check_prefix(bad)


def test_choices_refuse_values_outside_the_vocabulary():
    assert choice(NcGrade, "major", "nc.bad_grade") == "major"
    with pytest.raises(ValidationFailed) as err:
        choice(NcGrade, "serious", "nc.bad_grade")
    assert err.value.params == {"value": "serious"}


def test_the_why_chain_drops_blanks_and_keeps_at_most_five():
    assert clean_whys([" Hồ sơ  trả chậm ", "", None, "Không ai theo dõi"]) == [
        "Hồ sơ trả chậm", "Không ai theo dõi"]
    with pytest.raises(ValidationFailed):
        clean_whys(["Vì sao"] * 6)


def test_the_same_procedure_is_the_same_document_or_the_same_words():
    assert procedure_key(None, "QT-05 Đăng ký KHAI SINH") == PROC
    assert procedure_key(12, "bất kỳ") == "doc:12"


@pytest.mark.parametrize(("found_on", "repeats"), [
    (date(2023, 4, 15), True),  # exactly twelve months later
    (date(2022, 9, 1), True),
    (date(2023, 4, 16), False),  # a day too late
    (date(2022, 4, 14), False),  # before it was closed
])
def test_recurrence_is_a_closed_case_of_the_same_clause_unit_and_procedure_within_a_year(
        found_on, repeats):
    found = recurrence_of("8.5.1", 2, PROC, found_on, [CLOSED])
    assert (found == CLOSED) is repeats


@pytest.mark.parametrize(("clause", "unit", "procedure"), [
    ("8.5.2", 2, PROC), ("8.5.1", 5, PROC), ("8.5.1", 2, "qt-06"), ("", 2, PROC),
    ("8.5.1", None, PROC)])
def test_a_different_clause_unit_or_procedure_is_no_recurrence(clause, unit, procedure):
    assert recurrence_of(clause, unit, procedure, date(2022, 9, 1), [CLOSED]) is None


def test_the_on_time_rate_counts_early_and_on_time_over_resolved():
    figures = Figures(received=420, early=300, on_time=110, late=5, apologies=5)
    assert figures.resolved == 415 and figures.on_time_rate == 98.8
    assert Figures(3, 0, 0, 0).on_time_rate is None


@pytest.mark.parametrize("figures", [Figures(10, 6, 6, 0), Figures(10, -1, 0, 0),
                                     Figures(5, 1, 1, 1, apologies=6)])
def test_impossible_figures_are_refused(figures):
    with pytest.raises(ValidationFailed):
        check_figures(figures)


def test_the_default_target_is_the_on_time_range_target():
    candidates = [TargetCandidate(1, "Công khai 100% TTHC", "="),
                  TargetCandidate(2, "Phấn đấu 98%-100% hồ sơ được trả đúng hạn", "range"),
                  TargetCandidate(3, "Giải ngân trên 90%", ">")]
    assert default_target_task(candidates) == 2
    assert default_target_task(candidates[:1]) is None
