""""Việc của tôi": what each user must do next, across the whole product.

Each feature contributes an *item provider* — ``provider(actor, today) -> list[WorkItem]`` —
listed in ``PROVIDERS``; a later feature (audits, self-scoring …) adds its own function to
that list. The page and the e-mail reminders read the same ``my_work``.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_, select

from qms.core.actor import Actor
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.features import my_work_providers, page_path
from qms.plan.models import Plan, PlanTask
from qms.plan.rules import TaskStatus

SOON_DAYS = 14


def plan_tasks_due(actor: Actor, today: date) -> list[WorkItem]:
    """Unfinished tasks of current plans, owned by the user or their unit, late or due
    within ``SOON_DAYS`` days — for those who may update them (not viewers)."""
    mine = [PlanTask.owner_user_id == actor.user_id]
    if actor.unit_id is not None:
        mine.append(PlanTask.owner_unit_id == actor.unit_id)
    query = (select(PlanTask.id, PlanTask.plan_id, PlanTask.code, PlanTask.text,
                    PlanTask.due_date, PlanTask.owner_unit_id)
             .join(Plan, Plan.id == PlanTask.plan_id)
             .where(PlanTask.organization_id == actor.organization_id,
                    Plan.is_current.is_(True), PlanTask.status != TaskStatus.DONE.value,
                    PlanTask.due_date <= today + timedelta(days=SOON_DAYS), or_(*mine))
             .order_by(PlanTask.due_date, PlanTask.code))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("plan.task", f"{code} — {text[:140]}", due, due < today,
                     page_path("plan"), (("plan", str(plan_id)), ("task", str(task_id))))
            for task_id, plan_id, code, text, due, unit_id in rows
            if actor.can("plan_task.update", unit_id=unit_id)]


def my_work(actor: Actor, today: date) -> list[WorkItem]:
    """Every provider's items for ``actor``: overdue first, then by deadline (none last)."""
    if actor.user_id is None:
        return []
    items = [item for provider in my_work_providers() for item in provider(actor, today)]
    return sorted(items, key=lambda i: (not i.overdue, i.due is None, i.due or today, i.label))
