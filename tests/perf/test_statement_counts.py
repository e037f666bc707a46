"""No N+1: every page sends the same number of SQL statements whatever the data size.

Two communes get three years of history of the same shape (a plan, audits, nonconformities,
procedures, evidence in every year, the current year included); the second has several
times more of everything — more audits per year, more questions per audit, more actions per
nonconformity, more revisions per procedure. Every page is rendered signed in (a user with
every working role) in each commune; a statement issued per row would make the second count
larger, and the failure lists the statements that were added.
"""

from __future__ import annotations

from collections import Counter

from bench.harness import Render, bench_session, render
from qms.core.actor import Actor
from qms.core.roles import Role
from qms.demo.scale.history import Sizes, add_history
from qms.ui.registry import PAGES
from tests.factories import make_org, make_unit, make_user

SMALL = Sizes(years=3, procedures=3, revisions=2, audits=3, questions=3, nonconformities=3,
              actions=3, evidence=3, log_rows=6, tasks_per_year=7)
LARGER = Sizes(years=3, procedures=15, revisions=4, audits=9, questions=20, nonconformities=30,
               actions=60, evidence=30, log_rows=200, tasks_per_year=21)


def _commune(name: str, username: str, sizes: Sizes, this_year: int) -> int:
    org_id = make_org(name)
    make_unit(org_id)
    make_user(org_id, f"cb.{username}", Role.OFFICER)
    add_history(Actor.system(org_id), sizes, seed=1, last_year=this_year)
    return bench_session(org_id, username)


def _renders(session_id: int) -> dict[str, Render]:
    out = {}
    for spec in PAGES:
        result = render(spec, session_id)
        assert not result.error, (spec.key, result.error)
        out[spec.key] = result
    return out


def _diff(a: Render, b: Render) -> str:
    extra = Counter(b.texts)
    extra.subtract(Counter(a.texts))
    return "; ".join(f"{n:+d} × {text}" for text, n in extra.items() if n)


def test_no_page_sends_more_statements_when_the_history_grows(db, clock):
    # A stopped clock: a signed-in session is touched (one UPDATE) once a minute, which
    # would otherwise land in whichever render the minute ends in.
    year = clock.now().year  # pages open the current year by default
    small_session = _commune("Xã Nhỏ", "do.nho", SMALL, year)
    larger_session = _commune("Xã Lớn", "do.lon", LARGER, year)
    _renders(small_session)  # first visits seed what pages seed once (the question bank)
    _renders(larger_session)
    small, larger = _renders(small_session), _renders(larger_session)
    grown = {key: f"{small[key].statements} → {larger[key].statements}: "
                  f"{_diff(small[key], larger[key])}"
             for key in small if larger[key].statements != small[key].statements}
    assert not grown, "\n".join(f"{k}: {v}" for k, v in grown.items())
