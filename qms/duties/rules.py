"""Self-inspection duties (nhiệm vụ tự kiểm tra) and their evidence, per reporting period.

Each (duty, period) moves chưa nộp → đã nộp → đã chấp nhận, or → bị trả lại, which the owner
may submit again. Submitting needs at least one evidence document; returning needs a comment.
A (duty, period) neither submitted nor accepted after the period's due date is overdue — the
due date itself is not. Pure rules: the services load the rows, ask these, save the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qms.core.errors import Conflict, ValidationFailed
from qms.core.workflow import Workflow


class DutyStatus(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class DutyStep(StrEnum):
    SUBMIT = "submit"
    ACCEPT = "accept"
    RETURN = "return"


class Recurrence(StrEnum):
    """How often a duty owes evidence: every reporting period (default) or once per plan."""

    PERIOD = "period"
    PLAN = "plan"


S, St = DutyStatus, DutyStep
WORKFLOW: Workflow[DutyStatus, DutyStep] = Workflow("duty", {
    (S.OPEN, St.SUBMIT): S.SUBMITTED,
    (S.RETURNED, St.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, St.ACCEPT): S.ACCEPTED,
    (S.SUBMITTED, St.RETURN): S.RETURNED,
})
EDITABLE = frozenset({S.OPEN, S.RETURNED})  # evidence may be added while the owner holds it
PENDING = frozenset({S.OPEN, S.RETURNED})  # not yet handed in: what can become overdue


def check_editable(status: DutyStatus | str) -> None:
    """Evidence is added only while the period's report is open or returned."""
    if DutyStatus(status) not in EDITABLE:
        raise Conflict("duty.not_editable", status=f"field.duty.status.{status}")


def check_submit(evidence_count: int) -> None:
    """A report goes to the office with at least one evidence document."""
    if evidence_count < 1:
        raise ValidationFailed("duty.submit_needs_evidence")


def check_return(comment: str) -> None:
    """Returning a report says why."""
    if not comment.strip():
        raise ValidationFailed("duty.return_needs_comment")


@dataclass(frozen=True)
class PeriodFacts:
    id: int
    ordinal: int
    due: date


def default_period(periods: Iterable[PeriodFacts], today: date) -> int | None:
    """The period to show first: the earliest one not yet past its due date, else the last."""
    ordered = sorted(periods, key=lambda p: (p.due, p.ordinal))
    upcoming = [p for p in ordered if p.due >= today]
    if upcoming:
        return upcoming[0].id
    return ordered[-1].id if ordered else None


def plan_period(periods: Iterable[PeriodFacts]) -> int | None:
    """The period where a once-per-plan duty reports: the plan's last one (highest ordinal)."""
    ordered = sorted(periods, key=lambda p: p.ordinal)
    return ordered[-1].id if ordered else None
