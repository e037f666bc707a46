"""SQL expressions the read sides share."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func


def count_if(condition: Any) -> Any:
    """How many rows of a group meet ``condition`` (0, never NULL, for an empty group)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
