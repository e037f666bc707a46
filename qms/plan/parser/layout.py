"""The parts of a plan text: the preamble, the roman-numbered sections I–V, the signature tail.

A section is recognised by its heading ("II. CÁC CHỈ TIÊU, NHIỆM VỤ CHỦ YẾU", any case, any
indent) and classified by its words, so that another year's plan may order or name them
differently. Page numbers left by the PDF become warnings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from qms.core.text import fold
from qms.plan.parser.draft import ParseWarning
from qms.plan.parser.lines import (
    SourceLine,
    ends_sentence,
    is_page_number,
    is_upper_text,
    starts_upper,
)

PURPOSES = "purposes"
AREAS = "areas"
REPORTING = "reporting"
RESPONSIBILITIES = "responsibilities"
OTHER = "other"

# Checked in this order: "III. Kế hoạch triển khai các nhiệm vụ …" is no list of areas.
SECTION_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (REPORTING, ("bao cao",)),
    (RESPONSIBILITIES, ("to chuc thuc hien", "trach nhiem")),
    (PURPOSES, ("muc dich", "yeu cau")),
    (OTHER, ("ke hoach trien khai", "khung ke hoach", "kinh phi", "phu luc")),
    (AREAS, ("nhiem vu", "chi tieu", "noi dung", "giai phap")),
)
AUTHORITY = re.compile(r"(?:TM|KT|TL|TUQ|Q)\.\s*\S")
_TAIL_WORDS = ("tren day la", "noi nhan")
SIGNER_TITLES = ("chu tich", "pho chu tich", "truong ban", "pho truong ban", "bi thu")


@dataclass(frozen=True)
class Section:
    """One roman-numbered section: its kind, label ("II"), title and lines (blanks included)."""

    kind: str
    label: str
    title: str
    line: int
    lines: tuple[SourceLine, ...]


@dataclass(frozen=True)
class Layout:
    """A plan text cut into preamble, sections and tail (closing, recipients, signature)."""

    preamble: tuple[SourceLine, ...]
    sections: tuple[Section, ...]
    tail: tuple[SourceLine, ...]


@dataclass
class _OpenSection:
    kind: str
    label: str
    title: str
    line: int
    lines: list[SourceLine] = field(default_factory=list)


def split_layout(lines: Sequence[SourceLine], warnings: list[ParseWarning]) -> Layout:
    """Cut the lines into preamble, sections and tail; page numbers become warnings."""
    preamble: list[SourceLine] = []
    sections: list[_OpenSection] = []
    tail: list[SourceLine] = []
    for line in lines:
        if tail or (sections and starts_tail(line)):
            tail.append(line)
        elif line.text and is_page_number(line.text):
            warnings.append(ParseWarning(line.number, "Bỏ qua dòng số trang.", line.text))
        elif (heading := _heading(line, warnings)) is not None:
            sections.append(heading)
        elif sections and _continues_title(sections[-1], line):
            sections[-1].title = f"{sections[-1].title} {line.text}"
        else:
            (sections[-1].lines if sections else preamble).append(line)
    frozen = tuple(Section(s.kind, s.label, s.title, s.line, tuple(s.lines)) for s in sections)
    return Layout(tuple(preamble), frozen, tuple(tail))


def starts_tail(line: SourceLine) -> bool:
    """The closing sentence, "Nơi nhận:" or the signature block ends the sections."""
    folded = fold(line.text)
    return (folded.startswith(_TAIL_WORDS) or bool(AUTHORITY.match(line.text))
            or (folded in SIGNER_TITLES and is_upper_text(line.text)))


def section_kind(title: str) -> str | None:
    """The kind of section a heading names, or ``None`` when its words say nothing."""
    folded = fold(title)
    for kind, words in SECTION_KEYWORDS:
        if any(word in folded for word in words):
            return kind
    return None


def _heading(line: SourceLine, warnings: list[ParseWarning]) -> _OpenSection | None:
    marker = line.marker
    if marker is not None and marker.key == "roman":
        kind = section_kind(line.body)
        if kind is None:
            warnings.append(ParseWarning(
                line.number, f"Không nhận ra mục «{line.text}»; nội dung được giữ làm ghi chú.",
                line.text))
        return _OpenSection(kind or OTHER, marker.value, line.body, line.number)
    if marker is None and is_upper_text(line.text) and len(line.text) < 80:
        kind = section_kind(line.text)
        if kind is not None:
            return _OpenSection(kind, "", line.text, line.number)
    return None


def _continues_title(section: _OpenSection, line: SourceLine) -> bool:
    """A heading wrapped onto a second line, before any content of the section."""
    if any(previous.text for previous in section.lines) or not line.text or line.marker:
        return False
    if is_upper_text(line.text) and is_upper_text(section.title):
        return True
    return not ends_sentence(section.title) and not starts_upper(line.text)
