"""The embedded demo (plan, nonconformities, audits, review, duties, scoring) with passwords
for the people the dashboard tests sign in as."""

from __future__ import annotations

from sqlalchemy import select

from qms.auth.models import User
from qms.auth.users import set_password
from qms.core.actor import Actor
from qms.db.uow import read_session
from qms.demo.nam_trung import load_demo
from tests.factories import PASSWORD

SIGNED_IN = ("hangnt", "hoant", "bennv", "tungbv")


def demo() -> int:
    """Load the demo; the id of its organisation."""
    org_id = load_demo().organization_id
    assert org_id is not None
    with read_session() as s:
        users = list(s.scalars(select(User.id).where(
            User.organization_id == org_id, User.username.in_(SIGNED_IN))))
    for user_id in users:
        set_password(Actor.system(org_id), user_id, PASSWORD)
    return org_id
