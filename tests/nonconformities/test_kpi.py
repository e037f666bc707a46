"""One-stop figures as a source: a period below the plan's on-time target proposes exactly one
nonconformity, however often the figures are saved; the ISO officer confirms or dismisses it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from qms.core.errors import Conflict, PermissionDenied, ValidationFailed
from qms.db.uow import unit_of_work
from qms.onestop.models import NcProposal
from qms.onestop.queries import figures_by_period, proposals, target_tasks
from qms.onestop.recording import decide_proposal, record_figures
from qms.onestop.rules import Figures
from qms.plan.demo import load_demo_plan
from qms.plan.queries import plan_header, task_detail, task_table
from qms.trace.queries import links_for_task
from tests.nonconformities.helpers import commune, detail

ABOVE = Figures(received=420, early=300, on_time=112, late=3, apologies=3)  # 99.28 %
BELOW = Figures(received=410, early=200, on_time=180, late=20, apologies=20)  # 95 %


@pytest.fixture
def plan(db, clock):
    c = commune()
    plan_id = load_demo_plan(c.org_id)
    periods = plan_header(c.org_id, plan_id).periods
    tasks = task_table(c.org_id, plan_id, date(2023, 1, 1))
    on_time_task = int(tasks[tasks["code"] == "3.6"].iloc[0]["id"])
    return c, plan_id, periods, on_time_task


def _proposals(org_id: int) -> int:
    with unit_of_work() as uow:
        return uow.session.scalar(select(func.count(NcProposal.id)).where(
            NcProposal.organization_id == org_id)) or 0


def test_figures_above_target_measure_the_task_and_propose_nothing(plan):
    c, plan_id, periods, task_id = plan
    saved = record_figures(c.actor("hangnt"), periods[0].id, ABOVE)
    assert (saved.rate, saved.target_met, saved.proposal_id) == (99.28, True, None)
    measured = task_detail(c.org_id, task_id).targets[0].measurements[periods[0].id]
    assert measured[0] == 99.28 and measured[2] is True
    assert _proposals(c.org_id) == 0
    row = figures_by_period(c.org_id, plan_id)[0]
    assert row.figures == ABOVE and row.task_code == "3.6" and row.met is True


def test_the_default_task_is_the_range_target_on_dossiers_returned_on_time(plan):
    c, plan_id, _, task_id = plan
    tasks, default = target_tasks(plan_id)
    assert default == task_id and len(tasks) == 3


def test_below_target_proposes_exactly_one_however_often_figures_are_saved(plan):
    c, plan_id, periods, task_id = plan
    officer = c.actor("hangnt")
    first = record_figures(officer, periods[1].id, BELOW)
    assert (first.rate, first.target_met) == (95.0, False) and first.proposal_id
    again = record_figures(officer, periods[1].id, Figures(410, 200, 185, 15, 15))
    assert again.proposal_id == first.proposal_id and _proposals(c.org_id) == 1
    recovered = record_figures(officer, periods[1].id, ABOVE)
    assert recovered.proposal_id is None and proposals(c.org_id, plan_id) == []
    worse = record_figures(officer, periods[1].id, BELOW)
    assert worse.proposal_id == first.proposal_id and _proposals(c.org_id) == 1
    [view] = proposals(c.org_id, plan_id)
    assert (view.rate, view.status, view.task_id) == (95.0, "pending", task_id)


def test_confirming_records_a_nonconformity_linked_to_the_plan_task(plan):
    c, plan_id, periods, task_id = plan
    saved = record_figures(c.actor("hoant"), periods[1].id, BELOW)
    [view] = proposals(c.org_id, plan_id)
    with pytest.raises(PermissionDenied):
        decide_proposal(c.actor("bennv"), saved.proposal_id, True, "", view.version)
    nc_id = decide_proposal(c.actor("hangnt"), saved.proposal_id, True, "", view.version)
    nc = detail(c, nc_id)
    assert (nc.source, nc.source_type, nc.clause) == ("kpi", "nc_proposal", "9.1")
    assert nc.title == "Tỷ lệ hồ sơ đúng hạn kỳ 6 tháng đầu năm 2023 chỉ đạt 95%"
    assert [code for _, _, code, _ in nc.tasks] == ["3.6"]
    assert any(x.entity_type == "nonconformity" and x.entity_id == nc_id
               for x in links_for_task(c.org_id, task_id))
    [decided] = proposals(c.org_id, plan_id)
    assert (decided.status, decided.nc_number) == ("confirmed", nc.number)
    record_figures(c.actor("hangnt"), periods[1].id, Figures(410, 190, 180, 40, 40))
    assert _proposals(c.org_id) == 1 and proposals(c.org_id, plan_id)[0].status == "confirmed"
    with pytest.raises(Conflict):
        decide_proposal(c.actor("hangnt"), saved.proposal_id, False, "Muộn",
                        proposals(c.org_id, plan_id)[0].version)


def test_dismissing_needs_and_keeps_a_reason(plan):
    c, plan_id, periods, _ = plan
    saved = record_figures(c.actor("hangnt"), periods[1].id, BELOW)
    version = proposals(c.org_id, plan_id)[0].version
    with pytest.raises(ValidationFailed):
        decide_proposal(c.actor("hangnt"), saved.proposal_id, False, " ", version)
    assert decide_proposal(c.actor("hangnt"), saved.proposal_id, False,
                           "Mất điện 3 ngày, đã có biên bản", version) is None
    [view] = proposals(c.org_id, plan_id)
    assert (view.status, view.reason) == ("dismissed", "Mất điện 3 ngày, đã có biên bản")


def test_figures_are_checked_and_recorded_only_by_officers(plan):
    c, _, periods, _ = plan
    with pytest.raises(PermissionDenied):
        record_figures(c.actor("tungbv"), periods[0].id, ABOVE)
    with pytest.raises(ValidationFailed) as err:
        record_figures(c.actor("hoant"), periods[0].id, Figures(10, 8, 8, 0))
    assert err.value.key == "onestop.more_resolved_than_received"
