"""The citizens' voice: satisfaction survey results per reporting period, and the register of
citizen feedback (phản ánh, kiến nghị) with its answers. The one-click nonconformity is in
``voice_nc``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.auth.models import Unit, User
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import PermissionDenied, ValidationFailed
from qms.core.text import fold
from qms.db.base import utcnow
from qms.db.uow import owned, unit_of_work
from qms.nonconformities.vocabulary_rules import choice
from qms.plan.models import ReportingPeriod
from qms.plan.tasks import owned_period
from qms.trace.links import insert_link
from qms.trail.record import record_change
from qms.trail.stale import check_version
from qms.voice import rules
from qms.voice.models import CitizenFeedback, SatisfactionCriterion, SatisfactionSurvey
from qms.voice.queries import plan_target
from qms.voice.rules import FEEDBACK, SURVEY, may_answer


@dataclass(frozen=True)
class CriterionInput:
    criterion: str
    responses: int
    satisfied: int


@dataclass(frozen=True)
class FeedbackInput:
    received_on: date
    channel: str
    subject: str
    content: str = ""
    citizen: str = ""
    unit_id: int | None = None
    handler_id: int | None = None
    due_on: date | None = None  # default: received + rules.answer_days()
    task_id: int | None = None  # a plan task to link it to


def period_in_org(s: Session, actor: Actor, period_id: int) -> ReportingPeriod:
    return owned_period(s, v.reference(period_id, "error.not_found"), actor)


def _criteria(items: Sequence[CriterionInput]) -> list[tuple[str, int, int]]:
    cleaned, seen = [], set()
    for item in items:
        text = v.text(item.criterion, "field.voice.criterion", max_len=300, required=True)
        if fold(text) in seen:
            raise ValidationFailed("voice.duplicate_criterion", criterion=text)
        seen.add(fold(text))
        cleaned.append((text, *rules.check_counts(item.responses, item.satisfied)))
    if not cleaned:
        raise ValidationFailed("voice.no_criteria")
    return cleaned


def save_survey(actor: Actor, period_id: int, criteria: Sequence[CriterionInput], *,
                target: float | None = None, note: str = "",
                expected_version: int | None = None) -> int:
    """Record (or correct) the period's survey results; the target defaults to the plan's
    satisfaction target, else 90 %. Returns the survey id."""
    actor.require("voice.record")
    rows = _criteria(criteria)
    note = v.text(note, "field.note", max_len=1000, multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        period = period_in_org(s, actor, period_id)
        survey = s.scalar(select(SatisfactionSurvey).where(
            SatisfactionSurvey.organization_id == actor.organization_id,
            SatisfactionSurvey.period_id == period.id))
        if survey is not None:
            check_version(survey, expected_version)
        if target is None:
            target = survey.target if survey else plan_target(s, period.plan_id)
        target = rules.check_target(rules.DEFAULT_TARGET if target is None else target)
        before = _survey_snapshot(s, survey) if survey else None
        if survey is None:
            survey = SatisfactionSurvey(organization_id=actor.organization_id,
                                        period_id=period.id, target=target, note=note,
                                        recorded_by_id=actor.user_id)
            s.add(survey)
            s.flush()
        _write_criteria(s, actor, survey, rows)
        survey.target, survey.note = target, note
        with s.no_autoflush:  # one flush below: the version moves once per save
            after = _survey_snapshot(s, survey)
        if before is not None and before != after:
            # criteria live apart: touch the survey so its version moves (once) with them
            survey.recorded_by_id, survey.updated_at = actor.user_id, utcnow()
        s.flush()
        record_change(s, actor, "voice.survey", SURVEY, survey.id, before=before, after=after)
        uow.commit()
        return survey.id


def _write_criteria(s: Session, actor: Actor, survey: SatisfactionSurvey,
                    rows: list[tuple[str, int, int]]) -> None:
    existing = {fold(c.criterion): c for c in s.scalars(select(SatisfactionCriterion).where(
        SatisfactionCriterion.survey_id == survey.id))}
    wanted = {fold(text) for text, _, _ in rows}
    for key, row in existing.items():
        if key not in wanted:
            s.delete(row)
    s.flush()
    for ordinal, (text, responses, satisfied) in enumerate(rows, start=1):
        row = existing.get(fold(text))
        if row is None:
            row = SatisfactionCriterion(organization_id=actor.organization_id,
                                        survey_id=survey.id)
            s.add(row)
        row.ordinal, row.criterion = ordinal, text
        row.responses, row.satisfied = responses, satisfied
    s.flush()


def _survey_snapshot(s: Session, survey: SatisfactionSurvey) -> dict[str, object]:
    criteria = s.scalars(select(SatisfactionCriterion).where(
        SatisfactionCriterion.survey_id == survey.id)
        .order_by(SatisfactionCriterion.ordinal)).all()
    return {"period_id": survey.period_id, "target": survey.target, "note": survey.note,
            "criteria": [[c.criterion, c.responses, c.satisfied] for c in criteria]}


def _check_people(s: Session, actor: Actor, unit_id: int | None,
                  handler_id: int | None) -> None:
    for model, ref, key in ((Unit, unit_id, "validation.unit"),
                            (User, handler_id, "voice.bad_handler")):
        ref = v.reference(ref, key)
        if ref is not None:
            owned(s, model, ref, actor, ValidationFailed(key))


def record_feedback(actor: Actor, data: FeedbackInput) -> int:
    """Enter a citizen's feedback in the register (due date: ``answer_days()`` after receipt
    unless given), optionally linked to a plan task. Returns its id."""
    actor.require("voice.record")
    channel = choice(rules.Channel, data.channel, "voice.bad_channel")
    subject = v.text(data.subject, "field.voice.subject", max_len=300, required=True)
    content = v.text(data.content, "field.voice.content", max_len=5000, multiline=True)
    citizen = v.text(data.citizen, "field.voice.citizen", max_len=200)
    due_on = data.due_on or rules.default_due(data.received_on)
    rules.check_dates(rules.FeedbackDates(data.received_on, due_on), today())
    with unit_of_work() as uow:
        s = uow.session
        _check_people(s, actor, data.unit_id, data.handler_id)
        row = CitizenFeedback(organization_id=actor.organization_id,
                              received_on=data.received_on, channel=channel, citizen=citizen,
                              subject=subject, content=content, unit_id=data.unit_id,
                              handler_id=data.handler_id, due_on=due_on,
                              recorded_by_id=actor.user_id)
        s.add(row)
        s.flush()
        record_change(s, actor, "voice.feedback", FEEDBACK, row.id, after=_snapshot(row))
        if data.task_id is not None:
            insert_link(s, actor, data.task_id, FEEDBACK, row.id)
        uow.commit()
        return row.id


def _snapshot(row: CitizenFeedback) -> dict[str, object]:
    return {name: getattr(row, name) for name in (
        "received_on", "channel", "citizen", "subject", "content", "unit_id", "handler_id",
        "due_on", "answered_on", "answer")}


def _feedback(s: Session, actor: Actor, feedback_id: int) -> CitizenFeedback:
    return owned(s, CitizenFeedback, v.reference(feedback_id, "error.not_found"), actor)


def answer_feedback(actor: Actor, feedback_id: int, answered_on: date, answer: str,
                    expected_version: int | None) -> int:
    """Record (or correct) the answer given to the citizen; returns the new version."""
    answer = v.text(answer, "field.voice.answer", max_len=5000, required=True, multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        row = _feedback(s, actor, feedback_id)
        if not may_answer(actor, row.unit_id, row.handler_id):
            raise PermissionDenied("error.permission_denied", action="voice.answer")
        check_version(row, expected_version)
        rules.check_dates(rules.FeedbackDates(row.received_on, row.due_on, answered_on),
                          today())
        before = _snapshot(row)
        row.answered_on, row.answer, row.answered_by_id = answered_on, answer, actor.user_id
        s.flush()
        record_change(s, actor, "voice.answer", FEEDBACK, row.id, before=before,
                     after=_snapshot(row))
        uow.commit()
        return row.version
