"""The "Ghi nhận sự không phù hợp" form of the plan-task panel: a nonconformity raised from a
task, linked to it, with the task's unit filled in."""

from __future__ import annotations

import streamlit as st

from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.i18n import t
from qms.nonconformities.recording import NcInput, raise_nonconformity
from qms.nonconformities.ui.detail import PENDING
from qms.nonconformities.ui.new import clause_select, grade_and_source
from qms.plan.queries import TaskDetail
from qms.ui.widgets import run_action


def raise_form(actor: Actor, task: TaskDetail) -> None:
    """The form, for roles that may record nonconformities (nothing for the others)."""
    if not actor.can("nc.create"):
        return
    day = today()
    with st.expander(t("nc.raise.title")), st.form(f"nc.raise.{task.id}", clear_on_submit=True):
        st.caption(t("nc.raise.intro", code=task.code))
        title = st.text_input(t("field.nc.title"), key="nc.raise.title")
        description = st.text_area(t("field.nc.description"), key="nc.raise.description")
        grade, source = grade_and_source("nc.raise", "self_inspection")
        cols = st.columns(2)
        with cols[0]:
            clause = clause_select(t("field.nc.clause"), "nc.raise.clause")
        found_on = cols[1].date_input(t("nc.field.found_on"), value=day, max_value=day,
                                      key="nc.raise.found_on", format="DD/MM/YYYY")
        if st.form_submit_button(t("nc.raise.submit")):
            data = NcInput(description, grade, source, title, found_on,
                           unit_id=task.owner_unit_id, clause=clause)

            def record() -> None:
                st.session_state[PENDING] = raise_nonconformity(actor, "plan_task", task.id,
                                                                data)

            run_action(record, t("nc.raise.done"))
