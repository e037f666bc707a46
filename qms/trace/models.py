"""Trace links: any ISO record tied to plan tasks and duties, many-to-many."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, OrgScoped, UTCDateTime, utcnow


class TraceLink(OrgScoped, Base):
    """``entity_type``/``entity_id`` name the record (procedure, NC, evidence …)."""

    __tablename__ = "trace_links"
    __table_args__ = (
        UniqueConstraint("task_id", "entity_type", "entity_id"),
        Index("ix_trace_links_entity", "entity_type", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("plan_tasks.id"), index=True)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
