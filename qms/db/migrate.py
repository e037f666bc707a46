"""Alembic driven from code: the CLI's ``migrate`` and the tests use the same path."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from qms.core.config import ROOT, settings
from qms.db.engine import get_engine


def alembic_config(url: str | None = None) -> Config:
    """Config pointing at ``migrations/`` and at ``url`` (default: the configured database)."""
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", (url or settings().database_url).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None) -> None:
    """Bring the database to the newest revision."""
    command.upgrade(alembic_config(url), "head")


def is_current(url: str | None = None) -> bool:
    """True when the database is at the newest revision."""
    cfg = alembic_config(url)
    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    with get_engine(url).connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads()) == heads
