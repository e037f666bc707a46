"""What the audits of a year actually examined: answered checklist questions per ISO clause
(two levels, e.g. ``7.5``) and unit, with their findings — the dashboard's heatmap — and the
answered questions behind one cell (the audit page's ``?clause=&unit=`` list)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select

from qms.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from qms.auth.models import Unit
from qms.core.clauses import clause_order
from qms.db.uow import read_session

NO_UNIT = 0  # the ``unit`` parameter of questions asked of no particular unit


def clause_group(clause: str) -> str:
    """The heatmap row of a question's clause: its first two levels (``7.5.1`` → ``7.5``)."""
    return ".".join(clause.strip().split(".")[:2])


def _in_group(group: str) -> Any:
    """SQL: the question's clause falls in the heatmap row ``group``."""
    exact = ChecklistItem.clause == group
    if "." not in group:  # a whole-chapter row holds only questions asked of the chapter
        return exact
    return or_(exact, ChecklistItem.clause.startswith(f"{group}.", autoescape=True))


@dataclass(frozen=True)
class CoverageCell:
    clause: str
    unit_id: int  # NO_UNIT for questions asked of no unit
    unit: str
    answered: int
    findings: int


def _answered_in(org_id: int, year: int) -> Any:
    return and_(ChecklistItem.organization_id == org_id, ChecklistItem.result.is_not(None),
                AuditProgramme.year == year)


def coverage_cells(org_id: int, year: int) -> list[CoverageCell]:
    """Answered questions and findings per (clause row, unit) in the year's audits."""
    query = (select(ChecklistItem.clause, ChecklistItem.unit_id, Unit.name,
                    func.count(ChecklistItem.id), func.count(Finding.id))
             .join(Audit, Audit.id == ChecklistItem.audit_id)
             .join(AuditProgramme, AuditProgramme.id == Audit.programme_id)
             .outerjoin(Unit, Unit.id == ChecklistItem.unit_id)
             .outerjoin(Finding, Finding.item_id == ChecklistItem.id)
             .where(_answered_in(org_id, year))
             .group_by(ChecklistItem.clause, ChecklistItem.unit_id, Unit.name))
    with read_session() as s:
        rows = s.execute(query).all()
    totals: dict[tuple[str, int, str], tuple[int, int]] = {}
    for clause, unit_id, unit, answered, found in rows:
        key = (clause_group(clause or ""), unit_id or NO_UNIT, unit or "")
        before = totals.get(key, (0, 0))
        totals[key] = (before[0] + answered, before[1] + found)
    cells = [CoverageCell(*key, *counts) for key, counts in totals.items()]
    return sorted(cells, key=lambda c: (clause_order(c.clause), c.unit))


@dataclass(frozen=True)
class AnsweredQuestion:
    audit_id: int
    audit: str
    clause: str
    unit: str
    question: str
    result: str
    finding: str  # the finding's result, "" when none was kept


def answered_questions(org_id: int, year: int, clause: str | None,
                       unit_id: int | None) -> list[AnsweredQuestion]:
    """The year's answered questions in one heatmap cell (``None`` = any clause / unit)."""
    query = (select(Audit.id, Audit.title, ChecklistItem.clause, func.coalesce(Unit.name, ""),
                    ChecklistItem.question, ChecklistItem.result,
                    func.coalesce(Finding.result, ""))
             .join(Audit, Audit.id == ChecklistItem.audit_id)
             .join(AuditProgramme, AuditProgramme.id == Audit.programme_id)
             .outerjoin(Unit, Unit.id == ChecklistItem.unit_id)
             .outerjoin(Finding, Finding.item_id == ChecklistItem.id)
             .where(_answered_in(org_id, year))
             .order_by(Audit.id, ChecklistItem.ordinal))
    if clause is not None:
        query = query.where(_in_group(clause))
    if unit_id == NO_UNIT:
        query = query.where(ChecklistItem.unit_id.is_(None))
    elif unit_id is not None:
        query = query.where(ChecklistItem.unit_id == unit_id)
    with read_session() as s:
        return [AnsweredQuestion(*r) for r in s.execute(query)]
