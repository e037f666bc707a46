"""Tự kiểm tra: nhiệm vụ tự kiểm tra theo kỳ báo cáo, tài liệu kiểm chứng, nộp và xem xét."""

import streamlit as st

from qms.auth.organization_queries import list_units
from qms.auth.queries import list_users
from qms.core.clock import today
from qms.core.i18n import t
from qms.duties import queries
from qms.duties.ui import forms as duties_forms
from qms.duties.ui import view as duties_view
from qms.ui.guard import guard
from qms.ui.widgets import flash

actor = guard("duties")
flash()
org_id, day = actor.organization_id, today()
options, default = queries.periods(org_id, day)
if not options:
    st.info(t("plan.none"))
    st.stop()

st.caption(t("duty.intro"))
period = duties_view.choose_period(options, default)
units = list_units(org_id, active_only=True)
rows = queries.board(org_id, period.id, day, duties_view.filters(units))
duties_view.table(rows)
row = duties_view.choose(rows)
if row is not None:
    items = queries.report_evidence(org_id, row.report_id) if row.report_id else []
    history = queries.report_history(org_id, row.report_id) if row.report_id else []
    duties_view.detail(actor, row, items, history)
    duties_forms.owner_forms(actor, row, queries.evidence_choices(org_id))

st.divider()
duties_forms.queue(actor, queries.submitted_queue(org_id, day))
plan_id = queries.plan_of_period(org_id, period.id)
if plan_id is not None and actor.can("duty.manage"):
    people = [(u.id, u.full_name) for u in list_users(org_id) if u.is_active]
    duties_forms.new_duty_form(actor, plan_id, units, people,
                               queries.duty_tasks(org_id, plan_id))
