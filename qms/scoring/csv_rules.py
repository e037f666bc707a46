"""A reform-index criteria set read from CSV, checked line by line.

Columns: area number, area title, criterion code (``1``, ``1.1``, ``1.1.a``), title, max
points, applies to this unit (1/0, có/không), scoring guidance. UTF-8 with or without a BOM,
``,`` or ``;`` between fields, the first line a header. The hierarchy comes from the code:
``1.1.a`` is a sub-criterion of ``1.1``, which belongs to area 1 (the one-part code ``1``,
when present, is the area's own line with its maximum). Every problem names its line; a file
with any problem is refused whole.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from qms.core.text import clean, fold

COLUMNS = 7
_CODE = re.compile(r"^\d+(\.[0-9A-Za-z]+)*$")
_YES = {"1", "co", "x", "yes", "true"}
_NO = {"0", "khong", "no", "false"}


@dataclass(frozen=True)
class CriterionRow:
    """One criterion as loaded; ``parent_code`` is empty for an area's own line."""

    line: int
    area_number: int
    area_title: str
    code: str
    title: str
    max_points: float
    applies: bool
    guidance: str
    parent_code: str
    level: int  # 1 area line, 2 criterion, 3 sub-criterion …


@dataclass(frozen=True)
class CsvProblem:
    """A refused line: ``key`` names a catalog message, ``params`` fill it (``line`` always)."""

    line: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedCriteria:
    rows: tuple[CriterionRow, ...]
    problems: tuple[CsvProblem, ...]


def decode(data: bytes) -> str | None:
    """UTF-8 text without its BOM, or ``None`` when the bytes are not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _number(raw: str) -> float | None:
    value = clean(raw).replace(" ", "")
    if "," in value and "." not in value:
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number >= 0 and number == number and number < 10_000 else None


def _applies(raw: str) -> bool | None:
    value = fold(raw)
    if value == "" or value in _YES:
        return True
    return False if value in _NO else None


def _row(line: int, cells: list[str], problems: list[CsvProblem]) -> CriterionRow | None:
    cells = [clean(c) for c in cells] + [""] * (COLUMNS - len(cells))
    if len(cells) > COLUMNS and any(cells[COLUMNS:]):
        problems.append(CsvProblem(line, "scoring.csv.columns", {"n": COLUMNS}))
        return None
    area_raw, area_title, code, title, max_raw, applies_raw, guidance = cells[:COLUMNS]
    area = int(area_raw) if area_raw.isdigit() else None
    points = _number(max_raw)
    applies = _applies(applies_raw)
    before = len(problems)
    if area is None:
        problems.append(CsvProblem(line, "scoring.csv.bad_area", {"value": area_raw}))
    if not _CODE.match(code) or (area is not None and code.split(".")[0] != str(area)):
        problems.append(CsvProblem(line, "scoring.csv.bad_code", {"value": code}))
    if not title:
        problems.append(CsvProblem(line, "scoring.csv.no_title", {}))
    if points is None:
        problems.append(CsvProblem(line, "scoring.csv.bad_number", {"value": max_raw}))
    if applies is None:
        problems.append(CsvProblem(line, "scoring.csv.bad_applies", {"value": applies_raw}))
    if len(problems) > before or area is None or points is None or applies is None:
        return None
    parts = code.split(".")
    return CriterionRow(line, area, area_title, code, title, points, applies, guidance,
                        ".".join(parts[:-1]), len(parts))


def _structure(rows: list[CriterionRow], problems: list[CsvProblem]) -> None:
    """Duplicates, missing parents and sums of children that differ from the parent's max."""
    by_code: dict[str, CriterionRow] = {}
    for row in rows:
        if row.code in by_code:
            problems.append(CsvProblem(row.line, "scoring.csv.duplicate",
                                       {"code": row.code, "first": by_code[row.code].line}))
            continue
        by_code[row.code] = row
    children: dict[str, list[CriterionRow]] = {}
    for row in by_code.values():
        if row.level >= 3 and row.parent_code not in by_code:
            problems.append(CsvProblem(row.line, "scoring.csv.no_parent",
                                       {"code": row.code, "parent": row.parent_code}))
        children.setdefault(row.parent_code, []).append(row)
    for code, row in by_code.items():
        kids = children.get(code, [])
        total = sum(k.max_points for k in kids)
        if kids and abs(total - row.max_points) > 1e-6:
            problems.append(CsvProblem(row.line, "scoring.csv.sum_mismatch", {
                "code": code, "max": f"{row.max_points:g}", "sum": f"{total:g}"}))


def parse_criteria(data: bytes) -> ParsedCriteria:
    """Read a criteria CSV; the rows come back only when there is no problem at all."""
    text = decode(data)
    if text is None:
        return ParsedCriteria((), (CsvProblem(1, "scoring.csv.not_utf8"),))
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows: list[CriterionRow] = []
    problems: list[CsvProblem] = []
    for index, cells in enumerate(reader, start=1):
        if index == 1 or not any(c.strip() for c in cells):
            continue  # the header, blank lines
        row = _row(reader.line_num, cells, problems)
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        problems.append(CsvProblem(1, "scoring.csv.empty"))
    _structure(rows, problems)
    problems.sort(key=lambda p: p.line)
    return ParsedCriteria(tuple(rows) if not problems else (), tuple(problems))
