"""Management review (ISO 9001 clause 9.3) and the periodic CCHC report: pure rules.

A review is prepared as a draft, marked held (its inputs are then frozen as a snapshot) and
approved by the chairman; its decisions become actions that are open until their owner
reports them done. A periodic report keeps three narrative parts written by the ISO officer.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from qms.core.errors import ValidationFailed
from qms.core.workflow import Workflow

NARRATIVES = ("general_assessment", "difficulties", "next_tasks")


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    HELD = "held"
    APPROVED = "approved"


class ReviewActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class ReviewStep(StrEnum):
    EDIT = "edit"  # title, date, window, people of a review in preparation
    HOLD = "hold"  # the meeting is held: its inputs are frozen
    CONCLUDE = "conclude"  # the assessment of each input and the conclusion
    DECIDE = "decide"  # a decision, which becomes an action with an owner and a deadline
    APPROVE = "approve"  # the chairman approves the minutes


RS, RSt = ReviewStatus, ReviewStep
WORKFLOW: Workflow[ReviewStatus, ReviewStep] = Workflow("review", {
    (RS.DRAFT, RSt.EDIT): RS.DRAFT,
    (RS.DRAFT, RSt.HOLD): RS.HELD,
    (RS.HELD, RSt.CONCLUDE): RS.HELD,
    (RS.HELD, RSt.DECIDE): RS.HELD,
    (RS.HELD, RSt.APPROVE): RS.APPROVED,
})


def check_window(start: date, end: date, meeting: date) -> None:
    """The reviewed window ends before it starts, or the meeting reviews a window in its future."""
    if end < start:
        raise ValidationFailed("review.bad_window")
    if meeting < start:
        raise ValidationFailed("review.meeting_before_window")


def check_action_update(status: str, done_note: str, done_on: date | None, today: date) -> None:
    """A done action needs a note of what was done and a date not in the future."""
    if status not in {s.value for s in ReviewActionStatus}:
        raise ValidationFailed("review.action.bad_status")
    if status == ReviewActionStatus.DONE:
        if not done_note:
            raise ValidationFailed("validation.required", field="field.review.done_note")
        if done_on is None or done_on > today:
            raise ValidationFailed("review.action.bad_done_on")
