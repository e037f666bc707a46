"""Read side of nonconformities: the register (filtered in SQL, overdue computed from dates),
the choices of its filters, similar cases, and the number → id lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from qms.auth.models import Unit, User
from qms.auth.organization_queries import unit_choices
from qms.core.actions import ActionStatus
from qms.core.clauses import clause_order
from qms.core.text import fold
from qms.db.sql import count_if
from qms.db.uow import read_session
from qms.documents.models import Document
from qms.nonconformities.ageing_rules import BUCKET_NAMES, found_between
from qms.nonconformities.models import CorrectiveAction, NcSettings, Nonconformity
from qms.nonconformities.rules import OPEN_STATUSES, NcStatus, days_open
from qms.nonconformities.vocabulary_rules import DEFAULT_PREFIX, parse_number
from qms.trace.linkable_queries import Linkable

REGISTER_COLUMNS = ("id", "number", "found_on", "title", "source", "unit", "procedure",
                    "clause", "grade", "status", "owner", "actions_done", "actions",
                    "next_due", "overdue", "days_open", "closed_on", "recurrence")
_OPEN = [s.value for s in OPEN_STATUSES]


@dataclass(frozen=True)
class NcFilter:
    """Filters of the register; empty values mean "any"."""

    status: str = ""  # an NcStatus, or "open" for every status not closed or cancelled
    grade: str = ""
    source: str = ""
    unit_id: int | None = None
    clause: str = ""  # "7.5" also finds 7.5.1, 7.5.2 …
    overdue: bool = False
    year: int | None = None
    search: str = ""  # number or words of the title, accents ignored
    age: str = ""  # an ageing bucket ("0-30", "31-60", "61-90", "90+"): open NCs of that age


def _current_open(today: date | None = None) -> Any:
    """An unfinished action of the nonconformity's current round (due before ``today``)."""
    conditions = [CorrectiveAction.nonconformity_id == Nonconformity.id,
                  CorrectiveAction.round == Nonconformity.round,
                  CorrectiveAction.status != ActionStatus.DONE.value]
    if today is not None:
        conditions.append(CorrectiveAction.due_date < today)
    return and_(*conditions)


def overdue_clause(today: date) -> Any:
    """SQL: the nonconformity is open and one of its current actions is past its deadline."""
    return and_(Nonconformity.status.in_(_OPEN), exists().where(_current_open(today)))


def _count(*conditions: Any) -> Any:
    return (select(func.count(CorrectiveAction.id))
            .where(CorrectiveAction.nonconformity_id == Nonconformity.id,
                   CorrectiveAction.round == Nonconformity.round, *conditions)
            .scalar_subquery())


def _query(org_id: int, f: NcFilter, today: date) -> Select[Any]:
    owner = aliased(User)
    query = (
        select(Nonconformity.id, Nonconformity.number, Nonconformity.found_on,
               Nonconformity.title, Nonconformity.source, Unit.name.label("unit"),
               Nonconformity.procedure_text, Nonconformity.clause, Nonconformity.grade,
               Nonconformity.status, owner.full_name.label("owner"),
               _count(CorrectiveAction.status == ActionStatus.DONE.value).label("done"),
               _count().label("total"),
               select(func.min(CorrectiveAction.due_date)).where(_current_open())
               .scalar_subquery().label("next_due"),
               overdue_clause(today).label("overdue"), Nonconformity.closed_on,
               Nonconformity.cancelled_on,
               Nonconformity.recurrence_of_id)
        .outerjoin(Unit, Unit.id == Nonconformity.unit_id)
        .outerjoin(owner, owner.id == Nonconformity.owner_id)
        .where(Nonconformity.organization_id == org_id)
    )
    if f.status == "open":
        query = query.where(Nonconformity.status.in_(_OPEN))
    elif f.status:
        query = query.where(Nonconformity.status == f.status)
    for column, value in ((Nonconformity.grade, f.grade), (Nonconformity.source, f.source),
                          (Nonconformity.unit_id, f.unit_id), (Nonconformity.year, f.year)):
        if value not in ("", None):
            query = query.where(column == value)
    if f.clause:
        query = query.where(or_(Nonconformity.clause == f.clause,
                                Nonconformity.clause.startswith(f"{f.clause}.",
                                                                autoescape=True)))
    if f.overdue:
        query = query.where(overdue_clause(today))
    if f.age in BUCKET_NAMES:
        earliest, latest = found_between(f.age, today)
        query = query.where(Nonconformity.status.in_(_OPEN), Nonconformity.found_on <= latest)
        if earliest is not None:
            query = query.where(Nonconformity.found_on >= earliest)
    return query


def _frame(rows: list[Any], today: date) -> pd.DataFrame:
    records = []
    for r in rows:
        ended = r.closed_on or r.cancelled_on
        records.append({
            "id": r.id, "number": r.number, "found_on": r.found_on, "title": r.title,
            "source": r.source, "unit": r.unit or "", "procedure": r.procedure_text,
            "clause": r.clause, "grade": r.grade, "status": r.status, "owner": r.owner or "",
            "actions_done": int(r.done or 0), "actions": int(r.total or 0),
            "next_due": r.next_due, "overdue": bool(r.overdue),
            "days_open": days_open(r.found_on, today, ended),
            "closed_on": r.closed_on, "recurrence": r.recurrence_of_id is not None,
        })
    return pd.DataFrame(records, columns=list(REGISTER_COLUMNS))


