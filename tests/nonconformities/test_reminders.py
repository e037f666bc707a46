"""E-mail reminders reach an SMTP server (a local one started by the test) with the right
recipients, a Vietnamese subject and one line per thing to do."""

from __future__ import annotations

import email
from email.header import decode_header, make_header
from email.policy import default

import pytest
from sqlalchemy import select

from qms import cli
from qms.core.clock import today
from qms.dashboard.reminders import send_reminders
from qms.db.uow import unit_of_work
from qms.trail.models import AuditLog
from tests.dashboard.smtp_sink import SmtpSink
from tests.nonconformities.helpers import commune, detail, planned


@pytest.fixture
def c(db, clock):
    return commune()


@pytest.fixture
def sink(monkeypatch):
    with SmtpSink() as server:
        monkeypatch.setenv("QMS_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("QMS_SMTP_PORT", str(server.port))
        monkeypatch.setenv("QMS_SMTP_FROM", "QMS xã Nam Trung <qms@namtrung.gov.vn>")
        yield server


def _subject(raw: bytes) -> str:
    header = email.message_from_bytes(raw)["Subject"]
    return str(make_header(decode_header(header)))


def test_each_person_with_work_gets_one_email_with_a_vietnamese_subject(c, clock, sink):
    nc_id, _ = planned(c, owner="minhlv")
    clock.advance(days=20)  # the action (due in 14 days) is now overdue
    result = send_reminders(c.org_id, today())
    by_rcpt = {m.recipients[0]: m for m in sink.messages}
    # minhlv owns the action; hangnt (ISO officer) sees nothing yet: no check is due
    assert set(by_rcpt) == {"minhlv@namtrung.gov.vn"} and result.sent == 1
    message = by_rcpt["minhlv@namtrung.gov.vn"]
    assert message.mail_from == "<qms@namtrung.gov.vn>"
    assert _subject(message.data) == "[QMS] Việc cần làm: 1 việc, 1 việc quá hạn"
    parsed = email.message_from_bytes(message.data, policy=default)
    assert str(parsed["To"]) == "Lê Văn Minh <minhlv@namtrung.gov.vn>"
    body = parsed.get_content()
    assert body.startswith("Kính gửi Lê Văn Minh,")
    assert (f"- [Quá hạn] Thực hiện hành động khắc phục: {detail(c, nc_id).number} — "
            "Lập sổ theo dõi hạn trả kết quả") in body
    with unit_of_work() as uow:
        logged = uow.session.scalars(select(AuditLog.entity_id).where(
            AuditLog.action == "reminder.sent")).all()
    assert logged == [str(c.users["minhlv"])]


def test_with_a_base_url_each_line_carries_the_link_that_opens_the_record(c, sink, monkeypatch):
    nc_id, _ = planned(c, owner="minhlv")
    number = detail(c, nc_id).number
    send_reminders(c.org_id, today())
    body = email.message_from_bytes(sink.messages[0].data, policy=default).get_content()
    assert "http" not in body  # QMS_BASE_URL unset: no links
    monkeypatch.setenv("QMS_BASE_URL", "https://qms.namtrung.gov.vn/")
    send_reminders(c.org_id, today())
    body = email.message_from_bytes(sink.messages[1].data, policy=default).get_content()
    assert f"  https://qms.namtrung.gov.vn/khong_phu_hop?nc={number}\n" in body


def test_a_dry_run_or_no_smtp_server_sends_nothing(c, sink, monkeypatch):
    planned(c, owner="minhlv")
    assert send_reminders(c.org_id, today(), dry_run=True).sent == 0
    monkeypatch.delenv("QMS_SMTP_HOST")
    result = send_reminders(c.org_id, today())
    assert (result.sent, result.smtp_configured, result.users_with_work) == (0, False, 1)
    assert sink.messages == []


def test_the_remind_command_reports_what_it_sent(c, sink):
    planned(c, owner="minhlv")
    output = cli.run(["remind"])
    assert output == ("Xã Nam Trung: 1 người có việc; đã gửi 1 thư, 0 người chưa có e-mail, "
                      "0 thư lỗi.")
    assert len(sink.messages) == 1
