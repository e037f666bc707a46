"""Read side of self-inspection duties: every (duty, period) of the current plans with its
status, evidence count and deadline, built in one SQL query; the dashboard counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select

from qms.auth.models import Unit, User
from qms.db.uow import read_session
from qms.duties.models import DutyReport, DutyReportEvent, DutyReportEvidence, SelfInspectionDuty
from qms.duties.rules import PENDING, DutyStatus, PeriodFacts, default_period
from qms.plan.models import Plan, PlanTask, ReportingPeriod
from qms.trace.evidence_queries import EvidenceRef, evidence_refs
from qms.trace.file_models import Evidence

D, P, T, R = SelfInspectionDuty, ReportingPeriod, PlanTask, DutyReport
PLAN_DUTY = and_(D.origin == "plan", D.task_id.is_not(None))
OWNER_UNIT = case((PLAN_DUTY, T.owner_unit_id), else_=D.owner_unit_id)
OWNER_USER = case((PLAN_DUTY, T.owner_user_id), else_=D.owner_user_id)
STATUS = func.coalesce(R.status, DutyStatus.OPEN.value)
DUE = func.coalesce(P.due_date, P.end_date)
PENDING_VALUES = sorted(s.value for s in PENDING)


@dataclass(frozen=True)
class DutyRow:
    """One duty in one period."""

    duty_id: int
    period_id: int
    period: str
    code: str
    title: str
    origin: str
    recurrence: str
    owner_unit_id: int | None
    owner_unit: str
    owner_user_id: int | None
    owner_user: str
    due: date
    status: str
    overdue: bool
    report_id: int | None
    version: int | None
    evidence: int
    submitted_on: date | None
    decided_on: date | None
    comment: str


def overdue_clause(today: date) -> Any:
    """SQL: neither submitted nor accepted, and past the period's due date."""
    return and_(STATUS.in_(PENDING_VALUES), today > DUE)


def pairs(org_id: int) -> Select[Any]:
    """Every (duty, period) of the organisation's current plans: a once-per-plan duty only in
    its plan's last period. Columns are those of ``DutyRow`` minus ``overdue``."""
    last = (select(func.max(P.ordinal)).where(P.plan_id == D.plan_id)
            .correlate(D).scalar_subquery())
    evidence = (select(DutyReportEvidence.report_id, func.count().label("n"))
                .group_by(DutyReportEvidence.report_id).subquery())
    owner_unit, owner_user = Unit.__table__.alias("owner_unit"), User.__table__.alias("owner")
    return (
        select(D.id, P.id, P.name, func.coalesce(T.code, ""),
               case((PLAN_DUTY, T.text), else_=D.title), D.origin, D.recurrence,
               OWNER_UNIT, func.coalesce(owner_unit.c.name, ""), OWNER_USER,
               func.coalesce(owner_user.c.full_name, ""), DUE, STATUS, R.id, R.version,
               func.coalesce(evidence.c.n, 0), R.submitted_on, R.decided_on,
               func.coalesce(R.comment, ""))
        .join(Plan, Plan.id == D.plan_id)
        .join(P, and_(P.plan_id == D.plan_id,
                      or_(D.recurrence != "plan", P.ordinal == last)))
        .outerjoin(T, T.id == D.task_id)
        .outerjoin(R, and_(R.duty_id == D.id, R.period_id == P.id))
        .outerjoin(evidence, evidence.c.report_id == R.id)
        .outerjoin(owner_unit, owner_unit.c.id == OWNER_UNIT)
        .outerjoin(owner_user, owner_user.c.id == OWNER_USER)
        .where(D.organization_id == org_id, Plan.is_current.is_(True))
        .order_by(P.ordinal, func.coalesce(T.code, ""), D.id))


def _rows(query: Select[Any], today: date) -> list[DutyRow]:
    with read_session() as s:
        found = s.execute(query).all()
    return [DutyRow(*r[:13], r[12] in PENDING_VALUES and today > r[11], *r[13:])
            for r in found]


@dataclass(frozen=True)
class BoardFilter:
    status: str | None = None
    overdue: bool = False
    unit_id: int | None = None


