"""Excel exports: Vietnamese headers, and cells that cannot run formulas."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pandas as pd

from qms.core.text import nfc

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_767  # the most characters one cell holds
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XML 1.0 cannot hold these


def neutralise(value: object) -> object:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; control
    characters a worksheet cannot hold are dropped, and text is cut to a cell's size."""
    if isinstance(value, str):
        value = _ILLEGAL.sub("", nfc(value))[:MAX_CELL - 1]
        if value.startswith(FORMULA_PREFIXES):
            return "'" + value
    return value


def _safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
        elif isinstance(safe[column].dtype, pd.DatetimeTZDtype):
            safe[column] = safe[column].dt.tz_convert("Asia/Ho_Chi_Minh").dt.tz_localize(None)
    safe.columns = [str(neutralise(str(c))) for c in safe.columns]
    return safe


def sheet_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A valid, unused sheet name: no ``[]:*?/\\``, at most 31 characters."""
    base = "".join(" " if ch in "[]:*?/\\" else ch for ch in nfc(name)).strip()[:31] or "Sheet"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = base[:31 - len(suffix)] + suffix, n + 1
    return candidate


def sheets_to_xlsx(sheets: list[tuple[str, pd.DataFrame]]) -> bytes:
    """One workbook, one sheet per ``(name, frame)``; headers as given, text neutralised."""
    buffer = io.BytesIO()
    taken: set[str] = set()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets:
            name = sheet_name(name, taken)
            taken.add(name)
            _safe_frame(frame).to_excel(writer, sheet_name=name, index=False)
            _fit_columns(writer.sheets[name])
    return buffer.getvalue()


def frame_to_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    """One sheet, headers as given (already translated), every text cell neutralised."""
    return sheets_to_xlsx([(sheet, frame)])


def _fit_columns(worksheet) -> None:  # type: ignore[no-untyped-def]
    for column in worksheet.columns:
        width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        worksheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))


def stamp() -> str:
    """A file-name-safe timestamp for downloads."""
    return datetime.now().astimezone().strftime("%Y%m%d-%H%M")
