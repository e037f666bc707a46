"""Report kinds of the nonconformity register (``python -m qms report car|nc-register``).

``car --id KPH-2023-001``: the corrective-action request form of one nonconformity;
``nc-register --year 2023 [--period-id N]``: the register of a year or a reporting period.
This module adds no command group of its own.
"""

from __future__ import annotations

import argparse

from qms.core.clock import today
from qms.core.errors import NotFound
from qms.core.i18n import t
from qms.nonconformities.queries import nc_id_by_number
from qms.nonconformities.register_report import register_pdf
from qms.nonconformities.report import car_pdf
from qms.nonconformities.report_queries import car_form, register_report
from qms.reports.cli import organization_id, register


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Nothing besides the report kinds registered below."""


def run(args: argparse.Namespace) -> str | None:
    """No command of its own: the ``report`` command runs the kinds."""
    return None


def _car_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", required=True, help=t("cli.report.car.id"))
    parser.add_argument("--org", default="", help=t("cli.user.org"))


def build_car(args: argparse.Namespace) -> bytes:
    """The request form of nonconformity ``--id`` (its number) as PDF bytes."""
    org_id = organization_id(args.org)
    nc_id = nc_id_by_number(org_id, args.id)
    form = car_form(org_id, nc_id, today()) if nc_id is not None else None
    if form is None:
        raise NotFound("nc.report.not_found", number=args.id)
    return car_pdf(form)


def _register_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, help=t("cli.report.nc_register.year"))
    parser.add_argument("--period-id", type=int, default=None,
                        help=t("cli.report.nc_register.period"))
    parser.add_argument("--org", default="", help=t("cli.user.org"))


def build_register(args: argparse.Namespace) -> bytes:
    """The register of ``--year`` (or of the reporting period ``--period-id``) as PDF bytes."""
    report = register_report(organization_id(args.org), args.year, today(), args.period_id)
    if report is None:
        raise NotFound("nc.report.no_period", period=args.period_id or "")
    return register_pdf(report)


register("car", build_car, _car_arguments, "cli.report.car.help")
register("nc-register", build_register, _register_arguments, "cli.report.nc_register.help")
