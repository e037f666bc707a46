"""Risks and opportunities (ISO 9001 clause 6.1): the register's entries, their actions and
their reviews. Each function is one user action in one unit of work, audit row included.

A review re-assesses likelihood and impact and is kept as a row of its own, so the register
can show the level before and after; likelihood and impact change only through a review.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from qms.auth.models import Unit, User
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.documents.models import Document
from qms.risks import rules
from qms.risks.models import Risk, RiskAction, RiskReview
from qms.risks.rules import ActionStatus, ActionStep, RiskKind, RiskStatus, RiskStep
from qms.trace.links import insert_link
from qms.trail.record import record_change
from qms.trail.stale import check_version

ENTITY, ACTION = "risk", "risk_action"


@dataclass(frozen=True)
class RiskInput:
    kind: str
    description: str
    likelihood: int
    impact: int
    unit_id: int | None = None
    document_id: int | None = None
    cause: str = ""
    consequence: str = ""
    owner_id: int | None = None
    next_review_date: date | None = None


@dataclass(frozen=True)
class RiskActionInput:
    description: str
    owner_id: int | None
    due_date: date | None


@dataclass(frozen=True)
class ReviewInput:
    likelihood: int
    impact: int
    note: str = ""
    next_review_date: date | None = None


def _in_org(s: Session, actor: Actor, model: type, ident: int | None, key: str) -> None:
    ident = v.reference(ident, key)
    if ident is not None:
        owned(s, model, ident, actor, ValidationFailed(key))


def _risk(s: Session, actor: Actor, risk_id: int) -> Risk:
    row = owned(s, Risk, risk_id, actor)
    return row


def _clean(s: Session, actor: Actor, data: RiskInput) -> dict[str, object]:
    kind = data.kind if data.kind in {k.value for k in RiskKind} else None
    if kind is None:
        raise ValidationFailed("risk.bad_kind")
    rules.level(data.likelihood, data.impact)
    if data.unit_id is None and data.document_id is None:
        raise ValidationFailed("risk.needs_scope")
    for model, ident, key in ((Unit, data.unit_id, "risk.bad_unit"),
                              (Document, data.document_id, "risk.bad_document"),
                              (User, data.owner_id, "risk.bad_owner")):
        _in_org(s, actor, model, ident, key)
    return {
        "kind": kind, "unit_id": data.unit_id, "document_id": data.document_id,
        "description": v.text(data.description, "field.risk.description", max_len=2000,
                              required=True, multiline=True),
        "cause": v.text(data.cause, "field.risk.cause", max_len=2000, multiline=True),
        "consequence": v.text(data.consequence, "field.risk.consequence", max_len=2000,
                              multiline=True),
        "likelihood": data.likelihood, "impact": data.impact, "owner_id": data.owner_id,
        "next_review_date": data.next_review_date,
    }


def snapshot(r: Risk) -> dict[str, object]:
    """The fields an audit row compares before and after a change."""
    return {name: getattr(r, name) for name in (
        "kind", "unit_id", "document_id", "description", "cause", "consequence", "likelihood",
        "impact", "owner_id", "next_review_date", "status")}


def create_risk(actor: Actor, data: RiskInput, *, on: date | None = None) -> int:
    """Add an entry to the register (``on``: the day it was identified, today unless given)."""
    actor.require("risk.manage", unit_id=data.unit_id, owner_id=data.owner_id)
    day = on or today()
    with unit_of_work() as uow:
        s = uow.session
        values = _clean(s, actor, data)
        rules.check_review_date(data.next_review_date, day)
        row = Risk(organization_id=actor.organization_id, identified_on=day,
                   status=RiskStatus.OPEN.value, created_by_id=actor.user_id, **values)
        s.add(row)
        s.flush()
        record_change(s, actor, "risk.create", ENTITY, row.id, after=snapshot(row))
        uow.commit()
        return row.id


def update_risk(actor: Actor, risk_id: int, data: RiskInput, expected_version: int) -> None:
    """Correct an entry's description, scope, owner and next review; likelihood and impact
    are kept (they change through a review, which keeps the history)."""
    with unit_of_work() as uow:
        s = uow.session
        row = _risk(s, actor, risk_id)
        actor.require("risk.manage", unit_id=row.unit_id, owner_id=row.owner_id)
        check_version(row, expected_version)
        values = _clean(s, actor, replace(data, likelihood=row.likelihood, impact=row.impact))
        before = snapshot(row)
        for name, value in values.items():
            setattr(row, name, value)
        s.flush()
        record_change(s, actor, "risk.update", ENTITY, row.id, before=before, after=snapshot(row))
        uow.commit()


def set_risk_status(actor: Actor, risk_id: int, status: str, expected_version: int,
                    reason: str = "") -> None:
    """Close an entry that no longer applies, or open it again."""
    if status not in {s.value for s in RiskStatus}:
        raise ValidationFailed("risk.bad_status")
    reason = v.text(reason, "field.risk.note", max_len=1000)
    with unit_of_work() as uow:
        s = uow.session
        row = _risk(s, actor, risk_id)
        actor.require("risk.manage", unit_id=row.unit_id, owner_id=row.owner_id)
        check_version(row, expected_version)
        before = row.status
        step = RiskStep.CLOSE if status == RiskStatus.CLOSED else RiskStep.REOPEN
        row.status = rules.WORKFLOW.next(row.status, step).value
        s.flush()
        record_change(s, actor, f"risk.{status}", ENTITY, row.id, before={"status": before},
                     after={"status": status}, reason=reason)
        uow.commit()


def add_action(actor: Actor, risk_id: int, data: RiskActionInput) -> int:
    """Plan an action for the entry: what, who, by when."""
    description = v.text(data.description, "field.risk.action", max_len=2000, required=True,
                         multiline=True)
    if data.due_date is None:
        raise ValidationFailed("validation.required", field="field.risk.due_date")
    with unit_of_work() as uow:
        s = uow.session
        risk = _risk(s, actor, risk_id)
        actor.require("risk.manage", unit_id=risk.unit_id, owner_id=risk.owner_id)
        rules.WORKFLOW.next(risk.status, RiskStep.ACT)
        _in_org(s, actor, User, data.owner_id, "risk.bad_owner")
        row = RiskAction(organization_id=actor.organization_id, risk_id=risk.id,
                         description=description, owner_id=data.owner_id,
                         due_date=data.due_date, status=ActionStatus.OPEN.value)
        s.add(row)
        s.flush()
        record_change(s, actor, "risk.action_add", ACTION, row.id, after={
            "risk_id": risk.id, "description": description, "owner_id": data.owner_id,
            "due_date": data.due_date})
        uow.commit()
        return row.id


def complete_action(actor: Actor, action_id: int, result_note: str, expected_version: int,
                    *, on: date | None = None) -> None:
    """The action's owner (or the ISO officer) reports it done, with its result."""
    note = v.text(result_note, "field.risk.result", max_len=2000, required=True,
                  multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, RiskAction, action_id, actor)
        actor.require("risk.action_update", action_owner_id=row.owner_id)
        check_version(row, expected_version)
        before = row.status
        row.status = rules.ACTION_WORKFLOW.next(row.status, ActionStep.FINISH).value
        row.done_on, row.result_note = on or today(), note
        s.flush()
        record_change(s, actor, "risk.action_done", ACTION, row.id, before={"status": before},
                     after={"status": row.status, "done_on": row.done_on, "result_note": note})
        uow.commit()


