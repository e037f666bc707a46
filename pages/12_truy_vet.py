"""Ma trận truy vết: nhiệm vụ kế hoạch × hồ sơ ISO, khoảng trống được tô màu, xuất Excel."""

import streamlit as st

from qms.auth.organization_queries import list_units
from qms.core.i18n import t
from qms.plan.queries import plan_header
from qms.plan.ui import view as plan_view
from qms.reports.excel import frame_to_xlsx, stamp
from qms.trace import ui as trace_view
from qms.trace.queries import matrix
from qms.ui.guard import guard

actor = guard("traceability")
plan = plan_view.choose_plan(plan_view.plans_or_stop(actor.organization_id), "trace.plan")
header = plan_header(actor.organization_id, plan.id)
units = list_units(actor.organization_id)
area, unit_id, duty_only = plan_view.task_filters(header, units, "trace.filter")
frame = matrix(actor.organization_id, plan.id, area=area, owner_unit_id=unit_id)
if duty_only:
    frame = frame[frame["is_duty"]]

trace_view.gap_summary(frame)
table = trace_view.labelled(frame)
sheet = t("page.traceability")
st.dataframe(trace_view.styled(table), hide_index=True, key="trace.table",
             height=min(800, 38 + 35 * len(table)))
st.download_button(t("trace.export"), lambda: frame_to_xlsx(table, sheet),
                   file_name=f"ma-tran-truy-vet-{plan.year}-{stamp()}.xlsx", on_click="ignore",
                   key="trace.export",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
