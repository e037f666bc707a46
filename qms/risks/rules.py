"""Risks and opportunities (ISO 9001 clause 6.1): the 5 × 5 scale, the level and its band,
and when an action or a review is late. Pure rules; no storage, no UI."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from qms.core.errors import ValidationFailed
from qms.core.workflow import Workflow

SCALE = range(1, 6)  # likelihood and impact are both 1 (rare / minor) … 5 (almost sure / severe)


class RiskKind(StrEnum):
    RISK = "risk"
    OPPORTUNITY = "opportunity"


class RiskStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class RiskStep(StrEnum):
    ACT = "act"  # an action planned on the entry
    REVIEW = "review"  # likelihood and impact assessed again
    CLOSE = "close"  # the entry no longer applies
    REOPEN = "reopen"


class ActionStep(StrEnum):
    FINISH = "finish"  # the owner reports the action done, with its result


WORKFLOW: Workflow[RiskStatus, RiskStep] = Workflow("risk", {
    (RiskStatus.OPEN, RiskStep.ACT): RiskStatus.OPEN,
    (RiskStatus.OPEN, RiskStep.REVIEW): RiskStatus.OPEN,
    (RiskStatus.OPEN, RiskStep.CLOSE): RiskStatus.CLOSED,
    (RiskStatus.CLOSED, RiskStep.REOPEN): RiskStatus.OPEN,
}, refused={RiskStep.ACT: "risk.closed", RiskStep.REVIEW: "risk.closed"}, labels="risk")
ACTION_WORKFLOW: Workflow[ActionStatus, ActionStep] = Workflow("risk_action", {
    (ActionStatus.OPEN, ActionStep.FINISH): ActionStatus.DONE,
}, refused={ActionStep.FINISH: "risk.action_done_already"}, labels="risk.action")


class Band(StrEnum):
    LOW = "low"  # thấp, 1–4
    MEDIUM = "medium"  # trung bình, 5–9
    HIGH = "high"  # cao, 10–16
    VERY_HIGH = "very_high"  # rất cao, 17–25


# the highest level of each band, in order
BAND_TOPS: tuple[tuple[int, Band], ...] = ((4, Band.LOW), (9, Band.MEDIUM), (16, Band.HIGH),
                                           (25, Band.VERY_HIGH))
BANDS = tuple(b for _, b in BAND_TOPS)


def check_scale(value: object, field: str) -> int:
    """A likelihood or impact: a whole number 1–5, else refused (``risk.scale``)."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise ValidationFailed("risk.scale", field=field, value=value)
    return value


def level(likelihood: object, impact: object) -> int:
    """The level: likelihood × impact, each checked on the 1–5 scale."""
    return check_scale(likelihood, "field.risk.likelihood") * \
        check_scale(impact, "field.risk.impact")


def band_of(value: int) -> Band:
    """The band of a level 1–25: thấp 1–4, trung bình 5–9, cao 10–16, rất cao 17–25."""
    for top, band in BAND_TOPS:
        if 1 <= value <= top:
            return band
    raise ValidationFailed("risk.level_range", value=value)


def band(likelihood: object, impact: object) -> Band:
    return band_of(level(likelihood, impact))


def trend(previous: int | None, current: int) -> str:
    """``up``, ``down`` or ``same`` against the level before the last review (``new``: none)."""
    if previous is None:
        return "new"
    return "up" if current > previous else "down" if current < previous else "same"


def review_overdue(status: str, next_review: date | None, today: date) -> bool:
    """A risk's review is overdue while the risk is open past its next review date."""
    return status == RiskStatus.OPEN.value and next_review is not None and next_review < today


def check_review_date(next_review: date | None, on: date) -> None:
    """The next review comes after the review (or the entry) it follows."""
    if next_review is not None and next_review <= on:
        raise ValidationFailed("risk.next_review_after")
