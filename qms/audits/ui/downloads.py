"""Download buttons for the audit plan and the audit report PDFs."""

from __future__ import annotations

import streamlit as st

from qms.audits.plan_report import audit_plan_pdf
from qms.audits.queries import AuditView
from qms.audits.report import audit_report_pdf
from qms.audits.report_queries import audit_report_data
from qms.core.i18n import t


def buttons(org_id: int, audit: AuditView) -> None:
    """Build on request (a big audit takes a moment), then offer the file."""
    cols = st.columns(2)
    if cols[0].button(t("audit.download.plan_make"), key="audit.download.plan_make"):
        with st.spinner(t("audit.download.working")):
            st.session_state["audit.download.plan_pdf"] = (
                audit.id, audit_plan_pdf(audit_report_data(org_id, audit.id)))
    if cols[1].button(t("audit.download.report_make"), key="audit.download.report_make"):
        with st.spinner(t("audit.download.working")):
            st.session_state["audit.download.report_pdf"] = (
                audit.id, audit_report_pdf(audit_report_data(org_id, audit.id)))
    for col, name, file in ((cols[0], "plan", "ke-hoach-danh-gia"),
                            (cols[1], "report", "bao-cao-danh-gia")):
        made = st.session_state.get(f"audit.download.{name}_pdf")
        if made and made[0] == audit.id:
            col.download_button(t(f"audit.download.{name}"), made[1],
                                file_name=f"{file}-{audit.id}.pdf", mime="application/pdf",
                                key=f"audit.download.{name}")
