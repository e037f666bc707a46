"""The audit trail: one row per change, written in the same transaction as the change.

Append-only in the database itself (triggers refuse UPDATE and DELETE) and tamper-evident:
each row carries the SHA-256 of its content chained to the previous row of its chain (one
chain per organisation), so an edit made behind the application's back shows in
``python -m qms verify-log``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qms.db.base import Base, UTCDateTime, utcnow

GENESIS = "0" * 64


class AuditLog(Base):
    """Append-only: services insert rows, nothing updates or deletes them."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_org_time", "organization_id", "occurred_at"),
        Index("ix_audit_log_entity", "entity_type", "entity_id"),
        # The page lists one organisation's rows newest first and filters them by user,
        # action and record type: in a shared (province) database the organisation leads.
        Index("ix_audit_log_org_id", "organization_id", "id"),
        Index("ix_audit_log_org_actor", "organization_id", "actor"),
        Index("ix_audit_log_org_action", "organization_id", "action"),
        Index("ix_audit_log_org_entity", "organization_id", "entity_type", "entity_id"),
        UniqueConstraint("chain", "chain_seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    actor: Mapped[str] = mapped_column(String(80))  # username, or "cli" / "system"
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity_type: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(60))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")
    chain: Mapped[int] = mapped_column(Integer, default=0)  # organisation id, 0 for none
    chain_seq: Mapped[int] = mapped_column(Integer, default=0)
    prev_hash: Mapped[str] = mapped_column(String(64), default=GENESIS)
    row_hash: Mapped[str] = mapped_column(String(64), default="")


class AuditChain(Base):
    """The head of each chain; updating it first serialises writers of one chain."""

    __tablename__ = "audit_chain"

    chain: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default=GENESIS)
