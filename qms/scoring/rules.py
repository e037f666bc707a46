"""Reform-index self-scoring as pure rules: what a score may be, when an explanation is owed,
the life of a score sheet, and the totals and percentages per area and overall.

Only *applicable leaves* are scored: criteria without sub-criteria whose own line and every
ancestor's line apply to the unit. A non-applicable criterion counts neither in the maximum
nor in the score, so the percentage compares like with like.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from qms.core.errors import ValidationFailed
from qms.core.workflow import Workflow

STEP = 0.25


class SheetStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"


class SheetStep(StrEnum):
    EDIT = "edit"  # scores, evidence and notes change while the sheet is a draft
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"


WORKFLOW: Workflow[SheetStatus, SheetStep] = Workflow("scoring", {
    (SheetStatus.DRAFT, SheetStep.EDIT): SheetStatus.DRAFT,
    (SheetStatus.DRAFT, SheetStep.SUBMIT): SheetStatus.SUBMITTED,
    (SheetStatus.SUBMITTED, SheetStep.APPROVE): SheetStatus.APPROVED,
    (SheetStatus.SUBMITTED, SheetStep.RETURN): SheetStatus.DRAFT,
}, refused={SheetStep.EDIT: "scoring.sheet_locked"})


def check_score(score: float, max_points: float) -> float:
    """A self-score between 0 and the criterion's maximum, in steps of 0.25."""
    if not math.isfinite(score):
        raise ValidationFailed("scoring.score.invalid")
    if score < 0:
        raise ValidationFailed("scoring.score.negative")
    if score > max_points + 1e-9:
        raise ValidationFailed("scoring.score.above_max", max=f"{max_points:g}")
    if abs(score / STEP - round(score / STEP)) > 1e-9:
        raise ValidationFailed("scoring.score.bad_step", step=f"{STEP:g}")
    return round(score / STEP) * STEP


def check_explanation(explanation: str, evidence_count: int) -> None:
    """A score with no evidence attached must say why it was given."""
    if evidence_count == 0 and not explanation.strip():
        raise ValidationFailed("scoring.explanation_required")


@dataclass(frozen=True)
class Criterion:
    code: str
    area_number: int
    area_title: str
    max_points: float
    applies: bool
    parent_code: str = ""


def scorable(criteria: Iterable[Criterion]) -> list[Criterion]:
    """The applicable leaves, in the given order."""
    items = list(criteria)
    by_code = {c.code: c for c in items}
    parents = {c.parent_code for c in items if c.parent_code}

    def applies(c: Criterion) -> bool:
        while True:
            if not c.applies:
                return False
            parent = by_code.get(c.parent_code)
            if parent is None:
                return True
            c = parent

    return [c for c in items if c.code not in parents and applies(c)]


@dataclass(frozen=True)
class AreaTotal:
    area_number: int
    area_title: str
    max_points: float
    score: float
    scored: int  # leaves with a score
    leaves: int  # applicable leaves

    @property
    def percent(self) -> float | None:
        return percent(self.score, self.max_points)


@dataclass(frozen=True)
class Totals:
    areas: tuple[AreaTotal, ...]
    max_points: float
    score: float
    scored: int
    leaves: int

    @property
    def percent(self) -> float | None:
        return percent(self.score, self.max_points)


def percent(score: float, max_points: float) -> float | None:
    """``score / max`` in per cent, one decimal; ``None`` when nothing can be scored."""
    return round(score * 100 / max_points, 1) if max_points > 0 else None


def totals(criteria: Iterable[Criterion], scores: Mapping[str, float | None]) -> Totals:
    """Sums per area and overall of the applicable leaves; unscored leaves count as 0."""
    items = list(criteria)
    titles = {c.area_number: c.area_title for c in items}
    areas: dict[int, list[Criterion]] = {n: [] for n in sorted(titles)}
    for c in scorable(items):
        areas[c.area_number].append(c)
    result = []
    for number, leaves in areas.items():
        given = [scores[c.code] for c in leaves if scores.get(c.code) is not None]
        result.append(AreaTotal(number, titles[number], sum(c.max_points for c in leaves),
                                float(sum(x for x in given if x is not None)), len(given),
                                len(leaves)))
    return Totals(tuple(result), sum(a.max_points for a in result),
                  sum(a.score for a in result), sum(a.scored for a in result),
                  sum(a.leaves for a in result))
