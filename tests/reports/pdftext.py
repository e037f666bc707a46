"""Read a PDF back for report tests: text per page, positioned text runs, font names."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from typing import Any

from pypdf import PageObject, PdfReader


@dataclass(frozen=True)
class TextRun:
    """One piece of text as drawn: its start point (PDF points, origin bottom-left) and font."""

    text: str
    x: float
    y: float
    font: str
    size: float


def reader(pdf: bytes) -> PdfReader:
    """A pypdf reader over PDF bytes."""
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes, *, normalise: bool = True) -> list[str]:
    """The text of each page, NFC-normalised unless ``normalise`` is false."""
    texts = [page.extract_text() or "" for page in reader(pdf).pages]
    return [unicodedata.normalize("NFC", t) for t in texts] if normalise else texts


def text_runs(pdf: bytes, page_index: int) -> list[TextRun]:
    """Non-blank text runs of one page with their position, base font name and size."""
    runs: list[TextRun] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        runs.append(TextRun(unicodedata.normalize("NFC", text.strip()), x, y,
                            base_font_name(name), size))

    reader(pdf).pages[page_index].extract_text(visitor_text=visit)
    return runs


def base_font_name(name: str) -> str:
    """"/ABCDEF+LiberationSerif-Bold" -> "LiberationSerif-Bold" (drop the subset tag)."""
    name = name.lstrip("/")
    return name.split("+", 1)[1] if "+" in name[:7] else name


def _page_fonts(page: PageObject) -> list[Any]:
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    return [ref.get_object() for ref in fonts.get_object().values()] if fonts else []


def font_names(pdf: bytes) -> set[str]:
    """Base names of every font in the pages' resources."""
    return {base_font_name(str(font.get("/BaseFont", "")))
            for page in reader(pdf).pages for font in _page_fonts(page)}


def embedded_font_files(pdf: bytes) -> int:
    """How many of the pages' fonts carry an embedded TrueType program."""
    count = 0
    for page in reader(pdf).pages:
        for font in _page_fonts(page):
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                count += 1
    return count
