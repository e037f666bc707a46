"""Read side of the plan: versions, the task tree with counts, one task in detail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import case, func, select

from qms.auth.models import Unit, User
from qms.db.uow import read_session
from qms.plan.models import (
    Plan,
    PlanArea,
    PlanTarget,
    PlanTask,
    ReportingPeriod,
    TargetMeasurement,
)
from qms.plan.rules import display_status, target_met
from qms.trace.models import TraceLink


@dataclass(frozen=True)
class PlanSummary:
    id: int
    year: int
    version_no: int
    is_current: bool
    title: str
    created_at: datetime
    source_name: str


@dataclass(frozen=True)
class PeriodView:
    id: int
    name: str
    start_date: date
    end_date: date
    due_rule: str
    due_date: date | None


@dataclass(frozen=True)
class PlanHeader:
    summary: PlanSummary
    issuer: str
    basis: list[dict[str, Any]]
    purposes: list[dict[str, Any]]
    signer: dict[str, Any] | None
    recipients: list[str]
    warnings: list[dict[str, Any]]
    areas: list[tuple[int, int, str]]  # (id, number, title)
    periods: list[PeriodView]
    responsibilities: list[dict[str, Any]]


def list_plans(org_id: int) -> list[PlanSummary]:
    """Every imported plan version, newest year and version first."""
    query = (select(Plan.id, Plan.year, Plan.version_no, Plan.is_current, Plan.title,
                    Plan.created_at, Plan.source_name)
             .where(Plan.organization_id == org_id)
             .order_by(Plan.year.desc(), Plan.version_no.desc()))
    with read_session() as s:
        return [PlanSummary(*row) for row in s.execute(query)]


def plan_header(org_id: int, plan_id: int) -> PlanHeader | None:
    """A plan's own data: basis, areas, periods, responsibilities, parser warnings."""
    with read_session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.organization_id != org_id:
            return None
        unit_names = dict(s.execute(select(Unit.id, Unit.name)
                                    .where(Unit.organization_id == org_id)).all())
        return PlanHeader(
            PlanSummary(plan.id, plan.year, plan.version_no, plan.is_current, plan.title,
                        plan.created_at, plan.source_name),
            plan.issuer, plan.basis, plan.purposes, plan.signer, plan.recipients, plan.warnings,
            [(a.id, a.number, a.title) for a in plan.areas],
            [PeriodView(p.id, p.name, p.start_date, p.end_date, p.due_rule, p.due_date)
             for p in plan.periods],
            [{"party": r.party, "text": r.text, "areas": r.areas,
              "evidence_duty": r.evidence_duty, "unit": unit_names.get(r.unit_id, "")}
             for r in plan.responsibilities],
        )


TASK_COLUMNS = ("id", "code", "area", "text", "is_duty", "owner_unit", "owner_user",
                "due_date", "status", "links", "evidence", "targets", "version")


def task_table(org_id: int, plan_id: int, today: date, *, area: int | None = None,
               owner_unit_id: int | None = None, duty_only: bool = False) -> pd.DataFrame:
    """The plan's tasks with their owner, status (late computed) and link counts: one query."""
    # Both counts are limited to this plan's tasks: grouping every link of every
    # organisation would make a commune's page pay for the whole province.
    plan_tasks = select(PlanTask.id).where(PlanTask.plan_id == plan_id)
    links = (select(TraceLink.task_id, func.count().label("links"),
                    func.sum(case((TraceLink.entity_type == "evidence", 1), else_=0))
                    .label("evidence"))
             .where(TraceLink.task_id.in_(plan_tasks))
             .group_by(TraceLink.task_id).subquery())
    targets = (select(PlanTarget.task_id, func.count().label("targets"))
               .where(PlanTarget.task_id.in_(plan_tasks))
               .group_by(PlanTarget.task_id).subquery())
    query = (
        select(PlanTask.id, PlanTask.code, PlanArea.number, PlanTask.text, PlanTask.is_duty,
               Unit.name, User.full_name, PlanTask.due_date, PlanTask.status,
               func.coalesce(links.c.links, 0), func.coalesce(links.c.evidence, 0),
               func.coalesce(targets.c.targets, 0), PlanTask.version)
        .join(PlanArea, PlanArea.id == PlanTask.area_id)
        .outerjoin(Unit, Unit.id == PlanTask.owner_unit_id)
        .outerjoin(User, User.id == PlanTask.owner_user_id)
        .outerjoin(links, links.c.task_id == PlanTask.id)
        .outerjoin(targets, targets.c.task_id == PlanTask.id)
        .where(PlanTask.organization_id == org_id, PlanTask.plan_id == plan_id)
        .order_by(PlanArea.number, PlanTask.ordinal)
    )
    if area is not None:
        query = query.where(PlanArea.number == area)
    if owner_unit_id is not None:
        query = query.where(PlanTask.owner_unit_id == owner_unit_id)
    if duty_only:
        query = query.where(PlanTask.is_duty.is_(True))
    with read_session() as s:
        frame = pd.DataFrame(s.execute(query).all(), columns=list(TASK_COLUMNS))
    frame["status"] = [display_status(st, due, today)
                       for st, due in zip(frame["status"], frame["due_date"], strict=True)]
    return frame


@dataclass(frozen=True)
class TargetView:
    id: int
    comparator: str
    value: float
    upper: float | None
    unit: str
    text: str
    measurements: dict[int, tuple[float, str, bool]]  # period id -> (value, note, met)


@dataclass(frozen=True)
class TaskDetail:
    id: int
    plan_id: int
    code: str
    area_number: int
    area_title: str
    text: str
    is_duty: bool
    references: list[dict[str, Any]]
    owner_unit_id: int | None
    owner_user_id: int | None
    due_date: date | None
    status: str
    progress_note: str
    completed_on: date | None
    version: int
    targets: list[TargetView]


def task_detail(org_id: int, task_id: int) -> TaskDetail | None:
    """One task with its targets and their measured values per period."""
    with read_session() as s:
        task = s.get(PlanTask, task_id)
        if task is None or task.organization_id != org_id:
            return None
        area = s.get(PlanArea, task.area_id)
        measured: dict[int, dict[int, tuple[float, str, bool]]] = {}
        rows = s.execute(select(TargetMeasurement).join(
            PlanTarget, PlanTarget.id == TargetMeasurement.target_id)
            .where(PlanTarget.task_id == task.id)).scalars()
        by_id = {t.id: t for t in task.targets}
        for m in rows:
            t = by_id[m.target_id]
            measured.setdefault(t.id, {})[m.period_id] = (
                m.value, m.note, target_met(t.comparator, t.value, t.upper, m.value))
        return TaskDetail(
            task.id, task.plan_id, task.code, area.number if area else 0,
            area.title if area else "", task.text, task.is_duty, task.references,
            task.owner_unit_id, task.owner_user_id, task.due_date, task.status,
            task.progress_note, task.completed_on, task.version,
            [TargetView(t.id, t.comparator, t.value, t.upper, t.unit, t.text,
                        measured.get(t.id, {})) for t in task.targets],
        )


def periods_of(plan_id: int) -> list[PeriodView]:
    with read_session() as s:
        rows = s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == plan_id)
                         .order_by(ReportingPeriod.ordinal))
        return [PeriodView(p.id, p.name, p.start_date, p.end_date, p.due_rule, p.due_date)
                for p in rows]
