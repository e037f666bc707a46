"""The risks page's forms: a new entry; for one entry, an action, an action done, a review
(re-assessment), a link to a plan task, closing or reopening."""

from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from qms.auth.organization_queries import UnitView
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.risks import recording as risks
from qms.risks.queries import ActionRow, RiskRow
from qms.risks.rules import (
    ACTION_WORKFLOW,
    SCALE,
    WORKFLOW,
    ActionStep,
    RiskKind,
    RiskStatus,
    RiskStep,
)
from qms.ui.versions import forget_version, seen_version
from qms.ui.widgets import run_action

People = list[tuple[int, str]]


def _scale(col: DeltaGenerator, key: str, label_key: str, value: int = 3) -> int:
    return col.selectbox(t(label_key), list(SCALE), index=list(SCALE).index(value), key=key)


def _pick(col: DeltaGenerator, label_key: str, names: dict[int, str], key: str,
          current: int | None) -> int | None:
    ids: list[int | None] = [None, *names]
    return col.selectbox(t(label_key), ids, key=key,
                         index=ids.index(current) if current in ids else 0,
                         format_func=lambda i: names.get(i, "—"))


def _fields(prefix: str, units: list[UnitView], people: People,
            documents: list[tuple[int, str]], base: RiskRow | None,
            unit_id: int | None) -> risks.RiskInput:
    """The entry's fields inside a form; ``base`` presets them (likelihood and impact are
    then kept: they change through a review)."""
    kinds = [k.value for k in RiskKind]
    kind = st.radio(t("field.risk.kind"), kinds, horizontal=True, key=f"{prefix}.kind",
                    index=kinds.index(base.kind) if base else 0,
                    format_func=lambda k: t(f"risk.kind.{k}"))
    description = st.text_area(t("field.risk.description"), key=f"{prefix}.description",
                               value=base.description if base else "")
    cols = st.columns(2)
    cause = cols[0].text_area(t("field.risk.cause"), key=f"{prefix}.cause",
                              value=base.cause if base else "")
    consequence = cols[1].text_area(t("field.risk.consequence"), key=f"{prefix}.consequence",
                                    value=base.consequence if base else "")
    cols = st.columns(3)
    unit = _pick(cols[0], "field.risk.unit", {u.id: u.name for u in units}, f"{prefix}.unit",
                 base.unit_id if base else unit_id)
    doc = _pick(cols[1], "field.risk.document", dict(documents), f"{prefix}.document",
                base.document_id if base else None)
    owner = _pick(cols[2], "field.risk.owner", dict(people), f"{prefix}.owner",
                  base.owner_id if base else None)
    cols = st.columns(3)
    if base is None:
        likelihood = _scale(cols[0], f"{prefix}.likelihood", "field.risk.likelihood")
        impact = _scale(cols[1], f"{prefix}.impact", "field.risk.impact")
    else:
        likelihood, impact = base.likelihood, base.impact
    review = cols[2].date_input(t("field.risk.next_review"), key=f"{prefix}.next_review",
                                value=base.next_review_date if base else None,
                                format="DD/MM/YYYY")
    return risks.RiskInput(kind, description, likelihood, impact, unit, doc, cause,
                           consequence, owner, review)


def new_risk_form(actor: Actor, units: list[UnitView], people: People,
                  documents: list[tuple[int, str]]) -> None:
    """For those who keep the register (an officer for their own unit)."""
    if not (actor.can("risk.manage") or actor.can("risk.manage", unit_id=actor.unit_id)):
        return
    with st.expander(t("risk.new")), st.form("risk.new.form", clear_on_submit=True):
        data = _fields("risk.new", units, people, documents, None, actor.unit_id)
        if st.form_submit_button(t("risk.new.submit"), type="primary"):
            run_action(lambda: risks.create_risk(actor, data), t("risk.new.done"))


def edit_form(actor: Actor, r: RiskRow, units: list[UnitView], people: People,
              documents: list[tuple[int, str]]) -> None:
    """Correct an entry (not its level: that is what a review is for)."""
    if not actor.can("risk.manage", unit_id=r.unit_id, owner_id=r.owner_id):
        return
    seen_key = f"risk.edit.{r.id}.version"
    seen = seen_version(seen_key, r.version)  # a save from this copy is refused once stale
    with st.expander(t("risk.edit")), st.form("risk.edit.form"):
        data = _fields(f"risk.edit.{r.id}", units, people, documents, r, None)
        if st.form_submit_button(t("risk.edit.submit")):
            forget_version(seen_key)
            run_action(lambda: risks.update_risk(actor, r.id, data, seen), t("risk.edit.done"))


def entry_forms(actor: Actor, r: RiskRow, actions: list[ActionRow], people: People,
                tasks: list[tuple[int, str]]) -> None:
    """The forms of one entry, each shown only to those the matrix allows."""
    manage = actor.can("risk.manage", unit_id=r.unit_id, owner_id=r.owner_id)
    for a in actions:
        if ACTION_WORKFLOW.allows(a.status, ActionStep.FINISH) and \
                actor.can("risk.action_update", action_owner_id=a.owner_id):
            _complete_form(actor, a)
    steps = WORKFLOW.steps_from(r.status)
    if RiskStep.ACT in steps and manage:
        _action_form(actor, r, people)
    may_review = actor.can("risk.review", unit_id=r.unit_id, owner_id=r.owner_id)
    if RiskStep.REVIEW in steps and may_review:
        _review_form(actor, r)
    if RiskStep.ACT in steps and manage and tasks and actor.can("trace.link"):
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
    seen_key = f"risk.review.{r.id}.version"
    seen = seen_version(seen_key, r.version)
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
            forget_version(seen_key)
            run_action(lambda: risks.review_risk(actor, r.id, risks.ReviewInput(
                likelihood, impact, note, nxt), seen), t("risk.review.done"))


def _link_form(actor: Actor, r: RiskRow, tasks: list[tuple[int, str]]) -> None:
    names = dict(tasks)
    with st.form("risk.link.form"):
        task = st.selectbox(t("risk.link.task"), list(names), key="risk.link.task",
                            format_func=lambda i: names[i])
        if st.form_submit_button(t("risk.link.submit")):
            run_action(lambda: risks.link_task(actor, r.id, task), t("risk.link.done"))


def _status_form(actor: Actor, r: RiskRow) -> None:
    closing = WORKFLOW.allows(r.status, RiskStep.CLOSE)
    target = RiskStatus.CLOSED.value if closing else RiskStatus.OPEN.value
    with st.form("risk.status.form"):
        if st.form_submit_button(t("risk.close") if closing else t("risk.reopen")):
            run_action(lambda: risks.set_risk_status(actor, r.id, target, r.version),
                       t("risk.status.done"))
