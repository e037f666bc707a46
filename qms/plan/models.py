"""The yearly CCHC plan as data: versions, areas, tasks, targets, periods, responsibilities."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qms.db.base import Base, OrgScoped, Timestamped, Versioned


class Plan(OrgScoped, Timestamped, Base):
    """One imported version of a year's plan; re-importing the year adds a version."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("organization_id", "year", "version_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    title: Mapped[str] = mapped_column(String(500))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    source_name: Mapped[str] = mapped_column(String(255), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    source_text: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[list[Any]] = mapped_column(JSON, default=list)
    purposes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    signer: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    recipients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    areas: Mapped[list[PlanArea]] = relationship(order_by="PlanArea.number",
                                                 cascade="all, delete-orphan")
    periods: Mapped[list[ReportingPeriod]] = relationship(order_by="ReportingPeriod.ordinal",
                                                          cascade="all, delete-orphan")
    responsibilities: Mapped[list[Responsibility]] = relationship(
        order_by="Responsibility.ordinal", cascade="all, delete-orphan")


class PlanArea(Base):
    """A numbered area (lĩnh vực) of section II."""

    __tablename__ = "plan_areas"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))


class PlanTask(OrgScoped, Timestamped, Versioned, Base):
    """A task (nhiệm vụ) of an area; ``is_duty`` marks self-inspection duties."""

    __tablename__ = "plan_tasks"
    __table_args__ = (
        UniqueConstraint("plan_id", "code"),
        Index("ix_plan_tasks_plan_area", "plan_id", "area_id", "ordinal"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    area_id: Mapped[int] = mapped_column(ForeignKey("plan_areas.id"))
    ordinal: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))  # "3.6": area 3, sixth task
    text: Mapped[str] = mapped_column(Text)
    is_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    references: Mapped[list[Any]] = mapped_column(JSON, default=list)
    source_line: Mapped[int | None] = mapped_column(Integer)
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    progress_note: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[date | None] = mapped_column(Date)
    previous_task_id: Mapped[int | None] = mapped_column(ForeignKey("plan_tasks.id"))

    targets: Mapped[list[PlanTarget]] = relationship(order_by="PlanTarget.id",
                                                     cascade="all, delete-orphan")


class PlanTarget(Base):
    """A numeric target of a task (chỉ tiêu): ``=`` 100 %, range 98–100 %, ``>`` 90 %."""

    __tablename__ = "plan_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("plan_tasks.id"), index=True)
    comparator: Mapped[str] = mapped_column(String(8))
    value: Mapped[float] = mapped_column(Float)
    upper: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(10), default="%")
    text: Mapped[str] = mapped_column(String(200), default="")


class TargetMeasurement(OrgScoped, Timestamped, Versioned, Base):
    """The measured value of a target in one reporting period."""

    __tablename__ = "target_measurements"
    __table_args__ = (UniqueConstraint("target_id", "period_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("plan_targets.id"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id"), index=True)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class ReportingPeriod(Base):
    """A reporting period with its data cut-off window (thời gian chốt số liệu)."""

    __tablename__ = "reporting_periods"
    __table_args__ = (UniqueConstraint("plan_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    due_rule: Mapped[str] = mapped_column(String(500), default="")
    due_date: Mapped[date | None] = mapped_column(Date)


class Responsibility(Base):
    """Section V: who leads what, and whether they owe evidence documents each period."""

    __tablename__ = "plan_responsibilities"
    __table_args__ = (UniqueConstraint("plan_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    party: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    areas: Mapped[list[int]] = mapped_column(JSON, default=list)
    evidence_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
