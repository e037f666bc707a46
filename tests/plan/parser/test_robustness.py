"""The parser on the seed as other PDFs and clerks would give it, and on text that is no plan."""

from __future__ import annotations

import json
import random
import re
import textwrap
import unicodedata
from typing import Any

import pytest

from qms.core.config import ROOT
from qms.plan.parser.draft import looks_like_plan
from qms.plan.parser.parse import parse_plan

SEED = ROOT / "qms" / "data" / "plans" / "ke-hoach-cchc-nam-trung-2023.txt"
ROMAN = re.compile(r"^\s*[IVX]+\.\s")
MARK = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•–])\s*")
LETTERS = "abcdđeghik"


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def parsed(text: str) -> dict[str, Any]:
    return parse_plan(text).to_json_dict()


def without_lines(value: Any) -> Any:
    """The JSON dict with every source line number removed."""
    if isinstance(value, dict):
        return {k: without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def body_range(lines: list[str]) -> tuple[int, int]:
    """Indexes of section I's heading and of the first line after section V."""
    start = next(i for i, line in enumerate(lines) if ROMAN.match(line))
    end = next(i for i, line in enumerate(lines) if line.startswith("Trên đây là"))
    return start, end


def rewrap(text: str, width: int) -> str:
    """Re-flow every paragraph of the body at ``width`` columns, as another PDF would."""
    lines = text.split("\n")
    start, end = body_range(lines)
    out: list[str] = lines[:start]
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(textwrap.wrap(" ".join(paragraph), width, break_long_words=False,
                                     break_on_hyphens=False))
            paragraph.clear()

    for line in lines[start:end]:
        if not line.strip() or MARK.match(line):
            flush()
        if line.strip():
            paragraph.append(line.strip())
        else:
            out.append("")
        if ROMAN.match(line):
            flush()
    flush()
    return "\n".join(out + lines[end:])


def rebullet(text: str, mark: str) -> str:
    """Write the tasks of section II with another mark: "a)", "+", "•" or "1.1."."""
    lines = text.split("\n")
    area, ordinal, in_areas = 0, 0, False
    for i, line in enumerate(lines):
        if ROMAN.match(line):
            in_areas = line.strip().startswith("II.")
        elif in_areas and re.match(r"^\d+\.\s", line):
            area, ordinal = int(line.split(".")[0]), 0
        elif in_areas and re.match(r"^\s*-", line):
            ordinal += 1
            new = {"a)": f"{LETTERS[ordinal - 1]})", "1.1.": f"{area}.{ordinal}."}.get(mark, mark)
            lines[i] = re.sub(r"^\s*-\s*", f"{new} ", line)
    return "\n".join(lines)


def dash_tasks(text: str) -> int:
    """Lines of section II that start with a dash."""
    body = text.split("II. CÁC CHỈ TIÊU")[1].split("III.")[0]
    return sum(1 for line in body.split("\n") if line.strip().startswith("-"))


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_give_the_same_draft(ending):
    assert parsed(seed().replace("\n", ending)) == parsed(seed())


def test_decomposed_unicode_gives_the_same_draft():
    nfd = unicodedata.normalize("NFD", seed())
    assert nfd != seed()
    assert parsed(nfd) == parsed(seed())


def test_a_byte_order_mark_gives_the_same_draft():
    assert parsed("\ufeff" + seed()) == parsed(seed())


@pytest.mark.parametrize("width", [45, 60, 110])
def test_re_wrapping_at_another_width_gives_the_same_draft(width):
    wrapped = rewrap(seed(), width)
    assert wrapped != seed()
    lines = wrapped.split("\n")
    start, end = body_range(lines)
    assert max(len(line) for line in lines[start:end]) <= width
    assert without_lines(parsed(wrapped)) == without_lines(parsed(seed()))


@pytest.mark.parametrize("mark", ["a)", "+", "•", "1.1."])
def test_tasks_marked_another_way_give_the_same_draft(mark):
    rebulleted = rebullet(seed(), mark)
    assert dash_tasks(rebulleted) == 0 < dash_tasks(seed())
    assert without_lines(parsed(rebulleted)) == without_lines(parsed(seed()))


def test_headings_in_other_cases_and_indents_give_the_same_draft():
    text = seed()
    for old, new in [(" I. MỤC ĐÍCH - YÊU CẦU", "I.Mục đích, yêu cầu"),
                     ("II. CÁC CHỈ TIÊU, NHIỆM VỤ CHỦ YẾU",
                      "   II. Các chỉ tiêu, nhiệm vụ chủ yếu"),
                     ("IV. Chế độ báo cáo", "IV. CHẾ ĐỘ BÁO CÁO"),
                     ("V. TỔ CHỨC THỰC HIỆN", "  V. Tổ chức thực hiện")]:
        assert old in text
        text = text.replace(old, new)
    indented = "\n".join(f"    {line}" for line in text.split("\n"))
    assert parsed(indented) == parsed(seed())


def test_wrapped_area_and_section_headings_give_the_same_draft():
    text = seed().replace("4. Cải cách tổ chức bộ máy hành chính nhà nước",
                          "4. Cải cách tổ chức bộ máy hành chính nhà\n\nnước")
    text = text.replace("II. CÁC CHỈ TIÊU, NHIỆM VỤ CHỦ YẾU", "II. CÁC CHỈ TIÊU, NHIỆM VỤ\nCHỦ YẾU")
    text = text.replace("III. Kế hoạch triển khai các nhiệm vụ cải cách hành chính",
                        "III. Kế hoạch triển khai các nhiệm vụ cải cách\nhành chính")
    assert without_lines(parsed(text)) == without_lines(parsed(seed()))


def test_page_numbers_inside_a_task_become_warnings_and_the_task_is_unchanged():
    lines = seed().split("\n")
    lines.insert(43, "2")  # after the blank line inside task 1.1
    lines.insert(100, "- 3 -")  # between "theo Nghị" and "định 61/2018/NĐ-CP"
    numbered = without_lines(parsed("\n".join(lines)))
    assert [w["text"] for w in numbered.pop("warnings")] == ["2", "- 3 -"]
    plain = without_lines(parsed(seed()))
    plain.pop("warnings")
    assert numbered == plain


def record_texts(plan: dict[str, Any]) -> list[str]:
    texts = [plan["preamble"], plan["closing"] or ""]
    texts += [p["text"] for p in plan["purposes"]]
    for area in plan["areas"]:
        texts += [area["title"]] + [t["text"] for t in area["tasks"]]
    texts += [p["text"] for p in plan["reporting_periods"]]
    texts += [r["text"] for r in plan["responsibilities"]]
    texts += [n["text"] for n in plan["notes"]]
    texts += [f'{w["message"]} {w["text"]}' for w in plan["warnings"]]
    return texts


@pytest.mark.parametrize("width", [None, 60])
def test_no_line_of_sections_i_to_v_is_lost(width):
    text = seed() if width is None else rewrap(seed(), width)
    lines = text.split("\n")
    start, end = body_range(lines)
    texts = record_texts(parsed(text))
    checked = 0
    for line in lines[start:end]:
        content = " ".join(MARK.sub("", line, count=1).split())
        if not content or ROMAN.match(line) or content.rstrip(":") in ("Mục đích", "Yêu cầu"):
            continue
        assert any(content in record for record in texts), line
        checked += 1
    assert checked > 150 if width is None else checked > 200


def test_a_task_before_the_first_area_lands_in_a_warning():
    stray = "+ Nhiệm vụ lạc trước lĩnh vực đầu tiên."
    text = seed().replace("1. Về công tác chỉ đạo", f"{stray}\n1. Về công tác chỉ đạo")
    plan = parsed(text)
    assert [(w["line"], w["text"]) for w in plan["warnings"]] == [(41, stray)]
    assert [len(a["tasks"]) for a in plan["areas"]] == [8, 5, 7, 2, 4, 4, 4]


NEWS = """Sáng 12/3, tại Hà Nội, Bộ Nội vụ tổ chức hội nghị tổng kết công tác năm 2022.
Phát biểu tại hội nghị, Bộ trưởng nhấn mạnh:
- Năm 2023 cần tiếp tục đẩy mạnh chuyển đổi số, với 100% hồ sơ được số hóa.
- Các địa phương phải hoàn thành trước ngày 31/12/2023.

Hội nghị kết thúc lúc 11 giờ cùng ngày."""


@pytest.mark.parametrize("text", [
    "",
    "   \n\n\t  \r\n",
    bytes(random.Random(7).randrange(256) for _ in range(5000)).decode("latin-1"),
    bytes(random.Random(8).randrange(256) for _ in range(5000)).decode("utf-8", "replace"),
    NEWS,
], ids=["empty", "blank", "latin1-garbage", "utf8-garbage", "news"])
def test_text_that_is_no_plan_gives_no_areas_and_a_warning(text):
    draft = parse_plan(text)
    assert not looks_like_plan(draft)
    assert draft.areas == ()
    assert draft.warnings
    json.dumps(draft.to_json_dict())


FRAGMENTS = [
    "I. MỤC ĐÍCH", "II. NHIỆM VỤ", "IV. Chế độ báo cáo", "V. TỔ CHỨC THỰC HIỆN", "1. Về",
    "1.1. Tiếp tục", "a) Rà soát", "- Thực hiện", "+ Báo cáo Quý I:", "• Kiểm tra", "–", "-",
    "từ ngày 10/12/2022 đến ngày 09/3/2023", "98%-100%", "trên 90%", "Nghị định số 61/2018/NĐ-",
    "CP", "ngày 31 tháng 02 năm 2023", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "2",
    "Trên đây là", "", "\r", "\t", "\ufeff", "\x00", "\u0301", "(", ":", "III. Kế hoạch",
    "Nguyễn Văn A", "Quý 5/2023: từ 31/02 đến 30/02/2023", "100,5%", "- 3 -",
]


def test_random_plan_like_text_never_raises_and_serialises():
    rng = random.Random(2023)
    for _ in range(400):
        text = "\n".join(" ".join(rng.choices(FRAGMENTS, k=rng.randint(1, 4)))
                         for _ in range(rng.randint(0, 40)))
        draft = parse_plan(text)
        json.dumps(draft.to_json_dict())
        assert all(area.number >= 1 for area in draft.areas)
