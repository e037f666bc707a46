"""Section V: who does what — the party, its duties, the areas it leads, the evidence duty.

Areas are inferred from the words of the duties: an area is led by a party whose text
names the area's subject ("cải cách thủ tục hành chính") or one of its usual keywords
(``AREA_THEMES``). Area numbers come from the plan's own section II, never from this table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qms.core.text import fold
from qms.plan.parser.draft import AreaDraft, ParseWarning, PlanNote, ResponsibilityDraft
from qms.plan.parser.lines import Block, join_lines

# (words that identify an area by its title, words that point to it in a party's duties)
AREA_THEMES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("chỉ đạo", "điều hành"),
     ("chỉ đạo, điều hành", "chỉ đạo điều hành", "thường trực", "đôn đốc", "tuyên truyền")),
    (("thể chế",), ("thể chế", "văn bản quy phạm pháp luật", "thi hành pháp luật")),
    (("thủ tục hành chính",), ("thủ tục hành chính", "TTHC", "một cửa")),
    (("tổ chức bộ máy",), ("tổ chức bộ máy", "tinh giản biên chế")),
    (("công vụ",), ("công vụ", "vị trí việc làm", "đào tạo, bồi dưỡng")),
    (("tài chính công",), ("tài chính công", "ngân sách")),
    (("chính quyền điện tử", "chính quyền số", "hiện đại hóa"),
     ("chính quyền điện tử", "chính quyền số", "công nghệ thông tin", "chuyển đổi số",
      "hiện đại hóa")),
)
EVIDENCE_WORDS = ("tài liệu kiểm chứng",)
_TITLE_LEADS = re.compile(r"^(?:ve\s+)?(?:cong\s+tac\s+)?")
_PARTY = re.compile(
    r"(?P<party>.+?)(?:\s*:|\s+(?:là|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|chủ\s+trì"
    r"|tham\s+mưu|phối\s+hợp|thực\s+hiện|triển\s+khai|căn\s+cứ)(?!\w))",
    re.IGNORECASE,
)
_PARTY_WORDS = 15


@dataclass
class _Open:
    line: int
    parts: list[str]


def read_responsibilities(blocks: Sequence[Block], section: str, areas: Sequence[AreaDraft],
                          warnings: list[ParseWarning],
                          ) -> tuple[list[ResponsibilityDraft], list[PlanNote]]:
    """One responsibility per item of the section's first numbering style."""
    keys = [block.marker.key for block in blocks if block.marker is not None]
    key = keys[0] if keys else None
    opened: list[_Open] = []
    notes: list[PlanNote] = []
    for block in blocks:
        starts = (block.marker is not None and block.marker.key == key) or (
            key is None and party_of(block.text) is not None)
        if starts:
            opened.append(_Open(block.line, [block.text]))
        elif opened:
            opened[-1].parts.append(block.full_text)
        else:
            notes.append(PlanNote(section, block.text, block.line))
    return [_freeze(item, areas, warnings) for item in opened], notes


def party_of(text: str) -> str | None:
    """The unit or officer a duty paragraph opens with ("Văn phòng UBND xã là …")."""
    match = _PARTY.match(text)
    if not match or len(match.group("party").split()) > _PARTY_WORDS:
        return None
    return match.group("party").strip(" ,;-")


def _freeze(item: _Open, areas: Sequence[AreaDraft],
            warnings: list[ParseWarning]) -> ResponsibilityDraft:
    text = join_lines(item.parts)
    party = party_of(text)
    if party is None:
        warnings.append(ParseWarning(
            item.line, "Không xác định được bộ phận/công chức chịu trách nhiệm.", text))
        party = " ".join(text.split(",")[0].split()[:_PARTY_WORDS])
    folded = fold(text)
    return ResponsibilityDraft(
        party=party, text=text, areas=led_areas(text, areas),
        evidence_duty=any(fold(word) in folded for word in EVIDENCE_WORDS), line=item.line,
    )


def led_areas(text: str, areas: Sequence[AreaDraft]) -> tuple[int, ...]:
    """Numbers of the areas whose subject or keywords the duty text mentions."""
    folded = fold(text)
    return tuple(area.number for area in areas
                 if any(_mentions(folded, word) for word in _area_words(area.title)))


def _area_words(title: str) -> list[str]:
    folded = fold(title)
    words = [_TITLE_LEADS.sub("", folded)]
    for title_words, text_words in AREA_THEMES:
        if any(fold(word) in folded for word in title_words):
            words += [fold(word) for word in text_words]
    return [word for word in words if word]


def _mentions(folded_text: str, folded_word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(folded_word)}(?!\w)", folded_text) is not None
