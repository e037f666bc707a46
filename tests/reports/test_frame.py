import functools
import json
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from qms.reports.fonts import FONT_FILES, SERIF
from qms.reports.frame import (
    DocumentMeta,
    Issuer,
    Signature,
    build_admin_document,
    bullet,
    heading,
    paragraph,
    recipient_lines,
    table,
    widths,
)
from qms.reports.styles import (
    CONTENT_WIDTH,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    get_styles,
)
from tests.reports.pdftext import embedded_font_files, font_names, page_texts, reader, text_runs

ROOT = Path(__file__).resolve().parents[2]
PROJECT_FONTS = ROOT / "qms" / "reports" / "fonts"
ISSUER = Issuer(name_lines=("ỦY BAN NHÂN DÂN", "XÃ NAM TRUNG"), place="Nam Trung")
META = DocumentMeta(
    type_code="BC",
    type_title="BÁO CÁO",
    summary="Kết quả thực hiện công tác cải cách hành chính quý I năm 2023",
    issued_on=date(2023, 1, 5),
    number="05/BC-UBND",
)
SIGNATURE = Signature(authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name="Nguyễn Văn Hưởng")
RECIPIENTS = ["UBND huyện Nam Sách (để b/c)", "Thường trực Đảng ủy xã;", "Lưu: VT, VP"]
VIETNAMESE = (
    "Bà Phạm Thị Ngọc Hường ở thôn Đồng Khê đã nộp hồ sơ đúng hạn; kỹ thuật viên Lưu Thế Vĩnh "
    "kiểm tra, ủy quyền cho ông Trịnh Ỷ Lữ ký xác nhận. Những chữ ắ ẵ ặ ẩ ẫ ậ ể ễ ệ ổ ỗ ộ ở ỡ ợ "
    "ử ữ ự ỷ ỹ ỵ đều in đúng."
)
LONG_PARAGRAPH = (
    "Ủy ban nhân dân xã tiếp tục đẩy mạnh cải cách thủ tục hành chính, công khai đầy đủ, "
    "kịp thời các thủ tục hành chính thuộc thẩm quyền giải quyết tại Bộ phận một cửa. "
) * 4


def flat(text: str) -> str:
    return " ".join(text.split())


def build(body=None, **options) -> bytes:
    body = body if body is not None else [paragraph(VIETNAMESE)]
    return build_admin_document(ISSUER, META, body, SIGNATURE, RECIPIENTS, **options)


def long_body(paragraphs: int = 24) -> list:
    return [paragraph(f"{i}. {LONG_PARAGRAPH}") for i in range(1, paragraphs + 1)]


@functools.cache
def standard_pdf() -> bytes:
    return build()


@functools.cache
def long_pdf(page_numbers: str = "top-from-2", watermark: str | None = None) -> bytes:
    pdf = build(long_body(), page_numbers=page_numbers, watermark=watermark)
    assert len(reader(pdf).pages) >= 3
    return pdf


def test_the_header_shows_issuing_body_nation_motto_number_and_place_date():
    first_page = page_texts(standard_pdf())[0]
    for line in ("ỦY BAN NHÂN DÂN", "XÃ NAM TRUNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Nam Trung, ngày 05 tháng 01 năm 2023",
                 "Số: 05/BC-UBND"):
        assert line in first_page.splitlines() or f" {line}" in first_page.splitlines()


