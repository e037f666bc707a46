"""Backup and restore: every table and every stored file in one checked ZIP.

A backup is a consistent snapshot (one read transaction), with a manifest of SHA-256 sums.
Restore goes into an empty database of either engine — SQLite to PostgreSQL works, so a
commune can move up — and refuses a truncated, altered or foreign file without changing
anything.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Date, LargeBinary, Table, func, insert, select, text
from sqlalchemy.engine import Engine

from qms.core.actor import Actor
from qms.core.errors import ValidationFailed
from qms.db import all_models  # noqa: F401  (registers every table)
from qms.db.base import Base, UTCDateTime
from qms.db.engine import get_engine
from qms.db.migrate import upgrade
from qms.db.uow import unit_of_work
from qms.trail.record import record_change

FORMAT = "qms-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class RestoreReport:
    tables: int
    rows: int
    revision: str


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _revision(conn: Connection) -> str:
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() or ""


def create_backup(url: str | None = None) -> bytes:
    """The whole database as a ZIP: one JSON-lines file per table plus a checked manifest."""
    engine = get_engine(url)
    buffer = io.BytesIO()
    manifest: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION,
                                "created_at": datetime.now(UTC).isoformat(), "tables": {}}
    with snapshot(engine) as conn, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        manifest["revision"] = _revision(conn)
        for table in _tables():
            order = [c for c in table.primary_key.columns] or list(table.columns)
            lines = [json.dumps({k: _encode(v) for k, v in row._mapping.items()},
                                ensure_ascii=False, sort_keys=True)
                     for row in conn.execute(select(table).order_by(*order))]
            payload = ("\n".join(lines) + ("\n" if lines else "")).encode()
            zf.writestr(f"tables/{table.name}.jsonl", payload)
            manifest["tables"][table.name] = {"rows": len(lines),
                                              "sha256": hashlib.sha256(payload).hexdigest()}
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
    return buffer.getvalue()


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A read transaction that sees one instant of the database (WAL on SQLite, REPEATABLE
    READ on PostgreSQL), so a backup taken while the app runs is consistent."""
    options = {} if engine.dialect.name == "sqlite" else {"isolation_level": "REPEATABLE READ"}
    with engine.connect().execution_options(**options) as conn, conn.begin() as tx:
        yield conn
        tx.rollback()


def read_backup(data: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Open and verify a backup file; any damage or foreign content is refused."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise ValidationFailed("backup.foreign")
            manifest = json.loads(zf.read(MANIFEST))
            if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
                raise ValidationFailed("backup.foreign")
            payloads = {name: zf.read(f"tables/{name}.jsonl") for name in manifest["tables"]}
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise ValidationFailed("backup.damaged") from exc
    for name, payload in payloads.items():
        if hashlib.sha256(payload).hexdigest() != manifest["tables"][name]["sha256"]:
            raise ValidationFailed("backup.checksum", table=name)
    return manifest, payloads


def restore_backup(data: bytes, url: str | None = None) -> RestoreReport:
    """Load a verified backup into an empty database (migrated here if it is new)."""
    manifest, payloads = read_backup(data)
    upgrade(url)
    engine = get_engine(url)
    tables = {t.name: t for t in _tables()}
    unknown = set(payloads) - set(tables)
    with engine.begin() as conn:
        if manifest.get("revision") != _revision(conn) or unknown:
            raise ValidationFailed("backup.other_version", revision=manifest.get("revision"))
        for table in tables.values():
            if conn.execute(select(func.count()).select_from(table)).scalar():
                raise ValidationFailed("backup.target_not_empty", table=table.name)
        rows = 0
        for name, table in tables.items():
            records = [_decode_row(table, json.loads(line))
                       for line in payloads.get(name, b"").decode().splitlines() if line]
            if records:
                conn.execute(insert(table), records)
                rows += len(records)
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn, list(tables.values()))
    return RestoreReport(len(payloads), rows, manifest.get("revision", ""))


def _decode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None:
            if isinstance(column.type, UTCDateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(column.type, Date):
                value = date.fromisoformat(value)
            elif isinstance(column.type, LargeBinary):
                value = base64.b64decode(value["$b64"])
        out[column.name] = value
    return out


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """Identity columns continue after the restored ids on PostgreSQL."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and pk[0].autoincrement is not False and \
                pk[0].type.python_type is int:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"))


def backup_for(actor: Actor) -> bytes:
    """An administrator's backup download: permission checked and the event audit-logged."""
    actor.require("system.backup")
    with unit_of_work() as uow:
        record_change(uow.session, actor, "system.backup", "organization", actor.organization_id)
        uow.commit()
    return create_backup()
