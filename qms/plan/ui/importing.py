"""The import preview: counts per area, the task tree, periods, what a re-import changes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.core.i18n import t
from qms.plan.importing import ImportPreview


def show_preview(p: ImportPreview) -> None:
    d = p.draft
    st.subheader(d.get("title") or t("plan.untitled"))
    cols = st.columns(4)
    cols[0].metric(t("plan_import.year"), p.year)
    cols[1].metric(t("plan_import.areas"), len(p.areas))
    cols[2].metric(t("plan_import.tasks"), p.task_count)
    cols[3].metric(t("plan_import.warnings"), len(d.get("warnings", [])))
    st.dataframe(pd.DataFrame([{
        t("plan.area"): f"{a.number}. {a.title}", t("plan_import.tasks"): a.tasks,
        t("plan_import.duties"): a.duties, t("plan_import.targets"): a.targets,
    } for a in p.areas]), hide_index=True, key="plan_import.areas")
    for area in d["areas"]:
        with st.expander(f"{area['number']}. {area['title']} ({len(area['tasks'])})"):
            for i, task in enumerate(area["tasks"], start=1):
                marks = (" 🔎" if task["is_duty"] else "") + "".join(
                    f" 🎯 {x.get('text') or x['value']}" for x in task["targets"])
                st.markdown(f"**{area['number']}.{i}** {task['text']}{marks}")
    if d.get("reporting_periods"):
        st.markdown(f"**{t('plan.periods')}**")
        st.dataframe(pd.DataFrame([{
            t("plan.period"): x["name"], t("plan.period.start"): x["start"],
            t("plan.period.end"): x["end"], t("plan.period.due"): x.get("due_rule", ""),
        } for x in d["reporting_periods"]]), hide_index=True, key="plan_import.periods")
    if d.get("responsibilities"):
        with st.expander(t("plan_import.responsibilities", n=len(d["responsibilities"]))):
            for r in d["responsibilities"]:
                st.markdown(f"- **{r['party']}** — {t('plan.resp.areas')}: "
                            f"{', '.join(map(str, r.get('areas', []))) or '—'}")
    if d.get("warnings"):
        with st.expander(t("plan.warnings", n=len(d["warnings"])), expanded=True):
            for w in d["warnings"]:
                st.markdown(f"- {t('plan.warning.line', line=w.get('line'))}: {w.get('message')}")
    if p.replaces_plan_id is not None:
        _changes(p)


def _changes(p: ImportPreview) -> None:
    st.info(t("plan_import.reimport", year=p.year, n=p.version_no, kept=len(p.matched),
              new=len(p.new), removed=len(p.removed)))
    linked_removed = [r for r in p.removed if r.links]
    if linked_removed:
        st.warning(t("plan_import.removed_with_links"))
        st.dataframe(pd.DataFrame([{
            t("plan.col.code"): r.old_code, t("plan.col.text"): r.text,
            t("plan.col.links"): r.links} for r in linked_removed]),
            hide_index=True, key="plan_import.removed")
