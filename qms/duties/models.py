"""Self-inspection duties, their report per reporting period, its evidence and its history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned, utcnow


class SelfInspectionDuty(OrgScoped, Timestamped, Versioned, Base):
    """A duty of a plan: one per ``is_duty`` task (``origin`` "plan", owner read from the
    task) or added by hand by the ISO officer (``origin`` "manual", its own owner)."""

    __tablename__ = "self_inspection_duties"
    __table_args__ = (UniqueConstraint("plan_id", "origin", "task_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("plan_tasks.id"), index=True)
    origin: Mapped[str] = mapped_column(String(10), default="plan")
    title: Mapped[str] = mapped_column(String(500), default="")
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recurrence: Mapped[str] = mapped_column(String(10), default="period")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class DutyReport(OrgScoped, Timestamped, Versioned, Base):
    """The status of one duty in one reporting period; made when its first evidence comes."""

    __tablename__ = "duty_reports"
    __table_args__ = (UniqueConstraint("duty_id", "period_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("self_inspection_duties.id"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    submitted_on: Mapped[date | None] = mapped_column(Date)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    comment: Mapped[str] = mapped_column(Text, default="")


class DutyReportEvidence(OrgScoped, Base):
    """An evidence document (the one evidence store) handed in with a report."""

    __tablename__ = "duty_report_evidence"
    __table_args__ = (UniqueConstraint("report_id", "evidence_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("duty_reports.id"), index=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class DutyReportEvent(OrgScoped, Base):
    """One transition of a report: who, when, from and to which status, with what comment."""

    __tablename__ = "duty_report_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("duty_reports.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
