"""Trace links: one mechanism tying any ISO record to plan tasks and duties.

Each record type that can be linked is declared by its feature (``Feature.linkable``: its
model and a label, see ``qms.trace.linkable_queries``); trace itself declares the evidence.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.plan.models import PlanTask
from qms.trace.linkable_queries import linkable
from qms.trace.models import TraceLink
from qms.trail.record import record_change


def _record(session: Session, actor: Actor, entity_type: str, entity_id: int) -> Any:
    spec = linkable().get(entity_type)
    if spec is None:
        raise ValidationFailed("trace.unknown_type", entity_type=entity_type)
    record = owned(session, spec.model, entity_id, actor)
    return record


def insert_link(session: Session, actor: Actor, task_id: int, entity_type: str,
                entity_id: int, note: str = "") -> int:
    """Add a link inside the caller's unit of work; an existing pair is returned as is."""
    actor.require("trace.link")
    note = v.text(note, "field.note", max_len=1000)
    owned(session, PlanTask, task_id, actor)
    _record(session, actor, entity_type, entity_id)
    existing = session.scalar(select(TraceLink.id).where(
        TraceLink.task_id == task_id, TraceLink.entity_type == entity_type,
        TraceLink.entity_id == entity_id))
    if existing is not None:
        return existing
    row = TraceLink(organization_id=actor.organization_id, task_id=task_id,
                    entity_type=entity_type, entity_id=entity_id, note=note,
                    created_by_id=actor.user_id)
    session.add(row)
    session.flush()
    record_change(session, actor, "trace.link", "plan_task", task_id,
                 after={"entity_type": entity_type, "entity_id": entity_id, "note": note})
    return row.id


def copy_links(session: Session, from_task_id: int, to_task_id: int) -> int:
    """Give a task of a new plan version the links of the task it continues, as they were
    made (who, when, note), inside the plan import's unit of work; returns how many."""
    rows = list(session.scalars(select(TraceLink).where(TraceLink.task_id == from_task_id)))
    for link in rows:
        session.add(TraceLink(organization_id=link.organization_id, task_id=to_task_id,
                              entity_type=link.entity_type, entity_id=link.entity_id,
                              note=link.note, created_at=link.created_at,
                              created_by_id=link.created_by_id))
    return len(rows)


def link(actor: Actor, task_id: int, entity_type: str, entity_id: int, note: str = "") -> int:
    """Tie a record to a plan task; linking the same pair twice is a no-op (same id back)."""
    with unit_of_work() as uow:
        link_id = insert_link(uow.session, actor, task_id, entity_type, entity_id, note)
        uow.commit()
        return link_id


def unlink(actor: Actor, link_id: int, reason: str) -> None:
    """Remove a link; the reason is kept in the audit trail."""
    actor.require("trace.unlink")
    reason = v.text(reason, "field.reason", max_len=500, required=True)
    with unit_of_work() as uow:
        row = owned(uow.session, TraceLink, link_id, actor)
        record_change(uow.session, actor, "trace.unlink", "plan_task", row.task_id,
                     before={"entity_type": row.entity_type, "entity_id": row.entity_id},
                     reason=reason)
        uow.session.delete(row)
        uow.commit()
