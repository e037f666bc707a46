"""Actions with an owner and a due date — corrective actions, management-review decisions,
actions on risks — and the one rule of when they are overdue."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"  # corrective actions only; review and risk actions are open/done
    DONE = "done"


def action_overdue(status: str, due: date | None, today: date) -> bool:
    """An unfinished action is overdue from the day after its due date (due today is not)."""
    return status != ActionStatus.DONE and due is not None and due < today
