"""The lead auditor's checklist tools on the audit page: generate, assign, add, move, remove."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.audits import checklist as svc
from qms.audits import programme as audits
from qms.audits.checklist import QuestionInput
from qms.audits.queries import AuditView, ItemView
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.ui.widgets import run_action


def table(items: list[ItemView]) -> None:
    """The whole checklist with who answers each question and the result so far."""
    st.dataframe(pd.DataFrame({
        "#": [i.ordinal for i in items],
        t("field.audit.clause"): [i.clause for i in items],
        t("field.audit.question"): [i.question for i in items],
        t("audit.unit"): [i.unit for i in items],
        t("audit.auditor"): [i.auditor for i in items],
        t("audit.fill.result"): [t(f"audit.result.{i.result}") if i.result else ""
                                 for i in items],
        t("field.audit.evidence_seen"): [i.evidence_seen for i in items],
        t("field.audit.note"): [i.note for i in items],
    }), hide_index=True, key="audit.checklist.table")


def _label(items: list[ItemView]) -> dict[int, str]:
    return {i.id: f"{i.ordinal}. [{i.clause}] {i.question[:90]}" for i in items}


def editor(actor: Actor, audit: AuditView, items: list[ItemView],
           people: dict[int, str]) -> None:
    """Tools shown to the lead auditor (and ISO officer) while the audit is planned."""
    if st.button(t("audit.checklist.generate"), key="audit.checklist.generate"):
        run_action(lambda: svc.generate_checklist(actor, audit.id), t("audit.checklist.generated"))
    labels = _label(items)
    team = {u: people.get(u, "?") for u in (audit.lead_auditor_id, *audit.team_ids) if u}
    with st.form("audit.assign.form"):
        chosen = st.multiselect(t("audit.assign.questions"), list(labels),
                                key="audit.assign.items", format_func=labels.get)
        who = st.selectbox(t("audit.auditor"), list(team), key="audit.assign.auditor",
                           format_func=team.get)
        if st.form_submit_button(t("audit.assign.submit")):
            run_action(lambda: svc.assign_questions(actor, chosen, who), t("audit.assign.done"))
    with st.form("audit.add.form", clear_on_submit=True):
        text = st.text_area(t("field.audit.question"), key="audit.add.question")
        clause = st.text_input(t("field.audit.clause"), key="audit.add.clause")
        hint = st.text_input(t("field.audit.evidence_hint"), key="audit.add.hint")
        if st.form_submit_button(t("audit.add.submit")):
            run_action(lambda: svc.add_question(actor, audit.id, QuestionInput(text, clause,
                                                                                hint)),
                       t("audit.add.done"))
    _move_remove(actor, items)
    if items and st.button(t("audit.start"), key="audit.start", type="primary"):
        run_action(lambda: audits.start_audit(actor, audit.id), t("audit.started"))


def _move_remove(actor: Actor, items: list[ItemView]) -> None:
    if not items:
        return
    labels = _label(items)
    item_id = st.selectbox(t("audit.edit.choose"), list(labels), key="audit.edit.item",
                           format_func=labels.get)
    cols = st.columns(3)
    if cols[0].button("⬆️ " + t("audit.edit.up"), key="audit.edit.up"):
        run_action(lambda: svc.move_question(actor, item_id, -1), t("audit.edit.moved"))
    if cols[1].button("⬇️ " + t("audit.edit.down"), key="audit.edit.down"):
        run_action(lambda: svc.move_question(actor, item_id, 1), t("audit.edit.moved"))
    if cols[2].button("🗑️ " + t("audit.edit.remove"), key="audit.edit.remove"):
        run_action(lambda: svc.remove_question(actor, item_id), t("audit.edit.removed"))
    item = next(i for i in items if i.id == item_id)
    with st.form(f"audit.edit.form.{item.id}"):
        text = st.text_area(t("field.audit.question"), item.question,
                            key=f"audit.edit.{item.id}.question")
        clause = st.text_input(t("field.audit.clause"), item.clause,
                               key=f"audit.edit.{item.id}.clause")
        hint = st.text_area(t("field.audit.evidence_hint"), item.evidence_hint,
                            key=f"audit.edit.{item.id}.hint")
        if st.form_submit_button(t("audit.edit.save")):
            data = QuestionInput(text, clause, hint, item.unit_id, item.auditor_id)
            run_action(lambda: svc.edit_question(actor, item.id, data), t("audit.edit.saved"))
