"""The Markdown of a controlled document as report flowables.

Covers what the procedures use: ``#``–``###`` headings, paragraphs, ``-``/``*`` bullets,
pipe tables (the steps table becomes a real table), ``**bold**``, ``*italic*`` and
```code```. Raw HTML is never interpreted: it prints as text, except ``<br>`` in a table
cell, which starts a new line as it does in the source files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from qms.core.text import nfc
from qms.reports.blocks import bullet, heading, paragraph, table, to_markup, widths
from qms.reports.fonts import SERIF_BOLD
from qms.reports.styles import CONTENT_WIDTH, SMALL_SIZE

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_SEPARATOR = re.compile(r"^\s*\|?[\s:\-|]+\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\*\w])\*(?!\s)(.+?)(?<!\s)\*(?![\*\w])")
_CODE = re.compile(r"`([^`]+)`")
CELL_PADDING = 10  # the table's left and right cell padding, 4 pt each, and some air


def inline_markup(text: str) -> str:
    """Escape user text for reportlab, then turn Markdown emphasis into <b>/<i>."""
    markup = to_markup(text)
    markup = _CODE.sub(r"\1", markup)
    markup = _BOLD.sub(r"<b>\1</b>", markup)
    return _ITALIC.sub(r"<i>\1</i>", markup)


def plain(text: str) -> str:
    """Cell text: emphasis markers dropped, ``<br>`` as a line break."""
    text = _BR.sub("\n", text).replace("\\|", "|")
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", _CODE.sub(r"\1", text))).strip()


def markdown_flowables(body: str) -> list[Flowable]:
    """Flowables for a Markdown body, in order."""
    out: list[Flowable] = []
    text = _TextBlocks(out)
    lines = nfc(body).splitlines()
    index = 0
    while index < len(lines):
        if _is_table_start(lines, index):
            text.flush()
            text.in_bullet = False
            rows, index = _table_rows(lines, index)
            out.append(_table(rows))
            continue
        text.add(lines[index])
        index += 1
    text.flush()
    return out


class _TextBlocks:
    """Headings, paragraphs (consecutive lines joined) and bullets; an indented line right
    after a bullet continues it, as the procedures wrap long bullets."""

    def __init__(self, out: list[Flowable]) -> None:
        self.out = out
        self.buffer: list[str] = []
        self.in_bullet = False

    def flush(self) -> None:
        if self.buffer:
            text = inline_markup(" ".join(self.buffer))
            self.out.append(bullet(markup=text) if self.in_bullet else paragraph(markup=text))
            self.buffer.clear()

    def add(self, line: str) -> None:
        stripped = line.strip()
        heading_match, bullet_match = _HEADING.match(stripped), _BULLET.match(line)
        if not stripped or heading_match or bullet_match:
            self.flush()
            self.in_bullet = bool(bullet_match)
        if heading_match:
            level = 1 if len(heading_match.group(1)) <= 2 else 2
            self.out.append(heading(markup=inline_markup(heading_match.group(2)), level=level))
        elif bullet_match:
            self.buffer.append(bullet_match.group(1).strip())
        elif stripped:
            if self.in_bullet and not line[:1].isspace():
                self.flush()
                self.in_bullet = False
            self.buffer.append(stripped)


def _is_table_start(lines: list[str], index: int) -> bool:
    return (lines[index].lstrip().startswith("|") and index + 1 < len(lines)
            and "-" in lines[index + 1] and bool(_SEPARATOR.fullmatch(lines[index + 1])))


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [plain(cell) for cell in _CELL_SPLIT.split(inner)]


def _table_rows(lines: list[str], index: int) -> tuple[list[list[str]], int]:
    header = _cells(lines[index])
    rows = [header]
    index += 2
    while index < len(lines) and lines[index].lstrip().startswith("|"):
        cells = _cells(lines[index])
        rows.append((cells + [""] * len(header))[:len(header)])
        index += 1
    return rows, index


def _table(rows: list[list[str]]) -> Flowable:
    return table(rows, widths(*column_fractions(rows)))


def column_fractions(rows: Iterable[list[str]]) -> list[float]:
    """Column widths: each at least its longest word, the rest shared by amount of text,
    so a "Bước" column stays narrow without breaking its heading letter by letter."""
    rows = list(rows)
    columns = list(zip(*rows, strict=True))
    minimum = [max(stringWidth(word, SERIF_BOLD, SMALL_SIZE) for cell in col
                   for word in (cell.split() or [""])) + CELL_PADDING for col in columns]
    if sum(minimum) >= CONTENT_WIDTH:
        return [m / sum(minimum) * 0.999 for m in minimum]
    weights = [min(sum(len(cell) for cell in col) / len(col), 80) + 1 for col in columns]
    spare = CONTENT_WIDTH - sum(minimum)
    points = [m + spare * w / sum(weights) for m, w in zip(minimum, weights, strict=True)]
    return [p / CONTENT_WIDTH * 0.999 for p in points]
