"""The risk items of "Việc của tôi" (open actions the user owns, reviews of the entries they
own, due soon or overdue) and every risk deadline of the organisation for the dashboard."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from qms.core.actions import action_overdue
from qms.core.actor import Actor
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.features import page_path
from qms.risks import rules
from qms.risks.models import Risk, RiskAction
from qms.risks.queries import code_of
from qms.risks.rules import ActionStatus, RiskStatus

PAGE = page_path("risks")
SOON_DAYS = 14


def _action_item(action_id: int, risk_id: int, text: str, due: date | None,
                 today: date) -> WorkItem:
    return WorkItem("risk.action", f"{code_of(risk_id)}: {text[:140]}", due,
                    action_overdue(ActionStatus.OPEN.value, due, today), PAGE,
                    (("risk", str(risk_id)), ("action", str(action_id))))


def _review_item(risk_id: int, text: str, due: date, today: date) -> WorkItem:
    return WorkItem("risk.review", f"{code_of(risk_id)}: {text[:140]}", due,
                    rules.review_overdue(RiskStatus.OPEN.value, due, today), PAGE,
                    (("risk", str(risk_id)),))


def _open_actions(org_id: int, owner_id: int | None = None,
                  until: date | None = None) -> list[Any]:
    query = (select(RiskAction.id, RiskAction.risk_id, RiskAction.description,
                    RiskAction.due_date)
             .join(Risk, Risk.id == RiskAction.risk_id)
             .where(RiskAction.organization_id == org_id,
                    RiskAction.status == ActionStatus.OPEN.value,
                    Risk.status == RiskStatus.OPEN.value)
             .order_by(RiskAction.due_date, RiskAction.id))
    if owner_id is not None:
        query = query.where(RiskAction.owner_id == owner_id)
    if until is not None:
        query = query.where(RiskAction.due_date <= until)
    with read_session() as s:
        return list(s.execute(query).all())


def _reviews(org_id: int, owner_id: int | None = None,
             until: date | None = None) -> list[Any]:
    query = (select(Risk.id, Risk.description, Risk.next_review_date)
             .where(Risk.organization_id == org_id, Risk.status == RiskStatus.OPEN.value,
                    Risk.next_review_date.is_not(None))
             .order_by(Risk.next_review_date, Risk.id))
    if owner_id is not None:
        query = query.where(Risk.owner_id == owner_id)
    if until is not None:
        query = query.where(Risk.next_review_date <= until)
    with read_session() as s:
        return list(s.execute(query).all())


def risk_actions_due(actor: Actor, today: date) -> list[WorkItem]:
    """Open actions the user owns, overdue or due within ``SOON_DAYS`` days."""
    if actor.user_id is None:
        return []
    until = today + timedelta(days=SOON_DAYS)
    return [_action_item(i, risk_id, text, due, today)
            for i, risk_id, text, due in _open_actions(actor.organization_id, actor.user_id,
                                                       until)]


def risk_reviews_due(actor: Actor, today: date) -> list[WorkItem]:
    """Reviews of the open entries the user owns, overdue or due within ``SOON_DAYS`` days."""
    if actor.user_id is None:
        return []
    until = today + timedelta(days=SOON_DAYS)
    return [_review_item(risk_id, text, due, today)
            for risk_id, text, due in _reviews(actor.organization_id, actor.user_id, until)]


def risk_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Every open action and every next review date of the organisation's open entries,
    overdue first, then by date (for the dashboard)."""
    items = [_action_item(i, risk_id, text, due, today)
             for i, risk_id, text, due in _open_actions(org_id)]
    items += [_review_item(risk_id, text, due, today)
              for risk_id, text, due in _reviews(org_id)]
    return sorted(items, key=lambda i: (not i.overdue, i.due is None, i.due or today, i.label))
