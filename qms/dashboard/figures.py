"""Figures for the home page dashboard, each aggregated in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session

from qms.db.uow import read_session
from qms.duties import queries as dq
from qms.duties.rules import DutyStatus
from qms.nonconformities.ageing_rules import AGE_BUCKETS, BUCKET_NAMES
from qms.nonconformities.models import Nonconformity
from qms.nonconformities.rules import OPEN_STATUSES, NcStatus
from qms.onestop.models import OneStopFigures
from qms.onestop.rules import Figures
from qms.plan.models import Plan, PlanArea, PlanTarget, PlanTask, ReportingPeriod
from qms.plan.rules import target_met
from qms.trace.models import TraceLink


@dataclass(frozen=True)
class PlanProgress:
    """The current plan of the newest year, task counts by area and status."""

    plan_id: int
    year: int
    by_area: pd.DataFrame  # area, title, not_started, in_progress, done, late, total
    duties_without_evidence: int


def plan_progress(org_id: int, today: date) -> PlanProgress | None:
    """Status counts per area of the newest current plan (late = unfinished past due)."""
    with read_session() as s:
        plan = s.execute(select(Plan.id, Plan.year).where(
            Plan.organization_id == org_id, Plan.is_current.is_(True))
            .order_by(Plan.year.desc()).limit(1)).first()
        if plan is None:
            return None
        late = and_(PlanTask.status != "done", PlanTask.due_date < today)
        status = case((late, "late"), else_=PlanTask.status)
        rows = s.execute(
            select(PlanArea.number, PlanArea.title, status.label("status"), func.count())
            .join(PlanTask, PlanTask.area_id == PlanArea.id)
            .where(PlanArea.plan_id == plan.id)
            .group_by(PlanArea.number, PlanArea.title, status)).all()
        # per task through the task index: never every organisation's evidence links
        evidenced = exists().where(TraceLink.task_id == PlanTask.id,
                                   TraceLink.entity_type == "evidence")
        missing = s.scalar(select(func.count(PlanTask.id)).where(
            PlanTask.plan_id == plan.id, PlanTask.is_duty.is_(True), ~evidenced)) or 0
    frame = pd.DataFrame(rows, columns=["area", "title", "status", "count"])
    table = frame.pivot_table(index=["area", "title"], columns="status", values="count",
                              fill_value=0, aggfunc="sum").reset_index()
    for column in ("not_started", "in_progress", "done", "late"):
        if column not in table:
            table[column] = 0
    table["total"] = table[["not_started", "in_progress", "done", "late"]].sum(axis=1)
    table = table.sort_values("area")[["area", "title", "not_started", "in_progress", "done",
                                       "late", "total"]]
    return PlanProgress(plan.id, plan.year, table.reset_index(drop=True), missing)


def _newest_plan(s: Session, org_id: int) -> tuple[int, int] | None:
    row = s.execute(select(Plan.id, Plan.year).where(
        Plan.organization_id == org_id, Plan.is_current.is_(True))
        .order_by(Plan.year.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


def nc_by_status(org_id: int) -> dict[str, int]:
    """Nonconformities per status (every status present, zeros included)."""
    with read_session() as s:
        rows = s.execute(select(Nonconformity.status, func.count())
                         .where(Nonconformity.organization_id == org_id)
                         .group_by(Nonconformity.status)).all()
    counts = {status.value: 0 for status in NcStatus}
    counts.update({status: n for status, n in rows})
    return counts


def nc_by_age(org_id: int, today: date) -> dict[str, int]:
    """Open nonconformities per age bucket (days since found: 0–30, 31–60, 61–90, > 90)."""
    younger = [(name, today - timedelta(days=oldest)) for name, _, oldest in AGE_BUCKETS
               if oldest is not None]
    bucket = case(*[(Nonconformity.found_on >= since, name) for name, since in younger],
                  else_=BUCKET_NAMES[-1])
    with read_session() as s:
        rows = s.execute(select(bucket, func.count())
                         .where(Nonconformity.organization_id == org_id,
                                Nonconformity.status.in_([x.value for x in OPEN_STATUSES]))
                         .group_by(bucket)).all()
    counts = dict.fromkeys(BUCKET_NAMES, 0)
    counts.update({name: n for name, n in rows})
    return counts


@dataclass(frozen=True)
class DutyStatusTile:
    """The self-inspection reports of one period by status (``open`` = not handed in)."""

    period_id: int
    period: str
    counts: dict[str, int]


def duty_status(org_id: int, today: date) -> list[DutyStatusTile]:
    """Every period of the newest current plan with its reports by status: the current (or
    next) period first, then the others in plan order."""
    options, default = dq.periods(org_id, today)
    if not options:
        return []
    inner = dq.pairs(org_id).where(dq.P.id.in_([p.id for p in options])).with_only_columns(
        dq.P.id.label("period_id"), dq.STATUS.label("status")).order_by(None).subquery()
    with read_session() as s:
        rows = s.execute(select(inner.c.period_id, inner.c.status, func.count())
                         .group_by(inner.c.period_id, inner.c.status)).all()
    tiles = {p.id: DutyStatusTile(p.id, p.name, {x.value: 0 for x in DutyStatus})
             for p in options}
    for period_id, status, n in rows:
        tiles[period_id].counts[status] = n
    ordered = list(tiles.values())
    return sorted(ordered, key=lambda tile: tile.period_id != default)


@dataclass(frozen=True)
class OnTimeRate:
    """One reporting period's one-stop on-time rate against the measured task's target."""

    period_id: int
    period: str
    rate: float | None  # None: no figures yet, or nothing resolved
    target: float | None
    target_text: str
    met: bool | None


def onestop_rates(org_id: int) -> list[OnTimeRate]:
    """Every period of the newest current plan with its on-time rate and target (in order)."""
    first_target = (select(func.min(PlanTarget.id)).where(PlanTarget.task_id == PlanTask.id)
                    .correlate(PlanTask).scalar_subquery())
    with read_session() as s:
        plan = _newest_plan(s, org_id)
        if plan is None:
            return []
        rows = s.execute(
            select(ReportingPeriod.id, ReportingPeriod.name, OneStopFigures.received,
                   OneStopFigures.early, OneStopFigures.on_time, OneStopFigures.late,
                   PlanTarget.comparator, PlanTarget.value, PlanTarget.upper, PlanTarget.text)
            .outerjoin(OneStopFigures, and_(OneStopFigures.period_id == ReportingPeriod.id,
                                            OneStopFigures.organization_id == org_id))
            .outerjoin(PlanTask, PlanTask.id == OneStopFigures.task_id)
            .outerjoin(PlanTarget, PlanTarget.id == first_target)
            .where(ReportingPeriod.plan_id == plan[0])
            .order_by(ReportingPeriod.ordinal)).all()
    result = []
    for pid, name, received, early, on_time, late, comparator, value, upper, text in rows:
        rate = Figures(received, early, on_time, late).on_time_rate \
            if received is not None else None
        met = target_met(comparator, value, upper, rate) \
            if comparator is not None and rate is not None else None
        result.append(OnTimeRate(pid, name, rate, value, text or "", met))
    return result
