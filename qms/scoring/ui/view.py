"""The self-scoring page's read widgets: set and period (deep links), the totals per area
with a bar chart, and the criteria table of one area."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.core.i18n import t
from qms.scoring.queries import PeriodOption, SetView, SheetDetail
from qms.scoring.report import pct, points
from qms.ui.deep_link import preset


def sample_banner(cset: SetView) -> None:
    if cset.is_sample:
        st.warning(f"⚠️ {t('scoring.sample_banner')}")


def _set_label(cset: SetView) -> str:
    return f"{cset.name} ({cset.criteria})" + (" — MẪU" if cset.is_sample and
                                                  "MẪU" not in cset.name else "")


def choose(sets: list[SetView], options: list[PeriodOption]) -> tuple[SetView, PeriodOption]:
    """The criteria set (newest first) and the period (``?period=ID`` wins)."""
    cols = st.columns(2)
    cset = cols[0].selectbox(t("scoring.set"), sets, key="scoring.set", format_func=_set_label)
    index = preset([p.id for p in options], "period")
    period = cols[1].selectbox(t("scoring.period"), options, index=index, key="scoring.period",
                               format_func=lambda p: f"{p.name} ({p.year})")
    return cset, period


def totals(d: SheetDetail) -> None:
    """Status, overall score and the per-area table and bar chart."""
    tot = d.totals
    st.markdown(t("scoring.status_line", status=t(f"field.scoring.status.{d.status}"),
                  score=points(tot.score), max=points(tot.max_points),
                  percent=pct(tot.percent) or "—"))
    st.subheader(t("scoring.totals"))
    frame = pd.DataFrame([{
        t("scoring.area"): f"{a.area_number}. {a.area_title}",
        t("scoring.col.max"): a.max_points, t("scoring.col.score"): a.score,
        t("scoring.col.percent"): a.percent or 0.0} for a in tot.areas])
    st.dataframe(frame, hide_index=True, key="scoring.totals")
    if not frame.empty:
        st.bar_chart(frame, x=t("scoring.area"), y=t("scoring.col.percent"))


def choose_area(d: SheetDetail) -> int:
    """The area shown below (``?area=N`` wins)."""
    areas = {a.area_number: a.area_title for a in d.totals.areas}
    numbers = list(areas)
    wanted = st.query_params.get("area", "")
    index = numbers.index(int(wanted)) if wanted.isdigit() and int(wanted) in numbers else 0
    return st.selectbox(t("scoring.area"), numbers, index=index, key="scoring.area",
                        format_func=lambda n: f"{n}. {areas[n]}")


def area_table(d: SheetDetail, area: int) -> None:
    """Every line of the area: code, title, max, score, explanation, evidence."""
    rows = []
    for c in d.criteria:
        if c.area_number != area:
            continue
        score = d.scores.get(c.id)
        rows.append({
            t("scoring.col.code"): c.code, t("scoring.col.title"): c.title,
            t("scoring.col.max"): points(c.max_points),
            t("scoring.col.score"): (t("scoring.not_applicable") if not c.applies else
                                     points(score.score) if score else ""),
            t("scoring.col.explanation"): score.explanation if score else "",
            t("scoring.col.evidence"): "; ".join(e.label for e in score.evidence)
            if score else ""})
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="scoring.criteria")
