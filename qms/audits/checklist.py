"""Building the checklist of a planned audit: generate, edit, reorder, assign, remove."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.audits import rules
from qms.audits.access import require
from qms.audits.bank import active_bank
from qms.audits.models import Audit, ChecklistItem
from qms.audits.rules import WORKFLOW, AuditStep
from qms.auth.models import Unit, User
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.documents.models import Document, DocumentRevision
from qms.documents.procedure_md import parse_steps
from qms.plan.models import PlanTask
from qms.trace.links import insert_link
from qms.trace.models import TraceLink
from qms.trail.record import record_change

PROCEDURE_CLAUSE = "8.1"


@dataclass(frozen=True)
class Draft:
    """A generated question with the records it points at."""

    item: rules.ChecklistDraftItem
    unit_id: int | None = None
    document_id: int | None = None
    plan_task_id: int | None = None


def _bank_drafts(s: Session, audit_row: Audit) -> list[Draft]:
    units = {u.name: u.id for u in s.scalars(select(Unit).where(Unit.id.in_(audit_row.unit_ids)))}
    only = next(iter(units.values())) if len(units) == 1 else None
    bank = active_bank(s, audit_row.organization_id)
    applies = {q.code: q.applies_to for q in bank}
    items = rules.checklist_from_bank(bank, audit_row.clause_codes, list(units))
    return [Draft(i, units.get(applies.get(i.source_ref, ""), only)) for i in items]


def _procedure_drafts(s: Session, audit_row: Audit) -> list[Draft]:
    drafts = []
    for doc_id in audit_row.document_ids:
        doc = s.get(Document, doc_id)
        revision = s.scalar(select(DocumentRevision).where(
            DocumentRevision.document_id == doc_id, DocumentRevision.status == "effective"))
        if doc is None or revision is None:
            continue
        steps = [(str(st.number), st.responsible, st.description)
                 for st in parse_steps(revision.content, source=doc.code)]
        clause = (doc.iso_clauses or [PROCEDURE_CLAUSE])[0]
        drafts += [Draft(i, doc.owner_unit_id, document_id=doc.id)
                   for i in rules.checklist_from_steps(doc.code, doc.title, clause, steps)]
    return drafts


def _task_drafts(s: Session, audit_row: Audit) -> list[Draft]:
    drafts = []
    for task_id in audit_row.plan_task_ids:
        task = s.get(PlanTask, task_id)
        if task is None:
            continue
        for item in rules.checklist_from_tasks([(task.code, task.text, task.is_duty)]):
            drafts.append(Draft(item, task.owner_unit_id, plan_task_id=task.id))
    return drafts


def generate_checklist(actor: Actor, audit_id: int) -> int:
    """Add the bank, procedure-step and plan-task questions of the scope; returns how many.

    Questions already on the checklist (same source and reference) are not added twice.
    """
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, Audit, audit_id, actor)
        require(actor, "audit.edit_checklist", row)
        WORKFLOW.next(row.status, AuditStep.EDIT_CHECKLIST)
        existing = {(src, ref) for src, ref in s.execute(
            select(ChecklistItem.source, ChecklistItem.source_ref)
            .where(ChecklistItem.audit_id == row.id))}
        ordinal = _last_ordinal(s, row.id)
        added = 0
        for draft in _bank_drafts(s, row) + _procedure_drafts(s, row) + _task_drafts(s, row):
            if (draft.item.source, draft.item.source_ref) in existing:
                continue
            ordinal += 1
            added += 1
            item = _insert(s, actor, row, ordinal, draft)
            if draft.plan_task_id is not None:
                insert_link(s, actor, draft.plan_task_id, "checklist_question", item.id)
        if added:  # nothing new: no change, no audit row
            record_change(s, actor, "audit.checklist.generate", "audit", row.id,
                         after={"added": added})
            uow.commit()
        return added


def _last_ordinal(s: Session, audit_id: int) -> int:
    return s.scalar(select(func.max(ChecklistItem.ordinal))
                    .where(ChecklistItem.audit_id == audit_id)) or 0


def _insert(s: Session, actor: Actor, row: Audit, ordinal: int, draft: Draft) -> ChecklistItem:
    d = draft.item
    item = ChecklistItem(organization_id=actor.organization_id, audit_id=row.id, ordinal=ordinal,
                         source=d.source, source_ref=d.source_ref, clause=d.clause,
                         question=d.question, evidence_hint=d.evidence, unit_id=draft.unit_id,
                         document_id=draft.document_id, plan_task_id=draft.plan_task_id)
    s.add(item)
    s.flush()
    return item


@dataclass(frozen=True)
class QuestionInput:
    """A question as the lead auditor writes or edits it."""

    question: str
    clause: str = ""
    evidence_hint: str = ""
    unit_id: int | None = None
    auditor_id: int | None = None


def _editable(s: Session, actor: Actor, item_id: int) -> tuple[Audit, ChecklistItem]:
    item = owned(s, ChecklistItem, item_id, actor)
    row = owned(s, Audit, item.audit_id, actor)
    require(actor, "audit.edit_checklist", row)
    WORKFLOW.next(row.status, AuditStep.EDIT_CHECKLIST)
    return row, item


def _apply(s: Session, actor: Actor, row: Audit, item: ChecklistItem, data: QuestionInput) -> None:
    item.question = v.text(data.question, "field.audit.question", max_len=2000, required=True,
                           multiline=True)
    item.clause = v.text(data.clause, "field.audit.clause", max_len=12)
    item.evidence_hint = v.text(data.evidence_hint, "field.audit.evidence_hint", max_len=2000,
                                multiline=True)
    if data.unit_id is not None:
        owned(s, Unit, data.unit_id, actor)
    item.unit_id = data.unit_id
    if data.auditor_id is not None:
        auditor = owned(s, User, data.auditor_id, actor)
        if data.auditor_id not in (row.lead_auditor_id, *row.team_ids):
            raise ValidationFailed("audit.not_in_team", auditor=auditor.full_name)
        rules.check_independence(auditor.full_name, auditor.unit_id,
                                 [u for u in (item.unit_id,) if u is not None])
    item.auditor_id = data.auditor_id


def add_question(actor: Actor, audit_id: int, data: QuestionInput) -> int:
    """Add a question of the lead auditor's own at the end of the checklist."""
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, Audit, audit_id, actor)
        require(actor, "audit.edit_checklist", row)
        WORKFLOW.next(row.status, AuditStep.EDIT_CHECKLIST)
        item = ChecklistItem(organization_id=actor.organization_id, audit_id=row.id,
                             ordinal=_last_ordinal(s, row.id) + 1, source="manual", question="")
        _apply(s, actor, row, item, data)
        s.add(item)
        s.flush()
        record_change(s, actor, "audit.checklist.add", "checklist_question", item.id,
                     after={"question": item.question, "auditor_id": item.auditor_id})
        uow.commit()
        return item.id


