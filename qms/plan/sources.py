"""Plan files in, plain text out: ``.txt``, ``.docx`` and text-based ``.pdf``.

The type is read from the content. A scanned PDF, a binary file or anything else is refused
with a Vietnamese message before anything is parsed or saved.
"""

from __future__ import annotations

import io
import logging

from qms.core.errors import ValidationFailed
from qms.core.files import check_size, sniff
from qms.core.text import nfc

MAX_PLAN_BYTES = 20 * 1024 * 1024
MIN_TEXT_PER_PAGE = 40  # fewer extractable characters per page than this: a scanned PDF
logging.getLogger("pypdf").setLevel(logging.ERROR)


def extract_plan_text(data: bytes) -> str:
    """The text of a plan file (NFC), or ``ValidationFailed`` saying why it cannot be read."""
    check_size(len(data), MAX_PLAN_BYTES)
    sniffed = sniff(data)
    kind = sniffed.kind if sniffed else None
    if kind == "txt":
        text = _decode(data)
    elif kind == "docx":
        text = _docx_text(data)
    elif kind == "pdf":
        text = _pdf_text(data)
    elif _legacy_text(data):
        raise ValidationFailed("plan.file.encoding")
    else:
        raise ValidationFailed("plan.file.unsupported")
    text = nfc(text)
    if not text.strip():
        raise ValidationFailed("plan.file.empty")
    return text


def _legacy_text(data: bytes) -> bool:
    """Text in an old 8-bit code page (TCVN3, Windows-1258): no NUL, no control noise."""
    head = data[:8192]
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return controls == 0


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed("plan.file.encoding") from exc


def _docx_text(data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ValidationFailed("plan.file.unreadable") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:  # some plans put the signature block in a table
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ValidationFailed("plan.file.unreadable") from exc
    if not pages or sum(len(p.strip()) for p in pages) < MIN_TEXT_PER_PAGE * len(pages):
        raise ValidationFailed("plan.file.scanned_pdf")
    return "\n".join(pages)
