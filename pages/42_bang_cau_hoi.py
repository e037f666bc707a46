"""Bảng câu hỏi đánh giá: đánh giá viên trả lời các câu hỏi được phân công, lưu ngay từng câu."""

import streamlit as st

from qms.audits import queries
from qms.audits.ui import fill as audit_fill
from qms.core.i18n import t
from qms.ui.guard import guard

actor = guard("audit_fill")
assigned = queries.audits_assigned_to(actor.organization_id, actor.user_id or 0)
if not assigned:
    st.info(t("audit.fill.none"))
    st.stop()
audit_id = st.selectbox(t("audit.fill.choose"), [a for a, *_ in assigned], key="audit.fill.audit",
                        format_func=lambda a: next(f"{title} ({done}/{n})"
                                                   for i, title, n, done in assigned if i == a))
items = queries.checklist(actor.organization_id, audit_id, auditor_id=actor.user_id)
audit_fill.touch_style()
audit_fill.progress(items)
only_open = st.toggle(t("audit.fill.only_unanswered"), key="audit.fill.only_unanswered")
st.caption(t("audit.fill.autosave"))
shown = [i for i in items if i.result is None] if only_open else items
if not shown:
    st.success(t("audit.fill.all_done"))
for item in shown:
    audit_fill.question_card(actor, item)
