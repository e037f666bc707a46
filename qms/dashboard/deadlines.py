"""The deadline registry: every open, dated item of an organisation, for the dashboard.

A *deadline source* is ``source(org_id, today) -> list[WorkItem]``: the organisation's open
items that carry a date (``due``), ``overdue`` set when that date has passed, each pointing at
the page (and query parameters) that shows it. The dashboard's "overdue" tile counts the
overdue items by ``kind``; its "next deadlines" tile lists the nearest ones not overdue.

Each feature keeps its sources in its own read side (``qms/risks/work.py:risk_deadlines``,
``qms/plan/work.py:plan_task_deadlines`` …) and names them in its ``feature.py``
``deadlines``; this module only gathers them from ``qms.features``. Each source runs a fixed
number of SQL statements, whatever the data size, so the home page does too.
"""

from __future__ import annotations

from datetime import date

from qms.dashboard.work_items import WorkItem
from qms.features import deadline_sources


def all_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Every source's items: overdue first, then by date and label."""
    items = [item for source in deadline_sources() for item in source(org_id, today)]
    return sorted(items, key=lambda i: (not i.overdue, i.due or today, i.kind, i.label))
