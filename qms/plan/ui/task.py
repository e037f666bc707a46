"""The task panel of the plan page: edit form, targets and measurements, links, evidence."""

from __future__ import annotations

import streamlit as st

from qms.auth.organization_queries import UnitView
from qms.auth.queries import UserView
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.nonconformities.ui import raising as nc_raise
from qms.plan import tasks as plan_tasks
from qms.plan.queries import PeriodView, TaskDetail
from qms.plan.rules import TaskStatus
from qms.trace import evidence
from qms.trace import links as trace
from qms.trace.queries import (
    LinkView,
    evidence_choices,
    evidence_files,
    file_content,
    links_for_task,
)
from qms.ui.evidence_fields import evidence_fields
from qms.ui.widgets import run_action

STATUSES = [s.value for s in TaskStatus]


def task_panel(actor: Actor, task: TaskDetail, units: list[UnitView], people: list[UserView],
               periods: list[PeriodView]) -> None:
    """Everything about one task, with the forms the actor's roles allow."""
    st.markdown(f"**{task.code}** — {task.text}")
    if task.is_duty:
        st.caption("🔎 " + t("plan.task.is_duty"))
    if task.references:
        st.caption(t("plan.task.references") + ": " +
                   "; ".join(r.get("text") or r.get("number", "") for r in task.references))
    _edit_form(actor, task, units, people)
    if task.targets:
        _targets(actor, task, periods)
    _links(actor, task)
    nc_raise.raise_form(actor, task)


def _edit_form(actor: Actor, task: TaskDetail, units: list[UnitView],
               people: list[UserView]) -> None:
    editable = actor.can("plan_task.update", unit_id=task.owner_unit_id)
    unit_names = {u.id: u.name for u in units}
    person_names = {p.id: p.full_name for p in people}
    with st.form(f"plan.task.form.{task.id}"):
        cols = st.columns(2)
        unit_ids: list[int | None] = [None, *unit_names]
        owner_unit = cols[0].selectbox(
            t("field.plan.owner_unit"), unit_ids, key="plan.task.owner_unit",
            index=unit_ids.index(task.owner_unit_id) if task.owner_unit_id in unit_ids else 0,
            format_func=lambda i: unit_names.get(i, "—"), disabled=not editable)
        person_ids: list[int | None] = [None, *person_names]
        owner_user = cols[1].selectbox(
            t("field.plan.owner_user"), person_ids, key="plan.task.owner_user",
            index=person_ids.index(task.owner_user_id) if task.owner_user_id in person_ids else 0,
            format_func=lambda i: person_names.get(i, "—"), disabled=not editable)
        due = cols[0].date_input(t("field.plan.due_date"), value=task.due_date,
                                 key="plan.task.due_date", format="DD/MM/YYYY",
                                 disabled=not editable)
        status = cols[1].selectbox(t("field.plan.status"), STATUSES, key="plan.task.status",
                                   index=STATUSES.index(task.status),
                                   format_func=lambda s: t(f"plan.status.{s}"),
                                   disabled=not editable)
        note = st.text_area(t("field.plan.progress_note"), value=task.progress_note,
                            key="plan.task.progress_note", disabled=not editable)
        if st.form_submit_button(t("action.save"), disabled=not editable, type="primary"):
            data = plan_tasks.TaskUpdate(owner_unit, owner_user, due, status, note)
            run_action(lambda: plan_tasks.update_task(actor, task.id, data, task.version),
                       t("action.saved"))


