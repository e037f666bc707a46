"""The demo's self-inspection reports for xã Nam Trung, made through the services: in Quý I and
6 tháng đầu năm 2023 most duties are handed in and accepted, one is returned with a comment,
one waits for the ISO officer's decision; the later periods are still open."""

from __future__ import annotations

from datetime import date

from qms.auth.sessions import actors_of
from qms.core.feature import DemoContext
from qms.duties.queries import DutyRow, board, periods
from qms.duties.reporting import accept_report, add_report_evidence, return_report, submit_report
from qms.trace.evidence import EvidenceInput

UBND = "UBND xã Nam Trung"
# (period ordinal, task code, who submits, outcome, evidence (title, number, date), decided on)
REPORTS = (
    (1, "1.4", "hangnt", "accepted", ("Biên bản tự kiểm tra công tác cải cách hành chính "
                                      "quý I/2023", "02/BB-UBND", date(2023, 3, 6)),
     date(2023, 3, 9)),
    (1, "2.2", "hoant", "accepted", ("Báo cáo rà soát văn bản quy phạm pháp luật do xã ban "
                                     "hành quý I/2023", "08/BC-UBND", date(2023, 3, 3)),
     date(2023, 3, 8)),
    (1, "2.5", "hoant", "accepted", ("Biên bản tự kiểm tra công tác thi hành pháp luật "
                                     "quý I/2023", "03/BB-UBND", date(2023, 3, 7)),
     date(2023, 3, 9)),
    (1, "6.3", "minhlv", "returned", ("Báo cáo thu, chi ngân sách xã quý I/2023", "10/BC-UBND",
                                      date(2023, 3, 8)), date(2023, 3, 10)),
    (2, "1.4", "hangnt", "accepted", ("Biên bản tự kiểm tra công tác cải cách hành chính "
                                      "6 tháng đầu năm 2023", "05/BB-UBND", date(2023, 6, 5)),
     date(2023, 6, 8)),
    (2, "3.5", "hangnt", "accepted", ("Danh mục thủ tục hành chính công khai tại Bộ phận "
                                      "Một cửa", "21/TB-UBND", date(2023, 5, 30)),
     date(2023, 6, 8)),
    (2, "2.5", "hoant", "submitted", ("Biên bản tự kiểm tra công tác thi hành pháp luật "
                                      "6 tháng đầu năm 2023", "07/BB-UBND", date(2023, 6, 6)),
     None),
)
RETURN_COMMENT = ("Báo cáo chưa có số liệu chi thường xuyên tháng 3 và chưa có chữ ký của "
                  "Chủ tịch UBND xã; đề nghị bổ sung và nộp lại.")


def _row(org_id: int, period_id: int, code: str) -> DutyRow | None:
    return next((r for r in board(org_id, period_id, date(2023, 1, 1)) if r.code == code), None)


def load_demo_duties(demo: DemoContext) -> int:
    """Hand in, accept and return the demo's reports; returns how many were handed in."""
    org_id = demo.org_id
    options, _ = periods(org_id, date(2023, 1, 1))
    by_ordinal = {i: p.id for i, p in enumerate(options, start=1)}
    people, done = actors_of(org_id), 0
    iso = people.get("hangnt")
    for ordinal, code, who, outcome, (title, number, day), decided in REPORTS:
        row = _row(org_id, by_ordinal.get(ordinal, 0), code)
        if row is None or who not in people or iso is None:
            continue
        report = add_report_evidence(people[who], row.duty_id, row.period_id,
                                     EvidenceInput(title, number, day, UBND))
        submit_report(people[who], row.duty_id, row.period_id, None, on=day)
        done += 1
        if outcome == "accepted":
            accept_report(iso, report, 2, "Đầy đủ, đúng thời hạn.", on=decided)
        elif outcome == "returned":
            return_report(iso, report, 2, RETURN_COMMENT, on=decided)
    return done
