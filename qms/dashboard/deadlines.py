"""The deadline registry: every open, dated item of an organisation, for the dashboard.

A *deadline source* is ``source(org_id, today) -> list[WorkItem]``: the organisation's open
items that carry a date (``due``), ``overdue`` set when that date has passed, each pointing at
the page (and query parameters) that shows it. The dashboard's "overdue" tile counts the
overdue items by ``kind``; its "next deadlines" tile lists the nearest ones not overdue.

Adding a feature's deadlines is a one-line change: append its function to
``DEADLINE_SOURCES`` — as ``voice_work.feedback_deadlines`` (citizen feedback) and
``risk_work.risk_deadlines`` (risks) are. Each source runs a
fixed number of SQL statements, whatever the data size, so the home page does too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import and_, func, select

from qms.audits.models import Audit
from qms.core.actions import ActionStatus
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.duties import queries as dq
from qms.features import deadline_sources, page_path
from qms.nonconformities.models import CorrectiveAction, Nonconformity
from qms.nonconformities.rules import OPEN_STATUSES
from qms.plan.models import Plan, PlanTask, ReportingPeriod
from qms.plan.rules import TaskStatus
from qms.review.queries import PAGE as REVIEW_PAGE
from qms.review.queries import review_deadlines

DeadlineSource = Callable[[int, date], list[WorkItem]]

NC_PAGE = page_path("nonconformities")
DUTY_PAGE = page_path("duties")
PLAN_PAGE = page_path("plan")
REPORT_PAGE = page_path("period_report")
AUDIT_PAGE = page_path("audit")


def nc_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Open nonconformities with an unfinished action of their current round: the nearest
    action deadline; overdue exactly when the register marks the NC overdue."""
    due = func.min(CorrectiveAction.due_date)
    query = (select(Nonconformity.number, Nonconformity.title, due)
             .join(CorrectiveAction, and_(
                 CorrectiveAction.nonconformity_id == Nonconformity.id,
                 CorrectiveAction.round == Nonconformity.round,
                 CorrectiveAction.status != ActionStatus.DONE.value,
                 CorrectiveAction.due_date.is_not(None)))
             .where(Nonconformity.organization_id == org_id,
                    Nonconformity.status.in_([s.value for s in OPEN_STATUSES]))
             .group_by(Nonconformity.id, Nonconformity.number, Nonconformity.title))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("nc.action", f"{number} — {title[:140]}", day, day < today, NC_PAGE,
                     (("nc", number),)) for number, title, day in rows]


def duty_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Self-inspection reports of the current plans not yet handed in (open or returned)."""
    query = dq.pairs(org_id).where(dq.STATUS.in_(dq.PENDING_VALUES))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("duty.submit", f"{r[2]}: " + (f"{r[3]} — " if r[3] else "") + r[4][:140],
                     r[11], today > r[11], DUTY_PAGE, (("period", str(r[1])),))
            for r in rows]


def review_items(org_id: int, today: date) -> list[WorkItem]:
    """Management reviews still to hold and their open actions with a due date."""
    return [WorkItem(d.kind, d.label, d.due, d.overdue, REVIEW_PAGE,
                     (("review", str(d.review_id)),))
            for d in review_deadlines(org_id, today, limit=1_000_000)]


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


def audits_planned(org_id: int, today: date) -> list[WorkItem]:
    """Planned audits with a start date (overdue once that date has passed unstarted)."""
    query = (select(Audit.id, Audit.title, Audit.start_date)
             .where(Audit.organization_id == org_id, Audit.status == "planned",
                    Audit.start_date.is_not(None)))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("audit.planned", title[:160], day, day < today, AUDIT_PAGE,
                     (("id", str(audit_id)),)) for audit_id, title, day in rows]


def all_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Every source's items: overdue first, then by date and label."""
    items = [item for source in deadline_sources() for item in source(org_id, today)]
    return sorted(items, key=lambda i: (not i.overdue, i.due or today, i.kind, i.label))
