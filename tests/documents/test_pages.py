"""The document register page driven through AppTest: filters, search, the workflow forms."""

from __future__ import annotations

from datetime import UTC, datetime

from qms.core.i18n import t
from qms.documents import drafts as documents
from qms.documents.drafts import DraftInput
from qms.documents.queries import document_detail, document_id_by_code
from qms.documents.sync import sync_procedures
from tests.documents.helpers import REAL_PROCEDURES, commune, synced
from tests.factories import PASSWORD, signed_in
from tests.ui.apptest import open_page, texts

PAGE = "pages/20_quy_trinh.py"


def _forms(at) -> set[str]:
    return {f.proto.form.form_id for f in at.get("form")}


def _submit(at, form: str, label: str) -> None:
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()


def _codes(at) -> list[str]:
    """Codes in the register table (the first table with the register's columns)."""
    register = next(d.value for d in at.dataframe
                    if t("documents.col.next_review_date") in d.value.columns)
    return list(register[t("documents.col.code")])


def test_the_register_lists_filters_and_searches_without_accents(db, clock):
    clock.now_value = datetime(2024, 5, 10, 1, 0, tzinfo=UTC)  # reviews due 15/02 and 01/06
    c = commune()
    sync_procedures(c.system, REAL_PROCEDURES)
    at = open_page(PAGE, signed_in("hoant").session_id)
    assert not at.exception
    assert len(_codes(at)) == 12
    at.text_input(key="documents.filter.search").input("kiem soat").run()
    assert _codes(at) == ["QT-01", "QT-03"]
    at.text_input(key="documents.filter.search").input("").run()
    at.selectbox(key="documents.filter.type").select("policy").run()
    assert _codes(at) == ["CS-01"]
    at.selectbox(key="documents.filter.type").select("").run()
    at.selectbox(key="documents.filter.clause").select("9.2").run()
    assert _codes(at) == ["QT-02"]
    assert [w.value for w in at.warning] == [t("documents.due.warning", due=6, upcoming=6)]


def test_an_empty_register_says_how_to_fill_it(db):
    commune()
    at = open_page(PAGE, signed_in("hangnt").session_id)
    assert not at.exception
    assert t("documents.none") in texts(at)


def _reviewed_draft(c, tmp_path) -> tuple[int, int]:
    doc_id = synced(c, tmp_path)
    drafter = c.actor("hangnt")
    rev_id = documents.start_draft(drafter, doc_id, "Mục 1: sửa mục đích")

    def version() -> int:
        return document_detail(c.org_id, doc_id).revision(rev_id).version

    documents.edit_draft(drafter, rev_id, DraftInput("# Mục đích mới\n", "Mục 1"), version())
    documents.submit_revision(drafter, rev_id, version())
    documents.review_revision(c.actor("hungtv"), rev_id, True, "Đồng ý", version())
    return doc_id, rev_id


def test_the_approval_form_refuses_a_wrong_password_then_approves_with_the_right_one(
        db, tmp_path):
    c = commune()
    doc_id, rev_id = _reviewed_draft(c, tmp_path)
    at = open_page(PAGE, signed_in("bennv").session_id)
    at.text_input(key="documents.approve.password").input("mat-khau-sai-roi")
    _submit(at, "documents.approve", t("documents.approve.button"))
    assert [e.value for e in at.error] == [t("document.wrong_password")]
    assert document_detail(c.org_id, doc_id).revision(rev_id).status == "in_review"
    at.text_input(key="documents.approve.password").input(PASSWORD)
    _submit(at, "documents.approve", t("documents.approve.button"))
    assert not at.exception
    assert t("documents.approve.done", issue=2) in texts(at)
    assert document_detail(c.org_id, doc_id).effective.id == rev_id


def test_the_approval_form_is_shown_to_leaders_only(db, tmp_path):
    c = commune()
    _reviewed_draft(c, tmp_path)
    assert "documents.approve" in _forms(open_page(PAGE, signed_in("bennv").session_id))
    for username in ("hangnt", "hoant"):
        at = open_page(PAGE, signed_in(username).session_id)
        assert not at.exception
        assert "documents.approve" not in _forms(at)
        assert t("documents.waiting_approval") in texts(at)


