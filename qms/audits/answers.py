"""Auditors answering their questions: answers saved one by one, photos, findings, NCs.

Each answer is its own transaction guarded by the question's version: two auditors never
overwrite each other silently, and answers to different questions never conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qms.audits import rules
from qms.audits.access import require
from qms.audits.models import Audit, ChecklistAttachment, ChecklistItem, Finding
from qms.audits.rules import WORKFLOW, AuditStep
from qms.auth.models import User
from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import Conflict, ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.nonconformities.recording import NcInput, insert_nonconformity
from qms.trace.evidence import store_file
from qms.trace.links import insert_link
from qms.trail.record import record_change

ATTACHABLE = frozenset({"png", "jpeg", "pdf"})


@dataclass(frozen=True)
class AnswerInput:
    """What the auditor saw: a result of the scale, the evidence seen and a note."""

    result: str | None
    evidence_seen: str = ""
    note: str = ""


@dataclass(frozen=True)
class SavedAnswer:
    item_id: int
    version: int
    finding_id: int | None
    answered_at: datetime | None


def _conflict(s: Session, item: ChecklistItem) -> Conflict:
    who = s.get(User, item.answered_by_id) if item.answered_by_id else None
    label = rules.option(rules.DEFAULT_SCALE, item.result).label if item.result else "—"
    return Conflict("audit.answer_conflict", by=who.full_name if who else "?", result=label,
                    evidence=item.evidence_seen or "—", note=item.note or "—",
                    version=item.version)


def _answerable(s: Session, actor: Actor, item_id: int) -> ChecklistItem:
    """The question, when ``actor`` may answer it now: one of the organisation's, in an audit
    under way, and ``audit.answer`` allowed on it. Answers and photos check the same."""
    item = owned(s, ChecklistItem, item_id, actor)
    row = owned(s, Audit, item.audit_id, actor)
    require(actor, "audit.answer", row, item)
    WORKFLOW.next(row.status, AuditStep.ANSWER)
    return item


def record_answer(actor: Actor, item_id: int, data: AnswerInput,
                  expected_version: int) -> SavedAnswer:
    """Save one answer; a stale ``expected_version`` gives ``audit.answer_conflict``."""
    if data.result is not None:
        rules.option(rules.DEFAULT_SCALE, data.result)
    evidence = v.text(data.evidence_seen, "field.audit.evidence_seen", max_len=4000,
                      multiline=True)
    note = v.text(data.note, "field.audit.note", max_len=4000, multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        item = _answerable(s, actor, item_id)
        if item.version != expected_version:
            raise _conflict(s, item)
        before = {"result": item.result, "evidence_seen": item.evidence_seen, "note": item.note}
        item.result, item.evidence_seen, item.note = data.result, evidence, note
        item.answered_by_id, item.answered_at = actor.user_id, clock.now()
        try:  # UPDATE … WHERE version = expected: a concurrent save of this question loses
            s.flush()
        except StaleDataError:
            s.rollback()
            with unit_of_work() as fresh:
                raise _conflict(fresh.session, fresh.session.get(ChecklistItem, item_id)) \
                    from None
        finding_id = _sync_finding(s, actor, item)
        record_change(s, actor, "audit.answer", "checklist_question", item.id, before=before,
                     after={"result": data.result, "evidence_seen": evidence, "note": note})
        uow.commit()
        return SavedAnswer(item.id, item.version, finding_id, item.answered_at)


def _sync_finding(s: Session, actor: Actor, item: ChecklistItem) -> int | None:
    """Keep a finding for answers that call for one; drop it when no NC was raised from it."""
    finding = s.scalar(select(Finding).where(Finding.item_id == item.id))
    wanted = item.result is not None and rules.option(rules.DEFAULT_SCALE, item.result).finding
    if not wanted:
        if finding is not None and finding.nonconformity_id is None:
            s.delete(finding)
            return None
        return finding.id if finding else None
    description = item.note or item.evidence_seen or item.question
    if finding is None:
        finding = Finding(organization_id=actor.organization_id, audit_id=item.audit_id,
                          item_id=item.id, result=item.result or "", description=description)
        s.add(finding)
    else:
        finding.result, finding.description = item.result or "", description
    s.flush()
    return finding.id


def attach_file(actor: Actor, item_id: int, name: str, data: bytes) -> int:
    """Keep a photo (camera or upload) or a PDF as evidence of one question."""
    with unit_of_work() as uow:
        s = uow.session
        item = _answerable(s, actor, item_id)
        stored = store_file(s, actor, name, data, ATTACHABLE)
        link = ChecklistAttachment(organization_id=actor.organization_id, item_id=item.id,
                                   file_id=stored.id, created_by_id=actor.user_id)
        s.add(link)
        s.flush()
        record_change(s, actor, "audit.attach", "checklist_question", item.id,
                     after={"file_id": stored.id, "name": stored.name})
        uow.commit()
        return stored.id


def _draft(s: Session, finding: Finding) -> dict[str, Any]:
    item, row = s.get(ChecklistItem, finding.item_id), s.get(Audit, finding.audit_id)
    assert item is not None and row is not None
    grade = rules.option(rules.DEFAULT_SCALE, finding.result).nc_grade
    if grade is None:
        raise ValidationFailed("audit.not_a_nonconformity")
    procedure = item.source_ref.split("/")[0] if item.source == "procedure" else ""
    # Found on the audit's last day (numbered in its year), never in the future.
    day = row.end_date or row.start_date
    day = day if day is not None and day <= clock.now().date() else None
    evidence = "\n".join(x for x in (f"Câu hỏi {item.ordinal}: {item.question}",
                                      item.evidence_seen) if x)
    return {"title": f"{row.title} — {item.source_ref or item.clause}",
            "description": finding.description, "grade": grade, "clause": item.clause,
            "procedure": procedure, "document_id": item.document_id, "unit_id": item.unit_id,
            "plan_task_id": item.plan_task_id, "evidence": evidence, "audit_id": row.id,
            "checklist_item_id": item.id, "finding_id": finding.id,
            **({"found_on": day} if day is not None else {})}


def raise_finding_nonconformity(actor: Actor, finding_id: int) -> int:
    """One click: the finding's nonconformity, numbered and linked, in the same transaction
    that records it on the finding; a second click returns the same nonconformity."""
    with unit_of_work() as uow:
        s = uow.session
        finding = owned(s, Finding, finding_id, actor)
        require(actor, "audit.finding", owned(s, Audit, finding.audit_id, actor))
        if finding.nonconformity_id is not None:
            return finding.nonconformity_id
        nc = insert_nonconformity(s, actor, "finding", finding.id,
                                  NcInput.from_mapping(_draft(s, finding)))
        finding.nonconformity_id = nc.id
        task_id = s.get(ChecklistItem, finding.item_id).plan_task_id  # type: ignore[union-attr]
        if task_id is not None:
            insert_link(s, actor, task_id, "finding", finding.id)
        record_change(s, actor, "audit.finding.raise_nc", "finding", finding.id,
                     after={"nonconformity_id": nc.id, "number": nc.number})
        uow.commit()
        return nc.id
