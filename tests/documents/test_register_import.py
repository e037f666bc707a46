"""The register: accent-free search, filters, pagination, periodic review, Excel in and out."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from qms.core.clock import today
from qms.core.errors import Conflict, ValidationFailed
from qms.documents import drafts as documents
from qms.documents.queries import (
    RegisterFilter,
    document_id_by_code,
    due_for_review,
    register_rows,
    search_register,
)
from qms.documents.register_import import import_register, preview_register
from qms.documents.register_rows import HEADERS_VI
from qms.documents.sync import sync_procedures
from qms.documents.ui.register import labelled
from qms.reports.excel import frame_to_xlsx
from tests.documents.helpers import REAL_PROCEDURES, commune, write_procedure

DAY = date(2023, 3, 1)


def _codes(org_id: int, f: RegisterFilter, **kw) -> list[str]:
    frame, _total = search_register(org_id, f, DAY, **kw)
    return list(frame["code"])


@pytest.fixture
def loaded(db):
    c = commune()
    sync_procedures(c.system, REAL_PROCEDURES)
    return c


def test_search_ignores_accents_and_case(loaded):
    org = loaded.org_id
    assert _codes(org, RegisterFilter(search="kiem soat")) == ["QT-01", "QT-03"]
    assert _codes(org, RegisterFilter(search="KIỂM SOÁT thông tin")) == ["QT-01"]
    assert _codes(org, RegisterFilter(search="dang ky")) == ["QT-08", "QT-09", "QT-10"]
    assert _codes(org, RegisterFilter(search="qt-0")) == [f"QT-0{i}" for i in range(1, 10)]
    assert _codes(org, RegisterFilter(search="100%_")) == []


def test_the_register_is_paginated_in_sql(loaded):
    frame, total = search_register(loaded.org_id, RegisterFilter(), DAY, page=3, page_size=5)
    assert total == 12 and list(frame["code"]) == ["QT-10", "QT-11"]


def test_filters_by_type_unit_clause_and_status(loaded):
    org = loaded.org_id
    assert _codes(org, RegisterFilter(doc_type="policy")) == ["CS-01"]
    assert len(_codes(org, RegisterFilter(unit_id=loaded.unit_id))) == 6  # Tư pháp - Hộ tịch
    assert "QT-01" in _codes(org, RegisterFilter(clause="7.5"))  # 7.5 and its sub-clauses
    assert _codes(org, RegisterFilter(clause="9.2")) == ["QT-02"]
    doc_id = document_id_by_code(org, "QT-04")
    documents.start_draft(loaded.actor("hangnt"), doc_id, "Sửa")
    assert _codes(org, RegisterFilter(status="draft")) == ["QT-04"]
    assert _codes(org, RegisterFilter(status="in_review")) == []
    documents.withdraw_document(loaded.actor("bennv"), document_id_by_code(org, "QT-05"), "Bỏ")
    assert _codes(org, RegisterFilter(status="obsolete")) == ["QT-05"]
    assert "QT-05" not in _codes(org, RegisterFilter(status="effective"))


def test_the_review_list_warns_thirty_days_ahead_and_a_confirmation_clears_it(
        db, tmp_path, clock):
    c = commune()
    # Clock: 2023-03-01 08:00 in Vietnam. Twelve-month interval from each effective date.
    for code, effective in (("QT-31", "2022-03-01"), ("QT-32", "2022-03-31"),
                            ("QT-33", "2022-04-01"), ("QT-34", "2022-02-01")):
        write_procedure(tmp_path, code, effective=effective)
    sync_procedures(c.system, tmp_path)
    assert today() == DAY
    due = {d.code: d.state.value for d in due_for_review(c.org_id, today())}
    assert due == {"QT-34": "due", "QT-31": "due", "QT-32": "upcoming"}
    assert _codes(c.org_id, RegisterFilter(review_due=True)) == ["QT-31", "QT-32", "QT-34"]
    doc_id = document_id_by_code(c.org_id, "QT-31")
    documents.confirm_review(c.actor("hangnt"), doc_id, "Vẫn phù hợp với quy định hiện hành")
    assert "QT-31" not in {d.code for d in due_for_review(c.org_id, today())}
    frame, _ = search_register(c.org_id, RegisterFilter(search="QT-31"), today())
    assert frame["next_review_date"][0] == date(2024, 3, 1)
    clock.advance(days=1)  # 2023-04-01 is now exactly 30 days ahead
    assert {d.code for d in due_for_review(c.org_id, today())} == {"QT-32", "QT-33", "QT-34"}


def test_the_excel_export_neutralises_formulas(db):
    c = commune()
    data = _xlsx([HEADERS_VI, ["QT-41", '=HYPERLINK("http://x.vn","Bấm vào")', "Quy trình",
                               "@SUM(A1)", 1, "01/06/2023"]])
    assert import_register(c.system, data, _sha(data)) == 1
    frame = labelled(register_rows(c.org_id, RegisterFilter(), DAY))
    sheet = load_workbook(io.BytesIO(frame_to_xlsx(frame, "Danh mục"))).active
    values = [cell.value for cell in sheet[2]]
    assert values[:2] == ["QT-41", '\'=HYPERLINK("http://x.vn","Bấm vào")']
    assert values[3] == "'@SUM(A1)"
    assert sheet[1][0].value == "Mã tài liệu"


def _xlsx(rows: list) -> bytes:
    """A workbook whose cells are all plain values (text starting with "=" stays text)."""
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    for line in book.active.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_the_excel_import_previews_per_row_errors_and_imports_the_good_rows(db, tmp_path):
    c = commune()
    write_procedure(tmp_path, "QT-01")
    sync_procedures(c.system, tmp_path)
    data = _xlsx([
        ["Danh mục tài liệu nội bộ"], HEADERS_VI,
        ["QT-06", "Chứng thực bản sao từ bản chính", "Quy trình", "Tư pháp - Hộ tịch", 2,
         date(2023, 6, 1)],
        ["QT 7", "Chứng thực chữ ký", "Quy trình", "", 1, "01/06/2023"],
        ["QT-08", "Đăng ký khai sinh", "Quy trình", "", 1, "31/02/2023"],
        ["QT-06", "Trùng mã", "Quy trình", "", 1, "01/06/2023"],
        ["QT-01", "Đã có", "Quy trình hệ thống", "", 1, "15/02/2023"],
        ["CS-01", "Chính sách chất lượng", "Chính sách", "", 1, "15/02/2023"],
    ])
    with pytest.raises(ValidationFailed, match="thiếu cột bắt buộc"):
        preview_register(c.system, data)  # the title line above the header is not a header
    data = _xlsx([HEADERS_VI] + [r for r in load_workbook(io.BytesIO(data)).active.iter_rows(
        min_row=3, values_only=True)])
    preview = preview_register(c.system, data)
    assert [(r.row, r.error) for r in preview.bad] == [
        (3, 'Mã tài liệu "QT 7" không đúng dạng (ví dụ: QT-01, CS-01).'),
        (4, 'Ngày hiệu lực "31/02/2023" không hợp lệ (dạng 15/02/2023).'),
        (5, "Mã QT-06 bị lặp lại trong tệp."),
        (6, "Mã QT-01 đã có trong danh mục."),
    ]
    assert [(r.row, r.code, r.issue) for r in preview.good] == [(2, "QT-06", 2), (7, "CS-01", 1)]
    assert import_register(c.system, data, preview.sha256) == 2
    frame, total = search_register(c.org_id, RegisterFilter(), DAY)
    assert total == 3
    row = frame[frame["code"] == "QT-06"].iloc[0]
    assert (row["issue"], row["effective_date"], row["status"]) == (2, date(2023, 6, 1),
                                                                    "active")
    assert not preview_register(c.system, data).good


def test_the_import_refuses_a_file_changed_since_the_preview_and_non_excel_files(db):
    c = commune()
    data = _xlsx([HEADERS_VI, ["QT-06", "Chứng thực", "Quy trình", "", 1, "01/06/2023"]])
    with pytest.raises(Conflict, match="thay đổi sau khi xem trước"):
        import_register(c.system, data, "0" * 64)
    with pytest.raises(ValidationFailed, match="Chỉ nhận tệp Excel"):
        preview_register(c.system, b"%PDF-1.4 not a register")


def test_a_zip_bomb_posing_as_a_register_is_refused_before_it_is_unpacked(db):
    c = commune()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(ValidationFailed, match="giải nén bất thường"):
        preview_register(c.system, buffer.getvalue())
