"""TCVN ISO 9001:2015 clause library and the audit question bank, read from CSV text.

Both ship as data (``qms/data/*.csv``) so a province's own bank can replace ours without code.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from qms.core.text import clean

CLAUSE_HEADER = ("code", "title", "parent")
QUESTION_HEADER = ("code", "clause", "question", "evidence", "applies_to")
ALL_UNITS = "all"

_CLAUSE_CODE = re.compile(r"^(?:[4-9]|10)(?:\.\d{1,2}){0,2}$")
_QUESTION_CODE = re.compile(r"^Q-(?P<clause>[\d.]+)-\d{2}$")


class ClauseDataError(ValueError):
    """A clause or question row is unusable; the message is Vietnamese and names the line."""


@dataclass(frozen=True)
class Clause:
    code: str
    title: str
    parent: str | None



@dataclass(frozen=True)
class BankQuestion:
    code: str
    clause: str
    question: str
    evidence: str
    applies_to: str

    def applies(self, unit: str) -> bool:
        """Whether the question belongs in a checklist for ``unit``."""
        return self.applies_to == ALL_UNITS or self.applies_to == clean(unit)


def load_clauses(text: str) -> tuple[Clause, ...]:
    """Parse ``iso_clauses.csv``; every parent must be listed before its children."""
    clauses: list[Clause] = []
    seen: set[str] = set()
    for line, row in _rows(text, CLAUSE_HEADER):
        code, title, parent = row["code"], row["title"], row["parent"] or None
        if not _CLAUSE_CODE.match(code):
            raise ClauseDataError(f"Dòng {line}: mã điều khoản '{code}' không đúng định dạng")
        if code in seen:
            raise ClauseDataError(f"Dòng {line}: mã điều khoản '{code}' bị lặp lại")
        if not title:
            raise ClauseDataError(f"Dòng {line}: điều khoản '{code}' thiếu tên")
        expected_parent = code.rpartition(".")[0] or None
        if parent != expected_parent:
            raise ClauseDataError(
                f"Dòng {line}: điều khoản cha của '{code}' phải là '{expected_parent or ''}'"
            )
        if parent is not None and parent not in seen:
            raise ClauseDataError(f"Dòng {line}: điều khoản cha '{parent}' chưa được khai báo")
        seen.add(code)
        clauses.append(Clause(code=code, title=title, parent=parent))
    return tuple(clauses)


def load_question_bank(text: str, clauses: Iterable[Clause]) -> tuple[BankQuestion, ...]:
    """Parse ``question_bank.csv``; every question must point at a clause of the library."""
    known = {clause.code for clause in clauses}
    questions: list[BankQuestion] = []
    seen: set[str] = set()
    for line, row in _rows(text, QUESTION_HEADER):
        question = BankQuestion(**row)
        _check_question(line, question, known, seen)
        seen.add(question.code)
        questions.append(question)
    return tuple(questions)


def leaf_clauses(clauses: Iterable[Clause]) -> tuple[Clause, ...]:
    """Clauses with no sub-clause: the level at which audit questions are asked."""
    clauses = tuple(clauses)
    parents = {clause.parent for clause in clauses}
    return tuple(clause for clause in clauses if clause.code not in parents)


def _check_question(line: int, q: BankQuestion, known: set[str], seen: set[str]) -> None:
    match = _QUESTION_CODE.match(q.code)
    if match is None:
        raise ClauseDataError(f"Dòng {line}: mã câu hỏi '{q.code}' không đúng dạng Q-<điều>-NN")
    if q.code in seen:
        raise ClauseDataError(f"Dòng {line}: mã câu hỏi '{q.code}' bị lặp lại")
    if q.clause not in known:
        raise ClauseDataError(
            f"Dòng {line}: câu hỏi '{q.code}' gắn với điều khoản '{q.clause}' "
            "không có trong danh mục điều khoản"
        )
    if match.group("clause") != q.clause:
        raise ClauseDataError(
            f"Dòng {line}: mã câu hỏi '{q.code}' không khớp với điều khoản '{q.clause}'"
        )
    for field, label in (("question", "nội dung câu hỏi"), ("evidence", "bằng chứng cần xem")):
        if not getattr(q, field):
            raise ClauseDataError(f"Dòng {line}: câu hỏi '{q.code}' thiếu {label}")
    if not q.applies_to:
        raise ClauseDataError(f"Dòng {line}: câu hỏi '{q.code}' thiếu phạm vi áp dụng")


def _rows(text: str, header: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    first = next(reader, None)
    if first is None or tuple(clean(cell) for cell in first) != header:
        raise ClauseDataError(f"Dòng tiêu đề phải là: {','.join(header)}")
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ClauseDataError(
                f"Dòng {reader.line_num}: cần {len(header)} cột, có {len(row)} cột"
            )
        yield reader.line_num, {key: clean(cell) for key, cell in zip(header, row, strict=True)}