def board(org_id: int, period_id: int, today: date,
          flt: BoardFilter = BoardFilter()) -> list[DutyRow]:
    """The duties of one period with their status, filtered as the page (or a link) asks."""
    query = pairs(org_id).where(P.id == period_id)
    if flt.status:
        query = query.where(flt.status == STATUS)
    if flt.overdue:
        query = query.where(overdue_clause(today))
    if flt.unit_id is not None:
        query = query.where(flt.unit_id == OWNER_UNIT)
    return _rows(query, today)


def submitted_queue(org_id: int, today: date) -> list[DutyRow]:
    """Every submitted report of the current plans, waiting for the ISO officer's decision."""
    return _rows(pairs(org_id).where(DutyStatus.SUBMITTED.value == STATUS), today)


def owned_pending(org_id: int, unit_id: int | None, user_id: int | None,
                  until: date, today: date) -> list[DutyRow]:
    """Reports still to hand in by this unit or person, due on or before ``until``."""
    mine = [user_id == OWNER_USER] if user_id is not None else []
    if unit_id is not None:
        mine.append(unit_id == OWNER_UNIT)
    if not mine:
        return []
    return _rows(pairs(org_id).where(STATUS.in_(PENDING_VALUES), until >= DUE, or_(*mine)),
                 today)


@dataclass(frozen=True)
class PeriodOption:
    id: int
    name: str
    start_date: date
    end_date: date
    due: date


def periods(org_id: int, today: date) -> tuple[list[PeriodOption], int | None]:
    """The periods of the newest current plan, and the one to show first (current/next)."""
    with read_session() as s:
        plan_id = s.scalar(select(Plan.id).where(Plan.organization_id == org_id,
                                                 Plan.is_current.is_(True))
                           .order_by(Plan.year.desc()).limit(1))
        if plan_id is None:
            return [], None
        rows = s.execute(select(P.id, P.name, P.start_date, P.end_date, DUE, P.ordinal)
                         .where(P.plan_id == plan_id).order_by(P.ordinal)).all()
    options = [PeriodOption(*r[:5]) for r in rows]
    return options, default_period((PeriodFacts(r[0], r[5], r[4]) for r in rows), today)


def plan_of_period(org_id: int, period_id: int) -> int | None:
    """The plan a period of the organisation belongs to."""
    with read_session() as s:
        return s.scalar(select(P.plan_id).join(Plan, Plan.id == P.plan_id)
                        .where(P.id == period_id, Plan.organization_id == org_id))


def report_evidence(org_id: int, report_id: int) -> list[EvidenceRef]:
    """The evidence documents handed in with a report, in the order they were added."""
    query = (evidence_refs()
             .join(DutyReportEvidence, DutyReportEvidence.evidence_id == Evidence.id)
             .where(DutyReportEvidence.report_id == report_id,
                    DutyReportEvidence.organization_id == org_id)
             .order_by(DutyReportEvidence.id))
    with read_session() as s:
        return [EvidenceRef(*r) for r in s.execute(query)]


@dataclass(frozen=True)
class EventView:
    step: str
    from_status: str
    to_status: str
    comment: str
    at: Any
    by: str


def report_history(org_id: int, report_id: int) -> list[EventView]:
    """Every transition of a report: who, when, with what comment."""
    query = (select(DutyReportEvent.step, DutyReportEvent.from_status,
                    DutyReportEvent.to_status, DutyReportEvent.comment, DutyReportEvent.at,
                    func.coalesce(User.full_name, ""))
             .outerjoin(User, User.id == DutyReportEvent.by_id)
             .where(DutyReportEvent.report_id == report_id,
                    DutyReportEvent.organization_id == org_id)
             .order_by(DutyReportEvent.id))
    with read_session() as s:
        return [EventView(*r) for r in s.execute(query)]


def evidence_choices(org_id: int) -> list[tuple[int, str]]:
    """Existing evidence documents to pick from, newest first."""
    query = (select(Evidence.id, Evidence.doc_number, Evidence.title)
             .where(Evidence.organization_id == org_id).order_by(Evidence.id.desc()))
    with read_session() as s:
        return [(i, " — ".join(x for x in (number, title) if x)) for i, number, title
                in s.execute(query)]


def duty_tasks(org_id: int, plan_id: int) -> list[tuple[int, str]]:
    """The plan's tasks a hand-made duty may be linked to."""
    query = (select(T.id, T.code, T.text).where(T.organization_id == org_id,
                                                T.plan_id == plan_id).order_by(T.id))
    with read_session() as s:
        return [(i, f"{code} — {text[:100]}") for i, code, text in s.execute(query)]