def _targets(actor: Actor, task: TaskDetail, periods: list[PeriodView]) -> None:
    st.markdown(f"**{t('plan.targets')}**")
    rows = []
    for target in task.targets:
        row = {t("plan.target.text"): target.text or f"{target.comparator} {target.value}"}
        for p in periods:
            value = target.measurements.get(p.id)
            row[p.name] = "" if value is None else \
                f"{value[0]:g}{target.unit} {'✅' if value[2] else '❌'}"
        rows.append(row)
    st.dataframe(rows, hide_index=True, key="plan.targets.table")
    if not actor.can("plan_target.measure", unit_id=task.owner_unit_id) or not periods:
        return
    with st.form(f"plan.measure.{task.id}", clear_on_submit=True):
        cols = st.columns(3)
        target = cols[0].selectbox(t("plan.target.text"), task.targets, key="plan.measure.target",
                                   format_func=lambda x: x.text or f"{x.comparator} {x.value}")
        period = cols[1].selectbox(t("plan.period"), periods, key="plan.measure.period",
                                   format_func=lambda p: p.name)
        value = cols[2].number_input(t("plan.measure.value"), min_value=0.0, max_value=100.0,
                                     step=0.1, key="plan.measure.value")
        note = st.text_input(t("field.note"), key="plan.measure.note")
        if st.form_submit_button(t("plan.measure.submit")):
            run_action(lambda: plan_tasks.record_measurement(actor, target.id, period.id,
                                                             float(value), note),
                       t("action.saved"))


def _links(actor: Actor, task: TaskDetail) -> None:
    st.markdown(f"**{t('plan.links')}**")
    links = links_for_task(actor.organization_id, task.id)
    if links:
        st.dataframe([{t("trace.col.type"): t(f"trace.type.{x.entity_type}"),
                       t("trace.col.record"): x.label, t("field.note"): x.note} for x in links],
                     hide_index=True, key="plan.links.table")
        _downloads(actor, links)
    else:
        st.caption(t("plan.links.none"))
    if actor.can("trace.link"):
        _link_form(actor, task)
    if actor.can("evidence.create"):
        _evidence_form(actor, task)
    if links and actor.can("trace.unlink"):
        with st.form(f"plan.unlink.{task.id}", clear_on_submit=True):
            chosen = st.selectbox(t("plan.unlink.choose"), links, key="plan.unlink.link",
                                  format_func=lambda x: f"{t(f'trace.type.{x.entity_type}')}: "
                                                        f"{x.label}")
            reason = st.text_input(t("field.reason"), key="plan.unlink.reason")
            if st.form_submit_button(t("plan.unlink.submit")):
                run_action(lambda: trace.unlink(actor, chosen.id, reason), t("action.saved"))


def _downloads(actor: Actor, links: list[LinkView]) -> None:
    files = evidence_files(actor.organization_id,
                           [x.entity_id for x in links if x.entity_type == "evidence"])
    for evidence_id, (file_id, name) in files.items():
        def content(file_id: int = file_id) -> bytes:
            found = file_content(actor.organization_id, file_id)
            return found.content if found else b""

        st.download_button(f"⬇️ {name}", content, file_name=name, on_click="ignore",
                           key=f"plan.evidence.download.{evidence_id}")


def _link_form(actor: Actor, task: TaskDetail) -> None:
    choices = evidence_choices(actor.organization_id)
    if not choices:
        return
    with st.form(f"plan.link.{task.id}", clear_on_submit=True):
        chosen = st.selectbox(t("plan.link.evidence"), choices, key="plan.link.evidence",
                              format_func=lambda c: c[1])
        note = st.text_input(t("field.note"), key="plan.link.note")
        if st.form_submit_button(t("plan.link.submit")):
            run_action(lambda: trace.link(actor, task.id, "evidence", chosen[0], note),
                       t("plan.link.done"))


def _evidence_form(actor: Actor, task: TaskDetail) -> None:
    with st.expander(t("plan.evidence.add")), \
            st.form(f"plan.evidence.{task.id}", clear_on_submit=True):
        new = evidence_fields("plan.evidence.{field}")
        if st.form_submit_button(t("plan.evidence.submit")):
            run_action(lambda: evidence.add_evidence(actor, new.data, new.file_name, new.content,
                                                     link_task_id=task.id),
                       t("plan.evidence.done"))



