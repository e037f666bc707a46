"""Tài liệu kiểm chứng: mọi tài liệu đã nộp, nhiệm vụ kế hoạch mà mỗi tài liệu chứng minh."""

import streamlit as st

from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.trace.queries import evidence_register, file_content
from qms.ui.guard import guard

actor = guard("evidence")
search = st.text_input(t("evidence.search"), key="evidence.search",
                       placeholder=t("evidence.search.placeholder"))
frame = evidence_register(actor.organization_id, search)
if frame.empty:
    st.info(t("evidence.none"))
    st.stop()
st.dataframe({
    t("field.evidence.title"): frame["title"],
    t("field.evidence.doc_number"): frame["doc_number"],
    t("field.evidence.doc_date"): [vn_short_date(d) if d else "" for d in frame["doc_date"]],
    t("field.evidence.issuer"): frame["issuer"],
    t("evidence.file"): frame["file_name"].fillna(""),
    t("evidence.tasks"): frame["tasks"],
}, hide_index=True, key="evidence.table")

with_files = frame[frame["file_id"].notna()]
if not with_files.empty:
    chosen = st.selectbox(t("evidence.download.choose"), list(with_files.itertuples()),
                          key="evidence.download.choice",
                          format_func=lambda r: f"{r.doc_number or ''} {r.title} — {r.file_name}")
    found = file_content(actor.organization_id, int(chosen.file_id))
    if found is not None:
        st.download_button(t("evidence.download"), found.content, file_name=found.name,
                           mime=found.mime, key="evidence.download")
