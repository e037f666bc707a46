"""Page geometry and paragraph styles shared by every PDF (Nghị định 30/2020/NĐ-CP).

A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; body 13 pt,
justified, first-line indent 1 cm, 6 pt between paragraphs; everything in the project's
serif font (``qms.reports.fonts``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm

from qms.reports.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    register_fonts,
)

PAGE_SIZE: tuple[float, float] = A4
PAGE_WIDTH, PAGE_HEIGHT = PAGE_SIZE
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

BODY_SIZE = 13
SMALL_SIZE = 11
FIRST_LINE_INDENT = 1 * cm
PARAGRAPH_GAP = 6

# The page number sits in the middle of the top margin.
PAGE_NUMBER_SIZE = 13
PAGE_NUMBER_Y = PAGE_HEIGHT - MARGIN_TOP / 2 - 4

RULE_WIDTH = 0.6
GRID_WIDTH = 0.5
WATERMARK_GREY = Color(0.82, 0.82, 0.82)
TEXT_COLOUR = black


def _style(name: str, **overrides: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": SERIF,
        # reportlab defaults bullets to Helvetica, which would add a font without Vietnamese.
        "bulletFontName": SERIF,
        "fontSize": BODY_SIZE,
        "leading": BODY_SIZE * 1.2,
        "textColor": TEXT_COLOUR,
        "alignment": TA_LEFT,
    }
    base.update(overrides)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


def _centred(name: str, font: str, size: float, **overrides: object) -> ParagraphStyle:
    return _style(name, fontName=font, fontSize=size, leading=size * 1.2,
                  alignment=TA_CENTER, **overrides)


def _build_styles() -> dict[str, ParagraphStyle]:
    body = {"alignment": TA_JUSTIFY, "firstLineIndent": FIRST_LINE_INDENT,
            "spaceAfter": PARAGRAPH_GAP, "leading": BODY_SIZE * 1.3}
    small = {"fontSize": SMALL_SIZE, "leading": SMALL_SIZE * 1.2}
    return {
        "body": _style("body", **body),
        "body_flush": _style("body_flush", **{**body, "firstLineIndent": 0}),
        "bullet": _style("bullet", **body),
        "heading": _style("heading", **{**body, "fontName": SERIF_BOLD, "keepWithNext": 1,
                                        "spaceBefore": PARAGRAPH_GAP}),
        "heading2": _style("heading2", **{**body, "fontName": SERIF_BOLD_ITALIC,
                                          "keepWithNext": 1}),
        "small": _style("small", **small),
        "small_italic": _style("small_italic", fontName=SERIF_ITALIC, **small),
        "cell": _style("cell", **small),
        "cell_center": _style("cell_center", alignment=TA_CENTER, **small),
        "cell_header": _centred("cell_header", SERIF_BOLD, SMALL_SIZE),
        "title": _centred("title", SERIF_BOLD, 14, spaceBefore=18),
        "summary": _centred("summary", SERIF_BOLD, 14),
        "issuer_superior": _centred("issuer_superior", SERIF, 13),
        "issuer_name": _centred("issuer_name", SERIF_BOLD, 13),
        "number": _centred("number", SERIF, 13, spaceBefore=4),
        "nation": _centred("nation", SERIF_BOLD, 12),
        "motto": _centred("motto", SERIF_BOLD, 13),
        "place_date": _centred("place_date", SERIF_ITALIC, 13, spaceBefore=4),
        "recipients_label": _style("recipients_label", fontName=SERIF_BOLD_ITALIC,
                                   fontSize=12, leading=14.4),
        "recipient": _style("recipient", **small),
        "signature_title": _centred("signature_title", SERIF_BOLD, 13),
        "signature_name": _centred("signature_name", SERIF_BOLD, 13),
    }


@functools.cache
def get_styles() -> Mapping[str, ParagraphStyle]:
    """All paragraph styles by name ("body", "heading", "cell", "small", "title", …).

    Registers the project font first. The mapping is read-only and shared; derive a new
    ``ParagraphStyle(name, parent=...)`` rather than changing one in place.
    """
    register_fonts()
    return MappingProxyType(_build_styles())


def style(name: str) -> ParagraphStyle:
    """One style by name; a ``KeyError`` names the styles that exist."""
    styles = get_styles()
    try:
        return styles[name]
    except KeyError:
        raise KeyError(f"unknown style {name!r}; known: {', '.join(sorted(styles))}") from None
