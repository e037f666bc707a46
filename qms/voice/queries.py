"""Read side of the citizens' voice: each reporting period's satisfaction survey (criteria,
share satisfied, target, nonconformity raised) and the feedback register with its filters,
its state on a given day and its Excel export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from qms.auth.models import Unit, User
from qms.core.i18n import t
from qms.core.text import fold
from qms.db.uow import read_session
from qms.nonconformities.models import Nonconformity
from qms.plan.models import Plan, PlanTarget, PlanTask, ReportingPeriod
from qms.reports.sections import day
from qms.trace.linkable_queries import Linkable
from qms.voice import rules
from qms.voice.models import CitizenFeedback, SatisfactionCriterion, SatisfactionSurvey
from qms.voice.rules import CRITERION, FEEDBACK


@dataclass(frozen=True)
class CriterionView:
    id: int
    criterion: str
    responses: int
    satisfied: int
    share: float | None
    below: bool
    nc_id: int | None
    nc_number: str


@dataclass(frozen=True)
class SurveyView:
    period_id: int
    period: str
    survey_id: int | None
    version: int | None
    target: float  # the saved target, else the plan's, else 90 %
    note: str
    criteria: tuple[CriterionView, ...]


def _ncs(s, source_type: str, ids: list[int]) -> dict[int, tuple[int, str]]:  # type: ignore[no-untyped-def]
    if not ids:
        return {}
    rows = s.execute(select(Nonconformity.source_id, Nonconformity.id, Nonconformity.number)
                     .where(Nonconformity.source_type == source_type,
                            Nonconformity.source_id.in_(ids)).order_by(Nonconformity.id))
    found: dict[int, tuple[int, str]] = {}
    for source_id, nc_id, nc_number in rows:
        found.setdefault(source_id, (nc_id, nc_number))
    return found


def surveys(org_id: int, plan_id: int) -> list[SurveyView]:
    """Every reporting period of the plan with its survey (or an empty one to fill in)."""
    with read_session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.organization_id != org_id:
            return []
        default = plan_target(s, plan_id)
        default = rules.DEFAULT_TARGET if default is None else default
        periods = s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == plan_id)
                            .order_by(ReportingPeriod.ordinal)).all()
        saved = {r.period_id: r for r in s.scalars(select(SatisfactionSurvey).where(
            SatisfactionSurvey.organization_id == org_id,
            SatisfactionSurvey.period_id.in_([p.id for p in periods])))}
        criteria = s.scalars(select(SatisfactionCriterion).where(
            SatisfactionCriterion.survey_id.in_([r.id for r in saved.values()]))
            .order_by(SatisfactionCriterion.survey_id, SatisfactionCriterion.ordinal)).all()
        ncs = _ncs(s, CRITERION, [c.id for c in criteria])
        result = []
        for p in periods:
            row = saved.get(p.id)
            target = row.target if row else default
            mine = tuple(CriterionView(
                c.id, c.criterion, c.responses, c.satisfied, rules.share(c.responses, c.satisfied),
                rules.below_target(c.responses, c.satisfied, target),
                *ncs.get(c.id, (None, ""))) for c in criteria if row and c.survey_id == row.id)
            result.append(SurveyView(p.id, p.name, row.id if row else None,
                                     row.version if row else None, target,
                                     row.note if row else "", mine))
        return result


@dataclass(frozen=True)
class FeedbackFilter:
    start: date | None = None  # received on or after
    end: date | None = None  # received on or before
    overdue_only: bool = False  # unanswered past the deadline
    unit_id: int | None = None


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    received_on: date
    channel: str
    citizen: str
    subject: str
    content: str
    unit_id: int | None
    unit: str
    handler_id: int | None
    handler: str
    due_on: date
    answered_on: date | None
    answer: str
    state: str  # rules.FeedbackState
    nc_id: int | None
    nc_number: str
    version: int

    @property
    def late(self) -> bool:
        return self.state in (rules.FeedbackState.OVERDUE, rules.FeedbackState.ANSWERED_LATE)


Handler = aliased(User)


def _query(org_id: int, f: FeedbackFilter, today: date) -> Select:  # type: ignore[type-arg]
    F = CitizenFeedback
    query = (select(F, Unit.name, Handler.full_name)
             .outerjoin(Unit, Unit.id == F.unit_id)
             .outerjoin(Handler, Handler.id == F.handler_id)
             .where(F.organization_id == org_id)
             .order_by(F.received_on.desc(), F.id.desc()))
    if f.start is not None:
        query = query.where(F.received_on >= f.start)
    if f.end is not None:
        query = query.where(F.received_on <= f.end)
    if f.overdue_only:
        query = query.where(F.answered_on.is_(None), F.due_on < today)
    if f.unit_id is not None:
        query = query.where(F.unit_id == f.unit_id)
    return query


def feedback(org_id: int, today: date, f: FeedbackFilter = FeedbackFilter()) -> list[FeedbackRow]:
    """The register, newest first, each with its state on ``today`` and its nonconformity."""
    with read_session() as s:
        rows = s.execute(_query(org_id, f, today)).all()
        ncs = _ncs(s, FEEDBACK, [r[0].id for r in rows])
        return [FeedbackRow(r.id, r.received_on, r.channel, r.citizen, r.subject, r.content,
                            r.unit_id, unit or "", r.handler_id, handler or "", r.due_on,
                            r.answered_on, r.answer,
                            rules.state(r.due_on, r.answered_on, today).value,
                            *ncs.get(r.id, (None, "")), r.version)
                for r, unit, handler in rows]


def feedback_frame(rows: list[FeedbackRow]) -> pd.DataFrame:
    """The register as the page and the Excel export show it (Vietnamese headers)."""
    return pd.DataFrame([{
        t("voice.col.received_on"): day(r.received_on),
        t("field.voice.channel"): t(f"field.voice.channel.{r.channel}"),
        t("field.voice.citizen"): r.citizen,
        t("field.voice.subject"): r.subject,
        t("field.voice.content"): r.content,
        t("voice.col.handling"): " / ".join(x for x in (r.unit, r.handler) if x),
        t("field.voice.due_on"): day(r.due_on),
        t("field.voice.answered_on"): day(r.answered_on),
        t("field.voice.answer"): r.answer,
        t("voice.col.state"): t(f"field.voice.state.{r.state}"),
        t("voice.col.nc"): r.nc_number,
    } for r in rows], columns=[t(k) for k in FRAME_KEYS])


FRAME_KEYS = ("voice.col.received_on", "field.voice.channel", "field.voice.citizen",
              "field.voice.subject", "field.voice.content", "voice.col.handling",
              "field.voice.due_on", "field.voice.answered_on", "field.voice.answer",
              "voice.col.state", "voice.col.nc")


def plan_target(s: Session, plan_id: int) -> float | None:
    """The plan's satisfaction target: a target on a task that speaks of "hài lòng"."""
    rows = s.execute(select(PlanTask.text, PlanTarget.value)
                     .join(PlanTarget, PlanTarget.task_id == PlanTask.id)
                     .where(PlanTask.plan_id == plan_id).order_by(PlanTask.id)).all()
    return next((float(value) for text, value in rows
                 if rules.SATISFACTION_WORDS in fold(text)), None)


CITIZEN_FEEDBACK = Linkable("citizen_feedback", CitizenFeedback, lambda f: f.subject[:160])
