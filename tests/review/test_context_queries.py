"""Management-review inputs 9.3.2 b (legal bases and plans) and 9.3.2 d (resources): only
what is dated inside the window counts, first and last day included."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from qms.auth.users import UserInput, create_user, set_active
from qms.core.actor import Actor
from qms.core.clock import VN_TZ
from qms.core.roles import Role
from qms.core.vn_dates import vn_short_date
from qms.db.uow import read_session
from qms.features import review_inputs
from qms.plan.models import Plan
from qms.review.context_queries import context_section, resources_section
from tests.review.helpers import planned_commune


@pytest.fixture
def p(db, clock):
    clock.now_value = clock.now_value.replace(year=2023, month=12, day=20)
    return planned_commune()


def test_legal_bases_count_on_the_first_and_last_day_of_the_window_only(p):
    # the seed plan rests on 3396/QĐ-UBND of 15/12/2022 and 124/KH-UBND of 31/12/2022
    section = context_section(p.c.org_id, date(2022, 12, 15), date(2022, 12, 31))
    assert section is not None and section.figures["legal_bases"] == 2
    assert {row[2] for row in section.rows} == {"15/12/2022", "31/12/2022"}
    assert context_section(p.c.org_id, date(2022, 12, 16), date(2022, 12, 30)) is None


def test_a_plan_imported_in_the_window_is_a_change(p):
    with read_session() as s:
        created = s.scalar(select(Plan.created_at).where(Plan.id == p.plan_id))
    day = created.astimezone(VN_TZ).date()  # the import's local day (the data layer's clock)
    section = context_section(p.c.org_id, day, day)
    assert section is not None and section.figures == {"legal_bases": 0, "plans_imported": 1}
    assert section.rows[0][0] == "Nhập kế hoạch" and section.rows[0][2] == vn_short_date(day)
    assert context_section(p.c.org_id, day + timedelta(days=1), day + timedelta(days=9)) is None


def test_resources_count_people_auditors_and_the_accounts_that_came_and_went(p, clock):
    before = resources_section(p.c.org_id, date(2023, 12, 21), date(2023, 12, 31))
    assert before is not None
    assert before.figures == {"people": 6, "auditors": 3, "joined": 0, "left": 0}
    clock.now_value = clock.now_value.replace(day=28)
    admin = Actor.system(p.c.org_id)
    create_user(admin, UserInput("lanpt", "Phạm Thị Lan", "Công chức", p.c.tuphap,
                                 frozenset({Role.OFFICER, Role.AUDITOR})))
    set_active(admin, p.c.users["minhlv"], False, "Chuyển công tác")
    after = resources_section(p.c.org_id, date(2023, 12, 21), date(2023, 12, 31))
    assert after is not None
    assert after.figures == {"people": 6, "auditors": 4, "joined": 1, "left": 1}
    assert ("Tư pháp - Hộ tịch", "2", "2") in after.rows
    outside = resources_section(p.c.org_id, date(2023, 12, 29), date(2023, 12, 31))
    assert outside is not None and (outside.figures["joined"], outside.figures["left"]) == (0, 0)


def test_both_sections_are_review_inputs_in_clause_order(p):
    providers = review_inputs()
    assert providers.index(context_section) == 1  # b, right after a (previous actions)
    assert providers.index(resources_section) < providers.index(
        next(f for f in providers if f.__name__ == "risks_section"))  # d before e
