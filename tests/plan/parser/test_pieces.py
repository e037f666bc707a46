"""The small readers the plan parser is built from: marks, paragraphs, targets, citations, dates."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from qms.plan.parser.dates import find_window
from qms.plan.parser.lines import (
    classify_line,
    group_blocks,
    is_page_number,
    join_lines,
    source_lines,
)
from qms.plan.parser.references import DUTY_KEYWORDS, find_references, find_targets, is_duty
from qms.plan.parser.reporting import due_rule_in, period_kind
from qms.plan.parser.responsibilities import party_of


@pytest.mark.parametrize(("line", "key", "value", "body"), [
    (" I. MỤC ĐÍCH - YÊU CẦU", "roman", "I", "MỤC ĐÍCH - YÊU CẦU"),
    ("IV.Chế độ báo cáo", "roman", "IV", "Chế độ báo cáo"),
    ("1. Về công tác chỉ đạo", "number:1", "1", "Về công tác chỉ đạo"),
    ("1) Cải cách thể chế", "number:1", "1", "Cải cách thể chế"),
    ("1.1. Tiếp tục rà soát", "number:2", "1.1", "Tiếp tục rà soát"),
    ("2.3 Tiếp tục rà soát", "number:2", "2.3", "Tiếp tục rà soát"),
    ("đ) Công khai", "letter", "đ", "Công khai"),
    (" -  Chỉ đạo", "bullet:-", "-", "Chỉ đạo"),
    ("-Tiếp tục", "bullet:-", "-", "Tiếp tục"),
    ("– Kế toán", "bullet:-", "–", "Kế toán"),
    ("+ Báo cáo Quý I", "bullet:+", "+", "Báo cáo Quý I"),
    ("• Kiểm tra", "bullet:•", "•", "Kiểm tra"),
])
def test_numbering_marks_are_recognised_with_their_level(line, key, value, body):
    classified = classify_line(1, line)
    assert classified.marker is not None
    assert (classified.marker.key, classified.marker.value, classified.body) == (key, value, body)


@pytest.mark.parametrize("line", [
    "2023; Quyết định số 3396/QĐ-UBND", "10/3/2023 đến ngày 09/6/2023.", "107/2021/NĐ-CP của",
    "2.000 người dân", "1. lượt truy cập", "CP và Nghị định số 106/2020/NĐ-CP",
])
def test_wrapped_lines_starting_with_numbers_carry_no_mark(line):
    assert classify_line(1, line).marker is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2", True), ("- 3 -", True), ("Trang 4", True), ("4/12", True), ("2023", False),
    ("- Tiếp tục", False),
])
def test_page_numbers_are_told_from_text(text, expected):
    assert is_page_number(text) is expected


def test_source_lines_drop_bom_zero_width_and_soft_hyphens_and_compose_nfd():
    text = "\ufeffI. M\u00adỤC\u200b ĐÍCH\r\n" + unicodedata.normalize("NFD", "- Tiếp tục")
    lines = source_lines(text)
    assert [line.text for line in lines] == ["I. MỤC ĐÍCH", "- Tiếp tục"]
    assert lines[1].body == "Tiếp tục"


def test_wrapped_lines_are_rejoined_with_single_spaces_and_tight_hyphens():
    assert join_lines(["Nghị định số 62/2020/NĐ-", "CP và  ", "  số 106"]) == (
        "Nghị định số 62/2020/NĐ-CP và số 106")
    assert join_lines(["MỤC ĐÍCH -", "YÊU CẦU"]) == "MỤC ĐÍCH - YÊU CẦU"


def blocks(*lines: str) -> list[str]:
    classified = [classify_line(i, line) for i, line in enumerate(lines, 1)]
    return [b.full_text for b in group_blocks(classified, 80)]


def test_a_blank_line_inside_a_sentence_does_not_split_the_paragraph():
    assert blocks("- Tiếp tục thực hiện có hiệu quả các văn bản chỉ đạo của Trung ương, của",
                  "", "tỉnh, của Huyện.") == [
        "- Tiếp tục thực hiện có hiệu quả các văn bản chỉ đạo của Trung ương, của tỉnh, của "
        "Huyện."]


def test_a_capital_after_a_blank_line_and_a_full_stop_starts_a_paragraph():
    assert len(blocks("1. Văn phòng có trách nhiệm tổng hợp.", "", "Chủ động chuẩn bị.")) == 2
    assert len(blocks("- Theo Nghị định số 62/2020/NĐ-", "", "CP của Chính phủ.")) == 1


def test_a_short_heading_line_ends_its_paragraph():
    assert blocks("2) Cải cách tài chính công", "Giải ngân vốn đầu tư công đạt 95%.") == [
        "2) Cải cách tài chính công", "Giải ngân vốn đầu tư công đạt 95%."]


def test_a_dash_that_continues_a_full_unfinished_line_is_no_bullet():
    full = "2. Chủ trì phối hợp với công chức Địa chính – Xây dựng và công chức Tài chính"
    assert blocks(full, "– Kế toán rà soát tài sản công.") == [
        f"{full} – Kế toán rà soát tài sản công."]
    assert len(blocks("3. Công chức Văn hóa có trách nhiệm phối hợp với công chức Văn hóa",
                      "- xã hội thực hiện.")) == 1


def test_a_dash_after_a_heading_or_a_finished_sentence_is_a_bullet():
    assert len(blocks("1. Về công tác chỉ đạo, điều hành", "– Chỉ đạo, đôn đốc.")) == 2
    assert len(blocks("- Thực hiện đúng, đầy đủ, hiệu quả các nội dung của Kế hoạch năm.",
                      "- Tiếp tục lấy cải cách hành chính làm tiêu chí.")) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("công khai đúng quy định 100% các TTHC", [("=", 100.0, None, "100%")]),
    ("Phấn đấu từ 98%-100% số hồ sơ", [("range", 98.0, 100.0, "98%-100%")]),
    ("đạt từ 95% đến 100% kế hoạch", [("range", 95.0, 100.0, "95% đến 100%")]),
    ("đạt 98 - 100%", [("range", 98.0, 100.0, "98 - 100%")]),
    ("vốn đầu tư đạt trên 90% kế hoạch", [(">", 90.0, None, "trên 90%")]),
    ("không dưới 95,5% hồ sơ", [(">=", 95.5, None, "không dưới 95,5%")]),
    ("đạt 80% trở lên", [(">=", 80.0, None, "80% trở lên")]),
    ("trễ hạn không vượt quá 2%", [("<=", 2.0, None, "không vượt quá 2%")]),
    ("tỷ lệ sai sót dưới 5%", [("<", 5.0, None, "dưới 5%")]),
    ("≥ 70% hồ sơ", [(">=", 70.0, None, "≥ 70%")]),
    ("giai đoạn 2022-2030 và Chỉ số PAR INDEX", []),
])
def test_percent_targets_are_read_with_their_comparator(text, expected):
    found = [(t.comparator, t.value, t.upper, t.text) for t in find_targets(text)]
    assert found == expected
    assert all(t.unit == "%" for t in find_targets(text))


def test_citations_of_every_kind_are_read_with_number_date_and_issuer():
    text = ("theo Luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015; Thông tư 01/2023/TT-BNV; "
            "Chỉ thị số 23/CT-TTg ngày 9-9-2022 của Thủ tướng Chính phủ về tăng cường; "
            "Nghị quyết số 76/NQ-CP; Nghị định số 130/2005/NĐ-CP, ngày 17/10/2005")
    found = [(r.kind, r.number, r.date, r.issuer) for r in find_references(text)]
    assert found == [
        ("Luật", "80/2015/QH13", date(2015, 6, 22), None),
        ("Thông tư", "01/2023/TT-BNV", None, None),
        ("Chỉ thị", "23/CT-TTg", date(2022, 9, 9), "Thủ tướng Chính phủ"),
        ("Nghị quyết", "76/NQ-CP", None, None),
        ("Nghị định", "130/2005/NĐ-CP", date(2005, 10, 17), None),
    ]


def test_a_plan_named_without_a_number_is_no_citation_and_repeats_count_once():
    assert find_references("Xây dựng Kế hoạch Kiểm soát TTHC năm 2023") == ()
    twice = find_references("Nghị định số 130/2005/NĐ-CP; điều Nghị định số 130/2005/NĐ-CP")
    assert len(twice) == 1


def test_an_impossible_date_in_a_citation_is_left_empty():
    assert find_references("Quyết định số 12/QĐ-UBND ngày 31/02/2023")[0].date is None


@pytest.mark.parametrize("text", [
    "Định kỳ TỰ KIỂM TRA việc thi hành pháp luật", "Thực hiện tự chấm điểm CCHC",
    "thường xuyên giám sát việc duy trì ISO", "Rà soát, đơn giản hóa TTHC",
    "theo dõi, đánh giá việc thực hiện", "tự đánh giá kết quả",
    unicodedata.normalize("NFD", "Kiểm tra việc ban hành quy chế chi tiêu nội bộ"),
])
def test_self_inspection_wording_makes_a_duty(text):
    assert is_duty(text)


@pytest.mark.parametrize("text", [
    "Chỉ đạo, đôn đốc việc thực hiện", "Xây dựng Kế hoạch Kiểm soát TTHC",
    "Đổi mới việc đánh giá, xếp loại cán bộ", "Duy trì hệ thống quản lý chất lượng",
])
def test_ordinary_wording_makes_no_duty(text):
    assert not is_duty(text)


def test_the_duty_keywords_are_the_documented_ones():
    assert {"tự kiểm tra", "tự chấm điểm", "kiểm tra", "giám sát", "rà soát", "tự đánh giá",
            "theo dõi, đánh giá"} == set(DUTY_KEYWORDS)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("tính từ ngày 10/12/2022 đến ngày 09/3/2023.", date(2022, 12, 10), date(2023, 3, 9)),
    ("từ ngày 10/3 đến ngày 09/6/2023", date(2023, 3, 10), date(2023, 6, 9)),
    ("từ 15/12 đến 14/3/2024", date(2023, 12, 15), date(2024, 3, 14)),
    ("từ ngày 15 tháng 12 năm 2022 đến hết ngày 14 tháng 3 năm 2023",
     date(2022, 12, 15), date(2023, 3, 14)),
    ("số liệu 10/12/2022 - 09/12/2023", date(2022, 12, 10), date(2023, 12, 9)),
])
def test_cut_off_windows_are_read_in_the_ways_plans_write_them(text, start, end):
    window = find_window(text)
    assert window is not None
    assert window[:2] == (start, end)


def test_a_window_that_ends_before_it_starts_is_refused():
    assert find_window("từ ngày 10/6/2023 đến ngày 09/3/2023") is None


@pytest.mark.parametrize(("name", "kind"), [
    ("Quý I/2023", "quarter_1"), ("Quý II", "quarter_2"), ("Quý III/2023", "quarter_3"),
    ("quý IV", "quarter_4"), ("6 tháng đầu năm 2023", "six_months"), ("06 tháng", "six_months"),
    ("9 tháng", "nine_months"), ("Tổng hợp năm 2023", "year"), ("hằng năm", "year"),
    ("đột xuất", "other"),
])
def test_period_names_map_to_a_kind(name, kind):
    assert period_kind(name) == kind


def test_the_due_rule_is_taken_as_written():
    text = "Thực hiện báo cáo CCHC hàng quý, 06 tháng, năm: trước ngày 10 của tháng cuối kỳ."
    assert due_rule_in(text) == "trước ngày 10 của tháng cuối kỳ"
    assert due_rule_in("Báo cáo theo yêu cầu.") is None


@pytest.mark.parametrize(("text", "party"), [
    ("Văn phòng UBND xã là cơ quan thường trực", "Văn phòng UBND xã"),
    ("Công chức Tài chính – Kế toán có trách nhiệm tham mưu", "Công chức Tài chính – Kế toán"),
    ("Ban biên tập Trang thông tin điện tử xã, Đài truyền thanh: Chủ động",
     "Ban biên tập Trang thông tin điện tử xã, Đài truyền thanh"),
    ("Đề nghị các đồng chí cán bộ công chức và nhân dân trên địa bàn toàn xã cùng với các "
     "đoàn thể chính trị xã hội tích cực tham gia", None),
])
def test_the_party_is_what_precedes_its_duty(text, party):
    assert party_of(text) == party
