"""Home-page panels: where the plan stands, each area a link to its filtered task list."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.core.i18n import t
from qms.dashboard.figures import PlanProgress
from qms.features import page_path

STATUS_COLORS = {"done": "#2e7d32", "in_progress": "#1565c0", "not_started": "#9e9e9e",
                 "late": "#c62828"}


def plan_panel(progress: PlanProgress) -> None:
    table = progress.by_area
    st.subheader(t("home.plan.title", year=progress.year))
    total, done, late = int(table["total"].sum()), int(table["done"].sum()), \
        int(table["late"].sum())
    cols = st.columns(4)
    cols[0].metric(t("home.plan.tasks"), total)
    cols[1].metric(t("home.plan.done"), f"{done} ({round(100 * done / total) if total else 0}%)")
    cols[2].metric(t("home.plan.late"), late)
    cols[3].metric(t("home.plan.duties_without_evidence"), progress.duties_without_evidence)
    chart = pd.DataFrame({t(f"plan.status.{s}"): table[s].to_list() for s in STATUS_COLORS},
                         index=[f"{a}. {title[:28]}" for a, title in
                                zip(table["area"], table["title"], strict=True)])
    st.bar_chart(chart, horizontal=True, color=list(STATUS_COLORS.values()), height=320)
    links = st.columns(min(4, len(table)) or 1)
    for i, row in enumerate(table.itertuples()):
        links[i % len(links)].page_link(
            page_path("plan"), label=f"{row.area}. {row.title[:30]} — {row.done}/{row.total}",
            query_params={"plan": progress.plan_id, "area": row.area})
