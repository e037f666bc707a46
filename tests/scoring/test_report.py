"""The self-assessment report and the evidence pack read back; the CLI that makes them."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from qms import cli
from qms.core.errors import NotFound
from qms.scoring.criteria_sets import SAMPLE_FILE, sample_set_bytes
from qms.scoring.outputs import evidence_pack, self_assessment_report
from qms.scoring.pack_rules import INDEX_NAME
from qms.scoring.queries import criteria_sets
from qms.scoring.sheets import ScoreInput, record_score, save_sheet_notes
from qms.trace.evidence import EvidenceInput
from tests.reports.pdftext import page_texts
from tests.scoring.helpers import Setup, setup

DAY = date(2023, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


def _scored() -> tuple[Setup, int]:
    s = setup()
    sheet = s.sheet()
    ev = s.evidence()
    other = s.evidence(EvidenceInput("Kế hoạch CCHC năm 2023", "12/KH-UBND", date(2023, 1, 5),
                                     "UBND xã Nam Trung"), "Kế hoạch.png", PNG)
    no_file = s.evidence(EvidenceInput("Sổ theo dõi", "", None, "Văn phòng"), "", None)
    record_score(s.iso, sheet, ScoreInput(s.codes["1.1.a"], 2, "", (ev, other)))
    record_score(s.iso, sheet, ScoreInput(s.codes["1.1.b"], 1.5, "Thiếu chỉ tiêu đầu ra",
                                          (ev,)))
    record_score(s.iso, sheet, ScoreInput(s.codes["2.1"], 3, "Chưa rà soát văn bản", (no_file,)))
    save_sheet_notes(s.iso, sheet, "Thiếu cán bộ chuyên trách CCHC",
                     "Đề nghị tập huấn chấm điểm", 1)
    return s, sheet


def test_the_self_assessment_report_reads_back_in_vietnamese(db):
    s, sheet = _scored()
    text = "\n".join(page_texts(self_assessment_report(s.c.org_id, sheet, DAY)))
    for expected in ("BÁO CÁO", "Kết quả tự chấm điểm chỉ số cải cách hành chính năm 2023",
                     "I. KẾT QUẢ TỰ CHẤM ĐIỂM", "Chỉ đạo, điều hành", "Tổng cộng",
                     "Thiếu chỉ tiêu đầu ra", "05/BC-UBND", "Không áp dụng đối với đơn vị",
                     "Thiếu cán bộ chuyên trách CCHC", "Đề nghị tập huấn chấm điểm",
                     "TM. ỦY BAN NHÂN DÂN", "DỰ THẢO", "6,5/16"):
        assert expected in text, expected


def test_the_evidence_pack_holds_each_file_by_criterion_and_its_index_lists_them(db):
    s, sheet = _scored()
    archive = zipfile.ZipFile(io.BytesIO(evidence_pack(s.c.org_id, sheet, DAY)))
    names = archive.namelist()
    assert names == [INDEX_NAME, "1.1.a_05-BC-UBND_bao-cao-quy-i.pdf",
                     "1.1.a_12-KH-UBND_ke-hoach.png", "1.1.b_05-BC-UBND_bao-cao-quy-i.pdf"]
    assert archive.read("1.1.a_12-KH-UBND_ke-hoach.png") == PNG
    index = "".join("".join(page_texts(archive.read(INDEX_NAME))).split())
    for expected in (*names[1:], "DANH MỤC TÀI LIỆU KIỂM CHỨNG", "12/KH-UBND; 05/01/2023",
                     "Sổ theo dõi", "(không có tệp)"):
        assert "".join(expected.split()) in index, expected


def test_the_cli_loads_a_set_and_writes_both_outputs(db, tmp_path):
    s, _ = _scored()
    sample = tmp_path / SAMPLE_FILE
    sample.write_bytes(sample_set_bytes())
    said = cli.run(["scoring", "load", str(sample), "--name", "Bộ tiêu chí thử 2023"])
    assert "31 dòng tiêu chí" in said
    assert criteria_sets(s.c.org_id)[0].is_sample  # the shipped file, whatever its name
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"a,b,c,d,e,f,g\nx,A,1.1,T,4,1,\n")
    with pytest.raises(SystemExit, match="Dòng 2: số lĩnh vực"):
        cli.run(["scoring", "load", str(bad), "--name", "Hỏng"])
    pdf, pack = tmp_path / "bc.pdf", tmp_path / "tlkc.zip"
    cli.run(["report", "self-assessment", "--period", str(s.period_ids[0]), "-o", str(pdf)])
    cli.run(["report", "evidence-pack", "--period", str(s.period_ids[0]), "-o", str(pack)])
    assert "Thiếu chỉ tiêu đầu ra" in "".join(page_texts(pdf.read_bytes()))
    assert len(zipfile.ZipFile(pack).namelist()) == 4
    with pytest.raises(NotFound):
        cli.run(["report", "self-assessment", "--period", str(s.period_ids[1]), "-o",
                 str(pdf)])


def test_a_report_on_the_sample_set_says_it_is_a_sample(db):
    s = setup(sample_set_bytes(), "Bộ tiêu chí năm 2023")
    sheet = s.sheet()
    record_score(s.iso, sheet, ScoreInput(s.codes["6.1"], 4, "Đã ban hành quy chế"))
    text = " ".join("".join(page_texts(self_assessment_report(s.c.org_id, sheet, DAY))).split())
    assert "Bộ tiêu chí MẪU — thay bằng bộ tiêu chí chính thức" in text
    assert "4/97" in text  # 6.3 does not apply
    index = zipfile.ZipFile(io.BytesIO(evidence_pack(s.c.org_id, sheet, DAY))).read(INDEX_NAME)
    assert "MẪU" in "".join(page_texts(index))
