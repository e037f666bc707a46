"""Internal audit (ISO 9001 clause 9.2): question bank, programme, audits, checklists, findings."""

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


class BankQuestion(OrgScoped, Timestamped, Base):
    """One question of the organisation's bank, first copied from ``question_bank.csv``."""

    __tablename__ = "audit_bank_questions"
    __table_args__ = (UniqueConstraint("organization_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))  # "Q-7.5.3-01"
    clause: Mapped[str] = mapped_column(String(12))
    question: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="")
    applies_to: Mapped[str] = mapped_column(String(160), default="all")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditProgramme(OrgScoped, Timestamped, Versioned, Base):
    """The year's audit programme (chương trình đánh giá nội bộ)."""

    __tablename__ = "audit_programmes"
    __table_args__ = (UniqueConstraint("organization_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    objectives: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Audit(OrgScoped, Timestamped, Versioned, Base):
    """One audit of the programme, internal or an external inspection recorded the same way."""

    __tablename__ = "internal_audits"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("audit_programmes.id"), index=True)
    audit_type: Mapped[str] = mapped_column(String(20), default="internal")  # internal, external
    title: Mapped[str] = mapped_column(String(300))
    unit_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    document_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    clause_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    plan_task_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    criteria: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    lead_auditor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    team_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    auditees: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("internal_audits.id"))


class ChecklistItem(OrgScoped, Timestamped, Versioned, Base):
    """One question of an audit's checklist and its answer; the version catches stale saves."""

    __tablename__ = "audit_checklist_items"
    __table_args__ = (Index("ix_audit_checklist_items_audit_ordinal", "audit_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("internal_audits.id"))
    ordinal: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20), default="manual")  # bank, procedure …
    source_ref: Mapped[str] = mapped_column(String(60), default="")
    clause: Mapped[str] = mapped_column(String(12), default="")
    question: Mapped[str] = mapped_column(Text)
    evidence_hint: Mapped[str] = mapped_column(Text, default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    plan_task_id: Mapped[int | None] = mapped_column(ForeignKey("plan_tasks.id"))
    auditor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    result: Mapped[str | None] = mapped_column(String(20))
    evidence_seen: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChecklistAttachment(OrgScoped, Base):
    """A photo or file attached to a checklist question as objective evidence."""

    __tablename__ = "audit_item_files"
    __table_args__ = (UniqueConstraint("item_id", "file_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("audit_checklist_items.id"), index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Finding(OrgScoped, Timestamped, Base):
    """A finding kept from an answer: nonconformity, observation or improvement opportunity."""

    __tablename__ = "audit_findings"
    __table_args__ = (UniqueConstraint("item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("internal_audits.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("audit_checklist_items.id"))
    result: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    nonconformity_id: Mapped[int | None] = mapped_column(Integer)
