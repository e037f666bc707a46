"""Nonconformities and corrective actions (ISO 9001 clause 10.2) and their effectiveness checks.

Actions and verifications are never deleted: a reopened nonconformity keeps every round.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned, utcnow


class NcSettings(OrgScoped, Timestamped, Versioned, Base):
    """Per-organisation settings of the nonconformity register (the number prefix)."""

    __tablename__ = "nc_settings"
    __table_args__ = (UniqueConstraint("organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number_prefix: Mapped[str] = mapped_column(String(10), default="KPH")


class NcCounter(OrgScoped, Base):
    """The last number given per organisation and year; bumped in the creating transaction."""

    __tablename__ = "nc_counters"
    __table_args__ = (UniqueConstraint("organization_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Nonconformity(OrgScoped, Timestamped, Versioned, Base):
    """One corrective-action request (phiếu yêu cầu hành động khắc phục)."""

    __tablename__ = "nonconformities"
    __table_args__ = (
        UniqueConstraint("organization_id", "number"),
        Index("ix_nonconformities_org_status", "organization_id", "status"),
        Index("ix_nonconformities_source", "source_type", "source_id"),
        Index("ix_nonconformities_org_year_seq", "organization_id", "year", "seq"),
        # report sections select the records found / closed in a reporting window
        Index("ix_nonconformities_org_found_on", "organization_id", "found_on"),
        Index("ix_nonconformities_org_closed_on", "organization_id", "closed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30))  # "KPH-2023-001"
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(30), default="new")
    title: Mapped[str] = mapped_column(String(300))
    found_on: Mapped[date] = mapped_column(Date)
    recorded_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(30))
    source_type: Mapped[str] = mapped_column(String(40), default="")  # the record it came from
    source_id: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    procedure_text: Mapped[str] = mapped_column(String(300), default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    clause: Mapped[str] = mapped_column(String(12), default="")
    found_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    found_by_name: Mapped[str] = mapped_column(String(160), default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str] = mapped_column(String(20))
    correction: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    why_chain: Mapped[list[str]] = mapped_column(JSON, default=list)
    cause_category: Mapped[str] = mapped_column(String(20), default="")
    root_cause: Mapped[str] = mapped_column(Text, default="")
    similar_exist: Mapped[bool | None] = mapped_column(Boolean)
    similar_note: Mapped[str] = mapped_column(Text, default="")
    round: Mapped[int] = mapped_column(Integer, default=1)  # +1 each time a check reopens it
    recurrence_of_id: Mapped[int | None] = mapped_column(ForeignKey("nonconformities.id"))
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class CorrectiveAction(OrgScoped, Timestamped, Versioned, Base):
    """One action against a nonconformity's root cause: owner, deadline, what was done."""

    __tablename__ = "corrective_actions"
    __table_args__ = (
        Index("ix_corrective_actions_owner_status", "owner_id", "status"),
        Index("ix_corrective_actions_org_due_date", "organization_id", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonconformity_id: Mapped[int] = mapped_column(ForeignKey("nonconformities.id"), index=True)
    round: Mapped[int] = mapped_column(Integer, default=1)
    ordinal: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    done_note: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Verification(OrgScoped, Base):
    """An effectiveness check (kiểm tra hiệu lực): written once, never changed."""

    __tablename__ = "nc_verifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    nonconformity_id: Mapped[int] = mapped_column(ForeignKey("nonconformities.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    verified_on: Mapped[date] = mapped_column(Date)
    verifier_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verifier_name: Mapped[str] = mapped_column(String(160), default="")
    effective: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NcAttachment(OrgScoped, Base):
    """A file kept as evidence of a nonconformity, or of one of its actions."""

    __tablename__ = "nc_attachments"
    __table_args__ = (UniqueConstraint("nonconformity_id", "file_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nonconformity_id: Mapped[int] = mapped_column(ForeignKey("nonconformities.id"), index=True)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("corrective_actions.id"))
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
