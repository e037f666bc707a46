"""The seed plan as .txt, .docx and text-based .pdf, made on the fly for the tests."""

from __future__ import annotations

import io
from functools import cache

from qms.core.config import ROOT

SEED = ROOT / "qms" / "data" / "plans" / "ke-hoach-cchc-nam-trung-2023.txt"


@cache
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def as_docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(text: str) -> bytes:
    """A text PDF in the project's font, one source line per PDF line (as Word exports do)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from qms.reports.fonts import register_fonts

    font = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    y = 800
    for line in text.splitlines():
        if y < 50:
            canvas.showPage()
            y = 800
        canvas.setFont(font, 10)
        canvas.drawString(40, y, line)
        y -= 13
    canvas.save()
    return buffer.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF with pictures only: what a scanner produces."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        canvas.rect(50, 50, 400, 700, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
