"""The periodic CCHC report: one per reporting period of the seed plan, as PDF (read back) and
Excel (Vietnamese headers), narratives edited with a version check, the CLI kind."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from qms import cli
from qms.core.errors import Conflict, PermissionDenied
from qms.review.period_queries import narratives, period_report
from qms.review.period_report import period_pdf, period_xlsx
from qms.review.period_reports import NarrativeInput, save_narratives
from tests.reports.pdftext import page_texts
from tests.review.helpers import planned_commune

TEXT = NarrativeInput("Hoàn thành tốt các nhiệm vụ trọng tâm.", "Còn hồ sơ trễ hạn.",
                      "Tiếp tục rà soát thủ tục hành chính.", "15/BC-UBND", date(2023, 3, 9))


def _flat(pdf: bytes) -> str:
    return " ".join(" ".join(page_texts(pdf)).split())


@pytest.fixture
def p(db, clock):
    return planned_commune()


def test_the_seed_plans_four_periods_give_four_reports_each_with_its_name(p):
    assert [x.name for x in p.periods] == ["Quý I/2023", "6 tháng đầu năm 2023", "Quý III/2023",
                                           "Tổng hợp năm 2023"]
    for period in p.periods:
        report = period_report(p.org_id, period.id)
        assert report is not None
        text = _flat(period_pdf(report))
        assert f"Kết quả thực hiện công tác cải cách hành chính {period.name}" in text
        assert "BÁO CÁO" in text and "/BC-UBND" in text and "TM. ỦY BAN NHÂN DÂN" in text
        assert f"từ ngày {period.start_date:%d/%m/%Y}" in text
        assert "Kết quả thực hiện nhiệm vụ theo lĩnh vực" in text


def test_narratives_print_in_the_report_and_a_stale_copy_is_refused(p):
    q1 = p.periods[0]
    hang = p.c.actor("hangnt")
    assert narratives(p.org_id, q1.id).version == 0
    version = save_narratives(hang, q1.id, TEXT, 0)
    with pytest.raises(Conflict):
        save_narratives(hang, q1.id, TEXT, 0)  # someone saved meanwhile
    edited = NarrativeInput(TEXT.general_assessment, "Đường truyền một cửa gián đoạn.",
                            TEXT.next_tasks, TEXT.number, TEXT.issued_on)
    assert save_narratives(hang, q1.id, edited, version) == version + 1
    with pytest.raises(Conflict) as stale:
        save_narratives(hang, q1.id, TEXT, version)
    said = stale.value.message("vi")  # who saved meanwhile and what they changed
    assert "Nguyễn Thị Hằng" in said and "phiên bản hiện tại: 2" in said
    text = _flat(period_pdf(period_report(p.org_id, q1.id)))
    assert "Số: 15/BC-UBND" in text and "Nam Trung, ngày 09 tháng 3 năm 2023" in text
    assert "Đường truyền một cửa gián đoạn." in text and "Còn hồ sơ trễ hạn" not in text


def test_only_the_iso_officer_writes_the_narratives(p):
    for username in ("hoant", "bennv", "tungbv"):
        with pytest.raises(PermissionDenied):
            save_narratives(p.c.actor(username), p.periods[0].id, TEXT, 0)


def test_the_workbook_has_one_sheet_per_section_with_vietnamese_headers(p):
    save_narratives(p.c.actor("hangnt"), p.periods[0].id, TEXT, 0)
    report = period_report(p.org_id, p.periods[0].id)
    book = load_workbook(io.BytesIO(period_xlsx(report)))
    assert book.sheetnames[0] == "Báo cáo"
    assert len(book.sheetnames) == 1 + len(report.sections)
    progress = book[book.sheetnames[1]]
    assert book.sheetnames[1].startswith("1. Kết quả thực hiện nhiệm vụ")
    assert [c.value for c in progress[1]] == ["Lĩnh vực", "Số nhiệm vụ", "Hoàn thành trong kỳ",
                                              "Đang thực hiện", "Chưa triển khai"]
    assert progress.max_row == 1 + 7  # the seven areas
    cover = {row[0].value: row[1].value for row in book["Báo cáo"].iter_rows(min_row=2)}
    assert cover["Kỳ báo cáo"] == "Quý I/2023" and cover["Tồn tại, hạn chế"] == "Còn hồ sơ trễ hạn."


def test_the_cli_writes_the_period_report_as_pdf_and_excel(p, tmp_path):
    period = p.periods[1]
    out = tmp_path / "bao-cao.pdf"
    assert cli.run(["report", "period", "--period", str(period.id), "-o", str(out)]) \
        .startswith(f"Đã ghi {out}")
    assert period.name in _flat(out.read_bytes())
    xlsx = tmp_path / "bao-cao.xlsx"
    cli.run(["report", "period", "--period", str(period.id), "--format", "xlsx", "-o", str(xlsx)])
    assert load_workbook(xlsx).sheetnames[0] == "Báo cáo"
    assert cli.main(["report", "period", "--period", "999999", "-o", str(out)]) == 2
