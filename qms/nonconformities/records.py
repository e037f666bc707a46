"""Shared steps of the nonconformity services: loading, who may act, numbering, snapshots.

Everything here works inside the caller's unit of work and never commits on its own.
"""

from __future__ import annotations

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from qms.core.actor import Actor
from qms.core.config import settings
from qms.db.uow import owned
from qms.nonconformities.models import CorrectiveAction, NcCounter, Nonconformity
from qms.nonconformities.queries import number_prefix
from qms.nonconformities.rules import ActionFacts
from qms.nonconformities.vocabulary_rules import format_number

ENTITY = "nonconformity"
ACTION_ENTITY = "corrective_action"


def verify_wait_days() -> int:
    """Days between the last action and the earliest effectiveness check
    (``QMS_NC_VERIFY_WAIT_DAYS``, default 30)."""
    return settings().nc_verify_wait_days


def nc_in_org(s: Session, actor: Actor, nc_id: int) -> Nonconformity:
    """The nonconformity of the actor's organisation, or ``NotFound``."""
    nc = owned(s, Nonconformity, nc_id, actor)
    return nc


def action_in_org(s: Session, actor: Actor, action_id: int) -> CorrectiveAction:
    """The corrective action of the actor's organisation, or ``NotFound``."""
    row = owned(s, CorrectiveAction, action_id, actor)
    return row


def actions_of(s: Session, nc_id: int) -> list[CorrectiveAction]:
    """Every action of the nonconformity, all rounds, in order."""
    return list(s.scalars(select(CorrectiveAction).where(
        CorrectiveAction.nonconformity_id == nc_id).order_by(CorrectiveAction.round,
                                                             CorrectiveAction.ordinal)))


def facts(actions: list[CorrectiveAction]) -> list[ActionFacts]:
    """The actions as the pure workflow rules read them."""
    return [ActionFacts(a.owner_id, a.due_date, a.status, a.done_on, a.round) for a in actions]


def next_number(s: Session, org_id: int, year: int) -> tuple[int, str]:
    """The next sequence and number of ``year``, gap-free: the counter row is bumped in the
    creating transaction, so a rolled-back creation gives its number back.

    ``UPDATE … RETURNING`` takes the row lock on PostgreSQL (a concurrent creator waits for
    this transaction and then reads the bumped value); SQLite writers are serialised by
    ``BEGIN IMMEDIATE``. The unique constraint on the number is the last line of defence.
    """
    s.execute(text(
        "INSERT INTO nc_counters (organization_id, year, last) VALUES (:org, :year, 0) "
        "ON CONFLICT (organization_id, year) DO NOTHING"), {"org": org_id, "year": year})
    seq = s.execute(update(NcCounter)
                    .where(NcCounter.organization_id == org_id, NcCounter.year == year)
                    .values(last=NcCounter.last + 1)
                    .returning(NcCounter.last)).scalar_one()
    return seq, format_number(number_prefix(s, org_id), year, seq)


def snapshot(nc: Nonconformity) -> dict[str, object]:
    """The fields an audit row compares before and after a change."""
    return {name: getattr(nc, name) for name in (
        "status", "title", "found_on", "source", "unit_id", "procedure_text", "document_id",
        "clause", "grade", "owner_id", "description", "evidence_text", "correction",
        "consequences", "why_chain", "cause_category", "root_cause", "similar_exist",
        "similar_note", "round", "closed_on", "cancel_reason")}


def action_snapshot(a: CorrectiveAction) -> dict[str, object]:
    """The fields an audit row compares for an action."""
    return {"description": a.description, "owner_id": a.owner_id, "due_date": a.due_date,
            "status": a.status, "done_note": a.done_note, "done_on": a.done_on,
            "evidence_text": a.evidence_text, "round": a.round}

