"""The plan's deadlines for the dashboard: unfinished tasks with a due date and the reporting
periods whose report is still due."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.features import page_path
from qms.plan.models import Plan, PlanTask, ReportingPeriod
from qms.plan.rules import TaskStatus

PLAN_PAGE = page_path("plan")
REPORT_PAGE = page_path("period_report")


def plan_task_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Unfinished tasks of current plans that have a due date (late = past it)."""
    query = (select(PlanTask.id, PlanTask.plan_id, PlanTask.code, PlanTask.text,
                    PlanTask.due_date)
             .join(Plan, Plan.id == PlanTask.plan_id)
             .where(PlanTask.organization_id == org_id, Plan.is_current.is_(True),
                    PlanTask.status != TaskStatus.DONE.value, PlanTask.due_date.is_not(None)))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("plan.task", f"{code} — {text[:140]}", due, due < today, PLAN_PAGE,
                     (("plan", str(plan_id)), ("task", str(task_id))))
            for task_id, plan_id, code, text, due in rows]


def reporting_cutoffs(org_id: int, today: date) -> list[WorkItem]:
    """Reporting periods of current plans whose report is still due (today or later)."""
    due = func.coalesce(ReportingPeriod.due_date, ReportingPeriod.end_date)
    query = (select(ReportingPeriod.id, ReportingPeriod.name, due)
             .join(Plan, Plan.id == ReportingPeriod.plan_id)
             .where(Plan.organization_id == org_id, Plan.is_current.is_(True), due >= today))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("period.cutoff", name, day, False, REPORT_PAGE, (("period", str(pid)),))
            for pid, name, day in rows]
