"""Section IV: reporting periods, their data cut-off windows and the due rule.

A period is any paragraph with a "từ ngày A đến ngày B" window; its name is what precedes
the colon ("Báo cáo Quý I/2023:" -> "Quý I/2023"). The due rule ("trước ngày 10 của tháng
cuối kỳ báo cáo") is taken from the period's own paragraph, else from the section's general
paragraph; every other paragraph is kept as a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qms.core.text import fold
from qms.plan.parser.dates import Window, find_window
from qms.plan.parser.draft import ParseWarning, PeriodDraft, PlanNote
from qms.plan.parser.lines import Block

_DUE_RULE = re.compile(
    r"(?<!\w)(?:trước|chậm\s+nhất|không\s+muộn\s+hơn)\s+(?:vào\s+)?ngày\s+[^.;]*[^.;\s]",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"(?:báo\s+cáo\s+)?(?P<name>[^:]+?)\s*(?::|,?\s+(?=(?:thời\s+gian|thời\s+điểm|số\s+liệu"
    r"|chốt|tính\s+từ|từ\s+ngày|từ\s+\d)))",
    re.IGNORECASE,
)
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("quarter_4", re.compile(r"quy\s+(?:iv|4)\b")),
    ("quarter_3", re.compile(r"quy\s+(?:iii|3)\b")),
    ("quarter_2", re.compile(r"quy\s+(?:ii|2)\b")),
    ("quarter_1", re.compile(r"quy\s+(?:i|1)\b")),
    ("six_months", re.compile(r"(?<!\w)(?:0?6|sau)\s+thang")),
    ("nine_months", re.compile(r"(?<!\w)(?:0?9|chin)\s+thang")),
    ("year", re.compile(r"(?<!\w)nam\b")),
)
_PERIOD_WORDS = ("chot so lieu", "ky bao cao")


def read_periods(blocks: Sequence[Block], section: str, warnings: list[ParseWarning],
                 ) -> tuple[list[PeriodDraft], list[PlanNote]]:
    """Periods with cut-off windows, in the order written; other paragraphs become notes."""
    found: list[tuple[Block, Window]] = []
    notes: list[PlanNote] = []
    general_rule: str | None = None
    for block in blocks:
        window = find_window(block.text)
        if window is not None:
            found.append((block, window))
            continue
        notes.append(PlanNote(section, block.text, block.line))
        general_rule = general_rule or due_rule_in(block.text)
        if _names_a_period(block.text):
            warnings.append(ParseWarning(
                block.line, "Không đọc được thời gian chốt số liệu của kỳ báo cáo.",
                block.full_text))
    return [_period(block, window, general_rule) for block, window in found], notes


def due_rule_in(text: str) -> str | None:
    """The deadline phrase as written ("trước ngày 10 của tháng cuối kỳ báo cáo")."""
    match = _DUE_RULE.search(text)
    return match.group(0) if match else None


def _period(block: Block, window: Window, general_rule: str | None) -> PeriodDraft:
    start, end, written = window
    match = _LABEL.match(block.text.split(written, 1)[0] + " từ ngày")
    name = match.group("name").strip(" ,;-") if match else ""
    name = name[:1].upper() + name[1:] if name else "Kỳ báo cáo"
    return PeriodDraft(name, period_kind(name), start, end,
                       due_rule_in(block.text) or general_rule, block.text, block.line)


def period_kind(name: str) -> str:
    """"quarter_1" … "quarter_4", "six_months", "nine_months", "year" or "other"."""
    folded = fold(name)
    for kind, pattern in _KINDS:
        if pattern.search(folded):
            return kind
    return "other"


def _names_a_period(text: str) -> bool:
    return any(word in fold(text) for word in _PERIOD_WORDS) and fold(text).startswith("bao cao")
