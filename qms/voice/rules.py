"""Citizen satisfaction and citizen feedback (phản ánh, kiến nghị) as pure rules: the share
of satisfied answers against a target, the answer deadline of a feedback, and whether it was
answered on time. No database, no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from qms.core.actor import Actor
from qms.core.config import settings
from qms.core.errors import ValidationFailed

DEFAULT_TARGET = 90.0  # % satisfied when the plan sets no satisfaction target
SATISFACTION_WORDS = "hai long"  # folded "hài lòng": the words that name the target's task
MAX_COUNT = 10_000_000

# the change trail's and trace links' names of the records
SURVEY, FEEDBACK = "satisfaction_survey", "citizen_feedback"
CRITERION = "satisfaction_criterion"


class Channel(StrEnum):
    """How the feedback reached the commune (labels: ``field.voice.channel.<value>``)."""

    IN_PERSON = "in_person"  # trực tiếp
    PHONE = "phone"  # điện thoại
    SUGGESTION_BOX = "suggestion_box"  # hòm thư góp ý
    PUBLIC_SERVICE_PORTAL = "portal"  # Cổng dịch vụ công
    SOCIAL_MEDIA = "social_media"  # mạng xã hội
    OTHER = "other"  # khác


class FeedbackState(StrEnum):
    """Where a feedback stands on a given day (derived, never stored)."""

    OPEN = "open"  # not answered, not yet due
    OVERDUE = "overdue"  # not answered, past its deadline
    ANSWERED = "answered"  # answered on or before the deadline
    ANSWERED_LATE = "answered_late"  # answered after the deadline


def answer_days() -> int:
    """Days allowed for an answer (``QMS_VOICE_ANSWER_DAYS``, default 10 calendar days)."""
    return settings().voice_answer_days


def default_due(received_on: date) -> date:
    """The answer deadline when the user gives none: ``answer_days()`` after receipt."""
    return received_on + timedelta(days=answer_days())


def share(responses: int, satisfied: int) -> float | None:
    """Satisfied answers in percent (two decimals); ``None`` without any response."""
    if responses <= 0:
        return None
    return round(100 * satisfied / responses, 2)


def below_target(responses: int, satisfied: int, target: float) -> bool:
    """True when a criterion with responses has a share under the target."""
    value = share(responses, satisfied)
    return value is not None and value < target


def check_counts(responses: object, satisfied: object) -> tuple[int, int]:
    """Whole numbers with 0 ≤ satisfied ≤ responses."""
    for value in (responses, satisfied):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            raise ValidationFailed("voice.bad_count")
    assert isinstance(responses, int) and isinstance(satisfied, int)
    if satisfied > responses:
        raise ValidationFailed("voice.more_satisfied_than_responses", satisfied=satisfied,
                               responses=responses)
    return responses, satisfied


def check_target(target: object) -> float:
    """A target share between 0 and 100 %."""
    if isinstance(target, bool) or not isinstance(target, int | float) or \
            not 0 <= float(target) <= 100:
        raise ValidationFailed("voice.bad_target")
    return float(target)


@dataclass(frozen=True)
class FeedbackDates:
    received_on: date
    due_on: date
    answered_on: date | None = None


def check_dates(d: FeedbackDates, today: date) -> FeedbackDates:
    """Received no later than today; due not before received; answered between receipt and
    today."""
    if d.received_on > today:
        raise ValidationFailed("voice.received_in_future")
    if d.due_on < d.received_on:
        raise ValidationFailed("voice.due_before_received")
    if d.answered_on is not None and d.answered_on < d.received_on:
        raise ValidationFailed("voice.answered_before_received")
    if d.answered_on is not None and d.answered_on > today:
        raise ValidationFailed("voice.answered_in_future")
    return d


def on_time(due_on: date, answered_on: date | None) -> bool | None:
    """Answered on or before the deadline (the due day itself counts); ``None`` if unanswered."""
    return None if answered_on is None else answered_on <= due_on


def state(due_on: date, answered_on: date | None, today: date) -> FeedbackState:
    """Answered (on time or late), or open / overdue on ``today`` (overdue the day after due)."""
    if answered_on is not None:
        return FeedbackState.ANSWERED if answered_on <= due_on else FeedbackState.ANSWERED_LATE
    return FeedbackState.OVERDUE if today > due_on else FeedbackState.OPEN


def is_late(due_on: date, answered_on: date | None, today: date) -> bool:
    """Answered late, or still unanswered past the deadline: what may raise a nonconformity."""
    return state(due_on, answered_on, today) in (FeedbackState.ANSWERED_LATE,
                                                 FeedbackState.OVERDUE)


def may_answer(actor: Actor, unit_id: int | None, handler_id: int | None) -> bool:
    """The handling unit's people and the officer it is assigned to answer (the ISO officer
    any); pages, "my work" and the service ask the same question."""
    return actor.can("voice.answer", unit_id=unit_id, owner_id=handler_id)
