"""The one-stop desk's figures and the nonconformities those figures propose."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned


class OneStopFigures(OrgScoped, Timestamped, Versioned, Base):
    """The one-stop desk's figures of one reporting period, measured against a plan task."""

    __tablename__ = "onestop_figures"
    __table_args__ = (UniqueConstraint("organization_id", "period_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("plan_tasks.id"))
    received: Mapped[int] = mapped_column(Integer)
    early: Mapped[int] = mapped_column(Integer)
    on_time: Mapped[int] = mapped_column(Integer)
    late: Mapped[int] = mapped_column(Integer)
    apologies: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class NcProposal(OrgScoped, Timestamped, Versioned, Base):
    """A nonconformity the product proposes when figures miss the plan's target: one per
    period and plan task, confirmed (it becomes a nonconformity) or dismissed with a reason."""

    __tablename__ = "nc_proposals"
    __table_args__ = (UniqueConstraint("organization_id", "period_id", "task_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("plan_tasks.id"))
    figures_id: Mapped[int] = mapped_column(ForeignKey("onestop_figures.id"))
    rate: Mapped[float] = mapped_column(Float)
    target_text: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="pending")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(Text, default="")
    nonconformity_id: Mapped[int | None] = mapped_column(ForeignKey("nonconformities.id"))
