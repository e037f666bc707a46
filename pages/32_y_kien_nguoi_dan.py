"""Ý kiến người dân: khảo sát sự hài lòng theo kỳ, sổ phản ánh kiến nghị, lập phiếu KPH."""

import streamlit as st

from qms.auth.organization_queries import list_units
from qms.auth.queries import list_users
from qms.core.clock import today
from qms.core.i18n import t
from qms.duties import queries as duties
from qms.plan.queries import list_plans
from qms.ui.guard import guard
from qms.ui.widgets import flash
from qms.voice import queries as voice
from qms.voice.ui import feedback as voice_feedback
from qms.voice.ui import satisfaction as voice_satisfaction

actor = guard("voice")
flash()
org_id, day = actor.organization_id, today()
plans = [p for p in list_plans(org_id) if p.is_current]
st.caption(t("voice.intro"))
satisfaction, register = st.tabs([t("voice.tab.satisfaction"), t("voice.tab.feedback")])

with satisfaction:
    if not plans:
        st.info(t("plan.none"))
    else:
        surveys = voice.surveys(org_id, plans[0].id)
        voice_satisfaction.chart(surveys)
        if surveys:
            chosen = voice_satisfaction.choose(surveys)
            voice_satisfaction.criteria(actor, chosen)
            voice_satisfaction.form(actor, chosen)

with register:
    periods, _ = duties.periods(org_id, day)
    units = list_units(org_id, active_only=True)
    rows = voice.feedback(org_id, day, voice_feedback.filters(periods, units))
    voice_feedback.table(rows)
    people = [(u.id, u.full_name) for u in list_users(org_id) if u.is_active]
    tasks = duties.duty_tasks(org_id, plans[0].id) if plans else []
    voice_feedback.new_form(actor, day, units, people, tasks)
    row = voice_feedback.choose(rows)
    if row is not None:
        voice_feedback.detail(actor, row, day)
