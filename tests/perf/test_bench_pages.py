"""`make bench` measures every page of the registry against a bare script: each page needs
its bare query, and each query runs on the schema of the newest migration."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bench.bare_queries import BARE_SQL
from qms.db.uow import read_session
from qms.ui.registry import PAGES


def test_every_page_has_its_bare_query():
    assert set(BARE_SQL) == {spec.key for spec in PAGES}


@pytest.mark.parametrize("key", sorted(BARE_SQL))
def test_each_bare_query_runs(db, key):
    sql = BARE_SQL[key]
    with read_session() as s:
        s.execute(text(sql), {"org": 1} if ":org" in sql else {}).all()
