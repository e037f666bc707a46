"""The audit plan and audit report PDFs read back: decree layout, findings, NC numbers, annex."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest

from qms.audits import answers as audit_answers
from qms.audits import programme as audits
from qms.audits import queries as q
from qms.audits.answers import AnswerInput
from qms.audits.plan_report import audit_plan_pdf
from qms.audits.report import audit_report_pdf
from qms.audits.report_queries import audit_report_data
from tests.audits.helpers import AuditWorld, started, world
from tests.reports.pdftext import page_texts, reader, text_runs

ISSUED = date(2023, 6, 20)


def flat(text: str) -> str:
    return " ".join(text.split())


def _answer_all(w: AuditWorld, audit_id: int) -> None:
    results = ["conform", "major", "observation", "minor", "na"]
    for n, item in enumerate(q.checklist(w.c.org_id, audit_id)):
        actor = w.lead if item.auditor_id == w.lead_id else w.second
        audit_answers.record_answer(actor, item.id, AnswerInput(
            results[n % len(results)], f"Bằng chứng số {n + 1}", f"Ghi chú câu {n + 1}"),
            item.version)


@pytest.fixture
def done(db, tmp_path):
    w = world(tmp_path / "procedures")
    audit_id = started(w)
    _answer_all(w, audit_id)
    first = next(f for f in q.findings(w.c.org_id, audit_id) if f.result in ("major", "minor"))
    audit_answers.raise_finding_nonconformity(w.lead, first.id)
    version = q.get_audit(w.c.org_id, audit_id).version  # type: ignore[union-attr]
    audits.conclude_audit(w.lead, audit_id, "Hệ thống được duy trì, còn lỗi ở khâu lưu trữ hồ sơ.",
                          "Rà soát sổ theo dõi hồ sơ trước ngày 30/6/2023.", version)
    return w, audit_report_data(w.c.org_id, audit_id, ISSUED)


def test_the_report_has_the_decree_header_title_and_page_numbers_from_page_two(done):
    _, data = done
    pdf = audit_report_pdf(data)
    pages = page_texts(pdf)
    first = pages[0].splitlines()
    for line in ("ỦY BAN NHÂN DÂN", "XÃ NAM TRUNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Nam Trung, ngày 20 tháng 6 năm 2023", "BÁO CÁO"):
        assert any(x.strip() == line for x in first), line
    assert "Kết quả đánh giá nội bộ hệ thống quản lý chất lượng" in flat(pages[0])
    assert len(pages) >= 2
    assert not any(r.text == "1" for r in text_runs(pdf, 0) if r.y > 780)
    assert any(r.text == "2" for r in text_runs(pdf, 1) if r.y > 780)


def test_the_header_is_two_columns_on_one_baseline(done):
    _, data = done
    runs = {r.text: r for r in text_runs(audit_report_pdf(data), 0)}
    body_name, nation = runs["ỦY BAN NHÂN DÂN"], runs["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    number = next(r for r in runs.values() if r.text.startswith("Số:"))
    place_date = runs["Nam Trung, ngày 20 tháng 6 năm 2023"]
    assert body_name.x < nation.x and abs(body_name.y - nation.y) < 2
    assert number.y == pytest.approx(place_date.y) and number.x < place_date.x


def test_every_finding_nc_number_score_and_the_conclusion_are_printed(done):
    w, data = done
    text = flat(" ".join(page_texts(audit_report_pdf(data))))
    for f in data.findings:
        assert flat(f.description) in text
    [numbered] = [f for f in data.findings if f.nc_number]
    assert numbered.nc_number and numbered.nc_number in text and "Chưa lập phiếu" in text
    overall = data.scores["all"][""]
    assert f"{overall.percent:.1f} %".replace(".", ",") in text
    assert "còn lỗi ở khâu lưu trữ hồ sơ" in text and "Rà soát sổ theo dõi hồ sơ" in text
    assert "Nơi nhận" in text and "TM. ỦY BAN NHÂN DÂN" in text
    assert "Phụ lục: Bảng câu hỏi đánh giá đã thực hiện" in text
    for item in data.items:
        assert f"Ghi chú câu {item.ordinal}" in text


def test_the_annex_follows_the_signature(done):
    _, data = done
    text = flat(" ".join(page_texts(audit_report_pdf(data))))
    assert text.index("Nơi nhận") < text.index("Phụ lục: Bảng câu hỏi")


def test_the_plan_lists_scope_team_dates_and_questions(done):
    _, data = done
    text = flat(" ".join(page_texts(audit_plan_pdf(data))))
    assert "KẾ HOẠCH" in text and "Đánh giá nội bộ hệ thống quản lý chất lượng" in text
    assert "Tư pháp - Hộ tịch" in text and "Người dùng lanpt" in text
    assert "QT-21" in text and "3.6" in text
    assert flat(data.items[0].question)[:60] in text


def test_a_150_question_audit_renders_in_a_few_seconds(done):
    _, data = done
    many = tuple(replace(data.items[n % len(data.items)], ordinal=n + 1) for n in range(150))
    started_at = time.perf_counter()
    pdf = audit_report_pdf(replace(data, items=many))
    assert time.perf_counter() - started_at < 5
    assert len(reader(pdf).pages) >= 5
