"""The citizens' feedback in "Việc của tôi" and on the dashboard: unanswered feedback with its
answer deadline, overdue the day after it."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_, select

from qms.core.actor import Actor
from qms.core.vn_dates import vn_short_date
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.features import page_path
from qms.voice.models import CitizenFeedback
from qms.voice.rules import may_answer

PAGE = page_path("voice")
SOON_DAYS = 7
F = CitizenFeedback


def _item(row: CitizenFeedback, today: date) -> WorkItem:
    label = f"{vn_short_date(row.received_on)} — {row.subject[:140]}"
    return WorkItem("voice.answer", label, row.due_on, row.due_on < today, PAGE,
                    (("feedback", str(row.id)),))


def feedback_to_answer(actor: Actor, today: date) -> list[WorkItem]:
    """Unanswered feedback assigned to the user or their unit, overdue or due within
    ``SOON_DAYS`` days — for those who may answer it (not viewers)."""
    if actor.user_id is None:
        return []
    mine = [F.handler_id == actor.user_id]
    if actor.unit_id is not None:
        mine.append(F.unit_id == actor.unit_id)
    query = (select(F).where(F.organization_id == actor.organization_id,
                             F.answered_on.is_(None),
                             F.due_on <= today + timedelta(days=SOON_DAYS), or_(*mine))
             .order_by(F.due_on, F.id))
    with read_session() as s:
        return [_item(r, today) for r in s.scalars(query)
                if may_answer(actor, r.unit_id, r.handler_id)]


def feedback_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Every unanswered feedback of the organisation with its deadline and overdue flag,
    soonest deadline first (for the dashboard)."""
    query = (select(F).where(F.organization_id == org_id, F.answered_on.is_(None))
             .order_by(F.due_on, F.id))
    with read_session() as s:
        return [_item(r, today) for r in s.scalars(query)]