def register(org_id: int, f: NcFilter, today: date, limit: int = 20_000) -> pd.DataFrame:
    """The matching nonconformities, newest number first, with ageing and overdue flags."""
    with read_session() as s:
        rows = s.execute(_query(org_id, f, today)
                         .order_by(Nonconformity.year.desc(), Nonconformity.seq.desc())
                         .limit(limit)).all()
    frame = _frame(list(rows), today)
    if f.search and fold(f.search):
        needle = fold(f.search)
        frame = frame[[needle in fold(f"{n} {t}") for n, t in
                       zip(frame["number"], frame["title"], strict=True)]]
    return frame


@dataclass(frozen=True)
class RegisterPage:
    """One page of the register and the counts of every matching record."""

    frame: pd.DataFrame
    total: int
    overdue: int


def register_page(org_id: int, f: NcFilter, today: date, *, page: int = 1,
                  page_size: int = 50) -> RegisterPage:
    """One page of the matching nonconformities, newest number first, counted and paged in
    SQL (the page costs the same after ten years of records). A search (accent-insensitive,
    folded in Python) reads every record the other filters match, then pages."""
    if f.search and fold(f.search):
        frame = register(org_id, f, today)
        start = (max(page, 1) - 1) * page_size
        return RegisterPage(frame.iloc[start:start + page_size].reset_index(drop=True),
                            len(frame), int(frame["overdue"].sum()) if len(frame) else 0)
    query = _query(org_id, f, today)
    # the counts keep the filters but none of the per-row action subqueries
    counted = query.with_only_columns(
        func.count(Nonconformity.id),
        count_if(overdue_clause(today)))
    with read_session() as s:
        total, overdue = s.execute(counted).one()
        rows = s.execute(query.order_by(Nonconformity.year.desc(), Nonconformity.seq.desc())
                         .offset((max(page, 1) - 1) * page_size).limit(page_size)).all()
    return RegisterPage(_frame(list(rows), today), int(total), int(overdue))


@dataclass(frozen=True)
class RegisterChoices:
    years: list[int]
    units: list[tuple[int, str]]
    clauses: list[str]


def filter_choices(org_id: int) -> RegisterChoices:
    """Years and clauses present in the register, and the organisation's units."""
    with read_session() as s:
        years = list(s.scalars(select(Nonconformity.year).distinct()
                               .where(Nonconformity.organization_id == org_id)
                               .order_by(Nonconformity.year.desc())))
        clauses = {c for c in s.scalars(select(Nonconformity.clause).distinct().where(
            Nonconformity.organization_id == org_id)) if c}
    return RegisterChoices(years, unit_choices(org_id), sorted(clauses, key=clause_order))


def nc_id_by_number(org_id: int, number: str) -> int | None:
    """The id of ``KPH-2023-001`` (any case) in the organisation, or ``None``."""
    if parse_number(number) is None:
        return None
    with read_session() as s:
        return s.scalar(select(Nonconformity.id).where(
            Nonconformity.organization_id == org_id,
            Nonconformity.number == number.strip().upper()))


@dataclass(frozen=True)
class SimilarCase:
    id: int
    number: str
    title: str
    status: str
    found_on: date
    same: tuple[str, ...]  # "clause", "procedure", "unit"


def similar_cases(org_id: int, clause: str, unit_id: int | None, document_id: int | None,
                  procedure: str, exclude_id: int | None = None,
                  limit: int = 20) -> list[SimilarCase]:
    """Recorded nonconformities sharing the clause, the procedure or the unit (newest first)."""
    wanted = fold(procedure)
    ors = [Nonconformity.clause == clause] if clause else []
    ors += [Nonconformity.unit_id == unit_id] if unit_id is not None else []
    ors += [Nonconformity.document_id == document_id] if document_id is not None else []
    ors += [Nonconformity.procedure_text != ""] if wanted else []
    if not ors:
        return []
    query = (select(Nonconformity).where(Nonconformity.organization_id == org_id, or_(*ors),
                                         Nonconformity.status != NcStatus.CANCELLED.value)
             .order_by(Nonconformity.found_on.desc(), Nonconformity.id.desc()).limit(500))
    found: list[SimilarCase] = []
    with read_session() as s:
        for nc in s.scalars(query):
            same = tuple(name for name, hit in (
                ("clause", bool(clause) and nc.clause == clause),
                ("procedure", (document_id is not None and nc.document_id == document_id)
                 or (bool(wanted) and fold(nc.procedure_text) == wanted)),
                ("unit", unit_id is not None and nc.unit_id == unit_id)) if hit)
            if same and nc.id != exclude_id:
                found.append(SimilarCase(nc.id, nc.number, nc.title, nc.status, nc.found_on,
                                         same))
    return found[:limit]


def document_choices(org_id: int) -> list[tuple[int, str]]:
    """Controlled documents to link a nonconformity to: ``(id, "QT-01 — title")``."""
    with read_session() as s:
        rows = s.execute(select(Document.id, Document.code, Document.title)
                         .where(Document.organization_id == org_id).order_by(Document.code))
        return [(i, f"{code} — {title}") for i, code, title in rows]


def current_prefix(org_id: int) -> str:
    """The prefix new numbers get (``KPH`` unless the organisation chose another)."""
    with read_session() as s:
        return number_prefix(s, org_id)


def number_prefix(s: Session, org_id: int) -> str:
    """The organisation's number prefix (``KPH`` unless set)."""
    prefix = s.scalar(select(NcSettings.number_prefix)
                      .where(NcSettings.organization_id == org_id))
    return prefix or DEFAULT_PREFIX


NONCONFORMITY = Linkable("nonconformity", Nonconformity, lambda n: f"{n.number} — {n.title}")
CORRECTIVE_ACTION = Linkable("corrective_action", CorrectiveAction,
                             lambda a: a.description[:160])
