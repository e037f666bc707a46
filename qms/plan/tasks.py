"""Working a plan task: owner, due date, status, progress notes, target measurements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.auth.models import Unit, User
from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import NotFound, ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.plan.models import Plan, PlanTarget, PlanTask, ReportingPeriod, TargetMeasurement
from qms.plan.rules import TaskStatus
from qms.trail.record import record_change
from qms.trail.stale import check_version


@dataclass(frozen=True)
class TaskUpdate:
    """The task form."""

    owner_unit_id: int | None
    owner_user_id: int | None
    due_date: date | None
    status: str
    progress_note: str = ""
    completed_on: date | None = None


def _snapshot(task: PlanTask) -> dict[str, object]:
    return {"owner_unit_id": task.owner_unit_id, "owner_user_id": task.owner_user_id,
            "due_date": task.due_date, "status": task.status,
            "progress_note": task.progress_note, "completed_on": task.completed_on}


def owned_period(s: Session, period_id: int | None, actor: Actor) -> ReportingPeriod:
    """The reporting period, if its plan is the actor's organisation's; else ``NotFound``."""
    period = s.get(ReportingPeriod, period_id) if period_id is not None else None
    if period is not None:
        owned(s, Plan, period.plan_id, actor)
        return period
    raise NotFound("error.not_found")


def update_task(actor: Actor, task_id: int, data: TaskUpdate, expected_version: int) -> int:
    """Save the task form; an officer may update the tasks of their own unit only."""
    with unit_of_work() as uow:
        s = uow.session
        task = owned(s, PlanTask, task_id, actor)
        actor.require("plan_task.update", unit_id=task.owner_unit_id)
        check_version(task, expected_version)
        if data.status not in {s.value for s in TaskStatus}:
            raise ValidationFailed("plan.task.bad_status")
        for model, ident in ((Unit, data.owner_unit_id), (User, data.owner_user_id)):
            ident = v.reference(ident, "validation.unit")
            if ident is not None:
                owned(s, model, ident, actor, ValidationFailed("validation.unit"))
        before = _snapshot(task)
        task.owner_unit_id, task.owner_user_id = data.owner_unit_id, data.owner_user_id
        task.due_date, task.status = data.due_date, data.status
        task.progress_note = v.text(data.progress_note, "field.plan.progress_note",
                                    max_len=5000, multiline=True)
        task.completed_on = (data.completed_on or clock.now().date()) \
            if data.status == TaskStatus.DONE else None
        s.flush()
        record_change(s, actor, "plan_task.update", "plan_task", task.id, before=before,
                     after=_snapshot(task))
        uow.commit()
        return task.version


def record_measurement(actor: Actor, target_id: int, period_id: int, value: float,
                       note: str = "") -> None:
    """Enter (or correct) a target's measured value for one reporting period."""
    with unit_of_work() as uow:
        s = uow.session
        target = s.get(PlanTarget, target_id)
        task = owned(s, PlanTask, target.task_id if target else None, actor)
        period = s.get(ReportingPeriod, period_id)
        if period is None or period.plan_id != task.plan_id:
            raise NotFound("error.not_found")
        actor.require("plan_target.measure", unit_id=task.owner_unit_id)
        if not 0 <= value <= (100 if target.unit == "%" else 1e12):
            raise ValidationFailed("plan.target.bad_value")
        put_measurement(s, actor, target, period_id, value,
                        v.text(note, "field.note", max_len=1000))
        uow.commit()


def put_measurement(s: Session, actor: Actor, target: PlanTarget, period_id: int, value: float,
                    note: str) -> None:
    """Keep ``value`` as the target's measurement of the period, inside the caller's unit of
    work (the one-stop figures measure their target here too); the same value again changes
    nothing and writes no trail row."""
    row = s.scalar(select(TargetMeasurement).where(TargetMeasurement.target_id == target.id,
                                                   TargetMeasurement.period_id == period_id))
    before = {"value": row.value, "note": row.note} if row else None
    if row is None:
        row = TargetMeasurement(organization_id=actor.organization_id, target_id=target.id,
                                period_id=period_id, value=value, note=note)
        s.add(row)
    elif (row.value, row.note) == (value, note):
        return
    row.value, row.note = value, note
    s.flush()
    record_change(s, actor, "plan_target.measure", "plan_target", target.id, before=before,
                 after={"period_id": period_id, "value": value, "note": note})
