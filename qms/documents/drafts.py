"""Document control, the ISO officer's daily work: drafts, review, withdrawal, periodic review.

Approval (with the approver's password) is in ``document_approval``; loading the
``procedures/`` folder in ``document_sync``; the Excel register in ``document_register``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import Conflict, ValidationFailed
from qms.db.uow import unit_of_work
from qms.documents.models import Document, DocumentRevision, RevisionAttachment
from qms.documents.records import (
    concurrency_guard,
    document_in_org,
    effective_of,
    lock_document,
    person,
    revision_hash,
    revision_in_org,
)
from qms.documents.rules import (
    OPEN_STATUSES,
    DocumentStatus,
    RevisionAction,
    RevisionStatus,
    add_months,
    check_independent,
    next_status,
)
from qms.trace.evidence import store_file
from qms.trail.record import record_change
from qms.trail.stale import check_version

MAX_CONTENT = 200_000


@dataclass(frozen=True)
class DraftInput:
    """The edit-draft form."""

    content: str
    change_summary: str
    title: str = ""


def _snapshot(rev: DocumentRevision) -> dict[str, object]:
    return {"status": rev.status, "issue": rev.issue, "content_hash": rev.content_hash,
            "title": rev.meta.get("title"), "change_summary": rev.change_summary}


def _check_version(row: Document | DocumentRevision, expected: int | None) -> None:
    check_version(row, expected)


def _active(doc: Document) -> None:
    if doc.status != DocumentStatus.ACTIVE:
        raise Conflict("document.withdrawn")


@concurrency_guard
def start_draft(actor: Actor, document_id: int, change_summary: str = "") -> int:
    """Open a new draft from the effective revision (its next issue); returns its id."""
    summary = v.text(change_summary, "field.document.change_summary", max_len=2000,
                     multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        doc = document_in_org(s, actor, document_id)
        actor.require("document.draft", unit_id=doc.owner_unit_id)
        _active(doc)
        base = effective_of(s, doc.id)
        if base is None:
            raise Conflict("document.no_effective")
        name, title = person(s, actor.user_id)
        rev = DocumentRevision(
            organization_id=doc.organization_id, document_id=doc.id, based_on_id=base.id,
            issue=base.issue + 1, status=RevisionStatus.DRAFT.value, content=base.content,
            meta=dict(base.meta), content_hash=base.content_hash, change_summary=summary,
            drafter_id=actor.user_id, drafter_name=name or actor.full_name, drafter_title=title)
        s.add(rev)
        s.flush()
        record_change(s, actor, "document.draft", "document", doc.id, after=_snapshot(rev),
                     reason=summary)
        uow.commit()
        return rev.id


@concurrency_guard
def edit_draft(actor: Actor, revision_id: int, data: DraftInput,
               expected_version: int) -> int:
    """Save the content of a draft; returns the revision's new version."""
    content = v.text(data.content.replace("\r\n", "\n"), "field.document.content",
                     max_len=MAX_CONTENT, required=True, multiline=True) + "\n"
    summary = v.text(data.change_summary, "field.document.change_summary", max_len=2000,
                     multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        rev, doc = revision_in_org(s, actor, revision_id)
        actor.require("document.draft", unit_id=doc.owner_unit_id)
        next_status(rev.status, RevisionAction.EDIT)
        _check_version(rev, expected_version)
        title = v.text(data.title or rev.meta.get("title", ""), "field.document.title",
                       max_len=500, required=True)
        before = _snapshot(rev)
        rev.content, rev.change_summary = content, summary
        rev.meta = {**rev.meta, "title": title}
        rev.content_hash = revision_hash(rev)
        if rev.drafter_id is None:  # a draft loaded from a file gets its first in-app author
            rev.drafter_id = actor.user_id
            rev.drafter_name, rev.drafter_title = person(s, actor.user_id)
        s.flush()
        record_change(s, actor, "document.edit", "document", doc.id, before=before,
                     after=_snapshot(rev), reason=summary)
        uow.commit()
        return rev.version


@concurrency_guard
def submit_revision(actor: Actor, revision_id: int, expected_version: int) -> None:
    """Send a draft to review; the revision table needs its change summary first."""
    with unit_of_work() as uow:
        s = uow.session
        rev, doc = revision_in_org(s, actor, revision_id)
        actor.require("document.submit", unit_id=doc.owner_unit_id)
        _active(doc)
        status = next_status(rev.status, RevisionAction.SUBMIT)
        _check_version(rev, expected_version)
        if not rev.change_summary:
            raise ValidationFailed("document.change_summary_required")
        before = _snapshot(rev)
        rev.status = status.value
        rev.reviewer_id, rev.reviewer_name, rev.reviewer_title, rev.reviewed_at = \
            None, "", "", None
        s.flush()
        record_change(s, actor, "document.submit", "document", doc.id, before=before,
                     after=_snapshot(rev), reason=rev.change_summary)
        uow.commit()


@concurrency_guard
def review_revision(actor: Actor, revision_id: int, accept: bool, comments: str,
                    expected_version: int) -> None:
    """The reviewer accepts (it waits for approval) or returns it to draft with comments."""
    actor.require("document.review")
    comments = v.text(comments, "field.document.review_comments", max_len=4000,
                      required=not accept, multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        rev, doc = revision_in_org(s, actor, revision_id)
        _active(doc)
        action = RevisionAction.ACCEPT if accept else RevisionAction.REJECT
        status = next_status(rev.status, action, reviewed=rev.reviewed_at is not None)
        _check_version(rev, expected_version)
        check_independent(rev.drafter_id, actor.user_id, "reviewer")
        before = _snapshot(rev)
        rev.status, rev.review_comments = status.value, comments
        if accept:
            rev.reviewer_id, rev.reviewed_at = actor.user_id, clock.now()
            rev.reviewer_name, rev.reviewer_title = person(s, actor.user_id)
        else:
            rev.reviewer_id, rev.reviewer_name, rev.reviewer_title, rev.reviewed_at = \
                None, "", "", None
        s.flush()
        record_change(s, actor, f"document.review_{action.value}", "document", doc.id,
                     before=before, after=_snapshot(rev), reason=comments)
        uow.commit()


@concurrency_guard
def discard_revision(actor: Actor, revision_id: int, reason: str) -> None:
    """Abandon an open revision (it stays readable, marked obsolete)."""
    reason = v.text(reason, "field.reason", max_len=500, required=True)
    with unit_of_work() as uow:
        s = uow.session
        rev, doc = revision_in_org(s, actor, revision_id)
        actor.require("document.draft", unit_id=doc.owner_unit_id)
        before = _snapshot(rev)
        rev.status = next_status(rev.status, RevisionAction.DISCARD).value
        rev.closed_at = clock.now()
        s.flush()
        record_change(s, actor, "document.discard", "document", doc.id, before=before,
                     after=_snapshot(rev), reason=reason)
        uow.commit()


@concurrency_guard
def withdraw_document(actor: Actor, document_id: int, reason: str,
                      expected_version: int | None = None) -> None:
    """Withdraw a document: its effective revision and any open ones become obsolete."""
    actor.require("document.withdraw")
    reason = v.text(reason, "field.reason", max_len=500, required=True)
    with unit_of_work() as uow:
        s = uow.session
        lock_document(s, document_id=document_id)
        doc = document_in_org(s, actor, document_id)
        _active(doc)
        _check_version(doc, expected_version)
        revisions = s.scalars(select(DocumentRevision).where(
            DocumentRevision.document_id == doc.id)).all()
        closed = []
        for rev in revisions:
            if rev.status in OPEN_STATUSES or rev.status == RevisionStatus.EFFECTIVE:
                action = RevisionAction.WITHDRAW if rev.status == RevisionStatus.EFFECTIVE \
                    else RevisionAction.DISCARD
                rev.status, rev.closed_at = next_status(rev.status, action).value, clock.now()
                closed.append(rev.issue)
        doc.status, doc.next_review_date = DocumentStatus.OBSOLETE.value, None
        s.flush()
        record_change(s, actor, "document.withdraw", "document", doc.id,
                     before={"status": DocumentStatus.ACTIVE.value},
                     after={"status": doc.status, "obsolete_issues": closed}, reason=reason)
        uow.commit()


@concurrency_guard
def confirm_review(actor: Actor, document_id: int, note: str,
                   expected_version: int | None = None) -> None:
    """Periodic review found the document still right: record it and set the next date."""
    actor.require("document.confirm_review")
    note = v.text(note, "field.document.review_note", max_len=2000, multiline=True)
    with unit_of_work() as uow:
        s = uow.session
        doc = document_in_org(s, actor, document_id)
        _active(doc)
        _check_version(doc, expected_version)
        if effective_of(s, doc.id) is None:
            raise Conflict("document.no_effective")
        before = {"last_reviewed_on": doc.last_reviewed_on,
                  "next_review_date": doc.next_review_date}
        doc.last_reviewed_on = today()
        doc.next_review_date = add_months(doc.last_reviewed_on, doc.review_interval_months)
        s.flush()
        record_change(s, actor, "document.review_confirmed", "document", doc.id, before=before,
                     after={"last_reviewed_on": doc.last_reviewed_on,
                            "next_review_date": doc.next_review_date}, reason=note)
        uow.commit()


@concurrency_guard
def attach_file(actor: Actor, revision_id: int, name: str, data: bytes) -> int:
    """Attach a checked file to a draft (approved revisions never change); returns its id."""
    with unit_of_work() as uow:
        s = uow.session
        rev, doc = revision_in_org(s, actor, revision_id)
        actor.require("document.attach", unit_id=doc.owner_unit_id)
        if rev.status != RevisionStatus.DRAFT:
            raise Conflict("document.attach_only_draft")
        stored = store_file(s, actor, name, data)
        link = RevisionAttachment(organization_id=doc.organization_id, revision_id=rev.id,
                                  file_id=stored.id, created_by_id=actor.user_id)
        s.add(link)
        s.flush()
        record_change(s, actor, "document.attach", "document", doc.id, after={
            "issue": rev.issue, "file": stored.name, "sha256": stored.sha256,
            "size": stored.size})
        uow.commit()
        return link.id

