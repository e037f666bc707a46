"""One-stop desk figures (Bộ phận Một cửa): dossiers early, on time, late, apology letters,
and the on-time rate the CCHC plan sets a target for ("98%-100% hồ sơ … đúng hạn, trước hạn")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from qms.core.errors import ValidationFailed
from qms.core.text import fold
from qms.core.workflow import Workflow

ON_TIME_WORDS = "dung han"  # folded "đúng hạn": the words that name the on-time target
MAX_COUNT = 10_000_000


class ProposalStatus(StrEnum):
    """A proposed nonconformity for a period whose on-time rate is under target."""

    PENDING = "pending"
    WITHDRAWN = "withdrawn"  # newer figures meet the target again
    CONFIRMED = "confirmed"  # a nonconformity was recorded
    DISMISSED = "dismissed"  # the ISO officer decided against it, with a reason


class ProposalStep(StrEnum):
    REMEASURE = "remeasure"  # new figures: under target keeps it pending, meeting it withdraws
    WITHDRAW = "withdraw"
    CONFIRM = "confirm"
    DISMISS = "dismiss"


P, PS = ProposalStatus, ProposalStep
WORKFLOW: Workflow[ProposalStatus, ProposalStep] = Workflow("onestop", {
    (P.PENDING, PS.REMEASURE): P.PENDING,
    (P.WITHDRAWN, PS.REMEASURE): P.PENDING,
    (P.PENDING, PS.WITHDRAW): P.WITHDRAWN,
    (P.WITHDRAWN, PS.WITHDRAW): P.WITHDRAWN,
    (P.PENDING, PS.CONFIRM): P.CONFIRMED,
    (P.PENDING, PS.DISMISS): P.DISMISSED,
}, refused={PS.CONFIRM: "onestop.already_decided", PS.DISMISS: "onestop.already_decided"})


@dataclass(frozen=True)
class Figures:
    """One reporting period at the one-stop desk."""

    received: int
    early: int
    on_time: int
    late: int
    apologies: int = 0

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def on_time_rate(self) -> float | None:
        """(early + on time) / resolved, in percent; ``None`` before anything is resolved."""
        if self.resolved == 0:
            return None
        return round(100 * (self.early + self.on_time) / self.resolved, 2)


def check_figures(f: Figures) -> Figures:
    """Counts are whole, not negative, and no more dossiers are resolved than received."""
    values = (f.received, f.early, f.on_time, f.late, f.apologies)
    if any(not isinstance(v, int) or v < 0 or v > MAX_COUNT for v in values):
        raise ValidationFailed("onestop.bad_count")
    if f.resolved > f.received:
        raise ValidationFailed("onestop.more_resolved_than_received", resolved=f.resolved,
                               received=f.received)
    if f.apologies > f.received:
        raise ValidationFailed("onestop.too_many_apologies")
    return f


@dataclass(frozen=True)
class TargetCandidate:
    task_id: int
    task_text: str
    comparator: str


def default_target_task(candidates: Iterable[TargetCandidate]) -> int | None:
    """The plan task the figures measure by default: a range target ("98%-100%") on a task
    whose text speaks of dossiers returned on time ("đúng hạn")."""
    for c in candidates:
        if c.comparator == "range" and ON_TIME_WORDS in fold(c.task_text):
            return c.task_id
    return None
