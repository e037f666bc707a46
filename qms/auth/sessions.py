"""Sign-in, the server-side session behind the cookie, sign-out, first start.

The browser never sees a session id: after a password check the service hands the page a
one-time *claim* nonce; the page posts it to ``/_qms/session`` (qms/web.py), which swaps it
for the random session token and sets it as an HttpOnly cookie. Only SHA-256 hashes of the
nonce and the token are stored.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from qms.auth.models import Organization, User, UserRole
from qms.auth.organization_rules import OrgInput
from qms.auth.organizations import insert_organization
from qms.auth.passwords import hash_password, needs_rehash, verify_password
from qms.auth.rules import (
    LockoutPolicy,
    SessionPolicy,
    check_password_policy,
    is_locked,
    minutes_left,
)
from qms.auth.session_models import AuthSession
from qms.auth.users import UserInput, insert_user, revoke_sessions
from qms.core import clock
from qms.core import validation as v
from qms.core.actor import Actor
from qms.core.config import settings
from qms.core.errors import AuthenticationFailed, Conflict, ValidationFailed
from qms.core.roles import Role
from qms.db.uow import UnitOfWork, read_session, unit_of_work
from qms.trail.record import record_change

CLAIM_TTL = timedelta(seconds=120)
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SignIn:
    """A fresh sign-in: the actor, and the nonce the page swaps for the cookie."""

    actor: Actor
    claim_nonce: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def actor_for(user: User, session_id: int | None = None) -> Actor:
    return Actor(
        user_id=user.id, username=user.username, full_name=user.full_name,
        organization_id=user.organization_id, roles=frozenset(Role(r) for r in user.roles),
        unit_id=user.unit_id, language=user.language, session_id=session_id,
    )


def actors_of(org_id: int) -> dict[str, Actor]:
    """Every person of the organisation as an actor, by username: the demo loaders act as
    the people of the demo organisation."""
    with read_session() as s:
        users = s.scalars(select(User).where(User.organization_id == org_id)).all()
        return {u.username: actor_for(u) for u in users}


def _session_policy() -> SessionPolicy:
    cfg = settings()
    return SessionPolicy(timedelta(hours=cfg.session_idle_hours),
                         timedelta(days=cfg.session_max_days))


def _admin_exists(session: Session) -> bool:
    """An administrator account with a password exists, in use or disabled: once there is
    one, the first-start form never comes back (disabling an administrator must not reopen
    it to any visitor); a locked-out installation is recovered from the command line."""
    query = select(
        exists().where(UserRole.user_id == User.id, UserRole.role == Role.ADMIN.value,
                       User.password_hash.is_not(None))
    )
    return bool(session.scalar(query))


def needs_first_admin() -> bool:
    """True until an administrator with a password has been created (first start; the demo's
    people have no passwords)."""
    with unit_of_work() as uow:
        return not _admin_exists(uow.session)


def needs_organization() -> bool:
    """True before any organisation has been entered (a real, non-demo first start)."""
    with unit_of_work() as uow:
        return uow.session.scalar(select(Organization.id).limit(1)) is None


def create_first_admin(org: OrgInput | None, data: UserInput, password: str) -> int:
    """First start: create the administrator (and the organisation if none exists yet).

    Refused once any administrator can sign in, so the form cannot be replayed later.
    """
    check_password_policy(password, data.username)
    with unit_of_work() as uow:
        if _admin_exists(uow.session):
            raise Conflict("auth.setup_done")
        org_id = uow.session.scalar(select(Organization.id).order_by(Organization.id).limit(1))
        if org_id is None:
            if org is None:
                raise ValidationFailed("auth.org_required")
            org_id = insert_organization(uow.session, org).id
        roles = frozenset(data.roles) | {Role.ADMIN}
        user = insert_user(uow.session, org_id, UserInput(**{**data.__dict__, "roles": roles}),
                           password)
        system = Actor.system(org_id, "setup")
        record_change(uow.session, system, "auth.first_admin", "user", user.id,
                     after={"username": user.username, "roles": sorted(user.roles)})
        uow.commit()
        return user.id


def sign_in(username: str, password: str) -> SignIn:
    """Check the password; on success open a session, on failure count towards lockout."""
    try:
        name = v.username(username)
    except ValidationFailed:
        verify_password(None, password)
        raise AuthenticationFailed("auth.wrong_credentials") from None
    cfg = settings()
    now = clock.now()
    with unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == name))
        if user is None:
            verify_password(None, password)
            raise AuthenticationFailed("auth.wrong_credentials")
        system = Actor.system(user.organization_id, user.username)
        if is_locked(user.locked_until, now):
            raise AuthenticationFailed("auth.locked", minutes=minutes_left(user.locked_until, now))
        if not verify_password(user.password_hash, password):
            _count_failure(uow.session, user, system, LockoutPolicy(cfg.lockout_attempts,
                                                                   cfg.lockout_minutes))
            uow.commit()
            if user.locked_until is not None:
                raise AuthenticationFailed("auth.locked", minutes=cfg.lockout_minutes)
            raise AuthenticationFailed("auth.wrong_credentials")
        if not user.is_active:
            raise AuthenticationFailed("auth.disabled")
        if needs_rehash(user.password_hash or ""):
            user.password_hash = hash_password(password)
        return _open_session(uow, user, now)


def _count_failure(session: Session, user: User, system: Actor, policy: LockoutPolicy) -> None:
    failed, locked_until = policy.after_failure(user.failed_logins, clock.now())
    user.failed_logins, user.locked_until = failed, locked_until
    action = "auth.locked" if locked_until else "auth.login_failed"
    record_change(session, system, action, "user", user.id,
                 after={"locked_until": locked_until} if locked_until else None)


def _open_session(uow: UnitOfWork, user: User, now: datetime) -> SignIn:
    nonce = secrets.token_urlsafe(32)
    row = AuthSession(
        user_id=user.id, claim_hash=_digest(nonce), claim_expires_at=now + CLAIM_TTL,
        created_at=now, last_seen_at=now, expires_at=now + _session_policy().lifetime,
    )
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    uow.session.add(row)
    uow.session.flush()
    actor = actor_for(user, row.id)
    record_change(uow.session, actor, "auth.login", "user", user.id)
    uow.commit()
    return SignIn(actor, nonce)


def claim_session(nonce: str) -> str | None:
    """Swap a sign-in nonce (once, within two minutes) for the cookie's session token."""
    if not nonce or len(nonce) > 200:
        return None
    now = clock.now()
    with unit_of_work() as uow:
        query = select(AuthSession).where(AuthSession.claim_hash == _digest(nonce))
        row = uow.session.scalar(query)
        live = row is not None and row.revoked_at is None and row.claim_expires_at is not None
        if row is None or not live or row.claim_expires_at < now:  # type: ignore[operator]
            return None
        token = secrets.token_urlsafe(32)
        row.token_hash, row.claim_hash, row.claim_expires_at = _digest(token), None, None
        uow.commit()
        return token


