"""The satisfaction tab: share satisfied against the target per period (chart), the chosen
period's criteria with the one-click nonconformity, and the form that records them."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from qms.core.actor import Actor
from qms.core.errors import ValidationFailed
from qms.core.i18n import t
from qms.reports.sections import number
from qms.ui.deep_link import preset
from qms.ui.widgets import run_action
from qms.voice import rules
from qms.voice.queries import SurveyView
from qms.voice.recording import CriterionInput, save_survey
from qms.voice.rules import CRITERION
from qms.voice.ui.escalation import nc_button

EDITOR = "voice.sat.editor"
COLUMNS = ("criterion", "responses", "satisfied")


def chart(rows: list[SurveyView]) -> None:
    """Overall share satisfied of each period that has results, beside its target."""
    points = []
    for n, r in enumerate(rows, start=1):  # numbered: the chart orders its axis by text
        share = rules.share(sum(c.responses for c in r.criteria),
                            sum(c.satisfied for c in r.criteria))
        if share is not None:
            points.append({t("plan.period"): f"{n}. {r.period}", t("voice.chart.share"): share,
                           t("voice.chart.target"): r.target})
    if points:
        st.line_chart(pd.DataFrame(points).set_index(t("plan.period")))


def choose(rows: list[SurveyView]) -> SurveyView:
    """The period (``?period=ID`` wins, else the first); chosen by id, so the choice shows
    the survey as just saved."""
    by_id = {r.period_id: r for r in rows}
    ids = list(by_id)
    index = preset(ids, "period")
    chosen = st.selectbox(t("plan.period"), ids, index=index, key="voice.sat.period",
                          format_func=lambda i: by_id[i].period)
    return by_id.get(chosen, rows[0])


def criteria(actor: Actor, row: SurveyView) -> None:
    if not row.criteria:
        st.info(t("voice.sat.none"))
        return
    st.caption(t("voice.sat.target_line", target=number(row.target, 2)))
    st.dataframe(pd.DataFrame([{
        t("field.voice.criterion"): c.criterion, t("field.voice.responses"): c.responses,
        t("field.voice.satisfied"): c.satisfied,
        t("voice.section.col.share"): number(c.share, 2),
        t("voice.col.met"): "" if c.share is None else "❌" if c.below else "✅",
        t("voice.col.nc"): c.nc_number,
    } for c in row.criteria]), hide_index=True, key="voice.sat.table")
    for c in row.criteria:
        if c.below:
            st.markdown(t("voice.sat.below", criterion=c.criterion, share=number(c.share, 2)))
            nc_button(actor, CRITERION, c.id, c.nc_number)


def _inputs(frame: pd.DataFrame) -> list[CriterionInput]:
    """The editor's rows (blank ones dropped); a count that is not a whole number is refused."""
    def count(value: object) -> int:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return 0
        number_ = float(value)  # type: ignore[arg-type]
        if not number_.is_integer():
            raise ValidationFailed("voice.bad_count")
        return int(number_)

    rows = []
    for item in frame.to_dict("records"):
        text = item.get("criterion")
        if not isinstance(text, str) or not text.strip():
            continue
        rows.append(CriterionInput(text, count(item.get("responses")),
                                   count(item.get("satisfied"))))
    return rows


def form(actor: Actor, row: SurveyView) -> None:
    if not actor.can("voice.record"):
        return
    start = pd.DataFrame([{"criterion": c.criterion, "responses": c.responses,
                           "satisfied": c.satisfied} for c in row.criteria],
                         columns=list(COLUMNS))
    with st.form(f"voice.sat.form.{row.period_id}"):
        st.markdown(f"**{t('voice.sat.form.title', period=row.period)}**")
        edited = st.data_editor(start, num_rows="dynamic", key=f"{EDITOR}.{row.period_id}",
                                hide_index=True, column_config={
            "criterion": st.column_config.TextColumn(t("field.voice.criterion"), max_chars=300),
            "responses": st.column_config.NumberColumn(t("field.voice.responses"), min_value=0,
                                                       step=1),
            "satisfied": st.column_config.NumberColumn(t("field.voice.satisfied"), min_value=0,
                                                       step=1)})
        target = st.number_input(t("field.voice.target"), min_value=0.0, max_value=100.0,
                                 value=float(row.target), step=0.5,
                                 key=f"voice.sat.target.{row.period_id}")
        note = st.text_area(t("field.note"), value=row.note, key=f"voice.sat.note.{row.period_id}")
        if st.form_submit_button(t("voice.sat.form.submit"), type="primary"):
            run_action(lambda: save_survey(actor, row.period_id, _inputs(edited), target=target,
                                           note=note, expected_version=row.version),
                       t("voice.sat.form.done"))
