"""Corrective actions, the effectiveness check, closure and cancellation (ISO 9001, 10.2).

Each function is one user action: permission, workflow rule, change, audit row, one commit.
Actions and verifications are never deleted; a check that finds the actions not effective
opens a new round of analysis and actions beside the old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.auth.models import User
from qms.core import validation as v
from qms.core.actions import ActionStatus
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import Conflict, ValidationFailed
from qms.db.uow import unit_of_work
from qms.nonconformities.models import CorrectiveAction, NcAttachment, Nonconformity, Verification
from qms.nonconformities.records import (
    ACTION_ENTITY,
    ENTITY,
    action_in_org,
    action_snapshot,
    actions_of,
    facts,
    nc_in_org,
    snapshot,
    verify_wait_days,
)
from qms.nonconformities.rules import (
    WORKFLOW,
    NcStatus,
    NcStep,
    all_done,
    check_close,
    check_plan,
    check_verification,
)
from qms.trace.evidence import store_file
from qms.trail.record import record_change
from qms.trail.stale import check_version


@dataclass(frozen=True)
class ActionInput:
    """An action as planned: what, who, by when."""

    description: str
    owner_id: int | None
    due_date: date | None


@dataclass(frozen=True)
class ActionUpdate:
    """The owner's report: progress or done, what was done and when, the evidence."""

    status: str
    done_note: str = ""
    done_on: date | None = None
    evidence: str = ""


@dataclass(frozen=True)
class VerificationInput:
    effective: bool
    note: str = ""
    verified_on: date | None = None  # default: today


def _step(s: Session, actor: Actor, nc: Nonconformity, step: NcStep, reason: str = "") -> None:
    before = snapshot(nc)
    nc.status = WORKFLOW.next(nc.status, step).value
    s.flush()
    record_change(s, actor, f"nc.{step.value}", ENTITY, nc.id, before=before,
                 after=snapshot(nc), reason=reason)


def _owner(s: Session, actor: Actor, owner_id: int | None) -> User | None:
    owner_id = v.reference(owner_id, "nc.bad_user")
    user = s.get(User, owner_id) if owner_id is not None else None
    if owner_id is not None and (user is None or user.organization_id != actor.organization_id
                                 or not user.is_active):
        raise ValidationFailed("nc.bad_user")
    return user


