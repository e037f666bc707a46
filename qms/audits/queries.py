"""Read side of internal audits: programmes, one audit, its checklist, findings, scores."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.audits import rules
from qms.audits.clauses import load_clauses
from qms.audits.models import (
    Audit,
    AuditProgramme,
    BankQuestion,
    ChecklistAttachment,
    ChecklistItem,
    Finding,
)
from qms.auth.models import Unit, User
from qms.core.data_files import read_packaged
from qms.db.uow import read_session
from qms.nonconformities.models import Nonconformity
from qms.trace.file_models import StoredFile
from qms.trace.linkable_queries import Linkable


@dataclass(frozen=True)
class ProgrammeView:
    id: int
    year: int
    objectives: str
    notes: str


@dataclass(frozen=True)
class AuditView:
    id: int
    programme_id: int
    year: int
    audit_type: str
    title: str
    status: str
    unit_ids: tuple[int, ...]
    unit_names: tuple[str, ...]
    document_ids: tuple[int, ...]
    clause_codes: tuple[str, ...]
    plan_task_ids: tuple[int, ...]
    criteria: str
    start_date: date | None
    end_date: date | None
    lead_auditor_id: int | None
    lead_auditor: str
    team_ids: tuple[int, ...]
    team: tuple[str, ...]
    auditees: str
    conclusion: str
    recommendations: str
    version: int


@dataclass(frozen=True)
class ItemView:
    id: int
    audit_id: int
    ordinal: int
    source: str
    source_ref: str
    clause: str
    question: str
    evidence_hint: str
    unit_id: int | None
    unit: str
    auditor_id: int | None
    auditor: str
    result: str | None
    evidence_seen: str
    note: str
    answered_by: str
    answered_at: datetime | None
    version: int
    files: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class FindingView:
    id: int
    item_id: int
    ordinal: int
    clause: str
    unit: str
    result: str
    description: str
    nonconformity_id: int | None
    nc_number: str = ""


def programme_by_year(org_id: int, year: int) -> ProgrammeView | None:
    """The year's programme, if opened."""
    with read_session() as s:
        p = s.scalar(select(AuditProgramme).where(AuditProgramme.organization_id == org_id,
                                                  AuditProgramme.year == year))
        return ProgrammeView(p.id, p.year, p.objectives, p.notes) if p else None


def programme_years(org_id: int) -> list[int]:
    with read_session() as s:
        return list(s.scalars(select(AuditProgramme.year).where(
            AuditProgramme.organization_id == org_id).order_by(AuditProgramme.year.desc())))


def _names(s: Session, model: type[Unit] | type[User], ids: Iterable[int | None]
           ) -> dict[int, str]:
    attr = User.full_name if model is User else Unit.name
    ids = [i for i in ids if i is not None]
    if not ids:
        return {}
    return {k: val for k, val in s.execute(select(model.id, attr).where(model.id.in_(ids)))}


def _views(s: Session, rows: Iterable[tuple[Audit, int]]) -> list[AuditView]:
    """Views of many audits with two name look-ups in all (never two per audit)."""
    rows = list(rows)
    units = _names(s, Unit, {u for a, _ in rows for u in a.unit_ids})
    people = _names(s, User, {u for a, _ in rows for u in (*a.team_ids, a.lead_auditor_id)})
    return [_view(a, year, units, people) for a, year in rows]


def _view(a: Audit, year: int, units: dict[int, str], people: dict[int, str]) -> AuditView:
    return AuditView(a.id, a.programme_id, year, a.audit_type, a.title, a.status,
                     tuple(a.unit_ids), tuple(units.get(u, "?") for u in a.unit_ids),
                     tuple(a.document_ids), tuple(a.clause_codes), tuple(a.plan_task_ids),
                     a.criteria, a.start_date, a.end_date, a.lead_auditor_id,
                     people.get(a.lead_auditor_id or 0, ""), tuple(a.team_ids),
                     tuple(people.get(u, "?") for u in a.team_ids), a.auditees, a.conclusion,
                     a.recommendations, a.version)


def list_audits(org_id: int, programme_id: int | None = None) -> list[AuditView]:
    """Audits of one programme (or all), by start date."""
    with read_session() as s:
        q = (select(Audit, AuditProgramme.year).join(AuditProgramme)
             .where(Audit.organization_id == org_id))
        if programme_id is not None:
            q = q.where(Audit.programme_id == programme_id)
        rows = s.execute(q.order_by(Audit.start_date, Audit.id)).tuples().all()
        return _views(s, rows)


def get_audit(org_id: int, audit_id: int) -> AuditView | None:
    with read_session() as s:
        row = s.execute(select(Audit, AuditProgramme.year).join(AuditProgramme).where(
            Audit.organization_id == org_id, Audit.id == audit_id)).first()
        return _views(s, [(row[0], row[1])])[0] if row else None


