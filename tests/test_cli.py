"""``python -m qms``: migrate, demo data once, accounts."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from qms import cli
from qms.auth import sessions as auth
from qms.auth.queries import list_users
from qms.core.config import ROOT
from qms.core.errors import AuthenticationFailed
from qms.demo.nam_trung import load_demo


def test_migrate_then_demo_loads_nam_trung_once(fresh_database_url):
    assert "mới nhất" in cli.run(["migrate"])
    assert "8 bộ phận, 9 người dùng" in cli.run(["demo", "--if-empty"])
    assert cli.run(["demo", "--if-empty"]) == \
        "Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu."
    users = list_users(load_demo(if_empty=True).organization_id)
    assert {u.username for u in users} >= {"bennv", "hangnt", "hoant"}
    assert not any(u.has_password for u in users)
    assert auth.needs_first_admin()


def test_user_add_set_password_and_disable(fresh_database_url, monkeypatch):
    cli.run(["migrate"])
    cli.run(["demo"])
    monkeypatch.setattr(sys, "stdin", io.StringIO("mat-khau-quan-tri\n"))
    cli.run(["user", "add", "quantri", "--full-name", "Quản Trị Viên", "--role", "admin",
             "--unit", "Văn phòng - Thống kê", "--password-stdin"])
    assert not auth.needs_first_admin()
    monkeypatch.setattr(sys, "stdin", io.StringIO("mat-khau-cua-hang\n"))
    cli.run(["user", "set-password", "hangnt", "--password-stdin"])
    assert auth.sign_in("hangnt", "mat-khau-cua-hang").actor.username == "hangnt"
    assert "vô hiệu hóa" in cli.run(["user", "disable", "hangnt", "--reason", "chuyển công tác"])
    with pytest.raises(AuthenticationFailed, match="vô hiệu hóa"):
        auth.sign_in("hangnt", "mat-khau-cua-hang")


def test_cli_errors_are_vietnamese_sentences_with_exit_code_2(fresh_database_url, monkeypatch,
                                                               capsys):
    cli.run(["migrate"])
    cli.run(["demo"])
    monkeypatch.setattr(sys, "stdin", io.StringIO("ngan\n"))
    assert cli.main(["user", "set-password", "hangnt", "--password-stdin"]) == 2
    assert "Lỗi: Mật khẩu phải có ít nhất 10 ký tự." in capsys.readouterr().err


def test_unknown_user_stops_with_a_message(fresh_database_url):
    cli.run(["migrate"])
    cli.run(["demo"])
    with pytest.raises(SystemExit, match="Không có người dùng"):
        cli.run(["user", "disable", "khongco"])


def test_the_module_runs_as_a_program(tmp_path):
    env = {"QMS_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "qms", "migrate"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "qms.sqlite3").exists()
