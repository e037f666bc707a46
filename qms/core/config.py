"""Settings read from the environment, with the embedded defaults documented in README.md."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    """Everything an operator can set; see the README's configuration table."""

    database_url: str
    data_dir: Path
    session_idle_hours: int
    session_max_days: int
    lockout_attempts: int
    lockout_minutes: int
    cookie_secure: str  # "auto", "1" or "0"


def settings() -> Settings:
    """Read the settings now (tests change the environment between calls)."""
    data_dir = Path(os.environ.get("QMS_DATA_DIR") or ROOT / "data")
    default_url = f"sqlite:///{data_dir / 'qms.sqlite3'}"
    return Settings(
        database_url=os.environ.get("QMS_DATABASE_URL") or default_url,
        data_dir=data_dir,
        session_idle_hours=_int("QMS_SESSION_IDLE_HOURS", 8),
        session_max_days=_int("QMS_SESSION_MAX_DAYS", 7),
        lockout_attempts=_int("QMS_LOCKOUT_ATTEMPTS", 5),
        lockout_minutes=_int("QMS_LOCKOUT_MINUTES", 15),
        cookie_secure=os.environ.get("QMS_COOKIE_SECURE", "auto"),
    )
