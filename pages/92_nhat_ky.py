"""Nhật ký thay đổi: lọc và xuất Excel."""

import streamlit as st

from qms.core.i18n import t
from qms.core.paging import page_count
from qms.reports.excel import frame_to_xlsx, stamp
from qms.trail import queries as audit_log
from qms.ui.guard import guard

actor = guard("audit_log")
choices = audit_log.distinct_values(actor.organization_id)
PAGE_SIZE = 50

cols = st.columns(5)
date_from = cols[0].date_input(t("audit.filter.from"), value=None, key="audit.filter.from",
                               format="DD/MM/YYYY")
date_to = cols[1].date_input(t("audit.filter.to"), value=None, key="audit.filter.to",
                             format="DD/MM/YYYY")
actor_name = cols[2].selectbox(t("audit.filter.actor"), ["", *choices["actor"]],
                               key="audit.filter.actor")
action = cols[3].selectbox(t("audit.filter.action"), ["", *choices["action"]],
                           key="audit.filter.action")
entity = cols[4].selectbox(t("audit.filter.entity"), ["", *choices["entity_type"]],
                           key="audit.filter.entity")
filters = audit_log.AuditFilter(date_from, date_to, actor_name or "", action or "",
                                entity or "")
if date_from and date_to and date_from > date_to:
    st.warning(t("audit.filter.bad_range"))

page = st.number_input(t("audit.page"), min_value=1, value=1, step=1, key="audit.page")
frame, total = audit_log.search(actor.organization_id, filters, page=int(page),
                                page_size=PAGE_SIZE)
st.caption(t("audit.total", total=total, pages=page_count(total, PAGE_SIZE)))
labels = {c: t(f"audit.col.{c}") for c in audit_log.COLUMNS}
sheet = t("page.audit_log")
st.dataframe(frame.rename(columns=labels), hide_index=True, key="audit.table")



def _export() -> bytes:
    rows = audit_log.export_rows(actor.organization_id, filters).rename(columns=labels)
    return frame_to_xlsx(rows, sheet)


if actor.can("audit_log.export"):
    st.download_button(t("audit.export"), _export, on_click="ignore",
                       file_name=f"nhat-ky-{stamp()}.xlsx", key="audit.export",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
