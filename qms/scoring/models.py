"""Reform-index self-scoring: criteria sets (immutable once loaded), score sheets per
reporting period that pin the set they were made with, scores and their evidence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned


class CriteriaSet(OrgScoped, Timestamped, Base):
    """A loaded criteria set (bộ tiêu chí); never edited, a revision is loaded as a new set."""

    __tablename__ = "criteria_sets"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    source_name: Mapped[str] = mapped_column(String(255), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    loaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class IndexCriterion(Base):
    """An area line, criterion or sub-criterion (tiêu chí) of a set."""

    __tablename__ = "index_criteria"
    __table_args__ = (UniqueConstraint("set_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("criteria_sets.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    area_number: Mapped[int] = mapped_column(Integer)
    area_title: Mapped[str] = mapped_column(String(500), default="")
    code: Mapped[str] = mapped_column(String(40))
    parent_code: Mapped[str] = mapped_column(String(40), default="")
    level: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    max_points: Mapped[float] = mapped_column(Float)
    applies: Mapped[bool] = mapped_column(Boolean, default=True)
    guidance: Mapped[str] = mapped_column(Text, default="")
    source_line: Mapped[int] = mapped_column(Integer)


class ScoreSheet(OrgScoped, Timestamped, Versioned, Base):
    """The self-assessment of one reporting period against one set: draft → submitted →
    approved by a leader."""

    __tablename__ = "score_sheets"
    __table_args__ = (UniqueConstraint("organization_id", "set_id", "period_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("criteria_sets.id"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SelfScore(OrgScoped, Timestamped, Versioned, Base):
    """The self-score (điểm tự chấm) of one criterion on a sheet, with its explanation."""

    __tablename__ = "self_scores"
    __table_args__ = (UniqueConstraint("sheet_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheets.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("index_criteria.id"), index=True)
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text, default="")
    scored_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class SelfScoreEvidence(Base):
    """An evidence document (tài liệu kiểm chứng) attached to a self-score."""

    __tablename__ = "self_score_evidence"
    __table_args__ = (UniqueConstraint("score_id", "evidence_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    score_id: Mapped[int] = mapped_column(ForeignKey("self_scores.id"), index=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
