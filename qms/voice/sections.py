"""The citizens' voice in the periodic CCHC report and the management review (ISO 9001
9.3.2 b: customer satisfaction and feedback from relevant interested parties).

``satisfaction_section`` reads the surveys of the reporting periods whose cut-off window lies
inside ``start..end``; ``feedback_section`` the feedback received inside the window.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.db.uow import read_session
from qms.plan.models import ReportingPeriod
from qms.reports.sections import Section, in_window, number, window_text
from qms.voice import rules
from qms.voice.models import CitizenFeedback, SatisfactionCriterion, SatisfactionSurvey

P = ReportingPeriod


def satisfaction_section(org_id: int, start: date, end: date) -> Section | None:
    """Criterion, responses, satisfied, share and target of each survey of a period inside
    the window; ``None`` when there is none."""
    query = (select(P.name, P.start_date, P.end_date, SatisfactionSurvey.target,
                    SatisfactionCriterion.criterion, SatisfactionCriterion.responses,
                    SatisfactionCriterion.satisfied)
             .join(SatisfactionSurvey, SatisfactionSurvey.period_id == P.id)
             .join(SatisfactionCriterion,
                   SatisfactionCriterion.survey_id == SatisfactionSurvey.id)
             .where(SatisfactionSurvey.organization_id == org_id,
                    P.start_date >= start, P.end_date <= end)
             .order_by(P.start_date, P.end_date, SatisfactionCriterion.ordinal))
    with read_session() as s:
        rows = s.execute(query).all()
    if not rows:
        return None
    several = len({r[0] for r in rows}) > 1
    responses = sum(r[5] for r in rows)
    satisfied = sum(r[6] for r in rows)
    below = sum(1 for r in rows if rules.below_target(r[5], r[6], r[3]))
    table = tuple(((f"{r[4]} ({r[0]})" if several else r[4]), str(r[5]), str(r[6]),
                   number(rules.share(r[5], r[6]), 2), number(r[3], 2)) for r in rows)
    overall = rules.share(responses, satisfied)
    summary = t("voice.section.satisfaction.summary", window=window_text(start, end),
                criteria=len(rows), responses=responses,
                share=number(overall, 2) or "—", below=below)
    return Section("satisfaction", t("voice.section.satisfaction.title"), summary,
                   tuple(t(f"voice.section.col.{c}") for c in
                         ("criterion", "responses", "satisfied", "share", "target")),
                   table, {"criteria": float(len(rows)), "responses": float(responses),
                           "satisfied": float(satisfied), "below_target": float(below),
                           **({"share": overall} if overall is not None else {})})


def feedback_section(org_id: int, start: date, end: date) -> Section | None:
    """The feedback received inside the window: subject, channel, deadline, answer and whether
    it came on time (judged at the window's last day); ``None`` when there is none."""
    F = CitizenFeedback
    query = (select(F.received_on, F.channel, F.subject, F.due_on, F.answered_on)
             .where(F.organization_id == org_id, F.received_on >= start, F.received_on <= end)
             .order_by(F.received_on, F.id))
    with read_session() as s:
        rows = [r for r in s.execute(query) if in_window(r.received_on, start, end)]
    if not rows:
        return None
    counts = {state.value: 0 for state in rules.FeedbackState}
    table = []
    for r in rows:
        answered = r.answered_on if r.answered_on and r.answered_on <= end else None
        state = rules.state(r.due_on, answered, end).value
        counts[state] += 1
        table.append((vn_short_date(r.received_on), t(f"field.voice.channel.{r.channel}"),
                      r.subject, vn_short_date(r.due_on),
                      vn_short_date(answered) if answered else "",
                      t(f"field.voice.state.{state}")))
    summary = t("voice.section.feedback.summary", window=window_text(start, end),
                total=len(rows), **counts)
    return Section("feedback", t("voice.section.feedback.title"), summary,
                   tuple(t(f"voice.section.col.{c}") for c in
                         ("received_on", "channel", "subject", "due_on", "answered_on",
                          "state")),
                   tuple(table), {**{k: float(v) for k, v in counts.items()},
                                  "total": float(len(rows))})
