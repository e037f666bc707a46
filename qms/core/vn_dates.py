"""Vietnamese dates as administrative documents write them (Nghị định 30/2020/NĐ-CP).

The decree writes the date line as "ngày 05 tháng 01 năm 2023": days below 10 and the
months January and February take a leading zero, months 3 to 12 do not ("ngày 09 tháng 3
năm 2023"). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from datetime import date

from qms.core.text import clean, fold

# Applied to the folded text (lower case, no accents), so "Ngày", NFD input and "ngay" all match.
_LONG = re.compile(r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_SHORT = re.compile(r"(?:ngay\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")


def vn_day(d: date) -> str:
    """Day of the month as the decree writes it: two digits ("05", "15")."""
    return f"{d.day:02d}"


def vn_month(d: date) -> str:
    """Month as the decree writes it: "01" and "02" zero-padded, "3" to "12" as they are."""
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def vn_long_date(d: date) -> str:
    """The long form used in date lines: ``ngày 05 tháng 01 năm 2023``."""
    return f"ngày {vn_day(d)} tháng {vn_month(d)} năm {d.year}"


def place_date_line(place: str, d: date) -> str:
    """The place-and-date line of a document header: ``Nam Trung, ngày 05 tháng 01 năm 2023``."""
    place = clean(place)
    return f"{place}, {vn_long_date(d)}" if place else vn_long_date(d)


def vn_short_date(d: date) -> str:
    """The numeric form used in tables and running text: ``05/01/2023``."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def parse_vn_date(text: str | None) -> date | None:
    """Read a date written the Vietnamese way, or return ``None``.

    Accepts "15/12/2022", "9/3/2023", "9-3-2023", "09.3.2023" and
    "ngày 31 tháng 12 năm 2022" (any case, NFC or NFD). The whole text must be the date;
    a trailing full stop or comma is tolerated. Impossible dates (31/02/2023) give ``None``.
    """
    folded = fold(clean(text)).rstrip(".,;")
    long_match = _LONG.fullmatch(folded)
    if long_match:
        day, month, year = long_match.groups()
        return _safe_date(int(year), int(month), int(day))
    short_match = _SHORT.fullmatch(folded)
    if short_match:
        day, _, month, year = short_match.groups()
        return _safe_date(int(year), int(month), int(day))
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
