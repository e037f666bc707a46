"""The feedback tab: filters (``?period=ID``, ``?overdue=1``, ``?feedback=ID``), the register
with its Excel export, the form for new feedback, and one feedback's answer and
nonconformity."""

from __future__ import annotations

from datetime import date

import streamlit as st

from qms.auth.organization_queries import UnitView
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.duties.queries import PeriodOption
from qms.reports.excel import frame_to_xlsx, stamp
from qms.ui.widgets import run_action
from qms.voice import rules
from qms.voice.queries import FeedbackFilter, FeedbackRow, feedback_frame
from qms.voice.recording import FeedbackInput, answer_feedback, record_feedback
from qms.voice.rules import FEEDBACK, may_answer
from qms.voice.ui.escalation import nc_button

CHANNELS = [c.value for c in rules.Channel]
ICON = {"open": "⚪", "overdue": "🔴", "answered": "✅", "answered_late": "🟠"}


def filters(periods: list[PeriodOption], units: list[UnitView]) -> FeedbackFilter:
    q = st.query_params
    cols = st.columns(3)
    ids: list[int | None] = [None, *[p.id for p in periods]]
    names = {p.id: p.name for p in periods}
    raw = q.get("period", "")
    period = cols[0].selectbox(t("voice.filter.period"), ids, key="voice.fb.filter.period",
                               index=ids.index(int(raw)) if raw.isdigit() and int(raw) in ids
                               else 0, format_func=lambda i: names.get(i, t("filter.all")))
    unit_ids: list[int | None] = [None, *[u.id for u in units]]
    unit_names = {u.id: u.name for u in units}
    unit = cols[1].selectbox(t("field.voice.unit"), unit_ids, key="voice.fb.filter.unit",
                             format_func=lambda u: unit_names.get(u, t("filter.all")))
    overdue = cols[2].checkbox(t("voice.filter.overdue"), value=q.get("overdue") == "1",
                               key="voice.fb.filter.overdue")
    chosen = next((p for p in periods if p.id == period), None)
    return FeedbackFilter(chosen.start_date if chosen else None,
                          chosen.end_date if chosen else None, overdue, unit)


def table(rows: list[FeedbackRow]) -> None:
    if not rows:
        st.info(t("voice.fb.none"))
        return
    frame = feedback_frame(rows)
    st.dataframe(frame, hide_index=True, key="voice.fb.table")
    st.download_button(t("voice.fb.export"), frame_to_xlsx(frame, t("voice.fb.sheet")),
                       file_name=f"phan-anh-kien-nghi-{stamp()}.xlsx", key="voice.fb.export",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def new_form(actor: Actor, day: date, units: list[UnitView],
             people: list[tuple[int, str]], tasks: list[tuple[int, str]]) -> None:
    if not actor.can("voice.record"):
        return
    unit_ids: list[int | None] = [None, *[u.id for u in units]]
    unit_names = {u.id: u.name for u in units}
    person_ids: list[int | None] = [None, *[p for p, _ in people]]
    person_names = dict(people)
    task_ids: list[int | None] = [None, *[i for i, _ in tasks]]
    task_names = dict(tasks)
    with st.expander(t("voice.fb.new.title")), st.form("voice.fb.new"):
        cols = st.columns(3)
        received = cols[0].date_input(t("field.voice.received_on"), value=day,
                                      key="voice.fb.new.received_on", format="DD/MM/YYYY")
        channel = cols[1].selectbox(t("field.voice.channel"), CHANNELS, key="voice.fb.new.channel",
                                    format_func=lambda c: t(f"field.voice.channel.{c}"))
        due = cols[2].date_input(t("field.voice.due_on"), value=None, key="voice.fb.new.due_on",
                                 format="DD/MM/YYYY",
                                 help=t("voice.fb.new.due_help", days=rules.answer_days()))
        citizen = st.text_input(t("field.voice.citizen"), key="voice.fb.new.citizen")
        subject = st.text_input(t("field.voice.subject"), key="voice.fb.new.subject")
        content = st.text_area(t("field.voice.content"), key="voice.fb.new.content")
        cols = st.columns(3)
        unit = cols[0].selectbox(t("field.voice.unit"), unit_ids, key="voice.fb.new.unit",
                                 format_func=lambda u: unit_names.get(u, "—"))
        handler = cols[1].selectbox(t("field.voice.handler"), person_ids,
                                    key="voice.fb.new.handler",
                                    format_func=lambda p: person_names.get(p, "—"))
        task = cols[2].selectbox(t("voice.fb.new.task"), task_ids, key="voice.fb.new.task",
                                 format_func=lambda i: task_names.get(i, "—"))
        if st.form_submit_button(t("voice.fb.new.submit"), type="primary"):
            run_action(lambda: record_feedback(actor, FeedbackInput(
                received, channel, subject, content, citizen, unit, handler, due, task)),
                t("voice.fb.new.done"))


def choose(rows: list[FeedbackRow]) -> FeedbackRow | None:
    """One feedback of the list (``?feedback=ID`` preselects it)."""
    if not rows:
        return None
    by_id = {r.id: r for r in rows}
    ids = list(by_id)
    raw = st.query_params.get("feedback", "")
    index = ids.index(int(raw)) if raw.isdigit() and int(raw) in ids else 0
    picked = st.selectbox(t("voice.fb.pick"), ids, index=index, key="voice.fb.pick",
                          format_func=lambda i: f"{ICON[by_id[i].state]} "
                          f"{vn_short_date(by_id[i].received_on)} — {by_id[i].subject[:100]}")
    return by_id.get(picked)


def detail(actor: Actor, row: FeedbackRow, day: date) -> None:
    st.markdown(t("voice.fb.detail", received=vn_short_date(row.received_on),
                  channel=t(f"field.voice.channel.{row.channel}"),
                  due=vn_short_date(row.due_on),
                  state=f"{ICON[row.state]} {t(f'field.voice.state.{row.state}')}"))
    if row.answer:
        st.caption(t("voice.fb.answered", date=vn_short_date(row.answered_on)
                     if row.answered_on else "", answer=row.answer))
    if row.late:
        nc_button(actor, FEEDBACK, row.id, row.nc_number)
    if may_answer(actor, row.unit_id, row.handler_id):
        _answer_form(actor, row, day)


def _answer_form(actor: Actor, row: FeedbackRow, day: date) -> None:
    with st.form(f"voice.fb.answer.{row.id}"):
        answered = st.date_input(t("field.voice.answered_on"), value=row.answered_on or day,
                                 key=f"voice.fb.answer.on.{row.id}", format="DD/MM/YYYY")
        answer = st.text_area(t("field.voice.answer"), value=row.answer,
                              key=f"voice.fb.answer.text.{row.id}")
        if st.form_submit_button(t("voice.fb.answer.submit"), type="primary"):
            run_action(lambda: answer_feedback(actor, row.id, answered, answer, row.version),
                       t("voice.fb.answer.done"))
