"""Body building blocks for reports: paragraphs, headings, dash bullets, tables, rules.

Every function takes plain user text and escapes it for reportlab's paragraph mini-markup,
so "<b>" or "&" typed by a user prints literally. Callers that really mean markup pass it
through the explicitly named ``markup=`` parameter. All text is NFC-normalised first.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from qms.core.text import nfc
from qms.reports.fonts import SERIF
from qms.reports.styles import CONTENT_WIDTH, GRID_WIDTH, RULE_WIDTH, TEXT_COLOUR
from qms.reports.styles import style as get_style


def to_markup(text: str) -> str:
    """Plain text -> paragraph markup: NFC, ``& < >`` escaped, newlines become line breaks."""
    return escape(nfc(text)).replace("\n", "<br/>")


def _source(text: str | None, markup: str | None) -> str:
    if (text is None) == (markup is None):
        raise ValueError("pass exactly one of text or markup")
    return to_markup(text) if text is not None else nfc(markup or "")


def paragraph(text: str | None = None, style: str = "body", *,
              markup: str | None = None) -> Paragraph:
    """A paragraph of plain ``text`` (escaped) or of trusted reportlab ``markup``.

    ``style`` names one of :func:`qms.reports.styles.get_styles` ("body", "small", …).
    """
    return Paragraph(_source(text, markup), get_style(style))


def heading(text: str | None = None, level: int = 1, *, markup: str | None = None) -> Paragraph:
    """A section heading ("I. MỤC ĐÍCH - YÊU CẦU"): level 1 bold, level 2 bold italic."""
    if level not in (1, 2):
        raise ValueError(f"heading level must be 1 or 2, not {level}")
    return Paragraph(_source(text, markup), get_style("heading" if level == 1 else "heading2"))


def bullet(text: str | None = None, *, markup: str | None = None) -> Paragraph:
    """A dash bullet as administrative texts write them: "- text", indented like the body."""
    return Paragraph("- " + _source(text, markup), get_style("bullet"))


def widths(*fractions: float) -> list[float]:
    """Column widths in points from fractions of the text width, e.g. ``widths(.1, .6, .3)``."""
    if not fractions or any(f <= 0 for f in fractions) or sum(fractions) > 1.0001:
        raise ValueError(f"fractions must be positive and add up to at most 1: {fractions}")
    return [CONTENT_WIDTH * f for f in fractions]


def table(rows: Sequence[Sequence[str]], col_widths: Sequence[float] | None = None,
          header_rows: int = 1) -> Table:
    """A grid table of plain-text cells; the header rows are bold and repeat on each page.

    ``col_widths`` are in points (see :func:`widths`); ``None`` shares the text width
    equally. Cells wrap; a newline in a cell starts a new line.
    """
    if not rows:
        raise ValueError("a table needs at least one row")
    n_cols = len(rows[0])
    if any(len(row) != n_cols for row in rows):
        raise ValueError("every row of a table must have the same number of cells")
    if not 0 <= header_rows <= len(rows):
        raise ValueError(f"header_rows must be between 0 and {len(rows)}")
    col_widths = list(col_widths) if col_widths else [CONTENT_WIDTH / n_cols] * n_cols
    if len(col_widths) != n_cols:
        raise ValueError(f"{len(col_widths)} column widths for {n_cols} columns")
    cells = [
        [Paragraph(to_markup(str(cell)), get_style("cell_header" if i < header_rows else "cell"))
         for cell in row]
        for i, row in enumerate(rows)
    ]
    result = Table(cells, colWidths=col_widths, repeatRows=header_rows)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else Helvetica is embedded
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, TEXT_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"))
    result.setStyle(TableStyle(commands))
    return result


class Rule(Flowable):
    """A horizontal line of a given width, centred in the space it is given."""

    def __init__(self, width: float, thickness: float = RULE_WIDTH, space_before: float = 4,
                 space_after: float = 4) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.space_before = space_before
        self.space_after = space_after
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        self.width = avail_width
        self.height = self.space_before + self.thickness + self.space_after
        return self.width, self.height

    def draw(self) -> None:
        x0 = (self._avail - self.rule_width) / 2
        y = self.space_after + self.thickness / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.setStrokeColor(TEXT_COLOUR)
        self.canv.line(x0, y, x0 + self.rule_width, y)
