"""The controlled copy read back from the PDF: identification, control block, revision
table, page numbers, the "HẾT HIỆU LỰC" mark, the Markdown body and the fonts."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from qms.documents.procedure_md import parse_procedure
from qms.documents.report import ControlledCopy, RevisionLine, Signatory, controlled_copy_pdf
from qms.reports.markdown import markdown_flowables
from tests.reports.pdftext import embedded_font_files, font_names, page_texts, reader, text_runs

ROOT = Path(__file__).resolve().parents[2]
QT01 = parse_procedure((ROOT / "procedures" / "qt-01-kiem-soat-thong-tin-dang-van-ban.md")
                       .read_text("utf-8"))
PROJECT_FONTS = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                 "LiberationSerif-BoldItalic"}
COPY = ControlledCopy(
    authority="Ủy ban nhân dân xã Nam Trung", code="QT-01",
    title="Kiểm soát thông tin dạng văn bản", doc_type="system", issue=2, status="effective",
    effective_date=date(2023, 3, 2),
    drafter=Signatory("Nguyễn Thị Hằng", "Thư ký ISO"),
    reviewer=Signatory("Trần Văn Hùng", "Phó Chủ tịch UBND xã"),
    approver=Signatory("Nguyễn Văn Bền", "Chủ tịch UBND xã"),
    signed_at=datetime(2023, 3, 2, 1, 30, tzinfo=UTC), signature_meaning="Phê duyệt ban hành",
    revisions=(RevisionLine(1, date(2023, 2, 15), "Ban hành lần đầu", "superseded"),
               RevisionLine(2, date(2023, 3, 2), "Mục 5.1: bổ sung bước 9", "effective")),
    body=QT01.body)


def flat(text: str) -> str:
    return " ".join(text.split())


@functools.cache
def pdf_of(status: str = "effective") -> bytes:
    return controlled_copy_pdf(replace(COPY, status=status))


def test_the_first_page_identifies_the_document_exactly():
    first = flat(page_texts(pdf_of())[0])
    for text in ("ỦY BAN NHÂN DÂN XÃ NAM TRUNG", "QUY TRÌNH KIỂM SOÁT THÔNG TIN DẠNG VĂN BẢN",
                 "Mã hiệu: QT-01", "Lần ban hành: 2", "Ngày hiệu lực: 02/03/2023",
                 "QT-01. QUY TRÌNH KIỂM SOÁT THÔNG TIN DẠNG VĂN BẢN"):
        assert text in first


def test_the_control_block_names_drafter_reviewer_and_approver_with_their_titles():
    runs = {r.text: r for r in text_runs(pdf_of(), 0)}
    heads = [runs["Người soạn thảo"], runs["Người xem xét"], runs["Người phê duyệt"]]
    names = [runs["Nguyễn Thị Hằng"], runs["Trần Văn Hùng"], runs["Nguyễn Văn Bền"]]
    titles = [runs["Thư ký ISO"], runs["Phó Chủ tịch UBND xã"], runs["Chủ tịch UBND xã"]]
    assert heads[0].x < heads[1].x < heads[2].x
    assert len({round(h.y) for h in heads}) == 1 and {h.font for h in heads} == {
        "LiberationSerif-Bold"}
    for head, name, title in zip(heads, names, titles, strict=True):
        assert abs(name.x - head.x) < 60 and head.y > name.y > title.y
    first = flat(page_texts(pdf_of())[0])
    assert "Họ và tên Nguyễn Thị Hằng Trần Văn Hùng Nguyễn Văn Bền" in first
    assert "Chức vụ Thư ký ISO Phó Chủ tịch UBND xã Chủ tịch UBND xã" in first
    assert "Đã ký điện tử 02/03/2023 01:30 (UTC) Phê duyệt ban hành" in first


def test_the_revision_table_lists_each_issue_with_what_changed():
    first = flat(page_texts(pdf_of())[0])
    assert "BẢNG THEO DÕI SỬA ĐỔI" in first
    assert "1 15/02/2023 Ban hành lần đầu Hết hiệu lực (đã thay thế)" in first
    assert "2 02/03/2023 Mục 5.1: bổ sung bước 9 Đang hiệu lực" in first


def test_every_page_says_trang_x_of_y():
    texts = page_texts(pdf_of())
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number}/{len(texts)}" in text


@pytest.mark.parametrize(("status", "mark"), [
    ("superseded", "HẾT HIỆU LỰC"), ("obsolete", "HẾT HIỆU LỰC"),
    ("draft", "DỰ THẢO"), ("in_review", "DỰ THẢO"), ("effective", None)])
def test_the_expired_mark_is_on_every_page_of_superseded_and_obsolete_copies_only(status,
                                                                                   mark):
    texts = page_texts(pdf_of(status))
    if mark:
        assert all(mark in text for text in texts)
    assert any("HẾT HIỆU LỰC" in text for text in texts) == (mark == "HẾT HIỆU LỰC")
    assert any("DỰ THẢO" in text for text in texts) == (mark == "DỰ THẢO")


def test_the_markdown_body_becomes_headings_bullets_and_a_real_steps_table():
    pdf = pdf_of()
    runs = [r for i in range(len(reader(pdf).pages)) for r in text_runs(pdf, i)]
    by_text = {r.text: r for r in runs}
    assert by_text["1. Mục đích"].font == "LiberationSerif-Bold"
    assert by_text["Bước"].font == "LiberationSerif-Bold"  # the header row of a real table
    assert by_text["Nội dung công việc"].x > by_text["Bước"].x
    assert abs(by_text["Nội dung công việc"].y - by_text["Bước"].y) < 8
    assert by_text["Tài liệu"].font == "LiberationSerif-Bold"  # **Tài liệu** in a bullet
    body = flat(" ".join(page_texts(pdf)))
    assert "- TCVN ISO 9001:2015, điều 7.5." in body
    assert "**" not in body and "|---" not in body
    assert "người phê duyệt (Chủ tịch UBND xã), kèm chữ ký và ngày." in body


def test_html_in_the_markdown_prints_as_text():
    pdf = controlled_copy_pdf(replace(COPY, body="Đoạn <b>đậm</b> & <script>x</script>\n"))
    assert "Đoạn <b>đậm</b> & <script>x</script>" in flat(page_texts(pdf)[0])
    assert markdown_flowables("") == []


def test_only_the_projects_embedded_fonts_are_used():
    pdf = pdf_of("superseded")
    assert font_names(pdf) <= PROJECT_FONTS
    assert {"LiberationSerif", "LiberationSerif-Bold"} <= font_names(pdf)
    assert embedded_font_files(pdf) >= 2 * len(reader(pdf).pages)


_FONT_PROBE = """
import datetime, json, sys
from qms.documents.report import ControlledCopy, Signatory, controlled_copy_pdf
seen = []
def hook(event, args):
    if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], str):
        seen.append(args[0])
sys.addaudithook(hook)
person = Signatory("Nguyễn Văn Bền", "Chủ tịch UBND xã")
controlled_copy_pdf(ControlledCopy("Ủy ban nhân dân xã Nam Trung", "QT-01", "Thử", "system", 1,
    "obsolete", datetime.date(2023, 1, 5), person, person, person, None, "", (),
    "# Tiêu đề\\n\\n- **đậm** *nghiêng*\\n"))
sys.stdout.write(json.dumps(seen))
"""


def test_the_copy_reads_fonts_only_from_the_project_folder():
    result = subprocess.run([sys.executable, "-c", _FONT_PROBE], cwd=ROOT, capture_output=True,
                            text=True, check=True, env={"PYTHONPATH": str(ROOT)})
    fonts = [Path(p) for p in json.loads(result.stdout)
             if Path(p).suffix.lower() in {".ttf", ".otf", ".ttc", ".afm", ".pfb"}]
    assert fonts and all(p.resolve().parent == ROOT / "qms" / "reports" / "fonts"
                         for p in fonts)
