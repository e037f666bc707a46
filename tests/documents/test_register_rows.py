"""Reading rows of a commune's existing register (the Excel import), row by row."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from qms.core.errors import ValidationFailed
from qms.documents.procedure_md import DocumentType
from qms.documents.register_rows import HEADERS_VI, map_header, parse_row

POSITIONS = map_header(list(HEADERS_VI))
EXCEL_DAY = datetime.fromisoformat("2023-06-01T00:00")  # openpyxl reads dates as naive


def test_the_vietnamese_headers_are_recognised_with_or_without_accents():
    assert POSITIONS == {"code": 0, "title": 1, "type": 2, "owner_unit": 3, "issue": 4,
                         "effective_date": 5}
    folded = map_header(["MA TAI LIEU", "ten tai lieu", "Loại", "lần ban hành", "Ngày hiệu lực"])
    assert folded == {"code": 0, "title": 1, "type": 2, "issue": 3, "effective_date": 4}


def test_a_missing_required_column_is_named():
    with pytest.raises(ValidationFailed) as caught:
        map_header(["Mã tài liệu", "Tên tài liệu", "Loại"])
    assert caught.value.message() == "Tệp thiếu cột bắt buộc: Lần ban hành, Ngày hiệu lực."


def test_a_good_row_is_read_with_an_excel_date_or_a_vietnamese_date():
    row = parse_row(["qt-06", "Chứng thực bản sao từ bản chính", "Quy trình",
                     "Tư pháp - Hộ tịch", 2.0, EXCEL_DAY], POSITIONS)
    assert (row.code, row.type, row.issue, row.effective_date) == (
        "QT-06", DocumentType.PROCESS, 2, date(2023, 6, 1))
    row = parse_row(["CS-01", "Chính sách chất lượng", "Chính sách", "", "01", "15/02/2023"],
                    POSITIONS)
    assert (row.type, row.issue, row.effective_date) == (
        DocumentType.POLICY, 1, date(2023, 2, 15))


@pytest.mark.parametrize(("cells", "message"), [
    (["QT 1", "Tên", "Quy trình", "", 1, "15/02/2023"], "Mã tài liệu \"QT 1\" không đúng dạng"),
    (["QT-01", "", "Quy trình", "", 1, "15/02/2023"], "Thiếu tên tài liệu"),
    (["QT-01", "Tên", "Hướng dẫn", "", 1, "15/02/2023"], "Loại tài liệu \"Hướng dẫn\""),
    (["QT-01", "Tên", "Quy trình", "", "lần 1", "15/02/2023"], "Lần ban hành \"lần 1\""),
    (["QT-01", "Tên", "Quy trình", "", 0, "15/02/2023"], "Lần ban hành \"0\""),
    (["QT-01", "Tên", "Quy trình", "", 1, "31/02/2023"], "Ngày hiệu lực \"31/02/2023\""),
    (["QT-01", "Tên", "Quy trình", "", 1], "Ngày hiệu lực \"\""),
])
def test_a_bad_row_says_what_is_wrong_in_vietnamese(cells, message):
    with pytest.raises(ValidationFailed) as caught:
        parse_row(cells, POSITIONS)
    assert message in caught.value.message()
