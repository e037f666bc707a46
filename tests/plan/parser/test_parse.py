"""The parser on the seed plan (Nam Trung 2023): what an ISO officer must get after import."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from qms.core.config import ROOT
from qms.plan.parser.draft import PlanDraft, looks_like_plan
from qms.plan.parser.parse import parse_plan

SEED = ROOT / "qms" / "data" / "plans" / "ke-hoach-cchc-nam-trung-2023.txt"


@pytest.fixture(scope="module")
def draft() -> PlanDraft:
    return parse_plan(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan(draft: PlanDraft) -> dict[str, Any]:
    return draft.to_json_dict()


def task(plan: dict[str, Any], area: int, ordinal: int) -> dict[str, Any]:
    return plan["areas"][area - 1]["tasks"][ordinal - 1]


def test_the_seed_is_a_plan_of_2023_with_its_title(plan, draft):
    assert looks_like_plan(draft)
    assert plan["year"] == 2023
    assert plan["title"] == "Cải cách hành chính nhà nước xã Nam Trung năm 2023"
    assert plan["issuer"] == "Ủy ban nhân dân xã"


def test_the_seed_has_seven_areas_numbered_in_order(plan):
    assert [a["number"] for a in plan["areas"]] == [1, 2, 3, 4, 5, 6, 7]
    assert plan["areas"][0]["title"] == "Về công tác chỉ đạo, điều hành"
    assert plan["areas"][2]["title"] == "Cải cách thủ tục hành chính"
    assert plan["areas"][6]["title"] == (
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số")


def test_the_areas_hold_8_5_7_2_4_4_4_tasks(plan):
    assert [len(a["tasks"]) for a in plan["areas"]] == [8, 5, 7, 2, 4, 4, 4]


def test_a_task_split_by_a_blank_line_is_rejoined_with_single_spaces(plan):
    first = task(plan, 1, 1)
    assert first["line"] == 42
    assert first["text"] == (
        "Chỉ đạo, đôn đốc việc thực hiện công tác cải cách hành chính năm 2023 đúng tiến độ, "
        "đạt hiệu quả; hệ thống cơ quan hành chính nhà nước tinh gọn, thông suốt và hoạt động "
        "hiệu lực, hiệu quả, tận tụy phục vụ nhân dân.")


def test_a_bullet_without_a_space_and_double_spaces_are_read(plan):
    assert task(plan, 5, 4)["text"].startswith("Tiếp tục thực hiện tốt bộ quy tắc ứng xử")
    assert "khen thưởng đối với cán bộ, công chức." in task(plan, 1, 5)["text"]


def test_a_document_number_wrapped_after_its_hyphen_is_rejoined(plan):
    numbers = [r["number"] for r in task(plan, 5, 1)["references"]]
    assert numbers == ["62/2020/NĐ-CP", "106/2020/NĐ-CP"]


def test_the_three_targets_sit_on_their_tasks(plan):
    published, on_time = task(plan, 3, 5), task(plan, 3, 6)
    disbursed = task(plan, 6, 1)
    assert [(t["comparator"], t["value"], t["upper"]) for t in published["targets"]] == [
        ("=", 100.0, None)]
    assert [(t["comparator"], t["value"], t["upper"], t["text"]) for t in on_time["targets"]] == [
        ("range", 98.0, 100.0, "98%-100%")]
    assert [(t["comparator"], t["value"], t["text"]) for t in disbursed["targets"]] == [
        (">", 90.0, "trên 90%")]
    assert all(t["unit"] == "%" for t in published["targets"] + on_time["targets"])


def test_only_three_tasks_carry_targets(plan):
    with_targets = [(a["number"], i) for a in plan["areas"]
                    for i, t in enumerate(a["tasks"], 1) if t["targets"]]
    assert with_targets == [(3, 5), (3, 6), (6, 1)]


def test_self_inspection_duties_are_flagged(plan):
    duties = {(a["number"], i) for a in plan["areas"]
              for i, t in enumerate(a["tasks"], 1) if t["is_duty"]}
    assert task(plan, 1, 4)["text"].startswith("Thực hiện tốt việc tự kiểm tra công tác")
    assert task(plan, 1, 6)["text"].startswith("Thực hiện tự chấm điểm cải cách hành chính")
    assert task(plan, 2, 5)["text"].startswith("Định kỳ tự kiểm tra, theo dõi, đánh giá")
    assert "Kiểm tra việc ban hành quy chế chi tiêu nội bộ" in task(plan, 6, 3)["text"]
    # "rà soát" (review) also counts: 2.2, 3.5 and 4.1 oblige the commune to review itself.
    assert duties == {(1, 4), (1, 6), (2, 2), (2, 5), (3, 5), (4, 1), (6, 3)}


def test_ordinary_tasks_are_not_duties(plan):
    for area, ordinal in [(1, 1), (1, 2), (1, 7), (3, 4), (3, 6), (5, 3), (7, 3)]:
        assert not task(plan, area, ordinal)["is_duty"], (area, ordinal)


def test_references_are_read_on_the_task_that_cites_them(plan):
    one_stop = task(plan, 3, 1)["references"]
    assert [(r["kind"], r["number"], r["date"]) for r in one_stop] == [
        ("Nghị định", "61/2018/NĐ-CP", "2019-04-23")]
    assert one_stop[0]["text"] == "Nghị định 61/2018/NĐ-CP ngày 23/4/2019"
    province_plan = task(plan, 3, 3)["references"][0]
    assert (province_plan["kind"], province_plan["number"], province_plan["date"]) == (
        "Kế hoạch", "2338/KH-UBND", "2021-06-25")
    code = task(plan, 5, 4)["references"][0]
    assert (code["kind"], code["number"], code["date"]) == ("Quyết định", "1847/QĐ-TTg",
                                                            "2018-12-27")


def test_a_mistyped_decree_number_is_kept_as_written(plan):
    autonomy = task(plan, 6, 2)["references"]
    assert [(r["number"], r["date"]) for r in autonomy] == [
        ("130/2005/NĐ-CP", "2005-10-17"), ("117/2013-NĐ-CP", "2013-10-07")]


def test_the_basis_documents_are_read_from_the_preamble(plan):
    basis = [(b["number"], b["date"]) for b in plan["basis"]]
    assert basis == [("124/KH-UBND", "2022-12-31"), ("3396/QĐ-UBND", "2022-12-15")]
    assert plan["basis"][0]["issuer"] == "UBND huyện"
    assert plan["basis"][1]["issuer"] == "Chủ tịch Ủy ban nhân dân tỉnh Hải Dương"
    assert plan["basis"][0]["text"].startswith("Kế hoạch số 124/KH-UBND ngày 31 tháng 12")


def test_purposes_and_requirements_are_told_apart(plan):
    kinds = [p["kind"] for p in plan["purposes"]]
    assert kinds == ["purpose"] * 4 + ["requirement"] * 3
    assert plan["purposes"][0]["text"] == (
        "Tiếp tục thực hiện có hiệu quả các văn bản chỉ đạo của Trung ương, của tỉnh, "
        "của Huyện về công tác cải cách hành chính.")


def test_the_four_reporting_periods_keep_their_cut_off_windows(draft):
    periods = [(p.name, p.start, p.end) for p in draft.reporting_periods]
    assert periods == [
        ("Quý I/2023", date(2022, 12, 10), date(2023, 3, 9)),
        ("6 tháng đầu năm 2023", date(2023, 3, 10), date(2023, 6, 9)),
        ("Quý III/2023", date(2023, 6, 10), date(2023, 9, 9)),
        ("Tổng hợp năm 2023", date(2022, 12, 10), date(2023, 12, 9)),
    ]
    assert [p.kind for p in draft.reporting_periods] == [
        "quarter_1", "six_months", "quarter_3", "year"]


def test_every_period_gets_the_due_rule_as_written(plan):
    rules = {p["due_rule"] for p in plan["reporting_periods"]}
    assert rules == {"trước ngày 10 của tháng cuối kỳ báo cáo"}
    assert plan["reporting_periods"][0]["start"] == "2022-12-10"


def test_five_parties_are_responsible_with_the_areas_they_lead(plan):
    parties = [(r["party"], r["areas"]) for r in plan["responsibilities"]]
    assert parties == [
        ("Văn phòng UBND xã", [1, 3]),
        ("Công chức Tài chính – Kế toán", [6]),
        ("Công chức Văn hóa – xã hội xã", [7]),
        ("Công chức Tư pháp – Hộ tịch", [2]),
        ("Ban biên tập Trang thông tin điện tử xã, Đài truyền thanh", [1]),
    ]


def test_the_evidence_duty_is_found_on_the_three_officers(plan):
    assert [r["evidence_duty"] for r in plan["responsibilities"]] == [
        False, True, True, True, False]
    assert plan["responsibilities"][1]["text"].endswith(
        "Chủ động chuẩn bị tài liệu kiểm chứng nộp về Văn phòng UBND xã để tự chấm "
        "điểmxác định chỉ số CCHC thuộc lĩnh vực phụ trách.")


def test_signer_and_recipients_are_read(plan):
    assert plan["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH",
                              "name": "Nguyễn Văn Bền"}
    assert plan["recipients"] == [
        "Phòng Nội vụ (để báo cáo)", "Lãnh đạo UBND xã", "Cán bộ, công chức xã", "Lưu: VT, NV"]


def test_section_iii_and_the_closing_are_kept_as_written(plan):
    assert {"section": "III", "text": "Thực hiện theo Khung Kế hoạch gửi kèm theo Kế hoạch này.",
            "line": 198} in plan["notes"]
    assert plan["closing"].startswith("Trên đây là Kế hoạch của Ủy ban nhân dân xã")


def test_the_seed_parses_without_warnings(plan):
    assert plan["warnings"] == []


def test_the_json_contract_has_every_key_and_serialises(plan):
    assert json.loads(json.dumps(plan, ensure_ascii=False)) == plan
    assert {"title", "year", "issuer", "basis", "purposes", "areas", "reporting_periods",
            "responsibilities", "signer", "recipients", "warnings"} <= plan.keys()
    assert {"text", "number", "date", "issuer"} <= plan["basis"][0].keys()
    assert {"kind", "text"} <= plan["purposes"][0].keys()
    assert {"number", "title", "tasks"} <= plan["areas"][0].keys()
    assert {"text", "references", "targets", "is_duty", "line"} <= task(plan, 3, 1).keys()
    assert {"kind", "number", "date", "text"} <= task(plan, 3, 1)["references"][0].keys()
    assert {"comparator", "value", "upper", "unit", "text"} <= task(plan, 3, 6)["targets"][0].keys()
    assert {"name", "start", "end", "due_rule"} <= plan["reporting_periods"][0].keys()
    assert {"party", "text", "areas", "evidence_duty"} <= plan["responsibilities"][0].keys()
    assert {"authority", "title", "name"} <= plan["signer"].keys()
