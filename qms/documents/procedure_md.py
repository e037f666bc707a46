"""A controlled document as Markdown with a YAML front matter block, read into a frozen record.

The reader is pure: it takes the file's text and returns a ``ProcedureDoc`` or raises
``ProcedureFormatError`` with a Vietnamese reason the ISO secretary can act on.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import yaml

from qms.core.text import clean, nfc


class DocumentType(StrEnum):
    POLICY = "policy"  # chính sách, mục tiêu chất lượng
    SYSTEM = "system"  # quy trình hệ thống
    PROCESS = "process"  # quy trình giải quyết thủ tục hành chính
    FORM = "form"  # biểu mẫu


CODE_PATTERN = re.compile(r"^[A-Z]{2,4}-\d{2,3}$")
CLAUSE_PATTERN = re.compile(r"^(?:[4-9]|10)(?:\.\d{1,2}){0,2}$")
PLAN_TASK_PATTERN = re.compile(r"^[1-9]\d?\.[1-9]\d?$")
COMPARATORS = frozenset({">=", ">", "<=", "<", "="})

_REQUIRED = (
    "code", "title", "type", "owner_unit", "issue", "effective_date",
    "drafter", "reviewer", "approver", "iso_clauses", "legal_bases",
)
_OPTIONAL = ("review_interval_months", "plan_tasks", "objectives")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


class ProcedureFormatError(ValueError):
    """The document cannot be read; ``reason`` says why, in Vietnamese."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}" if source else reason)


@dataclass(frozen=True)
class Person:
    name: str
    title: str


@dataclass(frozen=True)
class QualityObjective:
    text: str
    target: float
    unit: str
    comparator: str


@dataclass(frozen=True)
class ProcedureStep:
    number: int
    responsible: str
    description: str
    output: str


@dataclass(frozen=True)
class ProcedureDoc:
    code: str
    title: str
    type: DocumentType
    owner_unit: str
    issue: int
    effective_date: date
    drafter: Person
    reviewer: Person
    approver: Person
    review_interval_months: int
    iso_clauses: tuple[str, ...]
    legal_bases: tuple[str, ...]
    plan_tasks: tuple[str, ...]
    objectives: tuple[QualityObjective, ...]
    body: str
    content_hash: str
    steps: tuple[ProcedureStep, ...]


def parse_procedure(
    text: str,
    *,
    source: str = "",
    known_clauses: Collection[str] | None = None,
    known_plan_tasks: Collection[str] | None = None,
) -> ProcedureDoc:
    """Read one controlled document; optionally check clauses and plan tasks against known sets."""
    text = nfc(text).lstrip("\ufeff")
    meta, body = _split(text, source)
    check = _Checker(source)
    check.keys(meta)
    code = check.code(meta)
    doc_type = check.choice(meta, "type")
    objectives = check.objectives(meta.get("objectives"))
    if objectives and doc_type is not DocumentType.POLICY:
        raise check.fail("Chỉ tài liệu loại 'policy' mới được khai báo 'objectives'")
    clauses = check.codes(meta, "iso_clauses", CLAUSE_PATTERN, "điều khoản", known_clauses)
    tasks = check.codes(meta, "plan_tasks", PLAN_TASK_PATTERN, "nhiệm vụ", known_plan_tasks)
    return ProcedureDoc(
        code=code,
        title=check.string(meta, "title"),
        type=doc_type,
        owner_unit=check.string(meta, "owner_unit"),
        issue=check.integer(meta, "issue", 1, 99),
        effective_date=check.day(meta, "effective_date"),
        drafter=check.person(meta, "drafter"),
        reviewer=check.person(meta, "reviewer"),
        approver=check.person(meta, "approver"),
        review_interval_months=check.integer(meta, "review_interval_months", 1, 60, default=12),
        iso_clauses=clauses,
        legal_bases=check.strings(meta, "legal_bases"),
        plan_tasks=tasks,
        objectives=objectives,
        body=body,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        steps=parse_steps(body, source=source),
    )


