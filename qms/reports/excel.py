"""Excel exports: Vietnamese headers, and cells that cannot run formulas."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pandas as pd

from qms.domain.text import nfc

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


def frame_to_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    """One sheet, headers as given (already translated), every text cell neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
        elif isinstance(safe[column].dtype, pd.DatetimeTZDtype):
            safe[column] = safe[column].dt.tz_convert("Asia/Ho_Chi_Minh").dt.tz_localize(None)
    safe.columns = [str(neutralise(str(c))) for c in safe.columns]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet[:31], index=False)
        _fit_columns(writer.sheets[sheet[:31]])
    return buffer.getvalue()


def _fit_columns(worksheet) -> None:  # type: ignore[no-untyped-def]
    for column in worksheet.columns:
        width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        worksheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))


def stamp() -> str:
    """A file-name-safe timestamp for downloads."""
    return datetime.now().astimezone().strftime("%Y%m%d-%H%M")
