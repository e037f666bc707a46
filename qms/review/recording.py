"""Management review (ISO 9001 clause 9.3): prepare the meeting, mark it held (its inputs
are frozen then), write the assessments and conclusion, record decisions as tracked actions,
approve the minutes; action owners report their actions done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qms.auth.models import User
from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import NotFound, ValidationFailed
from qms.db.uow import owned, read_session, unit_of_work
from qms.features import review_inputs
from qms.reports.sections import collect
from qms.review.models import ManagementReview, ReviewAction, ReviewInput
from qms.review.rules import (
    WORKFLOW,
    ReviewActionStatus,
    ReviewStatus,
    ReviewStep,
    check_action_update,
    check_window,
)
from qms.trail.record import record_change
from qms.trail.stale import check_version

ENTITY, ACTION_ENTITY = "management_review", "management_review_action"


@dataclass(frozen=True)
class ReviewForm:
    """The meeting: what, when, where, who, and the window of data it reviews."""

    title: str
    meeting_date: date
    window_start: date
    window_end: date
    place: str = ""
    chair_id: int | None = None
    secretary_id: int | None = None
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionForm:
    text: str
    owner_id: int
    due_date: date


@dataclass(frozen=True)
class ActionUpdate:
    status: str
    done_note: str = ""
    done_on: date | None = None


def _review(s: Session, actor: Actor, review_id: int) -> ManagementReview:
    row = owned(s, ManagementReview, review_id, actor)
    return row


def _review_in(s: Session, actor: Actor, review_id: int, step: ReviewStep,
               expected_version: int) -> tuple[ManagementReview, ReviewStatus]:
    """The review, when it is still the version the user saw and its status allows ``step``,
    with the status the step leads to: edit, hold, conclude and approve each start here."""
    row = _review(s, actor, review_id)
    check_version(row, expected_version)
    return row, WORKFLOW.next(row.status, step)


def _user(s: Session, actor: Actor, user_id: int | None, field: str) -> int | None:
    if user_id is not None:
        owned(s, User, user_id, actor, ValidationFailed("review.bad_person", field=field))
    return user_id


def _snapshot(row: ManagementReview) -> dict[str, object]:
    return {name: getattr(row, name) for name in (
        "title", "meeting_date", "place", "chair_id", "secretary_id", "participants",
        "window_start", "window_end", "status", "conclusion")}


def _apply(s: Session, actor: Actor, row: ManagementReview, form: ReviewForm) -> None:
    check_window(form.window_start, form.window_end, form.meeting_date)
    row.title = v.text(form.title, "field.review.title", max_len=300, required=True)
    row.place = v.text(form.place, "field.review.place", max_len=300)
    row.meeting_date, row.window_start, row.window_end = \
        form.meeting_date, form.window_start, form.window_end
    row.chair_id = _user(s, actor, form.chair_id, "field.review.chair")
    row.secretary_id = _user(s, actor, form.secretary_id, "field.review.secretary")
    names = (v.text(p, "field.review.participants", max_len=200) for p in form.participants)
    row.participants = [p for p in names if p]


def create_review(actor: Actor, form: ReviewForm) -> int:
    """Prepare a review meeting as a draft; returns its id."""
    actor.require("review.prepare")
    with unit_of_work() as uow:
        s = uow.session
        row = ManagementReview(organization_id=actor.organization_id, status="draft",
                               created_by_id=actor.user_id)
        _apply(s, actor, row, form)
        s.add(row)
        s.flush()
        record_change(s, actor, "review.create", ENTITY, row.id, after=_snapshot(row))
        uow.commit()
        return row.id


def update_review(actor: Actor, review_id: int, form: ReviewForm, expected_version: int) -> int:
    """Change a draft review's details; returns the new version."""
    actor.require("review.prepare")
    with unit_of_work() as uow:
        s = uow.session
        row, _ = _review_in(s, actor, review_id, ReviewStep.EDIT, expected_version)
        before = _snapshot(row)
        _apply(s, actor, row, form)
        s.flush()
        record_change(s, actor, "review.update", ENTITY, row.id, before=before,
                     after=_snapshot(row))
        uow.commit()
        return row.version


