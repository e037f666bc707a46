"""Re-importing a revised plan keeps the self-inspection work done under the old version:
hand-made duties are copied to the new version (their plan task followed to its match), and
every report — status, dates, comment, evidence and history — is copied to the matching duty
and the period of the same name. The old version keeps its own rows, readable as they were."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.core.actor import Actor
from qms.core.text import fold
from qms.duties.models import DutyReport, DutyReportEvent, DutyReportEvidence, SelfInspectionDuty
from qms.plan.models import PlanTask, ReportingPeriod
from qms.trail.record import record_change

REPORT_FIELDS = ("status", "submitted_on", "submitted_by_id", "decided_on", "decided_by_id",
                 "comment")


def _period_map(s: Session, old_plan_id: int, new_plan_id: int) -> dict[int, int]:
    new = {fold(name): pid for pid, name in s.execute(
        select(ReportingPeriod.id, ReportingPeriod.name)
        .where(ReportingPeriod.plan_id == new_plan_id))}
    old = s.execute(select(ReportingPeriod.id, ReportingPeriod.name)
                    .where(ReportingPeriod.plan_id == old_plan_id)).all()
    return {pid: new[fold(name)] for pid, name in old if fold(name) in new}


def _new_duty(s: Session, old: SelfInspectionDuty, plan_id: int,
              task_map: dict[int, int]) -> SelfInspectionDuty | None:
    """The new version's duty answering for ``old``: the matched task's, or a copy."""
    task_id = task_map.get(old.task_id) if old.task_id is not None else None
    if old.origin == "plan":
        return s.scalar(select(SelfInspectionDuty).where(
            SelfInspectionDuty.plan_id == plan_id, SelfInspectionDuty.origin == "plan",
            SelfInspectionDuty.task_id == task_id)) if task_id is not None else None
    copy = SelfInspectionDuty(organization_id=old.organization_id, plan_id=plan_id,
                              task_id=task_id, origin="manual", title=old.title,
                              owner_unit_id=old.owner_unit_id, owner_user_id=old.owner_user_id,
                              recurrence=old.recurrence, created_by_id=old.created_by_id)
    s.add(copy)
    s.flush()
    return copy


def _copy_report(s: Session, old: DutyReport, duty_id: int, period_id: int) -> None:
    row = DutyReport(organization_id=old.organization_id, duty_id=duty_id, period_id=period_id,
                     **{name: getattr(old, name) for name in REPORT_FIELDS})
    s.add(row)
    s.flush()
    for link in s.scalars(select(DutyReportEvidence).where(
            DutyReportEvidence.report_id == old.id).order_by(DutyReportEvidence.id)):
        s.add(DutyReportEvidence(organization_id=link.organization_id, report_id=row.id,
                                 evidence_id=link.evidence_id, added_at=link.added_at,
                                 added_by_id=link.added_by_id))
    for e in s.scalars(select(DutyReportEvent).where(
            DutyReportEvent.report_id == old.id).order_by(DutyReportEvent.id)):
        s.add(DutyReportEvent(organization_id=e.organization_id, report_id=row.id,
                              step=e.step, from_status=e.from_status, to_status=e.to_status,
                              comment=e.comment, at=e.at, by_id=e.by_id))


def carry_over_duties(s: Session, actor: Actor, old_plan_id: int, new_plan_id: int) -> int:
    """Copy the old version's hand-made duties and reports to the new one (caller's unit of
    work); returns how many reports were carried over."""
    periods = _period_map(s, old_plan_id, new_plan_id)
    task_map = {old: new for new, old in s.execute(
        select(PlanTask.id, PlanTask.previous_task_id).where(
            PlanTask.plan_id == new_plan_id, PlanTask.previous_task_id.is_not(None)))}
    carried = 0
    for old in s.scalars(select(SelfInspectionDuty).where(
            SelfInspectionDuty.plan_id == old_plan_id).order_by(SelfInspectionDuty.id)).all():
        new = _new_duty(s, old, new_plan_id, task_map)
        if new is None:
            continue
        for report in s.scalars(select(DutyReport).where(DutyReport.duty_id == old.id)).all():
            if report.period_id in periods:
                _copy_report(s, report, new.id, periods[report.period_id])
                carried += 1
    if carried:
        s.flush()
        record_change(s, actor, "duty.carry_over", "plan", new_plan_id,
                     after={"from_plan_id": old_plan_id, "reports": carried})
    return carried
