"""The risks page's forms: a new entry; for one entry, an action, an action done, a review
(re-assessment), a link to a plan task, closing or reopening."""

from __future__ import annotations

from datetime import date

import streamlit as st

from qms.domain.risks import SCALE, RiskKind, RiskStatus
from qms.i18n import t
from qms.queries.organizations import UnitView
from qms.queries.risks import ActionRow, RiskRow
from qms.services import risks
from qms.services.context import Actor
from qms.ui.widgets import run_action

People = list[tuple[int, str]]


def _scale(col, key: str, label_key: str, value: int = 3) -> int:  # type: ignore[no-untyped-def]
    return col.selectbox(t(label_key), list(SCALE), index=list(SCALE).index(value), key=key)


def new_risk_form(actor: Actor, units: list[UnitView], people: People,
                  documents: list[tuple[int, str]]) -> None:
    """For those who keep the register (an officer for their own unit)."""
    if not (actor.can("risk.manage") or actor.can("risk.manage", unit_id=actor.unit_id)):
        return
    unit_names, user_names, doc_names = {u.id: u.name for u in units}, dict(people), \
        dict(documents)
    with st.expander(t("risk.new")), st.form("risk.new.form", clear_on_submit=True):
        kind = st.radio(t("field.risk.kind"), [k.value for k in RiskKind], horizontal=True,
                        key="risk.new.kind", format_func=lambda k: t(f"risk.kind.{k}"))
        description = st.text_area(t("field.risk.description"), key="risk.new.description")
        cols = st.columns(2)
        cause = cols[0].text_area(t("field.risk.cause"), key="risk.new.cause")
        consequence = cols[1].text_area(t("field.risk.consequence"), key="risk.new.consequence")
        cols = st.columns(3)
        unit = cols[0].selectbox(t("field.risk.unit"), [None, *unit_names], key="risk.new.unit",
                                 index=[None, *unit_names].index(actor.unit_id)
                                 if actor.unit_id in unit_names else 0,
                                 format_func=lambda i: unit_names.get(i, "—"))
        doc = cols[1].selectbox(t("field.risk.document"), [None, *doc_names],
                                key="risk.new.document",
                                format_func=lambda i: doc_names.get(i, "—"))
        owner = cols[2].selectbox(t("field.risk.owner"), [None, *user_names],
                                  key="risk.new.owner",
                                  format_func=lambda i: user_names.get(i, "—"))
        cols = st.columns(3)
        likelihood = _scale(cols[0], "risk.new.likelihood", "field.risk.likelihood")
        impact = _scale(cols[1], "risk.new.impact", "field.risk.impact")
        review = cols[2].date_input(t("field.risk.next_review"), value=None,
                                    key="risk.new.next_review", format="DD/MM/YYYY")
        if st.form_submit_button(t("risk.new.submit"), type="primary"):
            run_action(lambda: risks.create_risk(actor, risks.RiskInput(
                kind, description, likelihood, impact, unit, doc, cause, consequence, owner,
                review)), t("risk.new.done"))


def entry_forms(actor: Actor, r: RiskRow, actions: list[ActionRow], people: People,
                tasks: list[tuple[int, str]]) -> None:
    """The forms of one entry, each shown only to those the matrix allows."""
    manage = risks.may_on_risk(actor, "risk.manage", r.unit_id, r.owner_id)
    for a in actions:
        if a.status == "open" and risks.may_update_action(actor, a.owner_id):
            _complete_form(actor, a)
    if r.status == RiskStatus.OPEN.value:
        if manage:
            _action_form(actor, r, people)
        if risks.may_on_risk(actor, "risk.review", r.unit_id, r.owner_id):
            _review_form(actor, r)
        if manage and tasks and actor.can("trace.link"):
            _link_form(actor, r, tasks)
    if manage:
        _status_form(actor, r)


def _action_form(actor: Actor, r: RiskRow, people: People) -> None:
    names = dict(people)
    with st.form("risk.action.form", clear_on_submit=True):
        st.markdown(f"**{t('risk.action.add')}**")
        text = st.text_area(t("field.risk.action"), key="risk.action.description")
        cols = st.columns(2)
        owner = cols[0].selectbox(t("field.risk.owner"), [None, *names], key="risk.action.owner",
                                  format_func=lambda i: names.get(i, "—"))
        due = cols[1].date_input(t("field.risk.due_date"), value=None, key="risk.action.due",
                                 format="DD/MM/YYYY")
        if st.form_submit_button(t("risk.action.submit")):
            run_action(lambda: risks.add_action(actor, r.id, risks.RiskActionInput(
                text, owner, due)), t("risk.action.done"))


def _complete_form(actor: Actor, a: ActionRow) -> None:
    with st.form(f"risk.complete.{a.id}", clear_on_submit=True):
        st.markdown(f"**{a.description[:160]}**")
        note = st.text_area(t("field.risk.result"), key=f"risk.complete.note.{a.id}")
        if st.form_submit_button(t("risk.complete.submit")):
            run_action(lambda: risks.complete_action(actor, a.id, note, a.version),
                       t("risk.complete.done"))


def _review_form(actor: Actor, r: RiskRow) -> None:
    with st.form("risk.review.form"):
        st.markdown(f"**{t('risk.review.title')}**")
        cols = st.columns(3)
        likelihood = _scale(cols[0], "risk.review.likelihood", "field.risk.likelihood",
                            r.likelihood)
        impact = _scale(cols[1], "risk.review.impact", "field.risk.impact", r.impact)
        nxt: date | None = cols[2].date_input(t("field.risk.next_review"), value=None,
                                              key="risk.review.next", format="DD/MM/YYYY")
        note = st.text_area(t("field.risk.note"), key="risk.review.note")
        if st.form_submit_button(t("risk.review.submit"), type="primary"):
            run_action(lambda: risks.review_risk(actor, r.id, risks.ReviewInput(
                likelihood, impact, note, nxt), r.version), t("risk.review.done"))


def _link_form(actor: Actor, r: RiskRow, tasks: list[tuple[int, str]]) -> None:
    names = dict(tasks)
    with st.form("risk.link.form"):
        task = st.selectbox(t("risk.link.task"), list(names), key="risk.link.task",
                            format_func=lambda i: names[i])
        if st.form_submit_button(t("risk.link.submit")):
            run_action(lambda: risks.link_task(actor, r.id, task), t("risk.link.done"))


def _status_form(actor: Actor, r: RiskRow) -> None:
    closing = r.status == RiskStatus.OPEN.value
    target = RiskStatus.CLOSED.value if closing else RiskStatus.OPEN.value
    with st.form("risk.status.form"):
        if st.form_submit_button(t("risk.close") if closing else t("risk.reopen")):
            run_action(lambda: risks.set_risk_status(actor, r.id, target, r.version),
                       t("risk.status.done"))
