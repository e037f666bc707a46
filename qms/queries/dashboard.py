"""Figures for the home page dashboard, each aggregated in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import and_, case, exists, func, select

from qms.db.models import Plan, PlanArea, PlanTask, TraceLink
from qms.db.uow import read_session


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
