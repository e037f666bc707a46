"""The workflow forms of one document, each shown only to roles that may use it.

Draft → (edit) → submit → review (accept / return with comments) → approve with the
approver's password → effective. Also: new draft, discard, withdraw, periodic review.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from qms.core.actor import Actor
from qms.core.i18n import t
from qms.documents import approval as document_approval
from qms.documents import drafts as documents
from qms.documents.queries import DocumentDetail, RevisionView
from qms.documents.rules import OPEN_STATUSES, WORKFLOW, DocumentStatus
from qms.documents.rules import RevisionAction as Act
from qms.documents.ui.detail import PENDING
from qms.ui.widgets import reason_form, run_action


def workflow(actor: Actor, doc: DocumentDetail, rev: RevisionView) -> None:
    """Whatever the actor may do next with this revision: the steps its status allows
    (``WORKFLOW``), each to those the permission matrix lets take it."""
    if doc.status != DocumentStatus.ACTIVE:
        st.info(t("documents.withdrawn_note"))
        return
    unit, steps = doc.owner_unit_id, WORKFLOW.steps_from(rev.status)
    if Act.EDIT in steps:  # a draft: edited, submitted or discarded by its unit
        if actor.can("document.draft", unit_id=unit):
            edit_form(actor, doc, rev)
        if Act.SUBMIT in steps and actor.can("document.submit", unit_id=unit):
            _button_form("documents.submit", t("documents.submit.button"),
                         lambda: documents.submit_revision(actor, rev.id, rev.version),
                         t("documents.submit.done"))
        if Act.DISCARD in steps and actor.can("document.draft", unit_id=unit):
            discard_form(actor, rev)
    elif Act.APPROVE in steps:  # in review: accepted once, then approved
        if not rev.reviewed and actor.can("document.review"):
            review_form(actor, rev)
        elif rev.reviewed and actor.can("document.approve"):
            approve_form(actor, rev)
        else:
            st.caption(t("documents.waiting_approval" if rev.reviewed
                         else "documents.waiting_review"))
    elif Act.WITHDRAW in steps:  # effective: changed, confirmed, withdrawn
        effective_forms(actor, doc, rev)


def _open_revision(doc_id: int, action: Callable[[], int]) -> Callable[[], None]:
    def run() -> None:
        st.session_state[PENDING] = (doc_id, action())
    return run


def _button_form(key: str, label: str, action: Callable[[], object], done: str) -> None:
    with st.form(key):
        if st.form_submit_button(label):
            run_action(action, done)


def edit_form(actor: Actor, doc: DocumentDetail, rev: RevisionView) -> None:
    with st.form("documents.edit"):
        st.markdown(f"**{t('documents.edit.heading')}**")
        suffix = f"{rev.id}.{rev.version}"  # a new version reloads the fields
        title = st.text_input(t("field.document.title"), value=rev.meta.get("title", ""),
                              key=f"documents.edit.title.{suffix}")
        content = st.text_area(t("field.document.content"), value=rev.content, height=400,
                               key=f"documents.edit.content.{suffix}")
        summary = st.text_input(t("field.document.change_summary"), value=rev.change_summary,
                                key=f"documents.edit.summary.{suffix}",
                                help=t("documents.edit.summary_help"))
        if st.form_submit_button(t("documents.edit.save"), type="primary"):
            data = documents.DraftInput(content, summary, title)
            run_action(lambda: documents.edit_draft(actor, rev.id, data, rev.version),
                       t("documents.edit.saved"))


def discard_form(actor: Actor, rev: RevisionView) -> None:
    reason_form("documents.discard", t("documents.discard.title"),
                t("documents.discard.button"),
                lambda reason: documents.discard_revision(actor, rev.id, reason),
                t("documents.discard.done"))


def review_form(actor: Actor, rev: RevisionView) -> None:
    with st.form("documents.review"):
        st.markdown(f"**{t('documents.review.heading')}**")
        comments = st.text_area(t("field.document.review_comments"),
                                key="documents.review.comments")
        cols = st.columns(2)
        accept = cols[0].form_submit_button(t("documents.review.accept"), type="primary")
        reject = cols[1].form_submit_button(t("documents.review.reject"))
    if accept or reject:
        run_action(lambda: documents.review_revision(actor, rev.id, accept, comments,
                                                     rev.version),
                   t("documents.review.accepted" if accept else "documents.review.rejected"))


def approve_form(actor: Actor, rev: RevisionView) -> None:
    """The electronic signature: the approver re-enters their own password."""
    with st.form("documents.approve", clear_on_submit=True):
        st.markdown(f"**{t('documents.approve.heading', issue=rev.issue)}**")
        st.caption(t("documents.approve.meaning"))
        password = st.text_input(t("documents.approve.password"), type="password",
                                 key="documents.approve.password")
        if st.form_submit_button(t("documents.approve.button"), type="primary"):
            run_action(lambda: document_approval.approve_revision(actor, rev.id, password,
                                                                  rev.version),
                       t("documents.approve.done", issue=rev.issue))


def effective_forms(actor: Actor, doc: DocumentDetail, rev: RevisionView) -> None:
    """On the effective revision: start a change, confirm the periodic review, withdraw."""
    busy = any(r.status in OPEN_STATUSES for r in doc.revisions)
    if actor.can("document.draft", unit_id=doc.owner_unit_id) and not busy:
        with st.form("documents.new_draft"):
            summary = st.text_input(t("field.document.change_summary"),
                                    key="documents.new_draft.summary")
            if st.form_submit_button(t("documents.new_draft.button")):
                run_action(_open_revision(doc.id, lambda: documents.start_draft(
                    actor, doc.id, summary)), t("documents.new_draft.done"))
    if actor.can("document.confirm_review"):
        with st.expander(t("documents.confirm_review.title")), \
                st.form("documents.confirm_review"):
            note = st.text_area(t("field.document.review_note"),
                                key="documents.confirm_review.note")
            if st.form_submit_button(t("documents.confirm_review.button")):
                run_action(lambda: documents.confirm_review(actor, doc.id, note, doc.version),
                           t("documents.confirm_review.done"))
    if actor.can("document.withdraw"):
        reason_form("documents.withdraw", t("documents.withdraw.title"),
                    t("documents.withdraw.button"),
                    lambda reason: documents.withdraw_document(actor, doc.id, reason,
                                                               doc.version),
                    t("documents.withdraw.done"))
