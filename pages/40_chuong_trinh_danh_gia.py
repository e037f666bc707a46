"""Chương trình đánh giá nội bộ: các cuộc đánh giá của năm, ma trận bao phủ điều khoản × bộ phận."""

import streamlit as st

from qms.audits import queries
from qms.audits.clauses import leaf_clauses, load_clauses
from qms.audits.scope_queries import scope_choices
from qms.audits.ui import programme as view
from qms.core import clock
from qms.core.data_files import read_packaged
from qms.core.i18n import t
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("audit_programme")
flash()
org_id = actor.organization_id
years = sorted({clock.now().year, *queries.programme_years(org_id)}, reverse=True)
year = st.selectbox(t("audit.programme.year"), years, key="audit.programme.year")
programme = queries.programme_by_year(org_id, year)
if programme is None:
    view.open_programme_form(actor, year)
    st.stop()
if programme.objectives:
    st.markdown(f"**{t('field.audit.objectives')}:** {programme.objectives}")
rows = queries.list_audits(org_id, programme.id)
view.audits_table(rows)
choices = scope_choices(org_id)
st.subheader(t("audit.coverage.title"))
leaves = [c.code for c in leaf_clauses(load_clauses(read_packaged("iso_clauses.csv")))]
view.coverage_heatmap(queries.programme_coverage(org_id, programme.id),
                      list(choices.units.values()), leaves)
if actor.can("audit.plan"):
    st.subheader(t("audit.plan.title"))
    view.plan_form(actor, programme.id, choices)