def test_each_role_sees_only_the_forms_it_may_use_on_an_effective_document(db, tmp_path):
    c = commune()
    synced(c, tmp_path)  # owned by Tư pháp - Hộ tịch
    expected = {
        "hangnt": {"documents.new_draft", "documents.confirm_review"},
        "hoant": {"documents.new_draft"},  # an officer of the owning unit
        "minhlv": set(),  # an officer of another unit
        "bennv": {"documents.confirm_review", "documents.withdraw"},
    }
    for username, forms in expected.items():
        assert _forms(open_page(PAGE, signed_in(username).session_id)) == forms, username


def test_the_chairman_withdraws_the_document_on_the_page_giving_a_reason(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    at = open_page(PAGE, signed_in("bennv").session_id)
    _submit(at, "documents.withdraw", t("documents.withdraw.button"))
    assert document_detail(c.org_id, doc_id).status == "active"  # the reason is required
    at.text_input(key="documents.withdraw.reason").input("Thay bằng quy trình mới")
    _submit(at, "documents.withdraw", t("documents.withdraw.button"))
    assert not at.exception
    assert document_detail(c.org_id, doc_id).status == "obsolete"
    assert t("documents.withdrawn_note") in texts(at)


def test_the_iso_officer_drafts_and_submits_and_the_reviewer_accepts_from_the_page(
        db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    at = open_page(PAGE, signed_in("hangnt").session_id)
    at.text_input(key="documents.new_draft.summary").input("Mục 1: cập nhật căn cứ")
    _submit(at, "documents.new_draft", t("documents.new_draft.button"))
    draft = document_detail(c.org_id, doc_id).revisions[-1]
    assert draft.status == "draft"
    suffix = f"{draft.id}.{draft.version}"
    at.text_area(key=f"documents.edit.content.{suffix}").input("# Nội dung sửa đổi\n")
    _submit(at, "documents.edit", t("documents.edit.save"))
    assert t("documents.edit.saved") in texts(at)
    _submit(at, "documents.submit", t("documents.submit.button"))
    assert document_detail(c.org_id, doc_id).revision(draft.id).status == "in_review"
    at = open_page(PAGE, signed_in("hungtv").session_id)
    at.text_area(key="documents.review.comments").input("Đạt yêu cầu")
    _submit(at, "documents.review", t("documents.review.accept"))
    rev = document_detail(c.org_id, doc_id).revision(draft.id)
    assert rev.reviewed and rev.review_comments == "Đạt yêu cầu"
    assert rev.content == "# Nội dung sửa đổi\n"


def test_the_drafter_reviewing_their_own_draft_gets_the_reason(db, tmp_path):
    c = commune()
    doc_id = synced(c, tmp_path)
    drafter = c.actor("hangnt")
    rev_id = documents.start_draft(drafter, doc_id, "Sửa")
    documents.submit_revision(drafter, rev_id,
                              document_detail(c.org_id, doc_id).revision(rev_id).version)
    at = open_page(PAGE, signed_in("hangnt").session_id)
    _submit(at, "documents.review", t("documents.review.accept"))
    assert [e.value for e in at.error] == [t("document.reviewer_is_drafter")]


def test_a_link_opens_the_document_and_an_old_issue_shows_it_is_expired(db, tmp_path):
    c = commune()
    sync_procedures(c.system, REAL_PROCEDURES)
    doc_id = document_id_by_code(c.org_id, "QT-04")
    documents.withdraw_document(c.actor("bennv"), doc_id, "Thay bằng quy trình mới")
    at = open_page(PAGE, signed_in("hoant").session_id, run=False)
    at.query_params["doc"] = "QT-04"
    at.run()
    assert not at.exception
    assert at.selectbox(key="documents.open").value == doc_id
    assert t("documents.expired_note") in texts(at)
    assert t("documents.withdrawn_note") in texts(at)
