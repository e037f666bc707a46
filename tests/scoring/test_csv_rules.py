"""Criteria sets from CSV: BOM and separators, hierarchy, and refusals naming their line."""

from __future__ import annotations

from qms.scoring.criteria_sets import is_sample_name, preview_criteria_set, sample_set_bytes
from qms.scoring.csv_rules import parse_criteria
from qms.scoring.pack_rules import INDEX_NAME, ascii_slug, pack_name
from qms.scoring.rules import Criterion, totals

HEADER = "Lĩnh vực,Tên,Mã,Tiêu chí,Tối đa,Áp dụng,Hướng dẫn\n"


def test_the_sample_set_loads_with_seven_areas_and_says_it_is_a_sample():
    parsed = parse_criteria(sample_set_bytes())
    assert parsed.problems == ()
    assert sorted({r.area_number for r in parsed.rows}) == list(range(1, 8))
    assert all("MẪU" in r.guidance for r in parsed.rows)
    rows = [Criterion(r.code, r.area_number, r.area_title, r.max_points, r.applies,
                      r.parent_code) for r in parsed.rows]
    assert totals(rows, {}).max_points == 97  # 6.3 (3 points) does not apply
    assert is_sample_name("Bộ tiêu chí MẪU — thay bằng bộ tiêu chí chính thức")


def test_a_bom_and_semicolons_are_read_and_the_hierarchy_comes_from_the_code():
    data = ("\ufeff" + HEADER.replace(",", ";") + "1;Chỉ đạo;1.1;Kế hoạch;4;có;\n"
            "1;Chỉ đạo;1.1.a;Đúng hạn;2,5;1;\n1;Chỉ đạo;1.1.b;Đủ nội dung;1,5;không;\n")
    rows = parse_criteria(data.encode()).rows
    assert [(r.code, r.parent_code, r.level, r.max_points, r.applies) for r in rows] == [
        ("1.1", "1", 2, 4.0, True), ("1.1.a", "1.1", 3, 2.5, True),
        ("1.1.b", "1.1", 3, 1.5, False)]


def test_every_problem_names_its_line_and_a_refused_file_keeps_nothing():
    data = (HEADER + "1,A,1.1,Kế hoạch,4,1,\n"
            "1,A,1.1.a,Đúng hạn,abc,1,\n"          # line 3: bad number
            "1,A,1.1,Trùng,2,1,\n"                  # line 4: duplicate
            "1,A,1.5.a,Mồ côi,1,1,\n"               # line 5: missing parent
            "2,B,2.1,Có con,5,1,\n2,B,2.1.a,Con,3,1,\n")  # line 6: children 3 ≠ 5
    preview = preview_criteria_set(data.encode())
    assert not preview.ok and preview.rows == ()
    assert preview.problems == (
        'Dòng 3: điểm tối đa "abc" không phải là số hợp lệ.',
        "Dòng 4: mã tiêu chí 1.1 trùng với dòng 2.",
        "Dòng 5: tiêu chí 1.5.a thiếu tiêu chí cha 1.5.",
        "Dòng 6: tổng điểm tối đa các tiêu chí con của 2.1 là 3, khác điểm tối đa 5.",
    )


def test_pack_names_are_ascii_safe_and_never_collide():
    taken: set[str] = set()
    first = pack_name("1.1.a", "05/BC-UBND", "Báo cáo.pdf", taken)
    again = pack_name("1.1.a", "05/BC-UBND", "Báo cáo.pdf", taken)
    odd = pack_name("2.1", "", "../../Đơn đề nghị?.PDF", taken)
    assert (first, again) == ("1.1.a_05-BC-UBND_bao-cao.pdf", "1.1.a_05-BC-UBND_bao-cao-2.pdf")
    assert odd == "2.1_don-de-nghi.pdf" and INDEX_NAME not in taken
    assert ascii_slug("Quyết định số 12") == "Quyet-dinh-so-12"
