"""The audits' deadlines for the dashboard: planned audits and the day each should start."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.audits.models import Audit
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.features import page_path

PAGE = page_path("audit")


def audits_planned(org_id: int, today: date) -> list[WorkItem]:
    """Planned audits with a start date (overdue once that date has passed unstarted)."""
    query = (select(Audit.id, Audit.title, Audit.start_date)
             .where(Audit.organization_id == org_id, Audit.status == "planned",
                    Audit.start_date.is_not(None)))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("audit.planned", title[:160], day, day < today, PAGE,
                     (("id", str(audit_id)),)) for audit_id, title, day in rows]
