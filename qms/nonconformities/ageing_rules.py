"""Age buckets of open nonconformities for the dashboard and the register's ``?age=`` filter.

An NC found today is 0 days old; 30 days old is still in ``0-30``, 31 starts ``31-60``.
"""

from __future__ import annotations

from datetime import date, timedelta

# (bucket, youngest age, oldest age or None for "no limit"), in display order
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-30", 0, 30), ("31-60", 31, 60), ("61-90", 61, 90), ("gt90", 91, None),
)
BUCKET_NAMES = tuple(name for name, _, _ in AGE_BUCKETS)


def found_between(bucket: str, today: date) -> tuple[date | None, date]:
    """The discovery dates ``(earliest or None, latest)`` of NCs in ``bucket`` on ``today``."""
    for name, youngest, oldest in AGE_BUCKETS:
        if name == bucket:
            earliest = today - timedelta(days=oldest) if oldest is not None else None
            return earliest, today - timedelta(days=youngest)
    raise ValueError(bucket)

