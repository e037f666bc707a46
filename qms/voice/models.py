"""The citizens' voice: satisfaction surveys of the one-stop desk per reporting period (one
row per criterion) and the register of citizen feedback (phản ánh, kiến nghị)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, Versioned


class SatisfactionSurvey(OrgScoped, Timestamped, Versioned, Base):
    """The satisfaction survey results of one reporting period, against a target share."""

    __tablename__ = "satisfaction_surveys"
    __table_args__ = (UniqueConstraint("organization_id", "period_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id"), index=True)
    target: Mapped[float] = mapped_column(Float)  # % satisfied the office aims at
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class SatisfactionCriterion(OrgScoped, Base):
    """One criterion of a survey: how many answered, how many were satisfied. When the survey
    is saved again a criterion keeps its row (and its nonconformity) while its text stays."""

    __tablename__ = "satisfaction_criteria"
    __table_args__ = (UniqueConstraint("survey_id", "criterion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("satisfaction_surveys.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    criterion: Mapped[str] = mapped_column(String(300))
    responses: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[int] = mapped_column(Integer)


class CitizenFeedback(OrgScoped, Timestamped, Versioned, Base):
    """One feedback or recommendation of a citizen, its handling and its answer."""

    __tablename__ = "citizen_feedback"
    __table_args__ = (Index("ix_citizen_feedback_org_received", "organization_id",
                            "received_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    citizen: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
