"""Similar cases, recurrence, overdue on its boundaries, and "Việc của tôi" for each person."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qms.core.clock import today
from qms.dashboard.my_work import my_work
from qms.nonconformities import actions as ca
from qms.nonconformities.queries import NcFilter, register, similar_cases
from qms.nonconformities.recording import raise_nonconformity
from qms.plan.demo import load_demo_plan
from qms.plan.queries import task_table
from qms.plan.tasks import TaskUpdate, update_task
from tests.nonconformities.helpers import commune, detail, done, nc_input, planned

EFFECTIVE = ca.VerificationInput(True, "Không còn trường hợp trễ hạn.")


@pytest.fixture
def c(db, clock, monkeypatch):
    monkeypatch.setenv("QMS_NC_VERIFY_WAIT_DAYS", "0")
    return commune()


def _close(c, nc_id: int) -> None:  # type: ignore[no-untyped-def]
    ca.verify_effectiveness(c.actor("hangnt"), nc_id, EFFECTIVE, detail(c, nc_id).version)
    ca.close_nonconformity(c.actor("bennv"), nc_id, detail(c, nc_id).version)


def test_a_closed_case_coming_back_within_twelve_months_is_flagged(c, clock):
    first, _ = done(c)
    _close(c, first)
    clock.advance(days=200)
    again = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    other_unit = raise_nonconformity(c.actor("hangnt"), "", None,
                                     nc_input(c, unit_id=c.units["Tài chính - Kế toán"]))
    assert detail(c, again).recurrence_of == detail(c, first).number
    assert detail(c, other_unit).recurrence_of == ""
    frame = register(c.org_id, NcFilter(), today())
    assert dict(zip(frame["id"], frame["recurrence"], strict=True))[again]


def test_a_case_coming_back_after_more_than_a_year_is_not_a_recurrence(c, clock):
    first, _ = done(c)
    _close(c, first)
    clock.advance(days=370)
    later = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    assert detail(c, later).recurrence_of == ""


def test_similar_cases_share_the_clause_the_procedure_or_the_unit(c):
    same_clause = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(
        c, unit_id=c.units["Tài chính - Kế toán"], procedure="Thu ngân sách"))
    same_unit = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(
        c, clause="7.5.3", procedure="Chứng thực"))
    raise_nonconformity(c.actor("hangnt"), "", None, nc_input(
        c, clause="9.1", unit_id=None, procedure="Khác"))
    found = similar_cases(c.org_id, "8.5.1", c.tuphap, None, "QT-05 đăng ký KHAI SINH")
    assert {(x.id, x.same) for x in found} == {(same_clause, ("clause",)),
                                               (same_unit, ("unit",))}
    assert similar_cases(c.org_id, "", None, None, "") == []


def test_an_action_due_today_is_not_overdue_one_due_yesterday_is(c, clock):
    due_yesterday, _ = planned(c, due=today())
    due_today, _ = planned(c, due=today() + timedelta(days=1))
    clock.advance(days=1)
    frame = register(c.org_id, NcFilter(), today())
    overdue = dict(zip(frame["id"], frame["overdue"], strict=True))
    assert overdue == {due_yesterday: True, due_today: False}
    assert list(register(c.org_id, NcFilter(overdue=True), today())["id"]) == [due_yesterday]
    [late] = [i for i in my_work(c.actor("hoant"), today()) if i.kind == "nc.action"
              and i.overdue]
    assert late.label.startswith(detail(c, due_yesterday).number)


def test_a_closed_nonconformity_is_never_overdue(c, clock):
    nc_id, _ = done(c)
    _close(c, nc_id)
    clock.advance(days=100)
    assert not register(c.org_id, NcFilter(), today())["overdue"].any()


def test_my_work_lists_the_next_step_for_each_person(c):
    new = raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c))
    acting, _ = planned(c, owner="minhlv")
    checking, _ = done(c, owner="hoant")
    closing, _ = done(c, owner="hoant")
    ca.verify_effectiveness(c.actor("hangnt"), closing, EFFECTIVE, detail(c, closing).version)

    def kinds(username: str) -> set[tuple[str, str]]:
        return {(i.kind, i.query.get("nc", "")) for i in my_work(c.actor(username), today())}

    number = {x: detail(c, x).number for x in (new, acting, checking, closing)}
    assert ("nc.analyse", number[new]) in kinds("hoant")  # an officer of the unit concerned
    assert kinds("minhlv") == {("nc.action", number[acting])}
    assert ("nc.verify", number[checking]) in kinds("hangnt")
    assert ("nc.close", number[closing]) in kinds("bennv")
    assert ("nc.verify", number[checking]) not in kinds("hoant")  # she owned the action
    assert kinds("tungbv") == set()


def test_my_work_lists_plan_tasks_late_or_due_within_two_weeks(c):
    plan_id = load_demo_plan(c.org_id)
    tasks = task_table(c.org_id, plan_id, date(2023, 1, 1))
    rows = {code: tasks[tasks["code"] == code].iloc[0] for code in ("2.1", "2.2", "2.3")}
    for code, offset in (("2.1", -1), ("2.2", 14), ("2.3", 15)):
        update_task(c.actor("hangnt"), int(rows[code]["id"]), TaskUpdate(
            c.tuphap, None, today() + timedelta(days=offset), "in_progress"),
            int(rows[code]["version"]))
    items = [i for i in my_work(c.actor("hoant"), today()) if i.kind == "plan.task"]
    assert [(i.label[:3], i.overdue) for i in items] == [("2.1", True), ("2.2", False)]
    assert items[0].query == {"plan": str(plan_id), "task": str(int(rows["2.1"]["id"]))}
    assert [i for i in my_work(c.actor("tungbv"), today()) if i.kind == "plan.task"] == []
