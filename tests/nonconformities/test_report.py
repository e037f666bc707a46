"""The two nonconformity PDFs read back (Vietnamese text exact), the CLI kinds, and the Excel
export of the register with formula injection neutralised."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from qms import cli
from qms.core.errors import NotFound
from qms.nonconformities.queries import NcFilter, register
from qms.nonconformities.recording import raise_nonconformity
from qms.nonconformities.register_report import NcRegisterReport, RegisterLine, register_pdf
from qms.nonconformities.report import CarAction, CarCheck, CarForm, car_pdf
from qms.nonconformities.report_queries import car_form, register_report
from qms.nonconformities.ui.register import labelled
from qms.reports.excel import frame_to_xlsx
from qms.reports.letterhead import OrgHeader
from tests.nonconformities.helpers import commune, done, nc_input
from tests.reports.pdftext import font_names, page_texts

ORG = OrgHeader("Ủy ban nhân dân xã Nam Trung", "Nam Trung", chairman_name="Nguyễn Văn Bền")
FORM = CarForm(
    org=ORG, number="KPH-2023-007", title="Trả kết quả khai sinh trễ hạn", status="Đã đóng",
    found_on=date(2023, 3, 2), recorded_on=date(2023, 3, 3), source="Phản ánh của người dân",
    unit="Tư pháp - Hộ tịch", procedure="QT-05 Đăng ký khai sinh",
    clause="8.5.1 — Kiểm soát sản xuất và cung cấp dịch vụ", found_by="Ông Phạm Văn Long",
    owner="Nguyễn Thị Hoa", grade="Không phù hợp nhẹ",
    description="Hồ sơ khai sinh của cháu Trần Bảo Ngọc trả chậm 2 ngày, không có thư xin lỗi.",
    evidence="Phiếu tiếp nhận số 112/TN", correction="Gọi điện xin lỗi, trả kết quả ngay.",
    consequences="Gửi thư xin lỗi ngày 03/3/2023.",
    whys=("Hồ sơ trả chậm", "Không ai theo dõi hạn khi công chức đi vắng"),
    cause_category="Phương pháp, quy trình", root_cause="Không phân công người thay thế.",
    similar="Có. Tháng 11/2022 có 1 trường hợp.", recurrence_of="KPH-2022-011",
    plan_tasks=("3.6 — Phấn đấu từ 98%-100% số hồ sơ TTHC được trả kết quả đúng hạn",),
    actions=(CarAction(1, 1, "Phân công người thay thế khi vắng mặt", "Nguyễn Thị Hoa",
                       date(2023, 3, 20), "Đã hoàn thành", "Có quyết định phân công số 15",
                       date(2023, 3, 10)),
             CarAction(2, 2, "Cài nhắc hạn tự động trên phần mềm một cửa", "Lê Văn Minh",
                       date(2023, 5, 1), "Đã hoàn thành", "Đã cài đặt", date(2023, 4, 20))),
    checks=(CarCheck(1, date(2023, 4, 12), "Nguyễn Thị Hằng", False, "Tháng 4 lại trễ 1 hồ sơ"),
            CarCheck(2, date(2023, 5, 25), "Trần Văn Hùng", True, "Không còn hồ sơ trễ hạn")),
    closed_on=date(2023, 5, 26), closed_by="Nguyễn Văn Bền", cancelled_on=None,
    cancelled_by="", cancel_reason="")


def flat(pdf: bytes) -> str:
    return " ".join(" ".join(page_texts(pdf)).split())


def test_the_request_form_prints_every_field_action_check_and_signature():
    text = flat(car_pdf(FORM))
    for expected in (
        "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC", "Số: KPH-2023-007",
        "Nam Trung, ngày 03 tháng 3 năm 2023", "Trả kết quả khai sinh trễ hạn",
        "Hồ sơ khai sinh của cháu Trần Bảo Ngọc trả chậm 2 ngày, không có thư xin lỗi.",
        "Tại sao 2: Không ai theo dõi hạn khi công chức đi vắng",
        "Nguyên nhân gốc: Không phân công người thay thế.", "KPH-2022-011",
        "Phân công người thay thế khi vắng mặt", "Cài nhắc hạn tự động trên phần mềm một cửa",
        "Có quyết định phân công số 15", "Không có hiệu lực", "Có hiệu lực",
        "Đã đóng phiếu ngày 26/05/2023; người đóng phiếu: Nguyễn Văn Bền.",
        "NGƯỜI PHÁT HIỆN", "NGƯỜI KIỂM TRA HIỆU LỰC", "XÁC NHẬN ĐÓNG PHIẾU",
        "Ông Phạm Văn Long", "Nguyễn Thị Hoa, Lê Văn Minh", "Lưu: VT, hồ sơ ISO."):
        assert expected in text, expected
    assert text.rindex("Trần Văn Hùng") > text.index("NGƯỜI KIỂM TRA HIỆU LỰC")
    assert {f for f in font_names(car_pdf(FORM))} <= {
        "LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic"}


def test_the_register_report_lists_each_record_with_its_counts():
    lines = (RegisterLine("KPH-2023-001", date(2023, 1, 16), "Sổ khai sinh ghi thiếu",
                          "Tự kiểm tra", "Tư pháp - Hộ tịch", "Không phù hợp nhẹ", "Đã đóng",
                          "1/1", 67, False),
             RegisterLine("KPH-2023-002", date(2023, 3, 2), "Hồ sơ chứng thực trả chậm",
                          "Phản ánh của người dân", "Tư pháp - Hộ tịch", "Không phù hợp nhẹ",
                          "Đang thực hiện", "0/1", 120, True))
    report = NcRegisterReport(ORG, "năm 2023", date(2023, 7, 1), lines,
                              (("Đã đóng", 1), ("Đang thực hiện", 1)),
                              (("Không phù hợp nhẹ", 2),), (("Tự kiểm tra", 1),))
    text = flat(register_pdf(report))
    for expected in ("BÁO CÁO", "Tình hình xử lý sự không phù hợp và hành động khắc phục năm "
                     "2023", "ghi nhận 2 sự không phù hợp; 1 phiếu có hành động khắc phục quá "
                     "hạn", "Theo tình trạng: Đã đóng: 1; Đang thực hiện: 1.", "KPH-2023-001",
                     "KPH-2023-002", "Hồ sơ chứng thực trả chậm", "(quá hạn)", "120 ngày",
                     "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bền"):
        assert expected in text, expected


@pytest.fixture
def closed_case(db, clock, monkeypatch):
    monkeypatch.setenv("QMS_NC_VERIFY_WAIT_DAYS", "0")
    c = commune()
    nc_id, _ = done(c)
    return c, nc_id


def test_the_form_of_a_recorded_nonconformity_comes_from_the_database(closed_case):
    c, nc_id = closed_case
    form = car_form(c.org_id, nc_id, date(2023, 3, 1))
    assert form is not None and form.status == "Chờ kiểm tra hiệu lực"
    assert form.clause.startswith("8.5.1 — ") and form.grade == "Không phù hợp nhẹ"
    assert form.actions[0].status == "Đã hoàn thành" and form.found_by == "Nguyễn Thị Hằng"
    text = flat(car_pdf(form))
    assert "KPH-2023-001" in text and "Lập sổ theo dõi hạn trả kết quả" in text


def test_the_cli_writes_both_pdfs_and_refuses_an_unknown_number(closed_case, tmp_path):
    out = tmp_path / "phieu.pdf"
    assert "phieu.pdf" in cli.run(["report", "car", "--id", "KPH-2023-001", "-o", str(out)])
    assert "Số: KPH-2023-001" in flat(out.read_bytes())
    reg = tmp_path / "so.pdf"
    cli.run(["report", "nc-register", "--year", "2023", "-o", str(reg)])
    assert "KPH-2023-001" in flat(reg.read_bytes())
    with pytest.raises(NotFound) as err:
        cli.run(["report", "car", "--id", "KPH-2023-099", "-o", str(out)])
    assert err.value.message() == "Không tìm thấy phiếu số KPH-2023-099."


def test_the_register_of_a_period_keeps_only_what_was_found_in_its_window(db, clock):
    c = commune()
    for found in (date(2023, 1, 5), date(2022, 12, 1)):
        raise_nonconformity(c.actor("hangnt"), "", None, nc_input(c, found_on=found))
    report = register_report(c.org_id, 2023, date(2023, 3, 1))
    assert [x.number for x in report.lines] == ["KPH-2023-001"]
    assert register_report(c.org_id, 2023, date(2023, 3, 1), period_id=999_999) is None


def test_the_excel_export_neutralises_formulas_and_has_vietnamese_headers(db, clock):
    c = commune()
    raise_nonconformity(c.actor("hangnt"), "", None, nc_input(
        c, title='=HYPERLINK("http://x","bấm")', procedure="+1 @SUM(A1)"))
    data = frame_to_xlsx(labelled(register(c.org_id, NcFilter(), date(2023, 3, 1))), "Sổ")
    sheet = load_workbook(io.BytesIO(data)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Số phiếu", "Ngày phát hiện", "Nội dung"]
    row = {h: cell.value for h, cell in zip(header, sheet[2], strict=True)}
    assert row["Nội dung"] == '\'=HYPERLINK("http://x","bấm")'
    assert row["Quy trình"] == "'+1 @SUM(A1)" and row["Số phiếu"] == "KPH-2023-001"
