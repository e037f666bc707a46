"""Settings read from the environment, with the embedded defaults documented in README.md."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _int(name: str, default: int, least: int = 0) -> int:
    """A whole number of at least ``least``; unset or unreadable: ``default``."""
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() and int(raw) >= least else default


def _text(name: str, default: str = "") -> str:
    return os.environ.get(name, "").strip() or default


@dataclass(frozen=True)
class Smtp:
    """The mail relay reminders go through (``QMS_SMTP_*``)."""

    host: str
    port: int
    sender: str
    user: str = ""
    password: str = ""
    starttls: bool = False


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
    max_upload_mb: int  # one uploaded file
    nc_verify_wait_days: int  # last action done -> earliest effectiveness check
    voice_answer_days: int  # citizen feedback received -> answer due
    base_url: str  # where users open the app; e-mails link there ("" = no links)
    smtp: Smtp | None  # None: reminders are not e-mailed


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
        max_upload_mb=_int("QMS_MAX_UPLOAD_MB", 20, least=1),
        nc_verify_wait_days=_int("QMS_NC_VERIFY_WAIT_DAYS", 30),
        voice_answer_days=_int("QMS_VOICE_ANSWER_DAYS", 10, least=1),
        base_url=_text("QMS_BASE_URL"),
        smtp=_smtp(),
    )


def _smtp() -> Smtp | None:
    host = _text("QMS_SMTP_HOST")
    if not host:
        return None
    return Smtp(host, _int("QMS_SMTP_PORT", 25, least=1), _text("QMS_SMTP_FROM", f"qms@{host}"),
                os.environ.get("QMS_SMTP_USER", ""), os.environ.get("QMS_SMTP_PASSWORD", ""),
                _text("QMS_SMTP_STARTTLS") in ("1", "true", "yes"))
