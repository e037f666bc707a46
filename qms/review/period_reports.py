"""The periodic CCHC report's narratives: general assessment, difficulties and shortcomings,
tasks for the next period — one record per reporting period, edited with a version check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import Conflict
from qms.db.uow import unit_of_work
from qms.plan.tasks import owned_period
from qms.review.models import PeriodReport
from qms.trail.record import record_change
from qms.trail.stale import check_version

MAX_NARRATIVE = 20_000


@dataclass(frozen=True)
class NarrativeInput:
    """The report form; ``number`` is the document number ("15/BC-UBND"), blank by hand."""

    general_assessment: str
    difficulties: str
    next_tasks: str
    number: str = ""
    issued_on: date | None = None


def _snapshot(row: PeriodReport) -> dict[str, object]:
    return {name: getattr(row, name) for name in (
        "number", "issued_on", "general_assessment", "difficulties", "next_tasks")}


def save_narratives(actor: Actor, period_id: int, data: NarrativeInput,
                    expected_version: int) -> int:
    """Write the period's narratives; ``expected_version`` 0 means "no report yet". A copy
    saved over a newer one raises ``Conflict``. Returns the new version."""
    actor.require("period_report.edit")
    values = {
        "general_assessment": v.text(data.general_assessment, "field.report.general_assessment",
                                     max_len=MAX_NARRATIVE, multiline=True),
        "difficulties": v.text(data.difficulties, "field.report.difficulties",
                               max_len=MAX_NARRATIVE, multiline=True),
        "next_tasks": v.text(data.next_tasks, "field.report.next_tasks",
                             max_len=MAX_NARRATIVE, multiline=True),
        "number": v.text(data.number, "field.report.number", max_len=30),
        "issued_on": data.issued_on,
    }
    with unit_of_work() as uow:
        s = uow.session
        owned_period(s, period_id, actor)
        row = s.scalar(select(PeriodReport).where(
            PeriodReport.organization_id == actor.organization_id,
            PeriodReport.period_id == period_id))
        if row is not None:
            check_version(row, expected_version)
        elif expected_version != 0:  # the copy was read after a save that is gone: refuse
            raise Conflict("error.stale", current=0, by="field.someone", at="—",
                           fields=("field.changed.unknown",))
        before = _snapshot(row) if row else None
        if row is None:
            row = PeriodReport(organization_id=actor.organization_id, period_id=period_id)
            s.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_by_id = actor.user_id
        s.flush()
        record_change(s, actor, "period_report.edit", "period_report", row.id, before=before,
                     after=_snapshot(row))
        uow.commit()
        return row.version
