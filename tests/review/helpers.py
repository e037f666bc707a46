"""Builders for the report and management-review tests: the demo's people and the seed plan
(imported through the services), its periods, and a review walked to any status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qms.core.clock import today
from qms.plan import tasks as plan_tasks
from qms.plan.demo import load_demo_plan
from qms.plan.queries import PeriodView, periods_of, task_detail, task_table
from qms.review import recording as mr
from qms.review.queries import ReviewDetail, review_detail
from tests.nonconformities.helpers import Commune, commune

YEAR_START, YEAR_END = date(2022, 12, 10), date(2023, 12, 9)


@dataclass(frozen=True)
class Planned:
    c: Commune
    plan_id: int
    periods: list[PeriodView]

    @property
    def org_id(self) -> int:
        return self.c.org_id

    def task_id(self, code: str) -> int:
        frame = task_table(self.org_id, self.plan_id, date(2023, 1, 1))
        return int(frame[frame["code"] == code].iloc[0]["id"])

    def finish(self, code: str, completed_on: date) -> None:
        """Mark the task done on ``completed_on``."""
        task = task_detail(self.org_id, self.task_id(code))
        assert task is not None
        plan_tasks.update_task(self.c.actor("hangnt"), task.id, plan_tasks.TaskUpdate(
            task.owner_unit_id, task.owner_user_id, task.due_date, "done", "Đã xong.",
            completed_on), task.version)


def planned_commune() -> Planned:
    """The demo's people with the seed plan of xã Nam Trung 2023 and its four periods."""
    c = commune()
    plan_id = load_demo_plan(c.org_id)
    return Planned(c, plan_id, periods_of(plan_id))


def detail(c: Commune, review_id: int) -> ReviewDetail:
    found = review_detail(c.org_id, review_id, today())
    assert found is not None
    return found


def new_review(c: Commune, start: date = YEAR_START, end: date = YEAR_END,
               meeting: date = date(2023, 12, 15)) -> int:
    return mr.create_review(c.actor("hangnt"), mr.ReviewForm(
        "Xem xét của lãnh đạo năm 2023", meeting, start, end, "Hội trường UBND xã",
        c.users["bennv"], c.users["hangnt"],
        ("Ông Nguyễn Văn Bền — Chủ tịch UBND xã", "Bà Nguyễn Thị Hằng — Thư ký ISO")))


def held_review(c: Commune, **kwargs: date) -> int:
    review_id = new_review(c, **kwargs)
    mr.hold_review(c.actor("hangnt"), review_id, detail(c, review_id).version)
    return review_id