def hold_review(actor: Actor, review_id: int, expected_version: int) -> int:
    """Mark the meeting held and freeze its inputs as they read now; later changes to the
    records never alter the minutes. Returns the number of inputs kept."""
    actor.require("review.prepare")
    with read_session() as s:
        found = _review(s, actor, review_id)
        start, end = found.window_start, found.window_end
    inputs = collect(review_inputs(), actor.organization_id, start, end)
    with unit_of_work() as uow:
        s = uow.session
        row, held = _review_in(s, actor, review_id, ReviewStep.HOLD, expected_version)
        for n, section in enumerate(inputs, 1):
            s.add(ReviewInput(organization_id=actor.organization_id, review_id=row.id,
                              ordinal=n, key=section.key, title=section.title,
                              summary=section.summary, headers=list(section.headers),
                              rows=[list(r) for r in section.rows],
                              figures=dict(section.figures), assessment=""))
        row.status = held.value
        row.held_at, row.held_by_id = clock.now(), actor.user_id
        s.flush()
        record_change(s, actor, "review.hold", ENTITY, row.id, before={"status": "draft"},
                     after={"status": row.status, "inputs": [i.key for i in inputs]})
        uow.commit()
        return len(inputs)


def record_conclusions(actor: Actor, review_id: int, assessments: dict[int, str],
                       conclusion: str, expected_version: int) -> int:
    """Write the meeting's assessment of each frozen input and its overall conclusion."""
    actor.require("review.prepare")
    conclusion = v.text(conclusion, "field.review.conclusion", max_len=20_000, multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        row, _ = _review_in(s, actor, review_id, ReviewStep.CONCLUDE, expected_version)
        inputs = {i.id: i for i in s.scalars(select(ReviewInput).where(
            ReviewInput.review_id == row.id))}
        changed = {}
        for input_id, text in assessments.items():
            if input_id not in inputs:
                raise NotFound("error.not_found")
            text = v.text(text, "field.review.assessment", max_len=10_000, multiline=True)
            if inputs[input_id].assessment != text:
                inputs[input_id].assessment, changed[inputs[input_id].key] = text, text
        before = {"conclusion": row.conclusion}
        row.conclusion = conclusion
        row.updated_at = clock.now()  # bumps the version even when only assessments change
        s.flush()
        record_change(s, actor, "review.conclude", ENTITY, row.id, before=before,
                     after={"conclusion": conclusion, "assessments": changed})
        uow.commit()
        return row.version


def add_decision(actor: Actor, review_id: int, form: DecisionForm) -> int:
    """Record a decision of the held meeting as an action with an owner and a due date."""
    actor.require("review.prepare")
    text = v.text(form.text, "field.review.decision", max_len=2000, required=True)
    with unit_of_work() as uow:
        s = uow.session
        row = _review(s, actor, review_id)
        WORKFLOW.next(row.status, ReviewStep.DECIDE)
        if form.due_date < row.meeting_date:
            raise ValidationFailed("review.action.due_before_meeting")
        owner = _user(s, actor, form.owner_id, "field.review.owner")
        ordinal = (s.scalar(select(func.max(ReviewAction.ordinal)).where(
            ReviewAction.review_id == row.id)) or 0) + 1
        action = ReviewAction(organization_id=actor.organization_id, review_id=row.id,
                              ordinal=ordinal, text=text, owner_id=owner,
                              due_date=form.due_date, status=ReviewActionStatus.OPEN.value)
        s.add(action)
        s.flush()
        record_change(s, actor, "review.decide", ACTION_ENTITY, action.id,
                     after={"review_id": row.id, "text": text, "owner_id": owner,
                            "due_date": form.due_date})
        uow.commit()
        return action.id


def approve_review(actor: Actor, review_id: int, expected_version: int) -> int:
    """The chairman approves the minutes of a held review; nothing in them changes after."""
    actor.require("review.approve")
    with unit_of_work() as uow:
        s = uow.session
        row, approved = _review_in(s, actor, review_id, ReviewStep.APPROVE, expected_version)
        row.status, row.approved_at, row.approved_by_id = approved.value, clock.now(), actor.user_id
        s.flush()
        record_change(s, actor, "review.approve", ENTITY, row.id, before={"status": "held"},
                     after={"status": row.status})
        uow.commit()
        return row.version


def update_review_action(actor: Actor, action_id: int, data: ActionUpdate,
                         expected_version: int) -> int:
    """The owner reports an action done (what was done, when) or reopens it."""
    note = v.text(data.done_note, "field.review.done_note", max_len=5000, multiline=True)
    check_action_update(data.status, note, data.done_on, today())
    with unit_of_work() as uow:
        s = uow.session
        row = owned(s, ReviewAction, action_id, actor)
        actor.require("review.action_update", action_owner_id=row.owner_id)
        check_version(row, expected_version)
        before = {"status": row.status, "done_note": row.done_note, "done_on": row.done_on}
        done = data.status == ReviewActionStatus.DONE
        row.status, row.done_note = data.status, note if done else ""
        row.done_on, row.done_by_id = (data.done_on, actor.user_id) if done else (None, None)
        s.flush()
        record_change(s, actor, "review.action_update", ACTION_ENTITY, row.id, before=before,
                     after={"status": row.status, "done_note": row.done_note,
                            "done_on": row.done_on})
        uow.commit()
        return row.version
