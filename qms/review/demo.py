"""The demo's periodic report and management review for xã Nam Trung 2023: narratives of the
first reporting period; the yearly management review held on 15/12/2023 (inputs frozen, each
assessed), approved by the chairman, with three decisions — one done, one open (due after
whatever day the demo is loaded) and one overdue."""

from __future__ import annotations

from datetime import date, timedelta

from qms.auth.sessions import actors_of
from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.feature import DemoContext
from qms.plan.queries import periods_of
from qms.review import recording as mr
from qms.review.period_reports import NarrativeInput, save_narratives
from qms.review.queries import review_detail

REVIEW_TITLE = "Xem xét của lãnh đạo đối với Hệ thống quản lý chất lượng năm 2023"
Q1_NARRATIVES = NarrativeInput(
    "Quý I/2023, UBND xã đã ban hành Kế hoạch CCHC năm 2023 và triển khai đến các bộ phận; "
    "công khai đầy đủ 118/118 thủ tục hành chính tại Bộ phận Một cửa và trên Trang thông tin "
    "điện tử xã; tự kiểm tra công tác CCHC quý I tại UBND xã.\n"
    "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 được duy trì; các quy trình được "
    "áp dụng thống nhất trong giải quyết thủ tục hành chính.",
    "Còn 03 hồ sơ trả kết quả trễ hạn, chưa có thư xin lỗi kịp thời; việc cập nhật thủ tục "
    "hành chính mới công bố lên Trang thông tin điện tử còn chậm.\n"
    "Đường truyền phần mềm một cửa có thời điểm gián đoạn.",
    "Tiếp tục rà soát, công khai thủ tục hành chính; theo dõi hạn trả kết quả hằng ngày.\n"
    "Chuẩn bị đánh giá nội bộ lần 1 năm 2023; hoàn thành báo cáo CCHC 6 tháng đầu năm.",
    "15/BC-UBND", date(2023, 3, 9))
PARTICIPANTS = (
    "Ông Nguyễn Văn Bền — Chủ tịch UBND xã, Trưởng Ban chỉ đạo ISO",
    "Ông Trần Văn Hùng — Phó Chủ tịch UBND xã",
    "Bà Nguyễn Thị Hằng — Công chức Văn phòng - Thống kê, Thư ký ISO",
    "Bà Nguyễn Thị Hoa — Công chức Tư pháp - Hộ tịch",
    "Ông Lê Văn Minh — Công chức Tài chính - Kế toán",
    "Bà Hoàng Thị Mai — Công chức Bộ phận Một cửa",
)
CONCLUSION = ("Hệ thống quản lý chất lượng của UBND xã phù hợp, được duy trì và có hiệu lực; "
              "cần khắc phục dứt điểm tình trạng hồ sơ trễ hạn và cập nhật tài liệu theo quy "
              "định mới.")


def _review(org_id: int, p: dict[str, Actor]) -> None:
    hang, day = p["hangnt"], today()
    review_id = mr.create_review(hang, mr.ReviewForm(
        REVIEW_TITLE, date(2023, 12, 15), date(2022, 12, 10), date(2023, 12, 9),
        "Hội trường UBND xã Nam Trung", p["bennv"].user_id, hang.user_id, PARTICIPANTS))
    version = _version(org_id, review_id)
    mr.hold_review(hang, review_id, version)
    detail = review_detail(org_id, review_id, day)
    assert detail is not None
    texts = {i.id: "Đã xem xét; kết quả phù hợp với mục tiêu, tiếp tục theo dõi."
             for i in detail.inputs if i.id is not None}
    mr.record_conclusions(hang, review_id, texts, CONCLUSION, detail.version)
    decisions = (
        ("Cập nhật Chính sách chất lượng và Mục tiêu chất lượng năm 2024.", "hangnt",
         date(2024, 1, 31)),
        ("Triển khai theo dõi hạn trả kết quả trên phần mềm một cửa, báo cáo hằng tháng.",
         "hoant", max(date(2024, 6, 30), day + timedelta(days=90))),
        ("Rà soát, sửa đổi các quy trình ISO theo thủ tục hành chính mới công bố.", "minhlv",
         date(2024, 3, 31)),
    )
    ids = [mr.add_decision(hang, review_id, mr.DecisionForm(text, p[who].user_id, due))
           for text, who, due in decisions]
    action = next(a for a in review_detail(org_id, review_id, day).actions  # type: ignore
                  if a.id == ids[0])
    mr.update_review_action(p["hangnt"], ids[0], mr.ActionUpdate(
        "done", "Quyết định số 05/QĐ-UBND ngày 25/01/2024 ban hành Chính sách và Mục tiêu "
        "chất lượng năm 2024.", min(date(2024, 1, 25), day)), action.version)
    mr.approve_review(p["bennv"], review_id, _version(org_id, review_id))


def _version(org_id: int, review_id: int) -> int:
    detail = review_detail(org_id, review_id, today())
    assert detail is not None
    return detail.version


def load_demo_review(demo: DemoContext) -> None:
    """Add the demo's report narratives (first period) and the 2023 management review."""
    org_id, plan_id = demo.org_id, demo.plan
    people = actors_of(org_id)
    periods = periods_of(plan_id)
    if periods:
        save_narratives(people["hangnt"], periods[0].id, Q1_NARRATIVES, 0)
    _review(org_id, people)
