"""Choices for planning an audit: people, units, procedures and plan tasks, as labels."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from qms.audits.clauses import load_clauses
from qms.auth.models import Unit, User
from qms.core.data_files import read_packaged
from qms.db.uow import read_session
from qms.documents.models import Document
from qms.plan.models import Plan, PlanTask


@dataclass(frozen=True)
class ScopeChoices:
    """``{id: label}`` maps for the planning form's select boxes."""

    units: dict[int, str]
    people: dict[int, str]
    documents: dict[int, str]
    tasks: dict[int, str]
    clauses: dict[str, str]


def scope_choices(org_id: int) -> ScopeChoices:
    """Active units and people, active documents, tasks of current plans, ISO clauses."""
    with read_session() as s:
        units = {i: n for i, n in s.execute(select(Unit.id, Unit.name).where(
            Unit.organization_id == org_id, Unit.is_active.is_(True)).order_by(Unit.name))}
        people = {i: n for i, n in s.execute(select(User.id, User.full_name).where(
            User.organization_id == org_id, User.is_active.is_(True))
            .order_by(User.full_name))}
        documents = {i: f"{c} — {title}" for i, c, title in s.execute(
            select(Document.id, Document.code, Document.title).where(
                Document.organization_id == org_id, Document.status == "active")
            .order_by(Document.code))}
        tasks = {i: f"{year}: {code} — {text[:80]}" for i, year, code, text in s.execute(
            select(PlanTask.id, Plan.year, PlanTask.code, PlanTask.text)
            .join(Plan, Plan.id == PlanTask.plan_id)
            .where(PlanTask.organization_id == org_id, Plan.is_current.is_(True))
            .order_by(Plan.year, PlanTask.ordinal))}
    library = load_clauses(read_packaged("iso_clauses.csv"))
    clauses = {c.code: f"{c.code} {c.title}" for c in library}
    return ScopeChoices(units, people, documents, tasks, clauses)
