"""Sao lưu: tải bản sao lưu toàn bộ dữ liệu (quản trị hệ thống)."""

import streamlit as st

from qms.backup.archive import backup_for
from qms.core.i18n import t
from qms.reports.excel import stamp
from qms.ui.guard import guard

actor = guard("backup")
st.markdown(t("backup.intro"))
st.download_button(t("backup.download"), lambda: backup_for(actor),
                   file_name=f"qms-sao-luu-{stamp()}.zip", mime="application/zip",
                   on_click="ignore", key="backup.download", type="primary")
