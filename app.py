"""Trang chủ: tổng quan và bảng điều khiển của đơn vị, mỗi số liệu mở danh sách đã lọc."""

import streamlit as st

from qms.core import clock
from qms.core.clock import today
from qms.core.i18n import t
from qms.dashboard.figures import plan_progress
from qms.dashboard.overview import overview
from qms.dashboard.ui.page import plan_panel
from qms.dashboard.ui.tiles import dashboard
from qms.trail import queries as audit_log
from qms.ui.guard import guard

actor = guard("home")
figures = overview(actor.organization_id)

st.write(t("home.welcome", name=actor.full_name))
cols = st.columns(4)
cols[0].metric(t("home.units"), figures.units)
cols[1].metric(t("home.users"), figures.users)
cols[2].metric(t("home.users_without_password"), figures.users_without_password)
cols[3].metric(t("home.changes_30d"), figures.changes_last_30_days)

progress = plan_progress(actor.organization_id, clock.now().date())
if progress is not None:
    plan_panel(progress)
day = today()
dashboard(actor, day, progress.year if progress is not None else day.year)

if actor.can("audit_log.read"):
    st.subheader(t("home.recent"))
    frame, _ = audit_log.search(actor.organization_id, audit_log.AuditFilter(), page_size=10)
    st.dataframe(frame.rename(columns=lambda c: t(f"audit.col.{c}")), hide_index=True,
                 key="home.recent")
