"""Rows of an existing document register (danh mục tài liệu nội bộ) as a commune keeps it.

The spreadsheet's header names the columns in Vietnamese (accents and case do not matter);
each data row becomes a ``RegisterRow`` or a ``ValidationFailed`` saying what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from qms.core.errors import ValidationFailed
from qms.core.text import clean, fold
from qms.core.vn_dates import parse_vn_date
from qms.documents.procedure_md import CODE_PATTERN, DocumentType

# Column -> the headers accepted for it (compared folded: "Mã tài liệu" == "ma tai lieu").
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "code": ("ma tai lieu", "ma hieu", "ma", "code"),
    "title": ("ten tai lieu", "ten", "title"),
    "type": ("loai tai lieu", "loai", "type"),
    "owner_unit": ("bo phan chu tri", "don vi chu tri", "bo phan", "owner unit", "owner_unit"),
    "issue": ("lan ban hanh", "issue"),
    "effective_date": ("ngay hieu luc", "ngay ap dung", "effective date", "effective_date"),
}
REQUIRED = ("code", "title", "type", "issue", "effective_date")
HEADERS_VI = ("Mã tài liệu", "Tên tài liệu", "Loại", "Bộ phận chủ trì", "Lần ban hành",
              "Ngày hiệu lực")
TYPE_WORDS: Mapping[str, DocumentType] = {
    "chinh sach": DocumentType.POLICY, "muc tieu": DocumentType.POLICY,
    "chinh sach chat luong": DocumentType.POLICY,
    "quy trinh he thong": DocumentType.SYSTEM, "quy trinh": DocumentType.PROCESS,
    "quy trinh tthc": DocumentType.PROCESS, "quy trinh giai quyet tthc": DocumentType.PROCESS,
    "bieu mau": DocumentType.FORM,
    **{t.value: t for t in DocumentType},
}


@dataclass(frozen=True)
class RegisterRow:
    code: str
    title: str
    type: DocumentType
    owner_unit: str
    issue: int
    effective_date: date


def map_header(cells: Sequence[object]) -> dict[str, int]:
    """Column positions by field; ``ValidationFailed`` lists the required columns missing."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = fold(clean(str(cell))) if cell is not None else ""
        for field, names in COLUMNS.items():
            if name in names and field not in positions:
                positions[field] = index
    missing = [HEADERS_VI[list(COLUMNS).index(f)] for f in REQUIRED if f not in positions]
    if missing:
        raise ValidationFailed("document.import.missing_columns", columns=", ".join(missing))
    return positions


def parse_row(cells: Sequence[object], positions: Mapping[str, int]) -> RegisterRow:
    """One data row; the first problem found is raised as ``ValidationFailed``."""
    def cell(field: str) -> object:
        index = positions.get(field)
        return cells[index] if index is not None and index < len(cells) else None

    code = clean(_text(cell("code"))).upper()
    if not CODE_PATTERN.match(code):
        raise ValidationFailed("document.import.bad_code", code=code)
    title = clean(_text(cell("title")))
    if not title or len(title) > 500:
        raise ValidationFailed("document.import.bad_title")
    kind = TYPE_WORDS.get(fold(clean(_text(cell("type")))))
    if kind is None:
        raise ValidationFailed("document.import.bad_type", value=clean(_text(cell("type"))))
    return RegisterRow(code, title, kind, clean(_text(cell("owner_unit")))[:160],
                       _issue(cell("issue")), _day(cell("effective_date")))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _issue(value: object) -> int:
    number: int | None = None
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not 1 <= number <= 99:
        raise ValidationFailed("document.import.bad_issue", value=_text(value))
    return number


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean(_text(value))
    parsed = parse_vn_date(text)
    if parsed is None and text:
        try:
            parsed = date.fromisoformat(text)
        except ValueError:
            parsed = None
    if parsed is None:
        raise ValidationFailed("document.import.bad_date", value=text)
    return parsed
