"""Saving a confirmed plan import as a new plan version (see plan_import for the preview)."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.auth.models import Unit
from qms.core.actor import Actor
from qms.core.errors import Conflict
from qms.core.text import fold
from qms.db.uow import unit_of_work
from qms.duties.carry import carry_over_duties
from qms.duties.reporting import insert_plan_duties
from qms.plan.importing import (
    compare_draft,
    current_plan,
    default_due,
    parse_file,
    propose_unit,
    task_pairs,
)
from qms.plan.models import (
    Plan,
    PlanArea,
    PlanTarget,
    PlanTask,
    ReportingPeriod,
    Responsibility,
    TargetMeasurement,
)
from qms.plan.period_rules import due_date
from qms.trace.links import copy_links
from qms.trail.record import record_change


def confirm_import(actor: Actor, data: bytes, source_name: str, expected_sha256: str) -> int:
    """Save the previewed file as the year's new current plan; returns the plan id.

    ``expected_sha256`` is the preview's: a different file than the one previewed is refused.
    """
    actor.require("plan.import")
    sha = hashlib.sha256(data).hexdigest()
    if sha != expected_sha256:
        raise Conflict("plan.preview_mismatch")
    draft = parse_file(data)
    with unit_of_work() as uow:
        s = uow.session
        preview = compare_draft(s, actor.organization_id, draft, sha)
        previous = current_plan(s, actor.organization_id, preview.year)
        pairs = task_pairs(s, previous, draft) if previous else {}
        if previous is not None:
            previous.is_current = False
        plan = _insert_plan(s, actor, draft, preview.version_no, source_name, sha)
        periods = _insert_periods(s, plan, draft, previous)
        units = list(s.scalars(select(Unit).where(Unit.organization_id == actor.organization_id)))
        owners = _insert_responsibilities(s, plan, draft, units)
        carried = _insert_tasks(s, actor, plan, draft, pairs, owners, periods)
        insert_plan_duties(s, actor, plan.id)
        if previous is not None:
            carry_over_duties(s, actor, previous.id, plan.id)
        record_change(s, actor, "plan.import", "plan", plan.id, after={
            "year": plan.year, "version_no": plan.version_no, "tasks": preview.task_count,
            "carried_over": carried, "removed": len(preview.removed), "source": source_name,
        })
        uow.commit()
        return plan.id


def _insert_plan(s: Session, actor: Actor, draft: dict[str, Any], version_no: int,
                 source_name: str, sha: str) -> Plan:
    plan = Plan(
        organization_id=actor.organization_id, year=int(draft["year"]), version_no=version_no,
        is_current=True, title=draft.get("title") or "", issuer=draft.get("issuer") or "",
        source_name=source_name[:255], source_sha256=sha, basis=draft.get("basis", []),
        purposes=draft.get("purposes", []), signer=draft.get("signer"),
        recipients=draft.get("recipients", []), warnings=draft.get("warnings", []),
        imported_by_id=actor.user_id,
    )
    s.add(plan)
    s.flush()
    return plan


def _insert_periods(s: Session, plan: Plan, draft: dict[str, Any],
                    previous: Plan | None) -> dict[int, tuple[ReportingPeriod, int | None]]:
    """New periods by ordinal, each with the previous version's period of the same name."""
    old_by_name = {fold(p.name): p.id for p in previous.periods} if previous else {}
    result = {}
    for ordinal, p in enumerate(draft.get("reporting_periods", []), start=1):
        start, end = date.fromisoformat(p["start"]), date.fromisoformat(p["end"])
        period = ReportingPeriod(plan_id=plan.id, ordinal=ordinal, name=p["name"][:200],
                                 start_date=start, end_date=end,
                                 due_rule=(p.get("due_rule") or "")[:500],
                                 due_date=due_date(p.get("due_rule") or "", end))
        s.add(period)
        s.flush()
        result[ordinal] = (period, old_by_name.get(fold(p["name"])))
    return result


def _insert_responsibilities(s: Session, plan: Plan, draft: dict[str, Any],
                             units: list[Unit]) -> dict[int, int]:
    """Save section V; return ``{area number: proposed owner unit id}``."""
    owners: dict[int, int] = {}
    for ordinal, r in enumerate(draft.get("responsibilities", []), start=1):
        unit_id = propose_unit(r["party"], units)
        s.add(Responsibility(plan_id=plan.id, ordinal=ordinal, party=r["party"][:300],
                             text=r.get("text", ""), areas=list(r.get("areas", [])),
                             evidence_duty=bool(r.get("evidence_duty")), unit_id=unit_id))
        for area in r.get("areas", []):
            if unit_id is not None:
                owners.setdefault(int(area), unit_id)
    return owners


def _insert_tasks(s: Session, actor: Actor, plan: Plan, draft: dict[str, Any],
                  pairs: dict[tuple[int, int], PlanTask], owners: dict[int, int],
                  periods: dict[int, tuple[ReportingPeriod, int | None]]) -> int:
    due = default_due(draft)
    period_map = {old: new.id for new, old in periods.values() if old is not None}
    carried = 0
    for a in draft["areas"]:
        area = PlanArea(plan_id=plan.id, number=a["number"], title=a["title"][:500])
        s.add(area)
        s.flush()
        for ordinal, t in enumerate(a["tasks"], start=1):
            old = pairs.get((a["number"], ordinal))
            task = PlanTask(
                organization_id=actor.organization_id, plan_id=plan.id, area_id=area.id,
                ordinal=ordinal, code=f"{a['number']}.{ordinal}", text=t["text"],
                is_duty=bool(t["is_duty"]), references=t.get("references", []),
                source_line=t.get("line"), owner_unit_id=owners.get(a["number"]),
                due_date=due, previous_task_id=old.id if old else None,
                targets=[PlanTarget(comparator=x["comparator"], value=float(x["value"]),
                                    upper=x.get("upper"), unit=x.get("unit") or "%",
                                    text=(x.get("text") or "")[:200]) for x in t["targets"]],
            )
            s.add(task)
            s.flush()
            if old is not None:
                _carry_over(s, old, task, period_map)
                carried += 1
    return carried


def _carry_over(s: Session, old: PlanTask, new: PlanTask, period_map: dict[int, int]) -> None:
    """A matched task keeps its owner, dates, status, notes, links and measurements."""
    new.owner_unit_id, new.owner_user_id = old.owner_unit_id, old.owner_user_id
    new.due_date, new.status = old.due_date or new.due_date, old.status
    new.progress_note, new.completed_on = old.progress_note, old.completed_on
    copy_links(s, old.id, new.id)
    old_targets = {(t.comparator, t.value, t.upper): t.id for t in old.targets}
    for target in new.targets:
        old_target = old_targets.get((target.comparator, target.value, target.upper))
        if old_target is None:
            continue
        for m in s.scalars(select(TargetMeasurement).where(
                TargetMeasurement.target_id == old_target)):
            if m.period_id in period_map:
                s.add(TargetMeasurement(organization_id=m.organization_id, target_id=target.id,
                                        period_id=period_map[m.period_id], value=m.value,
                                        note=m.note))
