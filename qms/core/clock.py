"""The one clock: now in UTC, today in Vietnam. Tests move ``now`` instead of sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VN_OFFSET = timedelta(hours=7)  # Vietnam keeps UTC+7 all year
VN_TZ = timezone(VN_OFFSET)


def now() -> datetime:
    """Aware UTC now."""
    return datetime.now(UTC)


def today() -> date:
    """The calendar day in Vietnam now: found, due and done dates are local days."""
    return now().astimezone(VN_TZ).date()
