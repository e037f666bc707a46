"""The audit trail is append-only in the database and tamper-evident (hash chains)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from qms import cli
from qms.auth.organizations import add_unit
from qms.core.actor import Actor
from qms.db import migrate
from qms.db.engine import get_engine
from qms.demo.nam_trung import load_demo
from qms.trail.verify import verify_log
from tests.factories import make_org


def test_updating_or_deleting_an_audit_row_is_refused_by_the_database(db):
    add_unit(Actor.system(make_org()), "Bộ phận Một cửa")
    for statement in ("UPDATE audit_log SET actor = 'ke-gian'", "DELETE FROM audit_log"):
        nested = db.begin_nested()
        with pytest.raises(DBAPIError, match="append-only"):
            db.execute(text(statement))
        nested.rollback()


def test_every_row_is_chained_and_the_log_verifies(db):
    org_id = make_org()
    actor = Actor.system(org_id)
    for name in ("Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Bộ phận Một cửa"):
        add_unit(actor, name)
    report = verify_log()
    assert report.broken is None and report.rows >= 3
    seqs = db.execute(text("SELECT chain_seq FROM audit_log WHERE chain = :c ORDER BY id"),
                      {"c": org_id}).scalars().all()
    assert seqs == list(range(1, len(seqs) + 1))


def _tamper(url: str, statement: str) -> None:
    """What an attacker with database access does: drop the guard, edit, put it back."""
    engine = get_engine(url)
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        if postgres:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        conn.execute(text(statement))
        if postgres:
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))


@pytest.mark.parametrize(("statement", "problem"), [
    ("UPDATE audit_log SET reason = 'sửa lén' WHERE chain_seq = 3", "hash"),
    ("DELETE FROM audit_log WHERE chain_seq = 3", "gap"),
    ("DELETE FROM audit_log WHERE chain_seq = (SELECT MAX(chain_seq) FROM audit_log)", "gap"),
])
def test_verify_log_reports_the_first_broken_link(fresh_database_url, statement, problem):
    migrate.upgrade(fresh_database_url)
    load_demo()
    assert "toàn vẹn" in cli.run(["verify-log"])
    _tamper(fresh_database_url, statement)
    report = verify_log()
    assert report.broken is not None and report.broken.problem == problem
    if problem == "hash" or statement.endswith("= 3"):
        assert report.broken.seq == 3
    with pytest.raises(SystemExit, match="Nhật ký"):
        cli.run(["verify-log"])


def test_rows_written_before_the_chain_existed_are_chained_by_the_migration(fresh_database_url):
    cfg = migrate.alembic_config(fresh_database_url)
    command.upgrade(cfg, "0002")
    with get_engine(fresh_database_url).begin() as conn:
        conn.execute(text(
            "INSERT INTO organizations (code, name, authority_name, place_name, superior_body,"
            " province, document_symbol, chairman_name, chairman_title, address, phone, email,"
            " created_at, updated_at, version) VALUES ('x', 'Xã X', 'UBND xã X', 'X', '', '',"
            " 'UBND', '', '', '', '', '', '2023-01-01 00:00:00', '2023-01-01 00:00:00', 1)"))
        for n in range(3):
            conn.execute(text(
                "INSERT INTO audit_log (organization_id, occurred_at, actor, action, entity_type,"
                " entity_id, changes, reason) VALUES (1, :at, 'cli', 'unit.create', 'unit', :id,"
                " '{}', '')"), {"at": f"2023-01-0{n + 1} 00:00:00", "id": str(n)})
    migrate.upgrade(fresh_database_url)
    report = verify_log()
    assert report.broken is None and report.rows == 3
    add_unit(Actor.system(1), "Văn phòng - Thống kê")  # new rows continue the old chain
    assert verify_log().broken is None and verify_log().rows == 4