def test_the_header_is_two_columns_with_number_and_date_on_one_baseline():
    runs = {r.text: r for r in text_runs(standard_pdf(), 0)}
    body_name, nation = runs["ỦY BAN NHÂN DÂN"], runs["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    number, place_date = runs["Số: 05/BC-UBND"], runs["Nam Trung, ngày 05 tháng 01 năm 2023"]
    assert body_name.x < nation.x and abs(body_name.y - nation.y) < 2
    assert number.y == pytest.approx(place_date.y) and number.x < place_date.x
    assert (body_name.font, nation.font, place_date.font) == (
        "LiberationSerif-Bold", "LiberationSerif-Bold", "LiberationSerif-Italic")
    assert nation.size == 12


def test_the_title_and_summary_are_bold_lines_under_the_header():
    runs = {r.text: r for r in text_runs(standard_pdf(), 0)}
    title, summary = runs["BÁO CÁO"], runs[META.summary]
    assert title.font == summary.font == "LiberationSerif-Bold"
    assert runs["Số: 05/BC-UBND"].y > title.y > summary.y


def test_vietnamese_body_text_comes_back_exactly():
    assert VIETNAMESE in flat(page_texts(standard_pdf())[0])


def test_nfd_input_is_drawn_as_nfc():
    nfd = functools.partial(unicodedata.normalize, "NFD")
    issuer = Issuer(name_lines=(nfd("ỦY BAN NHÂN DÂN"), nfd("XÃ NAM TRUNG")),
                    place=nfd("Nam Trung"))
    meta = DocumentMeta("BC", nfd("BÁO CÁO"), nfd(META.summary), date(2023, 1, 5), "05/BC-UBND")
    pdf = build_admin_document(issuer, meta, [paragraph(nfd(VIETNAMESE))],
                               Signature(nfd("CHỦ TỊCH"), nfd(SIGNATURE.name)), [nfd("Lưu: VT")])
    raw = page_texts(pdf, normalise=False)[0]
    assert not any(unicodedata.combining(ch) for ch in raw)
    for text in (VIETNAMESE, META.summary, "XÃ NAM TRUNG", SIGNATURE.name, "- Lưu: VT."):
        assert text in flat(raw)


def test_recipients_are_dashed_with_semicolons_and_a_full_stop_after_the_last():
    text = page_texts(standard_pdf())[-1]
    assert "Nơi nhận:" in text
    assert "- UBND huyện Nam Sách (để b/c);\n- Thường trực Đảng ủy xã;\n- Lưu: VT, VP." in text
    assert recipient_lines(["- A;", " ", "B."]) == ["- A;", "- B."]


def test_the_signature_block_has_authority_title_and_name_in_bold():
    runs = {r.text: r for r in text_runs(standard_pdf(), len(reader(standard_pdf()).pages) - 1)}
    authority, title, name = runs["TM. ỦY BAN NHÂN DÂN"], runs["CHỦ TỊCH"], runs[SIGNATURE.name]
    assert authority.y > title.y > name.y + 50, "room for the signature and seal"
    assert {authority.font, title.font, name.font} == {"LiberationSerif-Bold"}
    assert runs["Nơi nhận:"].font == "LiberationSerif-BoldItalic"
    assert runs["- Lưu: VT, VP."].size == 11


def test_a_blank_number_leaves_room_before_the_type_and_body_codes():
    meta = DocumentMeta("KH", "KẾ HOẠCH", "Đánh giá nội bộ năm 2023", date(2023, 3, 9))
    pdf = build_admin_document(ISSUER, meta, [paragraph("Nội dung")], SIGNATURE, [])
    number = next(r for r in text_runs(pdf, 0) if r.text.startswith("Số:"))
    assert number.text.endswith("/KH-UBND") and len(number.text) >= len("Số:      /KH-UBND")
    assert "Nơi nhận" not in page_texts(pdf)[0]


def test_page_one_has_no_page_number_and_later_pages_are_numbered_centred_at_the_top():
    pdf = long_pdf()
    in_top_margin = [[r for r in text_runs(pdf, i) if r.y > PAGE_HEIGHT - MARGIN_TOP]
                     for i in range(3)]
    assert in_top_margin[0] == []
    centre = MARGIN_LEFT + CONTENT_WIDTH / 2
    for index, runs in enumerate(in_top_margin[1:], start=2):
        assert [r.text for r in runs] == [str(index)]
        width = stringWidth(str(index), SERIF, runs[0].size)
        assert runs[0].x + width / 2 == pytest.approx(centre, abs=0.5)


def test_controlled_copies_say_trang_x_of_y_on_every_page():
    pdf = long_pdf("trang-x-y")
    texts = page_texts(pdf)
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number}/{len(texts)}" in text
    assert "Trang" not in page_texts(long_pdf())[1]


def test_the_watermark_is_on_every_page_when_given():
    pdf = long_pdf(watermark="HẾT HIỆU LỰC")
    assert all("HẾT HIỆU LỰC" in text for text in page_texts(pdf))
    assert not any("HẾT HIỆU LỰC" in text for text in page_texts(long_pdf()))


def test_user_text_with_markup_characters_prints_literally():
    body = [heading("A <b> & B"), paragraph("x < y & <i>z</i> &amp;"), bullet("<br/> & ;"),
            table([["<b>Cột</b>", "A & B"], ["1 < 2", "<font size=30>x</font>"]])]
    text = flat(" ".join(page_texts(build(body))))
    for literal in ("A <b> & B", "x < y & <i>z</i> &amp;", "- <br/> & ;", "<b>Cột</b>",
                    "A & B", "1 < 2", "<font size=30>x</font>"):
        assert literal in text


