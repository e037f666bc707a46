"""The demo's plan: the real 2023 CCHC plan of xã Nam Trung, imported through the services,
with a little realistic progress so every page and report has something to show."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.plan import saving as plan_save
from qms.plan import tasks as plan_tasks
from qms.plan.queries import plan_header, task_detail, task_table
from qms.trace import evidence

SEED = Path(__file__).resolve().parent.parent / "data" / "plans" / \
    "ke-hoach-cchc-nam-trung-2023.txt"

PROGRESS = {  # task code -> (status, note, completed on)
    "1.4": ("done", "Đã tự kiểm tra công tác CCHC quý I tại UBND xã; lập biên bản kiểm tra.",
            date(2023, 3, 6)),
    "3.5": ("in_progress", "Đã công khai 118/118 TTHC tại Bộ phận Một cửa và Trang thông tin.",
            None),
    "3.6": ("in_progress", "Quý I: 412/415 hồ sơ trả đúng hạn, trước hạn.", None),
}


def load_demo_plan(org_id: int) -> int:
    """Import the seed plan for ``org_id`` and record some progress; returns the plan id."""
    actor = Actor.system(org_id, "demo")
    data = SEED.read_bytes()
    plan_id = plan_save.confirm_import(actor, data, SEED.name, hashlib.sha256(data).hexdigest())
    tasks = task_table(org_id, plan_id, date(2023, 3, 9))
    for code, (status, note, completed_on) in PROGRESS.items():
        row = tasks[tasks["code"] == code]
        if row.empty:
            continue
        task = task_detail(org_id, int(row.iloc[0]["id"]))
        if task is not None:
            plan_tasks.update_task(actor, task.id, plan_tasks.TaskUpdate(
                task.owner_unit_id, task.owner_user_id, task.due_date, status, note,
                completed_on),
                task.version)
    _demo_evidence(actor, plan_id, tasks)
    return plan_id


def load_demo_plan_into(demo: DemoContext) -> None:
    """The plan's demo loader: imports the plan and hands its id to the loaders after it."""
    demo.plan_id = load_demo_plan(demo.org_id)


def _demo_evidence(actor: Actor, plan_id: int, tasks) -> None:  # type: ignore[no-untyped-def]
    by_code = {row.code: int(row.id) for row in tasks.itertuples()}
    if "1.4" in by_code:
        evidence.add_evidence(actor, evidence.EvidenceInput(
            "Biên bản tự kiểm tra công tác cải cách hành chính quý I/2023", "01/BB-UBND",
            date(2023, 3, 6), "UBND xã Nam Trung"), link_task_id=by_code["1.4"])
    if "3.6" not in by_code:
        return
    evidence.add_evidence(actor, evidence.EvidenceInput(
        "Báo cáo tình hình giải quyết TTHC quý I/2023", "12/BC-UBND", date(2023, 3, 8),
        "UBND xã Nam Trung"), link_task_id=by_code["3.6"])
    detail = task_detail(actor.organization_id, by_code["3.6"])
    periods = plan_header(actor.organization_id, plan_id).periods
    if detail and detail.targets and periods:
        plan_tasks.record_measurement(actor, detail.targets[0].id, periods[0].id, 99.3,
                                      "412/415 hồ sơ đúng hạn, trước hạn")
