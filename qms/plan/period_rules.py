"""Reporting-period deadlines read from the plan's own due rule."""

from __future__ import annotations

import re
from datetime import date

from qms.core.text import fold

_BEFORE_DAY = re.compile(r"truoc ngay (\d{1,2})")


def due_date(due_rule: str, end: date) -> date | None:
    """The report deadline: "trước ngày 10 của tháng cuối kỳ" -> the 10th of ``end``'s month.

    Returns ``None`` when the rule says something this reading does not understand; the
    ISO officer then enters the date by hand.
    """
    match = _BEFORE_DAY.search(fold(due_rule))
    if not match:
        return None
    day = int(match.group(1))
    try:
        deadline = date(end.year, end.month, day)
    except ValueError:
        return None
    return deadline if deadline >= end else None
