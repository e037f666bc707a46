"""Read side of user administration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from qms.auth.models import Unit, User
from qms.core import clock
from qms.db.uow import read_session


@dataclass(frozen=True)
class UserView:
    """One account as the admin page shows and edits it."""

    id: int
    username: str
    full_name: str
    job_title: str
    unit_id: int | None
    unit_name: str
    roles: tuple[str, ...]
    email: str
    language: str
    is_active: bool
    has_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    version: int

    @property
    def is_locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > clock.now()


def list_users(org_id: int) -> list[UserView]:
    """Every account of the organisation, by username (roles loaded in one extra query)."""
    query = (
        select(User, Unit.name)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .where(User.organization_id == org_id)
        .options(selectinload(User.role_rows))
        .order_by(User.username)
    )
    with read_session() as session:
        return [
            UserView(
                u.id, u.username, u.full_name, u.job_title, u.unit_id, unit_name or "",
                tuple(u.roles), u.email, u.language, u.is_active, u.password_hash is not None,
                u.locked_until, u.last_login_at, u.version,
            )
            for u, unit_name in session.execute(query)
        ]


def users_frame(users: list[UserView], labels: dict[str, str]) -> pd.DataFrame:
    """The users table with the column headers given in ``labels`` (already translated)."""
    rows = [
        {
            "username": u.username, "full_name": u.full_name, "job_title": u.job_title,
            "unit": u.unit_name, "roles": ", ".join(u.roles), "active": u.is_active,
            "password": u.has_password, "locked": u.is_locked, "last_login": u.last_login_at,
        }
        for u in users
    ]
    frame = pd.DataFrame(rows, columns=list(labels))
    return frame.rename(columns=labels)
