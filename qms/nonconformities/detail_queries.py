"""One nonconformity with everything about it: actions of every round, effectiveness checks,
files, linked plan tasks — what the detail panel, the forms and the PDF form read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.auth.models import Unit, User
from qms.core.actions import action_overdue
from qms.db.uow import read_session
from qms.documents.models import Document
from qms.nonconformities.models import CorrectiveAction, NcAttachment, Nonconformity, Verification
from qms.nonconformities.rules import ActionFacts, earliest_verification, last_done_on
from qms.plan.models import Plan, PlanTask
from qms.trace.file_models import StoredFile
from qms.trace.models import TraceLink


@dataclass(frozen=True)
class ActionView:
    id: int
    round: int
    ordinal: int
    description: str
    owner_id: int | None
    owner: str
    owner_unit_id: int | None
    due_date: date | None
    status: str
    done_note: str
    done_on: date | None
    evidence_text: str
    version: int
    overdue: bool


@dataclass(frozen=True)
class VerificationView:
    id: int
    round: int
    verified_on: date
    verifier_id: int | None
    verifier: str
    effective: bool
    note: str


@dataclass(frozen=True)
class NcDetail:
    id: int
    number: str
    status: str
    title: str
    found_on: date
    recorded_on: date
    source: str
    source_type: str
    source_id: int | None
    unit_id: int | None
    unit: str
    procedure_text: str
    document_id: int | None
    document: str
    clause: str
    found_by: str
    owner_id: int | None
    owner: str
    description: str
    evidence_text: str
    grade: str
    correction: str
    consequences: str
    why_chain: tuple[str, ...]
    cause_category: str
    root_cause: str
    similar_exist: bool | None
    similar_note: str
    round: int
    recurrence_of: str
    closed_on: date | None
    closed_by: str
    cancelled_on: date | None
    cancelled_by: str
    cancel_reason: str
    version: int
    actions: tuple[ActionView, ...]
    verifications: tuple[VerificationView, ...]
    files: tuple[tuple[int, str, int | None], ...]  # (file id, name, action id)
    tasks: tuple[tuple[int, int, str, str], ...]  # (task id, plan id, code, text)

    @property
    def current_actions(self) -> tuple[ActionView, ...]:
        """The actions of the current round (after a reopening, the new ones)."""
        return tuple(a for a in self.actions if a.round == self.round)

    @property
    def owner_ids(self) -> frozenset[int]:
        """Owners of the current actions: they may not check their effectiveness."""
        return frozenset(a.owner_id for a in self.current_actions if a.owner_id is not None)

    @property
    def latest_verification(self) -> VerificationView | None:
        """The last effectiveness check of the current round, if any."""
        mine = [v for v in self.verifications if v.round == self.round]
        return mine[-1] if mine else None

    def earliest_verification(self, wait_days: int) -> date | None:
        """The first day the effectiveness check may be made (``None``: no action done)."""
        done = [ActionFacts(a.owner_id, a.due_date, a.status, a.done_on, a.round)
                for a in self.current_actions]
        return earliest_verification(last_done_on(done, self.round), wait_days)


def _names(s: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return dict(s.execute(select(User.id, User.full_name).where(User.id.in_(wanted))).all())


def _actions(s: Session, nc_id: int, today: date) -> tuple[ActionView, ...]:
    rows = list(s.scalars(select(CorrectiveAction).where(
        CorrectiveAction.nonconformity_id == nc_id).order_by(CorrectiveAction.round,
                                                             CorrectiveAction.ordinal)))
    names = _names(s, {a.owner_id for a in rows})
    return tuple(ActionView(
        a.id, a.round, a.ordinal, a.description, a.owner_id, names.get(a.owner_id or 0, ""),
        a.owner_unit_id, a.due_date, a.status, a.done_note, a.done_on, a.evidence_text,
        a.version, action_overdue(a.status, a.due_date, today)) for a in rows)


def _extras(s: Session, nc: Nonconformity) -> tuple[tuple, tuple, tuple]:  # type: ignore[type-arg]
    checks = tuple(VerificationView(v.id, v.round, v.verified_on, v.verifier_id,
                                    v.verifier_name, v.effective, v.note)
                   for v in s.scalars(select(Verification).where(
                       Verification.nonconformity_id == nc.id).order_by(Verification.id)))
    files_q = (select(StoredFile.id, StoredFile.name, NcAttachment.action_id)
               .join(NcAttachment, NcAttachment.file_id == StoredFile.id)
               .where(NcAttachment.nonconformity_id == nc.id).order_by(NcAttachment.id))
    tasks_q = (select(PlanTask.id, PlanTask.plan_id, PlanTask.code, PlanTask.text)
               .join(TraceLink, TraceLink.task_id == PlanTask.id)
               .join(Plan, Plan.id == PlanTask.plan_id)
               .where(TraceLink.entity_type == "nonconformity", TraceLink.entity_id == nc.id)
               .order_by(Plan.year, PlanTask.code))
    files = tuple(tuple(r) for r in s.execute(files_q))
    tasks = tuple(tuple(r) for r in s.execute(tasks_q))
    return checks, files, tasks


def nc_detail(org_id: int, nc_id: int, today: date) -> NcDetail | None:
    """One nonconformity of the organisation, or ``None``."""
    with read_session() as s:
        nc = s.get(Nonconformity, nc_id)
        if nc is None or nc.organization_id != org_id:
            return None
        names = _names(s, {nc.found_by_id, nc.owner_id, nc.closed_by_id, nc.cancelled_by_id})
        unit = s.get(Unit, nc.unit_id) if nc.unit_id else None
        doc = s.get(Document, nc.document_id) if nc.document_id else None
        repeated = s.get(Nonconformity, nc.recurrence_of_id) if nc.recurrence_of_id else None
        checks, files, tasks = _extras(s, nc)
        return NcDetail(
            nc.id, nc.number, nc.status, nc.title, nc.found_on, nc.recorded_on, nc.source,
            nc.source_type, nc.source_id, nc.unit_id, unit.name if unit else "",
            nc.procedure_text, nc.document_id, f"{doc.code} — {doc.title}" if doc else "",
            nc.clause, nc.found_by_name or names.get(nc.found_by_id or 0, ""), nc.owner_id,
            names.get(nc.owner_id or 0, ""), nc.description, nc.evidence_text, nc.grade,
            nc.correction, nc.consequences, tuple(nc.why_chain or ()), nc.cause_category,
            nc.root_cause, nc.similar_exist, nc.similar_note, nc.round,
            repeated.number if repeated else "", nc.closed_on,
            names.get(nc.closed_by_id or 0, ""), nc.cancelled_on,
            names.get(nc.cancelled_by_id or 0, ""), nc.cancel_reason, nc.version,
            _actions(s, nc.id, today), checks, files, tasks)
