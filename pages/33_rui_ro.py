"""Rủi ro và cơ hội: sổ theo dõi theo quy trình và bộ phận, ma trận, hành động, đánh giá lại."""

import streamlit as st

from qms.auth.organization_queries import list_units
from qms.auth.queries import list_users
from qms.core.clock import today
from qms.core.i18n import t
from qms.risks import queries
from qms.risks.ui import forms as risks_forms
from qms.risks.ui import view as risks_view
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("risks")
flash()
org_id, day = actor.organization_id, today()
st.caption(t("risk.intro"))
units = list_units(org_id, active_only=True)
rows = queries.register(org_id, day, risks_view.filters(units))
left, right = st.columns([3, 2])
with left:
    risks_view.matrix_chart(rows)
with right:
    risks_view.legend()
risks_view.table(rows)
people = [(u.id, u.full_name) for u in list_users(org_id) if u.is_active]
row = risks_view.choose(rows)
if row is not None:
    actions = queries.actions(org_id, day, risk_id=row.id)
    risks_view.detail(row, actions, queries.reviews(org_id, row.id),
                      queries.linked_tasks(org_id, row.id))
    risks_forms.entry_forms(actor, row, actions, people, queries.current_tasks(org_id))
documents = queries.documents(org_id)
if row is not None:
    risks_forms.edit_form(actor, row, units, people, documents)
st.divider()
risks_forms.new_risk_form(actor, units, people, documents)
