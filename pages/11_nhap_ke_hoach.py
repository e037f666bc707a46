"""Nhập kế hoạch CCHC: tải tệp lên → xem trước → xác nhận lưu."""

import streamlit as st

from qms.core.errors import DomainError
from qms.core.i18n import t
from qms.plan import importing as plan_import
from qms.plan import saving as plan_save
from qms.plan.ui import importing as plan_import_view
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("plan_import")
flash()
st.caption(t("plan_import.intro"))
upload = st.file_uploader(t("plan_import.file"), type=["txt", "docx", "pdf"],
                          key="plan_import.file")
if upload is None:
    st.stop()

data = upload.getvalue()
try:
    with st.spinner(t("plan_import.reading")):
        preview = plan_import.preview_import(actor, data)
except DomainError as exc:
    st.error(exc.message())
    st.caption(t("plan_import.nothing_saved"))
    st.stop()

plan_import_view.show_preview(preview)
if st.button(t("plan_import.confirm", year=preview.year, n=preview.version_no), type="primary",
             key="plan_import.confirm"):
    try:
        plan_id = plan_save.confirm_import(actor, data, upload.name, preview.sha256)
    except DomainError as exc:
        st.error(exc.message())
        st.stop()
    st.success(t("plan_import.saved", year=preview.year, n=preview.version_no))
    st.page_link("pages/10_ke_hoach.py", label=t("plan_import.open_plan"), icon="📋",
                 query_params={"plan": plan_id})
