"""Audit programme and audits (ISO 9.2): plan, start, conclude, and plan the next one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.audits.access import check_member, require
from qms.audits.models import Audit, AuditProgramme, ChecklistItem
from qms.audits.rules import WORKFLOW, AuditStatus, AuditStep
from qms.auth.models import Unit
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import Conflict, ValidationFailed
from qms.db.uow import owned, unit_of_work
from qms.documents.models import Document
from qms.plan.models import PlanTask
from qms.trail.record import record_change
from qms.trail.stale import check_version

AUDIT_TYPES = ("internal", "external")


def create_programme(actor: Actor, year: int, objectives: str = "", notes: str = "") -> int:
    """Open the year's audit programme (one per organisation and year)."""
    actor.require("audit.programme")
    if not 2000 <= year <= 2100:
        raise ValidationFailed("audit.bad_year", year=year)
    objectives = v.text(objectives, "field.audit.objectives", max_len=4000, multiline=True)
    notes = v.text(notes, "field.note", max_len=4000, multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        if s.scalar(select(AuditProgramme.id).where(
                AuditProgramme.organization_id == actor.organization_id,
                AuditProgramme.year == year)) is not None:
            raise Conflict("audit.programme_exists", year=year)
        row = AuditProgramme(organization_id=actor.organization_id, year=year,
                             objectives=objectives, notes=notes)
        s.add(row)
        s.flush()
        record_change(s, actor, "audit.programme.create", "audit_programme", row.id,
                     after={"year": year, "objectives": objectives})
        uow.commit()
        return row.id


@dataclass(frozen=True)
class AuditInput:
    """What the ISO officer decides when planning an audit."""

    title: str
    lead_auditor_id: int
    audit_type: str = "internal"
    unit_ids: tuple[int, ...] = ()
    document_ids: tuple[int, ...] = ()
    clause_codes: tuple[str, ...] = ()
    plan_task_ids: tuple[int, ...] = ()
    team_ids: tuple[int, ...] = ()
    criteria: str = ""
    auditees: str = ""
    start_date: date | None = None
    end_date: date | None = None


def _checked(s: Session, actor: Actor, data: AuditInput) -> dict[str, object]:
    if data.audit_type not in AUDIT_TYPES:
        raise ValidationFailed("audit.bad_type", value=data.audit_type)
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ValidationFailed("audit.bad_dates")
    for model, ids in ((Unit, data.unit_ids), (Document, data.document_ids),
                       (PlanTask, data.plan_task_ids)):
        for record_id in ids:
            owned(s, model, record_id, actor)
    units = list(data.unit_ids)
    for user_id in dict.fromkeys((data.lead_auditor_id, *data.team_ids)):
        check_member(s, actor, user_id, units)
    return {
        "title": v.text(data.title, "field.audit.title", max_len=300, required=True),
        "audit_type": data.audit_type, "unit_ids": units,
        "document_ids": list(data.document_ids),
        "clause_codes": [v.text(c, "field.audit.clauses", max_len=12) for c in data.clause_codes],
        "plan_task_ids": list(data.plan_task_ids), "lead_auditor_id": data.lead_auditor_id,
        "team_ids": [u for u in dict.fromkeys(data.team_ids) if u != data.lead_auditor_id],
        "criteria": v.text(data.criteria, "field.audit.criteria", max_len=4000, multiline=True),
        "auditees": v.text(data.auditees, "field.audit.auditees", max_len=2000, multiline=True),
        "start_date": data.start_date, "end_date": data.end_date,
    }


def plan_audit(actor: Actor, programme_id: int, data: AuditInput) -> int:
    """Add an audit to a programme; an auditor of an audited unit is refused (independence)."""
    actor.require("audit.plan")
    with unit_of_work() as uow:
        s = uow.session
        owned(s, AuditProgramme, programme_id, actor)
        values = _checked(s, actor, data)
        row = Audit(organization_id=actor.organization_id, programme_id=programme_id,
                    status=AuditStatus.PLANNED.value, **values)
        s.add(row)
        s.flush()
        record_change(s, actor, "audit.plan", "audit", row.id, after=values)
        uow.commit()
        return row.id


def update_plan(actor: Actor, audit_id: int, data: AuditInput, expected_version: int) -> int:
    """Change scope, team or dates of a planned audit; returns the new version."""
    actor.require("audit.plan")
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, Audit, audit_id, actor)
        WORKFLOW.next(row.status, AuditStep.EDIT_PLAN)
        check_version(row, expected_version)
        values = _checked(s, actor, data)
        before = {k: getattr(row, k) for k in values}
        for name, value in values.items():
            setattr(row, name, value)
        s.flush()
        record_change(s, actor, "audit.update", "audit", row.id, before=before, after=values)
        uow.commit()
        return row.version


