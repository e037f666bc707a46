"""Clause numbers sort by their numbers, as the standard lists them."""

from __future__ import annotations

from qms.core.clauses import clause_order


def test_clauses_sort_by_number_and_a_missing_one_last():
    clauses = ["10.2", "", "7.5.3", "9.1", "7.5", "8.x"]
    assert sorted(clauses, key=clause_order) == ["7.5", "7.5.3", "8.x", "9.1", "10.2", ""]
