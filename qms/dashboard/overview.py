"""Figures for the home page (the dashboard grows here as the other registers land)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from qms.auth.models import Unit, User
from qms.core import clock
from qms.db.uow import read_session
from qms.trail.models import AuditLog


@dataclass(frozen=True)
class Overview:
    units: int
    users: int
    users_without_password: int
    changes_last_30_days: int


def overview(org_id: int, since_days: int = 30) -> Overview:
    """Counts for the home page, each one aggregate query."""
    since = clock.now() - timedelta(days=since_days)
    with read_session() as s:
        def count(query):  # type: ignore[no-untyped-def]
            return s.scalar(query) or 0

        return Overview(
            units=count(select(func.count(Unit.id)).where(Unit.organization_id == org_id,
                                                           Unit.is_active.is_(True))),
            users=count(select(func.count(User.id)).where(User.organization_id == org_id,
                                                           User.is_active.is_(True))),
            users_without_password=count(
                select(func.count(User.id)).where(User.organization_id == org_id,
                                                  User.is_active.is_(True),
                                                  User.password_hash.is_(None))),
            changes_last_30_days=count(
                select(func.count(AuditLog.id)).where(AuditLog.organization_id == org_id,
                                                      AuditLog.occurred_at >= since)),
        )
