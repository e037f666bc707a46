"""The periodic CCHC report's narratives and the management review (ISO 9001 clause 9.3):
the meeting, its inputs frozen when it is held, and the actions its decisions became."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned


class PeriodReport(OrgScoped, Timestamped, Versioned, Base):
    """The editable parts of the report of one reporting period (báo cáo định kỳ)."""

    __tablename__ = "period_reports"
    __table_args__ = (UniqueConstraint("organization_id", "period_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id"))
    number: Mapped[str] = mapped_column(String(30), default="")  # "15/BC-UBND"
    issued_on: Mapped[date | None] = mapped_column(Date)
    general_assessment: Mapped[str] = mapped_column(Text, default="")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    next_tasks: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ManagementReview(OrgScoped, Timestamped, Versioned, Base):
    """One management-review meeting (cuộc họp xem xét của lãnh đạo)."""

    __tablename__ = "management_reviews"
    __table_args__ = (Index("ix_management_reviews_org_date", "organization_id",
                            "meeting_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    meeting_date: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    participants: Mapped[list[Any]] = mapped_column(JSON, default=list)
    window_start: Mapped[date] = mapped_column(Date)
    window_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    held_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ReviewInput(OrgScoped, Base):
    """One input of a held review, frozen as it read that day, with the meeting's assessment."""

    __tablename__ = "management_review_inputs"
    __table_args__ = (UniqueConstraint("review_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("management_reviews.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    headers: Mapped[list[Any]] = mapped_column(JSON, default=list)
    rows: Mapped[list[Any]] = mapped_column(JSON, default=list)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    assessment: Mapped[str] = mapped_column(Text, default="")


class ReviewAction(OrgScoped, Timestamped, Versioned, Base):
    """A decision of the review, tracked as an action until its owner reports it done."""

    __tablename__ = "management_review_actions"
    __table_args__ = (
        UniqueConstraint("review_id", "ordinal"),
        Index("ix_management_review_actions_owner_status", "owner_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("management_reviews.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    done_note: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
