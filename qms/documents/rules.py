"""Document control (TCVN ISO 9001:2015, 7.5): the revision life cycle and its rules.

A revision (lần ban hành) moves draft → in review → effective → superseded, or ends obsolete.
Pure functions only: the services load the rows, ask these rules, and save the outcome.
"""

from __future__ import annotations

import calendar
import difflib
import hashlib
import json
from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from qms.core.errors import Conflict, ValidationFailed
from qms.core.text import nfc
from qms.core.workflow import Workflow

SIGNATURE_MEANING = "Phê duyệt ban hành"  # what the approver's electronic signature means
DEFAULT_REVIEW_MONTHS = 12
REVIEW_WARNING_DAYS = 30


class RevisionStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    EFFECTIVE = "effective"
    SUPERSEDED = "superseded"
    OBSOLETE = "obsolete"


OPEN_STATUSES = frozenset({RevisionStatus.DRAFT, RevisionStatus.IN_REVIEW})
# Copies of these revisions carry the "HẾT HIỆU LỰC" mark: readable, never to be used.
EXPIRED_STATUSES = frozenset({RevisionStatus.SUPERSEDED, RevisionStatus.OBSOLETE})


class DocumentStatus(StrEnum):
    ACTIVE = "active"
    OBSOLETE = "obsolete"


class RevisionAction(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    ACCEPT = "accept"  # the reviewer agrees; the revision waits for the approver
    REJECT = "reject"  # the reviewer returns it to the drafter with comments
    APPROVE = "approve"
    DISCARD = "discard"  # an open revision is abandoned
    SUPERSEDE = "supersede"  # a newer revision became effective
    WITHDRAW = "withdraw"  # the document as a whole is withdrawn


S, Act = RevisionStatus, RevisionAction
_TRANSITIONS: Mapping[tuple[RevisionStatus, RevisionAction], RevisionStatus] = {
    (S.DRAFT, Act.EDIT): S.DRAFT,
    (S.DRAFT, Act.SUBMIT): S.IN_REVIEW,
    (S.DRAFT, Act.DISCARD): S.OBSOLETE,
    (S.IN_REVIEW, Act.ACCEPT): S.IN_REVIEW,
    (S.IN_REVIEW, Act.REJECT): S.DRAFT,
    (S.IN_REVIEW, Act.APPROVE): S.EFFECTIVE,
    (S.IN_REVIEW, Act.DISCARD): S.OBSOLETE,
    (S.EFFECTIVE, Act.SUPERSEDE): S.SUPERSEDED,
    (S.EFFECTIVE, Act.WITHDRAW): S.OBSOLETE,
}

_REFUSED: Mapping[RevisionAction, str] = {
    Act.EDIT: "document.only_draft_editable",
    Act.SUBMIT: "document.only_draft_submittable",
    Act.ACCEPT: "document.only_in_review",
    Act.REJECT: "document.only_in_review",
    Act.APPROVE: "document.only_in_review",
    Act.DISCARD: "document.only_open_discardable",
    Act.SUPERSEDE: "document.only_effective",
    Act.WITHDRAW: "document.only_effective",
}


WORKFLOW: Workflow[RevisionStatus, RevisionAction] = Workflow("document", _TRANSITIONS,
                                                               refused=_REFUSED,
                                                               labels="documents")


def next_status(status: RevisionStatus | str, action: RevisionAction | str, *,
                reviewed: bool = False) -> RevisionStatus:
    """The status after ``action`` (``WORKFLOW``), or ``Conflict`` naming why it does not fit.

    ``reviewed`` tells whether the reviewer has already accepted the revision: acceptance
    happens once, and approval needs it.
    """
    target = WORKFLOW.next(status, action)
    if action == Act.ACCEPT and reviewed:
        raise Conflict("document.already_reviewed")
    if action == Act.APPROVE and not reviewed:
        raise Conflict("document.not_reviewed")
    return target


def check_independent(drafter_id: int | None, person_id: int | None, role: str) -> None:
    """The reviewer and the approver must be someone other than the drafter.

    ``role`` is "reviewer" or "approver"; ``person_id`` is the signed-in user (a signature
    needs a person, so the command line cannot review or approve).
    """
    if role not in ("reviewer", "approver"):
        raise ValueError(f"unknown role {role!r}")
    if person_id is None:
        raise ValidationFailed("document.signature_needs_user")
    if drafter_id is not None and drafter_id == person_id:
        raise ValidationFailed(f"document.{role}_is_drafter")


def check_successor(based_on_id: int | None, effective_id: int | None) -> None:
    """A revision may become effective only over the revision it was drafted from.

    Otherwise another revision took effect meanwhile and this one would silently undo it.
    """
    if based_on_id != effective_id:
        raise Conflict("document.revision_outdated")


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class ReviewState(StrEnum):
    OK = "ok"
    UPCOMING = "upcoming"  # due within the warning window
    DUE = "due"  # the review date has come or passed


def review_state(next_review: date | None, today: date,
                 warn_days: int = REVIEW_WARNING_DAYS) -> ReviewState | None:
    """Where a document stands against its periodic review date (``None``: no date)."""
    if next_review is None:
        return None
    if next_review <= today:
        return ReviewState.DUE
    if next_review <= today + timedelta(days=warn_days):
        return ReviewState.UPCOMING
    return ReviewState.OK


def content_hash(body: str, meta: Mapping[str, Any]) -> str:
    """SHA-256 of what a revision says: its Markdown and its controlled front-matter fields.

    Workflow data (issue number, dates, signatories) is left out, so re-issuing the same
    text is recognised as unchanged.
    """
    canonical = json.dumps({"body": nfc(body), "meta": meta}, ensure_ascii=False,
                           sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def revision_diff(old: str, new: str, old_label: str, new_label: str) -> str:
    """A unified diff of two revisions' Markdown, line by line ("" when identical)."""
    lines = difflib.unified_diff(nfc(old).splitlines(), nfc(new).splitlines(),
                                 fromfile=old_label, tofile=new_label, lineterm="")
    return "\n".join(lines)
