"""A writer process killed with SIGKILL in the middle of a burst of commits, five times: every
id it was told was committed is there, SQLite's file is intact, the audit chain verifies."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, text

from qms.db import migrate
from qms.db.engine import get_engine
from qms.db.uow import read_session
from qms.nonconformities.models import Nonconformity
from qms.trace.file_models import Evidence
from qms.trail.verify import verify_log
from tests.factories import make_org

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5


def _burst_then_kill(url: str, org_id: int, rng: random.Random) -> list[tuple[str, int]]:
    """Start the writer, let it acknowledge some commits, SIGKILL it mid-burst."""
    env = {**os.environ, "QMS_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.writer", str(org_id)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    acknowledged: list[tuple[str, int]] = []
    wanted = rng.randint(15, 40)
    for line in proc.stdout:
        kind, ident = line.split()
        acknowledged.append((kind, int(ident)))
        if len(acknowledged) >= wanted:
            break
    proc.send_signal(signal.SIGKILL)  # mid-burst: the writer is committing the next record
    for line in proc.stdout:  # lines flushed before the kill landed count as acknowledged
        kind, ident = line.split()
        acknowledged.append((kind, int(ident)))
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert len(acknowledged) >= wanted
    return acknowledged


def test_acknowledged_commits_survive_sigkill(fresh_database_url):
    migrate.upgrade(fresh_database_url)
    org_id = make_org()
    rng = random.Random(7)
    acknowledged: list[tuple[str, int]] = []
    for _ in range(KILLS):
        acknowledged += _burst_then_kill(fresh_database_url, org_id, rng)
    with read_session() as s:
        ncs = set(s.scalars(select(Nonconformity.id)))
        evidence = set(s.scalars(select(Evidence.id)))
        seqs = sorted(s.scalars(select(Nonconformity.seq)))
    assert {i for k, i in acknowledged if k == "nc"} <= ncs
    assert {i for k, i in acknowledged if k == "evidence"} <= evidence
    assert seqs == list(range(1, len(seqs) + 1))  # a killed creation gave its number back
    if fresh_database_url.startswith("sqlite"):
        with get_engine().connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert verify_log().broken is None
