"""The TCVN ISO 9001:2015 clause library and the audit question bank shipped as data."""

from __future__ import annotations

import pytest

from qms.audits.clauses import ClauseDataError, leaf_clauses, load_clauses, load_question_bank
from qms.core.data_files import read_packaged

UNITS = {
    "Văn phòng - Thống kê",
    "Tư pháp - Hộ tịch",
    "Tài chính - Kế toán",
    "Văn hóa - Xã hội",
    "Địa chính - Xây dựng",
    "Bộ phận Một cửa",
}
# Design and development does not apply to a commune office: one question at 8.3 checks that
# the exclusion is justified instead of one question per sub-clause.
EXCLUDED = "8.3"
REQUIRED_CODES = (
    "4", "4.1", "4.2", "4.3", "4.4", "4.4.1", "4.4.2", "5", "5.1", "5.1.1", "5.1.2", "5.2",
    "5.2.1", "5.2.2", "5.3", "6", "6.1", "6.1.1", "6.1.2", "6.2", "6.2.1", "6.2.2", "6.3", "7",
    "7.1", "7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5", "7.1.6", "7.2", "7.3", "7.4", "7.5",
    "7.5.1", "7.5.2", "7.5.3", "8", "8.1", "8.2", "8.2.1", "8.2.2", "8.2.3", "8.2.4", "8.3",
    "8.3.1", "8.3.2", "8.3.3", "8.3.4", "8.3.5", "8.3.6", "8.4", "8.4.1", "8.4.2", "8.4.3", "8.5",
    "8.5.1", "8.5.2", "8.5.3", "8.5.4", "8.5.5", "8.5.6", "8.6", "8.7", "8.7.1", "8.7.2", "9",
    "9.1", "9.1.1", "9.1.2", "9.1.3", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3",
    "10", "10.1", "10.2", "10.2.1", "10.2.2", "10.3"
)


@pytest.fixture(scope="module")
def clauses():
    return load_clauses(read_packaged("iso_clauses.csv"))


@pytest.fixture(scope="module")
def bank(clauses):
    return load_question_bank(read_packaged("question_bank.csv"), clauses)


def test_every_clause_parent_exists_in_the_library(clauses):
    codes = {clause.code for clause in clauses}
    assert all(clause.parent in codes for clause in clauses if clause.parent is not None)


def test_all_top_level_clauses_four_to_ten_are_present_with_their_titles(clauses):
    top = {clause.code: clause.title for clause in clauses if clause.parent is None}
    assert top == {
        "4": "Bối cảnh của tổ chức",
        "5": "Sự lãnh đạo",
        "6": "Hoạch định",
        "7": "Hỗ trợ",
        "8": "Thực hiện",
        "9": "Đánh giá kết quả thực hiện",
        "10": "Cải tiến",
    }


def test_the_library_lists_exactly_the_clauses_of_the_standard(clauses):
    assert tuple(clause.code for clause in clauses) == REQUIRED_CODES
    by_code = {clause.code: clause.title for clause in clauses}
    assert by_code["7.5.3"] == "Kiểm soát thông tin dạng văn bản"
    assert by_code["8.7"] == "Kiểm soát đầu ra không phù hợp"


def test_the_bank_has_at_least_eighty_questions_with_unique_codes(bank):
    assert len(bank) >= 80
    assert len({question.code for question in bank}) == len(bank)


def test_the_bank_covers_every_leaf_subclause(clauses, bank):
    asked = {question.clause for question in bank}
    leaves = {
        clause.code for clause in leaf_clauses(clauses) if clause.parent != EXCLUDED
    }
    assert leaves - asked == set()


def test_one_question_checks_that_excluding_design_and_development_is_justified(bank):
    exclusion = [question for question in bank if question.clause == EXCLUDED]
    assert len(exclusion) == 1
    assert "không áp dụng" in exclusion[0].question


def test_every_question_names_evidence_and_a_known_scope(bank):
    for question in bank:
        assert len(question.evidence) >= 20, question.code
        assert question.applies_to == "all" or question.applies_to in UNITS, question.code


def test_a_unit_checklist_gets_common_questions_and_its_own(bank):
    for_office = [question for question in bank if question.applies("Bộ phận Một cửa")]
    assert any(question.applies_to == "all" for question in for_office)
    assert any(question.applies_to == "Bộ phận Một cửa" for question in for_office)
    assert not any(question.applies_to == "Tài chính - Kế toán" for question in for_office)


def test_an_unknown_clause_in_the_bank_is_rejected_with_a_message(clauses):
    text = "code,clause,question,evidence,applies_to\nQ-8.9-01,8.9,Câu hỏi?,Sổ theo dõi,all\n"
    with pytest.raises(ClauseDataError, match="'8.9' không có trong danh mục điều khoản"):
        load_question_bank(text, clauses)


def test_a_question_code_that_names_another_clause_is_rejected(clauses):
    text = "code,clause,question,evidence,applies_to\nQ-7.5-01,7.4,Câu hỏi?,Sổ,all\n"
    with pytest.raises(ClauseDataError, match="không khớp"):
        load_question_bank(text, clauses)


def test_a_duplicate_question_code_is_rejected(clauses):
    row = "Q-7.4-01,7.4,Câu hỏi?,Sổ,all\n"
    text = "code,clause,question,evidence,applies_to\n" + row + row
    with pytest.raises(ClauseDataError, match="Dòng 3: mã câu hỏi 'Q-7.4-01' bị lặp lại"):
        load_question_bank(text, clauses)


def test_a_question_without_evidence_is_rejected(clauses):
    text = "code,clause,question,evidence,applies_to\nQ-7.4-01,7.4,Câu hỏi?,,all\n"
    with pytest.raises(ClauseDataError, match="thiếu bằng chứng"):
        load_question_bank(text, clauses)


def test_a_clause_listed_before_its_parent_is_rejected():
    text = "code,title,parent\n4.1,Hiểu tổ chức,4\n4,Bối cảnh,\n"
    with pytest.raises(ClauseDataError, match="chưa được khai báo"):
        load_clauses(text)


def test_a_clause_whose_parent_is_not_its_prefix_is_rejected():
    text = "code,title,parent\n4,Bối cảnh,\n5,Lãnh đạo,\n5.1,Cam kết,4\n"
    with pytest.raises(ClauseDataError, match="phải là '5'"):
        load_clauses(text)


def test_a_file_with_the_wrong_header_is_rejected():
    with pytest.raises(ClauseDataError, match="Dòng tiêu đề"):
        load_clauses("ma,ten,cha\n4,Bối cảnh,\n")


def test_reading_packaged_data_refuses_paths_outside_the_data_folder():
    with pytest.raises(ValueError):
        read_packaged("../domain/text.py")
