"""The demo's risks and opportunities for xã Nam Trung (procedure QT-05), made through the
services: seven entries of the one-stop desk, civil status, document control, finance and
archives, with their actions — all done but one, left overdue — and one entry re-assessed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.auth.models import Unit, User
from qms.auth.sessions import actor_for
from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.db.uow import read_session
from qms.documents.models import Document
from qms.plan.models import PlanTask
from qms.risks.recording import (
    ReviewInput,
    RiskActionInput,
    RiskInput,
    add_action,
    complete_action,
    create_risk,
    link_task,
    review_risk,
)

ONE_STOP, CIVIL, OFFICE, FINANCE = ("Bộ phận Một cửa", "Tư pháp - Hộ tịch",
                                    "Văn phòng - Thống kê", "Tài chính - Kế toán")
NEXT_REVIEW = date(2023, 12, 15)  # before the year's management review
# (kind, unit, document code, owner, description, cause, consequence, L, I,
#  actions: (text, owner, due, done on or None, result), plan task to link)
ENTRIES = (
    ("risk", ONE_STOP, "QT-06", "maiht",
     "Hồ sơ trả kết quả trễ hạn do luân chuyển hồ sơ giữa các bộ phận chậm",
     "Không có sổ theo dõi luân chuyển; công chức chuyên môn đi cơ sở",
     "Phải gửi thư xin lỗi, giảm chỉ số hài lòng của người dân", 3, 4,
     (("Lập sổ theo dõi luân chuyển hồ sơ, nhắc hạn hằng ngày", "maiht", date(2023, 3, 31),
       date(2023, 3, 28), "Đã lập sổ, tỷ lệ trễ hạn quý II giảm còn 1,2 %"),), "3.5"),
    ("risk", CIVIL, "QT-08", "hoant",
     "Sai sót thông tin trên giấy khai sinh do nhập liệu thủ công",
     "Nhập lại dữ liệu từ tờ khai viết tay", "Công dân phải làm thủ tục cải chính", 3, 4,
     (("Đối chiếu hai người với tờ khai trước khi in giấy khai sinh", "hoant",
       date(2023, 9, 30), None, ""),), None),
    ("risk", OFFICE, "QT-01", "hangnt",
     "Bộ phận sử dụng nhầm phiên bản tài liệu đã hết hiệu lực",
     "Bản cũ không được thu hồi khi ban hành lần mới", "Áp dụng sai biểu mẫu, quy trình",
     3, 3, (("Thu hồi bản cũ, đóng dấu «TÀI LIỆU KIỂM SOÁT» trên bản đang hiệu lực", "hangnt",
             date(2023, 4, 15), date(2023, 4, 10), "Đã thu hồi 14 bản cũ"),), None),
    ("risk", FINANCE, "", "minhlv",
     "Chậm công khai dự toán, quyết toán ngân sách xã theo quy định",
     "Số liệu chốt muộn, chưa có lịch công khai", "Bị nhắc nhở khi thanh tra, kiểm tra", 2, 4,
     (("Lập lịch công khai ngân sách, niêm yết tại trụ sở và trang thông tin điện tử",
       "minhlv", date(2023, 2, 28), date(2023, 2, 20), "Đã niêm yết đúng hạn quý I"),), None),
    ("risk", OFFICE, "QT-01", "hangnt", "Hồ sơ lưu trữ hư hỏng do ẩm mốc, mối mọt",
     "Kho lưu trữ tầng trệt, không có giá kệ", "Mất hồ sơ gốc, không tra cứu được", 2, 5,
     (("Chuyển hồ sơ lên giá kệ, phun thuốc phòng mối", "hangnt", date(2023, 5, 31),
       date(2023, 5, 25), "Đã chuyển 120 hộp hồ sơ lên giá kệ"),), None),
    ("opportunity", ONE_STOP, "", "maiht",
     "Tăng tỷ lệ hồ sơ nộp trực tuyến qua Cổng dịch vụ công",
     "Người dân đã quen dùng điện thoại thông minh", "Giảm thời gian chờ, giảm giấy tờ", 4, 3,
     (("Hướng dẫn công dân nộp hồ sơ trực tuyến ngay tại Bộ phận Một cửa", "maiht",
       date(2023, 6, 30), date(2023, 6, 28), "Tỷ lệ nộp trực tuyến đạt 35 %"),), None),
    ("opportunity", CIVIL, "QT-09", "hoant",
     "Liên thông đăng ký khai sinh, thường trú và cấp thẻ bảo hiểm y tế",
     "Phần mềm liên thông của tỉnh đã triển khai", "Công dân chỉ nộp một bộ hồ sơ", 3, 3,
     (), None),
)
IDENTIFIED = date(2023, 1, 10)
REVIEW = (date(2023, 6, 15), 2, 4, "Sổ theo dõi luân chuyển có hiệu lực; trễ hạn giảm rõ.")


def _lookups(org_id: int) -> tuple[dict[str, Actor], dict[str, int], dict[str, int],
                                   dict[str, int]]:
    with read_session() as s:
        users = s.scalars(select(User).where(User.organization_id == org_id)).all()
        people = {u.username: actor_for(u) for u in users}
        units = {name: i for name, i in s.execute(
            select(Unit.name, Unit.id).where(Unit.organization_id == org_id))}
        docs = {code: i for code, i in s.execute(
            select(Document.code, Document.id).where(Document.organization_id == org_id))}
        tasks = {code: i for code, i in s.execute(
            select(PlanTask.code, PlanTask.id).where(PlanTask.organization_id == org_id))}
    return people, units, docs, tasks


def load_demo_risks(demo: DemoContext) -> int:
    """Make the demo's entries, actions and review; returns how many entries were made."""
    org_id = demo.org_id
    people, units, docs, tasks = _lookups(org_id)
    iso = people.get("hangnt")
    if iso is None:
        return 0
    made: list[int] = []
    for kind, unit, doc, owner, text, cause, effect, lk, im, planned, task in ENTRIES:
        owner_actor = people.get(owner)
        risk_id = create_risk(iso, RiskInput(
            kind, text, lk, im, units.get(unit), docs.get(doc), cause, effect,
            owner_actor.user_id if owner_actor else None, NEXT_REVIEW), on=IDENTIFIED)
        made.append(risk_id)
        for what, who, due, done_on, result in planned:
            doer = people.get(who, iso)
            action_id = add_action(iso, risk_id, RiskActionInput(what, doer.user_id, due))
            if done_on is not None:
                complete_action(doer, action_id, result, 1, on=done_on)
        if task and task in tasks:
            link_task(iso, risk_id, tasks[task])
    leader = people.get("bennv", iso)
    day, lk, im, note = REVIEW
    # actions and links leave the entry itself untouched: still at version 1
    review_risk(leader, made[0], ReviewInput(lk, im, note, NEXT_REVIEW), 1, on=day)
    return len(made)
