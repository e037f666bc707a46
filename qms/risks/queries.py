"""Read side of the risks and opportunities register: its rows (current and previous level,
trend, overdue actions and reviews), one entry's actions and reviews, and the 5 × 5 matrix."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from qms.auth.models import Unit, User
from qms.core.actions import action_overdue
from qms.db.uow import read_session
from qms.documents.models import Document
from qms.plan.models import Plan, PlanTask
from qms.risks import rules
from qms.risks.models import Risk, RiskAction, RiskReview
from qms.risks.rules import ActionStatus, RiskStatus
from qms.trace.linkable_queries import Linkable
from qms.trace.models import TraceLink

Owner = aliased(User)


@dataclass(frozen=True)
class RiskFilter:
    unit_id: int | None = None
    kind: str | None = None
    band: str | None = None
    overdue: bool = False
    status: str | None = RiskStatus.OPEN.value


@dataclass(frozen=True)
class RiskRow:
    id: int
    code: str
    kind: str
    description: str
    cause: str
    consequence: str
    unit_id: int | None
    unit: str
    document_id: int | None
    document: str
    owner_id: int | None
    owner: str
    likelihood: int
    impact: int
    level: int
    band: str
    previous_level: int | None
    trend: str
    next_review_date: date | None
    review_overdue: bool
    status: str
    identified_on: date
    open_actions: int
    overdue_actions: int
    version: int

    @property
    def overdue(self) -> bool:
        return self.review_overdue or self.overdue_actions > 0


@dataclass(frozen=True)
class ActionRow:
    id: int
    risk_id: int
    description: str
    owner_id: int | None
    owner: str
    due_date: date | None
    status: str
    done_on: date | None
    result_note: str
    overdue: bool
    version: int


@dataclass(frozen=True)
class ReviewRow:
    id: int
    reviewed_on: date
    reviewer: str
    old_level: int
    level: int
    likelihood: int
    impact: int
    note: str
    next_review_date: date | None


def code_of(risk_id: int) -> str:
    """The entry's number in the register, e.g. ``R-007``."""
    return f"R-{risk_id:03d}"


def _previous_levels(s: Session, org_id: int) -> dict[int, int]:
    """The level before the latest review of each reviewed entry."""
    rows = s.execute(select(RiskReview.risk_id, RiskReview.old_likelihood, RiskReview.old_impact)
                     .where(RiskReview.organization_id == org_id)
                     .order_by(RiskReview.reviewed_on, RiskReview.id)).all()
    return {risk_id: lk * im for risk_id, lk, im in rows}


def _action_counts(s: Session, org_id: int, today: date) -> dict[int, tuple[int, int]]:
    rows = s.execute(select(RiskAction.risk_id, RiskAction.due_date)
                     .where(RiskAction.organization_id == org_id,
                            RiskAction.status == ActionStatus.OPEN.value)).all()
    counts: dict[int, tuple[int, int]] = {}
    for risk_id, due in rows:
        total, late = counts.get(risk_id, (0, 0))
        counts[risk_id] = (total + 1, late + int(action_overdue("open", due, today)))
    return counts


def register(org_id: int, today: date, flt: RiskFilter = RiskFilter()) -> list[RiskRow]:
    """The register's entries matching the filter, highest level first."""
    query = (select(Risk, Unit.name, Document.code, Document.title, Owner.full_name)
             .outerjoin(Unit, Unit.id == Risk.unit_id)
             .outerjoin(Document, Document.id == Risk.document_id)
             .outerjoin(Owner, Owner.id == Risk.owner_id)
             .where(Risk.organization_id == org_id).order_by(Risk.id))
    if flt.unit_id is not None:
        query = query.where(Risk.unit_id == flt.unit_id)
    if flt.kind:
        query = query.where(Risk.kind == flt.kind)
    if flt.status:
        query = query.where(Risk.status == flt.status)
    with read_session() as s:
        found = s.execute(query).all()
        previous = _previous_levels(s, org_id)
        counts = _action_counts(s, org_id, today)
        rows = [_row(r, unit, doc_code, doc_title, owner, previous.get(r.id),
                     counts.get(r.id, (0, 0)), today)
                for r, unit, doc_code, doc_title, owner in found]
    rows = [r for r in rows if (not flt.band or r.band == flt.band)
            and (not flt.overdue or r.overdue)]
    return sorted(rows, key=lambda r: (-r.level, r.id))


