"""Kế hoạch CCHC: cây nhiệm vụ theo lĩnh vực, người phụ trách, tiến độ, chỉ tiêu, liên kết."""

import streamlit as st

from qms.auth.organization_queries import list_units
from qms.auth.queries import list_users
from qms.core import clock
from qms.core.i18n import t
from qms.plan.queries import list_plans, plan_header, task_detail, task_table
from qms.plan.ui import view as plan_view
from qms.plan.ui.task import task_panel
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("plan")
flash()
plans = list_plans(actor.organization_id)
if not plans:
    st.info(t("plan.none"))
    if actor.can("plan.import"):
        st.page_link("pages/11_nhap_ke_hoach.py", label=t("page.plan_import"), icon="📥")
    st.stop()

plan = plan_view.choose_plan(plans, "plan.select")
header = plan_header(actor.organization_id, plan.id)
plan_view.header(header)
units = list_units(actor.organization_id)
area, unit_id, duty_only = plan_view.task_filters(header, units, "plan.filter")
late = plan_view.late_only("plan.filter")
tasks = task_table(actor.organization_id, plan.id, clock.now().date(), area=area,
                   owner_unit_id=unit_id, duty_only=duty_only)
if late:
    tasks = tasks[tasks["status"] == "late"]
plan_view.task_tree(header, tasks)

task_id = plan_view.choose_task(tasks, "plan.task")
detail = task_detail(actor.organization_id, task_id) if task_id is not None else None
if detail is not None:
    st.divider()
    people = [u for u in list_users(actor.organization_id) if u.is_active]
    task_panel(actor, detail, units, people, header.periods)
