"""The nonconformity page shows the register one page at a time."""

from __future__ import annotations

from qms.core.actor import Actor
from qms.core.i18n import t
from qms.core.roles import Role
from qms.demo.scale.history import SCALES, add_history
from qms.nonconformities.ui.register import PAGE_SIZE
from qms.ui.registry import PAGES
from tests.factories import make_org, make_unit, make_user, signed_in
from tests.ui.apptest import open_page, texts

SPEC = next(p for p in PAGES if p.key == "nonconformities")


def _rows(at) -> int:
    [table] = [d for d in at.dataframe if t("nc.col.number") in d.value.columns]
    return len(table.value)


def test_a_long_register_is_paged_and_the_caption_counts_every_record(db):
    org_id = make_org()
    make_user(org_id, "thuky", Role.ISO_OFFICER, unit_id=make_unit(org_id))
    add_history(Actor.system(org_id), SCALES["tiny"], seed=5, last_year=2025)  # 60 records
    at = open_page(SPEC, signed_in("thuky").session_id)
    assert not at.exception
    assert _rows(at) == PAGE_SIZE
    assert t("nc.total", total=60, overdue=0) in texts(at)
    assert t("nc.page_of", page=1, pages=2) in texts(at)
    at.number_input(key="nc.page").set_value(2).run()
    assert _rows(at) == 60 - PAGE_SIZE
    at.number_input(key="nc.page").set_value(9).run()  # past the end: the last page
    assert t("nc.page_of", page=2, pages=2) in texts(at)
