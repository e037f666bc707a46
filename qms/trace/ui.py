"""The traceability matrix as the page shows and exports it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.core.i18n import t
from qms.trace.linkable_queries import ENTITY_TYPES
from qms.trace.queries import GAP_COLUMNS

GAP_STYLE = "background-color: #fde2e1; color: #8c1d18; font-weight: 600"


def gap_summary(frame: pd.DataFrame) -> None:
    cols = st.columns(len(GAP_COLUMNS) + 1)
    cols[0].metric(t("trace.tasks"), len(frame))
    for col, gap in zip(cols[1:], GAP_COLUMNS, strict=True):
        col.metric(t(f"trace.{gap}"), int(frame[gap].sum()))


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """Vietnamese headers; gaps shown as a word, so the Excel file reads the same."""
    out = pd.DataFrame({
        t("plan.col.code"): frame["code"],
        t("plan.area"): frame["area"],
        t("plan.col.text"): frame["text"],
        t("plan.col.duty"): frame["is_duty"].map({True: t("common.yes"), False: ""}),
        t("plan.col.owner"): frame["owner_unit"].fillna(""),
    })
    for entity_type in ENTITY_TYPES:
        out[t(f"trace.type.{entity_type}")] = frame[entity_type].astype(int)
    for gap in GAP_COLUMNS:
        out[t(f"trace.{gap}")] = frame[gap].map({True: t("trace.gap"), False: ""})
    return out


def styled(table: pd.DataFrame):  # type: ignore[no-untyped-def]
    gap_headers = [t(f"trace.{gap}") for gap in GAP_COLUMNS]
    return table.style.map(lambda v: GAP_STYLE if v else "", subset=gap_headers)
