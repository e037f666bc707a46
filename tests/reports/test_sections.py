"""The report-section registry: window bounds and the order of providers."""

from __future__ import annotations

from datetime import date

import pytest

from qms.reports.sections import Section, collect, in_window

START, END = date(2023, 1, 1), date(2023, 3, 15)


@pytest.mark.parametrize(("day", "inside"), [
    (date(2022, 12, 31), False), (START, True), (date(2023, 2, 1), True), (END, True),
    (date(2023, 3, 16), False), (None, False),
])
def test_a_window_includes_its_first_and_last_day_only(day, inside):
    assert in_window(day, START, END) is inside


def test_collect_keeps_the_providers_order_and_drops_empty_sections():
    seen: list[tuple[int, date, date]] = []

    def first(org_id, start, end):
        seen.append((org_id, start, end))
        return Section("a", "A", "một")

    def empty(org_id, start, end):
        return None

    def last(org_id, start, end):
        return Section("b", "B", "hai", ("Cột",), (("1",),))

    assert [s.key for s in collect([first, empty, last], 7, START, END)] == ["a", "b"]
    assert seen == [(7, START, END)]
    with pytest.raises(ValueError):
        collect([first], 7, END, START)
