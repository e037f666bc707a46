"""Hostile input at the edges: uploads (oversize, disguised, path tricks, zip bombs), Markdown
that tries to fetch images or link elsewhere, spreadsheet formulas in exports, HTML never
rendered as HTML, and the same record found whether the search is typed NFC or NFD."""

from __future__ import annotations

import ast
import io
import re
import unicodedata
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qms.core.clock import today
from qms.core.errors import ValidationFailed
from qms.core.files import safe_name, sniff
from qms.core.text import inert_markdown
from qms.documents import drafts as documents
from qms.documents.register_import import preview_register
from qms.nonconformities.queries import NcFilter, register
from qms.nonconformities.recording import NcInput, attach_file, raise_nonconformity
from qms.plan.importing import preview_import
from qms.reports.excel import frame_to_xlsx
from qms.reports.markdown import markdown_flowables
from qms.trace.evidence import EvidenceInput, add_evidence
from tests.nonconformities.helpers import commune, nc_input
from tests.reliability import hostile as h

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n%%EOF\n"
TRAVERSAL = ("../../etc/passwd.pdf", "..\\..\\boot.ini", "/etc/shadow", ".htaccess",
             "a/../../b.pdf", "C:\\Windows\\x.pdf", "", "  ", "..")


@pytest.fixture
def iso(db):
    c = commune()
    return c, c.actor("hangnt")


@pytest.mark.parametrize("name", TRAVERSAL)
def test_path_tricks_in_file_names_are_refused(iso, name):
    c, actor = iso
    with pytest.raises(ValidationFailed) as caught:
        add_evidence(actor, EvidenceInput("Biên bản"), name, PDF)
    assert caught.value.key in {"file.bad_name"}


@pytest.mark.parametrize(("data", "name"), [
    (b"MZ\x90\x00\x03" + b"\x00" * 200, "bien-ban.pdf"),  # a Windows program called .pdf
    (b"<html><script>alert(1)</script></html>", "anh.png"),  # HTML called .png
    (b"#!/bin/sh\nrm -rf /\n", "quyet-dinh.docx"),  # a script called .docx
    (h.zip_bytes({"evil.sh": b"echo"}), "ke-hoach.xlsx"),  # a zip that is not an Office file
])
def test_disguised_uploads_are_refused_by_content(iso, data, name):
    c, actor = iso
    nc_id = raise_nonconformity(actor, "", None, nc_input(c))
    with pytest.raises(ValidationFailed) as caught:
        attach_file(actor, nc_id, name, data)
    assert caught.value.key == "file.bad_type"


def test_a_pdf_named_exe_is_stored_as_pdf_and_oversize_is_refused(iso, monkeypatch):
    c, actor = iso
    nc_id = raise_nonconformity(actor, "", None, nc_input(c))
    attach_file(actor, nc_id, "chay-toi.exe", PDF)
    monkeypatch.setenv("QMS_MAX_UPLOAD_MB", "1")
    with pytest.raises(ValidationFailed) as caught:
        attach_file(actor, nc_id, "lon.pdf", PDF + b"0" * (1024 * 1024))
    assert caught.value.key == "file.too_large"
    with pytest.raises(ValidationFailed) as caught:
        attach_file(actor, nc_id, "rong.pdf", b"")
    assert caught.value.key == "file.empty"


def test_zip_bombs_are_refused_by_the_plan_importer_the_register_import_and_uploads(iso):
    c, actor = iso
    for bomb in (h.docx_bomb(), h.xlsx_bomb()):
        assert len(bomb) < 2_000_000
        with pytest.raises(ValidationFailed):
            preview_import(actor, bomb)
        with pytest.raises(ValidationFailed):
            preview_register(actor, bomb)
        with pytest.raises(ValidationFailed):
            add_evidence(actor, EvidenceInput("Bom"), "bom.docx", bomb)


@h.PROPERTY
@given(name=h.TEXT, kind=st.sampled_from(("pdf", "docx", "png", "jpeg")))
def test_any_file_name_is_refused_or_made_safe(name, kind):
    try:
        cleaned = safe_name(name, kind)
    except ValidationFailed:
        return
    assert "/" not in cleaned and "\\" not in cleaned and ".." not in cleaned
    assert not cleaned.startswith(".") and not (set(cleaned) & h.CONTROL)
    assert cleaned.endswith((".pdf", ".docx", ".png", ".jpg")) and len(cleaned) <= 130