def _row(r: Risk, unit: str | None, doc_code: str | None, doc_title: str | None,
         owner: str | None, previous: int | None, counts: tuple[int, int],
         today: date) -> RiskRow:
    current = r.likelihood * r.impact
    return RiskRow(
        r.id, code_of(r.id), r.kind, r.description, r.cause, r.consequence, r.unit_id,
        unit or "", r.document_id, f"{doc_code} — {doc_title}" if doc_code else "",
        r.owner_id, owner or "", r.likelihood, r.impact, current, rules.band_of(current).value,
        previous, rules.trend(previous, current), r.next_review_date,
        rules.review_overdue(r.status, r.next_review_date, today), r.status, r.identified_on,
        counts[0], counts[1], r.version)


def matrix(rows: list[RiskRow]) -> dict[tuple[int, int], int]:
    """How many entries sit in each (likelihood, impact) cell."""
    cells: dict[tuple[int, int], int] = {}
    for r in rows:
        cells[(r.likelihood, r.impact)] = cells.get((r.likelihood, r.impact), 0) + 1
    return cells


def actions(org_id: int, today: date, *, risk_id: int | None = None,
            owner_id: int | None = None, open_only: bool = False) -> list[ActionRow]:
    """Actions of one entry, or of one owner, or all of the organisation, by due date."""
    query = (select(RiskAction, Owner.full_name).outerjoin(Owner, Owner.id == RiskAction.owner_id)
             .join(Risk, Risk.id == RiskAction.risk_id)
             .where(RiskAction.organization_id == org_id)
             .order_by(RiskAction.due_date, RiskAction.id))
    if risk_id is not None:
        query = query.where(RiskAction.risk_id == risk_id)
    if owner_id is not None:
        query = query.where(RiskAction.owner_id == owner_id)
    if open_only:
        query = query.where(RiskAction.status == ActionStatus.OPEN.value,
                            Risk.status == RiskStatus.OPEN.value)
    with read_session() as s:
        return [ActionRow(a.id, a.risk_id, a.description, a.owner_id,
                          owner or "", a.due_date, a.status, a.done_on, a.result_note,
                          action_overdue(a.status, a.due_date, today), a.version)
                for a, owner in s.execute(query).all()]


def reviews(org_id: int, risk_id: int) -> list[ReviewRow]:
    """The entry's reviews, newest first."""
    query = (select(RiskReview, Owner.full_name)
             .outerjoin(Owner, Owner.id == RiskReview.reviewer_id)
             .where(RiskReview.organization_id == org_id, RiskReview.risk_id == risk_id)
             .order_by(RiskReview.reviewed_on.desc(), RiskReview.id.desc()))
    with read_session() as s:
        return [ReviewRow(r.id, r.reviewed_on, who or "", r.old_likelihood * r.old_impact,
                          r.likelihood * r.impact, r.likelihood, r.impact, r.note,
                          r.next_review_date) for r, who in s.execute(query).all()]


def documents(org_id: int) -> list[tuple[int, str]]:
    """The controlled documents an entry may concern (its process)."""
    query = (select(Document.id, Document.code, Document.title)
             .where(Document.organization_id == org_id).order_by(Document.code))
    with read_session() as s:
        return [(i, f"{code} — {title[:90]}") for i, code, title in s.execute(query)]


def current_tasks(org_id: int) -> list[tuple[int, str]]:
    """The tasks of the current plans an entry may be linked to."""
    query = (select(PlanTask.id, PlanTask.code, PlanTask.text)
             .join(Plan, Plan.id == PlanTask.plan_id)
             .where(PlanTask.organization_id == org_id, Plan.is_current.is_(True))
             .order_by(PlanTask.id))
    with read_session() as s:
        return [(i, f"{code} — {text[:100]}") for i, code, text in s.execute(query)]


def linked_tasks(org_id: int, risk_id: int) -> list[str]:
    """The plan tasks the entry is linked to, as ``code — text``."""
    query = (select(PlanTask.code, PlanTask.text)
             .join(TraceLink, TraceLink.task_id == PlanTask.id)
             .where(TraceLink.organization_id == org_id, TraceLink.entity_type == "risk",
                    TraceLink.entity_id == risk_id).order_by(PlanTask.id))
    with read_session() as s:
        return [f"{code} — {text[:100]}" for code, text in s.execute(query)]


RISK = Linkable("risk", Risk, lambda r: f"R-{r.id:03d} — {r.description[:140]}")
