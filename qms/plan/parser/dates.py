"""Dates inside plan sentences: "ngày 31 tháng 12 năm 2022", "15/12/2022", windows "từ … đến …"."""

from __future__ import annotations

import re
from datetime import date

from qms.core.vn_dates import parse_vn_date

FULL_DATE = (r"\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+năm\s+\d{4}"
             r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}")
# The start of a window may leave out its year ("từ ngày 10/3 đến ngày 09/6/2023").
_START_DATE = (rf"{FULL_DATE}|\d{{1,2}}\s+tháng\s+\d{{1,2}}|\d{{1,2}}\s*/\s*\d{{1,2}}"
               r"|\d{1,2}-\d{1,2}")
_WINDOW = re.compile(
    rf"(?:(?<!\w)từ\s+)?(?:(?<!\w)ngày\s+)?(?P<start>{_START_DATE})"
    rf"\s*(?:đến|tới|-|–|—)\s*(?:hết\s+)?(?:ngày\s+)?(?P<end>{FULL_DATE})(?!\d)",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(r"(\d{1,2})\D+?(\d{1,2})")

Window = tuple[date, date, str]


def read_date(text: str) -> date | None:
    """A full date as written in running text ("31 tháng 12 năm 2022", "9/3/2023")."""
    return parse_vn_date(re.sub(r"\s*([/,])\s*", r"\1", text).replace(",", " "))


def find_window(text: str) -> Window | None:
    """The first "từ ngày A đến ngày B" window in ``text``: (start, end, as written)."""
    for match in _WINDOW.finditer(text):
        end = read_date(match.group("end"))
        start = _start_date(match.group("start"), end) if end else None
        if start and end and start <= end:
            return start, end, match.group(0)
    return None


def _start_date(text: str, end: date) -> date | None:
    full = read_date(text)
    if full is not None:
        return full
    match = _DAY_MONTH.match(text)
    if not match:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    year = end.year if (month, day) <= (end.month, end.day) else end.year - 1
    try:
        return date(year, month, day)
    except ValueError:
        return None