@h.PROPERTY
@given(data=st.binary(max_size=4000))
def test_sniffing_any_bytes_is_a_kind_or_none(data):
    try:
        found = sniff(data)
    except ValidationFailed as exc:  # only a zip that unpacks too large
        assert exc.key == "file.zip_bomb"
        return
    assert found is None or found.kind in {"pdf", "png", "jpeg", "doc", "docx", "xlsx", "txt"}


_LINK = re.compile(r"(?<!\\)!?(?<!\\)\[[^\]]*(?<!\\)\]\(")
_BARE = re.compile(r"(?:https?|ftp)://|www\.")


@h.PROPERTY
@given(body=st.lists(st.one_of(h.TEXT, st.sampled_from((
    "![theo dõi](http://evil.example/p.png)", "[bấm vào](https://evil.example/x)",
    "<https://evil.example>", "www.evil.example/a", "[r]: http://evil.example/i.png",
    "![a][r]", "| Bước | <br> ![x](//evil.example/y.png) |", "`code` **đậm** *nghiêng*"))),
    max_size=6).map("\n".join))
def test_procedure_markdown_never_fetches_or_links_elsewhere(body):
    shown = inert_markdown(body)
    assert not _LINK.search(shown)  # no image or inline link is left to render
    outside_code = re.sub(r"`[^`]*`", "", shown)
    assert not _BARE.search(outside_code)  # addresses show as code, never as links
    assert "](" not in shown.replace("\\](", "")
    for flowable in markdown_flowables(body):  # the PDF never turns them into tags
        text = getattr(flowable, "text", "") or ""
        assert "<img" not in text and "<a " not in text.lower()


def test_the_viewers_render_user_markdown_through_inert_markdown():
    for page in ("qms/documents/ui/detail.py", "qms/nonconformities/ui/detail.py"):
        source = (ROOT / page).read_text(encoding="utf-8")
        assert "inert(" in source
    assert "inert(rev.content)" in (ROOT / "qms/documents/ui/detail.py").read_text("utf-8")


def test_no_page_renders_user_text_as_html():
    """``unsafe_allow_html`` appears nowhere; ``st.html`` only with the app's own constants."""
    allowed = {("qms/auth/ui/session.py", "script"), ("qms/audits/ui/fill.py", "TOUCH_CSS")}
    for path in [*ROOT.joinpath("pages").glob("*.py"), *ROOT.joinpath("qms").rglob("*.py"),
                 ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword):
                assert node.arg != "unsafe_allow_html", path
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "html" and \
                    getattr(node.func.value, "id", "") == "st":
                arg = node.args[0]
                where = path.relative_to(ROOT).as_posix()
                assert isinstance(arg, ast.Name) and (where, arg.id) in allowed, path


@h.PROPERTY
@given(values=st.lists(st.one_of(h.TEXT, st.sampled_from((
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-1+1", "@SUM(A1)", "\t=1",
    "\r=1", "=cmd|' /C calc'!A0", "  =1"))), min_size=1, max_size=5))
def test_excel_exports_never_hold_a_formula(values):
    frame = pd.DataFrame({"Nội dung": values, "=Cột": values})
    workbook = openpyxl.load_workbook(io.BytesIO(frame_to_xlsx(frame, "Sổ KPH")))
    for row in workbook.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("typed", ["Nguyễn Văn Bền", "Nguye\u0302\u0303n Va\u0306n Be\u0302\u0300n",
                                   "nguyen van ben", "NGUYỄN"])
def test_the_register_search_finds_the_record_typed_nfc_or_nfd(iso, typed):
    c, actor = iso
    title = unicodedata.normalize("NFD", "Ông Nguyễn Văn Bền phản ánh trả chậm")
    nc_id = raise_nonconformity(actor, "", None, nc_input(c, title=title))
    found = register(c.org_id, NcFilter(search=typed), today())
    assert list(found["id"]) == [nc_id]
    assert unicodedata.is_normalized("NFC", found.iloc[0]["title"])  # stored NFC


def test_html_in_text_fields_is_stored_as_text_and_dates_in_the_wrong_order_refused(iso):
    c, actor = iso
    nc_id = raise_nonconformity(actor, "", None, nc_input(c, description="<b>x</b><script>"))
    assert nc_id
    with pytest.raises(ValidationFailed) as caught:
        raise_nonconformity(actor, "", None, NcInput(
            "Mô tả.", "minor", "other", found_on=date(2023, 2, 10), recorded_on=date(2023, 2, 1)))
    assert caught.value.key == "nc.bad_dates"
    with pytest.raises(ValidationFailed):
        documents.start_draft(actor, 1, "x" * 5000)
