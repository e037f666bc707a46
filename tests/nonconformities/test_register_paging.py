"""The nonconformity register is read one page at a time, counted in SQL."""

from __future__ import annotations

from datetime import date

from qms.core.actor import Actor
from qms.core.roles import Role
from qms.demo.scale.history import SCALES, add_history
from qms.nonconformities.queries import NcFilter, register, register_page
from tests.factories import make_org, make_unit, make_user

DAY = date(2026, 11, 29)


def _org_with_history() -> int:
    org_id = make_org()
    make_unit(org_id)
    make_user(org_id, "canbo", Role.OFFICER)
    add_history(Actor.system(org_id), SCALES["tiny"], seed=5, last_year=2025)
    return org_id


def test_pages_follow_the_full_register_newest_first_with_the_total_of_all_matches(db):
    org_id = _org_with_history()
    everything = register(org_id, NcFilter(), DAY)
    first = register_page(org_id, NcFilter(), DAY, page=1, page_size=25)
    last = register_page(org_id, NcFilter(), DAY, page=3, page_size=25)
    assert first.total == last.total == len(everything) == 60
    assert list(first.frame["number"]) == list(everything["number"][:25])
    assert list(last.frame["number"]) == list(everything["number"][50:])
    assert first.overdue == 0
    beyond = register_page(org_id, NcFilter(), DAY, page=4, page_size=25)
    assert beyond.frame.empty and beyond.total == 60


def test_filters_and_searches_count_only_the_matching_records(db):
    org_id = _org_with_history()
    by_year = register_page(org_id, NcFilter(year=2024), DAY, page=1, page_size=5)
    assert by_year.total == 20 and len(by_year.frame) == 5
    assert set(by_year.frame["number"].str[:8]) == {"KPH-2024"}
    searched = register_page(org_id, NcFilter(search="kph-2025-01"), DAY, page=2, page_size=5)
    assert searched.total == 10  # KPH-2025-010 … 019
    assert list(searched.frame["number"]) == [f"KPH-2025-{n:03d}" for n in (14, 13, 12, 11, 10)]
