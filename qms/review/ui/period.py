"""The periodic report page: choose plan and period, preview, download, edit narratives."""

from __future__ import annotations

from datetime import date

import streamlit as st

from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.plan.queries import PeriodView
from qms.review.period_queries import Narratives, PeriodReportData, plan_of_period
from qms.review.period_report import period_pdf, period_xlsx
from qms.review.period_reports import NarrativeInput, save_narratives
from qms.review.rules import NARRATIVES
from qms.ui.deep_link import preset
from qms.ui.report_sections_view import section_view
from qms.ui.widgets import run_action

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_from_link(org_id: int) -> None:
    """A deep link ``?period=ID`` selects the period's plan too."""
    wanted = st.query_params.get("period")
    if wanted and wanted.isdigit() and "plan" not in st.query_params:
        plan_id = plan_of_period(org_id, int(wanted))
        if plan_id is not None:
            st.query_params["plan"] = str(plan_id)


def choose_period(periods: list[PeriodView]) -> PeriodView:
    """Pick a reporting period; ``?period=ID`` preselects it."""
    index = preset([p.id for p in periods], "period")
    return st.selectbox(t("report.period"), periods, index=index, key="report.period",
                        format_func=lambda p: f"{p.name} ({vn_short_date(p.start_date)} – "
                                              f"{vn_short_date(p.end_date)})")


def downloads(report: PeriodReportData) -> None:
    stem = f"bao-cao-{report.narratives.period_id}"
    cols = st.columns(2)
    cols[0].download_button(t("report.download_pdf"), lambda: period_pdf(report),
                            f"{stem}.pdf", "application/pdf", key="report.download.pdf")
    cols[1].download_button(t("report.download_xlsx"), lambda: period_xlsx(report),
                            f"{stem}.xlsx", XLSX, key="report.download.xlsx")


def preview(report: PeriodReportData) -> None:
    """The narratives and every section, in the report's order."""
    n = report.narratives
    for name in NARRATIVES:
        st.markdown(f"**{t(f'field.report.{name}')}**")
        st.write(getattr(n, name) or t("report.not_written"))
    if not report.sections:
        st.info(t("report.no_sections"))
    for i, section in enumerate(report.sections, 1):
        section_view(section, i, "report.section")


def narratives_form(actor: Actor, n: Narratives) -> None:
    """The ISO officer's form; saved with the version first shown (kept across reruns), so a
    save made meanwhile by someone else is refused instead of overwritten."""
    if not actor.can("period_report.edit"):
        return
    seen_key = f"report.form.version.{n.period_id}"
    seen = st.session_state.setdefault(seen_key, n.version)
    with st.form("report.form"):
        st.markdown(f"**{t('report.form.title')}**")
        values = {name: st.text_area(t(f"field.report.{name}"), getattr(n, name), height=150,
                                     key=f"report.form.{name}") for name in NARRATIVES}
        cols = st.columns(2)
        number = cols[0].text_input(t("field.report.number"), n.number, key="report.form.number")
        issued: date | None = cols[1].date_input(t("field.report.issued_on"), n.issued_on,
                                                 key="report.form.issued_on", format="DD/MM/YYYY")
        if st.form_submit_button(t("report.form.submit"), type="primary"):
            data = NarrativeInput(values["general_assessment"], values["difficulties"],
                                  values["next_tasks"], number, issued)
            del st.session_state[seen_key]  # the next run shows the version now stored
            run_action(lambda: save_narratives(actor, n.period_id, data, seen),
                       t("report.form.saved"))
