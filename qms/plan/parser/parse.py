"""Read a yearly CCHC plan (text extracted from a PDF or Word file) into a ``PlanDraft``.

The parser never raises on odd input: what it cannot place becomes a warning with its line,
so the ISO officer can correct the records after import. Pure domain code, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from qms.plan.parser.body import read_areas, read_purposes
from qms.plan.parser.draft import (
    AreaDraft,
    ParseWarning,
    PeriodDraft,
    PlanDraft,
    PlanNote,
    PlanStatement,
    ResponsibilityDraft,
    looks_like_plan,
)
from qms.plan.parser.layout import (
    AREAS,
    PURPOSES,
    REPORTING,
    RESPONSIBILITIES,
    Section,
    split_layout,
)
from qms.plan.parser.lines import Block, group_blocks, source_lines, typical_width
from qms.plan.parser.preamble import read_preamble
from qms.plan.parser.reporting import read_periods
from qms.plan.parser.responsibilities import read_responsibilities
from qms.plan.parser.signature import read_tail

__all__ = ["PlanDraft", "looks_like_plan", "parse_plan"]


@dataclass
class _Body:
    purposes: list[PlanStatement] = field(default_factory=list)
    areas: list[AreaDraft] = field(default_factory=list)
    periods: list[PeriodDraft] = field(default_factory=list)
    responsibilities: list[ResponsibilityDraft] = field(default_factory=list)
    notes: list[PlanNote] = field(default_factory=list)


def parse_plan(text: str) -> PlanDraft:
    """Parse a plan text into areas, tasks, periods, responsibilities, signer and warnings."""
    lines = source_lines(text if isinstance(text, str) else "")
    if not any(line.text for line in lines):
        return PlanDraft(title="", year=None, issuer=None, preamble="", warnings=(
            ParseWarning(1, "Văn bản trống: không có nội dung để đọc."),))
    warnings: list[ParseWarning] = []
    width = typical_width(lines)
    layout = split_layout(lines, warnings)
    preamble = read_preamble(layout.preamble)
    body = _read_sections(layout.sections, width, warnings)
    tail = read_tail(layout.tail, warnings)
    draft = PlanDraft(
        title=preamble.title, year=preamble.year, issuer=preamble.issuer,
        preamble=preamble.text, basis=preamble.basis, purposes=tuple(body.purposes),
        areas=tuple(body.areas), reporting_periods=tuple(body.periods),
        responsibilities=tuple(body.responsibilities), signer=tail.signer,
        recipients=tail.recipients, notes=tuple(body.notes), closing=tail.closing,
    )
    warnings += _overall_warnings(draft, layout.sections, preamble.title_line)
    return _with_warnings(draft, warnings)


def _read_sections(sections: Sequence[Section], width: int,
                   warnings: list[ParseWarning]) -> _Body:
    body = _Body()
    duty_sections: list[tuple[str, list[Block]]] = []
    for section in sections:
        blocks = group_blocks(section.lines, width)
        if section.kind == PURPOSES:
            body.purposes += read_purposes(blocks)
        elif section.kind == AREAS:
            areas, notes = read_areas(blocks, section.label, warnings)
            body.areas += areas
            body.notes += notes
        elif section.kind == REPORTING:
            periods, notes = read_periods(blocks, section.label, warnings)
            body.periods += periods
            body.notes += notes
        elif section.kind == RESPONSIBILITIES:
            duty_sections.append((section.label, blocks))
        else:
            body.notes += [PlanNote(section.label, b.full_text, b.line) for b in blocks]
    for label, blocks in duty_sections:  # after section II: duties point at its areas
        responsibilities, notes = read_responsibilities(blocks, label, body.areas, warnings)
        body.responsibilities += responsibilities
        body.notes += notes
    return body


def _overall_warnings(draft: PlanDraft, sections: Sequence[Section],
                      title_line: int) -> list[ParseWarning]:
    found: list[ParseWarning] = []
    if not sections:
        found.append(ParseWarning(1, "Không tìm thấy các mục I, II, … của một kế hoạch CCHC."))
    elif not looks_like_plan(draft):
        found.append(ParseWarning(1, "Không tìm thấy lĩnh vực và nhiệm vụ nào ở mục II."))
    if not draft.title:
        found.append(ParseWarning(title_line, "Không tìm thấy tên kế hoạch."))
    if draft.year is None:
        found.append(ParseWarning(title_line, "Không xác định được năm của kế hoạch."))
    return found


def _with_warnings(draft: PlanDraft, warnings: list[ParseWarning]) -> PlanDraft:
    ordered = tuple(sorted(warnings, key=lambda warning: warning.line))
    return replace(draft, warnings=ordered)
