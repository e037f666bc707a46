"""``python -m qms remind [--dry-run] [--org CODE]``: the daily e-mail reminders (cron)."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from qms.auth.models import Organization
from qms.core.clock import today
from qms.core.i18n import t
from qms.dashboard.reminders import send_reminders
from qms.db.uow import read_session


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``remind``."""
    remind = sub.add_parser("remind", help=t("cli.remind.help"))
    remind.add_argument("--dry-run", action="store_true", help=t("cli.remind.dry_run"))
    remind.add_argument("--org", default="", help=t("cli.remind.org"))


def run(args: argparse.Namespace) -> str | None:
    """Send the reminders of one organisation (``--org``) or of every one."""
    if args.command != "remind":
        return None
    with read_session() as s:
        query = select(Organization.id, Organization.name).order_by(Organization.id)
        orgs = s.execute(query.where(Organization.code == args.org) if args.org
                         else query).all()
    if not orgs:
        raise SystemExit(t("cli.no_org"))
    lines = []
    for org_id, name in orgs:
        result = send_reminders(org_id, today(), dry_run=args.dry_run)
        key = "cli.remind.sent" if result.smtp_configured and not args.dry_run \
            else "cli.remind.not_sent"
        lines.append(t(key, org=name, users=result.users_with_work, sent=result.sent,
                       no_email=result.without_email, failed=result.failed))
    return "\n".join(lines)
