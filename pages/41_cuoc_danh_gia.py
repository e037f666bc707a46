"""Cuộc đánh giá: phạm vi, đoàn, bảng câu hỏi và phân công, phát hiện, điểm, kết luận, báo cáo."""

import streamlit as st

from qms.audits import queries
from qms.audits.scope_queries import scope_choices
from qms.audits.ui import checklist as checklist_view
from qms.audits.ui import coverage as audit_coverage_view
from qms.audits.ui import detail as view
from qms.audits.ui import downloads as audit_downloads
from qms.audits.ui import plan as plan_view
from qms.core.i18n import t
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("audit")
flash()
org_id = actor.organization_id
audit_coverage_view.answered_panel(org_id)
rows = queries.list_audits(org_id)
if not rows:
    st.info(t("audit.none"))
    st.stop()
labels = {a.id: f"{a.year} — {a.title} ({t(f'audit.status.{a.status}')})" for a in rows}
wanted = st.query_params.get("id")
ids = list(reversed(labels))
index = ids.index(int(wanted)) if wanted and wanted.isdigit() and int(wanted) in ids else 0
audit_id = st.selectbox(t("audit.choose"), ids, index=index, key="audit.choose",
                        format_func=labels.get)
audit = queries.get_audit(org_id, audit_id)
if audit is None:
    st.stop()
view.header(audit)
edit_plan, edit_checklist = (plan_view.may_edit_plan(actor, audit),
                             view.may(actor, "audit.edit_checklist", audit))
choices = scope_choices(org_id) if edit_plan or edit_checklist else None
if edit_plan and choices is not None:
    plan_view.edit_plan_form(actor, audit, choices)
items = queries.checklist(org_id, audit.id)
tabs = st.tabs([t("audit.tab.checklist"), t("audit.tab.findings"), t("audit.tab.scores"),
                t("audit.tab.conclusion")])
with tabs[0]:
    if edit_checklist and choices is not None:
        checklist_view.editor(actor, audit, items, choices.people)
    if items:
        checklist_view.table(items)
with tabs[1]:
    view.findings(actor, audit, queries.findings(org_id, audit.id))
with tabs[2]:
    view.scores(queries.audit_scores(org_id, audit.id))
with tabs[3]:
    if view.may(actor, "audit.conclude", audit):
        view.conclusion_form(actor, audit)
    else:
        st.markdown(audit.conclusion or t("audit.conclusion.none"))
    if view.may(actor, "audit.plan", audit):
        view.next_audit_button(actor, audit)
if view.may(actor, "audit.report", audit):
    audit_downloads.buttons(org_id, audit)
