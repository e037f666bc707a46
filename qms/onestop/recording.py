"""One-stop desk figures per reporting period, and the nonconformity they propose when the
on-time rate misses the plan's target: one proposal per period and plan task, however often
the figures are saved again; the ISO officer confirms it (it becomes a nonconformity linked to
the task) or dismisses it with a reason."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import ValidationFailed
from qms.core.i18n import t
from qms.db.uow import owned, unit_of_work
from qms.nonconformities.recording import NcInput, insert_nonconformity
from qms.nonconformities.vocabulary_rules import NcGrade, NcSource
from qms.onestop.models import NcProposal, OneStopFigures
from qms.onestop.rules import (
    WORKFLOW,
    Figures,
    ProposalStatus,
    ProposalStep,
    TargetCandidate,
    check_figures,
    default_target_task,
)
from qms.plan.models import PlanTarget, PlanTask, ReportingPeriod
from qms.plan.rules import target_met
from qms.plan.tasks import owned_period, put_measurement
from qms.trail.record import record_change
from qms.trail.stale import check_version


@dataclass(frozen=True)
class FiguresSaved:
    figures_id: int
    rate: float | None
    target_met: bool | None
    proposal_id: int | None  # the period's pending proposal, if the rate misses the target


def _period(s: Session, actor: Actor, period_id: int) -> ReportingPeriod:
    return owned_period(s, period_id, actor)


def _target(s: Session, period: ReportingPeriod, task_id: int | None) -> PlanTarget | None:
    """The target the figures measure: the chosen task's, or the on-time task of the plan."""
    rows = s.execute(select(PlanTask.id, PlanTask.text, PlanTarget)
                     .join(PlanTarget, PlanTarget.task_id == PlanTask.id)
                     .where(PlanTask.plan_id == period.plan_id)
                     .order_by(PlanTask.id, PlanTarget.id)).all()
    if task_id is None:
        task_id = default_target_task(TargetCandidate(i, text, tg.comparator)
                                      for i, text, tg in rows)
    if task_id is None:
        return None
    target = next((tg for i, _, tg in rows if i == task_id), None)
    if target is None:
        raise ValidationFailed("onestop.task_without_target")
    return target


def _propose(s: Session, actor: Actor, figures: OneStopFigures, target: PlanTarget,
             rate: float, met: bool) -> int | None:
    """Keep the one proposal of this period and task in step with the latest figures."""
    row = s.scalar(select(NcProposal).where(
        NcProposal.organization_id == actor.organization_id,
        NcProposal.period_id == figures.period_id, NcProposal.task_id == target.task_id))
    step = ProposalStep.WITHDRAW if met else ProposalStep.REMEASURE
    if row is not None and not WORKFLOW.allows(row.status, step):
        return None  # decided once: new figures do not bring it back
    if row is None:
        if met:
            return None
        row = NcProposal(organization_id=actor.organization_id, period_id=figures.period_id,
                         task_id=target.task_id, figures_id=figures.id, rate=rate,
                         target_text=target.text,
                         status=ProposalStatus.PENDING.value)
        s.add(row)
        s.flush()
        record_change(s, actor, "onestop.propose", "nc_proposal", row.id,
                     after={"period_id": row.period_id, "task_id": row.task_id, "rate": rate})
        return row.id
    before = {"status": row.status, "rate": row.rate}
    row.rate, row.status = rate, WORKFLOW.next(row.status, step).value
    if before != {"status": row.status, "rate": row.rate}:
        s.flush()
        record_change(s, actor, "onestop.propose", "nc_proposal", row.id, before=before,
                     after={"status": row.status, "rate": rate})
    return row.id if row.status == ProposalStatus.PENDING else None


def record_figures(actor: Actor, period_id: int, figures: Figures, *, task_id: int | None = None,
                   note: str = "") -> FiguresSaved:
    """Save (or correct) the period's figures; measure the plan target with the on-time rate
    and, when it misses the target, propose a nonconformity (once per period and task)."""
    actor.require("onestop.record")
    check_figures(figures)
    note = v.text(note, "field.note", max_len=1000)
    with unit_of_work() as uow:
        s = uow.session
        period = _period(s, actor, period_id)
        target = _target(s, period, task_id)
        row = s.scalar(select(OneStopFigures).where(
            OneStopFigures.organization_id == actor.organization_id,
            OneStopFigures.period_id == period.id))
        before = _figures_snapshot(row) if row else None
        if row is None:
            row = OneStopFigures(organization_id=actor.organization_id, period_id=period.id)
            s.add(row)
        for name in ("received", "early", "on_time", "late", "apologies"):
            setattr(row, name, getattr(figures, name))
        row.note, row.recorded_by_id = note, actor.user_id
        row.task_id = target.task_id if target else None
        s.flush()
        record_change(s, actor, "onestop.record", "onestop_figures", row.id, before=before,
                     after=_figures_snapshot(row))
        rate, met, proposal = figures.on_time_rate, None, None
        if target is not None and rate is not None:
            met = target_met(target.comparator, target.value, target.upper, rate)
            put_measurement(s, actor, target, period.id, rate, note)
            proposal = _propose(s, actor, row, target, rate, met)
        uow.commit()
        return FiguresSaved(row.id, rate, met, proposal)


def _figures_snapshot(row: OneStopFigures) -> dict[str, object]:
    return {name: getattr(row, name) for name in (
        "period_id", "task_id", "received", "early", "on_time", "late", "apologies", "note")}


def decide_proposal(actor: Actor, proposal_id: int, confirm: bool, reason: str,
                    expected_version: int) -> int | None:
    """Confirm (a nonconformity linked to the plan task is recorded; its id is returned) or
    dismiss with a reason. A proposal is decided once."""
    actor.require("onestop.decide")
    reason = v.text(reason, "field.reason", max_len=1000, required=not confirm)
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, NcProposal, proposal_id, actor)
        check_version(row, expected_version)
        step = ProposalStep.CONFIRM if confirm else ProposalStep.DISMISS
        status = WORKFLOW.next(row.status, step)
        nc_id = _confirm(s, actor, row) if confirm else None
        row.status = status.value
        row.reason, row.decided_by_id, row.decided_at = reason, actor.user_id, clock.now()
        row.nonconformity_id = nc_id
        s.flush()
        record_change(s, actor, f"onestop.{row.status}", "nc_proposal", row.id,
                     after={"status": row.status, "nonconformity_id": nc_id}, reason=reason)
        uow.commit()
        return nc_id


def _confirm(s: Session, actor: Actor, row: NcProposal) -> int:
    period = s.get(ReportingPeriod, row.period_id)
    task = s.get(PlanTask, row.task_id)
    assert period is not None and task is not None
    rate = f"{row.rate:g}"
    text = t("onestop.proposal.description", "vi", period=period.name, rate=rate,
             target=row.target_text, task=task.text)
    data = NcInput(description=text, grade=NcGrade.MINOR.value, source=NcSource.KPI.value,
                   title=t("onestop.proposal.title", "vi", period=period.name, rate=rate),
                   unit_id=task.owner_unit_id, clause="9.1", plan_task_id=task.id,
                   found_on=min(period.end_date, today()))
    return insert_nonconformity(s, actor, "nc_proposal", row.id, data).id
