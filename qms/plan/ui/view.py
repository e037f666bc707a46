"""Widgets of the plan pages: version picker, header, filters, the task tree."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.auth.organization_queries import UnitView
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.plan.queries import PlanHeader, PlanSummary, list_plans
from qms.ui.deep_link import preset

STATUS_ICON = {"not_started": "⚪", "in_progress": "🔵", "done": "✅", "late": "🔴"}


def plans_or_stop(org_id: int, *, current_only: bool = False) -> list[PlanSummary]:
    """The organisation's plans (only the current versions when asked); with none the page
    says so and stops, since nothing on it can show without a plan."""
    plans = [p for p in list_plans(org_id) if p.is_current or not current_only]
    if not plans:
        st.info(t("plan.none"))
        st.stop()
    return plans


def choose_plan(plans: list[PlanSummary], key: str) -> PlanSummary:
    """Pick a plan version (the current one of the newest year first); ``?plan=ID`` works."""
    index = preset([p.id for p in plans], "plan")
    return st.selectbox(t("plan.choose"), plans, index=index, key=key, format_func=lambda p: (
        f"{p.year} — {t('plan.version', n=p.version_no)}"
        + ("" if p.is_current else f" ({t('plan.superseded')})")))


def header(h: PlanHeader) -> None:
    st.subheader(h.summary.title or t("plan.untitled"))
    if not h.summary.is_current:
        st.warning(t("plan.superseded_note"))
    if h.periods:
        st.markdown(f"**{t('plan.periods')}**")
        st.dataframe(pd.DataFrame([{
            t("plan.period"): p.name, t("plan.period.start"): vn_short_date(p.start_date),
            t("plan.period.end"): vn_short_date(p.end_date),
            t("plan.period.due"): vn_short_date(p.due_date) if p.due_date else p.due_rule,
        } for p in h.periods]), hide_index=True, key="plan.periods.table")
    with st.expander(t("plan.basis_and_responsibilities")):
        for b in h.basis:
            st.markdown(f"- {b.get('text') or b.get('number')}")
        for r in h.responsibilities:
            areas = ", ".join(str(a) for a in r["areas"]) or "—"
            st.markdown(f"**{r['party']}** ({t('plan.resp.areas')}: {areas}; "
                        f"{t('plan.resp.unit')}: {r['unit'] or '—'})")
    if h.warnings:
        with st.expander(t("plan.warnings", n=len(h.warnings))):
            for w in h.warnings:
                st.markdown(f"- {t('plan.warning.line', line=w.get('line'))}: {w.get('message')}")


def task_filters(h: PlanHeader, units: list[UnitView],
                 key: str) -> tuple[int | None, int | None, bool]:
    cols = st.columns(3)
    areas: list[int | None] = [None, *[number for _, number, _ in h.areas]]
    titles = {number: f"{number}. {title}" for _, number, title in h.areas}
    wanted = st.query_params.get("area", "")
    index = areas.index(int(wanted)) if wanted.isdigit() and int(wanted) in areas else 0
    area = cols[0].selectbox(t("plan.area"), areas, key=f"{key}.area", index=index,
                             format_func=lambda a: titles.get(a, t("filter.all")))
    unit_ids: list[int | None] = [None, *[u.id for u in units]]
    names = {u.id: u.name for u in units}
    unit = cols[1].selectbox(t("field.plan.owner_unit"), unit_ids, key=f"{key}.unit",
                             format_func=lambda i: names.get(i, t("filter.all")))
    duty_only = cols[2].checkbox(t("plan.duty_only"), key=f"{key}.duty")
    return area, unit, duty_only


def late_only(key: str) -> bool:
    """"Late tasks only", preset by ``?late=1`` (the dashboard's overdue link)."""
    return st.checkbox(t("plan.filter.late"), key=f"{key}.late",
                       value=st.query_params.get("late") == "1")


def task_tree(h: PlanHeader, tasks: pd.DataFrame) -> None:
    """Tasks grouped by area, each line with its status, owner, due date and links."""
    for _, number, title in h.areas:
        rows = tasks[tasks["area"] == number]
        if rows.empty:
            continue
        done = int((rows["status"] == "done").sum())
        with st.expander(f"{number}. {title} — {done}/{len(rows)}", expanded=len(h.areas) <= 1):
            st.dataframe(pd.DataFrame({
                t("plan.col.code"): rows["code"],
                t("plan.col.status"): [f"{STATUS_ICON[s]} {t(f'plan.status.{s}')}"
                                       for s in rows["status"]],
                t("plan.col.text"): rows["text"],
                t("plan.col.duty"): rows["is_duty"].map({True: "🔎", False: ""}),
                t("plan.col.owner"): rows["owner_unit"].fillna(""),
                t("plan.col.due"): [vn_short_date(d) if d else "" for d in rows["due_date"]],
                t("plan.col.links"): rows["links"],
            }), hide_index=True, key=f"plan.tree.{number}")


def choose_task(tasks: pd.DataFrame, key: str) -> int | None:
    """Pick one task to open; ``?task=ID`` in the address opens it directly."""
    if tasks.empty:
        return None
    ids = list(tasks["id"])
    labels = {row.id: f"{row.code} — {row.text[:90]}" for row in tasks.itertuples()}
    index = preset(ids, "task")
    return st.selectbox(t("plan.open_task"), ids, index=index, key=key,
                        format_func=lambda i: labels[i])