def test_the_markup_parameter_is_interpreted():
    pdf = build([paragraph(markup="Thường <b>đậm rõ</b>")])
    runs = text_runs(pdf, 0)
    assert any(r.text == "đậm rõ" and r.font == "LiberationSerif-Bold" for r in runs)
    assert "<b>" not in page_texts(pdf)[0]
    with pytest.raises(ValueError):
        paragraph("a", markup="b")


def test_table_header_rows_repeat_and_are_bold_on_every_page():
    rows = [["STT", "Nội dung công việc", "Kết quả"]]
    rows += [[str(i), f"Nhiệm vụ số {i}", "Hoàn thành"] for i in range(1, 90)]
    pdf = build([table(rows, widths(0.1, 0.6, 0.3))])
    assert len(reader(pdf).pages) >= 3
    for index in range(len(reader(pdf).pages) - 1):
        header = [r for r in text_runs(pdf, index) if r.text == "Nội dung công việc"]
        assert [r.font for r in header] == ["LiberationSerif-Bold"]


def test_the_signature_never_stands_alone_on_the_last_page():
    for count in range(1, 40):
        last_page = page_texts(build(long_body(count)))[-1]
        assert LONG_PARAGRAPH.split()[0] in last_page, f"{count} paragraphs"


def test_only_the_project_fonts_are_embedded():
    pdf = standard_pdf()
    assert font_names(pdf) == {"LiberationSerif", "LiberationSerif-Bold",
                               "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
    assert embedded_font_files(pdf) == 4 * len(reader(pdf).pages)
    registered = {name: Path(getFont(name).face.filename).parent for name in FONT_FILES}
    assert registered == dict.fromkeys(FONT_FILES, PROJECT_FONTS)


# reportlab scans the system font folders when it is imported; what matters is what the build
# reads, so the probe records file and folder access from just after the imports.
_FONT_PROBE = """
import datetime, json, sys
from qms.reports.frame import DocumentMeta, Issuer, Signature, build_admin_document, paragraph
seen = []
def hook(event, args):
    if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], str):
        seen.append(args[0])
sys.addaudithook(hook)
pdf = build_admin_document(Issuer(("ỦY BAN NHÂN DÂN",), "Nam Trung"),
    DocumentMeta("BC", "BÁO CÁO", "Thử", datetime.date(2023, 1, 5)),
    [paragraph(markup="Chữ <b>đậm</b> <i>nghiêng</i> <b><i>cả hai</i></b>")],
    Signature("CHỦ TỊCH", "Nguyễn Văn A"), ["Lưu: VT"])
sys.stdout.write(json.dumps(seen))
"""


def test_the_build_reads_fonts_only_from_the_project_folder():
    result = subprocess.run([sys.executable, "-c", _FONT_PROBE], cwd=ROOT, capture_output=True,
                            text=True, check=True, env={"PYTHONPATH": str(ROOT)})
    seen = [Path(p) for p in json.loads(result.stdout)]
    font_files = [p for p in seen if p.suffix.lower() in {".ttf", ".otf", ".ttc", ".afm", ".pfb"}]
    assert sorted(p.name for p in font_files) == sorted(
        p.name for p in PROJECT_FONTS.glob("*.ttf"))
    assert all(p.resolve().parent == PROJECT_FONTS for p in font_files)
    assert not [p for p in seen if "fonts" in p.parts and PROJECT_FONTS not in p.resolve().parents
                and p.resolve() != PROJECT_FONTS]


def test_pages_are_a4_and_the_text_block_starts_30_mm_from_the_left():
    pdf = long_pdf()
    for page in reader(pdf).pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.1)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.1)
    assert min(r.x for r in text_runs(pdf, 1)) == pytest.approx(85.04, abs=0.1)


def test_the_body_style_follows_the_decree():
    body = get_styles()["body"]
    assert (body.fontName, body.fontSize, body.alignment) == (SERIF, 13, 4)
    assert body.firstLineIndent == pytest.approx(28.35, abs=0.01)
    assert body.spaceAfter >= 6
    assert {s.fontName.split("-")[0] for s in get_styles().values()} == {SERIF}


def test_the_same_input_gives_the_same_bytes():
    assert build() == standard_pdf()


def test_an_unknown_page_number_mode_is_rejected():
    with pytest.raises(ValueError, match="page_numbers"):
        build(page_numbers="bottom")


def test_an_issuer_name_must_be_a_tuple_of_lines():
    with pytest.raises(ValueError):
        Issuer(name_lines="ỦY BAN NHÂN DÂN XÃ NAM TRUNG", place="Nam Trung")  # type: ignore[arg-type]


def test_a_table_rejects_rows_of_different_lengths():
    with pytest.raises(ValueError):
        table([["a", "b"], ["c"]])
