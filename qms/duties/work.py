"""The self-inspection items of "Việc của tôi": reports to hand in (due soon or overdue) for
the owner unit's officers and the owner person, decisions waiting for the ISO officer."""

from __future__ import annotations

from datetime import date, timedelta

from qms.core.actor import Actor
from qms.core.roles import Role
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.duties import queries as dq
from qms.duties.queries import DutyRow, owned_pending, submitted_queue
from qms.features import page_path

PAGE = page_path("duties")
SOON_DAYS = 14


def _item(kind: str, row: DutyRow, overdue: bool) -> WorkItem:
    label = f"{row.period}: " + (f"{row.code} — " if row.code else "") + row.title[:140]
    return WorkItem(kind, label, row.due, overdue, PAGE, (("period", str(row.period_id)),))


def duties_to_submit(actor: Actor, today: date) -> list[WorkItem]:
    """Reports not yet handed in (or returned) by the user's unit or the user, overdue or due
    within ``SOON_DAYS`` days — for those who may submit them."""
    if actor.user_id is None or not actor.can("duty.submit", owner_id=actor.user_id):
        return []
    rows = owned_pending(actor.organization_id, actor.unit_id, actor.user_id,
                         today + timedelta(days=SOON_DAYS), today)
    return [_item("duty.submit", r, r.overdue) for r in rows]


def duties_to_decide(actor: Actor, today: date) -> list[WorkItem]:
    """For the ISO officer: submitted reports waiting for acceptance or return."""
    if Role.ISO_OFFICER not in actor.roles:
        return []
    return [_item("duty.decide", r, False) for r in submitted_queue(actor.organization_id,
                                                                    today)]


def duty_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Self-inspection reports of the current plans not yet handed in (open or returned)."""
    query = dq.pairs(org_id).where(dq.STATUS.in_(dq.PENDING_VALUES))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("duty.submit", f"{r[2]}: " + (f"{r[3]} — " if r[3] else "") + r[4][:140],
                     r[11], today > r[11], PAGE, (("period", str(r[1])),))
            for r in rows]
