"""Checking the audit trail's hash chains: ``python -m qms verify-log``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from qms.db.uow import read_session
from qms.trail.chain import row_digest
from qms.trail.models import GENESIS, AuditChain, AuditLog


@dataclass(frozen=True)
class BrokenLink:
    """The first place a chain does not hold: which row, and what is wrong with it."""

    chain: int
    seq: int
    row_id: int | None
    problem: str  # "hash": content changed; "link": previous hash differs; "gap": rows missing


@dataclass(frozen=True)
class VerifyReport:
    rows: int
    chains: int
    broken: BrokenLink | None


def verify_log(batch: int = 2000) -> VerifyReport:
    """Recompute every chain from its first row; stop at the first broken link."""
    rows = 0
    with read_session() as s:
        heads = {c.chain: c.last_seq for c in s.scalars(select(AuditChain))}
        chains = sorted(set(heads) | set(s.scalars(select(AuditLog.chain).distinct())))
        for chain in chains:
            expected_seq, prev = 1, GENESIS
            query = (select(AuditLog).where(AuditLog.chain == chain)
                     .order_by(AuditLog.chain_seq).execution_options(yield_per=batch))
            for row in s.scalars(query):
                rows += 1
                broken = _check(row, chain, expected_seq, prev)
                if broken is not None:
                    return VerifyReport(rows, len(chains), broken)
                expected_seq, prev = expected_seq + 1, row.row_hash
            if heads.get(chain, 0) != expected_seq - 1:  # rows cut off the end of the chain
                return VerifyReport(rows, len(chains), BrokenLink(chain, expected_seq, None,
                                                                  "gap"))
    return VerifyReport(rows, len(chains), None)


def _check(row: AuditLog, chain: int, seq: int, prev: str) -> BrokenLink | None:
    if row.chain_seq != seq:
        return BrokenLink(chain, seq, row.id, "gap")
    if row.prev_hash != prev:
        return BrokenLink(chain, seq, row.id, "link")
    digest = row_digest(row.prev_hash, chain=row.chain, seq=row.chain_seq,
                        occurred_at=row.occurred_at, user_id=row.user_id, actor=row.actor,
                        action=row.action, entity_type=row.entity_type,
                        entity_id=row.entity_id, changes=row.changes, reason=row.reason)
    return None if digest == row.row_hash else BrokenLink(chain, seq, row.id, "hash")
