"""The dashboard's figures: each equals the count of the register (or list) a tile links to,
on the demo, on SQLite and PostgreSQL; NC age buckets on their boundaries; the deadline
registry; a home page whose number of SQL statements does not grow with the data."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from qms import features
from qms.audits.coverage_queries import answered_questions, coverage_cells
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.feature import Feature
from qms.dashboard import deadlines
from qms.dashboard import figures as q
from qms.dashboard.work_items import WorkItem
from qms.duties.queries import BoardFilter, board, periods
from qms.duties.rules import DutyStatus
from qms.nonconformities.ageing_rules import BUCKET_NAMES, found_between
from qms.nonconformities.queries import NcFilter, register
from qms.nonconformities.recording import raise_nonconformity
from qms.nonconformities.rules import NcStatus
from qms.onestop.queries import figures_by_period
from qms.plan.queries import task_table
from tests.dashboard.helpers import demo
from tests.factories import signed_in
from tests.nonconformities.helpers import commune, nc_input, planned
from tests.ui.apptest import open_page

DAY = date(2023, 9, 20)  # after the demo's last dated step, before the year's report is due


@pytest.fixture
def org(db, clock) -> int:
    clock.now_value = clock.now_value.replace(month=DAY.month, day=DAY.day)
    return demo()


def test_nc_tiles_equal_the_register_by_status_and_by_age(org):
    by_status, by_age = q.nc_by_status(org), q.nc_by_age(org, DAY)
    assert sum(by_status.values()) == len(register(org, NcFilter(), DAY)) > 0
    for status in NcStatus:
        assert by_status[status.value] == len(register(org, NcFilter(status=status.value), DAY))
    for bucket in BUCKET_NAMES:
        assert by_age[bucket] == len(register(org, NcFilter(age=bucket), DAY)), bucket
    assert sum(by_age.values()) == len(register(org, NcFilter(status="open"), DAY))


def test_overdue_items_by_kind_equal_the_filtered_lists(org):
    items = deadlines.all_deadlines(org, DAY)
    overdue = Counter(i.kind for i in items if i.overdue)
    assert overdue["nc.action"] == len(register(org, NcFilter(overdue=True), DAY)) == 1
    options, _ = periods(org, DAY)
    late_duties = sum(len(board(org, p.id, DAY, BoardFilter(overdue=True))) for p in options)
    assert overdue["duty.submit"] == late_duties == 15
    by_period = Counter(i.query["period"] for i in items if i.overdue and i.kind == "duty.submit")
    for p in options:
        assert by_period[str(p.id)] == len(board(org, p.id, DAY, BoardFilter(overdue=True)))
    plan_id = next(int(i.query["plan"]) for i in items if i.kind == "plan.task")
    tasks = task_table(org, plan_id, DAY)
    assert overdue["plan.task"] == int((tasks["status"] == "late").sum())


def test_the_self_inspection_tile_equals_the_board_of_each_period_current_first(org):
    tiles = q.duty_status(org, DAY)
    assert [x.period for x in tiles] == ["Tổng hợp năm 2023", "Quý I/2023",
                                         "6 tháng đầu năm 2023", "Quý III/2023"]
    for tile in tiles:
        for status in DutyStatus:
            shown = board(org, tile.period_id, DAY, BoardFilter(status=status.value))
            assert tile.counts[status.value] == len(shown), (tile.period, status)
    assert sum(x.counts["accepted"] for x in tiles) > 0


def test_the_coverage_heatmap_equals_the_answered_questions_of_each_cell(org):
    cells = coverage_cells(org, 2023)
    assert cells and sum(c.answered for c in cells) == len(answered_questions(org, 2023, None,
                                                                              None))
    for c in cells:
        rows = answered_questions(org, 2023, c.clause, c.unit_id)
        assert (c.answered, c.findings) == (len(rows), sum(1 for r in rows if r.finding))
        assert all(r.clause.startswith(c.clause) for r in rows)
    assert coverage_cells(org, 2022) == []


def test_the_on_time_rates_equal_the_one_stop_page(org):
    rates = q.onestop_rates(org)
    plan_id = next(int(i.query["plan"]) for i in deadlines.all_deadlines(org, DAY)
                   if i.kind == "plan.task")
    page = figures_by_period(org, plan_id)
    assert [(r.period_id, r.rate, r.met) for r in rates] == [
        (p.period_id, p.figures.on_time_rate if p.figures else None, p.met) for p in page]
    assert [r.met for r in rates if r.rate is not None] == [True, False]


def test_next_deadlines_are_not_overdue_and_come_in_date_order(org):
    upcoming = [i for i in deadlines.all_deadlines(org, DAY) if not i.overdue]
    assert upcoming and all(i.due is not None and i.due >= DAY for i in upcoming)
    assert [i.due for i in upcoming] == sorted(i.due for i in upcoming)  # type: ignore[type-var]
    kinds = {i.kind for i in upcoming}
    assert {"audit.planned", "plan.task", "duty.submit", "period.cutoff",
            "review.action"} <= kinds


def extra_deadlines(org_id: int, today: date) -> list[WorkItem]:
    return [WorkItem("voice.reply", "Phản ánh số 7", today - timedelta(days=1), True,
                     "pages/05_viec_cua_toi.py")]


def test_a_new_deadline_source_is_one_entry_in_the_features(monkeypatch, db):
    extra = Feature("extra", deadlines=(f"{__name__}:extra_deadlines",))
    monkeypatch.setattr(features, "FEATURES", (*features.FEATURES, extra))
    found = deadlines.all_deadlines(commune().org_id, DAY)
    assert [i.label for i in found] == ["Phản ánh số 7"]


def test_age_buckets_split_on_30_and_31_days():
    assert found_between("31-60", DAY) == (DAY - timedelta(days=60), DAY - timedelta(days=31))
    assert found_between("gt90", DAY) == (None, DAY - timedelta(days=91))


def test_open_ncs_found_30_and_31_days_ago_fall_in_different_buckets(db, clock):
    c = commune()
    day = today()
    for age in (0, 30, 31, 60, 61, 90, 91):
        raise_nonconformity(c.actor("hangnt"), "", None,
                            nc_input(c, found_on=day - timedelta(days=age)))
    assert q.nc_by_age(c.org_id, day) == {"0-30": 2, "31-60": 2, "61-90": 2, "gt90": 1}
    ages = register(c.org_id, NcFilter(age="31-60"), day)["days_open"]
    assert sorted(ages) == [31, 60]


class _Statements:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *args: object) -> None:
        self.count += 1


def _home_statements(session_id: int | None) -> int:
    counter = _Statements()
    event.listen(Engine, "before_cursor_execute", counter)
    try:
        at = open_page("app.py", session_id)
        assert not at.exception
    finally:
        event.remove(Engine, "before_cursor_execute", counter)
    return counter.count


def _more_records(org_id: int) -> None:
    """Open nonconformities in every age bucket."""
    actor = Actor.system(org_id, "test")
    for age in (3, 45, 75, 120):
        raise_nonconformity(actor, "", None, {
            "description": f"Hồ sơ trả chậm {age} ngày trước", "grade": "minor",
            "source": "citizen_feedback", "clause": "8.5.1", "found_on": DAY - timedelta(days=age)})


def test_the_home_page_runs_as_many_statements_whatever_the_data_size(org):
    session = signed_in("hangnt").session_id
    _home_statements(session)  # warm caches (clause list, settings)
    before = _home_statements(session)
    _more_records(org)
    assert _home_statements(session) == before


def test_a_commune_with_more_actions_runs_as_many_statements(db, clock):
    c = commune()
    session = c.session("hangnt")
    planned(c, due=today() - timedelta(days=2), found_on=today() - timedelta(days=10))
    _home_statements(session)
    before = _home_statements(session)
    for _ in range(3):
        planned(c, due=today() - timedelta(days=1), found_on=today() - timedelta(days=40))
    assert _home_statements(session) == before