def resume(*, session_id: int | None = None, token: str | None = None) -> Actor | None:
    """The actor of a live session (by id within one connection, or by cookie token).

    Revoked, expired or idle sessions and disabled users give ``None``; an idle session is
    revoked on the way so its cookie never works again.
    """
    if session_id is None and not token:
        return None
    now = clock.now()
    with unit_of_work() as uow:
        query = select(AuthSession)
        query = query.where(AuthSession.id == session_id) if session_id is not None else \
            query.where(AuthSession.token_hash == _digest(token or ""))
        row = uow.session.scalar(query)
        if row is None or row.revoked_at is not None:
            return None
        user = uow.session.get(User, row.user_id)
        if user is None or not user.is_active:
            return None
        if _session_policy().is_expired(row.last_seen_at, row.expires_at, now):
            row.revoked_at, row.revoke_reason = now, "expired"
            uow.commit()
            return None
        if now - row.last_seen_at >= TOUCH_EVERY:
            row.last_seen_at = now
            uow.commit()
        return actor_for(user, row.id)


def sign_out(actor: Actor) -> None:
    """End the actor's session: its cookie stops working immediately."""
    if actor.session_id is None:
        return
    with unit_of_work() as uow:
        row = uow.session.get(AuthSession, actor.session_id)
        if row is not None and row.revoked_at is None:
            row.revoked_at, row.revoke_reason = clock.now(), "sign_out"
            record_change(uow.session, actor, "auth.logout", "user", row.user_id)
            uow.commit()


def change_own_password(actor: Actor, current: str, new: str) -> None:
    """Any user changes their own password after re-entering the current one."""
    actor.require("account.change_password")
    with read_session() as s:
        user = s.get(User, actor.user_id)
        seen = user.password_hash if user is not None else None
    # Both hashes are slow on purpose: they are made outside the write transaction.
    if seen is None or not verify_password(seen, current):
        raise ValidationFailed("auth.current_password_wrong")
    check_password_policy(new, actor.username)
    hashed = hash_password(new)
    with unit_of_work() as uow:
        user = uow.session.get(User, actor.user_id)
        if user is None or user.password_hash != seen:  # changed meanwhile elsewhere
            raise ValidationFailed("auth.current_password_wrong")
        user.password_hash = hashed
        revoke_sessions(uow.session, user.id, "password_changed", keep=actor.session_id)
        record_change(uow.session, actor, "account.change_password", "user", user.id,
                     before={"password": 0}, after={"password": 1})
        uow.commit()


def set_own_language(actor: Actor, language: str) -> None:
    """Any user chooses the language of their own screens."""
    actor.require("account.set_language")
    with unit_of_work() as uow:
        user = uow.session.get(User, actor.user_id)
        if user is None:
            return
        before = user.language
        user.language = language if language in ("vi", "en") else "vi"
        record_change(uow.session, actor, "account.set_language", "user", user.id,
                     before={"language": before}, after={"language": user.language})
        uow.commit()
