"""Builders for the self-scoring tests: the demo's people, the seed plan (its reporting
periods) and a small criteria set with one non-applicable criterion."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qms.plan.demo import load_demo_plan
from qms.scoring.criteria_sets import load_criteria_set
from qms.scoring.queries import periods, set_criteria
from qms.scoring.sheets import open_sheet
from qms.trace.evidence import EvidenceInput, add_evidence
from tests.nonconformities.helpers import Commune, commune

# 1: 10 points (1.1 = 1.1.a 2 + 1.1.b 2; 1.2 6); 2: 10 points (2.1 6; 2.2 4, not applicable)
SMALL_CSV = """Lĩnh vực;Tên lĩnh vực;Mã;Tiêu chí;Điểm tối đa;Áp dụng;Hướng dẫn
1;Chỉ đạo, điều hành;1;Chỉ đạo, điều hành;10;1;
1;Chỉ đạo, điều hành;1.1;Kế hoạch CCHC;4;1;Đúng hạn
1;Chỉ đạo, điều hành;1.1.a;Ban hành đúng hạn;2;có;
1;Chỉ đạo, điều hành;1.1.b;Đủ nội dung;2;có;
1;Chỉ đạo, điều hành;1.2;Báo cáo định kỳ;6;1;
2;Cải cách thể chế;2;Cải cách thể chế;10;1;
2;Cải cách thể chế;2.1;Văn bản QPPL;6;1;
2;Cải cách thể chế;2.2;Đơn vị sự nghiệp;4;không;Xã không có
""".encode("utf-8-sig")

EVIDENCE = EvidenceInput("Báo cáo kết quả CCHC quý I/2023", "05/BC-UBND", date(2023, 3, 8),
                         "UBND xã Nam Trung")


@dataclass(frozen=True)
class Setup:
    c: Commune
    set_id: int
    period_ids: list[int]
    codes: dict[str, int]  # criterion code -> id

    @property
    def iso(self):  # type: ignore[no-untyped-def]
        return self.c.actor("hangnt")

    def sheet(self, ordinal: int = 1) -> int:
        return open_sheet(self.iso, self.set_id, self.period_ids[ordinal - 1])

    def evidence(self, data: EvidenceInput = EVIDENCE, file_name: str = "Báo cáo quý I.pdf",
                 content: bytes | None = b"%PDF-1.4 evidence") -> int:
        return add_evidence(self.iso, data, file_name, content)


def setup(csv: bytes = SMALL_CSV, name: str = "Bộ tiêu chí thử") -> Setup:
    c = commune()
    load_demo_plan(c.org_id)
    set_id = load_criteria_set(c.actor("hangnt"), csv, name, "thu.csv")
    return Setup(c, set_id, [p.id for p in periods(c.org_id)],
                 {x.code: x.id for x in set_criteria(set_id)})
