"""Another clerk, another year: a plan laid out differently from the seed is read the same way."""

from __future__ import annotations

from datetime import date

import pytest

from qms.plan.parser.draft import PlanDraft, looks_like_plan
from qms.plan.parser.parse import parse_plan

OTHER_PLAN = """\
ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH                          Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND                      An Bình, ngày 05 tháng 01 năm 2024

KẾ HOẠCH
Cải cách hành chính năm 2024

Căn cứ Quyết định số 1020/QĐ-UBND ngày 20/12/2023 của UBND huyện về giao chỉ tiêu;
Căn cứ Chỉ thị số 05/CT-UBND ngày 02 tháng 01 năm 2024 của Chủ tịch UBND tỉnh, Ủy ban
nhân dân xã ban hành Kế hoạch như sau:

I. Mục đích, yêu cầu
- Nâng cao chất lượng phục vụ người dân.
- Bảo đảm các nhiệm vụ có sản phẩm cụ thể.
II. NHIỆM VỤ TRỌNG TÂM
1) Cải cách thủ tục hành chính
a) Công khai 100% thủ tục hành chính trên Cổng dịch vụ công; tỷ lệ hồ sơ trực tuyến
toàn trình đạt ít nhất 50%.
b) Tỷ lệ hồ sơ trễ hạn không quá 2%.
  + Báo cáo nguyên nhân từng hồ sơ trễ hạn;
  + Gửi thư xin lỗi theo mẫu.
c) Định kỳ hằng quý tự đánh giá việc giải quyết hồ sơ theo Thông tư số
01/2023/TT-VPCP ngày 05/4/2023.
2) Cải cách tài chính công
Giải ngân vốn đầu tư công đạt từ 95% đến 100% kế hoạch.

Kiểm tra việc thực hiện quy chế chi tiêu nội bộ theo Nghị quyết số 76/NQ-CP.
III. KINH PHÍ THỰC HIỆN
Từ ngân sách xã năm 2024.
IV. CHẾ ĐỘ BÁO CÁO
Các bộ phận gửi báo cáo chậm nhất ngày 12 của tháng cuối quý.
- Quý I: từ ngày 15/12/2023 đến ngày 14/3/2024.
- 6 tháng: từ ngày 15/12 đến ngày 14/6/2024.
- Quý III: từ 15 tháng 6 năm 2024 đến 14 tháng 9 năm 2024.
- Năm: từ ngày 15/12/2023 đến ngày 14/12/2024, gửi trước ngày 16/12/2024.
- Báo cáo đột xuất: theo yêu cầu của cấp trên.
V. TỔ CHỨC THỰC HIỆN
Công chức Văn phòng - Thống kê chủ trì theo dõi việc thực hiện kế hoạch, thực hiện cơ
chế một cửa và giải quyết thủ tục hành chính.

Công chức Tài chính - Kế toán chịu trách nhiệm về cải cách tài chính công; chuẩn bị tài
liệu kiểm chứng gửi Văn phòng.
Trên đây là Kế hoạch cải cách hành chính năm 2024 của UBND xã An Bình.
Nơi nhận:                                  KT. CHỦ TỊCH
- UBND huyện;                              PHÓ CHỦ TỊCH
- Các bộ phận chuyên môn thuộc
UBND xã;
- Lưu: VT.                                 (Đã ký)

                                            Trần Thị Hoa
"""


@pytest.fixture(scope="module")
def draft() -> PlanDraft:
    return parse_plan(OTHER_PLAN)


def test_the_header_gives_issuer_title_and_year(draft):
    assert draft.issuer == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert draft.title == "Cải cách hành chính năm 2024"
    assert draft.year == 2024


def test_basis_lines_starting_with_can_cu_are_read(draft):
    assert [(b.kind, b.number, b.date, b.issuer) for b in draft.basis] == [
        ("Quyết định", "1020/QĐ-UBND", date(2023, 12, 20), "UBND huyện"),
        ("Chỉ thị", "05/CT-UBND", date(2024, 1, 2), "Chủ tịch UBND tỉnh"),
    ]


def test_areas_numbered_with_parentheses_and_lettered_tasks_are_read(draft):
    assert looks_like_plan(draft)
    assert [(a.number, a.title, len(a.tasks)) for a in draft.areas] == [
        (1, "Cải cách thủ tục hành chính", 3), (2, "Cải cách tài chính công", 2)]