def add_action(actor: Actor, nc_id: int, data: ActionInput) -> int:
    """Add a corrective action to the current round of the nonconformity; returns its id."""
    description = v.text(data.description, "field.nc.action", max_len=3000, required=True,
                         multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        nc = nc_in_org(s, actor, nc_id)
        actor.require("nc.plan", unit_id=nc.unit_id, owner_id=nc.owner_id)
        WORKFLOW.next(nc.status, NcStep.EDIT_ACTIONS)
        owner = _owner(s, actor, data.owner_id)
        if data.due_date is not None and data.due_date < nc.found_on:
            raise ValidationFailed("nc.due_before_found")
        ordinal = (s.scalar(select(func.max(CorrectiveAction.ordinal)).where(
            CorrectiveAction.nonconformity_id == nc.id)) or 0) + 1
        row = CorrectiveAction(organization_id=actor.organization_id, nonconformity_id=nc.id,
                               round=nc.round, ordinal=ordinal, description=description,
                               owner_id=data.owner_id, owner_unit_id=owner.unit_id if owner
                               else None, due_date=data.due_date,
                               status=ActionStatus.OPEN.value, created_by_id=actor.user_id)
        s.add(row)
        s.flush()
        record_change(s, actor, "nc.action.add", ACTION_ENTITY, row.id,
                     after={"nonconformity": nc.number, **action_snapshot(row)})
        uow.commit()
        return row.id


@dataclass(frozen=True)
class ActionChange:
    """A planned action handed to someone else or given a new deadline, and why."""

    owner_id: int | None
    due_date: date | None
    reason: str


def reschedule_action(actor: Actor, action_id: int, data: ActionChange,
                      expected_version: int) -> int:
    """Change an open action's owner or deadline (the plan changed after it was made).

    Only whoever may plan the nonconformity's actions, only while they can still be worked
    on, only for an action of the current round that is not done; the reason is required
    and kept in the audit trail. Returns the action's new version.
    """
    reason = v.text(data.reason, "field.reason", max_len=1000, required=True)
    with unit_of_work() as uow:
        s = uow.session
        row = action_in_org(s, actor, action_id)
        nc = nc_in_org(s, actor, row.nonconformity_id)
        actor.require("nc.plan", unit_id=nc.unit_id, owner_id=nc.owner_id)
        check_version(row, expected_version)
        WORKFLOW.next(nc.status, NcStep.EDIT_ACTIONS)
        if row.round != nc.round or row.status == ActionStatus.DONE:
            raise Conflict("nc.action.reschedule_done")
        owner = _owner(s, actor, data.owner_id)
        if data.due_date is None:
            raise ValidationFailed("validation.required", field="nc.col.due")
        if data.due_date < nc.found_on:
            raise ValidationFailed("nc.due_before_found")
        if (row.owner_id, row.due_date) == (data.owner_id, data.due_date):
            raise ValidationFailed("nc.action.reschedule_same")
        before = action_snapshot(row)
        row.owner_id = data.owner_id
        row.owner_unit_id = owner.unit_id if owner else None
        row.due_date = data.due_date
        s.flush()
        record_change(s, actor, "nc.action.reschedule", ACTION_ENTITY, row.id, before=before,
                     after=action_snapshot(row), reason=reason)
        uow.commit()
        return row.version


def plan_actions(actor: Actor, nc_id: int, expected_version: int) -> int:
    """Confirm the action plan (each action with owner and deadline): "đã lập kế hoạch"."""
    with unit_of_work() as uow:
        s = uow.session
        nc = nc_in_org(s, actor, nc_id)
        actor.require("nc.plan", unit_id=nc.unit_id, owner_id=nc.owner_id)
        check_version(nc, expected_version)
        WORKFLOW.next(nc.status, NcStep.PLAN)
        check_plan(facts(actions_of(s, nc.id)), nc.round)
        _step(s, actor, nc, NcStep.PLAN)
        uow.commit()
        return nc.version


def _apply_update(actor: Actor, row: CorrectiveAction, data: ActionUpdate) -> None:
    status = data.status if data.status in set(ActionStatus) else ""
    if not status:
        raise ValidationFailed("nc.bad_action_status")
    row.status = status
    row.done_note = v.text(data.done_note, "field.nc.done_note", max_len=5000, multiline=True)
    row.evidence_text = v.text(data.evidence, "field.nc.evidence", max_len=3000,
                               multiline=True)
    if status != ActionStatus.DONE:
        row.done_on, row.done_by_id = None, None
        return
    if not row.done_note:
        raise ValidationFailed("validation.required", field="field.nc.done_note")
    done_on = data.done_on or today()
    if done_on > today():
        raise ValidationFailed("nc.done_in_future")
    row.done_on, row.done_by_id = done_on, actor.user_id


def update_action(actor: Actor, action_id: int, data: ActionUpdate, expected_version: int,
                  file_name: str = "", file_bytes: bytes | None = None) -> int:
    """The owner reports progress or completion (with evidence). The first report starts the
    nonconformity; the last action done sends it to the effectiveness check."""
    with unit_of_work() as uow:
        s = uow.session
        row = action_in_org(s, actor, action_id)
        actor.require("nc.action_update", unit_id=row.owner_unit_id, owner_id=row.owner_id,
                      action_owner_id=row.owner_id)
        check_version(row, expected_version)
        nc = nc_in_org(s, actor, row.nonconformity_id)
        WORKFLOW.next(nc.status, NcStep.REPORT)
        if row.round != nc.round:
            raise Conflict("nc.actions_frozen", status=f"field.nc.status.{nc.status}")
        before = action_snapshot(row)
        _apply_update(actor, row, data)
        if file_bytes:
            stored = store_file(s, actor, file_name, file_bytes)
            s.add(NcAttachment(organization_id=actor.organization_id, nonconformity_id=nc.id,
                               action_id=row.id, file_id=stored.id,
                               created_by_id=actor.user_id))
        s.flush()
        record_change(s, actor, "nc.action.update", ACTION_ENTITY, row.id, before=before,
                     after=action_snapshot(row))
        if nc.status == NcStatus.PLANNED:
            _step(s, actor, nc, NcStep.START)
        if all_done(facts(actions_of(s, nc.id)), nc.round):
            _step(s, actor, nc, NcStep.COMPLETE)
        uow.commit()
        return row.version


def verify_effectiveness(actor: Actor, nc_id: int, data: VerificationInput,
                         expected_version: int) -> int:
    """Record the effectiveness check. Not effective: back to analysis (a new round), every
    earlier action and check kept. Returns the verification's id."""
    note = v.text(data.note, "field.nc.verification_note", max_len=3000, multiline=True)
    if not data.effective and not note:
        raise ValidationFailed("nc.not_effective_needs_note")
    with unit_of_work() as uow:
        s = uow.session
        nc = nc_in_org(s, actor, nc_id)
        actor.require("nc.verify", unit_id=nc.unit_id, owner_id=nc.owner_id)
        check_version(nc, expected_version)
        step = NcStep.VERIFY if data.effective else NcStep.REOPEN
        WORKFLOW.next(nc.status, step)
        on = data.verified_on or today()
        if on > today():
            raise ValidationFailed("nc.done_in_future")
        check_verification(actor.user_id, facts(actions_of(s, nc.id)), nc.round, on,
                           verify_wait_days())
        row = Verification(organization_id=actor.organization_id, nonconformity_id=nc.id,
                           round=nc.round, verified_on=on, verifier_id=actor.user_id,
                           verifier_name=actor.full_name, effective=data.effective, note=note)
        s.add(row)
        s.flush()
        record_change(s, actor, "nc.verification", "nc_verification", row.id, after={
            "nonconformity": nc.number, "round": nc.round, "effective": data.effective,
            "verified_on": on, "note": note})
        if not data.effective:
            nc.round += 1
        _step(s, actor, nc, step, reason=note)
        uow.commit()
        return row.id


def close_nonconformity(actor: Actor, nc_id: int, expected_version: int,
                        on: date | None = None) -> None:
    """Close the record (``on``: the day the closure was signed, default today); refused
    until the latest check of this round found the actions effective."""
    actor.require("nc.close")
    with unit_of_work() as uow:
        s = uow.session
        nc = nc_in_org(s, actor, nc_id)
        check_version(nc, expected_version)
        WORKFLOW.next(nc.status, NcStep.CLOSE)
        latest = s.execute(select(Verification.effective, Verification.verified_on).where(
            Verification.nonconformity_id == nc.id, Verification.round == nc.round)
            .order_by(Verification.id.desc()).limit(1)).first()
        check_close(latest.effective if latest else None)
        closed_on = on or today()
        if closed_on > today() or (latest and closed_on < latest.verified_on):
            raise ValidationFailed("nc.bad_close_date")
        nc.closed_on, nc.closed_by_id = closed_on, actor.user_id
        _step(s, actor, nc, NcStep.CLOSE)
        uow.commit()


def cancel_nonconformity(actor: Actor, nc_id: int, reason: str, expected_version: int) -> None:
    """Cancel a record raised in error (a leader, with a reason kept in the record)."""
    actor.require("nc.cancel")
    reason = v.text(reason, "field.reason", max_len=1000, required=True)
    with unit_of_work() as uow:
        s = uow.session
        nc = nc_in_org(s, actor, nc_id)
        check_version(nc, expected_version)
        WORKFLOW.next(nc.status, NcStep.CANCEL)
        nc.cancel_reason, nc.cancelled_on, nc.cancelled_by_id = reason, today(), actor.user_id
        _step(s, actor, nc, NcStep.CANCEL, reason=reason)
        uow.commit()
