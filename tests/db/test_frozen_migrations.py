"""Old migrations carry their own code: what they compute cannot change with the application."""

from __future__ import annotations

import ast
import importlib.util
from datetime import UTC, datetime

from qms.core.config import ROOT
from qms.trail import chain, models

VERSIONS = ROOT / "migrations" / "versions"
# Column types a generated migration names; they describe storage, not behaviour.
ALLOWED = {"qms.db.base"}


def test_no_migration_imports_application_code_beyond_column_types():
    offenders = []
    for path in sorted(VERSIONS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names
                          if n.startswith("qms") and n not in ALLOWED]
    assert offenders == []


def test_the_trail_migrations_chain_is_the_one_the_application_verifies():
    """Rows hashed when 0006 ran are verified by today's chain: the two copies agree."""
    path = next(VERSIONS.glob("0006_*.py"))
    spec = importlib.util.spec_from_file_location("migration_0006", path)
    assert spec and spec.loader
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    row = {"chain": 3, "seq": 7, "occurred_at": datetime(2023, 3, 1, 2, 3, 4, 5, tzinfo=UTC),
           "user_id": 9, "actor": "hangnt", "action": "nc.create", "entity_type": "nonconformity",
           "entity_id": "12", "changes": {"title": "Trả hồ sơ trễ hạn", "n": 2},
           "reason": "Ghi nhận"}
    assert migration.GENESIS == models.GENESIS
    assert migration.row_digest(models.GENESIS, **row) == chain.row_digest(models.GENESIS, **row)
