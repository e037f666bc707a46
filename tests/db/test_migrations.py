"""Migrations: upgrade on empty databases, one linear chain, no drift from the models."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from qms.db import migrate
from qms.db.base import Base
from qms.db.engine import get_engine


def test_upgrade_to_head_on_an_empty_database_creates_every_model_table(fresh_database_url):
    assert not migrate.is_current(fresh_database_url)
    migrate.upgrade(fresh_database_url)
    tables = set(inspect(get_engine(fresh_database_url)).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.is_current(fresh_database_url)


def test_upgrading_twice_is_harmless(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    migrate.upgrade(fresh_database_url)
    assert migrate.is_current(fresh_database_url)


def test_revision_chain_is_linear():
    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    revisions = list(script.walk_revisions())
    for rev in revisions:
        down = rev.down_revision
        assert down is None or isinstance(down, str), f"{rev.revision} is a merge point"


def test_models_and_migrations_do_not_drift(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    command.check(migrate.alembic_config(fresh_database_url))  # raises on any drift
