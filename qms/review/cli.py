"""Report kinds of the periodic CCHC report and the management review::

    python -m qms report period --period 4 [--format pdf|xlsx] -o bao-cao.pdf
    python -m qms report management-review --id 1 -o bien-ban.pdf

The organisation is the one the period or the review belongs to. This module adds no command
group of its own.
"""

from __future__ import annotations

import argparse

from sqlalchemy import select

from qms.core.clock import today
from qms.core.errors import NotFound
from qms.core.i18n import t
from qms.db.uow import read_session
from qms.nonconformities.report_queries import org_header
from qms.plan.models import Plan, ReportingPeriod
from qms.reports.cli import register
from qms.review.models import ManagementReview
from qms.review.period_queries import period_report
from qms.review.period_report import period_pdf, period_xlsx
from qms.review.queries import review_detail
from qms.review.report import minutes_pdf


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Nothing besides the report kinds registered below."""


def run(args: argparse.Namespace) -> str | None:
    """No command of its own: the ``report`` command runs the kinds."""
    return None


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", type=int, required=True, help=t("cli.report.period.id"))
    parser.add_argument("--format", choices=("pdf", "xlsx"), default="pdf",
                        help=t("cli.report.period.format"))


def build_period(args: argparse.Namespace) -> bytes:
    """The report of reporting period ``--period`` as PDF or Excel bytes."""
    with read_session() as s:
        org_id = s.scalar(select(Plan.organization_id).join(
            ReportingPeriod, ReportingPeriod.plan_id == Plan.id)
            .where(ReportingPeriod.id == args.period))
    report = period_report(org_id, args.period) if org_id is not None else None
    if report is None:
        raise NotFound("report.period_not_found", period=args.period)
    return period_xlsx(report) if args.format == "xlsx" else period_pdf(report)


def _review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", type=int, required=True, help=t("cli.report.review.id"))


def build_review(args: argparse.Namespace) -> bytes:
    """The minutes of management review ``--id`` as PDF bytes."""
    with read_session() as s:
        org_id = s.scalar(select(ManagementReview.organization_id)
                          .where(ManagementReview.id == args.id))
    detail = review_detail(org_id, args.id, today()) if org_id is not None else None
    org = org_header(org_id) if org_id is not None else None
    if detail is None or org is None:
        raise NotFound("review.not_found", id=args.id)
    return minutes_pdf(org, detail)


register("period", build_period, _period_arguments, "cli.report.period.help")
register("management-review", build_review, _review_arguments, "cli.report.review.help")
