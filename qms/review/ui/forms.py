"""The management-review page's forms: prepare, edit a draft, hold, assess and conclude,
decide, approve, and report on an action. Each calls one service and shows its domain error
in place."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from qms.auth.queries import UserView
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.review import recording as mr
from qms.review.queries import ReviewDetail
from qms.review.rules import WORKFLOW, ReviewActionStatus, ReviewStep
from qms.ui.versions import forget_version, seen_version
from qms.ui.widgets import run_action

DMY = "DD/MM/YYYY"


def _person(label: str, people: list[UserView], key: str, default: int | None = None,
            default_name: str = "") -> int | None:
    """A person of ``people``; a ``default`` not among them (an account since disabled) is
    offered too, so that editing keeps it unless the user picks another."""
    ids: list[int | None] = [None, *(p.id for p in people)]
    names = {p.id: f"{p.full_name} — {p.job_title}" for p in people}
    if default is not None and default not in names:
        ids.append(default)
        names[default] = default_name or f"#{default}"
    return st.selectbox(label, ids, index=ids.index(default) if default in ids else 0, key=key,
                        format_func=lambda i: names.get(i, "—") if i else "—")


def _meeting_fields(k: str, people: list[UserView], shown: mr.ReviewForm,
                    chair: str = "", secretary: str = "") -> mr.ReviewForm:
    """The meeting's widgets, keyed ``<k>.title`` …, showing ``shown``; returns what they hold
    now (call inside a form). ``chair``/``secretary`` name a person no longer offered."""
    title = st.text_input(t("field.review.title"), shown.title, key=f"{k}.title")
    cols = st.columns(3)
    meeting = cols[0].date_input(t("field.review.meeting_date"), shown.meeting_date, format=DMY,
                                 key=f"{k}.meeting_date")
    start = cols[1].date_input(t("field.review.window_start"), shown.window_start, format=DMY,
                               key=f"{k}.window_start")
    end = cols[2].date_input(t("field.review.window_end"), shown.window_end, format=DMY,
                             key=f"{k}.window_end")
    place = st.text_input(t("field.review.place"), shown.place, key=f"{k}.place")
    chair_id = _person(t("field.review.chair"), people, f"{k}.chair", shown.chair_id, chair)
    secretary_id = _person(t("field.review.secretary"), people, f"{k}.secretary",
                           shown.secretary_id, secretary)
    participants = st.text_area(t("field.review.participants"), "\n".join(shown.participants),
                                key=f"{k}.participants", help=t("review.participants_help"))
    return mr.ReviewForm(title, meeting, start, end, place, chair_id, secretary_id,
                         tuple(participants.splitlines()))


def create_form(actor: Actor, people: list[UserView], today: date) -> None:
    """A new review meeting, as a draft."""
    if not actor.can("review.prepare"):
        return
    with st.expander(t("review.new")), st.form("review.new"):
        blank = mr.ReviewForm("", today, today - timedelta(days=365), today)
        form = _meeting_fields("review.new", people, blank)
        if st.form_submit_button(t("review.new.submit"), type="primary"):
            run_action(lambda: mr.create_review(actor, form), t("review.new.done"))


def edit_form(actor: Actor, r: ReviewDetail, people: list[UserView]) -> None:
    """A draft's details, prefilled. The form is keyed by the version first shown: a refused
    save keeps what was typed; after a save or a stale refusal the next run shows the stored
    version afresh (and a click on the old form's button saves nothing)."""
    seen_key = f"review.edit.version.{r.id}"
    seen = seen_version(seen_key, r.version)
    k = f"review.edit.{r.id}.{seen}"
    with st.expander(t("review.edit")), st.form(k):
        stored = mr.ReviewForm(r.title, r.meeting_date, r.window_start, r.window_end, r.place,
                               r.chair_id, r.secretary_id, tuple(r.participants))
        form = _meeting_fields(k, people, stored, r.chair, r.secretary)
        if st.form_submit_button(t("review.edit.submit"), type="primary"):
            forget_version(seen_key)
            run_action(lambda: mr.update_review(actor, r.id, form, seen), t("review.edit.done"))


def status_forms(actor: Actor, r: ReviewDetail, people: list[UserView]) -> None:
    """The step the review's status allows: edit and hold a draft; assess, decide, approve a
    held one."""
    steps = WORKFLOW.steps_from(r.status)
    if ReviewStep.EDIT in steps and actor.can("review.prepare"):
        edit_form(actor, r, people)
    if ReviewStep.HOLD in steps and actor.can("review.prepare"):
        with st.form("review.hold"):
            st.caption(t("review.hold.help"))
            if st.form_submit_button(t("review.hold.submit"), type="primary"):
                run_action(lambda: mr.hold_review(actor, r.id, r.version), t("review.hold.done"))
    if ReviewStep.CONCLUDE in steps and actor.can("review.prepare"):
        _conclude_form(actor, r)
    if ReviewStep.DECIDE in steps and actor.can("review.prepare"):
        _decision_form(actor, r, people)
    if ReviewStep.APPROVE in steps and actor.can("review.approve"):
        with st.form("review.approve"):
            st.caption(t("review.approve.help"))
            if st.form_submit_button(t("review.approve.submit"), type="primary"):
                run_action(lambda: mr.approve_review(actor, r.id, r.version),
                           t("review.approve.done"))


def _conclude_form(actor: Actor, r: ReviewDetail) -> None:
    seen_key = f"review.conclude.version.{r.id}"
    seen = seen_version(seen_key, r.version)
    with st.form("review.conclude"):
        st.markdown(f"**{t('review.conclude.title')}**")
        texts = {i.id: st.text_area(f"{n}. {i.section.title}", i.assessment,
                                    key=f"review.conclude.{i.section.key}")
                 for n, i in enumerate(r.inputs, 1) if i.id is not None}
        conclusion = st.text_area(t("field.review.conclusion"), r.conclusion,
                                  key="review.conclude.conclusion")
        if st.form_submit_button(t("review.conclude.submit"), type="primary"):
            forget_version(seen_key)
            run_action(lambda: mr.record_conclusions(actor, r.id, texts, conclusion, seen),
                       t("review.conclude.done"))


def _decision_form(actor: Actor, r: ReviewDetail, people: list[UserView]) -> None:
    with st.form("review.decide", clear_on_submit=True):
        st.markdown(f"**{t('review.decide.title')}**")
        text = st.text_area(t("field.review.decision"), key="review.decide.text")
        cols = st.columns(2)
        with cols[0]:
            owner = _person(t("field.review.owner"), people, "review.decide.owner")
        due = cols[1].date_input(t("field.review.due_date"), r.meeting_date + timedelta(days=30),
                                 format=DMY, key="review.decide.due_date")
        if st.form_submit_button(t("review.decide.submit"), type="primary"):
            run_action(lambda: mr.add_decision(actor, r.id, mr.DecisionForm(text, owner, due)),
                       t("review.decide.done"))


def action_forms(actor: Actor, r: ReviewDetail, today: date) -> None:
    """A report form for each action the user may update (its owner, the ISO officer);
    ``?action=ID`` (from "Việc của tôi") shows only that one."""
    wanted = st.query_params.get("action")
    statuses = [s.value for s in ReviewActionStatus]
    for a in r.actions:
        mine = actor.can("review.action_update", action_owner_id=a.owner_id)
        if not mine or (wanted and wanted != str(a.id)):
            continue
        seen_key = f"review.action.{a.id}.version"
        seen = seen_version(seen_key, a.version)
        with st.form(f"review.action.{a.id}"):
            st.markdown(f"**{a.ordinal}. {a.text}**")
            cols = st.columns(2)
            status = cols[0].selectbox(t("field.review.status"), statuses,
                                       index=statuses.index(a.status),
                                       key=f"review.action.{a.id}.status",
                                       format_func=lambda s: t(f"field.review.action_status.{s}"))
            done_on = cols[1].date_input(t("field.review.done_on"), a.done_on or today,
                                         format=DMY, key=f"review.action.{a.id}.done_on")
            note = st.text_area(t("field.review.done_note"), a.done_note,
                                key=f"review.action.{a.id}.note")
            if st.form_submit_button(t("review.action.submit")):
                update = mr.ActionUpdate(status, note, done_on)
                forget_version(seen_key)
                run_action(lambda a=a, u=update, v=seen: mr.update_review_action(actor, a.id,
                                                                                 u, v),
                           t("review.action.done"))
