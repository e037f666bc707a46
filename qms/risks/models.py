"""Risks and opportunities (ISO 9001 clause 6.1): the register, each entry's actions and its
reviews (re-assessments, kept as history)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned, utcnow


class Risk(OrgScoped, Timestamped, Versioned, Base):
    """One entry of the register: a risk or an opportunity of a process (a controlled
    document) and/or a unit, with its current likelihood and impact."""

    __tablename__ = "risks"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="risk")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    cause: Mapped[str] = mapped_column(Text, default="")
    consequence: Mapped[str] = mapped_column(Text, default="")
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    next_review_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    identified_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class RiskAction(OrgScoped, Timestamped, Versioned, Base):
    """An action to treat a risk or take an opportunity: owner, due date, result."""

    __tablename__ = "risk_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    risk_id: Mapped[int] = mapped_column(ForeignKey("risks.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    done_on: Mapped[date | None] = mapped_column(Date)
    result_note: Mapped[str] = mapped_column(Text, default="")


class RiskReview(OrgScoped, Base):
    """One re-assessment: the level before and after, who, when, and the next review date."""

    __tablename__ = "risk_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    risk_id: Mapped[int] = mapped_column(ForeignKey("risks.id"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    old_likelihood: Mapped[int] = mapped_column(Integer)
    old_impact: Mapped[int] = mapped_column(Integer)
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    next_review_date: Mapped[date | None] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
