"""The top of a plan: header, title, year, issuing unit and the documents it is based on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qms.core.text import fold
from qms.plan.parser.dates import FULL_DATE
from qms.plan.parser.draft import DocumentReference
from qms.plan.parser.lines import SourceLine, ends_sentence, is_upper_text, join_lines
from qms.plan.parser.references import find_citations

_COLUMNS = re.compile(r"\s{3,}|\t")
_HEADER_STARTS = ("cong hoa xa hoi", "doc lap", "so:", "so :")
_PLACE_DATE = re.compile(r"[^,]{2,60},\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}")
_RULE = re.compile(r"[-_=–—.*]{3,}")
_DOC_TYPE = "ke hoach"
_UNIT_WORDS = ("uy ban", "ubnd", "hoi dong", "dang uy", "xa ", "phuong ", "thi tran ",
               "huyen ", "quan ", "thi xa ", "thanh pho ", "tinh ", "so ", "phong ", "van phong")
_BASIS_LEADS = ("can cu", "thuc hien", "trien khai", "de ", "nham ")
_TITLE_LINES = 3
_YEAR = re.compile(r"(?<!\w)năm\s+(\d{4})(?!\d)", re.IGNORECASE)
_PLAN_YEAR = re.compile(r"kế\s+hoạch[^;.]*?(?<!\w)năm\s+(\d{4})(?!\d)", re.IGNORECASE)
_ISSUER = re.compile(
    r"(?P<unit>(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân[^;,.]*?|UBND[^;,.]*?)\s+"
    r"(?:xây\s+dựng|ban\s+hành)\s+(?:Kế|kế)\s+hoạch",
)


@dataclass(frozen=True)
class Preamble:
    """What the top of the plan says: title, year, issuer, basis and the text as written."""

    title: str
    title_line: int
    year: int | None
    issuer: str | None
    text: str
    basis: tuple[DocumentReference, ...]


def read_preamble(lines: Sequence[SourceLine]) -> Preamble:
    """Read title, year, issuer and basis from the lines before section I."""
    issuer_parts, rest = _split_header(lines)
    title_rows, body_rows = _split_title(rest)
    title = join_lines([row.text for row in title_rows])
    body = join_lines([row.text for row in body_rows])
    issuer = " ".join(issuer_parts) or _issuer_in(body)
    return Preamble(
        title=title, title_line=title_rows[0].number if title_rows else 1,
        year=_year(title, body), issuer=issuer or None, text=body, basis=basis_in(body),
    )


def _split_header(lines: Sequence[SourceLine]) -> tuple[list[str], list[SourceLine]]:
    """Skip the two-column header; keep the issuing body's lines ("ỦY BAN NHÂN DÂN", "XÃ …")."""
    issuer: list[str] = []
    for index, line in enumerate(lines):
        fragments = [" ".join(f.split()) for f in _COLUMNS.split(line.raw) if f.strip()]
        if not fragments:
            continue
        if any(fold(f) == _DOC_TYPE for f in fragments):
            return issuer, list(lines[index + 1:])
        if not all(_is_header(f) for f in fragments):
            return issuer, list(lines[index:])
        issuer += [f for f in fragments if _is_unit(f)]
    return issuer, []


def _is_header(fragment: str) -> bool:
    folded = fold(fragment)
    return (folded.startswith(_HEADER_STARTS) or bool(_PLACE_DATE.fullmatch(folded))
            or bool(_RULE.fullmatch(fragment)) or _is_unit(fragment))


def _is_unit(fragment: str) -> bool:
    """A line of the issuing body's name, in capitals: "ỦY BAN NHÂN DÂN", "XÃ NAM TRUNG"."""
    return is_upper_text(fragment) and fold(fragment).startswith(_UNIT_WORDS)


def _split_title(lines: Sequence[SourceLine]) -> tuple[list[SourceLine], list[SourceLine]]:
    """The title runs from the first line to a blank line or the first basis sentence."""
    rows = [line for line in lines if line.text]
    if not rows:
        return [], []
    end = 1
    while end < min(len(rows), _TITLE_LINES) and _title_goes_on(rows, end):
        end += 1
    return rows[:end], rows[end:]


def _title_goes_on(rows: list[SourceLine], end: int) -> bool:
    previous, line = rows[end - 1], rows[end]
    adjacent = line.number == previous.number + 1
    return (adjacent and not ends_sentence(previous.text)
            and not fold(line.text).startswith(_BASIS_LEADS))


def basis_in(body: str) -> tuple[DocumentReference, ...]:
    """The documents the preamble cites, each with its clause as written."""
    basis: list[DocumentReference] = []
    for clause in body.split(";"):
        citations = find_citations(clause)
        for index, (start, reference) in enumerate(citations):
            end = citations[index + 1][0] if index + 1 < len(citations) else len(clause)
            text = clause[start:end].strip().rstrip(",.:; ")
            text = re.sub(r"\s+(?:và|,)$", "", text)
            basis.append(DocumentReference(reference.kind, reference.number, reference.date,
                                           reference.issuer, text))
    return tuple(basis)


def _issuer_in(body: str) -> str | None:
    match = _ISSUER.search(body)
    return match.group("unit").strip() if match else None


def _year(title: str, body: str) -> int | None:
    undated = re.sub(FULL_DATE, " ", body, flags=re.IGNORECASE)
    found = _YEAR.findall(title) or _PLAN_YEAR.findall(undated)
    return int(found[-1]) if found else None
