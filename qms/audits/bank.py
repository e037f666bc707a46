"""The organisation's audit question bank: seeded from ``question_bank.csv``, then edited."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.audits import clauses as cl
from qms.audits.models import BankQuestion
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.data_files import read_packaged
from qms.core.errors import ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.trail.record import record_change

EDITABLE = ("clause", "question", "evidence", "applies_to", "active")


def packaged_bank() -> tuple[cl.BankQuestion, ...]:
    """The shipped bank, checked against the shipped clause library."""
    clauses = cl.load_clauses(read_packaged("iso_clauses.csv"))
    return cl.load_question_bank(read_packaged("question_bank.csv"), clauses)


def ensure_bank(session: Session, org_id: int) -> int:
    """Copy the shipped bank into an organisation that has none yet; returns rows added."""
    if session.scalar(select(func.count(BankQuestion.id))
                      .where(BankQuestion.organization_id == org_id)):
        return 0
    rows = [BankQuestion(organization_id=org_id, code=q.code, clause=q.clause,
                         question=q.question, evidence=q.evidence, applies_to=q.applies_to,
                         active=True) for q in packaged_bank()]
    session.add_all(rows)
    session.flush()
    return len(rows)


def active_bank(session: Session, org_id: int) -> list[cl.BankQuestion]:
    """The organisation's active questions as domain values, seeding the bank if empty."""
    ensure_bank(session, org_id)
    rows = session.scalars(select(BankQuestion).where(
        BankQuestion.organization_id == org_id, BankQuestion.active.is_(True))
        .order_by(BankQuestion.code))
    return [cl.BankQuestion(r.code, r.clause, r.question, r.evidence, r.applies_to) for r in rows]


@dataclass(frozen=True)
class BankEdit:
    """Changes from the bank editor: ``changed`` by question id, ``added`` full rows."""

    changed: Mapping[int, Mapping[str, Any]]
    added: Sequence[Mapping[str, Any]] = ()


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in EDITABLE:
        if name not in values:
            continue
        if name == "active":
            out[name] = bool(values[name])
        else:
            out[name] = v.text(values[name], f"field.audit.bank.{name}",
                               max_len=160 if name in ("clause", "applies_to") else 2000,
                               required=name in ("clause", "question"))
    return out


def save_bank(actor: Actor, edit: BankEdit) -> int:
    """Apply the editor's changes (rows are deactivated, never deleted); returns rows touched."""
    actor.require("audit.bank")
    with unit_of_work() as uow:
        s = uow.session
        ensure_bank(s, actor.organization_id)
        for row_id, values in edit.changed.items():
            row = owned(s, BankQuestion, row_id, actor,
                        ValidationFailed("audit.bank_unknown", id=row_id))
            changes = _clean(values)
            before = {k: getattr(row, k) for k in changes}
            for name, value in changes.items():
                setattr(row, name, value)
            record_change(s, actor, "audit.bank.update", "bank_question", row.id,
                         before=before, after=changes)
        for values in edit.added:
            _add(s, actor, _clean({"active": True, **values}))
        uow.commit()
        return len(edit.changed) + len(edit.added)


def _add(s: Session, actor: Actor, values: dict[str, Any]) -> None:
    count = s.scalar(select(func.count(BankQuestion.id)).where(
        BankQuestion.organization_id == actor.organization_id,
        BankQuestion.clause == values["clause"])) or 0
    code = f"Q-{values['clause']}-{count + 1:02d}"
    row = BankQuestion(organization_id=actor.organization_id, code=code,
                       **{"applies_to": cl.ALL_UNITS, "evidence": "", **values})
    s.add(row)
    s.flush()
    record_change(s, actor, "audit.bank.create", "bank_question", row.id, after=values)


def seed_bank(actor: Actor) -> int:
    """Copy the shipped bank into the actor's organisation if it has none (first use)."""
    actor.require("audit.bank")
    with unit_of_work() as uow:
        added = ensure_bank(uow.session, actor.organization_id)
        if added:
            record_change(uow.session, actor, "audit.bank.seed", "bank_question", 0,
                         after={"added": added})
        uow.commit()
        return added
