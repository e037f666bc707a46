"""Turning a story of flowables into PDF bytes: page geometry, page numbers, watermark.

Page numbers are drawn by a canvas that holds every page back until the end, so the total
("Trang 2/5") is known; the watermark is drawn before each page's content, under the text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from io import BytesIO
from typing import Any, Literal, get_args

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from qms.core.text import clean
from qms.reports.fonts import SERIF, SERIF_BOLD, register_fonts
from qms.reports.styles import (
    BODY_SIZE,
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_SIZE,
    PAGE_NUMBER_Y,
    PAGE_SIZE,
    PAGE_WIDTH,
    TEXT_COLOUR,
    WATERMARK_GREY,
)

PageNumbers = Literal["top-from-2", "trang-x-y"]
PAGE_NUMBER_X = MARGIN_LEFT + CONTENT_WIDTH / 2
WATERMARK_MAX_SIZE = 80


def page_number_text(mode: PageNumbers, page: int, total: int) -> str:
    """What the top margin of ``page`` shows: "" on page 1 in the decree's mode."""
    if mode == "trang-x-y":
        return f"Trang {page}/{total}"
    return str(page) if page > 1 else ""


class _NumberingCanvas(Canvas):
    """Keeps each finished page's state and draws its number once the total is known."""

    def __init__(self, *args: Any, page_numbers: PageNumbers, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._qms_mode = page_numbers
        self._qms_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._qms_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._qms_states)
        for state in self._qms_states:
            self.__dict__.update(state)
            text = page_number_text(self._qms_mode, self.getPageNumber(), total)
            if text:
                self.saveState()
                self.setFont(SERIF, PAGE_NUMBER_SIZE)
                self.setFillColor(TEXT_COLOUR)
                self.drawCentredString(PAGE_NUMBER_X, PAGE_NUMBER_Y, text)
                self.restoreState()
            super().showPage()
        super().save()


def _watermark_painter(text: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    angle = math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH))
    room = 0.75 * math.hypot(PAGE_WIDTH, PAGE_HEIGHT)
    size = min(WATERMARK_MAX_SIZE, room / max(stringWidth(text, SERIF_BOLD, 1), 1e-6))

    def paint(canv: Canvas, _doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(WATERMARK_GREY)
        canv.setFont(SERIF_BOLD, size)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(angle)
        canv.drawCentredString(0, -size / 3, text)
        canv.restoreState()

    return paint


def _nothing(_canv: Canvas, _doc: BaseDocTemplate) -> None:
    return None


def render_story(
    story: Sequence[Flowable],
    *,
    title: str = "",
    author: str = "",
    page_numbers: PageNumbers = "top-from-2",
    watermark: str | None = None,
) -> bytes:
    """Lay ``story`` out on A4 portrait pages with the decree's margins; return the PDF.

    Any report can use this directly when it needs no administrative header. The output
    is deterministic (no timestamps), so the same input gives the same bytes.
    """
    if page_numbers not in get_args(PageNumbers):
        raise ValueError(f"page_numbers must be one of {get_args(PageNumbers)}")
    register_fonts()
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=PAGE_SIZE, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=clean(title),
        author=clean(author), creator="qms", invariant=1, lang="vi",
        initialFontName=SERIF, initialFontSize=BODY_SIZE,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    mark = clean(watermark)
    on_page = _watermark_painter(mark) if mark else _nothing
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=on_page)])
    doc.build(list(story), canvasmaker=partial(_NumberingCanvas, page_numbers=page_numbers))
    return buffer.getvalue()