def edit_question(actor: Actor, item_id: int, data: QuestionInput) -> None:
    """Change a question's text, clause, unit or auditor before the audit starts."""
    with unit_of_work() as uow:
        s = uow.session
        row, item = _editable(s, actor, item_id)
        before = {"question": item.question, "clause": item.clause,
                  "auditor_id": item.auditor_id, "unit_id": item.unit_id}
        _apply(s, actor, row, item, data)
        record_change(s, actor, "audit.checklist.edit", "checklist_question", item.id,
                     before=before, after={"question": item.question, "clause": item.clause,
                                           "auditor_id": item.auditor_id,
                                           "unit_id": item.unit_id})
        uow.commit()


def assign_questions(actor: Actor, item_ids: list[int], auditor_id: int | None) -> None:
    """Give several questions to one auditor of the team (``None`` takes them back)."""
    with unit_of_work() as uow:
        s = uow.session
        for item_id in item_ids:
            row, item = _editable(s, actor, item_id)
            before = item.auditor_id
            _apply(s, actor, row, item, QuestionInput(item.question, item.clause,
                                                      item.evidence_hint, item.unit_id,
                                                      auditor_id))
            record_change(s, actor, "audit.checklist.assign", "checklist_question", item.id,
                         before={"auditor_id": before}, after={"auditor_id": auditor_id})
        uow.commit()


def move_question(actor: Actor, item_id: int, step: int) -> None:
    """Swap a question with its neighbour above (``step=-1``) or below (``step=1``)."""
    with unit_of_work() as uow:
        s = uow.session
        row, item = _editable(s, actor, item_id)
        if step < 0:
            nearer, order = ChecklistItem.ordinal < item.ordinal, ChecklistItem.ordinal.desc()
        else:
            nearer, order = ChecklistItem.ordinal > item.ordinal, ChecklistItem.ordinal.asc()
        other = s.scalars(select(ChecklistItem).where(ChecklistItem.audit_id == row.id, nearer)
                          .order_by(order).limit(1)).first()
        if other is None:
            return
        item.ordinal, other.ordinal = other.ordinal, item.ordinal
        record_change(s, actor, "audit.checklist.move", "checklist_question", item.id,
                     after={"ordinal": item.ordinal})
        uow.commit()


def remove_question(actor: Actor, item_id: int) -> None:
    """Take a question off the checklist before the audit starts."""
    with unit_of_work() as uow:
        s = uow.session
        _, item = _editable(s, actor, item_id)
        record_change(s, actor, "audit.checklist.remove", "checklist_question", item.id,
                     before={"question": item.question, "source_ref": item.source_ref})
        for link in s.scalars(select(TraceLink).where(
                TraceLink.entity_type == "checklist_question", TraceLink.entity_id == item.id)):
            s.delete(link)
        s.delete(item)
        uow.commit()
