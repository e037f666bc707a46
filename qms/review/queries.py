"""Read side of management reviews: the list, one review with its inputs (compiled live while
it is a draft, the frozen snapshot once held) and actions, "Việc của tôi" items for action
owners, and the deadlines the dashboard shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from qms.auth.models import User
from qms.core.actions import action_overdue
from qms.core.actor import Actor
from qms.dashboard.work_items import WorkItem
from qms.db.uow import read_session
from qms.features import page_path, review_inputs
from qms.reports.sections import Section, collect
from qms.review.models import ManagementReview, ReviewAction, ReviewInput
from qms.review.rules import ReviewActionStatus, ReviewStatus

PAGE = page_path("management_review")


@dataclass(frozen=True)
class ReviewSummary:
    id: int
    title: str
    meeting_date: date
    status: str
    window_start: date
    window_end: date


@dataclass(frozen=True)
class InputView:
    """One input; ``id`` is ``None`` while the review is a draft (compiled live)."""

    id: int | None
    section: Section
    assessment: str


@dataclass(frozen=True)
class ActionView:
    id: int
    ordinal: int
    text: str
    owner_id: int | None
    owner: str
    due_date: date | None
    status: str
    done_note: str
    done_on: date | None
    overdue: bool
    version: int


@dataclass(frozen=True)
class ReviewDetail:
    id: int
    title: str
    meeting_date: date
    place: str
    chair_id: int | None
    chair: str
    chair_title: str
    secretary_id: int | None
    secretary: str
    participants: tuple[str, ...]
    window_start: date
    window_end: date
    status: str
    conclusion: str
    inputs: tuple[InputView, ...]
    actions: tuple[ActionView, ...]
    version: int


@dataclass(frozen=True)
class Deadline:
    """A review meeting to hold or a review action due: for the dashboard."""

    kind: str  # "review.meeting" or "review.action"
    label: str
    due: date
    overdue: bool
    review_id: int


def list_reviews(org_id: int) -> list[ReviewSummary]:
    """Every review of the organisation, newest meeting first."""
    query = (select(ManagementReview.id, ManagementReview.title, ManagementReview.meeting_date,
                    ManagementReview.status, ManagementReview.window_start,
                    ManagementReview.window_end)
             .where(ManagementReview.organization_id == org_id)
             .order_by(ManagementReview.meeting_date.desc(), ManagementReview.id.desc()))
    with read_session() as s:
        return [ReviewSummary(*row) for row in s.execute(query)]


def _inputs(org_id: int, row: ManagementReview, snapshot: list[ReviewInput]) -> tuple[
        InputView, ...]:
    if row.status == ReviewStatus.DRAFT:
        live = collect(review_inputs(), org_id, row.window_start, row.window_end)
        return tuple(InputView(None, section, "") for section in live)
    return tuple(InputView(i.id, Section(i.key, i.title, i.summary, tuple(i.headers),
                                         tuple(tuple(r) for r in i.rows), dict(i.figures)),
                           i.assessment) for i in snapshot)


def review_actions(org_id: int, review_id: int, today: date) -> tuple[ActionView, ...]:
    """The review's decisions as actions, in order, overdue ones flagged."""
    query = (select(ReviewAction, User.full_name).outerjoin(User, User.id == ReviewAction.owner_id)
             .where(ReviewAction.organization_id == org_id, ReviewAction.review_id == review_id)
             .order_by(ReviewAction.ordinal))
    with read_session() as s:
        return tuple(ActionView(a.id, a.ordinal, a.text, a.owner_id, name or "", a.due_date,
                                a.status, a.done_note, a.done_on,
                                action_overdue(a.status, a.due_date, today), a.version)
                     for a, name in s.execute(query))


def review_detail(org_id: int, review_id: int, today: date) -> ReviewDetail | None:
    """One review with its inputs and actions, or ``None`` outside the organisation."""
    chair, secretary = aliased(User), aliased(User)
    with read_session() as s:
        found = s.execute(select(ManagementReview, chair.full_name, chair.job_title,
                                 secretary.full_name)
                          .outerjoin(chair, chair.id == ManagementReview.chair_id)
                          .outerjoin(secretary, secretary.id == ManagementReview.secretary_id)
                          .where(ManagementReview.id == review_id,
                                 ManagementReview.organization_id == org_id)).first()
        if found is None:
            return None
        row, chair_name, chair_title, secretary_name = found
        snapshot = list(s.scalars(select(ReviewInput).where(ReviewInput.review_id == row.id)
                                  .order_by(ReviewInput.ordinal)))
        head = (row.id, row.title, row.meeting_date, row.place, row.chair_id, chair_name or "",
                chair_title or "", row.secretary_id, secretary_name or "",
                tuple(row.participants), row.window_start, row.window_end, row.status,
                row.conclusion)
        inputs = _inputs(org_id, row, snapshot)
        version = row.version
    return ReviewDetail(*head, inputs, review_actions(org_id, review_id, today), version)


def review_actions_due(actor: Actor, today: date) -> list[WorkItem]:
    """"Việc của tôi": the open review actions the user owns, overdue ones flagged."""
    query = (select(ReviewAction.id, ReviewAction.review_id, ReviewAction.text,
                    ReviewAction.due_date)
             .where(ReviewAction.organization_id == actor.organization_id,
                    ReviewAction.owner_id == actor.user_id,
                    ReviewAction.status == ReviewActionStatus.OPEN.value)
             .order_by(ReviewAction.due_date, ReviewAction.id))
    with read_session() as s:
        rows = s.execute(query).all()
    return [WorkItem("review.action", text[:160], due, action_overdue("open", due, today), PAGE,
                     (("review", str(review_id)), ("action", str(action_id))))
            for action_id, review_id, text, due in rows]


def review_deadlines(org_id: int, today: date, limit: int = 10) -> list[Deadline]:
    """Reviews still to hold (draft, by meeting date) and open review actions (by due date):
    overdue first, then the nearest."""
    with read_session() as s:
        meetings = s.execute(select(ManagementReview.id, ManagementReview.title,
                                    ManagementReview.meeting_date)
                             .where(ManagementReview.organization_id == org_id,
                                    ManagementReview.status == ReviewStatus.DRAFT.value)).all()
        actions = s.execute(select(ReviewAction.review_id, ReviewAction.text,
                                   ReviewAction.due_date)
                            .where(ReviewAction.organization_id == org_id,
                                   ReviewAction.status == ReviewActionStatus.OPEN.value,
                                   ReviewAction.due_date.is_not(None))).all()
    found = [Deadline("review.meeting", title, day, day < today, rid)
             for rid, title, day in meetings]
    found += [Deadline("review.action", text[:160], due, due < today, rid)
              for rid, text, due in actions]
    return sorted(found, key=lambda d: (not d.overdue, d.due, d.label))[:limit]


def review_items(org_id: int, today: date) -> list[WorkItem]:
    """Management reviews still to hold and their open actions with a due date."""
    return [WorkItem(d.kind, d.label, d.due, d.overdue, PAGE,
                     (("review", str(d.review_id)),))
            for d in review_deadlines(org_id, today, limit=1_000_000)]
