"""The workflow forms of one nonconformity, each shown only to roles that may use it:
analysis, actions and the plan, action reports, effectiveness check, closure, cancellation."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from qms.auth.queries import list_users
from qms.core.actions import ActionStatus
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.nonconformities import actions as ca
from qms.nonconformities.detail_queries import ActionView, NcDetail
from qms.nonconformities.recording import AnalysisInput, analyse_nonconformity
from qms.nonconformities.records import verify_wait_days
from qms.nonconformities.rules import WORKFLOW, NcStep
from qms.nonconformities.ui.new import UPLOAD_TYPES, similar_list
from qms.nonconformities.vocabulary_rules import MAX_WHYS, CauseCategory
from qms.reports.sections import day
from qms.ui.widgets import reason_form, run_action


def _may(actor: Actor, action: str, nc: NcDetail) -> bool:
    return actor.can(action, unit_id=nc.unit_id, owner_id=nc.owner_id)


def workflow(actor: Actor, nc: NcDetail, today: date) -> None:
    """Whatever the actor may do next with this nonconformity: the steps its status allows
    (``WORKFLOW``), each to those the permission matrix lets take it."""
    steps = WORKFLOW.steps_from(nc.status)
    if NcStep.ANALYSE in steps and _may(actor, "nc.analyse", nc):
        analysis_form(actor, nc)
    if NcStep.EDIT_ACTIONS in steps and _may(actor, "nc.plan", nc):
        action_form(actor, nc, today)
        reschedule_form(actor, nc)
    if NcStep.PLAN in steps and _may(actor, "nc.plan", nc):
        _button("nc.plan", t("nc.plan.button"), t("nc.plan.done"),
                lambda: ca.plan_actions(actor, nc.id, nc.version))
    if NcStep.REPORT in steps:
        report_form(actor, nc, today)
    if NcStep.VERIFY in steps:
        _check_and_close(actor, nc, today)
    if NcStep.CANCEL in steps and actor.can("nc.cancel"):
        cancel_form(actor, nc)


def _button(key: str, label: str, done: str, action) -> None:  # type: ignore[no-untyped-def]
    with st.form(key):
        if st.form_submit_button(label, type="primary"):
            run_action(action, done)


def analysis_form(actor: Actor, nc: NcDetail) -> None:
    st.markdown(f"**{t('nc.analysis.form')}**")
    similar_list(actor.organization_id, nc.clause, nc.unit_id, nc.document_id,
                 nc.procedure_text, exclude_id=nc.id)
    suffix = f"{nc.id}.{nc.version}"  # a new version reloads the fields
    with st.form("nc.analysis"):
        correction = st.text_area(t("field.nc.correction"), value=nc.correction,
                                  key=f"nc.analysis.correction.{suffix}")
        consequences = st.text_area(t("field.nc.consequences"), value=nc.consequences,
                                    key=f"nc.analysis.consequences.{suffix}")
        whys = [st.text_input(t("nc.why", n=i + 1), key=f"nc.analysis.why{i + 1}.{suffix}",
                              value=nc.why_chain[i] if i < len(nc.why_chain) else "")
                for i in range(MAX_WHYS)]
        causes = [c.value for c in CauseCategory]
        category = st.selectbox(t("nc.field.cause_category"), causes,
                                index=causes.index(nc.cause_category)
                                if nc.cause_category in causes else 0,
                                key=f"nc.analysis.category.{suffix}",
                                format_func=lambda c: t(f"nc.cause.{c}"))
        root = st.text_area(t("field.nc.root_cause"), value=nc.root_cause,
                            key=f"nc.analysis.root_cause.{suffix}")
        similar = st.radio(t("nc.field.similar_exist"), [None, True, False], horizontal=True,
                           index=[None, True, False].index(nc.similar_exist),
                           key=f"nc.analysis.similar.{suffix}",
                           format_func=lambda x: "—" if x is None else
                           t("common.yes") if x else t("nc.no"))
        note = st.text_input(t("field.nc.similar_note"), value=nc.similar_note,
                             key=f"nc.analysis.similar_note.{suffix}")
        if st.form_submit_button(t("nc.analysis.submit"), type="primary"):
            data = AnalysisInput(correction, root, category, similar, tuple(whys),
                                 consequences, note)
            run_action(lambda: analyse_nonconformity(actor, nc.id, data, nc.version),
                       t("nc.analysis.done"))


def action_form(actor: Actor, nc: NcDetail, today: date) -> None:
    people = {u.id: u.full_name for u in list_users(actor.organization_id) if u.is_active}
    with st.form("nc.action.add", clear_on_submit=True):
        st.markdown(f"**{t('nc.action.add.title')}**")
        description = st.text_area(t("field.nc.action"), key="nc.action.description")
        cols = st.columns(2)
        owner = cols[0].selectbox(t("nc.field.action_owner"), [None, *people],
                                  key="nc.action.owner", format_func=lambda i: people.get(i, "—"))
        due = cols[1].date_input(t("nc.col.due"), value=today + timedelta(days=14),
                                 key="nc.action.due", format="DD/MM/YYYY")
        if st.form_submit_button(t("nc.action.add.submit")):
            data = ca.ActionInput(description, owner, due)
            run_action(lambda: ca.add_action(actor, nc.id, data), t("nc.action.add.done"))


def reschedule_form(actor: Actor, nc: NcDetail) -> None:
    """Hand an open action to someone else or move its deadline, with the reason."""
    actions = [a for a in nc.current_actions if a.status != ActionStatus.DONE]
    if not actions:
        return
    people = {u.id: u.full_name for u in list_users(actor.organization_id) if u.is_active}
    with st.expander(t("nc.action.reschedule.title")), st.form("nc.reschedule"):
        action = st.selectbox(t("field.nc.action"), actions, key="nc.reschedule.action",
                              format_func=lambda a: f"{a.ordinal}. {a.description[:100]} "
                                                    f"({a.owner}, {day(a.due_date)})")
        cols = st.columns(2)
        owner = cols[0].selectbox(t("nc.field.action_owner"), [None, *people],
                                  index=[None, *people].index(action.owner_id)
                                  if action.owner_id in people else 0,
                                  key="nc.reschedule.owner",
                                  format_func=lambda i: people.get(i, "—"))
        due = cols[1].date_input(t("nc.col.due"), value=action.due_date,
                                 key="nc.reschedule.due", format="DD/MM/YYYY")
        reason = st.text_input(t("field.reason"), key="nc.reschedule.reason")
        if st.form_submit_button(t("nc.action.reschedule.submit")):
            data = ca.ActionChange(owner, due, reason)
            run_action(lambda: ca.reschedule_action(actor, action.id, data, action.version),
                       t("nc.action.reschedule.done"))


def _reportable(actor: Actor, nc: NcDetail) -> list[ActionView]:
    return [a for a in nc.current_actions if a.status != ActionStatus.DONE and actor.can(
        "nc.action_update", unit_id=a.owner_unit_id, owner_id=a.owner_id,
        action_owner_id=a.owner_id)]


def report_form(actor: Actor, nc: NcDetail, today: date) -> None:
    """The owner reports progress or completion of one of their actions."""
    actions = _reportable(actor, nc)
    if not actions:
        return
    with st.form("nc.report", clear_on_submit=True):
        st.markdown(f"**{t('nc.report.title')}**")
        action = st.selectbox(t("field.nc.action"), actions, key="nc.report.action",
                              format_func=lambda a: f"{a.ordinal}. {a.description[:100]} "
                                                    f"({a.owner}, {day(a.due_date)})")
        statuses = [s.value for s in ActionStatus]
        cols = st.columns(2)
        status = cols[0].selectbox(t("nc.col.status"), statuses, index=2,
                                   key="nc.report.status",
                                   format_func=lambda s: t(f"field.nc.action_status.{s}"))
        done_on = cols[1].date_input(t("nc.col.done_on"), value=today, max_value=today,
                                     key="nc.report.done_on", format="DD/MM/YYYY")
        note = st.text_area(t("field.nc.done_note"), key="nc.report.note")
        evidence = st.text_input(t("field.nc.evidence"), key="nc.report.evidence")
        upload = st.file_uploader(t("nc.field.files"), type=UPLOAD_TYPES, key="nc.report.file")
        if st.form_submit_button(t("nc.report.submit"), type="primary"):
            data = ca.ActionUpdate(status, note, done_on, evidence)
            run_action(lambda: ca.update_action(
                actor, action.id, data, action.version, upload.name if upload else "",
                upload.getvalue() if upload else None), t("nc.report.done"))


def _check_and_close(actor: Actor, nc: NcDetail, today: date) -> None:
    latest = nc.latest_verification
    if latest is not None and latest.effective:
        if actor.can("nc.close"):
            _button("nc.close", t("nc.close.button"), t("nc.close.done"),
                    lambda: ca.close_nonconformity(actor, nc.id, nc.version))
        else:
            st.caption(t("nc.close.waiting"))
        return
    if not _may(actor, "nc.verify", nc) or actor.user_id in nc.owner_ids:
        st.caption(t("nc.verify.waiting"))
        return
    earliest = nc.earliest_verification(verify_wait_days())
    if earliest is not None and earliest > today:
        st.info(t("nc.verify.not_yet", date=day(earliest)))
    with st.form("nc.verify"):
        st.markdown(f"**{t('nc.verify.title')}**")
        effective = st.radio(t("nc.col.result"), [True, False], horizontal=True,
                             key="nc.verify.effective", format_func=lambda x: t(
                                 "nc.effective") if x else t("nc.not_effective"))
        note = st.text_area(t("field.nc.verification_note"), key="nc.verify.note")
        if st.form_submit_button(t("nc.verify.submit"), type="primary"):
            data = ca.VerificationInput(bool(effective), note)
            run_action(lambda: ca.verify_effectiveness(actor, nc.id, data, nc.version),
                       t("nc.verify.done"))


def cancel_form(actor: Actor, nc: NcDetail) -> None:
    reason_form("nc.cancel", t("nc.cancel.title"), t("nc.cancel.button"),
                lambda reason: ca.cancel_nonconformity(actor, nc.id, reason, nc.version),
                t("nc.cancel.done"))
