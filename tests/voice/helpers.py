"""Builders for the citizens' voice tests: the demo's people with the seed plan (its four
reporting periods), a survey and feedback recorded through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qms.voice.queries import FeedbackRow, SurveyView, feedback, surveys
from qms.voice.recording import CriterionInput, FeedbackInput, record_feedback, save_survey
from tests.duties.helpers import setup
from tests.nonconformities.helpers import Commune

CRITERIA = (CriterionInput("Thái độ phục vụ của công chức", 120, 115),
            CriterionInput("Thời gian giải quyết thủ tục hành chính", 120, 96),
            CriterionInput("Công khai thủ tục hành chính", 100, 100))


@dataclass(frozen=True)
class Voice:
    c: Commune
    plan_id: int
    periods: list[int]

    def survey(self, ordinal: int = 1) -> SurveyView:
        return next(r for r in surveys(self.c.org_id, self.plan_id)
                    if r.period_id == self.periods[ordinal - 1])

    def row(self, feedback_id: int, today: date = date(2023, 3, 1)) -> FeedbackRow:
        return next(r for r in feedback(self.c.org_id, today) if r.id == feedback_id)


def voice_setup() -> Voice:
    s = setup()
    return Voice(s.c, s.plan_id, s.periods)


def surveyed(v: Voice, ordinal: int = 1, criteria=CRITERIA, **kw: object) -> int:
    return save_survey(v.c.actor("hangnt"), v.periods[ordinal - 1], criteria, **kw)  # type: ignore[arg-type]


def received(v: Voice, on: date = date(2023, 2, 1), **overrides: object) -> int:
    values: dict[str, object] = {
        "received_on": on, "channel": "suggestion_box",
        "subject": "Chậm trả kết quả chứng thực bản sao",
        "content": "Công dân phản ánh nộp hồ sơ chứng thực ngày 30/01 nhưng chưa nhận kết quả.",
        "citizen": "Trần Văn An", "unit_id": v.c.tuphap, "handler_id": v.c.users["hoant"]}
    return record_feedback(v.c.actor("hangnt"), FeedbackInput(**{**values, **overrides}))  # type: ignore[arg-type]
