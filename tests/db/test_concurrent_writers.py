"""Many writers at once: every service call succeeds and every row is there (both engines)."""

from __future__ import annotations

import threading

from qms.auth.organization_queries import list_units
from qms.auth.organizations import add_unit
from qms.core.actor import Actor
from qms.db import migrate
from tests.factories import make_org

THREADS, EACH = 8, 15


def test_concurrent_services_never_fail_and_nothing_is_lost(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    org_id = make_org()
    actor = Actor.system(org_id)
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        barrier.wait()
        for i in range(EACH):
            try:  # each call reads (duplicate check) then writes: the classic lost-race shape
                add_unit(actor, f"Tổ công tác {n}-{i}")
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(list_units(org_id)) == THREADS * EACH
