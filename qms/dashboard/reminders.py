"""E-mail reminders: each user with an address gets the list of "Việc của tôi" once a day
(``python -m qms remind`` from cron). Sent through SMTP when ``QMS_SMTP_HOST`` is set."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import formataddr

from sqlalchemy import select

from qms.auth.models import User
from qms.auth.sessions import actor_for
from qms.core.actor import Actor
from qms.core.config import Smtp, settings
from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.dashboard.my_work import my_work
from qms.dashboard.work_items import WorkItem
from qms.db.uow import unit_of_work
from qms.trail.record import record_change

SMTP_TIMEOUT = 30


def smtp_settings() -> Smtp | None:
    """``QMS_SMTP_HOST`` (unset: no e-mail), ``QMS_SMTP_PORT`` (25), ``QMS_SMTP_FROM``,
    ``QMS_SMTP_USER``/``QMS_SMTP_PASSWORD`` (optional), ``QMS_SMTP_STARTTLS=1``."""
    return settings().smtp


@dataclass(frozen=True)
class Reminder:
    user_id: int
    username: str
    full_name: str
    email: str
    language: str
    items: tuple[WorkItem, ...]


@dataclass(frozen=True)
class RemindResult:
    users_with_work: int
    sent: int
    without_email: int
    failed: int
    smtp_configured: bool


def due_reminders(org_id: int, today: date) -> list[Reminder]:
    """Every active user of the organisation who has something to do, with their items."""
    with unit_of_work(write=False) as uow:
        users = uow.session.scalars(select(User).where(
            User.organization_id == org_id, User.is_active.is_(True)).order_by(User.username))
        people = [(actor_for(u), u.username, u.email, u.language) for u in users]
    result = []
    for actor, username, email, language in people:
        items = tuple(my_work(actor, today))
        if items and actor.user_id is not None:
            result.append(Reminder(actor.user_id, username, actor.full_name, email, language,
                                   items))
    return result


def base_url() -> str:
    """``QMS_BASE_URL``: the address users open the app at (e.g. ``https://qms.namtrung.gov.vn``);
    unset: e-mails carry no links."""
    return settings().base_url


def _line(item: WorkItem, lang: str, base: str = "") -> str:
    due = f" ({t('work.due', lang, date=vn_short_date(item.due))})" if item.due else ""
    late = f"[{t('work.overdue', lang)}] " if item.overdue else ""
    link = f"\n  {item.url(base)}" if base else ""
    return f"- {late}{t(f'work.kind.{item.kind}', lang)}: {item.label}{due}{link}"


def reminder_message(r: Reminder, sender: str) -> EmailMessage:
    """The e-mail of one user: a subject with the counts, one line per item."""
    lang, late = r.language, sum(1 for i in r.items if i.overdue)
    message = EmailMessage()
    message["Subject"] = t("remind.subject", lang, n=len(r.items), overdue=late)
    message["From"] = sender
    message["To"] = formataddr((r.full_name, r.email))
    body = [t("remind.greeting", lang, name=r.full_name), "",
            *(_line(i, lang, base_url()) for i in r.items), "", t("remind.footer", lang)]
    message.set_content("\n".join(body))
    return message


def _deliver(cfg: Smtp, messages: list[EmailMessage]) -> list[bool]:
    delivered = []
    with smtplib.SMTP(cfg.host, cfg.port, timeout=SMTP_TIMEOUT) as smtp:
        if cfg.starttls:
            smtp.starttls()
        if cfg.user:
            smtp.login(cfg.user, cfg.password)
        for message in messages:
            try:
                smtp.send_message(message)
                delivered.append(True)
            except smtplib.SMTPRecipientsRefused:
                delivered.append(False)
    return delivered


def send_reminders(org_id: int, today: date, *, dry_run: bool = False) -> RemindResult:
    """Send today's reminders (or, ``dry_run`` or without SMTP, only count them); every
    e-mail sent is recorded in the audit trail."""
    cfg = smtp_settings()
    reminders = due_reminders(org_id, today)
    reachable = [r for r in reminders if r.email]
    if cfg is None or dry_run or not reachable:
        return RemindResult(len(reminders), 0, len(reminders) - len(reachable), 0,
                            cfg is not None)
    delivered = _deliver(cfg, [reminder_message(r, cfg.sender) for r in reachable])
    system = Actor.system(org_id, "remind")
    with unit_of_work() as uow:
        for r, ok in zip(reachable, delivered, strict=True):
            if ok:
                record_change(uow.session, system, "reminder.sent", "user", r.user_id,
                             after={"email": r.email, "items": len(r.items)})
        uow.commit()
    sent = sum(delivered)
    return RemindResult(len(reminders), sent, len(reminders) - len(reachable),
                        len(delivered) - sent, True)
