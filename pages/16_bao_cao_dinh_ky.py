"""Báo cáo định kỳ CCHC: chọn kỳ báo cáo, xem trước, sửa phần nhận xét, tải PDF/Excel."""

import streamlit as st

from qms.core.i18n import t
from qms.plan.queries import periods_of
from qms.plan.ui.view import choose_plan, plans_or_stop
from qms.review.period_queries import period_report
from qms.review.ui import period as view
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("period_report")
flash()
plans = plans_or_stop(actor.organization_id, current_only=True)

view.plan_from_link(actor.organization_id)
plan = choose_plan(plans, "report.plan")
periods = periods_of(plan.id)
if not periods:
    st.info(t("report.no_periods"))
    st.stop()

period = view.choose_period(periods)
report = period_report(actor.organization_id, period.id)
if report is None:
    st.error(t("error.not_found"))
    st.stop()
st.caption(t("report.intro"))
view.downloads(report)
view.narratives_form(actor, report.narratives)
view.preview(report)
