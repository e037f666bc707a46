"""The controlled documents under procedures/ and the front-matter reader that loads them."""

from __future__ import annotations

import copy
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from qms.audits.clauses import load_clauses
from qms.core.data_files import read_packaged
from qms.documents.procedure_md import (
    DocumentType,
    ProcedureFormatError,
    parse_procedure,
    parse_steps,
)

PROCEDURES = Path(__file__).resolve().parents[2] / "procedures"

# Dash-bullet tasks per area in section II of the seed plan
# (shared/seeds/ke-hoach-cchc-nam-trung-2023.txt), counted by hand.
SEED_PLAN_TASK_COUNTS = {1: 8, 2: 5, 3: 7, 4: 2, 5: 4, 6: 4, 7: 4}
SEED_PLAN_TASKS = frozenset(
    f"{area}.{ordinal}"
    for area, count in SEED_PLAN_TASK_COUNTS.items()
    for ordinal in range(1, count + 1)
)

VALID_META: dict[str, Any] = {
    "code": "QT-99",
    "title": "Quy trình thử",
    "type": "process",
    "owner_unit": "Tư pháp - Hộ tịch",
    "issue": 2,
    "effective_date": "2023-03-15",
    "drafter": {"name": "Nguyễn Thị Hằng", "title": "Thư ký ISO"},
    "reviewer": {"name": "Trần Văn Hùng", "title": "Phó Chủ tịch UBND xã"},
    "approver": {"name": "Nguyễn Văn Bền", "title": "Chủ tịch UBND xã"},
    "iso_clauses": ["8.5.1"],
    "legal_bases": ["Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"],
    "plan_tasks": ["3.6"],
}

VALID_BODY = """# Quy trình thử

| TT | Hồ sơ | Thời gian lưu |
|---|---|---|
| 1 | Sổ | Vĩnh viễn |

| Bước | Trách nhiệm | Nội dung công việc | Thời gian | Biểu mẫu/Kết quả |
|---|---|---|---|---|
| 1 | Công chức TP-HT | Tiếp nhận hồ sơ | 15 phút | Giấy tiếp nhận |
| 2 | Công chức TP-HT | Ghi sổ a \\| b<br>dòng hai | 10 phút | Sổ |

Đoạn sau bảng.
"""


def _document(meta: dict[str, Any], body: str = VALID_BODY) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}"


def _with(**changes: Any) -> str:
    meta = copy.deepcopy(VALID_META)
    for key, value in changes.items():
        if value is None:
            meta.pop(key)
        else:
            meta[key] = value
    return _document(meta)


def _reason(text: str) -> ProcedureFormatError:
    with pytest.raises(ProcedureFormatError) as caught:
        parse_procedure(text, source="qt-99-thu.md")
    assert caught.value.source == "qt-99-thu.md"
    assert "qt-99-thu.md" in str(caught.value)
    return caught.value


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    known = {clause.code for clause in load_clauses(read_packaged("iso_clauses.csv"))}
    docs = {}
    for path in sorted(PROCEDURES.glob("*.md")):
        docs[path.name] = parse_procedure(
            path.read_text(encoding="utf-8"),
            source=path.name,
            known_clauses=known,
            known_plan_tasks=SEED_PLAN_TASKS,
        )
    return docs


# --- the shipped documents -------------------------------------------------------------


def test_every_shipped_document_parses_and_has_a_unique_code(shipped):
    assert len(shipped) >= 12
    codes = [doc.code for doc in shipped.values()]
    assert len(codes) == len(set(codes))


def test_each_file_name_starts_with_its_document_code_in_lower_case(shipped):
    for name, doc in shipped.items():
        assert name.startswith(doc.code.lower() + "-"), name


def test_every_plan_task_reference_points_at_a_task_of_the_seed_plan(shipped):
    referenced = {task for doc in shipped.values() for task in doc.plan_tasks}
    assert referenced, "no document serves any plan task"
    assert referenced <= SEED_PLAN_TASKS


def test_every_process_document_has_at_least_four_steps_and_a_legal_basis(shipped):
    for name, doc in shipped.items():
        if doc.type is DocumentType.PROCESS:
            assert len(doc.steps) >= 4, name
            assert doc.legal_bases, name
            assert all(step.responsible and step.description for step in doc.steps), name


