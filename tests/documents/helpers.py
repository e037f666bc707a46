"""Builders for the document-control tests: people as in the demo, small procedure files,
a plan with task codes. Everything but the plan goes through the services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qms.auth.users import UserInput, create_user
from qms.core.actor import Actor
from qms.core.roles import Role
from qms.db.uow import unit_of_work
from qms.documents.sync import sync_procedures
from qms.plan.models import Plan, PlanArea, PlanTask
from tests.factories import PASSWORD, make_org, make_unit, signed_in

REAL_PROCEDURES = Path(__file__).resolve().parents[2] / "procedures"

FRONT_MATTER = """---
code: {code}
title: {title}
type: process
owner_unit: {unit}
issue: {issue}
effective_date: {effective}
drafter:
  name: Nguyễn Thị Hằng
  title: Công chức Văn phòng - Thống kê, Thư ký ISO
reviewer:
  name: Trần Văn Hùng
  title: Phó Chủ tịch UBND xã
approver:
  name: Nguyễn Văn Bền
  title: Chủ tịch UBND xã
review_interval_months: {months}
iso_clauses: ["8.1", "7.5.3"]
legal_bases:
  - Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014
plan_tasks: {tasks}
---

# {code}. {title_upper}

## 1. Mục đích

{purpose}

| Bước | Trách nhiệm | Nội dung công việc | Thời gian | Biểu mẫu/Kết quả |
|---|---|---|---|---|
| 1 | Công chức Tư pháp - Hộ tịch | Tiếp nhận hồ sơ | 15 phút | Giấy tiếp nhận |
| 2 | Chủ tịch UBND xã | Ký giấy | 01 ngày | Giấy khai sinh |
"""


def procedure_text(code: str = "QT-21", title: str = "Đăng ký khai sinh lưu động",
                   *, issue: int = 1, effective: str = "2023-06-01",
                   purpose: str = "Giải quyết đúng hạn.", tasks: str = '["3.6"]',
                   unit: str = "Tư pháp - Hộ tịch", months: int = 12) -> str:
    return FRONT_MATTER.format(code=code, title=title, title_upper=title.upper(), issue=issue,
                               effective=effective, purpose=purpose, tasks=tasks, unit=unit,
                               months=months)


def write_procedure(folder: Path, code: str = "QT-21", **fields: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code.lower()}-thu.md"
    path.write_text(procedure_text(code, **fields), encoding="utf-8")  # type: ignore[arg-type]
    return path


@dataclass(frozen=True)
class Commune:
    """An organisation with the demo's document-control people (all with PASSWORD)."""

    org_id: int
    unit_id: int  # Tư pháp - Hộ tịch
    other_unit_id: int  # Văn phòng - Thống kê

    @property
    def system(self) -> Actor:
        return Actor.system(self.org_id)

    def actor(self, username: str) -> Actor:
        return signed_in(username)


PEOPLE = (
    ("hangnt", "Nguyễn Thị Hằng", "Thư ký ISO", (Role.ISO_OFFICER, Role.OFFICER), "other"),
    ("hungtv", "Trần Văn Hùng", "Phó Chủ tịch UBND xã", (Role.LEADER,), None),
    ("bennv", "Nguyễn Văn Bền", "Chủ tịch UBND xã", (Role.LEADER,), None),
    ("hoant", "Nguyễn Thị Hoa", "Công chức Tư pháp - Hộ tịch", (Role.OFFICER,), "own"),
    ("minhlv", "Lê Văn Minh", "Công chức Tài chính - Kế toán", (Role.OFFICER,), "other"),
)


def commune(name: str = "Xã Nam Trung") -> Commune:
    org_id = make_org(name)
    unit_id = make_unit(org_id, "Tư pháp - Hộ tịch")
    other = make_unit(org_id, "Văn phòng - Thống kê")
    for username, full_name, title, roles, unit in PEOPLE:
        unit_ref = {"own": unit_id, "other": other}.get(unit or "")
        create_user(Actor.system(org_id), UserInput(username, full_name, title, unit_ref,
                                                   frozenset(roles)), PASSWORD)
    return Commune(org_id, unit_id, other)


def synced(c: Commune, folder: Path, code: str = "QT-21", **fields: object) -> int:
    """Write one procedure file, sync it, return the new document's id."""
    from qms.documents.queries import document_id_by_code

    write_procedure(folder, code, **fields)
    sync_procedures(c.system, folder)
    document_id = document_id_by_code(c.org_id, code)
    assert document_id is not None
    return document_id


def make_plan(org_id: int, year: int, codes: tuple[str, ...], *, current: bool = True,
              version_no: int = 1) -> int:
    """A plan with one area per leading number and a task per code (test arrangement)."""
    with unit_of_work() as uow:
        s = uow.session
        plan = Plan(organization_id=org_id, year=year, version_no=version_no,
                    is_current=current, title=f"Kế hoạch CCHC năm {year}")
        s.add(plan)
        s.flush()
        areas: dict[int, int] = {}
        for ordinal, code in enumerate(codes, start=1):
            number = int(code.split(".")[0])
            if number not in areas:
                area = PlanArea(plan_id=plan.id, number=number, title=f"Lĩnh vực {number}")
                s.add(area)
                s.flush()
                areas[number] = area.id
            s.add(PlanTask(organization_id=org_id, plan_id=plan.id, area_id=areas[number],
                           ordinal=ordinal, code=code, text=f"Nhiệm vụ {code}"))
        s.flush()
        uow.commit()
        return plan.id
