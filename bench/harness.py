"""Rendering every registered page signed in, counting its SQL statements and its time.

Shared by ``bench/run.py`` and the ordinary suite's no-N+1 test
(``tests/perf/test_statement_counts.py``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, select

from qms.auth import sessions as auth
from qms.auth import users
from qms.auth.models import Organization, User
from qms.core.actor import Actor
from qms.core.roles import Role
from qms.db.uow import read_session
from qms.ui.registry import PAGES, PageSpec

BENCH_USER = "bench.quantri"
BENCH_PASSWORD = "Do-hieu-nang-2026!"
ALL_WORK_ROLES = frozenset({Role.ADMIN, Role.ISO_OFFICER, Role.AUDITOR, Role.OFFICER,
                            Role.LEADER})


@dataclass
class Counter:
    statements: int = 0
    texts: list[str] = field(default_factory=list)


@contextmanager
def counting() -> Iterator[Counter]:
    """Count every SQL statement any engine of this process sends while the block runs."""
    counter = Counter()

    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        counter.statements += 1
        # savepoint names carry a running number: keep the statement's shape only
        counter.texts.append(re.sub(r"sa_savepoint_\d+", "sa_savepoint",
                                    " ".join(statement.split()))[:200])

    event.listen(Engine, "before_cursor_execute", _count)
    try:
        yield counter
    finally:
        event.remove(Engine, "before_cursor_execute", _count)


def bench_session(org_id: int | None = None, username: str = BENCH_USER) -> int:
    """A signed-in session of a user who holds every working role in the first
    organisation (created the first time), so every page shows all it can."""
    with read_session() as s:
        org_id = org_id or s.scalar(select(Organization.id).order_by(Organization.id).limit(1))
        user_id = s.scalar(select(User.id).where(User.username == username))
    assert org_id is not None
    if user_id is None:
        data = users.UserInput(username, "Người đo hiệu năng", "Quản trị", None, ALL_WORK_ROLES)
        users.create_user(Actor.system(org_id), data, BENCH_PASSWORD)
    session_id = auth.sign_in(username, BENCH_PASSWORD).actor.session_id
    assert session_id is not None
    return session_id


@dataclass(frozen=True)
class Render:
    key: str
    seconds: float
    statements: int
    error: str
    texts: tuple[str, ...] = ()


def render(spec: PageSpec, session_id: int) -> Render:
    """Run one page once (AppTest, in-process) and measure it."""
    from tests.ui.apptest import open_page

    at = open_page(spec, session_id, run=False)
    with counting() as counter:
        start = time.perf_counter()
        at.run()
        seconds = time.perf_counter() - start
    error = str(at.exception[0].value) if at.exception else ""
    return Render(spec.key, seconds, counter.statements, error, tuple(counter.texts))


def render_all(session_id: int) -> dict[str, Render]:
    return {spec.key: render(spec, session_id) for spec in PAGES}


_bare_engines: dict[str, Engine] = {}


def bare_engine(url: str) -> Engine:
    """The baseline script's engine, made once per URL and process."""
    from sqlalchemy import create_engine

    if url not in _bare_engines:
        _bare_engines[url] = create_engine(url)
    return _bare_engines[url]


def bare_render(url: str, sql: str) -> float:
    """Run the bare baseline page once; its script run time in seconds."""
    from streamlit.testing.v1 import AppTest

    from qms.core.config import ROOT

    at = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=30)
    at.session_state["bench.url"] = url
    at.session_state["bench.sql"] = sql
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return seconds