def test_at_least_six_administrative_procedure_processes_are_shipped(shipped):
    processes = [doc for doc in shipped.values() if doc.type is DocumentType.PROCESS]
    assert len(processes) >= 6


def test_the_five_system_procedures_cover_their_iso_clauses(shipped):
    by_code = {doc.code: doc for doc in shipped.values()}
    expected = {"QT-01": "7.5", "QT-02": "9.2", "QT-03": "10.2", "QT-04": "9.3", "QT-05": "6.1"}
    for code, clause in expected.items():
        assert by_code[code].type is DocumentType.SYSTEM
        assert clause in by_code[code].iso_clauses


def test_the_policy_document_has_objectives_with_targets_tied_to_the_plan(shipped):
    policies = [doc for doc in shipped.values() if doc.type is DocumentType.POLICY]
    assert len(policies) == 1
    policy = policies[0]
    assert len(policy.objectives) >= 5
    assert all(objective.target > 0 for objective in policy.objectives)
    targets = {objective.target for objective in policy.objectives if objective.unit == "%"}
    assert {100.0, 98.0, 90.0} <= targets
    assert {"3.5", "3.6", "6.1"} <= set(policy.plan_tasks)


def test_documents_are_signed_off_by_the_same_three_people_within_2023(shipped):
    signers = {(doc.drafter, doc.reviewer, doc.approver) for doc in shipped.values()}
    assert len(signers) == 1
    assert all(doc.effective_date.year == 2023 for doc in shipped.values())


def test_shipped_files_are_stored_in_nfc():
    for path in PROCEDURES.glob("*.md"):
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")), path.name


# --- the reader ------------------------------------------------------------------------


def test_a_valid_document_is_read_into_typed_fields():
    doc = parse_procedure(_with(), source="qt-99-thu.md")
    assert doc.code == "QT-99"
    assert doc.type is DocumentType.PROCESS
    assert doc.effective_date == date(2023, 3, 15)
    assert doc.issue == 2
    assert doc.review_interval_months == 12
    assert doc.approver.title == "Chủ tịch UBND xã"
    assert doc.iso_clauses == ("8.5.1",)
    assert doc.body.startswith("# Quy trình thử")


def test_steps_come_from_the_first_table_whose_header_starts_with_buoc():
    doc = parse_procedure(_with())
    assert [step.number for step in doc.steps] == [1, 2]
    assert doc.steps[0].responsible == "Công chức TP-HT"
    assert doc.steps[1].description == "Ghi sổ a | b\ndòng hai"
    assert doc.steps[1].output == "Sổ"


def test_a_body_without_a_step_table_has_no_steps():
    assert parse_steps("# Không có bảng\n\nChỉ có văn bản.\n") == ()


def test_step_numbers_that_do_not_increase_are_rejected():
    body = (
        "| Bước | A | B | C | D |\n|---|---|---|---|---|\n"
        "| 2 | x | y | z | w |\n| 1 | x | y | z | w |\n"
    )
    with pytest.raises(ProcedureFormatError, match="tăng dần"):
        parse_steps(body, source="x.md")


def test_missing_code_names_the_key():
    assert "Thiếu khóa bắt buộc 'code'" in _reason(_with(code=None)).reason


@pytest.mark.parametrize("bad", ["15/03/2023", "2023-13-01"])
def test_a_bad_date_string_is_rejected(bad):
    assert "'effective_date' phải là ngày hợp lệ" in _reason(_with(effective_date=bad)).reason


def test_an_impossible_unquoted_yaml_date_is_rejected():
    text = _with().replace("effective_date: '2023-03-15'", "effective_date: 2023-02-30")
    assert "effective_date: 2023-02-30" in text
    assert "ngày tháng không hợp lệ" in _reason(text).reason


def test_an_unknown_document_type_is_rejected():
    assert "Loại tài liệu 'manual' không hợp lệ" in _reason(_with(type="manual")).reason


