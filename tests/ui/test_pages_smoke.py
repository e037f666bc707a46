"""Every page in the registry runs for every role: shown to those it allows, refused to others."""

from __future__ import annotations

import pytest

from qms.core.config import ROOT
from qms.core.i18n import t
from qms.core.roles import Role
from qms.ui.registry import PAGES
from tests.factories import make_org, make_user, signed_in
from tests.ui.apptest import open_page, texts

CASES = [(spec, role) for spec in PAGES for role in Role]


def test_every_page_file_is_in_the_registry():
    files = {"app.py", *(f"pages/{p.name}" for p in ROOT.joinpath("pages").glob("*.py"))}
    assert files == {spec.path for spec in PAGES}


@pytest.mark.parametrize(("spec", "role"), CASES, ids=[f"{s.key}-{r.value}" for s, r in CASES])
def test_every_page_runs_for_every_role(db, spec, role):
    make_user(make_org(), "nguoidung", role)
    at = open_page(spec, signed_in("nguoidung").session_id)
    assert not at.exception, at.exception
    if spec.allows(frozenset({role})):
        assert at.title[0].value == f"{spec.icon} {t(spec.title_key)}"
        assert t("guard.forbidden") not in texts(at)
    else:
        assert [e.value for e in at.error] == [t("guard.forbidden")]


@pytest.mark.parametrize("spec", PAGES, ids=[s.key for s in PAGES])
def test_a_signed_out_visitor_gets_the_sign_in_form_on_every_page(db, spec):
    make_user(make_org(), "quantri", Role.ADMIN)
    at = open_page(spec)
    assert not at.exception
    assert at.title[0].value == t("auth.login.title")
    assert at.text_input(key="auth.login.username") is not None


def test_the_navigation_shows_only_the_pages_of_the_users_roles(db):
    make_user(make_org(), "xem", Role.VIEWER)
    at = open_page("app.py", signed_in("xem").session_id)
    labels = {link.proto.label for link in at.get("page_link")}
    assert labels == {t(p.title_key) for p in PAGES if p.allows(frozenset({Role.VIEWER}))}
    assert t("page.users") not in labels and t("page.home") in labels
    make_user(make_org("Xã Nam Hồng"), "quantri", Role.ADMIN)
    at = open_page("app.py", signed_in("quantri").session_id)
    assert {link.proto.label for link in at.get("page_link")} == {t(p.title_key) for p in PAGES}
