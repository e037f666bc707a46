"""The demo's citizens' voice for xã Nam Trung 2023, made through the services: survey results
for the first three reporting periods (one criterion under the 90 % target in Q3) and eight
feedback items received at the one-stop desk, all answered, one of them late."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qms.auth.models import Unit
from qms.auth.sessions import actors_of
from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.db.uow import read_session
from qms.plan.models import ReportingPeriod
from qms.voice.recording import (
    CriterionInput,
    FeedbackInput,
    answer_feedback,
    record_feedback,
    save_survey,
)

CRITERIA = ("Thái độ phục vụ của công chức", "Thời gian giải quyết thủ tục hành chính",
            "Công khai, minh bạch thủ tục hành chính", "Cơ sở vật chất tại Bộ phận Một cửa")
# per period ordinal: (responses, satisfied) for each criterion
SURVEYS = {
    1: ((152, 147), (152, 141), (152, 150), (152, 139)),
    2: ((180, 174), (180, 168), (180, 177), (180, 165)),
    3: ((165, 160), (165, 139), (165, 162), (165, 151)),  # time: 84,2 % < 90 %
}
TP, VP = "Tư pháp - Hộ tịch", "Văn phòng - Thống kê"
# received, channel, citizen, subject, unit, handler, answered on, answer
FEEDBACK = (
    (date(2023, 1, 9), "suggestion_box", "", "Đề nghị niêm yết lịch tiếp công dân tại Bộ phận "
     "Một cửa", VP, "hangnt", date(2023, 1, 16), "Đã niêm yết lịch tiếp công dân tại bảng "
     "thông tin và trên trang thông tin điện tử của xã."),
    (date(2023, 2, 6), "in_person", "Trần Văn An", "Chậm trả kết quả chứng thực bản sao", TP,
     "hoant", date(2023, 2, 10), "Đã trả kết quả, xin lỗi công dân và nhắc nhở công chức."),
    (date(2023, 3, 14), "phone", "Nguyễn Thị Lan", "Hướng dẫn thủ tục đăng ký khai sinh cho "
     "con", TP, "hoant", date(2023, 3, 15), "Đã hướng dẫn qua điện thoại và gửi danh mục hồ sơ."),
    (date(2023, 4, 3), "portal", "Phạm Văn Hùng", "Hồ sơ nộp trực tuyến chưa được tiếp nhận",
     VP, "hangnt", date(2023, 4, 7), "Đã tiếp nhận hồ sơ trên Cổng dịch vụ công, hẹn trả kết "
     "quả đúng hạn."),
    (date(2023, 5, 22), "social_media", "", "Phản ánh thái độ của công chức tại Bộ phận Một "
     "cửa", VP, "hangnt", date(2023, 6, 9), "Đã kiểm tra, tổ chức họp rút kinh nghiệm với công "
     "chức và trả lời công dân."),  # due 01/6: answered late
    (date(2023, 7, 11), "in_person", "Lê Thị Hoa", "Đề nghị bổ sung ghế chờ tại Bộ phận Một "
     "cửa", VP, "hangnt", date(2023, 7, 18), "Đã bổ sung 10 ghế chờ và quạt mát."),
    (date(2023, 8, 21), "suggestion_box", "", "Đề nghị công khai số điện thoại đường dây nóng",
     VP, "hangnt", date(2023, 8, 25), "Đã công khai số điện thoại đường dây nóng tại trụ sở."),
    (date(2023, 9, 11), "phone", "Vũ Văn Nam", "Hỏi thời hạn giải quyết thủ tục chứng thực "
     "chữ ký", TP, "hoant", date(2023, 9, 12), "Đã trả lời: giải quyết trong ngày làm việc."),
)


def _people(org_id: int) -> tuple[dict[str, Actor], dict[str, int]]:
    with read_session() as s:
        units = {name: ident for name, ident in s.execute(
            select(Unit.name, Unit.id).where(Unit.organization_id == org_id))}
    return actors_of(org_id), units


def load_demo_voice(demo: DemoContext) -> int:
    """Record the demo's surveys and feedback; returns how many feedback items were recorded."""
    org_id, plan_id = demo.org_id, demo.plan
    people, units = _people(org_id)
    iso = people.get("hangnt")
    if iso is None:
        return 0
    with read_session() as s:
        periods = {ordinal: ident for ordinal, ident in s.execute(
            select(ReportingPeriod.ordinal, ReportingPeriod.id)
            .where(ReportingPeriod.plan_id == plan_id))}
    for ordinal, counts in SURVEYS.items():
        if ordinal in periods:
            save_survey(iso, periods[ordinal], [CriterionInput(c, n, ok) for c, (n, ok)
                                                in zip(CRITERIA, counts, strict=True)])
    done = 0
    for received, channel, citizen, subject, unit, who, answered, answer in FEEDBACK:
        handler = people.get(who)
        fid = record_feedback(iso, FeedbackInput(
            received, channel, subject, "", citizen, units.get(unit),
            handler.user_id if handler else None))
        answer_feedback(handler or iso, fid, answered, answer, 1)
        done += 1
    return done
