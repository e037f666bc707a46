"""What a controlled copy prints: one revision of a document with its history and signers."""

from __future__ import annotations

from qms.documents.queries import DocumentDetail, RevisionView
from qms.documents.report import ControlledCopy, RevisionLine, Signatory


def choose_revision(doc: DocumentDetail, issue: int | None = None) -> RevisionView | None:
    """The revision a copy is asked for: by issue number (an issued one first), else the
    effective revision, else the newest."""
    if issue is None:
        return doc.effective or (doc.revisions[-1] if doc.revisions else None)
    matches = [r for r in doc.revisions if r.issue == issue]
    issued = [r for r in matches if r.effective_date is not None]
    return (issued or matches or [None])[-1]


def copy_of(authority: str, doc: DocumentDetail, rev: RevisionView) -> ControlledCopy:
    """The report's input for ``rev``: its signers, and the issues up to it."""
    history = [r for r in doc.revisions
               if r.id == rev.id or (r.effective_date is not None and r.issue <= rev.issue)]
    return ControlledCopy(
        authority=authority, code=doc.code, title=str(rev.meta.get("title") or doc.title),
        doc_type=str(rev.meta.get("type") or doc.doc_type), issue=rev.issue,
        status=rev.status, effective_date=rev.effective_date,
        drafter=Signatory(rev.drafter_name, rev.drafter_title),
        reviewer=Signatory(rev.reviewer_name, rev.reviewer_title),
        approver=Signatory(rev.approver_name, rev.approver_title),
        signed_at=rev.approved_at, signature_meaning=rev.signature_meaning,
        revisions=tuple(RevisionLine(r.issue, r.effective_date, r.change_summary, r.status)
                        for r in history),
        body=rev.content)
