"""Rules of plan tasks: statuses, lateness, whether a target is met, matching versions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum

from qms.core.text import fold


class TaskStatus(StrEnum):
    """Stored statuses; "late" (chậm tiến độ) is computed from the due date."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


LATE = "late"
MATCH_THRESHOLD = 0.75


def display_status(status: str, due: date | None, today: date) -> str:
    """The status a user sees: an unfinished task past its due date is late."""
    if status != TaskStatus.DONE and due is not None and due < today:
        return LATE
    return status


def target_met(comparator: str, value: float, upper: float | None, measured: float) -> bool:
    """Whether ``measured`` meets the target ``comparator value`` (``range``: value..upper)."""
    if comparator == "range":
        return value <= measured <= (upper if upper is not None else value)
    checks = {
        "=": measured >= value,  # "100 %" is met only by 100 %; more is impossible
        ">": measured > value, ">=": measured >= value,
        "<": measured < value, "<=": measured <= value,
    }
    return checks.get(comparator, False)


def similarity(a: str, b: str) -> float:
    """Text similarity of two task texts, ignoring accents, case and spacing."""
    return SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def match_tasks(old: Sequence[tuple[int, str]], new: Sequence[tuple[int, str]],
                threshold: float = MATCH_THRESHOLD) -> dict[int, int]:
    """Pair tasks of one area across two plan versions: ``{new_index: old_index}``.

    Inputs are ``(index, text)``; the most similar pairs are taken first and each task is
    used once, so a reworded task keeps its history while a new one starts fresh.
    """
    scored = sorted(
        ((similarity(nt, ot), ni, oi) for ni, nt in new for oi, ot in old),
        key=lambda item: -item[0],
    )
    pairs: dict[int, int] = {}
    used_old: set[int] = set()
    for score, ni, oi in scored:
        if score < threshold:
            break
        if ni not in pairs and oi not in used_old:
            pairs[ni] = oi
            used_old.add(oi)
    return pairs