def test_sub_bullets_stay_in_the_task_they_detail(draft):
    late = draft.areas[0].tasks[1]
    assert late.text == ("Tỷ lệ hồ sơ trễ hạn không quá 2%. + Báo cáo nguyên nhân từng hồ sơ "
                         "trễ hạn; + Gửi thư xin lỗi theo mẫu.")
    assert [(t.comparator, t.value) for t in late.targets] == [("<=", 2.0)]


def test_targets_with_words_for_comparators_are_read(draft):
    first = draft.areas[0].tasks[0]
    assert [(t.comparator, t.value, t.text) for t in first.targets] == [
        ("=", 100.0, "100%"), (">=", 50.0, "ít nhất 50%")]
    spending = draft.areas[1].tasks[0]
    assert [(t.comparator, t.value, t.upper) for t in spending.targets] == [("range", 95, 100)]


def test_unmarked_paragraphs_are_tasks_when_an_area_has_no_marks(draft):
    tasks = draft.areas[1].tasks
    assert tasks[1].text.startswith("Kiểm tra việc thực hiện quy chế chi tiêu nội bộ")
    assert tasks[1].is_duty and not tasks[0].is_duty
    assert tasks[1].references[0].kind == "Nghị quyết"


def test_a_reference_wrapped_after_so_keeps_its_number_and_date(draft):
    reference = draft.areas[0].tasks[2].references[0]
    assert (reference.kind, reference.number, reference.date) == (
        "Thông tư", "01/2023/TT-VPCP", date(2023, 4, 5))


def test_periods_without_a_start_year_and_with_their_own_rule_are_read(draft):
    periods = [(p.name, p.kind, p.start, p.end, p.due_rule) for p in draft.reporting_periods]
    general = "chậm nhất ngày 12 của tháng cuối quý"
    assert periods == [
        ("Quý I", "quarter_1", date(2023, 12, 15), date(2024, 3, 14), general),
        ("6 tháng", "six_months", date(2023, 12, 15), date(2024, 6, 14), general),
        ("Quý III", "quarter_3", date(2024, 6, 15), date(2024, 9, 14), general),
        ("Năm", "year", date(2023, 12, 15), date(2024, 12, 14), "trước ngày 16/12/2024"),
    ]


def test_other_sections_and_unmatched_paragraphs_are_kept_as_notes(draft):
    notes = {(n.section, n.text) for n in draft.notes}
    assert ("III", "Từ ngân sách xã năm 2024.") in notes
    assert ("IV", "Báo cáo đột xuất: theo yêu cầu của cấp trên.") in notes


def test_unnumbered_responsibility_paragraphs_are_read(draft):
    found = [(r.party, r.areas, r.evidence_duty) for r in draft.responsibilities]
    assert found == [("Công chức Văn phòng - Thống kê", (1,), False),
                     ("Công chức Tài chính - Kế toán", (2,), True)]


def test_a_two_column_signature_block_is_split(draft):
    assert draft.recipients == ("UBND huyện", "Các bộ phận chuyên môn thuộc UBND xã", "Lưu: VT")
    assert draft.signer is not None
    assert (draft.signer.authority, draft.signer.title, draft.signer.name) == (
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Hoa")
    assert draft.closing == "Trên đây là Kế hoạch cải cách hành chính năm 2024 của UBND xã An Bình."
    assert draft.warnings == ()


TERSE_PLAN = """\
UBND XÃ HÒA LẠC
KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025
Thực hiện Kế hoạch số 50/KH-UBND ngày 10/01/2025 của UBND huyện.
MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ.
NHIỆM VỤ TRỌNG TÂM
1. Cải cách thể chế
• Rà soát văn bản quy phạm pháp luật.
2. Cải cách công vụ
• Thực hiện đánh giá cán bộ.
CHỦ TỊCH

Lê Văn Nam
"""


def test_a_terse_plan_with_unnumbered_capital_headings_is_read():
    draft = parse_plan(TERSE_PLAN)
    assert (draft.issuer, draft.title, draft.year) == (
        "UBND XÃ HÒA LẠC", "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025", 2025)
    assert [b.number for b in draft.basis] == ["50/KH-UBND"]
    assert [(p.kind, p.text) for p in draft.purposes] == [
        ("purpose", "Nâng cao chất lượng phục vụ.")]
    assert [(a.title, [t.text for t in a.tasks]) for a in draft.areas] == [
        ("Cải cách thể chế", ["Rà soát văn bản quy phạm pháp luật."]),
        ("Cải cách công vụ", ["Thực hiện đánh giá cán bộ."]),
    ]
    assert draft.signer is not None
    assert (draft.signer.authority, draft.signer.title, draft.signer.name) == (
        None, "CHỦ TỊCH", "Lê Văn Nam")
    assert [w.message for w in draft.warnings] == []
