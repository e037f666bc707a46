"""Backup and restore: exact round trips across engines; damaged or foreign files refused."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from qms.auth.models import Organization
from qms.backup import archive as backup
from qms.core.actor import Actor
from qms.core.errors import PermissionDenied, ValidationFailed
from qms.core.roles import Role
from qms.db import migrate
from qms.db.engine import get_engine
from qms.demo.nam_trung import load_demo
from qms.trace.evidence import EvidenceInput, add_evidence
from tests import pg
from tests.factories import make_org, make_user, signed_in
from tests.plan.files import as_pdf
from tests.skips import skip_or_fail


def _dump(url: str) -> dict[str, list[str]]:
    """Every table's rows as sorted JSON lines, read through the backup's own encoder."""
    _manifest, payloads = backup.read_backup(backup.create_backup(url))
    return {name: sorted(p.decode().splitlines()) for name, p in payloads.items()}


@pytest.fixture
def source(fresh_database_url) -> str:
    migrate.upgrade(fresh_database_url)
    org_id = load_demo().organization_id
    add_evidence(Actor.system(org_id), EvidenceInput("Biên bản có tệp"), "bien-ban.pdf",
                 as_pdf("Biên bản kiểm tra công tác CCHC"))
    return fresh_database_url


def test_a_backup_restores_every_row_and_file_exactly_into_a_new_sqlite_database(source,
                                                                                   tmp_path):
    data = backup.create_backup(source)
    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    report = backup.restore_backup(data, target)
    assert report.rows > 100
    assert _dump(target) == _dump(source)


def test_a_sqlite_backup_restores_into_postgresql(tmp_path, monkeypatch):
    base = pg.base_url()
    if base is None:
        skip_or_fail(pg.SKIP_REASON)
    source = f"sqlite:///{tmp_path / 'commune.sqlite3'}"
    monkeypatch.setenv("QMS_DATABASE_URL", source)
    migrate.upgrade(source)
    load_demo()
    with pg.temp_database(base) as target:
        backup.restore_backup(backup.create_backup(source), target)
        assert _dump(target) == _dump(source)
        monkeypatch.setenv("QMS_DATABASE_URL", target)  # the moved commune keeps working
        assert make_org("Xã Nam Hồng") > _max_org_id(source)


def _max_org_id(url: str) -> int:
    with get_engine(url).connect() as conn:
        return conn.execute(select(func.max(Organization.id))).scalar() or 0


def _tamper(data: bytes, name: str, change) -> bytes:  # type: ignore[no-untyped-def]
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.namelist():
            payload = src.read(item)
            dst.writestr(item, change(payload) if item == name else payload)
    return out.getvalue()


def test_damaged_altered_and_foreign_files_are_refused_and_nothing_changes(source, tmp_path):
    data = backup.create_backup(source)
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    altered = _tamper(data, "tables/users.jsonl", lambda p: p.replace(b"bennv", b"hacker"))
    foreign = _tamper(data, "manifest.json",
                      lambda p: json.dumps({**json.loads(p), "format": "other"}).encode())
    cases = [(data[: len(data) // 2], "backup.damaged"), (altered, "backup.checksum"),
             (foreign, "backup.foreign"), (b"PK\x03\x04junk", "backup.damaged")]
    for bad, key in cases:
        with pytest.raises(ValidationFailed) as err:
            backup.restore_backup(bad, target)
        assert err.value.key == key
    assert not (tmp_path / "target.sqlite3").exists() or _count(target) == 0


def _count(url: str) -> int:
    with get_engine(url).connect() as conn:
        return conn.execute(select(func.count(Organization.id))).scalar() or 0


def test_restoring_over_existing_data_is_refused(source):
    with pytest.raises(ValidationFailed) as err:
        backup.restore_backup(backup.create_backup(source), source)
    assert err.value.key == "backup.target_not_empty"


def test_only_administrators_download_a_backup_and_it_is_logged(source):
    org_id = _max_org_id(source)
    make_user(org_id, "thuky", Role.ISO_OFFICER)
    with pytest.raises(PermissionDenied):
        backup.backup_for(signed_in("thuky"))
    make_user(org_id, "quantri", Role.ADMIN)
    data = backup.backup_for(signed_in("quantri"))
    manifest, _ = backup.read_backup(data)
    assert manifest["tables"]["audit_log"]["rows"] >= 1
    from qms.trail.queries import AuditFilter, search

    frame, _ = search(org_id, AuditFilter(action="system.backup"))
    assert list(frame["actor"]) == ["quantri"]


def test_the_cli_backs_up_and_restores(source, tmp_path, monkeypatch):
    from qms import cli

    out = tmp_path / "sao-luu.zip"
    assert "Đã sao lưu" in cli.run(["backup", "-o", str(out)])
    monkeypatch.setenv("QMS_DATABASE_URL", f"sqlite:///{tmp_path / 'moi.sqlite3'}")
    assert "Đã khôi phục" in cli.run(["restore", str(out)])
    assert _dump(f"sqlite:///{tmp_path / 'moi.sqlite3'}") == _dump(source)
