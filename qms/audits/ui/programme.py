"""Programme page widgets: open a year, the coverage heatmap, plan an audit."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.audits import programme as audits
from qms.audits.queries import AuditView
from qms.audits.rules import Coverage
from qms.audits.scope_queries import ScopeChoices
from qms.audits.ui.plan import audit_fields
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.ui.widgets import run_action


def open_programme_form(actor: Actor, year: int) -> None:
    """The form that opens the year's programme (ISO officer, admin)."""
    if not actor.can("audit.programme"):
        st.info(t("audit.programme.none", year=year))
        return
    with st.form("audit.programme.form"):
        objectives = st.text_area(t("field.audit.objectives"), key="audit.programme.objectives",
                                  value=t("audit.programme.default_objectives"))
        if st.form_submit_button(t("audit.programme.create", year=year)):
            run_action(lambda: audits.create_programme(actor, year, objectives),
                       t("audit.programme.created", year=year))


def audits_table(rows: list[AuditView]) -> None:
    """The programme's audits with type, dates, lead auditor and status."""
    if not rows:
        st.info(t("audit.programme.no_audits"))
        return
    st.dataframe(pd.DataFrame({
        t("field.audit.title"): [a.title for a in rows],
        t("audit.type"): [t(f"audit.type.{a.audit_type}") for a in rows],
        t("audit.units"): [", ".join(a.unit_names) for a in rows],
        t("audit.dates"): [_dates(a) for a in rows],
        t("audit.lead"): [a.lead_auditor for a in rows],
        t("audit.status"): [t(f"audit.status.{a.status}") for a in rows],
    }), hide_index=True, key="audit.programme.table")


def _dates(a: AuditView) -> str:
    if a.start_date is None:
        return ""
    end = f" – {a.end_date:%d/%m/%Y}" if a.end_date else ""
    return f"{a.start_date:%d/%m/%Y}{end}"


def coverage_heatmap(cov: Coverage, units: list[str], leaves: list[str]) -> None:
    """Clause × unit: how many audits reach each cell; gaps listed below in red."""
    frame = pd.DataFrame([[cov.cells.get((c, u), 0) for u in units] for c in leaves],
                         index=leaves, columns=units)
    styled = frame.style.map(lambda v: "background-color: #c8e6c9" if v else
                             "background-color: #ffcdd2")
    st.dataframe(styled, key="audit.programme.coverage")
    if cov.clauses_missing:
        st.warning(t("audit.coverage.clauses_missing", n=len(cov.clauses_missing),
                     codes=", ".join(cov.clauses_missing)))
    if cov.units_missing:
        st.warning(t("audit.coverage.units_missing", names=", ".join(cov.units_missing)))
    if not cov.clauses_missing and not cov.units_missing:
        st.success(t("audit.coverage.complete"))


def plan_form(actor: Actor, programme_id: int, c: ScopeChoices) -> None:
    """Plan an audit: scope, team, dates; independence is checked by the service."""
    with st.form("audit.plan.form"):
        data = audit_fields(c, "audit.plan")
        if st.form_submit_button(t("audit.plan.submit")):
            run_action(lambda: audits.plan_audit(actor, programme_id, data),
                       t("audit.plan.saved"))
