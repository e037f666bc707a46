"""Throwaway PostgreSQL databases for the suite (QMS_TEST_POSTGRES_URL names the server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

SKIP_REASON = "QMS_TEST_POSTGRES_URL is not set: PostgreSQL variant skipped (CI always sets it)"


def base_url() -> str | None:
    return os.environ.get("QMS_TEST_POSTGRES_URL") or None


@contextmanager
def temp_database(base: str) -> Iterator[str]:
    """Create an empty database next to ``base``, yield its URL, drop it afterwards."""
    name = f"qms_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        from qms.db.engine import dispose_engines

        dispose_engines()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def migrated_database(engine: str, sqlite_file: Path) -> Iterator[str]:
    """The URL of a database migrated to the newest revision: ``sqlite_file`` for
    ``"sqlite"``, else a throwaway PostgreSQL database (skipped, or failed under
    ``QMS_REQUIRE_ALL``, without a server)."""
    from qms.db import migrate
    from qms.db.engine import dispose_engines
    from tests.skips import skip_or_fail

    if engine == "sqlite":
        url = f"sqlite:///{sqlite_file}"
        migrate.upgrade(url)
        yield url
        dispose_engines()
        return
    base = base_url()
    if base is None:
        skip_or_fail(SKIP_REASON)
    with temp_database(base) as url:
        migrate.upgrade(url)
        yield url
