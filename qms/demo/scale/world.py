"""Whole synthetic worlds: one commune with ten years (``commune-10y``) or a province of
communes on one database (``province``), each organisation with the same history sizes."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text

from qms.auth.models import Unit
from qms.auth.organization_rules import OrgInput
from qms.auth.organizations import insert_organization
from qms.auth.users import UserInput, insert_user
from qms.core.actor import Actor
from qms.core.errors import ValidationFailed
from qms.core.roles import Role
from qms.db.uow import unit_of_work
from qms.demo.nam_trung import load_demo
from qms.demo.scale import text as txt
from qms.demo.scale.history import SCALES, Sizes, add_history
from qms.trail.record import record_change

WORLDS = ("commune-10y", "province")
PROVINCE_ORGS = 100
ROLES = (Role.ISO_OFFICER, Role.AUDITOR, Role.OFFICER, Role.OFFICER, Role.LEADER)


@dataclass(frozen=True)
class WorldResult:
    organizations: int
    rows: int
    seconds: float


def generate_world(world: str, *, seed: int = 1, organizations: int | None = None,
                   progress: Callable[[str], None] = print) -> WorldResult:
    """Load the Nam Trung demo and give it ten years of history; ``province`` then adds
    communes with the same sizes. Refused unless the database is empty."""
    if world not in WORLDS:
        raise ValidationFailed("demo_scale.unknown", world=world)
    started = time.perf_counter()
    demo = load_demo(if_empty=True)
    if not demo.loaded or demo.organization_id is None:
        raise ValidationFailed("demo_scale.not_empty")
    sizes = SCALES["commune-10y"]
    count = (organizations or PROVINCE_ORGS) if world == "province" else 1
    rows = _history(demo.organization_id, sizes, seed, 1, count, progress)
    for n in range(2, count + 1):
        org_id = _commune(n)
        rows += _history(org_id, sizes, seed, n, count, progress)
    _analyze()
    return WorldResult(count, rows, time.perf_counter() - started)


def _analyze() -> None:
    """Fresh planner statistics after the bulk load: without them PostgreSQL plans one
    commune's rows as if they were the whole table's (a sequential scan of millions)."""
    with unit_of_work() as uow:
        uow.session.execute(text("ANALYZE"))
        uow.commit()


def _history(org_id: int, sizes: Sizes, seed: int, n: int, total: int,
             progress: Callable[[str], None]) -> int:
    progress(f"== Đơn vị {n}/{total}: tạo lịch sử {sizes.years} năm")
    result = add_history(Actor.system(org_id, "demo"), sizes, seed=seed, stream=n,
                         last_year=2023, progress=progress)
    return result.rows


def _commune(n: int) -> int:
    """A synthetic commune ``Xã Tân An N`` with the demo's units and five officers."""
    place = f"Tân {txt.HAMLETS[n % len(txt.HAMLETS)]} {n:03d}"
    with unit_of_work() as uow:
        s = uow.session
        org = insert_organization(s, OrgInput(
            name=f"Xã {place}", authority_name=f"Ủy ban nhân dân xã {place}", place_name=place,
            superior_body="Ủy ban nhân dân huyện Nam Sách", province="Hải Dương"))
        units = [Unit(organization_id=org.id, name=name) for name in (
            "Lãnh đạo UBND xã", "Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Bộ phận Một cửa")]
        s.add_all(units)
        s.flush()
        for k, role in enumerate(ROLES):
            insert_user(s, org.id, UserInput(
                username=f"x{n:03d}.cb{k + 1}", full_name=f"{txt.NAMES[k]} {txt.GIVEN[n % 10]}",
                unit_id=units[k % len(units)].id, roles=frozenset({role})))
        record_change(s, Actor.system(org.id, "demo"), "demo.load", "organization", org.id,
                     after={"name": org.name})
        uow.commit()
        return org.id