def _split(text: str, source: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        raise ProcedureFormatError(
            source, "Không có khối thông tin đầu tài liệu (front matter) nằm giữa hai dòng '---'"
        )
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ProcedureFormatError(source, "Khối front matter chưa được đóng bằng dòng '---'")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        reason = f"Lỗi cú pháp YAML trong front matter{where}: {problem}"
        raise ProcedureFormatError(source, reason) from exc
    except ValueError as exc:  # a well-formed but impossible date such as 2023-02-30
        reason = f"Giá trị ngày tháng không hợp lệ trong front matter: {exc}"
        raise ProcedureFormatError(source, reason) from exc
    if not isinstance(meta, dict):
        raise ProcedureFormatError(source, "Front matter phải là một bảng khóa: giá trị")
    return meta, text[match.end():].strip("\n") + "\n"


class _Checker:
    """Field-by-field validation; each failure names the key and what was expected."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, reason: str) -> ProcedureFormatError:
        return ProcedureFormatError(self.source, reason)

    def keys(self, meta: Mapping[str, Any]) -> None:
        for key in _REQUIRED:
            if key not in meta or meta[key] is None:
                raise self.fail(f"Thiếu khóa bắt buộc '{key}'")
        unknown = sorted(str(k) for k in meta if k not in _REQUIRED + _OPTIONAL)
        if unknown:
            raise self.fail(f"Khóa không được hỗ trợ: {', '.join(unknown)}")

    def string(self, meta: Mapping[str, Any], key: str) -> str:
        value = meta.get(key)
        if not isinstance(value, str) or not clean(value):
            raise self.fail(f"'{key}' phải là một chuỗi văn bản không rỗng")
        return clean(value)

    def code(self, meta: Mapping[str, Any]) -> str:
        value = self.string(meta, "code")
        if not CODE_PATTERN.match(value):
            raise self.fail(f"Mã tài liệu '{value}' không đúng dạng (ví dụ: QT-01, CS-01)")
        return value

    def choice(self, meta: Mapping[str, Any], key: str) -> DocumentType:
        value = meta.get(key)
        try:
            return DocumentType(value)
        except ValueError:
            allowed = ", ".join(t.value for t in DocumentType)
            raise self.fail(f"Loại tài liệu '{value}' không hợp lệ (chỉ nhận: {allowed})") from None

    def integer(
        self, meta: Mapping[str, Any], key: str, low: int, high: int, default: int | None = None
    ) -> int:
        value = meta.get(key)
        value = default if value is None else value
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(f"'{key}' phải là số nguyên từ {low} đến {high}")
        return value

    def day(self, meta: Mapping[str, Any], key: str) -> date:
        value = meta.get(key)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = date.fromisoformat(value.strip())
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.fail(f"'{key}' phải là ngày hợp lệ dạng YYYY-MM-DD, nhận được '{value}'")
        return value

    def person(self, meta: Mapping[str, Any], key: str) -> Person:
        value = meta.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"'{key}' phải gồm 'name' (họ tên) và 'title' (chức vụ)")
        name, title = value.get("name"), value.get("title")
        if not isinstance(name, str) or not isinstance(title, str) or not (name and title):
            raise self.fail(f"'{key}' phải gồm 'name' (họ tên) và 'title' (chức vụ)")
        return Person(name=clean(name), title=clean(title))

    def strings(self, meta: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = meta.get(key)
        value = [] if value is None else value
        if not isinstance(value, list):
            raise self.fail(f"'{key}' phải là một danh sách")
        for item in value:
            if not isinstance(item, str) or not clean(item):
                raise self.fail(
                    f"Mỗi phần tử của '{key}' phải là chuỗi văn bản (hãy đặt trong dấu nháy), "
                    f"nhận được {item!r}"
                )
        return tuple(clean(item) for item in value)

    def codes(
        self,
        meta: Mapping[str, Any],
        key: str,
        pattern: re.Pattern[str],
        label: str,
        known: Collection[str] | None,
    ) -> tuple[str, ...]:
        values = self.strings(meta, key)
        for value in values:
            if not pattern.match(value):
                raise self.fail(f"Mã {label} '{value}' trong '{key}' không đúng định dạng")
            if known is not None and value not in known:
                raise self.fail(f"Mã {label} '{value}' trong '{key}' không có trong danh mục")
        if len(set(values)) != len(values):
            raise self.fail(f"'{key}' có mã bị lặp lại")
        return values

    def objectives(self, value: Any) -> tuple[QualityObjective, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail("'objectives' phải là một danh sách mục tiêu")
        return tuple(self.objective(i, item) for i, item in enumerate(value, start=1))

    def objective(self, index: int, item: Any) -> QualityObjective:
        where = f"Mục tiêu thứ {index}"
        if not isinstance(item, dict):
            raise self.fail(f"{where} phải gồm text, target, unit, comparator")
        text, unit = item.get("text"), item.get("unit")
        target, comparator = item.get("target"), item.get("comparator")
        if not isinstance(text, str) or not clean(text) or not isinstance(unit, str):
            raise self.fail(f"{where}: 'text' và 'unit' phải là chuỗi văn bản")
        if isinstance(target, bool) or not isinstance(target, int | float):
            raise self.fail(f"{where}: 'target' phải là một số")
        if comparator not in COMPARATORS:
            allowed = ", ".join(sorted(COMPARATORS))
            raise self.fail(f"{where}: 'comparator' phải là một trong {allowed}")
        return QualityObjective(clean(text), float(target), clean(unit), comparator)


def parse_steps(body: str, *, source: str = "") -> tuple[ProcedureStep, ...]:
    """Steps from the first Markdown table whose header starts with "Bước"; () if none."""
    rows = _first_step_table(body.splitlines())
    steps = []
    for row in rows:
        cells = (row + [""] * 5)[:5]
        number = re.match(r"^\D*(\d+)", cells[0])
        if number is None:
            raise ProcedureFormatError(source, f"Dòng '{cells[0]}' của bảng các bước thiếu số bước")
        # cells[3], the time a step takes, is not read
        steps.append(ProcedureStep(int(number.group(1)), cells[1], cells[2], cells[4]))
    numbers = [step.number for step in steps]
    if numbers != sorted(set(numbers)):
        raise ProcedureFormatError(source, "Số thứ tự các bước phải tăng dần và không lặp lại")
    return tuple(steps)


def _first_step_table(lines: list[str]) -> list[list[str]]:
    for index, line in enumerate(lines):
        if not line.lstrip().startswith("|"):
            continue
        header = _cells(line)
        if header and header[0].startswith("Bước") and index + 1 < len(lines):
            if not re.fullmatch(r"\s*\|?[\s:\-|]+\|?\s*", lines[index + 1]):
                continue
            rows = []
            for row in lines[index + 2:]:
                if not row.lstrip().startswith("|"):
                    break
                rows.append(_cells(row))
            return rows
    return []


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [
        clean(_BR.sub("\n", cell).replace("\\|", "|")) for cell in _CELL_SPLIT.split(inner)
    ]
