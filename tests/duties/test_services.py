"""Self-inspection duties through the services: the plan's duties, evidence and submission by
the owner unit, acceptance and return by the ISO officer, who may do what, the history."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from qms.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from qms.duties.queries import report_evidence, report_history
from qms.duties.reporting import (
    DutyInput,
    accept_report,
    add_duty,
    add_report_evidence,
    return_report,
    submit_report,
)
from qms.trace.evidence import EvidenceInput, add_evidence
from qms.trace.queries import links_for_task
from tests.duties.helpers import EVIDENCE, Setup, setup, submitted
from tests.nonconformities.helpers import audit_actions
from tests.plan.files import as_pdf


@pytest.fixture
def s(db, clock) -> Setup:
    return setup()


def test_importing_the_plan_makes_one_duty_per_duty_task_with_the_tasks_owner(s):
    rows = {r.code: r for r in _rows(s)}
    assert sorted(rows) == ["1.4", "1.6", "2.2", "2.5", "3.5", "4.1", "6.3"]
    assert rows["2.5"].owner_unit_id == s.c.tuphap and rows["2.5"].status == "open"
    assert rows["6.3"].owner_unit == "Tài chính - Kế toán" and rows["4.1"].owner_unit_id is None


def _rows(s: Setup):  # type: ignore[no-untyped-def]
    from qms.duties.queries import board
    return board(s.c.org_id, s.periods[0], date(2023, 3, 1))


def test_the_owner_submits_evidence_with_a_file_and_the_iso_officer_accepts(s):
    hoa, hang, row = s.c.actor("hoant"), s.c.actor("hangnt"), s.row("2.5")
    report = add_report_evidence(hoa, row.duty_id, row.period_id, EVIDENCE, "bien-ban.pdf",
                                 as_pdf("Biên bản tự kiểm tra"))
    submit_report(hoa, row.duty_id, row.period_id, None)
    assert s.row("2.5").status == "submitted" and s.row("2.5").evidence == 1
    accept_report(hang, report, s.row("2.5").version, "Đầy đủ.")
    after = s.row("2.5")
    assert (after.status, after.decided_on, after.comment) == ("accepted", date(2023, 3, 1),
                                                               "Đầy đủ.")
    [item] = report_evidence(s.c.org_id, report)
    assert item.file_name == "bien-ban.pdf" and item.doc_number == "03/BB-UBND"
    assert [(h.step, h.by) for h in report_history(s.c.org_id, report)] == [
        ("submit", "Nguyễn Thị Hoa"), ("accept", "Nguyễn Thị Hằng")]
    assert audit_actions("duty_report", report) == ["duty.add_evidence", "duty.submit",
                                                    "duty.accept"]
    linked = links_for_task(s.c.org_id, _task_id(s, "2.5"))
    assert any(x.entity_type == "evidence" and x.entity_id == item.id for x in linked)


def _task_id(s: Setup, code: str) -> int:
    from qms.plan.queries import task_table
    tasks = task_table(s.c.org_id, s.plan_id, date(2023, 1, 1))
    return int(tasks[tasks["code"] == code].iloc[0]["id"])


def test_an_existing_evidence_record_can_be_picked_instead_of_a_new_one(s):
    hoa, row = s.c.actor("hoant"), s.row("2.2")
    existing = add_evidence(hoa, EvidenceInput("Báo cáo rà soát văn bản QPPL", "08/BC-UBND"))
    report = add_report_evidence(hoa, row.duty_id, row.period_id, evidence_id=existing)
    add_report_evidence(hoa, row.duty_id, row.period_id, evidence_id=existing)  # no duplicate
    assert [e.id for e in report_evidence(s.c.org_id, report)] == [existing]
    with pytest.raises(ValidationFailed):
        add_report_evidence(hoa, row.duty_id, row.period_id, EVIDENCE, evidence_id=existing)


@pytest.mark.parametrize("who", ["minhlv", "tungbv", "bennv"])
def test_only_the_owner_units_officers_may_add_evidence_or_submit(s, who):
    row = s.row("2.5")
    with pytest.raises(PermissionDenied):
        add_report_evidence(s.c.actor(who), row.duty_id, row.period_id, EVIDENCE)
    submitted(s)  # the owner unit's officer may
    with pytest.raises(PermissionDenied):
        submit_report(s.c.actor(who), row.duty_id, row.period_id, None)


def test_submitting_without_evidence_is_refused(s):
    row = s.row("2.5")
    with pytest.raises(ValidationFailed) as caught:
        submit_report(s.c.actor("hoant"), row.duty_id, row.period_id, None)
    assert caught.value.key == "duty.submit_needs_evidence"
    assert s.row("2.5").status == "open"


@pytest.mark.parametrize("who", ["hoant", "bennv", "tungbv"])
def test_only_the_iso_officer_accepts_or_returns(s, who):
    report = submitted(s)
    with pytest.raises(PermissionDenied):
        accept_report(s.c.actor(who), report, s.row("2.5").version)
    with pytest.raises(PermissionDenied):
        return_report(s.c.actor(who), report, s.row("2.5").version, "Thiếu chữ ký.")


def test_returning_needs_a_comment_and_a_returned_report_can_be_submitted_again(s):
    report, hang, hoa = submitted(s), s.c.actor("hangnt"), s.c.actor("hoant")
    with pytest.raises(ValidationFailed) as caught:
        return_report(hang, report, s.row("2.5").version, "  ")
    assert caught.value.key == "duty.return_needs_comment"
    return_report(hang, report, s.row("2.5").version, "Biên bản chưa có chữ ký.")
    row = s.row("2.5")
    assert (row.status, row.comment) == ("returned", "Biên bản chưa có chữ ký.")
    add_report_evidence(hoa, row.duty_id, row.period_id, EvidenceInput("Biên bản đã ký"))
    submit_report(hoa, row.duty_id, row.period_id, s.row("2.5").version)
    assert s.row("2.5").status == "submitted" and s.row("2.5").evidence == 2
    steps = [(h.step, h.comment) for h in report_history(s.c.org_id, report)]
    assert steps == [("submit", ""), ("return", "Biên bản chưa có chữ ký."), ("submit", "")]


def test_refused_steps_stale_copies_and_a_closed_report_change_nothing(s):
    report, hang, hoa = submitted(s), s.c.actor("hangnt"), s.c.actor("hoant")
    row = s.row("2.5")
    with pytest.raises(Conflict):  # already submitted
        submit_report(hoa, row.duty_id, row.period_id, row.version)
    with pytest.raises(Conflict):  # evidence only while open or returned
        add_report_evidence(hoa, row.duty_id, row.period_id, EVIDENCE)
    with pytest.raises(Conflict):  # stale version
        accept_report(hang, report, row.version - 1)
    accept_report(hang, report, row.version)
    with pytest.raises(Conflict):
        return_report(hang, report, s.row("2.5").version, "Muộn.")
    assert s.row("2.5").status == "accepted"


def test_the_iso_officer_adds_a_duty_by_hand_owned_by_a_person(s):
    minh, hang = s.c.actor("minhlv"), s.c.actor("hangnt")
    data = DutyInput(s.plan_id, "Tự kiểm tra việc thực hiện quy chế chi tiêu nội bộ",
                     owner_user_id=s.c.users["hoant"], task_id=_task_id(s, "6.3"))
    with pytest.raises(PermissionDenied):
        add_duty(minh, data)
    with pytest.raises(ValidationFailed):
        add_duty(hang, DutyInput(s.plan_id, "Không có người phụ trách"))
    duty_id = add_duty(hang, data)
    with pytest.raises(ValidationFailed):  # one hand-made duty per task
        add_duty(hang, data)
    [row] = [r for r in _rows(s) if r.duty_id == duty_id]
    assert (row.code, row.owner_user, row.origin) == ("6.3", "Nguyễn Thị Hoa", "manual")
    add_report_evidence(s.c.actor("hoant"), duty_id, row.period_id, EVIDENCE)  # the person
    with pytest.raises(PermissionDenied):  # officer of the task's unit, not the owner
        add_report_evidence(minh, duty_id, row.period_id, EVIDENCE)


def test_a_once_per_plan_duty_reports_in_the_plans_last_period_only(s):
    hang = s.c.actor("hangnt")
    duty_id = add_duty(hang, DutyInput(s.plan_id, "Báo cáo tổng kết công tác ISO năm 2023",
                                       owner_unit_id=s.c.units["Văn phòng - Thống kê"],
                                       recurrence="plan"))
    assert all(r.duty_id != duty_id for r in _rows(s))
    with pytest.raises(ValidationFailed):
        add_report_evidence(hang, duty_id, s.periods[0], EVIDENCE)
    add_report_evidence(hang, duty_id, s.periods[-1], EVIDENCE)


def test_another_organisations_duty_is_not_found(s):
    from tests.nonconformities.helpers import commune
    other = commune("Xã Nam Hồng", suffix="2")
    row = s.row("2.5")
    with pytest.raises(NotFound):
        add_report_evidence(other.actor("hoant"), row.duty_id, row.period_id, EVIDENCE)


def test_reimporting_the_plan_carries_reports_and_hand_made_duties_over(s):
    from qms.duties.queries import board, periods
    from qms.plan import saving as plan_save
    from tests.plan.files import SEED

    hang = s.c.actor("hangnt")
    report = submitted(s)
    return_report(hang, report, s.row("2.5").version, "Thiếu chữ ký.")
    add_duty(hang, DutyInput(s.plan_id, "Tự kiểm tra hồ sơ lưu trữ",
                             owner_unit_id=s.c.tuphap, task_id=_task_id(s, "2.5")))
    data = SEED.read_bytes()
    new_plan = plan_save.confirm_import(hang, data, SEED.name, hashlib.sha256(data).hexdigest())
    assert new_plan != s.plan_id
    options, _ = periods(s.c.org_id, date(2023, 1, 1))
    rows = board(s.c.org_id, options[0].id, date(2023, 3, 1))
    moved = next(r for r in rows if r.code == "2.5" and r.origin == "plan")
    assert (moved.status, moved.comment, moved.evidence) == ("returned", "Thiếu chữ ký.", 1)
    assert [h.step for h in report_history(s.c.org_id, moved.report_id)] == ["submit", "return"]
    assert any(r.origin == "manual" and r.code == "2.5" for r in rows)
    assert len(rows) == 8