def review_risk(actor: Actor, risk_id: int, data: ReviewInput, expected_version: int,
                *, on: date | None = None) -> int:
    """Re-assess the entry: new likelihood and impact, a note and the next review date; the
    previous assessment stays in the review history. Returns the review's id."""
    rules.level(data.likelihood, data.impact)
    note = v.text(data.note, "field.risk.note", max_len=2000, multiline=True)
    day = on or today()
    rules.check_review_date(data.next_review_date, day)
    with unit_of_work() as uow:
        s = uow.session
        risk = _risk(s, actor, risk_id)
        actor.require("risk.review", unit_id=risk.unit_id, owner_id=risk.owner_id)
        check_version(risk, expected_version)
        rules.WORKFLOW.next(risk.status, RiskStep.REVIEW)
        before = snapshot(risk)
        review = RiskReview(organization_id=actor.organization_id, risk_id=risk.id,
                            reviewed_on=day, reviewer_id=actor.user_id,
                            old_likelihood=risk.likelihood, old_impact=risk.impact,
                            likelihood=data.likelihood, impact=data.impact, note=note,
                            next_review_date=data.next_review_date)
        s.add(review)
        risk.likelihood, risk.impact = data.likelihood, data.impact
        risk.next_review_date = data.next_review_date
        s.flush()
        record_change(s, actor, "risk.review", ENTITY, risk.id, before=before,
                     after=snapshot(risk), reason=note)
        uow.commit()
        return review.id


def link_task(actor: Actor, risk_id: int, task_id: int) -> int:
    """Tie the entry to a plan task (the traceability matrix shows it)."""
    with unit_of_work() as uow:
        s = uow.session
        risk = _risk(s, actor, risk_id)
        actor.require("risk.manage", unit_id=risk.unit_id, owner_id=risk.owner_id)
        link_id = insert_link(s, actor, task_id, ENTITY, risk.id)
        uow.commit()
        return link_id
