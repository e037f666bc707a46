"""Fixtures: one suite, two engines. Every test that takes ``db`` runs on SQLite and on
PostgreSQL (skipped with a printed reason where QMS_TEST_POSTGRES_URL is unset).

Each such test runs inside a transaction that is rolled back: services commit SAVEPOINTs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Connection
from sqlalchemy.orm import sessionmaker

from qms.auth import passwords
from qms.db.engine import bound_sessions, dispose_engines, get_engine
from tests import pg
from tests.skips import skip_or_fail

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> None:
    """Cheap Argon2 parameters in tests; production keeps argon2-cffi's defaults."""
    passwords.use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch) -> None:
    """No test touches the developer's data folder or inherits their database URL."""
    monkeypatch.setenv("QMS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("QMS_DATABASE_URL", raising=False)




@pytest.fixture(scope="session", params=ENGINES)
def database_url(request, tmp_path_factory) -> Iterator[str]:
    """A migrated database per engine, shared by the session's transactional tests."""
    sqlite_file = tmp_path_factory.mktemp("db") / "qms.sqlite3"
    with pg.migrated_database(request.param, sqlite_file) as url:
        yield url


@pytest.fixture
def db(database_url) -> Iterator[Connection]:
    """A connection inside a transaction that is rolled back after the test."""
    conn = get_engine(database_url).connect()
    outer = conn.begin()
    factory = sessionmaker(bind=conn, join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    with bound_sessions(factory):
        yield conn
    outer.rollback()
    conn.close()


@pytest.fixture(params=ENGINES)
def fresh_database_url(request, tmp_path) -> Iterator[str]:
    """An empty, un-migrated database of each engine, set as QMS_DATABASE_URL."""
    mp = pytest.MonkeyPatch()
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        mp.setenv("QMS_DATABASE_URL", url)
        yield url
        dispose_engines()
        mp.undo()
        return
    base = pg.base_url()
    if base is None:
        skip_or_fail(pg.SKIP_REASON)
    with pg.temp_database(base) as url:
        mp.setenv("QMS_DATABASE_URL", url)
        yield url
    mp.undo()


@dataclass
class FakeClock:
    """The services' clock, moved by tests."""

    now_value: datetime = field(default_factory=lambda: datetime(2023, 3, 1, 1, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.now_value

    def advance(self, **delta: float) -> None:
        self.now_value += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr("qms.core.clock.now", fake.now)
    return fake
