"""Controlled documents (ISO 9001 clause 7.5): the register, its revisions and their files."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned, utcnow

ONE_EFFECTIVE = "status = 'effective'"


class Document(OrgScoped, Timestamped, Versioned, Base):
    """One entry of the register (danh mục tài liệu); its fields follow the effective revision."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("organization_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))  # "QT-01"
    title: Mapped[str] = mapped_column(String(500))
    doc_type: Mapped[str] = mapped_column(String(20))  # policy, system, process, form
    owner_unit: Mapped[str] = mapped_column(String(160), default="")  # as the source names it
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    review_interval_months: Mapped[int] = mapped_column(Integer, default=12)
    next_review_date: Mapped[date | None] = mapped_column(Date)
    last_reviewed_on: Mapped[date | None] = mapped_column(Date)
    iso_clauses: Mapped[list[str]] = mapped_column(JSON, default=list)
    legal_bases: Mapped[list[str]] = mapped_column(JSON, default=list)
    plan_tasks: Mapped[list[str]] = mapped_column(JSON, default=list)
    # " 7.5 7.5.1 ": lets SQL filter by clause with LIKE on both engines.
    clause_index: Mapped[str] = mapped_column(String(500), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # fold(code title unit)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active, obsolete
    source_name: Mapped[str] = mapped_column(String(255), default="")


class DocumentRevision(OrgScoped, Timestamped, Versioned, Base):
    """One issue (lần ban hành) of a document, with who drafted, reviewed and approved it."""

    __tablename__ = "document_revisions"
    __table_args__ = (
        # At most one effective revision per document, whatever the services do.
        Index("uq_document_revisions_one_effective", "document_id", unique=True,
              sqlite_where=text(ONE_EFFECTIVE), postgresql_where=text(ONE_EFFECTIVE)),
        # report sections select the revisions effective / approved in a reporting window
        Index("ix_document_revisions_org_effective", "organization_id", "effective_date"),
        Index("ix_document_revisions_org_approved", "organization_id", "approved_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("document_revisions.id"))
    issue: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    content: Mapped[str] = mapped_column(Text, default="")  # Markdown body
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # title, clauses, bases …
    content_hash: Mapped[str] = mapped_column(String(64))
    effective_date: Mapped[date | None] = mapped_column(Date)
    change_summary: Mapped[str] = mapped_column(Text, default="")  # what changed, where
    review_comments: Mapped[str] = mapped_column(Text, default="")
    drafter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    drafter_name: Mapped[str] = mapped_column(String(160), default="")
    drafter_title: Mapped[str] = mapped_column(String(200), default="")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewer_name: Mapped[str] = mapped_column(String(160), default="")
    reviewer_title: Mapped[str] = mapped_column(String(200), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approver_name: Mapped[str] = mapped_column(String(160), default="")
    approver_title: Mapped[str] = mapped_column(String(200), default="")
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # signature time
    signature_meaning: Mapped[str] = mapped_column(String(120), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # superseded/obsolete
    source_name: Mapped[str] = mapped_column(String(255), default="")  # file it came from
    source_hash: Mapped[str] = mapped_column(String(64), default="")  # its hash when loaded


class RevisionAttachment(OrgScoped, Base):
    """A file attached to a revision (scanned signed copy, form, flow chart …)."""

    __tablename__ = "revision_attachments"
    __table_args__ = (UniqueConstraint("revision_id", "file_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("document_revisions.id"), index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
