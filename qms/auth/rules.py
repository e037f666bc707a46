"""Sign-in rules: password policy, lockout after failed attempts, session expiry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from qms.core.errors import ValidationFailed

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200


def check_password_policy(password: str, username: str = "") -> None:
    """Refuse passwords shorter than 10 characters, absurdly long, or equal to the username."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed("auth.password_too_short", min=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationFailed("auth.password_too_long", max=MAX_PASSWORD_LENGTH)
    if username and password.strip().lower() == username.strip().lower():
        raise ValidationFailed("auth.password_is_username")


@dataclass(frozen=True)
class LockoutPolicy:
    """``attempts`` failures in a row lock the account for ``minutes``."""

    attempts: int = 5
    minutes: int = 15

    def after_failure(self, failed_before: int, now: datetime) -> tuple[int, datetime | None]:
        """New failure count and lock end after one more failed attempt."""
        failed = failed_before + 1
        if failed >= self.attempts:
            return 0, now + timedelta(minutes=self.minutes)
        return failed, None


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


def minutes_left(locked_until: datetime, now: datetime) -> int:
    """Whole minutes until the lock ends, at least 1 (what the message shows)."""
    return max(1, -(-int((locked_until - now).total_seconds()) // 60))


@dataclass(frozen=True)
class SessionPolicy:
    """A session ends after ``idle`` without activity, or ``lifetime`` after sign-in."""

    idle: timedelta
    lifetime: timedelta

    def is_expired(self, last_seen: datetime, expires_at: datetime, now: datetime) -> bool:
        return now >= expires_at or now - last_seen >= self.idle