def start_audit(actor: Actor, audit_id: int) -> None:
    """The lead auditor opens the checklist for answers; editing questions stops here."""
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, Audit, audit_id, actor)
        require(actor, "audit.edit_checklist", row)
        before = row.status
        row.status = WORKFLOW.next(row.status, AuditStep.START).value
        record_change(s, actor, "audit.start", "audit", row.id,
                     before={"status": before}, after={"status": row.status})
        uow.commit()


def conclude_audit(actor: Actor, audit_id: int, conclusion: str, recommendations: str,
                   expected_version: int, *, complete: bool = True) -> int:
    """Save conclusion and recommendations; ``complete`` closes the audit. Returns the version."""
    conclusion = v.text(conclusion, "field.audit.conclusion", max_len=8000, multiline=True,
                        required=complete)
    recommendations = v.text(recommendations, "field.audit.recommendations", max_len=8000,
                             multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, Audit, audit_id, actor)
        require(actor, "audit.conclude", row)
        status = WORKFLOW.next(row.status, AuditStep.COMPLETE if complete else AuditStep.CONCLUDE)
        check_version(row, expected_version)
        before = {"conclusion": row.conclusion, "recommendations": row.recommendations,
                  "status": row.status}
        row.conclusion, row.recommendations = conclusion, recommendations
        row.status = status.value
        s.flush()
        record_change(s, actor, "audit.conclude", "audit", row.id, before=before, after={
            "conclusion": conclusion, "recommendations": recommendations, "status": row.status})
        uow.commit()
        return row.version


def plan_next_audit(actor: Actor, audit_id: int, programme_id: int, title: str,
                    start_date: date | None = None, end_date: date | None = None) -> int:
    """A new planned audit with the same scope, team and questions; answers start empty."""
    actor.require("audit.plan")
    with unit_of_work() as uow:
        s = uow.session
        src = owned(s, Audit, audit_id, actor)
        WORKFLOW.next(src.status, AuditStep.PLAN_NEXT)
        owned(s, AuditProgramme, programme_id, actor)
        data = AuditInput(title=title, lead_auditor_id=src.lead_auditor_id or 0,
                          audit_type=src.audit_type, unit_ids=tuple(src.unit_ids),
                          document_ids=tuple(src.document_ids),
                          clause_codes=tuple(src.clause_codes),
                          plan_task_ids=tuple(src.plan_task_ids), team_ids=tuple(src.team_ids),
                          criteria=src.criteria, auditees=src.auditees)
        values = _checked(s, actor, replace(data, start_date=start_date, end_date=end_date))
        row = Audit(organization_id=actor.organization_id, programme_id=programme_id,
                    status=AuditStatus.PLANNED.value, copied_from_id=src.id,
                    **values)
        s.add(row)
        s.flush()
        items = s.scalars(select(ChecklistItem).where(ChecklistItem.audit_id == src.id)
                          .order_by(ChecklistItem.ordinal))
        for item in items:
            s.add(ChecklistItem(
                organization_id=actor.organization_id, audit_id=row.id, ordinal=item.ordinal,
                source=item.source, source_ref=item.source_ref, clause=item.clause,
                question=item.question, evidence_hint=item.evidence_hint, unit_id=item.unit_id,
                document_id=item.document_id, plan_task_id=item.plan_task_id,
                auditor_id=item.auditor_id))
        record_change(s, actor, "audit.plan", "audit", row.id,
                     after={**values, "copied_from_id": src.id})
        uow.commit()
        return row.id
