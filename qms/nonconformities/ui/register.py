"""The register part of the nonconformity page: filters, table, Excel and PDF downloads."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.paging import page_count
from qms.core.vn_dates import vn_short_date
from qms.nonconformities.ageing_rules import BUCKET_NAMES
from qms.nonconformities.queries import (
    NcFilter,
    RegisterChoices,
    RegisterPage,
    current_prefix,
    register,
)
from qms.nonconformities.recording import set_number_prefix
from qms.nonconformities.register_report import register_pdf
from qms.nonconformities.report_queries import register_report
from qms.nonconformities.rules import NcStatus
from qms.nonconformities.vocabulary_rules import NcGrade, NcSource
from qms.plan.queries import list_plans, periods_of
from qms.reports.excel import frame_to_xlsx, stamp
from qms.ui.deep_link import preset
from qms.ui.widgets import run_action

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS_ICON = {"new": "🆕", "analysed": "🔎", "planned": "🗓️", "in_progress": "🔵",
               "awaiting_verification": "⏳", "closed": "✅", "cancelled": "⛔"}


def _all(_value: object) -> str:
    """The label of the empty choice of a filter."""
    return t("filter.all")


def filters(choices: RegisterChoices) -> NcFilter:
    """The filter row; every widget has a stable key (the page's test interface). A link
    presets it: ``?status=`` (or ``open``), ``?age=31-60``, ``?overdue=1``, ``?clause=``…"""
    cols = st.columns(4)
    statuses = ["", "open", *(s.value for s in NcStatus)]
    status = cols[0].selectbox(t("nc.filter.status"), statuses, key="nc.filter.status",
                               index=preset(statuses, "status"),
                               format_func=lambda s: t("nc.filter.open") if s == "open" else
                               t(f"field.nc.status.{s}") if s else _all(s))
    grades = ["", *(g.value for g in NcGrade)]
    grade = cols[1].selectbox(t("nc.filter.grade"), grades, key="nc.filter.grade",
                              index=preset(grades, "grade"),
                              format_func=lambda g: t(f"nc.grade.{g}") if g else _all(g))
    sources = ["", *(s.value for s in NcSource)]
    source = cols[2].selectbox(t("nc.filter.source"), sources, key="nc.filter.source",
                               index=preset(sources, "source"),
                               format_func=lambda s: t(f"nc.source.{s}") if s else _all(s))
    years: list[int | None] = [None, *choices.years]
    year = cols[3].selectbox(t("nc.filter.year"), years, key="nc.filter.year",
                             index=preset(years, "year"),
                             format_func=lambda y: str(y) if y else _all(y))
    cols = st.columns(5)
    names = dict(choices.units)
    units: list[int | None] = [None, *names]
    unit = cols[0].selectbox(t("nc.filter.unit"), units, key="nc.filter.unit",
                             index=preset(units, "unit"),
                             format_func=lambda i: names.get(i, t("filter.all")))
    clauses = ["", *choices.clauses]
    clause = cols[1].selectbox(t("nc.filter.clause"), clauses, key="nc.filter.clause",
                               index=preset(clauses, "clause"),
                               format_func=lambda c: c or _all(c))
    ages = ["", *BUCKET_NAMES]
    age = cols[2].selectbox(t("nc.filter.age"), ages, key="nc.filter.age",
                            index=preset(ages, "age"),
                            format_func=lambda a: t(f"dash.age.{a}") if a else _all(a))
    search = cols[3].text_input(t("nc.filter.search"), key="nc.filter.search")
    overdue = cols[4].checkbox(t("nc.filter.overdue"), key="nc.filter.overdue",
                               value=st.query_params.get("overdue") == "1")
    return NcFilter(status, grade, source, unit, clause, overdue, year, search, age)


def _day(value: object) -> str:
    return vn_short_date(value) if isinstance(value, date) else ""


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """The register with translated headers and values (the table and the Excel file)."""
    return pd.DataFrame({
        t("nc.col.number"): frame["number"],
        t("nc.col.found_on"): [_day(x) for x in frame["found_on"]],
        t("nc.col.title"): frame["title"],
        t("nc.col.source"): [t(f"nc.source.{x}") for x in frame["source"]],
        t("nc.col.unit"): frame["unit"],
        t("nc.col.procedure"): frame["procedure"],
        t("nc.col.clause"): frame["clause"],
        t("nc.col.grade"): [t(f"nc.grade.{x}") for x in frame["grade"]],
        t("nc.col.status"): [f"{STATUS_ICON.get(x, '')} {t(f'field.nc.status.{x}')}"
                             for x in frame["status"]],
        t("nc.col.owner"): frame["owner"],
        t("nc.col.actions"): [f"{d}/{n}" for d, n in
                              zip(frame["actions_done"], frame["actions"], strict=True)],
        t("nc.col.next_due"): [_day(x) for x in frame["next_due"]],
        t("nc.col.overdue"): [t("nc.overdue") if x else "" for x in frame["overdue"]],
        t("nc.col.days_open"): [int(x) for x in frame["days_open"]],
        t("nc.col.recurrence"): [t("common.yes") if x else "" for x in frame["recurrence"]],
    })


def page_number() -> int:
    """The register page asked for (the register is read one page at a time)."""
    return int(st.number_input(t("nc.page"), min_value=1, value=1, step=1, key="nc.page"))


def table(found: RegisterPage, page: int) -> None:
    st.caption(t("nc.total", total=found.total, overdue=found.overdue))
    pages = page_count(found.total, PAGE_SIZE)
    if pages > 1:
        st.caption(t("nc.page_of", page=page, pages=pages))
    st.dataframe(labelled(found.frame), hide_index=True, key="nc.table")


def export_button(org_id: int, f: NcFilter, today: date) -> None:
    """Every matching record (not only the page shown), read when the button is pressed."""
    sheet = t("page.nonconformities")
    st.download_button(t("nc.export"),
                       lambda: frame_to_xlsx(labelled(register(org_id, f, today)), sheet),
                       file_name=f"so-theo-doi-khong-phu-hop-{stamp()}.xlsx", mime=XLSX,
                       key="nc.export", on_click="ignore")


def register_pdf_button(actor: Actor, today: date) -> None:
    """The register of a year (or of a reporting period of that year's plan) as a PDF."""
    with st.expander(t("nc.register_pdf.title")):
        cols = st.columns(2)
        year = int(cols[0].number_input(t("nc.filter.year"), min_value=2000, max_value=2100,
                                        value=today.year, step=1, key="nc.register_pdf.year"))
        plans = [p for p in list_plans(actor.organization_id) if p.year == year and p.is_current]
        periods = periods_of(plans[0].id) if plans else []
        names = {p.id: p.name for p in periods}
        period = cols[1].selectbox(t("nc.register_pdf.period"), [None, *names],
                                   key="nc.register_pdf.period",
                                   format_func=lambda i: names.get(i, t("nc.register_pdf.year")))

        def build() -> bytes:
            report = register_report(actor.organization_id, year, today, period)
            return register_pdf(report) if report else b""

        st.download_button(t("nc.register_pdf.download"), build, mime="application/pdf",
                           file_name=f"so-khong-phu-hop-{year}.pdf", on_click="ignore",
                           key="nc.register_pdf.download")


def prefix_form(actor: Actor) -> None:
    """The number prefix of new records (administrator and ISO officer)."""
    if not actor.can("nc.settings"):
        return
    with st.expander(t("nc.settings.title")), st.form("nc.settings"):
        prefix = st.text_input(t("nc.settings.prefix"), value=current_prefix(
            actor.organization_id), key="nc.settings.prefix", max_chars=10)
        if st.form_submit_button(t("action.save")):
            run_action(lambda: set_number_prefix(actor, prefix), t("action.saved"))


def choose(frame: pd.DataFrame, wanted: tuple[int, str] | None, *,
           select: bool = False) -> int | None:
    """Pick a nonconformity to open; ``?nc=KPH-2023-001`` opens one directly, and
    ``select`` moves the choice to ``wanted`` (the one just recorded)."""
    labels = {int(r.id): f"{r.number} — {r.title}" for r in frame.itertuples()}
    if wanted is not None and wanted[0] not in labels:
        labels = {wanted[0]: wanted[1], **labels}
    if not labels:
        return None
    ids = list(labels)
    current = st.session_state.get("nc.open")
    if (select and wanted is not None) or current not in ids:
        st.session_state["nc.open"] = wanted[0] if wanted is not None else ids[0]
    return st.selectbox(t("nc.open"), ids, key="nc.open", format_func=lambda i: labels[i])
