"""The prepared world for the permission walk and the audit-trail proof, built once per engine.

Each call runs inside a transaction on one connection that is rolled back afterwards (the
services commit SAVEPOINTs), so every call sees the same world and a refused call can be
compared with it table by table.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select
from sqlalchemy.orm import sessionmaker

from qms.core.actor import Actor
from qms.core.permissions import allowed
from qms.core.roles import Role
from qms.db.base import Base
from qms.db.engine import bound_sessions, get_engine
from qms.trail.models import AuditLog
from tests import pg
from tests.reliability.service_catalog import SERVICES, Call, World, build_world

ROLES = (Role.ADMIN, Role.ISO_OFFICER, Role.AUDITOR, Role.OFFICER, Role.LEADER, Role.VIEWER)
SKIPPED_TABLES = {"audit_log", "audit_chain"}


@dataclass(frozen=True)
class Prepared:
    url: str
    world: World
    data_dir: Path


@contextmanager
def _engine_url(engine: str, folder: Path) -> Iterator[str]:
    with pg.migrated_database(engine, folder / "walk.sqlite3") as url:
        yield url


@contextmanager
def prepared(engine: str, folder: Path) -> Iterator[Prepared]:
    """Migrate a database of ``engine``, build the world in it (committed), yield it."""
    mp = pytest.MonkeyPatch()
    data_dir = folder / "data"
    mp.setenv("QMS_DATA_DIR", str(data_dir))
    try:
        with _engine_url(engine, folder) as url:
            with transaction(url, data_dir) as conn:
                world = build_world(folder / "procedures")
                conn.commit()
            yield Prepared(url, world, data_dir)
    finally:
        mp.undo()


@contextmanager
def transaction(url: str, data_dir: Path) -> Iterator[Connection]:
    """Every unit of work inside one outer transaction, rolled back unless committed."""
    mp = pytest.MonkeyPatch()
    mp.setenv("QMS_DATA_DIR", str(data_dir))
    mp.setenv("QMS_DATABASE_URL", url)  # the backup reads the database on its own
    conn = get_engine(url).connect()
    outer = conn.begin()
    factory = sessionmaker(bind=conn, join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    try:
        with bound_sessions(factory):
            yield conn
    finally:
        if outer.is_active:
            outer.rollback()
        conn.close()
        mp.undo()


def service(name: str) -> Any:
    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(module), function)


def actor(w: World, call: Call, role: Role, held: bool) -> Actor:
    """One role at a time: the condition holder on the record's unit, or an outsider."""
    if held:
        return Actor(call.holder or w.holder, "perm_holder", "Người giữ quyền", w.org_id,
                     frozenset({role}), call.unit or w.unit)
    return Actor(w.outsider, "perm_outsider", "Người ngoài", w.org_id, frozenset({role}),
                 w.other_unit)


def expected(name: str, role: Role, held: bool) -> bool:
    entry = SERVICES[name]
    held_conditions = entry.conditions if held else ()
    return all(allowed(action, {role}, held_conditions) for action in entry.actions)


def cases() -> list[tuple[str, Role, bool]]:
    """Every service × every role; conditional services also with the condition not held."""
    out = []
    for name, entry in SERVICES.items():
        for role in ROLES:
            out.append((name, role, True))
            if entry.conditions:
                out.append((name, role, False))
    return out


def case_id(case: tuple[str, Role, bool]) -> str:
    name, role, held = case
    return f"{name.removeprefix('qms.')}-{role.value}-{'held' if held else 'not_held'}"


Rows = dict[str, dict[str, tuple[str, dict[str, Any]]]]


def fingerprint(conn: Connection) -> Rows:
    """Each business table's rows: primary key -> (a checksum of the values, the values)."""
    out: Rows = {}
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED_TABLES:
            continue
        names = [c.name for c in table.columns]
        pk = [names.index(c.name) for c in table.primary_key.columns]
        columns = ", ".join(f'"{name}"' for name in names)
        rows = conn.exec_driver_sql(f'SELECT {columns} FROM "{table.name}"').all()
        out[table.name] = {
            "|".join(str(r[i]) for i in pk): (
                hashlib.sha1(repr(tuple(map(str, r))).encode()).hexdigest(),
                dict(zip(names, r, strict=True))) for r in rows}
    return out


def changed(before: Rows, after: Rows) -> dict[str, set[str]]:
    """Table -> keys of rows added, removed or altered."""
    out = {}
    for table, rows in after.items():
        old = before[table]
        keys = {k for k in rows.keys() | old.keys()
                if (rows.get(k) or ("",))[0] != (old.get(k) or ("",))[0]}
        if keys:
            out[table] = keys
    return out


def audit_count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(AuditLog)).scalar_one()


def new_audit_rows(conn: Connection, after_id: int) -> list[Any]:
    return conn.execute(select(AuditLog.entity_type, AuditLog.entity_id, AuditLog.action)
                        .where(AuditLog.id > after_id)).all()


def last_audit_id(conn: Connection) -> int:
    return conn.execute(select(func.coalesce(func.max(AuditLog.id), 0))).scalar_one()

