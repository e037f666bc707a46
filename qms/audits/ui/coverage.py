"""The audit page's list behind one cell of the dashboard's coverage heatmap:
``?year=2023&clause=7.5&unit=3`` shows the answered questions of that clause row and unit."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.audits.coverage_queries import answered_questions
from qms.core import clock
from qms.core.i18n import t

PARAMS = ("clause", "unit")


def _int(raw: str | None) -> int | None:
    return int(raw) if raw is not None and raw.isdigit() else None


def answered_panel(org_id: int) -> bool:
    """Draw the filtered list when the address asks for it; whether it did."""
    q = st.query_params
    if not any(p in q for p in PARAMS):
        return False
    year = _int(q.get("year")) or clock.now().date().year
    clause, unit = q.get("clause"), _int(q.get("unit"))
    rows = answered_questions(org_id, year, clause, unit)
    st.subheader(t("dash.coverage.list", year=year, clause=clause or t("filter.all")))
    st.caption(t("dash.coverage.count", n=len(rows),
                 findings=sum(1 for r in rows if r.finding)))
    st.dataframe(pd.DataFrame([{
        t("dash.coverage.col.audit"): r.audit, t("dash.coverage.col.clause"): r.clause,
        t("dash.coverage.col.unit"): r.unit, t("dash.coverage.col.question"): r.question,
        t("dash.coverage.col.result"): t(f"audit.result.{r.result}"),
        t("dash.coverage.col.finding"): t(f"audit.result.{r.finding}") if r.finding else "",
    } for r in rows], columns=[t(f"dash.coverage.col.{c}") for c in (
        "audit", "clause", "unit", "question", "result", "finding")]),
        hide_index=True, key="audit.coverage.table")
    st.divider()
    return True
