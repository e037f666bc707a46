"""The administrative-document frame every report reuses (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Data in (frozen dataclasses), bytes out: the two-column header (issuing body and number;
national title, motto and place/date line), the title block, the caller's body flowables,
and the end block (recipients; signature). Page decoration lives in ``qms.reports.pages``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from qms.core.text import clean
from qms.core.vn_dates import place_date_line
from qms.reports.blocks import Rule, bullet, heading, paragraph, table, to_markup, widths
from qms.reports.fonts import SERIF, SERIF_BOLD
from qms.reports.pages import PageNumbers, render_story
from qms.reports.styles import CONTENT_WIDTH, FRAME_HEIGHT, style

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
HEADER_WIDTHS = (65 * mm, CONTENT_WIDTH - 65 * mm)
END_WIDTHS = (CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.5)
SIGNATURE_SPACE = 25 * mm
# Non-breaking spaces keep the gap where the clerk writes the number by hand.
_BLANK_NUMBER = "\u00a0" * 10


@dataclass(frozen=True)
class Issuer:
    """The issuing body of a document.

    ``name_lines`` are the body's name as printed, one entry per line, e.g.
    ``("ỦY BAN NHÂN DÂN", "XÃ NAM TRUNG")``; ``superior`` the body above it (may be empty,
    and is empty for communes since the district level was abolished); ``place`` the place
    name of the date line; ``abbreviation`` the body's code in document numbers ("UBND").
    """

    name_lines: tuple[str, ...]
    place: str
    superior: str = ""
    abbreviation: str = "UBND"

    def __post_init__(self) -> None:
        if isinstance(self.name_lines, str) or not any(clean(x) for x in self.name_lines):
            raise ValueError("name_lines must be a non-empty tuple of lines")


@dataclass(frozen=True)
class DocumentMeta:
    """What a document is: ``type_code`` ("BC", "KH", "BB", "QĐ", "TB"), ``type_title``
    ("BÁO CÁO"), the ``summary`` line under it, the issue date and the ``number``
    ("05/BC-UBND"; blank prints "Số:      /BC-UBND" to be filled in by hand)."""

    type_code: str
    type_title: str
    summary: str
    issued_on: date
    number: str = ""


@dataclass(frozen=True)
class Signature:
    """The signature block: ``authority`` ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" or ""),
    ``title`` ("CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the signer's ``name``."""

    title: str
    name: str
    authority: str = ""


def number_line(issuer: Issuer, meta: DocumentMeta) -> str:
    """The "Số: …" line; a blank number leaves room before "/<type>-<body>"."""
    number = clean(meta.number)
    if number:
        return f"Số: {number}"
    return f"Số:{_BLANK_NUMBER}/{clean(meta.type_code)}-{clean(issuer.abbreviation)}"


def _caps(text: str, style_name: str) -> Paragraph:
    return Paragraph(to_markup(clean(text).upper()), style(style_name))


def header_block(issuer: Issuer, meta: DocumentMeta) -> Table:
    """The two-column borderless header of page 1."""
    lines = [clean(x).upper() for x in issuer.name_lines if clean(x)]
    left: list[Flowable] = []
    if clean(issuer.superior):
        left.append(_caps(issuer.superior, "issuer_superior"))
    left.append(Paragraph("<br/>".join(to_markup(x) for x in lines), style("issuer_name")))
    widest = max(stringWidth(x, SERIF_BOLD, 13) for x in lines)
    left.append(Rule(max(widest * 0.4, 12 * mm)))
    motto_style = style("motto")
    right = [
        _caps(NATION, "nation"),
        Paragraph(to_markup(MOTTO), motto_style),
        Rule(stringWidth(MOTTO, motto_style.fontName, motto_style.fontSize)),
    ]
    rows = [
        [left, right],
        [Paragraph(to_markup(number_line(issuer, meta)), style("number")),
         Paragraph(to_markup(place_date_line(issuer.place, meta.issued_on)),
                   style("place_date"))],
    ]
    return _borderless(rows, HEADER_WIDTHS)


def title_block(meta: DocumentMeta) -> list[Flowable]:
    """Document type in bold capitals, the summary in bold, a short rule under them."""
    summary_style = style("summary")
    summary = clean(meta.summary)
    line = min(stringWidth(summary, summary_style.fontName, summary_style.fontSize),
               CONTENT_WIDTH)
    return [
        _caps(meta.type_title, "title"),
        Paragraph(to_markup(summary), summary_style),
        Rule(min(max(line / 3, 30 * mm), 60 * mm)),
        Spacer(1, 10),
    ]


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    """Recipients as the decree lists them: "- …;" each, the last one ending with "."."""
    names = [clean(r).lstrip("-").strip().rstrip(";.").strip() for r in recipients]
    names = [n for n in names if n]
    return [f"- {n}{'.' if i == len(names) - 1 else ';'}" for i, n in enumerate(names)]


def end_block(signature: Signature, recipients: Sequence[str]) -> Table:
    """Recipients on the left, the signature block on the right."""
    left: list[Flowable] = []
    lines = recipient_lines(recipients)
    if lines:
        left.append(Paragraph("Nơi nhận:", style("recipients_label")))
        left.extend(Paragraph(to_markup(x), style("recipient")) for x in lines)
    right: list[Flowable] = [
        _caps(x, "signature_title") for x in (signature.authority, signature.title) if clean(x)
    ]
    right += [Spacer(1, SIGNATURE_SPACE),
              Paragraph(to_markup(clean(signature.name)), style("signature_name"))]
    return _borderless([[left, right]], END_WIDTHS)


def _borderless(rows: list[list[object]], col_widths: Sequence[float]) -> Table:
    result = Table(rows, colWidths=list(col_widths))
    result.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else Helvetica is embedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return result


def _with_ending(body: Sequence[Flowable], ending: Flowable) -> list[Flowable]:
    """Body then end block, the last body block kept with the end block when it is short.

    So the signature does not stand alone on the last page; a long last block (a table of
    several pages) is left free to split rather than pushed whole onto a new page.
    """
    *rest, last = [*body] or [Spacer(1, 0)]
    height = last.wrapOn(Canvas(BytesIO()), CONTENT_WIDTH, FRAME_HEIGHT)[1]
    if height <= FRAME_HEIGHT / 3:
        return [*rest, KeepTogether([last, Spacer(1, 8), ending])]
    return [*rest, last, KeepTogether([Spacer(1, 8), ending])]


def build_admin_document(
    issuer: Issuer,
    meta: DocumentMeta,
    body: Sequence[Flowable],
    signature: Signature,
    recipients: Sequence[str],
    *,
    page_numbers: PageNumbers = "top-from-2",
    watermark: str | None = None,
) -> bytes:
    """Render a complete administrative document (header, title, body, end block) as PDF.

    ``page_numbers``: "top-from-2" (the decree: centred in the top margin, none on page 1)
    or "trang-x-y" ("Trang x/y" on every page, for controlled copies). ``watermark`` prints
    a large light-grey diagonal text on every page (e.g. "HẾT HIỆU LỰC").
    """
    story: list[Flowable] = [header_block(issuer, meta), *title_block(meta),
                             *_with_ending(body, end_block(signature, recipients))]
    title = f"{clean(meta.type_title)} {clean(meta.summary)}".strip()
    author = " ".join(clean(x) for x in issuer.name_lines)
    return render_story(story, title=title, author=author, page_numbers=page_numbers,
                        watermark=watermark)


__all__ = [
    "DocumentMeta", "Issuer", "Signature", "build_admin_document", "bullet", "end_block",
    "header_block", "heading", "number_line", "paragraph", "recipient_lines", "table",
    "title_block", "widths",
]
