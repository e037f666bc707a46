"""The nonconformity items of "Việc của tôi": steps to take, actions to carry out,
effectiveness checks and closures waiting, one-stop proposals to decide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select

from qms.core.actions import ActionStatus, action_overdue
from qms.core.actor import Actor
from qms.core.config import settings
from qms.core.roles import Role
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.features import page_path
from qms.nonconformities.models import CorrectiveAction, Nonconformity, Verification
from qms.nonconformities.rules import OPEN_STATUSES, NcStatus
from qms.onestop.models import NcProposal
from qms.plan.models import ReportingPeriod

PAGE = page_path("nonconformities")
ONESTOP_PAGE = page_path("onestop")
STEP_OF = {NcStatus.NEW.value: "nc.analyse", NcStatus.ANALYSED.value: "nc.plan"}


def _item(kind: str, nc: Nonconformity, due: date | None, overdue: bool,
          label: str = "") -> WorkItem:
    return WorkItem(kind, label or f"{nc.number} — {nc.title}", due, overdue, PAGE,
                    (("nc", nc.number),))


def nc_steps(actor: Actor, today: date) -> list[WorkItem]:
    """New and analysed nonconformities assigned to the user, or — unassigned — to an
    officer of the unit concerned and to the ISO officer."""
    mine = [Nonconformity.owner_id == actor.user_id]
    if Role.OFFICER in actor.roles and actor.unit_id is not None:
        mine.append(and_(Nonconformity.owner_id.is_(None),
                         Nonconformity.unit_id == actor.unit_id))
    if Role.ISO_OFFICER in actor.roles:
        mine.append(Nonconformity.owner_id.is_(None))
    query = (select(Nonconformity).where(
        Nonconformity.organization_id == actor.organization_id,
        Nonconformity.status.in_(list(STEP_OF)), or_(*mine)).order_by(Nonconformity.found_on))
    with read_session() as s:
        return [_item(STEP_OF[nc.status], nc, None, False) for nc in s.scalars(query)]


def actions_owned(actor: Actor, today: date) -> list[WorkItem]:
    """Unfinished actions of the user, in nonconformities whose plan is under way."""
    query = (select(CorrectiveAction, Nonconformity)
             .join(Nonconformity, Nonconformity.id == CorrectiveAction.nonconformity_id)
             .where(CorrectiveAction.organization_id == actor.organization_id,
                    CorrectiveAction.owner_id == actor.user_id,
                    CorrectiveAction.round == Nonconformity.round,
                    CorrectiveAction.status != ActionStatus.DONE.value,
                    Nonconformity.status.in_([NcStatus.PLANNED.value,
                                              NcStatus.IN_PROGRESS.value]))
             .order_by(CorrectiveAction.due_date))
    with read_session() as s:
        return [_item("nc.action", nc, a.due_date, action_overdue(a.status, a.due_date, today),
                      f"{nc.number} — {a.description[:140]}") for a, nc in s.execute(query)]


@dataclass(frozen=True)
class _Awaiting:
    number: str
    title: str
    owners: frozenset[int | None]
    last_done: date | None
    latest_effective: bool | None


def _awaiting(actor: Actor) -> list[_Awaiting]:
    """Nonconformities waiting for their effectiveness check, as plain values."""
    result = []
    with read_session() as s:
        rows = s.scalars(select(Nonconformity).where(
            Nonconformity.organization_id == actor.organization_id,
            Nonconformity.status == NcStatus.AWAITING_VERIFICATION.value)
            .order_by(Nonconformity.found_on)).all()
        for nc in rows:
            actions = s.execute(select(CorrectiveAction.owner_id, CorrectiveAction.done_on)
                                .where(CorrectiveAction.nonconformity_id == nc.id,
                                       CorrectiveAction.round == nc.round)).all()
            latest = s.scalar(select(Verification.effective).where(
                Verification.nonconformity_id == nc.id, Verification.round == nc.round)
                .order_by(Verification.id.desc()).limit(1))
            done = [d for _, d in actions if d is not None]
            result.append(_Awaiting(nc.number, nc.title, frozenset(o for o, _ in actions),
                                    max(done) if done else None, latest))
    return result


def _nc_item(kind: str, a: _Awaiting, due: date | None) -> WorkItem:
    return WorkItem(kind, f"{a.number} — {a.title}", due, False, PAGE, (("nc", a.number),))


def verifications_waiting(actor: Actor, today: date) -> list[WorkItem]:
    """For the ISO officer: effectiveness checks due (the waiting time after the last action
    has passed), except on nonconformities where they owned an action."""
    if Role.ISO_OFFICER not in actor.roles:
        return []
    items, wait = [], timedelta(days=settings().nc_verify_wait_days)
    for a in _awaiting(actor):
        if a.latest_effective is True or actor.user_id in a.owners:
            continue
        due = a.last_done + wait if a.last_done else None
        if due is None or due <= today:
            items.append(_nc_item("nc.verify", a, due))
    return items


def closures_waiting(actor: Actor, today: date) -> list[WorkItem]:
    """For leaders and the ISO officer: checked-effective nonconformities to close."""
    if not actor.roles & {Role.LEADER, Role.ISO_OFFICER}:
        return []
    return [_nc_item("nc.close", a, None) for a in _awaiting(actor)
            if a.latest_effective is True]


def proposals_waiting(actor: Actor, today: date) -> list[WorkItem]:
    """For the ISO officer: nonconformities proposed by one-stop figures, to decide."""
    if Role.ISO_OFFICER not in actor.roles:
        return []
    with read_session() as s:
        rows = s.execute(select(NcProposal, ReportingPeriod.name)
                         .join(ReportingPeriod, ReportingPeriod.id == NcProposal.period_id)
                         .where(NcProposal.organization_id == actor.organization_id,
                                NcProposal.status == "pending").order_by(NcProposal.id)).all()
        return [WorkItem("onestop.proposal", f"{name}: {r.rate:g}% / {r.target_text}", None,
                         False, ONESTOP_PAGE, (("period", str(r.period_id)),))
                for r, name in rows]


def nc_deadlines(org_id: int, today: date) -> list[WorkItem]:
    """Open nonconformities with an unfinished action of their current round: the nearest
    action deadline; overdue exactly when the register marks the NC overdue."""
    due = func.min(CorrectiveAction.due_date)
    query = (select(Nonconformity.number, Nonconformity.title, due)
             .join(CorrectiveAction, and_(
                 CorrectiveAction.nonconformity_id == Nonconformity.id,
                 CorrectiveAction.round == Nonconformity.round,
                 CorrectiveAction.status != ActionStatus.DONE.value,
                 CorrectiveAction.due_date.is_not(None)))
             .where(Nonconformity.organization_id == org_id,
                    Nonconformity.status.in_([s.value for s in OPEN_STATUSES]))
             .group_by(Nonconformity.id, Nonconformity.number, Nonconformity.title))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("nc.action", f"{number} — {title[:140]}", day, day < today, PAGE,
                     (("nc", number),)) for number, title, day in rows]
