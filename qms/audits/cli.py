"""``python -m qms report audit|audit-plan --id ID -o FILE``: the internal-audit PDFs."""

from __future__ import annotations

import argparse

from qms.audits.plan_report import audit_plan_pdf
from qms.audits.report import audit_report_pdf
from qms.audits.report_queries import audit_report_data
from qms.core.i18n import t
from qms.reports.cli import organization_id, register


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """No command of its own: the audit kinds live under ``report``."""


def run(args: argparse.Namespace) -> str | None:
    return None


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", type=int, required=True, help=t("cli.report.audit.id"))
    parser.add_argument("--org", default="", help=t("cli.user.org"))


def build_report(args: argparse.Namespace) -> bytes:
    """The audit report PDF (BÁO CÁO KẾT QUẢ ĐÁNH GIÁ NỘI BỘ)."""
    return audit_report_pdf(audit_report_data(organization_id(args.org), args.id))


def build_plan(args: argparse.Namespace) -> bytes:
    """The audit plan PDF (KẾ HOẠCH ĐÁNH GIÁ NỘI BỘ)."""
    return audit_plan_pdf(audit_report_data(organization_id(args.org), args.id))


register("audit", build_report, _arguments, "cli.report.audit.help")
register("audit-plan", build_plan, _arguments, "cli.report.audit_plan.help")
