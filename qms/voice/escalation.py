"""One click from the citizens' voice to a nonconformity: a satisfaction criterion under its
target, or a feedback answered late (or still unanswered past its deadline). The description is
written for the user; the nonconformity points back at the record (``source_type`` /
``source_id``) and at the plan task the feedback is linked to. A record gets one
nonconformity: a second click returns the first and records nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import NotFound, ValidationFailed
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.db.uow import owned, unit_of_work
from qms.nonconformities.models import Nonconformity
from qms.nonconformities.recording import NcInput, insert_nonconformity
from qms.nonconformities.vocabulary_rules import NcGrade, NcSource
from qms.plan.models import ReportingPeriod
from qms.reports.sections import number
from qms.trace.models import TraceLink
from qms.voice import rules
from qms.voice.models import CitizenFeedback, SatisfactionCriterion, SatisfactionSurvey
from qms.voice.rules import CRITERION, FEEDBACK


@dataclass(frozen=True)
class NcRaised:
    nc_id: int
    number: str
    created: bool  # False: the record already had its nonconformity


def existing_nc(s: Session, org_id: int, source_type: str, source_id: int) -> Nonconformity | None:
    """The nonconformity already raised from this record, if any."""
    return s.scalar(select(Nonconformity).where(
        Nonconformity.organization_id == org_id, Nonconformity.source_type == source_type,
        Nonconformity.source_id == source_id).order_by(Nonconformity.id).limit(1))


def _criterion_input(s: Session, actor: Actor, ident: int, day: date) -> NcInput:
    row = owned(s, SatisfactionCriterion, ident, actor)
    survey = s.get(SatisfactionSurvey, row.survey_id)
    if survey is None:
        raise NotFound("error.not_found")
    if not rules.below_target(row.responses, row.satisfied, survey.target):
        raise ValidationFailed("voice.nc_not_below_target")
    period = s.get(ReportingPeriod, survey.period_id)
    assert period is not None
    params = {"period": period.name, "criterion": row.criterion,
              "share": number(rules.share(row.responses, row.satisfied), 2),
              "satisfied": row.satisfied, "responses": row.responses,
              "target": number(survey.target, 2)}
    return NcInput(description=t("voice.nc.criterion.description", "vi", **params),
                   title=t("voice.nc.criterion.title", "vi", **params)[:300],
                   grade=NcGrade.MINOR.value, source=NcSource.CITIZEN_FEEDBACK.value,
                   clause="9.1.2", found_on=min(period.end_date, day))


def _feedback_input(s: Session, actor: Actor, ident: int, day: date) -> NcInput:
    row = owned(s, CitizenFeedback, ident, actor)
    if not rules.is_late(row.due_on, row.answered_on, day):
        raise ValidationFailed("voice.nc_not_late")
    params = {"received": vn_short_date(row.received_on), "subject": row.subject,
              "channel": t(f"field.voice.channel.{row.channel}", "vi"),
              "citizen": row.citizen or t("voice.nc.anonymous", "vi"),
              "due": vn_short_date(row.due_on),
              "answered": vn_short_date(row.answered_on) if row.answered_on else ""}
    key = "answered_late" if row.answered_on else "unanswered"
    task = s.scalar(select(TraceLink.task_id).where(TraceLink.entity_type == FEEDBACK,
                                                    TraceLink.entity_id == row.id)
                    .order_by(TraceLink.id).limit(1))
    return NcInput(description=t(f"voice.nc.feedback.{key}", "vi", **params),
                   title=t("voice.nc.feedback.title", "vi", **params)[:300],
                   grade=NcGrade.MINOR.value, source=NcSource.CITIZEN_FEEDBACK.value,
                   clause="8.2.1", unit_id=row.unit_id, owner_id=row.handler_id,
                   found_on=row.answered_on or day, plan_task_id=task)


def raise_voice_nc(actor: Actor, source_type: str, source_id: int) -> NcRaised:
    """The record's nonconformity: made now (prefilled) or, if it exists, returned as is."""
    actor.require("voice.raise_nc")
    ident = v.reference(source_id, "error.not_found")
    if source_type not in (CRITERION, FEEDBACK) or ident is None:
        raise ValidationFailed("nc.bad_source_type", value=str(source_type)[:40])
    model = SatisfactionCriterion if source_type == CRITERION else CitizenFeedback
    with unit_of_work() as uow:
        s = uow.session
        # the record's row lock makes a double click on PostgreSQL wait for the first one
        # (SQLite writers are serialised already), so the second finds its nonconformity
        if s.get(model, ident, with_for_update=True) is None:
            raise NotFound("error.not_found")
        found = existing_nc(s, actor.organization_id, source_type, ident)
        if found is not None:
            return NcRaised(found.id, found.number, False)
        build = _criterion_input if source_type == CRITERION else _feedback_input
        nc = insert_nonconformity(s, actor, source_type, ident, build(s, actor, ident, today()))
        uow.commit()
        return NcRaised(nc.id, nc.number, True)
