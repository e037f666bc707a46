"""The self-inspection migration gives plans imported before it one duty per duty task."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from qms.db import migrate
from qms.db.engine import get_engine
from qms.duties.models import SelfInspectionDuty
from qms.plan.demo import load_demo_plan
from tests.factories import make_org


def _duties(url: str) -> int:
    with get_engine(url).connect() as conn:
        return conn.execute(select(func.count(SelfInspectionDuty.id))).scalar() or 0


def test_plans_imported_before_the_migration_get_their_duties(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    load_demo_plan(make_org())
    assert _duties(fresh_database_url) == 7  # made by the import itself
    cfg = migrate.alembic_config(fresh_database_url)
    [mine] = [r for r in ScriptDirectory.from_config(cfg).walk_revisions()
              if r.path.endswith("_self_inspection_duties.py")]
    command.downgrade(cfg, mine.down_revision)  # the plan stays, the duty tables go
    migrate.upgrade(fresh_database_url)
    assert _duties(fresh_database_url) == 7
