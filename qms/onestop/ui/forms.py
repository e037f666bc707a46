"""The one-stop figures page: figures per reporting period, the form to record them, and the
nonconformities they propose, each confirmed or dismissed by the ISO officer."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.core.actor import Actor
from qms.core.i18n import t
from qms.nonconformities.ui.detail import PENDING
from qms.onestop.queries import PeriodFigures, ProposalView, target_tasks
from qms.onestop.recording import decide_proposal, record_figures
from qms.onestop.rules import WORKFLOW, Figures, ProposalStep
from qms.ui.widgets import run_action

COUNTS = ("received", "early", "on_time", "late", "apologies")


def figures_table(rows: list[PeriodFigures]) -> None:
    """The figures per period; ``?period=ID`` (the dashboard's link) shows that period only."""
    wanted = st.query_params.get("period", "")
    chosen = [r for r in rows if str(r.period_id) == wanted]
    if chosen:
        st.caption(t("onestop.period_only", period=chosen[0].period))
        rows = chosen

    def rate(f: Figures | None) -> str:
        value = f.on_time_rate if f else None
        return "" if value is None else f"{value:g}%"

    st.dataframe(pd.DataFrame([{
        t("onestop.col.period"): r.period,
        **{t(f"onestop.field.{c}"): getattr(r.figures, c) if r.figures else None
           for c in COUNTS},
        t("onestop.col.rate"): rate(r.figures),
        t("onestop.col.target"): f"{r.task_code}: {r.target_text}" if r.task_code else "",
        t("onestop.col.met"): "" if r.met is None else "✅" if r.met else "❌",
    } for r in rows]), hide_index=True, key="onestop.table")


def record_form(actor: Actor, plan_id: int, rows: list[PeriodFigures]) -> None:
    if not actor.can("onestop.record") or not rows:
        return
    tasks, default = target_tasks(plan_id)
    labels = {x.task_id: f"{x.code} — {x.target_text} — {x.text[:80]}" for x in tasks}
    ids: list[int | None] = [None, *labels]
    with st.form("onestop.form"):
        st.markdown(f"**{t('onestop.form.title')}**")
        period = st.selectbox(t("onestop.col.period"), rows, key="onestop.form.period",
                              format_func=lambda r: r.period)
        task = st.selectbox(t("onestop.form.task"), ids, key="onestop.form.task",
                            index=ids.index(default) if default in ids else 0,
                            format_func=lambda i: labels.get(i, t("onestop.form.task_auto")))
        cols = st.columns(len(COUNTS))
        values = {c: int(col.number_input(t(f"onestop.field.{c}"), min_value=0, step=1,
                                          key=f"onestop.form.{c}"))
                  for c, col in zip(COUNTS, cols, strict=True)}
        note = st.text_input(t("field.note"), key="onestop.form.note")
        if st.form_submit_button(t("onestop.form.submit"), type="primary"):
            run_action(lambda: record_figures(actor, period.period_id, Figures(**values),
                                              task_id=task, note=note),
                       t("onestop.form.done"))


def proposals_panel(actor: Actor, items: list[ProposalView]) -> None:
    st.markdown(f"**{t('onestop.proposals.title')}**")
    if not items:
        st.caption(t("onestop.proposals.none"))
        return
    for p in items:
        state = t(f"field.onestop.status.{p.status}")
        line = t("onestop.proposal.line", period=p.period, rate=f"{p.rate:g}",
                 target=p.target_text, task=p.task_code, status=state)
        st.markdown(f"- {line}" + (f" → {p.nc_number}" if p.nc_number else "")
                    + (f" ({p.reason})" if p.reason else ""))
        if WORKFLOW.allows(p.status, ProposalStep.CONFIRM) and actor.can("onestop.decide"):
            _decide_form(actor, p)


def _decide_form(actor: Actor, p: ProposalView) -> None:
    with st.form(f"onestop.decide.{p.id}"):
        reason = st.text_input(t("onestop.decide.reason"), key=f"onestop.decide.reason.{p.id}")
        cols = st.columns(2)
        confirm = cols[0].form_submit_button(t("onestop.decide.confirm"), type="primary")
        dismiss = cols[1].form_submit_button(t("onestop.decide.dismiss"))
    if confirm or dismiss:
        def decide() -> None:
            nc_id = decide_proposal(actor, p.id, bool(confirm), reason, p.version)
            if nc_id is not None:
                st.session_state[PENDING] = nc_id

        run_action(decide, t("onestop.decide.confirmed" if confirm else
                             "onestop.decide.dismissed"))