def checklist(org_id: int, audit_id: int, *, auditor_id: int | None = None,
              unanswered_only: bool = False) -> list[ItemView]:
    """The audit's questions in order; optionally one auditor's, optionally unanswered."""
    with read_session() as s:
        q = select(ChecklistItem).where(ChecklistItem.organization_id == org_id,
                                        ChecklistItem.audit_id == audit_id)
        if auditor_id is not None:
            q = q.where(ChecklistItem.auditor_id == auditor_id)
        if unanswered_only:
            q = q.where(ChecklistItem.result.is_(None))
        items = s.scalars(q.order_by(ChecklistItem.ordinal)).all()
        units = _names(s, Unit, {i.unit_id for i in items if i.unit_id})
        people = _names(s, User, {u for i in items for u in (i.auditor_id, i.answered_by_id)
                                  if u})
        files: dict[int, list[tuple[int, str]]] = {}
        for item_id, file_id, name in s.execute(
                select(ChecklistAttachment.item_id, StoredFile.id, StoredFile.name)
                .join(StoredFile, StoredFile.id == ChecklistAttachment.file_id)
                .where(ChecklistAttachment.item_id.in_([i.id for i in items]))):
            files.setdefault(item_id, []).append((file_id, name))
        return [ItemView(i.id, i.audit_id, i.ordinal, i.source, i.source_ref, i.clause,
                         i.question, i.evidence_hint, i.unit_id, units.get(i.unit_id or 0, ""),
                         i.auditor_id, people.get(i.auditor_id or 0, ""), i.result,
                         i.evidence_seen, i.note, people.get(i.answered_by_id or 0, ""),
                         i.answered_at, i.version, tuple(files.get(i.id, ())))
                for i in items]


def audits_assigned_to(org_id: int, user_id: int) -> list[tuple[int, str, int, int]]:
    """(audit id, title, questions, answered) for audits in progress with this auditor."""
    with read_session() as s:
        rows = s.execute(
            select(Audit.id, Audit.title, func.count(ChecklistItem.id),
                   func.count(ChecklistItem.result))
            .join(ChecklistItem, ChecklistItem.audit_id == Audit.id)
            .where(Audit.organization_id == org_id, Audit.status == "in_progress",
                   ChecklistItem.auditor_id == user_id)
            .group_by(Audit.id, Audit.title).order_by(Audit.id)).all()
        return [(a, t, n, d) for a, t, n, d in rows]


def findings(org_id: int, audit_id: int) -> list[FindingView]:
    """Findings of an audit in checklist order."""
    with read_session() as s:
        rows = s.execute(select(Finding, ChecklistItem, Nonconformity.number).join(
            ChecklistItem, ChecklistItem.id == Finding.item_id).outerjoin(
            Nonconformity, Nonconformity.id == Finding.nonconformity_id).where(
            Finding.organization_id == org_id, Finding.audit_id == audit_id)
            .order_by(ChecklistItem.ordinal)).all()
        units = _names(s, Unit, {i.unit_id for _, i, _ in rows if i.unit_id})
        return [FindingView(f.id, i.id, i.ordinal, i.clause, units.get(i.unit_id or 0, ""),
                            f.result, f.description, f.nonconformity_id, number or "")
                for f, i, number in rows]


def audit_scores(org_id: int, audit_id: int) -> dict[str, dict[str, rules.Score]]:
    """Conformity per clause, unit and overall (audit_rules.scores) of the answers so far."""
    items = checklist(org_id, audit_id)
    return rules.scores(rules.Answer(i.clause, i.unit, i.result) for i in items)


def programme_coverage(org_id: int, programme_id: int) -> rules.Coverage:
    """The clause × unit coverage of a programme's audits, with the gaps."""
    audits = list_audits(org_id, programme_id)
    with read_session() as s:
        units = list(s.scalars(select(Unit.name).where(Unit.organization_id == org_id,
                                                       Unit.is_active.is_(True))
                               .order_by(Unit.name)))
    clauses = load_clauses(read_packaged("iso_clauses.csv"))
    return rules.coverage([(a.clause_codes, a.unit_names) for a in audits], clauses, units)


def bank_rows(org_id: int) -> list[dict[str, object]]:
    """The organisation's bank for the editor (empty until first use seeds it)."""
    with read_session() as s:
        rows = s.scalars(select(BankQuestion).where(BankQuestion.organization_id == org_id)
                         .order_by(BankQuestion.code))
        return [{"id": r.id, "code": r.code, "clause": r.clause, "question": r.question,
                 "evidence": r.evidence, "applies_to": r.applies_to, "active": r.active}
                for r in rows]


CHECKLIST_QUESTION = Linkable("checklist_question", ChecklistItem,
                              lambda q: f"{q.source_ref or q.clause} — {q.question[:120]}")
FINDING = Linkable("finding", Finding, lambda f: f"{f.result} — {f.description[:120]}")
