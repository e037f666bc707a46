"""User administration: accounts, roles, passwords, disabling."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from qms.auth.models import Unit, User, UserRole
from qms.auth.passwords import hash_password
from qms.auth.rules import check_password_policy
from qms.auth.session_models import AuthSession
from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.errors import ValidationFailed
from qms.core.i18n import LANGUAGES
from qms.core.roles import Role, parse_roles
from qms.db.uow import owned, read_session, unit_of_work
from qms.trail.record import record_change
from qms.trail.stale import check_version


@dataclass(frozen=True)
class UserInput:
    """The user form: everything but the password."""

    username: str
    full_name: str
    job_title: str = ""
    unit_id: int | None = None
    roles: frozenset[Role] = frozenset()
    email: str = ""
    language: str = "vi"


def _clean_roles(roles: Iterable[object]) -> frozenset[Role]:
    try:
        return parse_roles(list(roles))
    except ValueError as exc:
        raise ValidationFailed("validation.role") from exc


def _snapshot(user: User) -> dict[str, object]:
    return {
        "username": user.username, "full_name": user.full_name, "job_title": user.job_title,
        "unit_id": user.unit_id, "roles": sorted(user.roles), "email": user.email,
        "language": user.language, "is_active": user.is_active,
    }


def _check_unit(session: Session, org_id: int, unit_id: int | None) -> None:
    if v.reference(unit_id, "validation.unit") is None:
        return
    unit = session.get(Unit, unit_id)
    if unit is None or unit.organization_id != org_id:
        raise ValidationFailed("validation.unit")


def _user_in_org(session: Session, actor: Actor, user_id: int) -> User:
    user = owned(session, User, user_id, actor)
    return user


def insert_user(session: Session, org_id: int, data: UserInput,
                password: str | None = None) -> User:
    """Add a user to ``session`` after validation; the caller audits and commits."""
    username = v.username(data.username)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationFailed("user.duplicate", username=username)
    _check_unit(session, org_id, data.unit_id)
    if data.language not in LANGUAGES:
        raise ValidationFailed("validation.language")
    if password is not None:
        check_password_policy(password, username)
    user = User(
        organization_id=org_id, username=username,
        full_name=v.text(data.full_name, "field.user.full_name", max_len=160, required=True),
        job_title=v.text(data.job_title, "field.user.job_title", max_len=160),
        unit_id=data.unit_id, email=v.email(data.email), language=data.language,
        password_hash=hash_password(password) if password else None,
        role_rows=[UserRole(role=r.value) for r in sorted(_clean_roles(data.roles))],
    )
    session.add(user)
    session.flush()
    return user


def create_user(actor: Actor, data: UserInput, password: str | None = None) -> int:
    """Create an account; without a password it cannot sign in until one is set."""
    actor.require("user.create")
    with unit_of_work() as uow:
        user = insert_user(uow.session, actor.organization_id, data, password)
        record_change(uow.session, actor, "user.create", "user", user.id, after=_snapshot(user))
        uow.commit()
        return user.id


def update_user(actor: Actor, user_id: int, data: UserInput, expected_version: int) -> None:
    """Change name, title, unit, roles, e-mail or language (not the username)."""
    actor.require("user.update")
    roles = _clean_roles(data.roles)
    with unit_of_work() as uow:
        user = _user_in_org(uow.session, actor, user_id)
        check_version(user, expected_version)
        if user.id == actor.user_id and Role.ADMIN not in roles:
            raise ValidationFailed("user.cannot_drop_own_admin")
        _check_unit(uow.session, actor.organization_id, data.unit_id)
        if data.language not in LANGUAGES:
            raise ValidationFailed("validation.language")
        before = _snapshot(user)
        user.full_name = v.text(data.full_name, "field.user.full_name", max_len=160, required=True)
        user.job_title = v.text(data.job_title, "field.user.job_title", max_len=160)
        user.unit_id, user.email, user.language = data.unit_id, v.email(data.email), data.language
        user.role_rows = [UserRole(role=r.value) for r in sorted(roles)]
        uow.session.flush()
        record_change(uow.session, actor, "user.update", "user", user.id,
                     before=before, after=_snapshot(user))
        uow.commit()


def set_password(actor: Actor, user_id: int, password: str) -> None:
    """An administrator sets (or resets) a password; it also lifts a lockout and ends every
    session of the account (whoever held the old password is signed out). The hash is made
    before the write transaction opens, so no writer waits on it."""
    actor.require("user.set_password")
    with read_session() as s:
        check_password_policy(password, _user_in_org(s, actor, user_id).username)
    hashed = hash_password(password)
    with unit_of_work() as uow:
        user = _user_in_org(uow.session, actor, user_id)
        user.password_hash = hashed
        user.failed_logins, user.locked_until = 0, None
        revoke_sessions(uow.session, user.id, "password_reset")
        record_change(uow.session, actor, "user.set_password", "user", user.id,
                     before={"password": 0}, after={"password": 1})
        uow.commit()


def set_active(actor: Actor, user_id: int, active: bool, reason: str = "") -> None:
    """Disable (revoking every session at once) or re-enable an account."""
    actor.require("user.enable" if active else "user.disable")
    reason = v.text(reason, "field.reason", max_len=500)
    with unit_of_work() as uow:
        user = _user_in_org(uow.session, actor, user_id)
        if not active and user.id == actor.user_id:
            raise ValidationFailed("user.cannot_disable_self")
        if not active and user.is_active and _last_admin(uow.session, user):
            raise ValidationFailed("user.cannot_disable_last_admin")
        before = user.is_active
        user.is_active = active
        if not active:
            revoke_sessions(uow.session, user.id, "disabled")
        record_change(uow.session, actor, "user.enable" if active else "user.disable", "user",
                     user.id, before={"is_active": before}, after={"is_active": active},
                     reason=reason)
        uow.commit()


def _last_admin(session: Session, user: User) -> bool:
    """``user`` is the organisation's only active administrator who can sign in."""
    if Role.ADMIN.value not in user.roles or user.password_hash is None:
        return False
    others = session.scalar(select(func.count(User.id)).where(
        User.organization_id == user.organization_id, User.id != user.id,
        User.is_active.is_(True), User.password_hash.is_not(None),
        User.id.in_(select(UserRole.user_id).where(UserRole.role == Role.ADMIN.value))))
    return not others


def unlock(actor: Actor, user_id: int) -> None:
    """Lift a lockout before it runs out."""
    actor.require("user.unlock")
    with unit_of_work() as uow:
        user = _user_in_org(uow.session, actor, user_id)
        before = {"locked_until": user.locked_until, "failed_logins": user.failed_logins}
        if not user.failed_logins and user.locked_until is None:
            return  # nothing to lift: no change, no audit row
        user.failed_logins, user.locked_until = 0, None
        record_change(uow.session, actor, "user.unlock", "user", user.id, before=before,
                     after={"locked_until": None, "failed_logins": 0})
        uow.commit()


def revoke_sessions(session: Session, user_id: int, reason: str,
                    keep: int | None = None) -> None:
    """End every live session of ``user_id`` but ``keep`` (their cookies stop working at
    once)."""
    query = update(AuthSession).where(AuthSession.user_id == user_id,
                                      AuthSession.revoked_at.is_(None))
    if keep is not None:
        query = query.where(AuthSession.id != keep)
    session.execute(query.values(revoked_at=clock.now(), revoke_reason=reason))
