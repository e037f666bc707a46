"""Approving a revision: the leader's electronic signature (password re-entered).

The signature records who, when (UTC) and what it means ("Phê duyệt ban hành"). The
previous effective revision is superseded in the same transaction; a database index
guarantees that a document never has two effective revisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from qms.auth.models import User
from qms.auth.passwords import verify_password
from qms.core import clock
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import Conflict, ValidationFailed
from qms.db.uow import unit_of_work
from qms.documents.models import Document, DocumentRevision
from qms.documents.records import (
    apply_meta,
    concurrency_guard,
    current_plan_id,
    effective_of,
    link_plan_tasks,
    lock_document,
    revision_in_org,
    start_review_cycle,
)
from qms.documents.rules import (
    SIGNATURE_MEANING,
    DocumentStatus,
    RevisionAction,
    RevisionStatus,
    check_independent,
    check_successor,
    next_status,
)
from qms.trail.record import record_change
from qms.trail.stale import stale


@dataclass(frozen=True)
class Approval:
    """What an approval did: the revision now effective and the one it superseded."""

    revision_id: int
    document_id: int
    issue: int
    superseded_id: int | None
    links_added: int


@concurrency_guard
def approve_revision(actor: Actor, revision_id: int, password: str,
                     expected_version: int) -> Approval:
    """Sign and issue a reviewed revision. A wrong password is refused and logged.

    The refusal ("document.approve_refused") is committed although the action fails, so
    repeated guessing shows in the audit trail.
    """
    actor.require("document.approve")
    with unit_of_work() as uow:
        s = uow.session
        lock_document(s, revision_id=revision_id)
        rev, doc = revision_in_org(s, actor, revision_id)
        user = s.get(User, actor.user_id) if actor.user_id is not None else None
        if user is None:
            raise ValidationFailed("document.signature_needs_user")
        if not verify_password(user.password_hash, password):
            record_change(s, actor, "document.approve_refused", "document", doc.id,
                         after={"revision_id": rev.id, "issue": rev.issue},
                         reason="wrong_password")
            uow.commit()
            raise ValidationFailed("document.wrong_password")
        current = _approvable(s, actor, doc, rev, expected_version)
        effective = _take_effect(s, current, rev, user)
        apply_meta(s, doc, rev.meta)
        start_review_cycle(doc, effective)
        s.flush()
        links = link_plan_tasks(s, actor, doc, current_plan_id(
            s, doc.organization_id, effective.year))
        record_change(s, actor, "document.approve", "document", doc.id,
                     before={"effective_issue": current.issue if current else None},
                     after={"effective_issue": rev.issue, "revision_id": rev.id,
                            "signed_at": rev.approved_at, "meaning": SIGNATURE_MEANING},
                     reason=rev.change_summary)
        uow.commit()
        return Approval(rev.id, doc.id, rev.issue, current.id if current else None, links)


def _approvable(s: Session, actor: Actor, doc: Document, rev: DocumentRevision,
                expected_version: int) -> DocumentRevision | None:
    """Every rule an approval must pass; returns the revision it will supersede, if any."""
    if rev.version != expected_version:
        raise stale(rev)
    if doc.status != DocumentStatus.ACTIVE:
        raise Conflict("document.withdrawn")
    next_status(rev.status, RevisionAction.APPROVE, reviewed=rev.reviewed_at is not None)
    check_independent(rev.drafter_id, actor.user_id, "approver")
    current = effective_of(s, doc.id)
    check_successor(rev.based_on_id, current.id if current else None)
    if current is not None and rev.issue <= current.issue:
        raise Conflict("document.issue_not_newer", issue=current.issue)
    return current


def _take_effect(s: Session, current: DocumentRevision | None, rev: DocumentRevision,
                 user: User) -> date:
    """Supersede the old issue first (flushed: the index allows one effective row), then
    sign the new one: who, when (UTC) and what the signature means."""
    now = clock.now()
    if current is not None:
        current.status = next_status(current.status, RevisionAction.SUPERSEDE).value
        current.closed_at = now
        s.flush()
    rev.status = RevisionStatus.EFFECTIVE.value
    rev.approver_id, rev.approver_name, rev.approver_title = user.id, user.full_name, \
        user.job_title
    rev.approved_at, rev.signature_meaning = now, SIGNATURE_MEANING
    rev.effective_date = today()
    return rev.effective_date
