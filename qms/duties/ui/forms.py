"""The self-inspection page's forms: the owner adds evidence and submits; the ISO officer
accepts or returns submitted reports, and adds duties by hand."""

from __future__ import annotations

import streamlit as st

from qms.auth.organization_queries import UnitView
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.duties import reporting as duties
from qms.duties.queries import DutyRow, report_evidence
from qms.duties.rules import WORKFLOW, DutyStep, Recurrence
from qms.ui.evidence_fields import evidence_fields
from qms.ui.widgets import run_action


def may_submit(actor: Actor, row: DutyRow) -> bool:
    """Whether the actor answers for the duty (its unit's officer or its owner person)."""
    return actor.can("duty.submit", unit_id=row.owner_unit_id, owner_id=row.owner_user_id)


def owner_forms(actor: Actor, row: DutyRow, choices: list[tuple[int, str]]) -> None:
    """Add evidence (new, with its file, or an existing record), then submit the period."""
    if not may_submit(actor, row) or not WORKFLOW.allows(row.status, DutyStep.SUBMIT):
        return
    with st.form("duty.evidence.form", clear_on_submit=True):
        st.markdown(f"**{t('duty.evidence.add')}**")
        new = evidence_fields("duty.ev.{field}")
        ids: list[int | None] = [None, *[i for i, _ in choices]]
        labels = dict(choices)
        existing = st.selectbox(t("duty.evidence.existing"), ids, key="duty.ev.existing",
                                format_func=lambda i: labels.get(i, t("duty.evidence.new")))
        if st.form_submit_button(t("duty.evidence.submit")):
            def add() -> None:
                if existing is not None:
                    duties.add_report_evidence(actor, row.duty_id, row.period_id,
                                               evidence_id=existing)
                    return
                duties.add_report_evidence(actor, row.duty_id, row.period_id, new.data,
                                           new.file_name, new.content)

            run_action(add, t("duty.evidence.done"))
    _submit_form(actor, row)


def _submit_form(actor: Actor, row: DutyRow) -> None:
    with st.form("duty.submit.form"):
        st.caption(t("duty.submit.hint", n=row.evidence))
        if st.form_submit_button(t("duty.submit"), type="primary"):
            run_action(lambda: duties.submit_report(actor, row.duty_id, row.period_id,
                                                    row.version), t("duty.submit.done"))


def decide_form(actor: Actor, row: DutyRow) -> None:
    """Accept, or return with a comment (required), one submitted report."""
    if not actor.can("duty.decide") or not WORKFLOW.allows(row.status, DutyStep.ACCEPT) \
            or row.report_id is None:
        return
    report_id, version = row.report_id, row.version or 1
    with st.form(f"duty.decide.{report_id}"):
        st.markdown(f"**{row.period}** · {(row.code + ' — ') if row.code else ''}"
                    f"{row.title[:160]} · {row.owner_unit or row.owner_user} · "
                    f"{t('duty.col.evidence')}: {row.evidence}")
        for e in report_evidence(actor.organization_id, report_id):
            st.markdown(f"- {' — '.join(x for x in (e.doc_number, e.title, e.file_name) if x)}")
        comment = st.text_area(t("field.duty.comment"), key=f"duty.decide.comment.{report_id}")
        cols = st.columns(2)
        accept = cols[0].form_submit_button(t("duty.accept"), type="primary")
        back = cols[1].form_submit_button(t("duty.return"))
    if accept:
        run_action(lambda: duties.accept_report(actor, report_id, version, comment),
                   t("duty.accept.done"))
    if back:
        run_action(lambda: duties.return_report(actor, report_id, version, comment),
                   t("duty.return.done"))


def queue(actor: Actor, rows: list[DutyRow]) -> None:
    """For the ISO officer: every submitted report, each with its decision form."""
    if not actor.can("duty.decide"):
        return
    st.markdown(f"### {t('duty.queue')}")
    if not rows:
        st.caption(t("duty.queue.none"))
    for r in rows:
        decide_form(actor, r)


def new_duty_form(actor: Actor, plan_id: int, units: list[UnitView],
                  users: list[tuple[int, str]], tasks: list[tuple[int, str]]) -> None:
    """For the ISO officer and the administrator: a duty added by hand."""
    if not actor.can("duty.manage"):
        return
    unit_names = {u.id: u.name for u in units}
    user_names, task_names = dict(users), dict(tasks)
    with st.expander(t("duty.new")), st.form("duty.new.form", clear_on_submit=True):
        title = st.text_input(t("field.duty.title"), key="duty.new.title")
        cols = st.columns(2)
        unit = cols[0].selectbox(t("field.plan.owner_unit"), [None, *unit_names],
                                 key="duty.new.unit",
                                 format_func=lambda i: unit_names.get(i, "—"))
        user = cols[1].selectbox(t("field.plan.owner_user"), [None, *user_names],
                                 key="duty.new.user",
                                 format_func=lambda i: user_names.get(i, "—"))
        task = st.selectbox(t("duty.new.task"), [None, *task_names], key="duty.new.task",
                            format_func=lambda i: task_names.get(i, "—"))
        recurrence = st.radio(t("field.duty.recurrence"), [r.value for r in Recurrence],
                              key="duty.new.recurrence", horizontal=True,
                              format_func=lambda r: t(f"field.duty.recurrence.{r}"))
        if st.form_submit_button(t("duty.new.submit")):
            run_action(lambda: duties.add_duty(actor, duties.DutyInput(
                plan_id, title, unit, user, task, recurrence)), t("duty.new.done"))