def test_clauses_given_as_a_single_string_instead_of_a_list_are_rejected():
    assert "'iso_clauses' phải là một danh sách" in _reason(_with(iso_clauses="7.5")).reason


def test_an_unquoted_numeric_clause_asks_for_quotes():
    assert "dấu nháy" in _reason(_with(iso_clauses=[7.5])).reason


def test_a_text_without_front_matter_is_rejected():
    assert "Không có khối thông tin đầu tài liệu" in _reason("# Chỉ có nội dung\n").reason


def test_an_unclosed_front_matter_is_rejected():
    assert "chưa được đóng" in _reason("---\ncode: QT-01\n# nội dung\n").reason


def test_a_yaml_syntax_error_is_reported_with_its_line():
    error = _reason("---\ncode: QT-01\ntitle: [chưa đóng\n---\nNội dung\n")
    assert "Lỗi cú pháp YAML" in error.reason
    assert "dòng" in error.reason


@pytest.mark.parametrize("code", ["qt-01", "QT01", "QT-1", "QUYTRINH-01"])
def test_a_code_outside_the_pattern_is_rejected(code):
    assert f"Mã tài liệu '{code}' không đúng dạng" in _reason(_with(code=code)).reason


def test_a_malformed_clause_is_rejected():
    assert "Mã điều khoản '11.1'" in _reason(_with(iso_clauses=["11.1"])).reason


def test_a_clause_missing_from_the_library_is_rejected_when_checked():
    text = _with(iso_clauses=["8.5.9"])
    parse_procedure(text)  # well-formed, so fine without a library
    with pytest.raises(ProcedureFormatError, match="không có trong danh mục"):
        parse_procedure(text, known_clauses={"8.5.1"})


@pytest.mark.parametrize("task", ["3", "3.6.1", "III.6", "0.1"])
def test_a_malformed_plan_task_reference_is_rejected(task):
    assert "nhiệm vụ" in _reason(_with(plan_tasks=[task])).reason


def test_a_plan_task_beyond_the_plan_is_rejected_when_checked():
    with pytest.raises(ProcedureFormatError, match="'4.3'"):
        parse_procedure(_with(plan_tasks=["4.3"]), known_plan_tasks=SEED_PLAN_TASKS)


def test_optional_keys_left_empty_take_their_defaults():
    text = _with().replace("plan_tasks:\n- '3.6'\n", "plan_tasks:\nreview_interval_months:\n")
    assert "review_interval_months:\n" in text
    doc = parse_procedure(text)
    assert doc.plan_tasks == ()
    assert doc.review_interval_months == 12


def test_an_unknown_key_is_rejected_so_typos_do_not_pass_silently():
    assert "iso_clause" in _reason(_with(iso_clause=["7.5"])).reason


def test_a_person_without_a_title_is_rejected():
    assert "'approver' phải gồm" in _reason(_with(approver={"name": "A"})).reason


def test_objectives_are_only_accepted_on_the_policy_document():
    objective = [{"text": "Đúng hạn", "target": 98, "unit": "%", "comparator": ">="}]
    assert "policy" in _reason(_with(objectives=objective)).reason
    doc = parse_procedure(_with(type="policy", objectives=objective))
    assert doc.objectives[0].target == 98.0


def test_an_objective_with_an_unknown_comparator_is_rejected():
    objective = [{"text": "Đúng hạn", "target": 98, "unit": "%", "comparator": "=>"}]
    assert "comparator" in _reason(_with(type="policy", objectives=objective)).reason


def test_nfd_input_comes_out_nfc():
    nfd = unicodedata.normalize("NFD", _with())
    assert nfd != _with()
    doc = parse_procedure(nfd)
    assert doc.title == "Quy trình thử"
    assert unicodedata.is_normalized("NFC", doc.body)
    assert doc.steps[0].responsible == "Công chức TP-HT"
    assert doc.content_hash == parse_procedure(_with()).content_hash


def test_content_hash_is_stable_and_changes_with_the_body():
    first = parse_procedure(_with()).content_hash
    assert first == parse_procedure(_with()).content_hash
    changed = parse_procedure(_with().replace("Đoạn sau bảng.", "Đoạn đã sửa."))
    assert changed.content_hash != first
