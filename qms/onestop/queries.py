"""Read side of the one-stop figures: per reporting period of a plan, with the on-time rate,
the target it is measured against, and the nonconformity proposals they led to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from qms.db.uow import read_session
from qms.nonconformities.models import Nonconformity
from qms.onestop.models import NcProposal, OneStopFigures
from qms.onestop.rules import Figures, TargetCandidate, default_target_task
from qms.plan.models import PlanTarget, PlanTask, ReportingPeriod
from qms.plan.rules import target_met


@dataclass(frozen=True)
class PeriodFigures:
    period_id: int
    period: str
    figures: Figures | None
    note: str
    task_code: str
    target_text: str
    met: bool | None


@dataclass(frozen=True)
class ProposalView:
    id: int
    period_id: int
    period: str
    task_id: int
    task_code: str
    rate: float
    target_text: str
    status: str
    reason: str
    nc_number: str
    version: int


@dataclass(frozen=True)
class TargetTask:
    task_id: int
    code: str
    text: str
    target_text: str


def target_tasks(plan_id: int) -> tuple[list[TargetTask], int | None]:
    """The plan's tasks with a target, and the one the figures measure by default."""
    with read_session() as s:
        rows = s.execute(select(PlanTask.id, PlanTask.code, PlanTask.text, PlanTarget.text,
                                PlanTarget.comparator)
                         .join(PlanTarget, PlanTarget.task_id == PlanTask.id)
                         .where(PlanTask.plan_id == plan_id)
                         .order_by(PlanTask.id, PlanTarget.id)).all()
    seen: dict[int, TargetTask] = {}
    for task_id, code, text, target_text, _ in rows:
        seen.setdefault(task_id, TargetTask(task_id, code, text, target_text))
    default = default_target_task(TargetCandidate(r[0], r[2], r[4]) for r in rows)
    return list(seen.values()), default


def figures_by_period(org_id: int, plan_id: int) -> list[PeriodFigures]:
    """Every reporting period of the plan with its figures (or none yet)."""
    with read_session() as s:
        periods = s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == plan_id)
                            .order_by(ReportingPeriod.ordinal)).all()
        saved = {f.period_id: f for f in s.scalars(select(OneStopFigures).where(
            OneStopFigures.organization_id == org_id,
            OneStopFigures.period_id.in_([p.id for p in periods])))}
        result = []
        for p in periods:
            row = saved.get(p.id)
            figures = Figures(row.received, row.early, row.on_time, row.late,
                              row.apologies) if row else None
            task = s.get(PlanTask, row.task_id) if row and row.task_id else None
            target = task.targets[0] if task and task.targets else None
            rate = figures.on_time_rate if figures else None
            met = target_met(target.comparator, target.value, target.upper, rate) \
                if target and rate is not None else None
            result.append(PeriodFigures(p.id, p.name, figures, row.note if row else "",
                                        task.code if task else "",
                                        target.text if target else "", met))
        return result


def proposals(org_id: int, plan_id: int) -> list[ProposalView]:
    """The proposals of the plan's periods, newest first (withdrawn ones left out)."""
    query = (select(NcProposal, ReportingPeriod.name, PlanTask.code, Nonconformity.number)
             .join(ReportingPeriod, ReportingPeriod.id == NcProposal.period_id)
             .join(PlanTask, PlanTask.id == NcProposal.task_id)
             .outerjoin(Nonconformity, Nonconformity.id == NcProposal.nonconformity_id)
             .where(NcProposal.organization_id == org_id, ReportingPeriod.plan_id == plan_id,
                    NcProposal.status != "withdrawn")
             .order_by(NcProposal.id.desc()))
    with read_session() as s:
        return [ProposalView(r.id, r.period_id, period, r.task_id, code, r.rate, r.target_text,
                             r.status, r.reason, number or "", r.version)
                for r, period, code, number in s.execute(query)]
