"""``python -m qms procedures sync`` and ``python -m qms report procedure``."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from qms import cli
from qms.core.errors import NotFound
from qms.db.uow import read_session
from qms.reports.cli import REPORT_KINDS
from qms.trace.models import TraceLink
from tests.factories import make_org
from tests.reports.pdftext import page_texts


def test_sync_dry_run_then_sync_then_nothing_left_to_do(fresh_database_url):
    cli.run(["migrate"])
    make_org()  # a commune without the demo: its register starts empty
    dry = cli.run(["procedures", "sync", "--dry-run"])
    assert dry.splitlines()[-2].startswith("Thêm mới 12, dự thảo 0, không đổi 0, lỗi 0")
    assert dry.splitlines()[-1] == "(Chạy thử: không có gì được ghi.)"
    first = cli.run(["procedures", "sync"])
    assert "+ QT-01 (qt-01-kiem-soat-thong-tin-dang-van-ban.md): thêm mới, lần ban hành 1 " \
           "đang hiệu lực" in first
    again = cli.run(["procedures", "sync"]).splitlines()[-1]
    assert again.startswith("Thêm mới 0, dự thảo 0, không đổi 12, lỗi 0")


def test_the_demo_already_holds_every_procedure_linked_to_the_plan(fresh_database_url):
    cli.run(["migrate"])
    cli.run(["demo"])
    report = cli.run(["procedures", "sync"]).splitlines()[-1]
    assert report.startswith("Thêm mới 0, dự thảo 0, không đổi 12, lỗi 0")


    with read_session() as s:
        links = s.scalar(select(func.count()).where(TraceLink.entity_type == "procedure"))
    assert links >= 12


def test_report_procedure_writes_the_controlled_copy_of_an_issue(fresh_database_url, tmp_path):
    cli.run(["migrate"])
    cli.run(["demo"])
    cli.run(["procedures", "sync"])
    out = tmp_path / "qt-08.pdf"
    message = cli.run(["report", "procedure", "--id", "qt-08", "--revision", "1", "-o",
                       str(out)])
    assert message.startswith(f"Đã ghi {out}")
    first = " ".join(page_texts(out.read_bytes())[0].split())
    assert "Mã hiệu: QT-08" in first and "ĐĂNG KÝ KHAI SINH" in first
    with pytest.raises(NotFound, match="Không tìm thấy tài liệu \"QT-99\""):
        cli.run(["report", "procedure", "--id", "QT-99", "-o", str(out)])
    with pytest.raises(NotFound):
        cli.run(["report", "procedure", "--id", "QT-08", "--revision", "7", "-o", str(out)])


def test_the_report_command_lists_the_kinds_feature_modules_registered():
    assert "procedure" in REPORT_KINDS
    with pytest.raises(SystemExit):
        cli.run(["report", "khong-co", "-o", "x.pdf"])
