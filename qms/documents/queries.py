"""Read side of document control: the register (filtered, paginated in SQL), one document
with its revisions and attachments, the periodic-review list, attachment bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from qms.auth.organization_queries import unit_choices
from qms.core.clauses import clause_order
from qms.core.text import fold
from qms.db.uow import read_session
from qms.documents.models import Document, DocumentRevision, RevisionAttachment
from qms.documents.rules import (
    REVIEW_WARNING_DAYS,
    DocumentStatus,
    ReviewState,
    RevisionStatus,
    review_state,
)
from qms.trace.file_models import StoredFile
from qms.trace.linkable_queries import Linkable

REGISTER_STATUSES = ("effective", "draft", "in_review", "obsolete")
REGISTER_COLUMNS = ("id", "code", "title", "type", "owner_unit", "issue", "effective_date",
                    "status", "open_status", "next_review_date", "review_state")


@dataclass(frozen=True)
class RegisterFilter:
    """Filters of the register page; empty values mean "any"."""

    search: str = ""  # accents and case ignored: "kiem soat" finds "Kiểm soát"
    status: str = ""  # one of REGISTER_STATUSES
    doc_type: str = ""
    unit_id: int | None = None
    clause: str = ""  # "7.5" also finds 7.5.1, 7.5.2 …
    review_due: bool = False  # due, or due within the warning window


def _has(status: RevisionStatus) -> Any:
    return exists().where(DocumentRevision.document_id == Document.id,
                          DocumentRevision.status == status.value)


def _register_query(org_id: int, f: RegisterFilter, today: date) -> Select[Any]:
    eff = aliased(DocumentRevision)
    query = (
        select(Document.id, Document.code, Document.title, Document.doc_type,
               Document.owner_unit, eff.issue, eff.effective_date, Document.status,
               _has(RevisionStatus.IN_REVIEW).label("in_review"),
               _has(RevisionStatus.DRAFT).label("draft"), Document.next_review_date)
        .outerjoin(eff, and_(eff.document_id == Document.id,
                             eff.status == RevisionStatus.EFFECTIVE.value))
        .where(Document.organization_id == org_id)
    )
    if f.search and fold(f.search):
        query = query.where(Document.search_text.contains(fold(f.search), autoescape=True))
    if f.status == "obsolete":
        query = query.where(Document.status == DocumentStatus.OBSOLETE.value)
    elif f.status == "effective":
        query = query.where(Document.status == DocumentStatus.ACTIVE.value, eff.id.is_not(None))
    elif f.status in ("draft", "in_review"):
        query = query.where(_has(RevisionStatus(f.status)))
    if f.doc_type:
        query = query.where(Document.doc_type == f.doc_type)
    if f.unit_id is not None:
        query = query.where(Document.owner_unit_id == f.unit_id)
    if f.clause:
        query = query.where(or_(Document.clause_index.contains(f" {f.clause} ", autoescape=True),
                                Document.clause_index.contains(f" {f.clause}.", autoescape=True)))
    if f.review_due:
        query = query.where(Document.status == DocumentStatus.ACTIVE.value,
                            Document.next_review_date <= today + timedelta(
                                days=REVIEW_WARNING_DAYS))
    return query


def _frame(rows: list[Any], today: date) -> pd.DataFrame:
    records = []
    for r in rows:
        active = r.status == DocumentStatus.ACTIVE.value
        state = review_state(r.next_review_date, today) if active else None
        records.append({
            "id": r.id, "code": r.code, "title": r.title, "type": r.doc_type,
            "owner_unit": r.owner_unit, "issue": r.issue, "effective_date": r.effective_date,
            "status": r.status, "next_review_date": r.next_review_date,
            "open_status": "in_review" if r.in_review else "draft" if r.draft else "",
            "review_state": state.value if state else "",
        })
    return pd.DataFrame(records, columns=list(REGISTER_COLUMNS))


def search_register(org_id: int, f: RegisterFilter, today: date, *, page: int = 1,
                    page_size: int = 50) -> tuple[pd.DataFrame, int]:
    """One page of the register, by code, and the number of matching documents."""
    query = _register_query(org_id, f, today)
    with read_session() as s:
        total = s.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = s.execute(query.order_by(Document.code)
                         .offset((max(page, 1) - 1) * page_size).limit(page_size)).all()
    return _frame(list(rows), today), total


def register_rows(org_id: int, f: RegisterFilter, today: date,
                  limit: int = 20_000) -> pd.DataFrame:
    """Every matching document (capped), for the Excel export."""
    with read_session() as s:
        rows = s.execute(_register_query(org_id, f, today).order_by(Document.code)
                         .limit(limit)).all()
    return _frame(list(rows), today)


@dataclass(frozen=True)
class RegisterChoices:
    types: list[str]
    units: list[tuple[int, str]]
    clauses: list[str]


def filter_choices(org_id: int) -> RegisterChoices:
    """Values present in the register, for the filter drop-downs."""
    with read_session() as s:
        types = sorted(s.scalars(select(Document.doc_type).distinct()
                                 .where(Document.organization_id == org_id)))
        clauses = {c for row in s.scalars(select(Document.iso_clauses)
                                          .where(Document.organization_id == org_id))
                   for c in row or []}
    return RegisterChoices(types, unit_choices(org_id), sorted(clauses, key=clause_order))


def document_id_by_code(org_id: int, code: str) -> int | None:
    """The id of the document with this code ("qt-01" works too), or ``None``."""
    with read_session() as s:
        return s.scalar(select(Document.id).where(Document.organization_id == org_id,
                                                  Document.code == code.strip().upper()))


@dataclass(frozen=True)
class AttachmentView:
    id: int
    file_id: int
    name: str
    size: int
    sha256: str
    created_at: datetime


@dataclass(frozen=True)
class RevisionView:
    id: int
    issue: int
    status: str
    content: str
    meta: dict[str, Any]
    effective_date: date | None
    change_summary: str
    review_comments: str
    drafter_id: int | None
    drafter_name: str
    drafter_title: str
    reviewer_name: str
    reviewer_title: str
    reviewed_at: datetime | None
    approver_name: str
    approver_title: str
    approved_at: datetime | None
    signature_meaning: str
    based_on_id: int | None
    created_at: datetime
    version: int
    attachments: tuple[AttachmentView, ...] = ()

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None


@dataclass(frozen=True)
class DocumentDetail:
    id: int
    code: str
    title: str
    doc_type: str
    owner_unit: str
    owner_unit_id: int | None
    review_interval_months: int
    next_review_date: date | None
    last_reviewed_on: date | None
    iso_clauses: tuple[str, ...]
    legal_bases: tuple[str, ...]
    status: str
    version: int
    revisions: tuple[RevisionView, ...]  # oldest first

    @property
    def effective(self) -> RevisionView | None:
        return next((r for r in self.revisions if r.status == RevisionStatus.EFFECTIVE), None)

    def revision(self, revision_id: int) -> RevisionView | None:
        return next((r for r in self.revisions if r.id == revision_id), None)


_REVISION_FIELDS = ("id", "issue", "status", "content", "meta", "effective_date",
                    "change_summary", "review_comments", "drafter_id", "drafter_name",
                    "drafter_title", "reviewer_name", "reviewer_title", "reviewed_at",
                    "approver_name", "approver_title", "approved_at",
                    "signature_meaning", "based_on_id", "created_at", "version")


def document_detail(org_id: int, document_id: int) -> DocumentDetail | None:
    """One document with every revision (content included) and their attachments."""
    with read_session() as s:
        doc = s.get(Document, document_id)
        if doc is None or doc.organization_id != org_id:
            return None
        revisions = s.scalars(select(DocumentRevision).where(
            DocumentRevision.document_id == doc.id).order_by(DocumentRevision.issue,
                                                             DocumentRevision.id)).all()
        files: dict[int, list[AttachmentView]] = {}
        for link, stored in s.execute(
                select(RevisionAttachment, StoredFile)
                .join(StoredFile, StoredFile.id == RevisionAttachment.file_id)
                .where(RevisionAttachment.revision_id.in_([r.id for r in revisions]))
                .order_by(RevisionAttachment.id)).all():
            files.setdefault(link.revision_id, []).append(AttachmentView(
                link.id, stored.id, stored.name, stored.size, stored.sha256, link.created_at))
        views = tuple(RevisionView(*(getattr(r, n) for n in _REVISION_FIELDS),
                                   attachments=tuple(files.get(r.id, ())))
                      for r in revisions)
        return DocumentDetail(
            doc.id, doc.code, doc.title, doc.doc_type, doc.owner_unit, doc.owner_unit_id,
            doc.review_interval_months, doc.next_review_date, doc.last_reviewed_on,
            tuple(doc.iso_clauses or ()), tuple(doc.legal_bases or ()), doc.status,
            doc.version, views)


@dataclass(frozen=True)
class DueReview:
    id: int
    code: str
    title: str
    next_review_date: date
    state: ReviewState


def due_for_review(org_id: int, today: date,
                   warn_days: int = REVIEW_WARNING_DAYS) -> list[DueReview]:
    """Active documents whose periodic review is due, or due within ``warn_days``."""
    query = (select(Document.id, Document.code, Document.title, Document.next_review_date)
             .where(Document.organization_id == org_id,
                    Document.status == DocumentStatus.ACTIVE.value,
                    Document.next_review_date <= today + timedelta(days=warn_days))
             .order_by(Document.next_review_date, Document.code))
    with read_session() as s:
        rows = s.execute(query).all()
    return [DueReview(i, c, t, d, review_state(d, today, warn_days) or ReviewState.OK)
            for i, c, t, d in rows]


@dataclass(frozen=True)
class FileContent:
    name: str
    mime: str
    data: bytes


def attachment_file(org_id: int, file_id: int) -> FileContent | None:
    """The bytes of a file attached to one of the organisation's revisions."""
    query = (select(StoredFile.name, StoredFile.mime, StoredFile.content)
             .join(RevisionAttachment, RevisionAttachment.file_id == StoredFile.id)
             .where(StoredFile.id == file_id, StoredFile.organization_id == org_id))
    with read_session() as s:
        row = s.execute(query).first()
    return FileContent(*row) if row else None


PROCEDURE = Linkable("procedure", Document, lambda d: f"{d.code} — {d.title}")
