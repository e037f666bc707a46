"""A double (or sextuple) click on "Tạo sự không phù hợp": one nonconformity, the same answer
for every click, no error (both engines, real commits)."""

from __future__ import annotations

import threading
from datetime import date

from qms.db import migrate
from qms.voice.escalation import NcRaised, raise_voice_nc
from tests.voice.helpers import received, voice_setup

CLICKS = 6


def test_simultaneous_clicks_raise_one_nonconformity(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    v = voice_setup()
    feedback_id = received(v, date(2023, 2, 1))  # overdue since 12 February 2023
    actor = v.c.actor("hangnt")
    barrier = threading.Barrier(CLICKS)
    results: list[NcRaised] = []
    errors: list[BaseException] = []

    def click() -> None:
        barrier.wait()
        try:
            results.append(raise_voice_nc(actor, "citizen_feedback", feedback_id))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({r.nc_id for r in results}) == 1 and sum(r.created for r in results) == 1
