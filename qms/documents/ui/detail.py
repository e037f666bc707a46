"""One document on the register page: header, revision picker, content, history, diff,
attachments, linked plan tasks and the controlled copy."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from qms.auth.organization_queries import get_organization
from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.text import inert_markdown as inert
from qms.core.vn_dates import vn_short_date
from qms.documents import drafts as documents
from qms.documents.copy_queries import copy_of
from qms.documents.queries import DocumentDetail, RevisionView, attachment_file
from qms.documents.report import controlled_copy_pdf
from qms.documents.rules import (
    OPEN_STATUSES,
    WORKFLOW,
    RevisionAction,
    RevisionStatus,
    revision_diff,
)
from qms.features import page_path
from qms.trace.queries import tasks_for_entity
from qms.ui.widgets import run_action

_HEADING = re.compile(r"^(#{1,6})\s", re.MULTILINE)
PENDING = "documents.pending_revision"  # (document id, revision id) to show after a rerun
STATUS_ICON = {"draft": "✏️", "in_review": "🔍", "effective": "✅", "superseded": "🗄️",
               "obsolete": "⛔"}


def header(doc: DocumentDetail) -> None:
    st.subheader(f"{doc.code} — {doc.title}")
    facts = [t(f"documents.type.{doc.doc_type}"), doc.owner_unit or "—",
             t(f"documents.doc_status.{doc.status}")]
    st.caption(" · ".join(facts))
    if doc.iso_clauses:
        st.caption(f"{t('documents.iso_clauses')}: {', '.join(doc.iso_clauses)}")
    if doc.next_review_date:
        st.caption(f"{t('documents.col.next_review_date')}: "
                   f"{vn_short_date(doc.next_review_date)}")
    if doc.legal_bases:
        with st.expander(t("documents.legal_bases", n=len(doc.legal_bases))):
            for basis in doc.legal_bases:
                st.markdown(f"- {basis}")


def _default(doc: DocumentDetail) -> RevisionView:
    open_ones = [r for r in doc.revisions if r.status in OPEN_STATUSES]
    if open_ones:
        return open_ones[-1]
    return doc.effective or doc.revisions[-1]


def _label(rev: RevisionView) -> str:
    return (f"{STATUS_ICON.get(rev.status, '')} {t('documents.issue_n', n=rev.issue)} — "
            f"{t(f'documents.status.{rev.status}')}")


def choose_revision(doc: DocumentDetail) -> RevisionView:
    """The revision to show; an open one first (the work in hand), else the effective one."""
    key = f"documents.revision.{doc.id}"
    pending = st.session_state.pop(PENDING, None)
    ids = [r.id for r in reversed(doc.revisions)]
    if pending and pending[0] == doc.id and pending[1] in ids:
        st.session_state[key] = pending[1]
    elif st.session_state.get(key) not in ids:
        st.session_state[key] = _default(doc).id
    chosen = st.selectbox(t("documents.revision"), ids, key=key,
                          format_func=lambda i: _label(doc.revision(i)))
    return doc.revision(chosen) or _default(doc)


def revision_panel(rev: RevisionView) -> None:
    """Status, signatories and the change summary of one revision."""
    if rev.status in (RevisionStatus.SUPERSEDED, RevisionStatus.OBSOLETE):
        st.error(t("documents.expired_note"))
    elif rev.status in OPEN_STATUSES:
        st.info(t("documents.draft_note"))
    rows = [(t("documents.drafter"), rev.drafter_name, rev.drafter_title),
            (t("documents.reviewer"), rev.reviewer_name, rev.reviewer_title),
            (t("documents.approver"), rev.approver_name, rev.approver_title)]
    st.dataframe(pd.DataFrame(rows, columns=[t("documents.role"), t("documents.name"),
                                             t("documents.title_col")]),
                 hide_index=True, key="documents.signatories")
    if rev.approved_at:
        st.caption(t("documents.signed", when=rev.approved_at.strftime("%d/%m/%Y %H:%M"),
                     meaning=rev.signature_meaning))
    if rev.change_summary:
        st.markdown(f"**{t('field.document.change_summary')}:** {inert(rev.change_summary)}")
    if rev.review_comments:
        st.markdown(f"**{t('field.document.review_comments')}:** {inert(rev.review_comments)}")


def content(rev: RevisionView) -> None:
    """The Markdown as written (headings two levels down, under the page's own); Streamlit
    escapes any HTML in it, and ``inert`` keeps images and links to other hosts out."""
    if rev.content.strip():
        st.markdown(_HEADING.sub(lambda m: "#" * min(len(m.group(1)) + 2, 6) + " ",
                                 inert(rev.content)))
    else:
        st.caption(t("documents.no_content"))


def history(doc: DocumentDetail) -> None:
    st.dataframe(pd.DataFrame([{
        t("documents.col.issue"): r.issue,
        t("documents.col.status"): t(f"documents.status.{r.status}"),
        t("documents.col.effective_date"): vn_short_date(r.effective_date)
        if r.effective_date else "",
        t("field.document.change_summary"): r.change_summary,
        t("documents.drafter"): r.drafter_name, t("documents.approver"): r.approver_name,
    } for r in reversed(doc.revisions)]), hide_index=True, key="documents.history")


def diff(doc: DocumentDetail, rev: RevisionView) -> None:
    """A unified diff between any two revisions (default: the shown one against its base)."""
    if len(doc.revisions) < 2:
        st.caption(t("documents.diff.single"))
        return
    ids = [r.id for r in reversed(doc.revisions)]
    base = rev.based_on_id if rev.based_on_id in ids else ids[min(1, len(ids) - 1)]
    cols = st.columns(2)
    old = cols[0].selectbox(t("documents.diff.old"), ids, index=ids.index(base),
                            key=f"documents.diff.old.{doc.id}",
                            format_func=lambda i: _label(doc.revision(i)))
    new = cols[1].selectbox(t("documents.diff.new"), ids, index=ids.index(rev.id),
                            key=f"documents.diff.new.{doc.id}",
                            format_func=lambda i: _label(doc.revision(i)))
    a, b = doc.revision(old), doc.revision(new)
    text = revision_diff(a.content, b.content, t("documents.issue_n", n=a.issue),
                         t("documents.issue_n", n=b.issue)) if a and b else ""
    st.code(text or t("documents.diff.same"), language="diff")


def attachments(actor: Actor, doc: DocumentDetail, rev: RevisionView) -> None:
    for att in rev.attachments:
        st.download_button(f"📎 {att.name} ({att.size // 1024 + 1} KB)",
                           _file_getter(actor.organization_id, att.file_id),
                           file_name=att.name, key=f"documents.file.{att.id}",
                           on_click="ignore")
    if not rev.attachments:
        st.caption(t("documents.attachments.none"))
    if not WORKFLOW.allows(rev.status, RevisionAction.EDIT) or \
            not actor.can("document.attach", unit_id=doc.owner_unit_id):
        return
    with st.form("documents.attach", clear_on_submit=True):
        upload = st.file_uploader(t("documents.attachments.file"), key="documents.attach.file")
        if st.form_submit_button(t("documents.attachments.submit")) and upload is not None:
            run_action(lambda: documents.attach_file(actor, rev.id, upload.name,
                                                     upload.getvalue()),
                       t("documents.attachments.done"))


def _file_getter(org_id: int, file_id: int):  # type: ignore[no-untyped-def]
    def load() -> bytes:
        found = attachment_file(org_id, file_id)
        return found.data if found else b""
    return load


def linked_tasks(actor: Actor, doc: DocumentDetail) -> None:
    tasks = tasks_for_entity(actor.organization_id, "procedure", doc.id)
    if not tasks:
        st.caption(t("documents.links.none"))
    for task in tasks:
        st.page_link(page_path("plan"), label=f"{task.code} — {task.text[:120]}",
                     query_params={"plan": task.plan_id, "task": task.task_id})
    st.caption(t("documents.links.later"))


def copy_button(actor: Actor, doc: DocumentDetail, rev: RevisionView) -> None:
    """Download the controlled copy of the shown revision (built only when clicked)."""
    def build() -> bytes:
        org = get_organization(actor.organization_id)
        return controlled_copy_pdf(copy_of(org.data.authority_name if org else "", doc, rev))

    st.download_button(t("documents.copy.download", issue=rev.issue), build,
                       file_name=f"{doc.code}-lan-{rev.issue}.pdf", mime="application/pdf",
                       key="documents.copy", on_click="ignore")
