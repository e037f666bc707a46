"""The engine (one per database URL and process) and the session factory.

SQLite is the embedded default: WAL, foreign keys on, a busy timeout, and transactions that
begin explicitly so SAVEPOINTs work. ``QMS_DATABASE_URL`` switches to PostgreSQL (psycopg 3).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from qms.core.config import settings

_lock = threading.Lock()
_engines: dict[str, Engine] = {}
_override: list[sessionmaker[Session]] = []
SQLITE_BUSY_TIMEOUT_MS = 15_000
WRITE_OPTION = "qms_write"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A unit of work that will write takes the write lock at BEGIN: two writers that both
        # read first would otherwise meet SQLITE_BUSY_SNAPSHOT, which no busy timeout cures.
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """A new engine for ``url``; SQLite files get their folder created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for ``url`` (default: the configured database)."""
    url = url or settings().database_url
    with _lock:
        if url not in _engines:
            _engines[url] = make_engine(url)
        return _engines[url]


def dispose_engines() -> None:
    """Close every pooled connection (tests, and the CLI before it exits)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def session_factory(write: bool = True) -> sessionmaker[Session]:
    """Sessions for one unit of work; tests may bind them to a single connection.

    Write sessions begin with the write lock on SQLite (serialised writers, never a stale
    snapshot); read sessions do not block anyone. PostgreSQL ignores the option.
    """
    if _override:
        return _override[-1]
    engine = get_engine()
    return sessionmaker(bind=engine.execution_options(**{WRITE_OPTION: write}),
                        expire_on_commit=False)


@contextmanager
def bound_sessions(factory: sessionmaker[Session]) -> Iterator[None]:
    """Make every unit of work use ``factory`` (per-test transactions, benchmarks)."""
    _override.append(factory)
    try:
        yield
    finally:
        _override.remove(factory)
