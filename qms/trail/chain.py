"""The hash of one audit-trail row: canonical JSON of its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any


def row_digest(prev_hash: str, *, chain: int, seq: int, occurred_at: datetime,
               user_id: int | None, actor: str, action: str, entity_type: str, entity_id: str,
               changes: dict[str, Any], reason: str) -> str:
    """SHA-256 over everything a row says; changing any field changes the hash."""
    content = {
        "prev": prev_hash, "chain": chain, "seq": seq,
        "at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "user": user_id, "actor": actor, "action": action, "type": entity_type,
        "id": entity_id, "changes": changes, "reason": reason,
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
