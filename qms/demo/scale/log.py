"""Synthetic audit-trail rows that continue an organisation's hash chain.

The rows are inserted in batches; every one carries its sequence number, the previous row's
hash and its own digest (``qms.trail.chain.row_digest``), and the chain head is moved
to the last one — exactly what ``record_change`` does one row at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from qms.trail.chain import row_digest
from qms.trail.models import GENESIS, AuditChain, AuditLog

BATCH = 5_000
ACTIONS = (
    ("nonconformity.create", "nonconformity"), ("nonconformity.analyse", "nonconformity"),
    ("corrective_action.complete", "corrective_action"), ("document.approve", "document"),
    ("audit.answer", "audit_item"), ("evidence.create", "evidence"),
    ("plan_task.update", "plan_task"), ("user.login", "user"),
)


def append_history_log(session: Session, org_id: int, rng: Random, years: list[int],
                       users: list[int], count: int,
                       progress: Callable[[str], None]) -> int:
    """Append ``count`` rows to the chain of ``org_id``, dated across ``years``."""
    if count <= 0:
        return 0
    seq, prev = _head(session, org_id)
    first = datetime(years[0] if years else 2022, 1, 1, 1, tzinfo=UTC)
    span = timedelta(days=365 * max(1, len(years))) / count
    rows: list[dict[str, Any]] = []
    for n in range(count):
        seq += 1
        action, entity = rng.choice(ACTIONS)
        fields = {"occurred_at": first + span * n, "user_id": rng.choice(users) if users else None,
                  "actor": "lichsu", "action": action, "entity_type": entity,
                  "entity_id": str(rng.randint(1, 5_000)),
                  "changes": {"status": ["open", "done"]}, "reason": ""}
        digest = row_digest(prev, chain=org_id, seq=seq, **fields)
        rows.append({"organization_id": org_id, "chain": org_id, "chain_seq": seq,
                     "prev_hash": prev, "row_hash": digest, **fields})
        prev = digest
        if len(rows) == BATCH:
            session.execute(insert(AuditLog), rows)
            rows = []
    if rows:
        session.execute(insert(AuditLog), rows)
    session.execute(update(AuditChain).where(AuditChain.chain == org_id)
                    .values(last_seq=seq, last_hash=prev))
    progress(f"Nhật ký thay đổi: {count:,}".replace(",", "."))
    return count


def _head(session: Session, org_id: int) -> tuple[int, str]:
    row = session.execute(select(AuditChain.last_seq, AuditChain.last_hash)
                          .where(AuditChain.chain == org_id)).first()
    if row is None:
        session.execute(insert(AuditChain).values(chain=org_id, last_seq=0, last_hash=GENESIS))
        return 0, GENESIS
    return row[0], row[1]
