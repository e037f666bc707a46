"""Self-inspection duties: the list kept by the ISO officer, and each period's report — the
owner hands in evidence documents, the ISO officer accepts them or returns them with a comment.

Evidence goes to the one evidence store (``qms.trace.evidence``) and, when the duty comes
from a plan task, is linked to that task as well, so the plan and the traceability matrix see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.auth.models import Unit, User
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import NotFound, ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.duties import rules
from qms.duties.models import DutyReport, DutyReportEvent, DutyReportEvidence, SelfInspectionDuty
from qms.duties.rules import DutyStatus, DutyStep, PeriodFacts, Recurrence
from qms.plan.models import Plan, PlanTask, ReportingPeriod
from qms.trace.evidence import EvidenceInput, insert_evidence
from qms.trace.file_models import Evidence
from qms.trace.links import insert_link
from qms.trail.record import record_change
from qms.trail.stale import check_version

ENTITY, REPORT = "self_inspection_duty", "duty_report"


@dataclass(frozen=True)
class DutyInput:
    plan_id: int
    title: str
    owner_unit_id: int | None = None
    owner_user_id: int | None = None
    task_id: int | None = None
    recurrence: str = Recurrence.PERIOD.value


def insert_plan_duties(s: Session, actor: Actor, plan_id: int) -> int:
    """Make one duty per ``is_duty`` task of the plan that has none yet (caller's unit of work)."""
    have = select(SelfInspectionDuty.task_id).where(SelfInspectionDuty.plan_id == plan_id,
                                                    SelfInspectionDuty.origin == "plan")
    tasks = s.scalars(select(PlanTask.id).where(
        PlanTask.plan_id == plan_id, PlanTask.is_duty.is_(True),
        PlanTask.id.not_in(have.where(SelfInspectionDuty.task_id.is_not(None))))
        .order_by(PlanTask.id)).all()
    for task_id in tasks:
        s.add(SelfInspectionDuty(organization_id=actor.organization_id, plan_id=plan_id,
                                 task_id=task_id, origin="plan", created_by_id=actor.user_id))
    if tasks:
        s.flush()
        record_change(s, actor, "duty.from_plan", "plan", plan_id, after={"duties": len(tasks)})
    return len(tasks)


def add_duty(actor: Actor, data: DutyInput) -> int:
    """Add a duty by hand: a title, an owner unit and/or person, optionally a plan task."""
    actor.require("duty.manage")
    title = v.text(data.title, "field.duty.title", max_len=500, required=True)
    if data.owner_unit_id is None and data.owner_user_id is None:
        raise ValidationFailed("duty.needs_owner")
    recurrence = Recurrence(data.recurrence).value
    with unit_of_work() as uow:
        s = uow.session
        plan = owned(s, Plan, data.plan_id, actor)
        _check_refs(s, actor, data)
        row = SelfInspectionDuty(organization_id=actor.organization_id, plan_id=plan.id,
                                 task_id=data.task_id, origin="manual", title=title,
                                 owner_unit_id=data.owner_unit_id,
                                 owner_user_id=data.owner_user_id, recurrence=recurrence,
                                 created_by_id=actor.user_id)
        s.add(row)
        s.flush()
        record_change(s, actor, "duty.create", ENTITY, row.id, after={
            "plan_id": plan.id, "title": title, "owner_unit_id": data.owner_unit_id,
            "owner_user_id": data.owner_user_id, "task_id": data.task_id,
            "recurrence": recurrence})
        uow.commit()
        return row.id


def _check_refs(s: Session, actor: Actor, data: DutyInput) -> None:
    """The owner unit, owner person and plan task belong to the organisation (and plan)."""
    for model, ref in ((Unit, data.owner_unit_id), (User, data.owner_user_id)):
        if ref is not None:
            owned(s, model, ref, actor)
    if data.task_id is not None:
        task = s.get(PlanTask, data.task_id)
        if task is None or task.plan_id != data.plan_id:
            raise NotFound("error.not_found")
        taken = s.scalar(select(SelfInspectionDuty.id).where(
            SelfInspectionDuty.plan_id == data.plan_id, SelfInspectionDuty.origin == "manual",
            SelfInspectionDuty.task_id == data.task_id))
        if taken is not None:
            raise ValidationFailed("duty.task_taken")


def owner_of(s: Session, duty: SelfInspectionDuty) -> tuple[int | None, int | None]:
    """(unit, person) answering for the duty: the task's for a plan duty, else its own."""
    if duty.origin == "plan" and duty.task_id is not None:
        task = s.get(PlanTask, duty.task_id)
        if task is not None:
            return task.owner_unit_id, task.owner_user_id
    return duty.owner_unit_id, duty.owner_user_id


def _require_owner(s: Session, actor: Actor, duty: SelfInspectionDuty) -> None:
    unit_id, user_id = owner_of(s, duty)
    actor.require("duty.submit", unit_id=unit_id, owner_id=user_id)


def _duty_and_period(s: Session, actor: Actor, duty_id: int,
                     period_id: int) -> tuple[SelfInspectionDuty, ReportingPeriod]:
    duty = owned(s, SelfInspectionDuty, duty_id, actor)
    period = s.get(ReportingPeriod, period_id)
    if period is None or period.plan_id != duty.plan_id:
        raise NotFound("error.not_found")
    if duty.recurrence == Recurrence.PLAN.value:
        periods = s.scalars(select(ReportingPeriod).where(
            ReportingPeriod.plan_id == duty.plan_id)).all()
        last = rules.plan_period(PeriodFacts(p.id, p.ordinal, p.end_date) for p in periods)
        if period.id != last:
            raise ValidationFailed("duty.once_per_plan")
    return duty, period


def _report(s: Session, actor: Actor, duty: SelfInspectionDuty,
            period: ReportingPeriod) -> DutyReport:
    row = s.scalar(select(DutyReport).where(DutyReport.duty_id == duty.id,
                                            DutyReport.period_id == period.id))
    if row is None:
        row = DutyReport(organization_id=actor.organization_id, duty_id=duty.id,
                         period_id=period.id, status=DutyStatus.OPEN.value, comment="")
        s.add(row)
        s.flush()
    return row


def _owner_report(s: Session, actor: Actor, duty_id: int, period_id: int,
                  expected_version: int | None
                  ) -> tuple[SelfInspectionDuty, ReportingPeriod, DutyReport]:
    """The duty, the period and its report (made on first use), once ``actor`` is checked to
    report for the duty and the report is the version the owner saw: the owner's steps
    (attach evidence, submit) all start from here."""
    duty, period = _duty_and_period(s, actor, duty_id, period_id)
    _require_owner(s, actor, duty)
    report = _report(s, actor, duty, period)
    check_version(report, expected_version)
    return duty, period, report


def add_report_evidence(actor: Actor, duty_id: int, period_id: int,
                        data: EvidenceInput | None = None, file_name: str = "",
                        file_bytes: bytes | None = None, *, evidence_id: int | None = None,
                        expected_version: int | None = None) -> int:
    """Attach an evidence document to the duty's report of the period — a new one (with its
    file) or an existing record — while the report is open or returned; returns the report id."""
    if (data is None) == (evidence_id is None):
        raise ValidationFailed("duty.evidence_choice")
    with unit_of_work() as uow:
        s = uow.session
        duty, period, report = _owner_report(s, actor, duty_id, period_id, expected_version)
        rules.check_editable(report.status)
        if data is not None:
            evidence_id = insert_evidence(s, actor, data, file_name, file_bytes).id
        else:
            owned(s, Evidence, evidence_id, actor)
        if s.scalar(select(DutyReportEvidence.id).where(
                DutyReportEvidence.report_id == report.id,
                DutyReportEvidence.evidence_id == evidence_id)) is None:
            s.add(DutyReportEvidence(organization_id=actor.organization_id,
                                     report_id=report.id, evidence_id=evidence_id,
                                     added_by_id=actor.user_id))
        if duty.task_id is not None and evidence_id is not None:
            insert_link(s, actor, duty.task_id, "evidence", evidence_id)
        s.flush()
        record_change(s, actor, "duty.add_evidence", REPORT, report.id,
                     after={"duty_id": duty.id, "period_id": period.id,
                            "evidence_id": evidence_id})
        uow.commit()
        return report.id


def _transition(s: Session, actor: Actor, report: DutyReport, step: DutyStep,
                comment: str = "") -> None:
    """Move the report, keep the event and the audit row (caller's unit of work)."""
    before = report.status
    report.status = rules.WORKFLOW.next(before, step).value
    s.add(DutyReportEvent(organization_id=actor.organization_id, report_id=report.id,
                          step=step.value, from_status=before, to_status=report.status,
                          comment=comment, by_id=actor.user_id))
    s.flush()
    record_change(s, actor, f"duty.{step.value}", REPORT, report.id,
                 before={"status": before}, after={"status": report.status}, reason=comment)


def submit_report(actor: Actor, duty_id: int, period_id: int, expected_version: int | None,
                  *, on: date | None = None) -> int:
    """Hand the period's evidence in to the office (at least one document); returns its id.
    ``on`` is the day it was handed in, today unless given (the demo records past ones)."""
    with unit_of_work() as uow:
        s = uow.session
        report = _owner_report(s, actor, duty_id, period_id, expected_version)[2]
        rules.WORKFLOW.next(report.status, DutyStep.SUBMIT)
        count = s.scalar(select(func.count(DutyReportEvidence.id)).where(
            DutyReportEvidence.report_id == report.id)) or 0
        rules.check_submit(count)
        report.submitted_on, report.submitted_by_id = on or today(), actor.user_id
        _transition(s, actor, report, DutyStep.SUBMIT)
        uow.commit()
        return report.id


def _decide(actor: Actor, report_id: int, expected_version: int, step: DutyStep,
            comment: str, on: date | None) -> None:
    actor.require("duty.decide")
    comment = v.text(comment, "field.duty.comment", max_len=2000, multiline=True)
    if step is DutyStep.RETURN:
        rules.check_return(comment)
    with unit_of_work() as uow:
        s = uow.session
        report = owned(s, DutyReport, report_id, actor)
        check_version(report, expected_version)
        rules.WORKFLOW.next(report.status, step)
        report.decided_on, report.decided_by_id = on or today(), actor.user_id
        report.comment = comment
        _transition(s, actor, report, step, comment)
        uow.commit()


def accept_report(actor: Actor, report_id: int, expected_version: int, comment: str = "",
                  *, on: date | None = None) -> None:
    """Accept a submitted report (``on``: the decision's date, today unless given)."""
    _decide(actor, report_id, expected_version, DutyStep.ACCEPT, comment, on)


def return_report(actor: Actor, report_id: int, expected_version: int, comment: str,
                  *, on: date | None = None) -> None:
    """Return a submitted report to its owner, saying why; they may submit it again."""
    _decide(actor, report_id, expected_version, DutyStep.RETURN, comment, on)
