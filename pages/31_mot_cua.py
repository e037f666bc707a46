"""Số liệu Một cửa theo kỳ báo cáo; đề xuất phiếu không phù hợp khi không đạt chỉ tiêu."""

import streamlit as st

from qms.core.i18n import t
from qms.onestop.queries import figures_by_period, proposals
from qms.onestop.ui import forms as nc_onestop
from qms.plan.ui.view import choose_plan, plans_or_stop
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("onestop")
flash()
plans = plans_or_stop(actor.organization_id, current_only=True)

plan = choose_plan(plans, "onestop.plan")
st.caption(t("onestop.intro"))
rows = figures_by_period(actor.organization_id, plan.id)
nc_onestop.figures_table(rows)
nc_onestop.record_form(actor, plan.id, rows)
nc_onestop.proposals_panel(actor, proposals(actor.organization_id, plan.id))
if actor.can("onestop.decide"):
    st.page_link("pages/30_khong_phu_hop.py", label=t("page.nonconformities"), icon="⚠️")
