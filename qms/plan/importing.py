"""Importing a plan: file -> preview (nothing saved) -> confirm (a new plan version).

Re-importing a revised plan of the same year keeps, for every task that matches an old one
(same area, similar text), its owner, dates, status, notes, measurements and trace links.
Old versions stay as they were; a removed task that had links is reported, never deleted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.auth.models import Unit
from qms.core.actor import Actor
from qms.core.errors import ValidationFailed
from qms.core.text import fold
from qms.db.uow import unit_of_work
from qms.plan.models import Plan, PlanTask
from qms.plan.parser.parse import looks_like_plan, parse_plan
from qms.plan.rules import match_tasks
from qms.plan.sources import extract_plan_text
from qms.trace.models import TraceLink


@dataclass(frozen=True)
class AreaSummary:
    number: int
    title: str
    tasks: int
    duties: int
    targets: int


@dataclass(frozen=True)
class TaskFate:
    """What a re-import does to one task: kept (matched), new, or removed."""

    code: str
    text: str
    old_code: str = ""
    links: int = 0


@dataclass(frozen=True)
class ImportPreview:
    """Everything the preview shows; ``draft`` is the stable JSON contract of the parser."""

    draft: dict[str, Any]
    sha256: str
    year: int
    version_no: int
    replaces_plan_id: int | None
    areas: list[AreaSummary]
    matched: list[TaskFate] = field(default_factory=list)
    new: list[TaskFate] = field(default_factory=list)
    removed: list[TaskFate] = field(default_factory=list)

    @property
    def task_count(self) -> int:
        return sum(a.tasks for a in self.areas)


def parse_file(data: bytes) -> dict[str, Any]:
    """The parser's JSON dict for a plan file, or ``ValidationFailed`` saying why not."""
    draft = parse_plan(extract_plan_text(data))
    if not looks_like_plan(draft):
        raise ValidationFailed("plan.not_a_plan")
    result = draft.to_json_dict()
    if not result.get("year"):
        raise ValidationFailed("plan.no_year")
    return result


def preview_import(actor: Actor, data: bytes) -> ImportPreview:
    """Read and parse the file and compare it with the year's current plan; saves nothing."""
    actor.require("plan.import")
    draft = parse_file(data)
    with unit_of_work() as uow:
        return compare_draft(uow.session, actor.organization_id, draft,
                        hashlib.sha256(data).hexdigest())


def compare_draft(session: Session, org_id: int, draft: dict[str, Any], sha: str) -> ImportPreview:
    """What saving ``draft`` would change in the organisation's plan of its year."""
    year = int(draft["year"])
    current = current_plan(session, org_id, year)
    last_version = session.scalar(select(func.max(Plan.version_no)).where(
        Plan.organization_id == org_id, Plan.year == year)) or 0
    areas = [
        AreaSummary(a["number"], a["title"], len(a["tasks"]),
                    sum(1 for t in a["tasks"] if t["is_duty"]),
                    sum(len(t["targets"]) for t in a["tasks"]))
        for a in draft["areas"]
    ]
    preview = ImportPreview(draft, sha, year, last_version + 1,
                            current.id if current else None, areas)
    if current is not None:
        _compare(session, current, draft, preview)
    return preview


def current_plan(session: Session, org_id: int, year: int) -> Plan | None:
    return session.scalar(select(Plan).where(Plan.organization_id == org_id, Plan.year == year,
                                             Plan.is_current.is_(True)))


def task_pairs(session: Session, plan: Plan,
               draft: dict[str, Any]) -> dict[tuple[int, int], PlanTask]:
    """``{(area number, new ordinal): old task}`` for tasks that match within their area."""
    old_tasks = session.scalars(select(PlanTask).where(PlanTask.plan_id == plan.id)).all()
    by_area: dict[int, list[PlanTask]] = {}
    for task in old_tasks:
        by_area.setdefault(int(task.code.split(".")[0]), []).append(task)
    pairs: dict[tuple[int, int], PlanTask] = {}
    for area in draft["areas"]:
        olds = by_area.get(area["number"], [])
        new = [(i, t["text"]) for i, t in enumerate(area["tasks"], start=1)]
        matched = match_tasks([(i, t.text) for i, t in enumerate(olds)], new)
        for new_ordinal, old_index in matched.items():
            pairs[(area["number"], new_ordinal)] = olds[old_index]
    return pairs


def _compare(session: Session, plan: Plan, draft: dict[str, Any], preview: ImportPreview) -> None:
    pairs = task_pairs(session, plan, draft)
    link_counts = dict(session.execute(
        select(TraceLink.task_id, func.count()).join(PlanTask, PlanTask.id == TraceLink.task_id)
        .where(PlanTask.plan_id == plan.id).group_by(TraceLink.task_id)).all())
    kept_ids = {task.id for task in pairs.values()}
    for area in draft["areas"]:
        for ordinal, task in enumerate(area["tasks"], start=1):
            code = f"{area['number']}.{ordinal}"
            old = pairs.get((area["number"], ordinal))
            fate = TaskFate(code, task["text"], old.code if old else "",
                            link_counts.get(old.id, 0) if old else 0)
            (preview.matched if old else preview.new).append(fate)
    for old_task in session.scalars(select(PlanTask).where(PlanTask.plan_id == plan.id)
                                    .order_by(PlanTask.id)):
        if old_task.id not in kept_ids:
            preview.removed.append(TaskFate("", old_task.text, old_task.code,
                                            link_counts.get(old_task.id, 0)))


def propose_unit(party: str, units: list[Unit]) -> int | None:
    """The unit a responsibility names ("Công chức Tài chính – Kế toán" -> Tài chính - Kế toán)."""
    words = _name_words(party)
    best: tuple[float, int | None] = (0.0, None)
    for unit in units:
        unit_words = _name_words(unit.name)
        share = len(unit_words & words) / max(1, len(unit_words))
        if share > best[0]:
            best = (share, unit.id)
    return best[1] if best[0] >= 0.5 else None


GENERIC_WORDS = frozenset({"ubnd", "xa", "cong", "chuc", "uy", "nhan", "dan", "cua"})


def _name_words(name: str) -> set[str]:
    """Distinctive words of a unit or party name; "UBND", "xã", "công chức" say nothing."""
    words = fold(name).replace("-", " ").replace("–", " ").replace(",", " ").split()
    return {w for w in words if w not in GENERIC_WORDS}


def default_due(draft: dict[str, Any]) -> date | None:
    """Tasks are due by the end of the plan's last cut-off window unless set otherwise."""
    ends = [date.fromisoformat(p["end"]) for p in draft["reporting_periods"] if p.get("end")]
    return max(ends) if ends else None
