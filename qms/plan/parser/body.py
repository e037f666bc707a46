"""Sections I and II: purposes and requirements, then the areas (lĩnh vực) and their tasks.

Levels are read from the marks themselves: in section II the first numbering style seen
("1.", "1)", "a)") marks areas, the next one under an area ("-", "+", "•", "a)", "1.1.")
marks its tasks, and anything deeper stays part of the task it follows. A paragraph
without a mark continues the task before it, or is a task itself when the area has no
marked tasks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from qms.plan.parser.draft import (
    PURPOSE,
    REQUIREMENT,
    AreaDraft,
    ParseWarning,
    PlanNote,
    PlanStatement,
    TaskDraft,
)
from qms.plan.parser.lines import Block, join_lines
from qms.plan.parser.references import find_references, find_targets, is_duty

_SUBHEADING = re.compile(
    r"(?P<kind>mục\s+đích|yêu\s+cầu)(?:\s*(?:,|-|–|và)\s*(?:mục\s+đích|yêu\s+cầu))?\s*:?\s*",
    re.IGNORECASE,
)


@dataclass
class _Item:
    line: int
    marked: bool
    parts: list[str]
    kind: str = ""


@dataclass
class _Area:
    number: int
    title: str
    line: int
    task_key: str | None = None
    tasks: list[_Item] = field(default_factory=list)


def read_purposes(blocks: Sequence[Block]) -> list[PlanStatement]:
    """Section I: each item with its kind, from the "Mục đích" / "Yêu cầu" subheadings."""
    kind = PURPOSE
    items: list[_Item] = []
    for block in blocks:
        subheading = _subheading(block)
        if subheading is not None:
            kind, rest = subheading
            if rest:
                items.append(_Item(block.line, True, [rest], kind))
        elif block.marker is None and items and items[-1].marked and items[-1].kind == kind:
            items[-1].parts.append(block.text)
        else:
            items.append(_Item(block.line, block.marker is not None, [block.text], kind))
    return [PlanStatement(item.kind, join_lines(item.parts), item.line) for item in items]


def _subheading(block: Block) -> tuple[str, str] | None:
    """"1. Mục đích", "2. Yêu cầu:" (and "Mục đích: …" with text after it)."""
    if block.marker is not None and block.marker.key.startswith("bullet"):
        return None
    match = _SUBHEADING.match(block.text)
    if not match:
        return None
    kind = PURPOSE if match.group("kind").lower().startswith("m") else REQUIREMENT
    return kind, block.text[match.end():].strip()


def read_areas(blocks: Sequence[Block], section: str, warnings: list[ParseWarning],
               ) -> tuple[list[AreaDraft], list[PlanNote]]:
    """Section II: areas with their tasks; text before the first area is kept as a note."""
    area_key = _area_key(blocks)
    areas: list[_Area] = []
    notes: list[PlanNote] = []
    for block in blocks:
        if block.marker is not None and block.marker.key == area_key:
            areas.append(_Area(_area_number(block, areas), block.text.rstrip(" :."), block.line))
        elif areas:
            _add_to_area(areas[-1], block)
        elif block.marker is None:
            notes.append(PlanNote(section, block.text, block.line))
        else:
            warnings.append(ParseWarning(
                block.line, "Nhiệm vụ nằm trước lĩnh vực đầu tiên; không rõ thuộc lĩnh vực nào.",
                block.full_text))
    return [_freeze_area(area, warnings) for area in areas], notes


def _area_key(blocks: Sequence[Block]) -> str | None:
    """The shallowest numbering in the section marks areas ("1." before "1.1.", "a)", "-")."""
    keys = [block.marker.key for block in blocks if block.marker is not None]
    for preferred in ("number:1", "number:2", "letter"):
        if preferred in keys:
            return preferred
    return keys[0] if keys else None


def _area_number(block: Block, areas: list[_Area]) -> int:
    value = block.marker.value.split(".")[-1] if block.marker else ""
    used = {area.number for area in areas}
    return int(value) if value.isdigit() and int(value) not in used else len(areas) + 1


def _add_to_area(area: _Area, block: Block) -> None:
    if block.marker is None:
        if area.tasks and area.task_key is not None:
            area.tasks[-1].parts.append(block.text)
        else:
            area.tasks.append(_Item(block.line, False, [block.text]))
        return
    if area.task_key is None:
        area.task_key = block.marker.key
    if block.marker.key == area.task_key or not area.tasks:
        area.tasks.append(_Item(block.line, True, [block.text]))
    else:
        area.tasks[-1].parts.append(block.full_text)


def _freeze_area(area: _Area, warnings: list[ParseWarning]) -> AreaDraft:
    if not area.tasks:
        warnings.append(ParseWarning(
            area.line, f"Lĩnh vực «{area.title}» không có nhiệm vụ nào.", area.title))
    return AreaDraft(area.number, area.title, tuple(_task(item) for item in area.tasks),
                     area.line)


def _task(item: _Item) -> TaskDraft:
    text = join_lines(item.parts)
    return TaskDraft(text=text, references=find_references(text), targets=find_targets(text),
                     is_duty=is_duty(text), line=item.line)
